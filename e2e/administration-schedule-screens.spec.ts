import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

const TEXT = {
  sv: { section: 'Grundschema och lektioner', title: 'Grundschema', group: 'Grupp', week: 'Vecka', facts: 'Ändra lektionen' },
  en: { section: 'Basic schedule and lessons', title: 'Basic schedule', group: 'Group', week: 'Week', facts: 'Change the lesson' },
} as const;

async function schedulePages(page: Page, testInfo: TestInfo, language: Language) {
  const text = TEXT[language];
  await loginIn(page, 'admin', language);
  await page.goto('/administration');
  await page.getByRole('link', { name: text.section }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
  // The group of the first series (classes have none of their own): its lessons fill the finder too.
  const firstGroup = page.getByTestId('series-table').locator('tbody tr').first().locator('td').first();
  await expect(firstGroup).not.toBeEmpty();
  await page
    .getByLabel(text.group, { exact: true })
    .first()
    .selectOption({ label: (await firstGroup.textContent())! });
  await capture(
    page,
    testInfo,
    'administration-schedule',
    language,
    async () => {
      await expect(page.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();
      await expect(page.getByTestId('lesson-finder').locator('tbody a').first()).toBeVisible();
    },
    ADMINISTRATION_VIEWPORTS,
  );
  await page.getByTestId('lesson-finder').locator('tbody a').first().click();
  await capture(
    page,
    testInfo,
    'administration-lesson',
    language,
    async () => {
      await expect(page.getByRole('heading', { level: 2, name: text.facts })).toBeVisible();
    },
    ADMINISTRATION_VIEWPORTS,
  );
}

test.describe('administration schedule pages in Swedish', () => {
  test('the basic schedule and a lesson', async ({ page }, testInfo) => {
    await schedulePages(page, testInfo, 'sv');
  });
});

test.describe('administration schedule pages in English', () => {
  test('the basic schedule and a lesson', async ({ page }, testInfo) => {
    await schedulePages(page, testInfo, 'en');
  });
});
