import { personnummerFor } from '@insyn/domain';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

// Issue 13's "Done when": on an empty database (no demo), the first administrator that `pnpm admin:init` made
// (scripts/e2e-servers.mjs, FIRST_ADMINISTRATOR) sets up a school through the pages; the teacher they made logs in,
// takes the roll call of today's lesson (Wednesday 25 November 2026, 08:45), and the guardian's absence message is
// queued in the outbox.

const ADMINISTRATOR = { username: 'nystad.admin', password: 'grön-båt-över-sjön' };
const TEACHER = { username: 'lena.larsson', password: 'blå-tåget-mot-kiruna' };
const SCHOOL = 'Nystadsskolan';
const CLASS = '7A';
const GROUP = 'MA7A';
const GUARDIAN_MOBILE = '+46701740123';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

async function loginAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(user.username);
  await page.getByLabel('Lösenord', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('logged-in-user')).toBeVisible();
}

test.describe.configure({ timeout: 300_000 });

test('the first administrator sets up a school from nothing; the teacher takes the roll call and the guardian is told', async ({
  page,
}) => {
  let studentId = '';

  await test.step('the first administrator logs in to an empty organisation', async () => {
    await loginAs(page, ADMINISTRATOR);
    await expect(page.getByTestId('logged-in-user')).toContainText('Nora');
  });

  await test.step('a school', async () => {
    await page.goto('/administration/skolor');
    await page.getByTestId('new-school').click();
    const form = page.getByTestId('school-form');
    await form.getByLabel('Namn').fill(SCHOOL);
    await form.getByLabel('Skolenhetskod').fill('87654321');
    await form.getByLabel('Skolform').selectOption({ label: 'Grundskola' });
    await form.getByRole('button', { name: 'Skapa skolan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SCHOOL);
  });

  await test.step('its calendar: school year 2026/27 and the autumn term', async () => {
    await page.goto('/administration/kalender');
    const year = page.getByTestId('new-school-year-form');
    await year.getByLabel('Namn').fill('2026/27');
    await year.getByLabel('Första dag').fill('2026-08-17');
    await year.getByLabel('Sista dag').fill('2027-06-11');
    await year.getByRole('button', { name: 'Skapa läsåret' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Läsåret 2026/27');
    const term = page.getByTestId('new-term-form');
    await term.getByLabel('Termin').selectOption({ label: 'Hösttermin' });
    await term.getByLabel('Första dag').fill('2026-08-17');
    await term.getByLabel('Sista dag').fill('2026-12-18');
    await term.getByRole('button', { name: 'Lägg till terminen' }).click();
    await expect(page.getByTestId('term-AUTUMN').getByRole('heading', { level: 2 })).toHaveText('Hösttermin');
  });

  await test.step('a subject', async () => {
    await page.goto('/administration/amnen');
    const form = page.getByTestId('subject-form');
    await form.getByLabel('Kod').fill('MA');
    await form.getByLabel('Namn på svenska').fill('Matematik');
    await form.getByLabel('Namn på engelska').fill('Mathematics');
    await form.getByRole('button', { name: 'Lägg till ämne' }).click();
    await expect(form.getByText('Sparat.')).toBeVisible();
  });

  await test.step('a class and a teaching group', async () => {
    await page.goto('/administration/grupper/ny');
    const form = page.getByTestId('group-form');
    await form.getByLabel('Skola', { exact: true }).selectOption({ label: SCHOOL });
    await form.getByLabel('Namn', { exact: true }).fill(CLASS);
    await form.getByLabel('Årskurs', { exact: true }).fill('7');
    await form.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: CLASS })).toBeVisible();

    await page.goto('/administration/grupper/ny');
    await form.getByLabel('Skola', { exact: true }).selectOption({ label: SCHOOL });
    await form.getByRole('radio', { name: 'Undervisningsgrupp' }).check();
    await form.getByLabel('Namn', { exact: true }).fill(GROUP);
    await form.getByLabel('Ämne', { exact: true }).selectOption({ label: 'MA – Matematik' });
    await form.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
  });

  await test.step('a teacher: staff with a teaching duty for the group and a login', async () => {
    await page.goto('/administration/personal/ny');
    const staff = page.getByTestId('staff-form');
    await staff.getByLabel('Förnamn').fill('Lena');
    await staff.getByLabel('Efternamn').fill('Larsson');
    await staff.getByLabel('Signatur').fill('LLA');
    await staff.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Lena Larsson/ })).toBeVisible();

    const duty = page.getByTestId('duty-form');
    await duty.getByLabel('Uppdrag').selectOption('TEACHER');
    await duty.getByLabel('Undervisningsgrupp').selectOption({ label: `${GROUP} (${SCHOOL})` });
    await duty.getByLabel('Från och med').fill('2026-08-17');
    await duty.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    await expect(page.getByTestId('staff-duties').getByRole('cell', { name: 'Lärare' })).toBeVisible();

    await page.getByLabel('Användarnamn').fill(TEACHER.username);
    await page.getByLabel('Nytt lösenord').fill(TEACHER.password);
    await page.getByRole('button', { name: 'Spara inloggning' }).click();
    await expect(page.getByText(`Inloggningen ${TEACHER.username} är sparad.`)).toBeVisible();
  });

  await test.step('a student with a guardian who has a mobile phone', async () => {
    await page.goto('/administration/elever/ny');
    const form = page.getByTestId('student-form');
    await form.getByLabel('Personnummer').fill(personnummerFor('2013-04-09', 123));
    await form.getByLabel('Förnamn').fill('Tove');
    await form.getByLabel('Efternamn').fill('Ek');
    await form.getByLabel('Skola').selectOption({ label: SCHOOL });
    await form.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tove Ek' })).toBeVisible();
    studentId = /\/administration\/elever\/([^/?#]+)$/.exec(page.url())?.[1] ?? '';
    expect(studentId).not.toBe('');

    await page.getByRole('link', { name: 'Ny vårdnadshavare' }).click();
    const guardian = page.getByTestId('guardian-form');
    await guardian.getByLabel('Förnamn').fill('Greta');
    await guardian.getByLabel('Efternamn').fill('Ek');
    await guardian.getByLabel('Mobilnummer').fill('070-174 01 23');
    await guardian.getByRole('button', { name: 'Skapa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tove Ek' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Greta Ek' })).toBeVisible();
  });

  await test.step("the guardian's choice, kept by the school: SMS", async () => {
    await page.getByRole('link', { name: 'Vårdnadshavarnas kontaktval: sms och e-post' }).click();
    await expect(page).toHaveURL(`/elev/${studentId}/kontakt`);
    await expect(page.getByTestId('guardian-contacts-heading')).toHaveText('Vårdnadshavare till Tove Ek');
    const guardian = page.getByTestId('guardian-contact').first();
    await guardian.getByRole('checkbox', { name: 'Sms' }).check();
    await expect(guardian.getByRole('textbox', { name: /^Mobilnummer/ })).toHaveValue(GUARDIAN_MOBILE);
    await guardian.getByRole('button', { name: 'Spara' }).click();
    await expect(guardian.getByText('Vårdnadshavarens val är sparade.')).toBeVisible();
  });

  await test.step('the student in the class and the group', async () => {
    for (const group of [CLASS, GROUP]) {
      await page.goto('/administration/grupper');
      await page.getByTestId('groups-table').getByRole('link', { name: group, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible();
      await page.getByLabel('Sök elev').fill('Ek');
      await page.getByLabel('Elev', { exact: true }).selectOption({ label: 'Ek, Tove' });
      await page.getByLabel('Från och med').fill('2026-08-17');
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await expect(page.getByText('Tove Ek är tillagd.')).toBeVisible();
      await expect(page.getByTestId('members-table').getByRole('row').filter({ hasText: 'Ek, Tove' })).toContainText('Med i dag');
    }
  });

  await test.step('the basic schedule: the group on Wednesdays 08:00–09:00 with the teacher, lessons generated', async () => {
    await page.goto('/administration/schema');
    await expect(page.getByRole('heading', { level: 1, name: 'Grundschema' })).toBeVisible();
    const form = page.getByTestId('series-form');
    await form.getByLabel('Grupp', { exact: true }).selectOption({ label: GROUP });
    await form.getByLabel('Ämne').selectOption({ label: 'Matematik' });
    await form.getByLabel('Veckodag').selectOption({ label: 'Onsdag' });
    await form.getByLabel('Starttid').fill('08:00');
    await form.getByLabel('Längd i minuter').fill('60');
    await form.getByLabel('Sal').fill('B12');
    const teacher = form.getByLabel('Lärare', { exact: true });
    await teacher.selectOption({ label: (await teacher.locator('option', { hasText: 'Larsson' }).textContent())! });
    await form.getByRole('button', { name: 'Lägg till serien' }).click();
    await expect(form.getByText(/^Sparat\./)).toBeVisible();
    const row = page.getByTestId('series-table').getByRole('row').filter({ hasText: 'B12' });
    await expect(row).toContainText('Onsdag 08:00–09:00');

    // Wednesdays 25 November – 16 December: today's lesson and three more.
    await page.getByLabel('Från och med').fill('2026-11-25');
    await page.getByRole('button', { name: 'Generera lektioner' }).click();
    await expect(page.getByTestId('generation-result')).toContainText('4 nya, 0 uppdaterade, 0 borttagna');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
  });

  await test.step('the teacher logs in and marks the student absent in the roll call of today’s lesson', async () => {
    await loginAs(page, TEACHER);
    await expect(page).toHaveURL(/\/idag$/);
    const lesson = page.getByTestId('today-lesson');
    await expect(lesson).toHaveCount(1);
    await expect(lesson).toContainText('08:00');
    await expect(lesson).toContainText('Ej tagen');
    await lesson.getByRole('link').click();
    await expect(page).toHaveURL(/\/lektion\/[^/]+\/narvaro$/);
    const row = page.getByTestId('roll-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Tove');
    await row.locator('.roll-row__toggle').click();
    await expect(row.getByTestId('roll-status')).toHaveText('Frånvarande');
    await page.getByTestId('save-roll-call').click();
    await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
    await expect(page.getByTestId('roll-call-state').first()).toHaveText('✓ Tagen');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
  });

  await test.step("the guardian's absence SMS is queued in the administrator's outbox", async () => {
    await loginAs(page, ADMINISTRATOR);
    await menu(page).getByRole('link', { name: 'Utkorg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Utkorg' })).toBeVisible();
    // The message is queued once the teacher's few seconds to correct the roll call have passed.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('outbox-message').filter({ hasText: GUARDIAN_MOBILE })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    const message = page.getByTestId('outbox-message').filter({ hasText: GUARDIAN_MOBILE });
    await expect(message).toContainText('Ogiltig frånvaro');
    await expect(message).toContainText('Sms');
    await expect(message).toContainText('Tove');
  });
});
