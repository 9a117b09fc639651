import { expect, test } from './support/test';
import { DEMO_PASSWORD, expectWeekShown, login, schoolIsoWeek, shiftWeek } from './support/app';

test.describe('login and session', () => {
  test('a wrong password is explained and the user can try again', async ({ page }) => {
    await page.goto('/schema');
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();

    // Empty fields: each field says what is missing.
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByText('Fyll i ditt användarnamn.')).toBeVisible();
    await expect(page.getByLabel('Användarnamn')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Användarnamn')).toBeFocused();
    await expect(page.getByText('Fyll i ditt lösenord.')).toBeVisible();
    // Spaces are no username either.
    await page.getByLabel('Användarnamn').fill('   ');
    await page.getByLabel('Lösenord', { exact: true }).fill('något');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByText('Fyll i ditt användarnamn.')).toBeVisible();
    await expect(page.getByText('Fyll i ditt lösenord.')).toBeHidden();

    const unknownUser = `okand-${Date.now()}`;
    await page.getByLabel('Användarnamn').fill(unknownUser);
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toContainText('Fel användarnamn eller lösenord');
    await expect(page.getByLabel('Lösenord', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Lösenord', { exact: true })).toHaveValue('');
  });

  test('repeated failures slow the login down and say so', async ({ page }) => {
    await page.goto('/logga-in');
    const username = `gissare-${Date.now()}`;
    await page.getByLabel('Användarnamn').fill(username);
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await page.getByLabel('Lösenord', { exact: true }).fill(`fel-${attempt}`);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect(page.getByRole('alert')).toContainText(/Fel användarnamn|För många/);
    }
    await expect(page.getByRole('alert')).toContainText('För många inloggningsförsök');
  });

  test('an unreachable server is reported as such', async ({ page }) => {
    await page.goto('/logga-in');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Användarnamn').fill('elev');
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toContainText('Det går inte att nå Insyn');
  });

  test('a reload keeps the session (renewal cookie), logout ends it', async ({ page, context }) => {
    await login(page, 'elev');
    const week = schoolIsoWeek();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${week.isoWeek}`);

    // The access token lives in memory only: nothing in storage, only the HttpOnly cookie.
    const storage = await context.storageState();
    expect(JSON.stringify(storage.origins)).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
    const cookies = await context.cookies();
    const renewal = cookies.find((cookie) => cookie.name === 'insyn_refresh');
    expect(renewal?.httpOnly).toBe(true);
    expect(renewal?.path).toBe('/graphql');

    await page.reload();
    await expect(page).toHaveURL(/\/schema/);
    await expect(page.getByTestId('logged-in-user')).toBeVisible();
    await expect(page.getByTestId('week-heading')).toBeVisible();

    // A second tab opened as this one reloads: both renew with the one cookie at once (they take turns, so that the
    // API never sees a used one again and ends the session), and both go on.
    const other = await context.newPage();
    await Promise.all([page.reload(), other.goto('/schema')]);
    for (const tab of [page, other]) await expect(tab.getByTestId('week-heading')).toBeVisible();
    await other.close();

    // A further reload works too: the rotated cookie is used, not the first one, and the session was not ended.
    await page.reload();
    await expect(page.getByTestId('logged-in-user')).toBeVisible();

    await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByRole('status').filter({ hasText: /utloggad|logged out/ })).toBeVisible();

    await page.goto('/schema');
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Logga in|Log in/);
  });

  test('after logging in the user returns to the page they asked for', async ({ page }) => {
    const week = schoolIsoWeek();
    const other = week.isoWeek === 1 ? 2 : week.isoWeek - 1;
    await page.goto(`/schema?vecka=${week.isoYear}-W${String(other).padStart(2, '0')}`);
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.getByLabel('Användarnamn').fill('elev');
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${other}`);
  });

  test('an access token the API refuses is renewed once with the cookie, and the request retried', async ({ page }) => {
    await login(page, 'elev');
    // The first week's query must be done before the route goes in, or it (not the next week's) is the one tampered.
    await expectWeekShown(page);
    let tampered = false;
    let renewals = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'RefreshSession') renewals += 1;
      if (body?.operationName === 'StudentWeekSchedule' && !tampered) {
        tampered = true; // as if the token had expired
        await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer expired.or.forged' } });
        return;
      }
      await route.continue();
    });
    const next = shiftWeek(schoolIsoWeek(), 1);
    await page.getByRole('link', { name: /^Nästa vecka/ }).click();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${next.isoWeek}`);
    await expectWeekShown(page);
    await expect(page).toHaveURL(/\/schema/);
    expect(tampered).toBe(true);
    expect(renewals).toBe(1);
  });

  test('when renewal fails too, the user is sent to log in again and then back', async ({ page, context }) => {
    await login(page, 'elev');
    // On a loaded machine the first week's query can still be on its way: tampered, it would send the user to log
    // in from this week, before the click below.
    await expectWeekShown(page);
    await context.clearCookies(); // the renewal cookie is gone (expired, or the session was revoked)
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'StudentWeekSchedule') {
        await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer expired.or.forged' } });
        return;
      }
      await route.continue();
    });
    const next = shiftWeek(schoolIsoWeek(), 1);
    await page.getByRole('link', { name: /^Nästa vecka/ }).click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByRole('status').filter({ hasText: 'Din inloggning har gått ut' })).toBeVisible();

    await page.unroute('**/graphql');
    await page.getByLabel('Användarnamn').fill('elev');
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${next.isoWeek}`);
  });
});
