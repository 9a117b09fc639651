import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

// The pages of classes, teaching groups, subjects and courses, in each language at phone, tablet and desktop width.
for (const language of ['sv', 'en'] as const satisfies readonly Language[]) {
  const sv = language === 'sv';
  test.describe(`administration groups pages in ${sv ? 'Swedish' : 'English'} at phone, tablet and desktop width`, () => {
    test.describe.configure({ timeout: 240_000 });

    test('groups list, a new group, a class with its members, subjects and courses', async ({ page }, testInfo) => {
      await loginIn(page, 'admin', language, '/administration');
      await page.getByRole('link', { name: sv ? 'Klasser och grupper' : 'Classes and groups' }).click();
      const table = page.getByTestId('groups-table');
      await capture(
        page,
        testInfo,
        'admin-groups',
        language,
        () => expect(table.locator('tbody tr').first()).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );

      await page.getByRole('link', { name: sv ? 'Ny klass eller grupp' : 'New class or group' }).click();
      // Shown with its refusals: an empty name and a year level out of range.
      await page.getByLabel(sv ? 'Årskurs' : 'Year', { exact: true }).fill('13');
      await page.getByRole('button', { name: sv ? 'Skapa' : 'Create' }).click();
      await capture(
        page,
        testInfo,
        'admin-group-new',
        language,
        () => expect(page.locator('.field__error')).toHaveCount(2),
        ADMINISTRATION_VIEWPORTS,
      );

      await page.goto('/administration/grupper');
      await page.getByLabel(sv ? 'Typ' : 'Type', { exact: true }).selectOption('CLASS');
      await table.locator('tbody tr').first().getByRole('link').click();
      const members = page.getByTestId('members-table');
      await members
        .getByRole('button', { name: sv ? /^Flytta / : /^Move / })
        .first()
        .click();
      await capture(
        page,
        testInfo,
        'admin-group',
        language,
        () => expect(members.locator('tbody tr').first()).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );

      // Deleting the class is asked first; the demo's class has roll calls, so it stays and the page says why.
      await page.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' }).click();
      await page.getByRole('button', { name: sv ? 'Ta bort gruppen' : 'Delete the group' }).click();
      const confirmDeletion = page.getByTestId('delete-group-confirm');
      await capture(
        page,
        testInfo,
        'admin-group-delete-confirm',
        language,
        () => expect(confirmDeletion).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );
      await confirmDeletion.click();
      await capture(
        page,
        testInfo,
        'admin-group-delete-refused',
        language,
        () =>
          expect(page.getByRole('region', { name: sv ? 'Ta bort' : 'Delete' }).getByRole('alert')).toContainText(
            sv ? 'Gruppen kan inte tas bort' : 'The group cannot be deleted',
          ),
        ADMINISTRATION_VIEWPORTS,
      );

      await page.goto('/administration/amnen');
      const subjects = page.getByTestId('subjects-table');
      await capture(
        page,
        testInfo,
        'admin-subjects',
        language,
        () => expect(subjects.locator('tbody tr').first()).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );
      await subjects.getByRole('button', { name: sv ? 'Ta bort MA' : 'Delete MA' }).click();
      await capture(
        page,
        testInfo,
        'admin-subjects-delete-confirm',
        language,
        () => expect(subjects.getByRole('button', { name: sv ? 'Ja, ta bort ämnet MA' : 'Yes, delete the subject MA' })).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );
    });
  });
}
