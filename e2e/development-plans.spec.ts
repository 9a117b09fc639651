import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { login } from './support/app';
import { childInMentorsClass } from './support/development-plans';

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test('the mentor writes the summary and publishes the IUP; the guardian reads it', async ({ page, request }) => {
  const child = await childInMentorsClass(request);
  const summary = `Terminen har gått bra. Fokus framåt: planera skolarbetet veckovis (${Date.now()})`;

  await login(page, 'mentor');
  await page.getByRole('navigation').getByRole('link', { name: 'IUP och studieplaner' }).click();
  await page.getByTestId('plan-groups').getByRole('link', { name: child.className, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/grupp/${child.classId}/iup$`));
  const row = page.getByTestId('group-development-plans').locator(`tr[data-student-id="${child.id}"]`);
  await row.getByRole('link').click();
  await expect(page.getByTestId('development-plan-heading')).toContainText(child.firstName);
  // Back to the class's list the way the mentor came; opened by a login's redirect there is no way back to offer.
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(page).toHaveURL(new RegExp(`/grupp/${child.classId}/iup$`));
  await row.getByRole('link').click();
  await expect(page.getByTestId('development-plan-heading')).toContainText(child.firstName);

  // Publishing without a summary is refused at the field.
  const form = page.getByTestId('plan-summary-form');
  await form.getByLabel('Sammanfattning och övergripande mål').fill('');
  await form.getByTestId('publish-plan').click();
  await expect(form.getByLabel('Sammanfattning och övergripande mål')).toHaveAccessibleDescription(
    /Skriv en sammanfattning innan du publicerar\./,
  );
  await form.getByLabel('Sammanfattning och övergripande mål').fill(summary);
  await form.getByTestId('publish-plan').click();
  await expect(page.getByTestId('development-plan-notice')).toContainText('Planen är publicerad');
  await expect(page.getByTestId('development-plan-status').first()).toContainText('Publicerad');
  await logout(page);
  await login(page, 'mentor', `/elev/${encodeURIComponent(child.id)}/iup`);
  await expect(page.getByTestId('development-plan-heading')).toContainText(child.firstName);
  await expect(page.getByTestId('back-button')).toHaveCount(0);
  await logout(page);

  await login(page, 'vardnadshavare');
  await page.getByRole('navigation').getByRole('link', { name: 'IUP', exact: true }).click();
  // The demo guardian has two children.
  await page.getByTestId('child-picker').getByLabel(new RegExp(child.firstName)).check();
  const plan = page.getByTestId('development-plan').first();
  await expect(plan.getByTestId('development-plan-summary')).toHaveText(summary);
  await expect(plan.getByTestId('development-plan-status')).toContainText('Publicerad');
  await expect(plan.getByTestId('plan-entry').first()).toBeVisible();
});

test('an upper-secondary student reads the study plan: programme, progress and courses per year', async ({ page }) => {
  await login(page, 'myndig');
  await page.getByRole('navigation').getByRole('link', { name: 'Studieplan' }).click();
  await expect(page).toHaveURL(/\/studieplan$/);
  await expect(page.getByTestId('study-plan-programme')).toHaveText(/programmet$/);
  await expect(page.getByTestId('study-plan-progress-text')).toHaveText(/^\d+ av 2500 poäng klara \(\d+ %\)$/);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '2500');
  for (const year of [1, 2, 3]) await expect(page.getByTestId(`study-plan-year-${year}`)).toBeVisible();
  // Year 1 was two school years ago: its courses have their grades.
  await expect(page.getByTestId('study-plan-year-1').getByTestId('study-plan-course-status').first()).toContainText('Betyg');
  // A third-year student: this year's courses are in progress, none of them is only planned.
  const thisYear = page.getByTestId('study-plan-year-3');
  await expect(thisYear.getByTestId('study-plan-course-status').first()).toContainText(/Pågår|Betyg/);
  await expect(thisYear.getByTestId('study-plan-course-status').filter({ hasText: 'Planerad' })).toHaveCount(0);
  // Nothing of compulsory school's IUP in an upper-secondary student's menu.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'IUP', exact: true })).toHaveCount(0);
});
