import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

// The administrator runs the classes: creates a class, takes a student who left another class into it, and
// moves them on to a second class from a later date; each group's page shows the dated memberships.
test.describe('administration of classes', () => {
  test('create a class, enrol a student, move them to another class from a date', async ({ page, request }) => {
    // A student of the last class of the last school (far from the demo users' own classes).
    const token = await apiLogin(request, 'admin');
    const found = await graphql<{
      administeredGroups: { groups: { id: string; name: string; school: { id: string; name: string } }[] };
    }>(
      request,
      `
        {
          administeredGroups(filter: { kind: CLASS }, sort: { field: SCHOOL, direction: DESC }, page: { limit: 1 }) {
            groups {
              id
              name
              school {
                id
                name
              }
            }
          }
        }
      `,
      {},
      token,
    );
    const source = found.data!.administeredGroups.groups[0]!;
    const members = await graphql<{
      administeredGroup: { memberships: { validTo: string | null; student: { firstName: string; lastName: string } }[] };
    }>(
      request,
      'query($id: ID!) { administeredGroup(id: $id) { memberships { validTo student { firstName lastName } } } }',
      { id: source.id },
      token,
    );
    const student = members.data!.administeredGroup.memberships.filter((m) => m.validTo === null).at(-1)!.student;
    const fullName = `${student.lastName}, ${student.firstName}`;

    await login(page, 'admin', '/administration');
    await page.getByRole('link', { name: 'Klasser och grupper' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Klasser och grupper' })).toBeVisible();

    // Two new classes at the student's school.
    for (const name of ['9E2E', '9E2F']) {
      await page.goto('/administration/grupper/ny');
      await page.getByLabel('Skola', { exact: true }).selectOption({ label: source.school.name });
      await page.getByLabel('Namn', { exact: true }).fill(name);
      await page.getByLabel('Årskurs', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Skapa' }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    }
    await expect(page.getByText('Gruppen har inga elever ännu.')).toBeVisible();

    // The student leaves the old class on 25 November.
    await page.goto(`/administration/grupper/${source.id}`);
    const row = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await row.getByRole('button', { name: `Avsluta för ${student.firstName}` }).click();
    await page.getByLabel('Sista dag i gruppen').fill('2026-11-25');
    await page.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
    await expect(row.getByRole('cell', { name: '2026-11-25' })).toBeVisible();

    // …and joins 9E2E the day after.
    await page.goto('/administration/grupper');
    await page.getByLabel('Sök på namn').fill('9E2E');
    await page.getByTestId('groups-table').getByRole('link', { name: '9E2E' }).click();
    await page.getByLabel('Sök elev').fill(student.lastName);
    await page.getByLabel('Elev', { exact: true }).selectOption({ label: fullName });
    await page.getByLabel('Från och med').fill('2026-11-26');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await expect(page.getByText(`${student.firstName} ${student.lastName} är tillagd.`)).toBeVisible();
    const member = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await expect(member).toContainText('2026-11-26');
    await expect(member).toContainText('Tills vidare');

    // Moved on to 9E2F from 1 December (not from the day they joined): 9E2E ends the day before.
    await member.getByRole('button', { name: `Flytta ${student.firstName}` }).click();
    await page.getByLabel('Till klass').selectOption({ label: '9E2F' });
    await page.getByLabel('Första dag i nya klassen').fill('2026-11-26');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    await expect(page.getByText('Datumet måste ligga efter första dagen i nuvarande klass.')).toBeVisible();
    await page.getByLabel('Första dag i nya klassen').fill('2026-12-01');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    // 26–30 November, after today (25 November): not in the class today.
    await expect(member).toContainText('2026-11-30');
    await expect(member).toContainText('Inte med i dag');

    await page.goto('/administration/grupper');
    await page.getByLabel('Sök på namn').fill('9E2F');
    await page.getByTestId('groups-table').getByRole('link', { name: '9E2F' }).click();
    const moved = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await expect(moved).toContainText('2026-12-01');
    await expect(moved).toContainText('Inte med i dag');
  });

  test('delete a class made by mistake; deleting one that school work refers to is refused with the reason', async ({ page }) => {
    await login(page, 'admin', '/administration/grupper/ny');
    await page.getByLabel('Namn', { exact: true }).fill('9Fel');
    await page.getByLabel('Årskurs', { exact: true }).fill('9');
    await page.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '9Fel' })).toBeVisible();

    // Asked first, the question in focus; cancelling puts focus back on the button.
    const remove = page.getByRole('button', { name: 'Ta bort gruppen' });
    await remove.click();
    const question = page.getByText('9Fel tas bort med medlemskap, uppdrag, schema och lektioner. Det går inte att ångra.');
    await expect(question).toBeFocused();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expect(remove).toBeFocused();
    await remove.click();
    await page.getByRole('button', { name: 'Ja, ta bort 9Fel' }).click();
    await expect(page).toHaveURL(/\/administration\/grupper$/);
    await expect(page.getByRole('status').filter({ hasText: '9Fel är borttagen.' })).toBeVisible();
    await page.getByLabel('Sök på namn').fill('9Fel');
    await expect(page.getByText('Inga klasser eller grupper matchar sökningen.')).toBeVisible();

    // A class of the demo school: its students' roll calls were recorded while they were in it.
    await page.getByLabel('Sök på namn').fill('');
    await page.getByLabel('Typ', { exact: true }).selectOption('CLASS');
    // Named from the list's link: the heading read straight after the click could still be the list's (run 75).
    const link = page.getByTestId('groups-table').locator('tbody tr').first().getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Ta bort gruppen' }).click();
    await page.getByRole('button', { name: `Ja, ta bort ${name}` }).click();
    await expect(page.getByRole('region', { name: 'Ta bort' }).getByRole('alert')).toContainText(
      /Gruppen kan inte tas bort: den används av \d+ /,
    );
    await expect(page.getByRole('button', { name: 'Ta bort gruppen' })).toBeFocused();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  });

  test('delete a subject made by mistake; a subject with courses and groups is refused with the reason', async ({ page }) => {
    await login(page, 'admin', '/administration/amnen');
    const form = page.getByTestId('subject-form');
    await form.getByLabel('Kod').fill('FELX');
    await form.getByLabel('Namn på svenska').fill('Felämne');
    await form.getByLabel('Namn på engelska').fill('Wrong subject');
    await form.getByRole('button', { name: 'Lägg till ämne' }).click();
    const subjects = page.getByTestId('subjects-table');
    const search = page.getByLabel('Sök ämne på kod eller namn');
    await search.fill('FELX');
    const row = subjects.getByRole('row').filter({ hasText: 'FELX' });
    await row.getByRole('button', { name: 'Ta bort FELX' }).click();
    await expect(row.getByText('FELX Felämne tas bort. Det går inte att ångra.')).toBeFocused();
    await row.getByRole('button', { name: 'Ja, ta bort ämnet FELX' }).click();
    await expect(subjects.getByRole('row').filter({ hasText: 'FELX' })).toHaveCount(0);

    await search.fill('MA');
    const taught = subjects.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'MA', exact: true }) });
    await taught.getByRole('button', { name: 'Ta bort MA' }).click();
    await taught.getByRole('button', { name: 'Ja, ta bort ämnet MA' }).click();
    await expect(taught.getByRole('alert')).toContainText(/Ämnet kan inte tas bort: det används av .*klasser eller grupper/);
  });
});
