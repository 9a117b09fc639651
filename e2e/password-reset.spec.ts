import type { APIRequestContext, Page } from '@playwright/test';
import { apiLogin, expectLoggedInAt, graphql, type DemoUser } from './support/app';
import { mailsTo, waitForMail } from './support/mail';
import { expect, test } from './support/test';

// "Forgot password" from the login page: a teacher asks for a link, which arrives at the local SMTP server the
// functional server sends its mail to (scripts/e2e-servers.mjs, mail:<port>); the link sets a new password once and
// logs the teacher in. An address no one has gets the same confirmation and no mail. The teacher is one with an
// address on record whom no other spec logs in as, so changing the password does not depend on the order tests run in.

const DEMO_LOGINS = new Set<string>(['elev', 'vardnadshavare', 'mentor', 'larare', 'rektor', 'admin', 'myndig'] satisfies DemoUser[]);
const NEW_PASSWORD = 'ekorre-under-granen-i-mars';
const UNKNOWN_ADDRESS = 'ingen.alls@insyns-kommun.example';
const LINK = /https?:\/\/\S+\/nytt-losenord#\S+/;

interface Teacher {
  username: string;
  email: string;
}

/** A teacher (and nothing else) with an e-mail address and a login that is none of the demo logins, as the administrator sees them. */
async function teacherWithEmail(request: APIRequestContext): Promise<Teacher> {
  const token = await apiLogin(request, 'admin');
  const staff = await graphql<{ administeredStaff: { rows: { id: string; email: string | null; currentDutyKinds: string[] }[] } }>(
    request,
    '{ administeredStaff(page: { limit: 200 }) { rows { id email currentDutyKinds } } }',
    {},
    token,
  );
  const teachers = (staff.data?.administeredStaff.rows ?? []).filter(
    (row) => row.email && row.currentDutyKinds.length > 0 && row.currentDutyKinds.every((kind) => kind === 'TEACHER'),
  );
  // From the end of the list: the demo logins were hired first.
  for (const row of teachers.reverse()) {
    const member = await graphql<{ administeredStaffMember: { login: { username: string } | null } }>(
      request,
      'query ($id: ID!) { administeredStaffMember(id: $id) { login { username } } }',
      { id: row.id },
      token,
    );
    const username = member.data?.administeredStaffMember.login?.username;
    if (username && row.email && !DEMO_LOGINS.has(username)) return { username, email: row.email };
  }
  throw new Error('no teacher with an e-mail address and a login of their own');
}

async function askForLink(page: Page, email: string): Promise<void> {
  const form = page.getByTestId('forgot-password-form');
  await form.getByLabel('E-postadress').fill(email);
  await form.getByRole('button', { name: 'Skicka länken' }).click();
}

async function chooseNewPassword(page: Page, password: string): Promise<void> {
  const form = page.getByTestId('reset-password-form');
  await form.getByLabel('Nytt lösenord', { exact: true }).fill(password);
  await form.getByLabel('Upprepa det nya lösenordet').fill(password);
  await form.getByRole('button', { name: 'Spara och logga in' }).click();
}

test('a teacher who forgot the password gets a link by mail, chooses a new password with it and is logged in; the link works once', async ({
  page,
  request,
  mailUrl,
  baseURL,
}) => {
  const teacher = await teacherWithEmail(request);
  const sent = page.getByTestId('reset-link-sent');

  await test.step('not an address: refused next to the field, nothing sent', async () => {
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await expect(page).toHaveURL(/\/glomt-losenord$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
    await askForLink(page, 'inte en adress');
    const email = page.getByLabel('E-postadress');
    await expect(email).toHaveAccessibleDescription(/Det ser inte ut som en e-postadress/);
    await expect(email).toBeFocused();
  });

  let unknownConfirmation = '';
  await test.step('an address no one has: the same confirmation, with what to do when no mail comes', async () => {
    await askForLink(page, UNKNOWN_ADDRESS);
    await expect(sent).toContainText(`Om ${UNKNOWN_ADDRESS} finns hos oss har vi skickat en länk dit`);
    await expect(sent).toContainText('Länken är giltig en timme och fungerar en gång.');
    await expect(sent).toBeFocused();
    await expect(page.getByText(/^Har skolan ingen e-postadress till dig, eller kommer inget mejl/)).toBeVisible();
    unknownConfirmation = (await sent.textContent()) ?? '';
  });

  // Mails from an earlier run on a server kept running (playwright.config.ts reuses it outside CI) are not this one's.
  const earlier = (await mailsTo(request, mailUrl, teacher.email)).length;
  await test.step("the teacher's address, typed in capitals: the same words", async () => {
    await page.getByRole('button', { name: 'Försök med en annan adress' }).click();
    const typed = teacher.email.toUpperCase();
    await askForLink(page, typed);
    await expect(sent).toHaveText(unknownConfirmation.replace(UNKNOWN_ADDRESS, typed));
  });

  const mail = await waitForMail(request, mailUrl, teacher.email, earlier + 1);
  const link = LINK.exec(mail.text ?? '')?.[0] ?? '';
  await test.step('the mail: the username and a link to this server', async () => {
    expect(mail.subject).toBe('Nytt lösenord i Insyn / New password in Insyn');
    expect(mail.text).toContain(`användarnamnet ${teacher.username} i Insyn`);
    expect(link.startsWith(`${baseURL}/nytt-losenord#`)).toBe(true);
    // No account has that address, so no mail was made for it (it would have been sent before the teacher's).
    expect(await mailsTo(request, mailUrl, UNKNOWN_ADDRESS)).toEqual([]);
  });

  await test.step('the link: a new password, and the teacher is logged in', async () => {
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
    // The token has left the address bar (and the history).
    await expect(page).toHaveURL(/\/nytt-losenord$/);
    await chooseNewPassword(page, NEW_PASSWORD);
    await expectLoggedInAt(page, undefined);
    await expect(page).toHaveURL(/\/idag/);
  });

  await test.step('logged out and in again with the new password', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
    await page.getByLabel('Användarnamn').fill(teacher.username);
    await page.getByLabel('Lösenord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expectLoggedInAt(page, undefined);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
  });

  await test.step('the same link again: used, and the way to a new one', async () => {
    await page.goto(link);
    await chooseNewPassword(page, `${NEW_PASSWORD}-igen`);
    const failure = page.getByTestId('reset-failure');
    await expect(failure).toContainText('Länken har redan använts.');
    await expect(failure).toBeFocused();
    await expect(page.getByTestId('reset-password-form')).toHaveCount(0);
    await failure.getByRole('link', { name: 'Be om en ny länk' }).click();
    await expect(page).toHaveURL(/\/glomt-losenord$/);
    await expect(page.getByTestId('forgot-password-form')).toBeVisible();
  });
});
