import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { pdfPages } from '../apps/api/src/test/pdf-text.ts';
import { apiLogin, expectLoggedInAt, graphql, login, SCHOOL_NOW } from './support/app';
import { expect, test } from './support/test';

// Credentials on paper: the principal prints a class's letters, a guardian activates with one in a browser of their
// own, changes the password and logs in with the new one, and finds the code spent; the mentor prints the class sheet.
// The demo's guardians have all chosen a password, so the letters go to every guardian of the class: a letter voids
// earlier codes but not a password, and the guardian who activates is none of the demo logins other specs use.

const CODE = /[ACEFHKMNPRTWXY34679]{4}-[ACEFHKMNPRTWXY34679]{4}-[ACEFHKMNPRTWXY34679]{4}/;
const FIRST_PASSWORD = 'blå-cykel-vid-ån';
const NEW_PASSWORD = 'grön-båt-över-sjön-i-maj';

async function downloadedPages(download: Download): Promise<string[]> {
  return pdfPages(new Uint8Array(await readFile(await download.path())));
}

/** Fills the activation form: the username in capitals and the code in small letters with spaces, as typed from paper. */
async function activate(page: Page, username: string, code: string, password: string): Promise<void> {
  const form = page.getByTestId('activation-form');
  await form.getByLabel('Användarnamn').fill(username.toUpperCase());
  await form.getByLabel('Aktiveringskod').fill(code.toLowerCase().replace(/-/g, ' '));
  await form.getByLabel('Nytt lösenord', { exact: true }).fill(password);
  await form.getByLabel('Upprepa det nya lösenordet').fill(password);
  await form.getByRole('button', { name: 'Aktivera och logga in' }).click();
}

test('the principal prints a class’s letters; a guardian activates, changes the password and logs in with it; the code works once', async ({
  page,
  browser,
}, testInfo) => {
  await login(page, 'rektor', '/inloggningsbrev');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggningsbrev till vårdnadshavare' })).toBeVisible();
  await page.getByLabel('Bara vårdnadshavare som inte har aktiverat sitt konto').uncheck();
  const classes = page.getByLabel('Klass', { exact: true });
  const className = (await classes.locator('option').nth(1).textContent()) ?? '';
  await classes.selectOption({ index: 1 });
  const count = page.getByTestId('letter-count');
  await expect(count).toHaveText(new RegExp(`^Klass ${className}: \\d+ brev att skriva ut\\.$`));
  const letterCount = Number(/(\d+) brev/.exec((await count.textContent()) ?? '')?.[1]);
  expect(letterCount).toBeGreaterThan(0);

  // Printing warns first that earlier codes stop working.
  await page.getByRole('button', { name: 'Skriv ut brev (PDF)' }).click();
  await expect(page.getByText('Tidigare koder slutar gälla.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Skriv ut ${letterCount} brev` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^inloggningsbrev-.+\.pdf$/);
  await expect(page.getByRole('status').filter({ hasText: 'PDF:en är nedladdad' })).toBeVisible();
  const letters = (await downloadedPages(download)).map((text) => ({
    username: /Username\s+(\S+)/.exec(text)?.[1] ?? '',
    code: CODE.exec(text)?.[0] ?? '',
  }));
  expect(letters).toHaveLength(letterCount);
  const letter = letters.find((candidate) => candidate.username !== '' && candidate.username !== 'vardnadshavare');
  if (!letter) throw new Error('no letter to a guardian other than the demo login');
  expect(letter.code).toMatch(CODE);

  // The guardian, in a browser of their own, comes from the login page.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const guardian = await context.newPage();
  await guardian.clock.install({ time: SCHOOL_NOW });
  await guardian.goto('/logga-in');
  await guardian.getByRole('link', { name: 'Aktivera ditt konto' }).click();
  await expect(guardian.getByRole('heading', { level: 1, name: 'Aktivera ditt konto' })).toBeVisible();

  // A season and digits: refused before anything is sent, with focus on the password.
  await activate(guardian, letter.username, letter.code, 'sommar123456');
  await expect(guardian.getByText('Lösenordet är för lätt att gissa.')).toBeVisible();
  await expect(guardian.getByLabel('Nytt lösenord', { exact: true })).toBeFocused();
  await expect(guardian.getByTestId('password-strength')).toContainText('Svagt');

  await activate(guardian, letter.username, letter.code, FIRST_PASSWORD);
  await expectLoggedInAt(guardian, undefined);
  await expect(guardian).toHaveURL(/\/schema/);

  // A new password ends every session, this one too: the login page says so, and the new password works.
  await guardian.getByTestId('change-password-link').click();
  const change = guardian.getByTestId('change-password-form');
  await change.getByLabel('Nuvarande lösenord').fill(FIRST_PASSWORD);
  await change.getByLabel('Nytt lösenord', { exact: true }).fill(NEW_PASSWORD);
  await change.getByLabel('Upprepa det nya lösenordet').fill(NEW_PASSWORD);
  await expect(guardian.getByTestId('password-strength')).toContainText('Starkt');
  await change.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(guardian).toHaveURL(/\/logga-in$/);
  await expect(guardian.getByRole('status').filter({ hasText: 'Ditt lösenord är bytt' })).toBeVisible();
  await guardian.getByLabel('Användarnamn').fill(letter.username);
  await guardian.getByLabel('Lösenord', { exact: true }).fill(NEW_PASSWORD);
  await guardian.getByRole('button', { name: 'Logga in' }).click();
  await expectLoggedInAt(guardian, undefined);

  // The code has been used.
  await guardian.getByRole('button', { name: 'Logga ut' }).click();
  await guardian.getByRole('link', { name: 'Aktivera ditt konto' }).click();
  await activate(guardian, letter.username, letter.code, FIRST_PASSWORD);
  await expect(guardian.getByRole('alert')).toContainText('Den här koden har redan använts.');
  await context.close();
});

test('the mentor prints the class’s login slips', async ({ page, request }) => {
  const token = await apiLogin(request, 'mentor');
  const groups = await graphql<{ myGroups: { id: string; kind: string; studentCount: number }[] }>(
    request,
    '{ myGroups { id kind studentCount } }',
    {},
    token,
  );
  const ownClass = groups.data?.myGroups.find((group) => group.kind === 'CLASS');
  if (!ownClass) throw new Error('the mentor has no class');
  await login(page, 'mentor', `/grupp/${ownClass.id}`);
  await page.getByRole('button', { name: 'Skriv ut inloggningslappar (PDF)' }).click();
  await expect(page.locator(':focus')).toContainText('Tidigare koder slutar gälla.');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Skriv ut ${ownClass.studentCount} lappar` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^inloggning-.+\.pdf$/);
  const pages = await downloadedPages(download);
  // Ten slips a page.
  expect(pages).toHaveLength(Math.ceil(ownClass.studentCount / 10));
  expect(pages[0]).toContain('Aktiveringskod / Activation code');
  // Focus is back on the button that opened the warning.
  await expect(page.getByRole('button', { name: 'Skriv ut inloggningslappar (PDF)' })).toBeFocused();
});
