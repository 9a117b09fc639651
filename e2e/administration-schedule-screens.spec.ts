import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

const TEXT = {
  sv: {
    section: 'Grundschema och lektioner',
    title: 'Grundschema',
    group: 'Grupp',
    facts: 'Ändra lektionen',
    week: 'Vecka',
    reason: 'Anledning',
    cancel: 'Ställ in lektionen',
    restoreHeading: 'Ångra inställd lektion',
    restore: 'Lektionen blir av',
    cancelled: 'Inställd',
  },
  en: {
    section: 'Basic schedule and lessons',
    title: 'Basic schedule',
    group: 'Group',
    facts: 'Change the lesson',
    week: 'Week',
    reason: 'Reason',
    cancel: 'Cancel the lesson',
    restoreHeading: 'Take back the cancellation',
    restore: 'Hold the lesson',
    cancelled: 'Cancelled',
  },
} as const;

/** The basic schedule of the first series' group; `shoot` captures it on the way to a lesson. */
async function openSchedule(page: Page, testInfo: TestInfo, language: Language, shoot: boolean) {
  const text = TEXT[language];
  await loginIn(page, 'admin', language, '/administration');
  await page.getByRole('link', { name: text.section }).click();
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
  // The group of the first series (classes have none of their own): its lessons fill the finder too.
  const firstGroup = page.getByTestId('series-table').locator('tbody tr').first().locator('td').first();
  await expect(firstGroup).not.toBeEmpty();
  await page
    .getByLabel(text.group, { exact: true })
    .first()
    .selectOption({ label: (await firstGroup.textContent())! });
  const ready = async () => {
    await expect(page.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('lesson-finder').locator('tbody a').first()).toBeVisible();
  };
  if (shoot) await capture(page, testInfo, 'administration-schedule', language, ready, ADMINISTRATION_VIEWPORTS);
  else await ready();
}

async function lessonPage(page: Page, testInfo: TestInfo, language: Language) {
  const text = TEXT[language];
  await openSchedule(page, testInfo, language, false);
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

/** A lesson of next week cancelled, as its page then shows it, and held after all: the data is as before. */
async function cancelledLessonPage(page: Page, testInfo: TestInfo, language: Language) {
  const text = TEXT[language];
  await openSchedule(page, testInfo, language, false);
  await page.getByLabel(text.week, { exact: true }).fill('2026-W49');
  // The demo data cancels some of next week's lessons already.
  await page.getByTestId('lesson-finder').locator('tbody tr').filter({ hasNotText: text.cancelled }).first().getByRole('link').click();
  await page.getByLabel(text.reason).fill('Studiedag');
  await page.getByRole('button', { name: text.cancel }).click();
  await capture(
    page,
    testInfo,
    'administration-lesson-cancelled',
    language,
    () => expect(page.getByRole('heading', { level: 2, name: text.restoreHeading })).toBeVisible(),
    ADMINISTRATION_VIEWPORTS,
  );
  await page.getByRole('button', { name: text.restore }).click();
  await expect(page.getByRole('heading', { level: 2, name: text.facts })).toBeVisible();
}

for (const [language, title] of [
  ['sv', 'administration schedule pages in Swedish'],
  ['en', 'administration schedule pages in English'],
] as const) {
  test.describe(title, () => {
    test('the basic schedule', async ({ page }, testInfo) => {
      await openSchedule(page, testInfo, language, true);
    });

    test('a lesson', async ({ page }, testInfo) => {
      await lessonPage(page, testInfo, language);
    });

    test('a cancelled lesson, held after all', async ({ page }, testInfo) => {
      await cancelledLessonPage(page, testInfo, language);
    });
  });
}
