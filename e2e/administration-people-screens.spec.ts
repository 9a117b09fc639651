import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

/** Every people administration page at tablet and desktop width, in each language: axe and a screenshot. */
for (const language of ['sv', 'en'] as const satisfies readonly Language[]) {
  test.describe(`administration people pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 240_000 });

    test('students, guardians and staff: lists, forms and a person of each', async ({ page }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) =>
        capture(page, testInfo, `admin-people-${name}`, language, ready, ADMINISTRATION_VIEWPORTS);
      await loginIn(page, 'admin', language);

      await page.goto('/administration');
      await shot('home', () => expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible());

      await page.goto('/administration/elever');
      const students = page.getByTestId('admin-students');
      await shot('students', () => expect(students.locator('tbody tr').first()).toBeVisible());
      const studentLink = students.locator('tbody tr').first().getByRole('link');
      const studentHref = await studentLink.getAttribute('href');
      await page.goto(studentHref ?? '/administration/elever');
      await shot('student', () => expect(page.getByTestId('student-form')).toBeVisible());

      await page.goto('/administration/elever/ny');
      await page.getByTestId('student-form').getByRole('button').click();
      await shot('student-new-refused', () => expect(page.getByTestId('student-form').locator('.field__error').first()).toBeVisible());

      await page.goto('/administration/vardnadshavare');
      const guardians = page.getByTestId('admin-guardians');
      await shot('guardians', () => expect(guardians.locator('tbody tr').first()).toBeVisible());
      const guardianHref = await guardians.locator('tbody tr').first().getByRole('link').getAttribute('href');
      await page.goto(guardianHref ?? '/administration/vardnadshavare');
      await shot('guardian', () => expect(page.getByTestId('guardian-form')).toBeVisible());

      await page.goto(`/administration/vardnadshavare/ny?elev=${studentHref?.split('/').pop() ?? ''}`);
      await shot('guardian-new', () => expect(page.getByTestId('guardian-form')).toBeVisible());

      await page.goto('/administration/personal');
      const staff = page.getByTestId('admin-staff');
      await shot('staff', () => expect(staff.locator('tbody tr').first()).toBeVisible());
      await page.goto('/administration/personal/ny');
      await shot('staff-new', () => expect(page.getByTestId('staff-form')).toBeVisible());
      await page.goto('/administration/personal');
      await staff.locator('tbody tr').first().getByRole('link').click();
      await shot('staff-member', () => expect(page.getByTestId('duty-form')).toBeVisible());
    });
  });
}
