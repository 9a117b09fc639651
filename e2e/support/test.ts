import { test as base } from '@playwright/test';
import { SCHOOL_NOW } from './app';

export { expect } from '@playwright/test';

export interface E2EOptions {
  /** where the mail stand-in answers the functional server's mails (playwright.config.ts, e2e/support/mail.ts) */
  mailUrl: string;
}

/**
 * Every test's browser runs on the same school day as the server (INSYN_CLOCK_START in
 * playwright.config.ts): Wednesday 25 November 2026, 08:45 in Stockholm. The clock is installed before
 * any page loads, and time flows from there.
 */
export const test = base.extend<E2EOptions>({
  mailUrl: ['', { option: true }],
  page: async ({ page }, use) => {
    await page.clock.install({ time: SCHOOL_NOW });
    await use(page);
  },
});
