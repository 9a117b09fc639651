import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, logout, type Language } from './support/screens';

// The schools and calendar pages of the administration, in each language at phone, tablet and desktop width: axe and a
// screenshot each (e2e/.screenshots/). Each language has a server of its own, so nothing here is written.

const LANGUAGES: Language[] = ['sv', 'en'];

for (const language of LANGUAGES) {
  test.describe(`administration schools pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 240_000 });
    const sv = language === 'sv';

    test('schools, a school with its settings, a new school refused, the calendar and a school year', async ({ page }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      await loginIn(page, 'admin', language, '/administration/skolor');
      await shot('admin-schools', () => expect(page.getByTestId('schools-table')).toContainText('Ekbackeskolan'));

      await page.getByRole('link', { name: 'Ekbackeskolan' }).click();
      await shot('admin-school', () => expect(page.getByTestId('settings-form')).toBeVisible());

      await page.goto('/administration/skolor/ny');
      await page.getByRole('button', { name: sv ? 'Skapa skolan' : 'Create the school' }).click();
      await shot('admin-school-new-errors', () => expect(page.locator('.field__error').first()).toBeVisible());

      await page.goto('/administration/kalender');
      await shot('admin-calendar', () => expect(page.getByTestId('school-years-table')).toContainText('2026/27'));

      await page.getByRole('link', { name: '2026/27' }).click();
      await shot('admin-school-year', () => expect(page.getByTestId('breaks-AUTUMN')).toBeVisible());
      await logout(page);
    });
  });
}
