import { personnummerFor } from '@insyn/domain';
import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

/** A number no earlier run used on a reused server: the serial from the clock. */
const freshNumber = (birthDate: string) => personnummerFor(birthDate, Date.now() % 1000);

test.describe('people administration', () => {
  test('the administrator adds a student with a guardian, ends her classes when she leaves, and gives a new teacher a duty and a login', async ({
    page,
    request,
  }) => {
    const run = Date.now().toString(36);
    await login(page, 'admin', '/administration');
    await page.getByRole('link', { name: 'Elever' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Elever' })).toBeVisible();
    await page.getByRole('link', { name: 'Ny elev' }).click();

    const form = page.getByTestId('student-form');
    await form.getByLabel('Personnummer').fill('20140517-3823');
    await form.getByLabel('Förnamn').fill('Tova');
    await form.getByLabel('Efternamn').fill(`Test ${run}`);
    const [schoolId] = await form.getByLabel('Skola').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Skapa' }).click();
    await expect(form.getByText('Kontrollsiffran stämmer inte.')).toBeVisible();
    await form.getByLabel('Personnummer').fill(freshNumber('2014-05-17'));
    await form.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Tova Test ${run}` })).toBeVisible();
    await expect(page.getByText('2014-05-17')).toBeVisible();
    const studentPage = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Ny vårdnadshavare' }).click();
    const guardian = page.getByTestId('guardian-form');
    await guardian.getByLabel('Förnamn').fill('Greta');
    await guardian.getByLabel('Efternamn').fill(`Test ${run}`);
    await guardian.getByLabel('Mobilnummer').fill('070-123 45 67');
    await guardian.getByLabel('Gatuadress').fill('Skolvägen 1');
    await guardian.getByLabel('Postnummer').fill('12345');
    await guardian.getByLabel('Ort').fill('Exempelby');
    await guardian.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Tova Test ${run}` })).toBeVisible();
    await page.getByRole('link', { name: `Greta Test ${run}` }).click();
    await expect(page.getByLabel('Mobilnummer')).toHaveValue('+46701234567');
    await expect(page.getByLabel('Postnummer')).toHaveValue('123 45');

    // In a class of her school since the 2nd (set up through the API), then she leaves: the class ends after her last day.
    const token = await apiLogin(request, 'admin');
    const groups = await graphql<{ administeredGroups: { groups: { id: string; currentStudents: number }[] } }>(
      request,
      'query($school: ID!) { administeredGroups(filter: { schoolId: $school, kind: CLASS }, page: { limit: 100 }) { groups { id currentStudents } } }',
      { school: schoolId },
      token,
    );
    const classId = groups.data!.administeredGroups.groups.find((group) => group.currentStudents > 0)!.id;
    const enrolled = await graphql(
      request,
      'mutation($input: EnrolmentInput!) { enrolInGroup(input: $input) { id } }',
      { input: { groupId: classId, studentId: studentPage.split('/').at(-1), validFrom: '2026-11-02' } },
      token,
    );
    expect(enrolled.errors).toBeUndefined();
    await page.goto(studentPage);
    const leaving = page.getByTestId('leaving-form');
    const lastDay = leaving.getByLabel('Sista dag på skolan');
    const end = leaving.getByRole('button', { name: 'Avsluta klasser och grupper' });
    await end.click();
    await expect(lastDay).toHaveAccessibleDescription(/Datumet finns inte\./);
    await lastDay.fill('2026-12-18');
    await end.click();
    await expect(leaving.getByRole('status')).toContainText('Klasser och grupper är avslutade efter 18 december 2026.');
    await expect(page.getByRole('table', { name: 'Elevens klasser och grupper' }).getByRole('cell', { name: '2026-12-18' })).toBeVisible();
    await end.click();
    await expect(lastDay).toHaveAccessibleDescription(/Eleven har inga klasser eller grupper efter den dagen\./);
    // A day before she began in the class is a mistake.
    await lastDay.fill('2026-10-01');
    await end.click();
    await expect(lastDay).toHaveAccessibleDescription(/Eleven gick i en klass eller grupp efter den dagen: kontrollera datumet\./);
    // She left earlier than planned, last Friday: her record and the student list show her last day in a class.
    await lastDay.fill('2026-11-20');
    await end.click();
    await expect(page.getByTestId('student-left')).toContainText('2026-11-20');
    await page.goto('/administration/elever');
    await page.getByLabel('Sök namn eller personnummer').fill(`Test ${run}`);
    await expect(page.getByTestId('admin-students').getByRole('row', { name: /Tova/ })).toContainText('Senast i klass 2026-11-20');

    await page.goto('/administration/personal/ny');
    const staff = page.getByTestId('staff-form');
    await staff.getByLabel('Förnamn').fill('Lena');
    await staff.getByLabel('Efternamn').fill(`Test ${run}`);
    await staff.getByLabel('Signatur').fill(`L${run.slice(-6)}`);
    await staff.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Lena Test ${run}`) })).toBeVisible();

    const duty = page.getByTestId('duty-form');
    await duty.getByLabel('Uppdrag').selectOption('TEACHER');
    await duty.getByLabel('Undervisningsgrupp').selectOption({ index: 1 });
    await duty.getByLabel('Från och med').fill('2026-11-26');
    await duty.getByLabel('Till och med (valfritt)').fill('2026-11-01');
    await duty.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    await expect(duty.getByText('Slutdatumet är före startdatumet.')).toBeVisible();
    await duty.getByLabel('Till och med (valfritt)').fill('');
    await duty.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    await expect(page.getByTestId('staff-duties').getByRole('cell', { name: 'Lärare' })).toBeVisible();

    const username = `lena.${run}`;
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Nytt lösenord').fill('ett-långt-lösenord');
    await page.getByRole('button', { name: 'Spara inloggning' }).click();
    await expect(page.getByText(`Inloggningen ${username} är sparad.`)).toBeVisible();

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord', { exact: true }).fill('ett-långt-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByTestId('logged-in-user')).toContainText('Lena');
  });
});
