import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

// The administrator adds a lesson series to the basic schedule, generates the term's lessons, cancels one (once by
// mistake, taken back), and the teacher's week schedule shows it cancelled with the reason.
test.describe('administration: basic schedule', () => {
  test('add a series, generate its lessons, cancel one and see it in the week schedule', async ({ page, request }) => {
    const token = await apiLogin(request, 'larare');
    const teacher = await graphql<{ me: { displayName: string }; myGroups: { name: string; kind: string }[] }>(
      request,
      '{ me { displayName } myGroups { name kind } }',
      {},
      token,
    );
    const displayName = teacher.data!.me.displayName;
    const groupName = teacher.data!.myGroups.find((group) => group.kind === 'TEACHING')!.name;

    await login(page, 'admin', '/administration');
    await page.getByRole('link', { name: 'Grundschema och lektioner' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Grundschema' })).toBeVisible();
    await page.getByLabel('Grupp', { exact: true }).first().selectOption({ label: groupName });

    // Choosing the group starts a new series form for it: filled before it appears, the fields would be reset under
    // the test's hand (on a loaded machine, a series was saved on Monday instead of Friday). It has the group then.
    const form = page.getByTestId('series-form');
    await expect(form.getByLabel('Grupp', { exact: true }).locator('option:checked')).toHaveText(groupName);
    await form.getByLabel('Ämne').selectOption({ index: 1 });
    await form.getByLabel('Veckodag').selectOption({ label: 'Fredag' });
    await form.getByLabel('Starttid').fill('16:00');
    await form.getByLabel('Längd i minuter').fill('45');
    await form.getByLabel('Sal').fill('E2E-sal');
    const teacherOption = form.getByLabel('Lärare', { exact: true }).locator('option', { hasText: displayName });
    await form.getByLabel('Lärare', { exact: true }).selectOption({ label: (await teacherOption.first().textContent())! });
    await form.getByRole('button', { name: 'Lägg till serien' }).click();
    await expect(form.getByText(/^Sparat\./)).toBeVisible();
    const row = page.getByTestId('series-table').getByRole('row').filter({ hasText: 'E2E-sal' });
    await expect(row).toContainText('Fredag 16:00–16:45');

    // Fridays 27 November – 18 December: four lessons; everything else in the term is as the series say.
    await page.getByLabel('Från och med').fill('2026-11-25');
    await page.getByRole('button', { name: 'Generera lektioner' }).click();
    await expect(page.getByTestId('generation-result')).toContainText('4 nya, 0 uppdaterade, 0 borttagna');
    await expect(row.getByRole('cell').nth(6)).toHaveText('4');

    const finder = page.getByRole('region', { name: /Gruppens lektioner under veckan/ });
    await page.getByLabel('Vecka', { exact: true }).fill('2026-W49');
    await finder.getByRole('link', { name: /^16:00–16:45/ }).click();
    await expect(page).toHaveURL(/\/administration\/lektioner\//);
    // Cancelled by mistake and held after all, then cancelled for real.
    await page.getByLabel('Anledning').fill('Fel lektion');
    await page.getByRole('button', { name: 'Ställ in lektionen' }).click();
    await expect(page.getByTestId('lesson-facts')).toContainText('Inställd');
    await page.getByRole('button', { name: 'Lektionen blir av' }).click();
    await expect(page.getByTestId('lesson-facts')).toContainText('Enligt schema');
    await expect(page.getByTestId('lesson-facts')).not.toContainText('Fel lektion');
    await page.getByLabel('Anledning').fill('Studiebesök på museet');
    await page.getByRole('button', { name: 'Ställ in lektionen' }).click();
    await expect(page.getByTestId('lesson-facts')).toContainText('Inställd');

    await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click();
    await login(page, 'larare', '/schema?vecka=2026-W49');
    const lesson = page.getByTestId('lesson').filter({ hasText: 'Studiebesök på museet' });
    await expect(lesson).toHaveAttribute('data-status', 'cancelled');
    await expect(lesson).toContainText('16:00');
    await expect(lesson).toContainText('Inställd');
  });
});
