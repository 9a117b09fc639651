import { expect, test } from './support/test';
import { expectWeekShown, login } from './support/app';

test.describe('class lists', () => {
  test('a student opens their class list from the menu: mentors and classmates, no personnummer', async ({ page }) => {
    await login(page, 'elev');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min klass' }).click();
    await expect(page).toHaveURL(/\/grupp\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Klass \S+/);
    await expect(page.getByRole('heading', { level: 2, name: 'Mentorer' })).toBeVisible();
    await expect(page.getByTestId('mentors').getByRole('listitem').first()).toBeVisible();

    const table = page.getByTestId('class-list');
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toContainText('elever i');
    await expect(table.getByRole('columnheader', { name: 'Namn' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Personnummer' })).toHaveCount(0);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect(table).not.toContainText(/\d{8}-\d{4}/);
  });

  test('a mentor sees their groups and a class list with personnummer', async ({ page }) => {
    await login(page, 'mentor');
    // Staff start on today's lessons; the schedule is one step away in the menu.
    await expect(page).toHaveURL(/\/idag$/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Schema', exact: true }).click();
    await expect(page.getByText('Min undervisning')).toBeVisible();
    const section = page.getByRole('region', { name: 'Mina grupper' });
    await expect(section).toBeVisible();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina grupper' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina grupper' })).toBeVisible();
    const groups = page.getByTestId('my-groups');
    await expect(groups).toBeVisible();
    const classRow = groups.locator('tbody tr').filter({ hasText: 'Klass' }).first();
    await classRow.getByRole('link').click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Klass /);
    const table = page.getByTestId('class-list');
    await expect(table.getByRole('columnheader', { name: 'Personnummer' })).toBeVisible();
    await expect(table.locator('tbody tr').first()).toContainText(/\d{8}-\d{4}/);

    // From the class list to one student's schedule.
    await table
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: /^Schema för / })
      .click();
    await expect(page).toHaveURL(/\/schema\?elev=/);
    await expect(page.getByText(/^Schema för /)).toBeVisible();
    await expectWeekShown(page);
  });

  test('a teaching group has teachers, not mentors: its page does not say it has no mentor', async ({ page }) => {
    await login(page, 'larare', '/grupper');
    const teachingRow = page.getByTestId('my-groups').locator('tbody tr').filter({ hasText: 'Undervisningsgrupp' }).first();
    await teachingRow.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Undervisningsgrupp /);
    await expect(page.getByTestId('class-list')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Mentorer' })).toHaveCount(0);
    await expect(page.getByText('Ingen mentor')).toHaveCount(0);
  });

  test('an unknown group shows the not-found page', async ({ page }) => {
    await login(page, 'elev', '/grupp/finns-inte');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hittades inte eller ingen behörighet');
    await page.goto('/ingen-sida');
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});
