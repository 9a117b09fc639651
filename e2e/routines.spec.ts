import { login } from './support/app';
import { expect, test } from './support/test';

test('an administrator compares the schools and opens one by class; a principal sees their own school', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rutiner' }).click();
  await expect(page).toHaveURL(/\/skola\/rutiner$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rutiner för att hemmet ska veta i tid');
  await expect(page.getByText('Höstterminen, läsåret 2026/27')).toBeVisible();
  const schools = page.getByTestId('routine-schools').locator('tbody tr');
  await expect(schools).toHaveCount(2);
  // The demo has assessments published in some groups only, so each school shows a share "n av m".
  await expect(schools.first().locator('td').first()).toContainText(/\d+ av \d+/);

  // The first school by class, then the second.
  const [first, second] = await schools.locator('th').allInnerTexts();
  await expect(page.getByRole('heading', { level: 2, name: `${first} per klass` })).toBeVisible();
  await schools.nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: `${second} per klass` })).toBeVisible();
  const classes = page.getByTestId('routine-classes').locator('tbody tr');
  await expect(classes.first()).toBeVisible();
  await classes.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/grupp\/[^/]+$/);

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await login(page, 'rektor', '/skola/rutiner');
  await expect(page.getByTestId('routine-schools').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('routine-classes').locator('tbody tr').first()).toBeVisible();
});
