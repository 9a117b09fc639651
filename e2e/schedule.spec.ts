import { expect, test } from './support/test';
import { chooseLanguage, expectWeekShown, login, schoolIsoWeek, shiftWeek, weekLabel } from './support/app';

test.describe('week schedule', () => {
  test('a student sees this week, steps back and forth, and returns to today', async ({ page }) => {
    await login(page, 'elev');
    const today = schoolIsoWeek();
    const heading = page.getByTestId('week-heading');
    await expect(heading).toHaveText(`Vecka ${today.isoWeek}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vecka ${today.isoWeek}`);
    await expect(page.getByText('Mitt schema')).toBeVisible();

    // Monday to Friday, each with its date.
    const days = page.getByTestId('day');
    if ((await expectWeekShown(page)) === 'lessons') {
      await expect(days.first().getByRole('heading', { level: 2 })).toContainText('Måndag');
      await expect(days.last().getByRole('heading', { level: 2 })).toContainText('Fredag');
    }

    const previous = shiftWeek(today, -1);
    await page.getByRole('link', { name: /^Föregående vecka/ }).click();
    await expect(heading).toHaveText(`Vecka ${previous.isoWeek}`);
    await expect(page).toHaveURL(new RegExp(`vecka=${weekLabel(previous)}`));
    await expectWeekShown(page);

    await page.getByRole('link', { name: /^Nästa vecka/ }).click();
    await page.getByRole('link', { name: /^Nästa vecka/ }).click();
    const next = shiftWeek(today, 1);
    await expect(heading).toHaveText(`Vecka ${next.isoWeek}`);
    await expect(page).toHaveURL(new RegExp(`vecka=${weekLabel(next)}`));

    await page.getByRole('link', { name: /^Idag/ }).click();
    await expect(heading).toHaveText(`Vecka ${today.isoWeek}`);
    await expect(page).toHaveURL(new RegExp(`vecka=${weekLabel(today)}`));

    // The browser's back button walks the weeks too (the week is in the address).
    await page.goBack();
    await expect(heading).toHaveText(`Vecka ${next.isoWeek}`);
  });

  test('the week can be opened directly from the address, and the start asks for it once', async ({ page }) => {
    await login(page, 'elev');
    await expectWeekShown(page);
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
        operations.push((request.postDataJSON() as { operationName?: string }).operationName ?? '');
      }
    });
    const target = shiftWeek(schoolIsoWeek(), 3);
    await page.goto(`/schema?vecka=${weekLabel(target)}`);
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${target.isoWeek}`);
    await expectWeekShown(page);
    // The week goes out with the session's renewal (main.tsx), with the page's own variables: the page takes it from
    // the cache, so the next week is only the second week asked for.
    expect(operations.slice(0, 2)).toEqual(['RefreshSession', 'StudentWeekSchedule']);
    await page.getByRole('link', { name: /^Nästa vecka/ }).click();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${shiftWeek(target, 1).isoWeek}`);
    await expectWeekShown(page);
    expect(operations.filter((operation) => operation === 'StudentWeekSchedule')).toHaveLength(2);

    await page.goto('/schema?vecka=2026-W99');
    await expect(page.getByText('Veckan i adressen finns inte')).toBeVisible();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${schoolIsoWeek().isoWeek}`);
  });

  test('lessons show time, subject, room and teacher; cancelled and changed lessons say so in words', async ({ page }) => {
    await login(page, 'elev');
    const today = schoolIsoWeek();
    // Look through a few weeks for the demo data's cancelled and changed lessons.
    let sawCancelled = false;
    let sawChanged = false;
    for (let offset = 0; offset <= 4 && !(sawCancelled && sawChanged); offset += 1) {
      await page.goto(`/schema?vecka=${weekLabel(shiftWeek(today, offset))}`);
      await expectWeekShown(page);
      const lessons = page.getByTestId('lesson');
      if (offset === 0 && (await lessons.count()) > 0) {
        const first = lessons.first();
        await expect(first.locator('time').first()).toHaveText(/^\d{2}:\d{2}$/);
        await expect(first.getByRole('heading', { level: 3 })).not.toBeEmpty();
      }
      const cancelled = page.locator('[data-status="cancelled"]');
      if ((await cancelled.count()) > 0) {
        sawCancelled = true;
        await expect(cancelled.first()).toContainText('Inställd');
        await expect(cancelled.first().locator('.lesson__subject')).toHaveCSS('text-decoration-line', 'line-through');
      }
      const changed = page.locator('[data-status="changed"]');
      if ((await changed.count()) > 0) {
        sawChanged = true;
        await expect(changed.first()).toContainText('Ändrad');
      }
    }
    test.info().annotations.push({ type: 'demo data', description: `cancelled seen: ${sawCancelled}, changed seen: ${sawChanged}` });
  });

  test('switching the language to English changes the labels and is remembered', async ({ page }) => {
    // A user of its own: the saved language is per account and other tests run at the same time.
    await login(page, 'myndig');
    const week = schoolIsoWeek();
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${week.isoWeek}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

    await chooseLanguage(page, 'en');
    await expect(page.getByTestId('week-heading')).toHaveText(`Week ${week.isoWeek}`);
    await expect(page.getByRole('link', { name: /^Previous week/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Today/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Schedule' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
    if ((await expectWeekShown(page)) === 'lessons') {
      await expect(page.getByTestId('day').first().getByRole('heading', { level: 2 })).toContainText('Monday');
    }

    // Saved on the account and in the browser: a reload stays in English.
    await page.reload();
    await expect(page.getByTestId('week-heading')).toHaveText(`Week ${week.isoWeek}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await chooseLanguage(page, 'sv');
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${week.isoWeek}`);
  });

  test('the login page can be switched to English before logging in', async ({ page }) => {
    await page.goto('/logga-in');
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  });
});
