import { test as base } from '@playwright/test';
import { SCHOOL_NOW } from './app';
import { languageOfTest, SCREENS_IN_BOTH_LANGUAGES } from './screens-scope';

export { expect } from '@playwright/test';

export interface E2EOptions {
  /** where the mail stand-in answers the functional server's mails (playwright.config.ts, e2e/support/mail.ts) */
  mailUrl: string;
  /** the school's clock when the test starts, the same as its server's (SCHOOL_NOW, or NIGHT_NOW on the night server) */
  schoolNow: Date;
}

/**
 * Every test's browser runs on the same school day as the server (INSYN_CLOCK_START in
 * scripts/e2e-servers.mjs): Wednesday 25 November 2026, 08:45 in Stockholm (22:00 in the night project). The clock
 * is installed before any page loads, and time flows from there.
 */
export const test = base.extend<E2EOptions & { screensLanguage: void }>({
  mailUrl: ['', { option: true }],
  schoolNow: [SCHOOL_NOW, { option: true }],
  // A screens test (projects screens-sv and screens-en) runs in one of the languages unless both are asked for
  // (e2e/support/screens-scope.ts); in the other project it is reported as skipped, with the language it ran in.
  screensLanguage: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use, testInfo) => {
      const project = /^screens-(sv|en)$/.exec(testInfo.project.name)?.[1];
      if (project && !SCREENS_IN_BOTH_LANGUAGES) {
        const language = languageOfTest(testInfo);
        testInfo.skip(
          language !== project,
          `checked in ${language === 'sv' ? 'Swedish' : 'English'} in this run (e2e/support/screens-scope.ts)`,
        );
      }
      await use();
    },
    { auto: true },
  ],
  page: async ({ page, schoolNow }, use) => {
    await page.clock.install({ time: schoolNow });
    await use(page);
  },
});
