import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

/** Every people administration page at phone, tablet and desktop width, in each language: axe and a screenshot. */
const shooter = (page: Page, testInfo: TestInfo, language: Language) => (name: string, ready: () => Promise<void>) =>
  capture(page, testInfo, `admin-people-${name}`, language, ready, ADMINISTRATION_VIEWPORTS);

/** The href of the first row's link in a list, once the list has rows. */
async function firstRowHref(page: Page, testId: string): Promise<string> {
  const link = page.getByTestId(testId).locator('tbody tr').first().getByRole('link');
  await expect(link).toBeVisible();
  return (await link.getAttribute('href')) ?? '';
}

for (const language of ['sv', 'en'] as const satisfies readonly Language[]) {
  test.describe(`administration people pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 180_000 });

    test('students: the sections, the list, a student and a refused new student', async ({ page }, testInfo) => {
      const shot = shooter(page, testInfo, language);
      await loginIn(page, 'admin', language, '/administration');
      await shot('home', () => expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible());
      await page.goto('/administration/elever');
      await shot('students', () => expect(page.getByTestId('admin-students').locator('tbody tr').first()).toBeVisible());
      await page.goto(await firstRowHref(page, 'admin-students'));
      await shot('student', () => expect(page.getByTestId('student-form').getByRole('combobox')).not.toHaveValue(''));
      await page.goto('/administration/elever/ny');
      await page.getByTestId('student-form').getByRole('button').click();
      await shot('student-new-refused', () => expect(page.getByTestId('student-form').locator('.field__error').first()).toBeVisible());
    });

    test('guardians: the list, a guardian and a new guardian of a student', async ({ page }, testInfo) => {
      const shot = shooter(page, testInfo, language);
      await loginIn(page, 'admin', language, '/administration/vardnadshavare');
      await shot('guardians', () => expect(page.getByTestId('admin-guardians').locator('tbody tr').first()).toBeVisible());
      await page.goto(await firstRowHref(page, 'admin-guardians'));
      await shot('guardian', () => expect(page.getByTestId('guardian-form')).toBeVisible());
      const child = await page.locator('main a[href^="/administration/elever/"]').first().getAttribute('href');
      await page.goto(`/administration/vardnadshavare/ny?elev=${child?.split('/').pop() ?? ''}`);
      await shot('guardian-new', () => expect(page.getByTestId('guardian-form')).toBeVisible());
    });

    test('staff: the list, a new staff member and a staff member with duties', async ({ page }, testInfo) => {
      const shot = shooter(page, testInfo, language);
      await loginIn(page, 'admin', language, '/administration/personal');
      await shot('staff', () => expect(page.getByTestId('admin-staff').locator('tbody tr').first()).toBeVisible());
      await page.goto('/administration/personal/ny');
      await shot('staff-new', () => expect(page.getByTestId('staff-form')).toBeVisible());
      await page.goto('/administration/personal');
      await page.getByRole('searchbox').fill('Falk');
      await expect(page.getByTestId('admin-staff').locator('tbody tr')).toHaveCount(1);
      await page.goto(await firstRowHref(page, 'admin-staff'));
      await shot('staff-member', () => expect(page.getByTestId('staff-duties')).toBeVisible());
    });
  });
}
