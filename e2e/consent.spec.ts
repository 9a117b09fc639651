import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiLogin, DEMO_PASSWORD, expectLoggedInAt, graphql, SCHOOL_NOW } from './support/app';

interface Guardian {
  guardianId: string;
  firstName: string;
  given: boolean;
}

/**
 * The adult student (myndig), a guardian they let in and that guardian's login: the demo data chooses people by
 * rules, not by name, so the test asks the API (the student for their choices, an administrator for the login).
 */
async function adultAndGuardian(request: APIRequestContext) {
  const adult = await apiLogin(request, 'myndig');
  const me = await graphql<{ me: { students: { id: string; firstName: string }[] } }>(
    request,
    '{ me { students { id firstName } } }',
    {},
    adult,
  );
  const student = me.data?.me.students[0];
  const consents = await graphql<{ myGuardianConsents: Guardian[] }>(
    request,
    '{ myGuardianConsents { guardianId firstName given } }',
    {},
    adult,
  );
  const guardian = consents.data?.myGuardianConsents.find((candidate) => candidate.given);
  if (!student || !guardian) throw new Error(`myndig has no guardian with access: ${JSON.stringify(consents)}`);
  const login = await graphql<{ administeredGuardian: { login: { username: string } | null } }>(
    request,
    'query ($id: ID!) { administeredGuardian(id: $id) { login { username } } }',
    { id: guardian.guardianId },
    await apiLogin(request, 'admin'),
  );
  const username = login.data?.administeredGuardian.login?.username;
  if (!username) throw new Error(`the guardian has no login: ${JSON.stringify(login)}`);
  return { student, guardian, username };
}

/** Logs in with any username through the form, landing on `path` (one page load). */
async function loginAs(page: Page, username: string, path: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/^(Användarnamn|Username)$/).fill(username);
  await page.getByLabel(/^(Lösenord|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click();
  await expectLoggedInAt(page, path);
}

test('an adult student withdraws and gives consent, and the guardian’s view follows', async ({ page, browser, request }, testInfo) => {
  const { student, guardian, username } = await adultAndGuardian(request);
  const childSchedule = `/schema?elev=${encodeURIComponent(student.id)}`;

  // The student, from the menu: each guardian with their access and the choices so far.
  await loginAs(page, 'myndig', '/schema');
  await page.getByRole('navigation').getByRole('link', { name: 'Samtycke' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vårdnadshavarnas tillgång');
  const item = page.locator(`[data-guardian-id="${guardian.guardianId}"]`);
  await expect(item.getByTestId('consent-status')).toHaveText(/Har tillgång/);
  const choices = item.getByTestId('consent-history').locator('li');
  const choicesBefore = await choices.count();

  // Withdrawing asks first; cancelling changes nothing.
  await item.getByRole('button', { name: `Ta tillbaka tillgången för ${guardian.firstName}` }).click();
  await expect(item.getByText(/^Ta tillbaka tillgången för .+\? Hen ser då inte längre/)).toBeFocused();
  await item.getByRole('button', { name: 'Avbryt' }).click();
  await expect(item.getByTestId('withdraw-consent')).toBeFocused();
  await item.getByTestId('withdraw-consent').click();
  await item.getByTestId('confirm-withdraw-consent').click();
  await expect(item.getByTestId('consent-status')).toHaveText(/Ingen tillgång/);
  await expect(item.getByRole('status')).toContainText('har inte längre tillgång till dina uppgifter');
  await expect(choices).toHaveCount(choicesBefore + 1);
  await expect(choices.first()).toContainText('Tillgång återkallad');
  await expect(item.getByTestId('give-consent')).toBeFocused();

  // The guardian, logging in on the student's schedule, finds nothing there.
  const guardianContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const guardianPage = await guardianContext.newPage();
  await guardianPage.clock.install({ time: SCHOOL_NOW });
  await loginAs(guardianPage, username, childSchedule);
  await expect(guardianPage.getByTestId('not-found')).toBeVisible();

  // The student gives access again, at once (no question); the guardian's next request sees the student.
  await item.getByRole('button', { name: `Ge ${guardian.firstName} tillgång` }).click();
  await expect(item.getByTestId('consent-status')).toHaveText(/Har tillgång/);
  await expect(item.getByRole('status')).toContainText('har nu tillgång till dina uppgifter');
  await expect(choices).toHaveCount(choicesBefore + 2);
  await expect(choices.first()).toContainText('Tillgång given');

  await guardianPage.reload();
  await expect(guardianPage.getByText(`Schema för ${student.firstName}`)).toBeVisible();
  await expect(guardianPage.getByTestId('week-grid').or(guardianPage.getByTestId('week-empty'))).toBeVisible();
  await guardianContext.close();
});

test('a student under 18 has no consent page', async ({ page }) => {
  await loginAs(page, 'elev', '/samtycke');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Samtycke' })).toHaveCount(0);
});
