import type { Locator, Page } from '@playwright/test';
import { addFailedMessageToOutbox, apiLogin, graphql, login, SCHOOL_NOW } from './support/app';
import { expect, test } from './support/test';

/**
 * The home told at once: a guardian's contact choices, a sick report, a leave application and its
 * decision, and the messages they leave in the administrator's outbox (the demo has no SMS provider, so every
 * SMS is kept there; its e-mail goes to the E2E servers' local SMTP server, scripts/e2e-servers.mjs). One story in
 * order: each step builds on the one before.
 */

/** A number from the range Swedish authorities keep for fiction (070-174 06 05 … 070-174 06 99). */
const MOBILE_TYPED = '070-174 06 05';
const MOBILE_E164 = '+46701740605';
/** Monday and Tuesday of the week after the suite's school day (Wednesday 25 November 2026). */
const LEAVE_FROM = '2026-11-30';
const LEAVE_TO = '2026-12-01';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

/**
 * Shows more of the outbox (newest first, 50 at a time) until each of `wanted` is listed: tests running beside this
 * one (a class's published results, a post) may have queued more than a page of messages since.
 */
async function showMoreUntilListed(page: Page, wanted: Locator[]): Promise<void> {
  const messages = page.getByTestId('outbox-message');
  const more = page.getByRole('button', { name: 'Visa fler' });
  await expect(messages.first()).toBeVisible();
  for (;;) {
    const missing = await Promise.all(wanted.map(async (message) => (await message.count()) === 0));
    if (!missing.includes(true) || !(await more.isVisible())) break;
    const shown = await messages.count();
    await more.click();
    await expect(messages).not.toHaveCount(shown);
  }
}

/** The guardian's first child's name as the child picker shows it ("Förnamn Efternamn"). */
async function firstChildName(page: Page, legend: string): Promise<string> {
  const picker = page.getByRole('group', { name: legend });
  await expect(picker.getByRole('radio').first()).toBeChecked();
  const label = await picker.locator('.child-picker__name').first().innerText();
  return label.trim();
}

test.describe('guardians told at once', () => {
  test.describe.configure({ mode: 'serial' });

  test('a guardian chooses SMS; a bad number is refused next to the field, a good one is kept', async ({ page }) => {
    await login(page, 'vardnadshavare');
    await menu(page).getByRole('link', { name: 'Aviseringar' }).click();
    await expect(page).toHaveURL(/\/installningar\/aviseringar$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Aviseringar' })).toBeVisible();

    const form = page.getByTestId('contact-form');
    const sms = form.getByRole('checkbox', { name: 'Sms' });
    await sms.check();
    const phone = form.getByRole('textbox', { name: /^Mobilnummer/ });
    await expect(phone).toHaveAccessibleName('Mobilnummer (krävs för sms)');

    // SMS without a number.
    await phone.fill('');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(/Fyll i ett mobilnummer för att få sms/);
    await expect(phone).toBeFocused();

    // Not a phone number at all, then a landline (Stockholm): both refused, each with its own reason.
    await phone.fill('12');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(phone).toHaveAccessibleDescription(/Numret går inte att tolka som ett telefonnummer/);
    await phone.fill('08-123 456 78');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(phone).toHaveAccessibleDescription(/Numret är inte ett mobilnummer/);
    await expect(page.getByText('Dina val är sparade.')).toHaveCount(0);

    // A mobile number as people write it: saved, and shown as stored (E.164).
    await phone.fill(MOBILE_TYPED);
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('radio', { name: 'Svenska' }).check();
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Dina val är sparade.')).toBeVisible();
    await expect(phone).toHaveValue(MOBILE_E164);
    await expect(page.getByTestId('contact-changed')).toContainText('Senast ändrat');

    // Kept on the server: the same after a reload.
    await page.reload();
    await expect(form.getByRole('checkbox', { name: 'Sms' })).toBeChecked();
    await expect(form.getByRole('textbox', { name: /^Mobilnummer/ })).toHaveValue(MOBILE_E164);
    await expect(form.getByRole('radio', { name: 'Svenska' })).toBeChecked();
  });

  test('a guardian reports a child sick for today and sees the confirmation', async ({ page }) => {
    await login(page, 'vardnadshavare');
    await menu(page).getByRole('link', { name: 'Sjukanmälan' }).click();
    await expect(page).toHaveURL(/\/sjukanmalan/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sjukanmälan' })).toBeVisible();
    const child = await firstChildName(page, 'Sjukanmäl');

    const form = page.getByTestId('sick-report-form');
    // Whole days, today to today, unless changed.
    await expect(form.getByRole('radio', { name: 'Hela dagar' })).toBeChecked();
    await expect(form.getByLabel('Första dagen')).toHaveValue('2026-11-25');
    await expect(form.getByLabel('Sista dagen')).toHaveValue('2026-11-25');

    // The last day before the first: refused on the device, next to the last day.
    await form.getByLabel('Sista dagen').fill('2026-11-24');
    await form.getByTestId('submit-sick-report').click();
    await expect(form.getByLabel('Sista dagen')).toHaveAccessibleDescription(/Slutet kan inte vara före början\./);
    await form.getByLabel('Sista dagen').fill('2026-11-25');

    await form.getByLabel('Meddelande till skolan (valfritt)').fill('Feber sedan i natt.');
    await form.getByTestId('submit-sick-report').click();
    const confirmation = page.getByTestId('sick-report-confirmation');
    await expect(confirmation).toContainText('Sjukanmälan är registrerad');
    await expect(confirmation).toContainText(`${child} är sjukanmäld 25 november 2026.`);
    await expect(confirmation).toContainText(/\d+ lektion(er)? räknas som giltig frånvaro\./);
    await expect(confirmation).toBeFocused();

    const report = page.getByTestId('sick-report').filter({ hasText: 'Feber sedan i natt.' });
    await expect(report).toHaveCount(1);
    await expect(report).toContainText('25 november 2026');
    await expect(report.getByTestId('sick-report-status')).toHaveText('✓ Registrerad');
    // Made by mistake? The home may withdraw it while the day lasts.
    await expect(report.getByRole('button', { name: 'Återkalla sjukanmälan 25 november 2026' })).toBeVisible();
  });

  test('a guardian applies for two days of leave; the mentor approves; the guardian sees it approved', async ({
    browser,
    page,
    request,
  }) => {
    await login(page, 'vardnadshavare');
    await menu(page).getByRole('link', { name: 'Ledighet', exact: true }).click();
    await expect(page).toHaveURL(/\/ledighet/);
    await expect(page.getByRole('heading', { level: 1, name: 'Ledighetsansökan' })).toBeVisible();
    // The demo guardian has a child in the demo mentor's class (prisma/seed/world.ts): apply for that child,
    // so the leave is the mentor's to decide (up to two school days).
    const mentorToken = await apiLogin(request, 'mentor');
    const mentorGroups = await graphql<{ myGroups: { name: string; kind: string }[] }>(
      request,
      '{ myGroups { name kind } }',
      {},
      mentorToken,
    );
    const mentorClasses = (mentorGroups.data?.myGroups ?? []).filter((group) => group.kind === 'CLASS').map((group) => group.name);
    const choice = page
      .getByRole('group', { name: 'Ansök för' })
      .locator('.child-picker__option')
      .filter({ hasText: new RegExp(`klass (${mentorClasses.join('|')})$`) });
    await expect(choice).toHaveCount(1);
    const form = page.getByTestId('leave-form');
    // Sent empty: every missing field is flagged at once, the first focused.
    await form.getByTestId('submit-leave').click();
    await expect(form.getByLabel('Första dagen')).toHaveAccessibleDescription(/Ange ett datum\./);
    await expect(form.getByLabel('Sista dagen')).toHaveAccessibleDescription(/Ange ett datum\./);
    await expect(form.getByRole('textbox', { name: 'Skäl' })).toHaveAccessibleDescription(/Skriv skälet till ledigheten\./);
    await expect(form.getByLabel('Första dagen')).toBeFocused();
    // Who decides, by the school's limit; and whom to ask.
    await expect(page.getByTestId('leave-decider-hint')).toHaveText(
      'Mentorn beslutar om ledighet på högst 2 skoldagar, rektor om längre ledighet. Du får ett meddelande när ansökan är beslutad.',
    );
    await expect(page.getByTestId('student-mentors').getByRole('heading', { level: 2 })).toHaveText('Frågor om ledighet?');
    await expect(page.getByTestId('student-mentors').getByRole('link').first()).toHaveAttribute('href', /^mailto:/);
    // Begun for another child, then the child changed: what was typed stays.
    await page
      .getByRole('group', { name: 'Ansök för' })
      .locator('.child-picker__option')
      .filter({ hasNotText: new RegExp(`klass (${mentorClasses.join('|')})$`) })
      .first()
      .locator('label')
      .click();
    await form.getByLabel('Första dagen').fill(LEAVE_FROM);
    await form.getByLabel('Sista dagen').fill(LEAVE_TO);
    await choice.locator('label').click();
    const child = (await choice.locator('.child-picker__name').innerText()).trim();
    const childClass = (await choice.locator('.child-picker__class').innerText()).replace(/^klass /, '').trim();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(child) })).toBeVisible();
    await expect(form.getByLabel('Första dagen')).toHaveValue(LEAVE_FROM);
    await expect(form.getByLabel('Sista dagen')).toHaveValue(LEAVE_TO);

    // No reason: refused next to the reason.
    await form.getByLabel('Första dagen').fill(LEAVE_FROM);
    await form.getByLabel('Sista dagen').fill(LEAVE_TO);
    await form.getByTestId('submit-leave').click();
    const reason = form.getByRole('textbox', { name: 'Skäl' });
    await expect(reason).toHaveAccessibleDescription(/Skriv skälet till ledigheten\./);
    await expect(reason).toBeFocused();

    await reason.fill('Släktkalas i Göteborg.');
    await form.getByTestId('submit-leave').click();
    const confirmation = page.getByTestId('leave-confirmation');
    await expect(confirmation).toContainText('Ansökan är skickad');
    await expect(confirmation).toContainText(
      `Ansökan om ledighet för ${child}, 30 november – 1 december 2026, väntar på beslut av mentorn.`,
    );
    const application = page.getByTestId('leave-application').filter({ hasText: 'Släktkalas i Göteborg.' });
    await expect(application.getByTestId('leave-status')).toHaveText('… Väntar på beslut');
    await expect(application).toContainText('2 skoldagar');
    await expect(application).toContainText('Mentor');

    // The same days again: the API refuses an overlapping application, and the page says why. The last
    // application's confirmation goes once a new one is begun, so that it does not stand above the refusal.
    await form.getByLabel('Första dagen').fill(LEAVE_TO);
    await expect(confirmation).toHaveCount(0);
    await form.getByLabel('Sista dagen').fill(LEAVE_TO);
    await reason.fill('Tandläkare.');
    await form.getByTestId('submit-leave').click();
    await expect(form.getByRole('alert')).toContainText('Det finns redan en ansökan som väntar eller är beviljad');

    // Up to two school days the mentor of the child's class decides.
    const deciderContext = await browser.newContext();
    const decider = await deciderContext.newPage();
    await decider.clock.install({ time: SCHOOL_NOW });
    await login(decider, 'mentor');
    await menu(decider).getByRole('link', { name: 'Ledighetsbeslut' }).click();
    await expect(decider.getByRole('heading', { level: 1, name: 'Ledighetsansökningar att besluta' })).toBeVisible();
    const card = decider.getByTestId('leave-to-decide').filter({ hasText: child }).filter({ hasText: 'Släktkalas i Göteborg.' });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('2 skoldagar');
    await expect(card).toContainText(`klass ${childClass}`);
    // Rejecting needs a note: refused without one.
    await card.getByRole('button', { name: `Avslå ledighet för ${child}, 30 november – 1 december 2026` }).click();
    const note = card.getByRole('textbox', { name: 'Meddelande till hemmet' });
    await expect(note).toHaveAccessibleDescription(/Skriv varför ansökan avslås\./);
    await expect(note).toBeFocused();
    // Approved instead, with a greeting.
    await note.fill('Trevlig resa!');
    await card.getByRole('button', { name: `Bevilja ledighet för ${child}, 30 november – 1 december 2026` }).click();
    const decided = decider.getByTestId('decision-confirmation');
    await expect(decided).toContainText(`Ledigheten för ${child}, 30 november – 1 december 2026, är beviljad.`);
    await expect(decided).toBeFocused();
    await expect(card).toHaveCount(0);
    await deciderContext.close();

    // The guardian sees the decision.
    await page.reload();
    await expect(application.getByTestId('leave-status')).toHaveText('✓ Beviljad');
    await expect(application.getByTestId('leave-decision')).toContainText('Beviljad av');
    await expect(application.getByTestId('leave-decision')).toContainText('Motivering: Trevlig resa!');
  });

  test('the administrator finds the SMS in the outbox: no SMS provider, so none was sent', async ({ page }) => {
    await login(page, 'admin');
    await menu(page).getByRole('link', { name: 'Utkorg' }).click();
    await expect(page).toHaveURL(/\/utkorg$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Utkorg' })).toBeVisible();
    await expect(
      page.getByText('Ingen sms-tjänst är inställd. Sms sparas här i utkorgen och skickas inte.', { exact: true }),
    ).toBeVisible();

    const messages = page.getByTestId('outbox-message');
    const sickSms = messages.filter({ hasText: 'Sjukanmälan' }).filter({ hasText: MOBILE_E164 });
    const decisionSms = messages.filter({ hasText: 'Beslut om ledighet' }).filter({ hasText: MOBILE_E164 });
    await showMoreUntilListed(page, [sickSms, decisionSms]);
    await expect(sickSms.first()).toBeVisible();
    await expect(sickSms.first()).toContainText('Sms');
    await expect(decisionSms.first()).toBeVisible();

    // Filtered to failed messages: none of these.
    await page.getByLabel('Visa', { exact: true }).selectOption('FAILED');
    await expect(page).toHaveURL(/\?status=FAILED$/);
    await expect(page.getByTestId('outbox-empty')).toHaveText('Inga meddelanden med den statusen.');
  });

  test('other roles do not reach the outbox or the decisions', async ({ page }) => {
    await login(page, 'vardnadshavare');
    await expect(menu(page).getByRole('link', { name: 'Utkorg' })).toHaveCount(0);
    await expect(menu(page).getByRole('link', { name: 'Ledighetsbeslut' })).toHaveCount(0);
    await page.goto('/utkorg');
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});

test.describe('adult student', () => {
  test('reports themself sick (part of a day) and withdraws it; has Ledighet but no notification settings', async ({ page }) => {
    await login(page, 'myndig');
    await expect(menu(page).getByRole('link', { name: 'Sjukanmälan' })).toBeVisible();
    await expect(menu(page).getByRole('link', { name: 'Ledighet', exact: true })).toBeVisible();
    await expect(menu(page).getByRole('link', { name: 'Aviseringar' })).toHaveCount(0);

    await menu(page).getByRole('link', { name: 'Sjukanmälan' }).click();
    await expect(page.getByText('Anmäl när du är sjuk.')).toBeVisible();
    // Their own reports only: no child picker.
    await expect(page.getByTestId('child-picker')).toHaveCount(0);
    const form = page.getByTestId('sick-report-form');
    await form.getByRole('radio', { name: 'Del av en dag' }).check();
    await form.getByLabel('Datum').fill('2026-11-26');
    await form.getByLabel('Från klockan').fill('13:00');
    await form.getByTestId('submit-sick-report').click();
    // One time missing: refused next to it.
    await expect(form.getByLabel('Till klockan')).toHaveAccessibleDescription(/Ange båda tiderna/);
    await form.getByLabel('Till klockan').fill('15:30');
    await form.getByTestId('submit-sick-report').click();
    // The student has no lessons that afternoon: warned before anything is sent, and may send anyway.
    const warning = form.getByTestId('sick-report-no-lessons');
    await expect(warning).toContainText('Det finns inga lektioner för');
    await warning.getByRole('button', { name: 'Skicka ändå' }).click();
    await expect(page.getByTestId('sick-report-confirmation')).toContainText('är sjukanmäld 26 november 2026, 13:00–15:30.');

    // Made by mistake: withdrawn, and kept on the list as withdrawn.
    const report = page.getByTestId('sick-report').filter({ hasText: '26 november 2026, 13:00–15:30' });
    await report.getByRole('button', { name: 'Återkalla sjukanmälan 26 november 2026, 13:00–15:30' }).click();
    await expect(page.getByTestId('sick-report-confirmation')).toContainText('Sjukanmälan för');
    await expect(page.getByTestId('sick-report-confirmation')).toContainText('26 november 2026, 13:00–15:30, är återkallad.');
    await expect(report.getByTestId('sick-report-status')).toHaveText(/^Återkallad 25 nov 2026 \d\d:\d\d$/);
    await expect(report.getByRole('button', { name: /^Återkalla/ })).toHaveCount(0);
  });
});

test.describe('staff keep the contact choices', () => {
  test("a mentor opens a student's guardians from the class list and fills in a paper form's choices", async ({ page, request }) => {
    // Not a child of the demo guardian, whose own choices the tests above save at the same time.
    const token = await apiLogin(request, 'vardnadshavare');
    const me = await graphql<{ me: { students: { firstName: string; lastName: string }[] } }>(
      request,
      '{ me { students { firstName lastName } } }',
      {},
      token,
    );
    const demoChildren = new RegExp(
      (me.data?.me.students ?? []).map((child) => `(?=.*${child.firstName})(?=.*${child.lastName})`).join('|'),
    );
    await login(page, 'mentor');
    await menu(page).getByRole('link', { name: 'Mina grupper' }).click();
    await page.getByTestId('my-groups').locator('tbody tr').filter({ hasText: 'Klass' }).first().getByRole('link').click();
    const row = page.getByTestId('class-list').locator('tbody tr').filter({ hasNotText: demoChildren }).nth(1);
    const link = row.getByTestId('guardian-contacts-link');
    await expect(link).toHaveAccessibleName(/^Vårdnadshavarnas kontaktval för /);
    await link.click();
    await expect(page).toHaveURL(/\/elev\/[^/]+\/kontakt$/);
    await expect(page.getByTestId('guardian-contacts-heading')).toHaveText(/^Vårdnadshavare till /);

    const guardian = page.getByTestId('guardian-contact').first();
    await expect(guardian.getByRole('heading', { level: 2 })).toBeVisible();
    await guardian.getByRole('checkbox', { name: 'E-post' }).check();
    const email = guardian.getByRole('textbox', { name: /^E-postadress/ });
    await email.fill('inte en adress');
    await guardian.getByRole('button', { name: 'Spara' }).click();
    await expect(email).toHaveAccessibleDescription(/E-postadressen ser inte rätt ut/);
    await email.fill('vardnadshavare@example.se');
    await guardian.getByRole('button', { name: 'Spara' }).click();
    await expect(guardian.getByText('Vårdnadshavarens val är sparade.')).toBeVisible();
    await expect(guardian.getByTestId('contact-changed')).toContainText('Senast ändrat av skolan');

    await page.reload();
    await expect(
      page
        .getByTestId('guardian-contact')
        .first()
        .getByRole('textbox', { name: /^E-postadress/ }),
    ).toHaveValue('vardnadshavare@example.se');
  });
});

test.describe('outbox: a message that gave up', () => {
  // The demo has no SMS provider, so nothing fails on its own: the outbox's answer gets one failed SMS added,
  // and the retry is answered as the API answers it. What is tested is the page, not the delivery.
  test('is counted, highlighted and can be queued again', async ({ page }) => {
    const outbox = await addFailedMessageToOutbox(page);
    await login(page, 'admin');
    await menu(page).getByRole('link', { name: 'Utkorg' }).click();
    await expect(page.getByTestId('failed-count')).toContainText('1 meddelande kunde inte levereras och behöver ses över.');
    const message = page.getByTestId('outbox-message').filter({ hasText: '+46701740699' });
    await expect(message.getByTestId('message-status')).toHaveText('! Misslyckat');
    await expect(message).toContainText('Senaste fel: 46elks: 401 Unauthorized');
    await message.getByRole('button', { name: 'Försök igen: Sms till Test Testsson' }).click();
    await expect(message.getByText('Meddelandet ligger i kö igen.')).toBeVisible();
    expect(outbox.retried()).toBe(true);
    await expect(message.getByTestId('message-status')).toHaveText('I kö');
    await expect(page.getByTestId('failed-count')).toHaveCount(0);
  });
});
