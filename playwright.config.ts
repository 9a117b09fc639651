import { defineConfig } from '@playwright/test';
import { NIGHT_NOW } from './e2e/support/app';
import type { E2EOptions } from './e2e/support/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4310);
/** The screens projects have a server (and database) each: they save the demo users' language. */
const SCREENS_PORT = Number(process.env.E2E_SCREENS_PORT ?? PORT + 100);
/** A server without demo data, only the first administrator that `pnpm admin:init` made (e2e/from-scratch.spec.ts). */
const FROM_SCRATCH_PORT = SCREENS_PORT + 2;
/**
 * The administration's functional tests create schools and move students between classes: on a server of their own,
 * so that no other test sees a third school or a student gone from a class depending on the order tests ran in.
 */
const ADMINISTRATION_PORT = SCREENS_PORT + 3;
const ADMINISTRATION_SPECS = /administration-[a-z]+\.spec\.ts/;
/**
 * The mail stand-in (scripts/e2e-servers.mjs, mail:<port>): the functional tests' server sends its e-mail to a local
 * SMTP server, whose mails the tests read here (e2e/support/mail.ts).
 */
const MAIL_PORT = SCREENS_PORT + 4;
/** The demo school at 22:00, in its quiet hours (e2e/night.spec.ts); the browser's clock there is NIGHT_NOW. */
const NIGHT_PORT = SCREENS_PORT + 5;
const url = (port: number) => `http://127.0.0.1:${port}`;

/**
 * End-to-end tests against production-style servers (scripts/e2e-servers.mjs): the API with a fresh database
 * filled with the demo school, serving the freshly built SPA from apps/web/dist on the same origin.
 * Browsers cannot be downloaded here; Debian's Chromium is used (apt-get install -y chromium chromium-l10n).
 */
export default defineConfig<E2EOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // The browser is what costs: measured on 2 cores, the Chromium processes and the Playwright workers take almost all of
  // the stage's CPU time and the two servers a few per cent. More workers than cores only makes every test slower
  // (three workers kept the load average at 12–25 and tests ran into their timeouts); one worker per core.
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // scripts/test-all.mjs asks for a JSON report too (PLAYWRIGHT_JSON_OUTPUT_NAME) for its one-line summary.
  reporter: [
    ['list'],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as const] : []),
    ...(process.env.CI ? [['html', { open: 'never' }] as const] : []),
  ],
  use: {
    baseURL: url(PORT),
    mailUrl: url(MAIL_PORT),
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    // A failed test keeps its trace: every action with its timing, the requests and the console, and a screenshot of
    // where it stopped. Not the screencast nor a DOM snapshot at every step: the trace is recorded in every test, and
    // the screencast took about 40 % of the stage's CPU time, the snapshots about 16 % of the screens tests'.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    // The service worker fetches and stores the whole app shell in every new browser context; only the offline test
    // needs it (e2e/roll-call.spec.ts allows it there).
    serviceWorkers: 'block',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'functional',
      use: { browserName: 'chromium' },
      testIgnore: [/screens\.spec\.ts/, /from-scratch\.spec\.ts/, /night\.spec\.ts/, ADMINISTRATION_SPECS],
    },
    { name: 'night', use: { browserName: 'chromium', baseURL: url(NIGHT_PORT), schoolNow: NIGHT_NOW }, testMatch: /night\.spec\.ts/ },
    { name: 'administration', use: { browserName: 'chromium', baseURL: url(ADMINISTRATION_PORT) }, testMatch: ADMINISTRATION_SPECS },
    { name: 'from-scratch', use: { browserName: 'chromium', baseURL: url(FROM_SCRATCH_PORT) }, testMatch: /from-scratch\.spec\.ts/ },
    // Screenshots and axe on every page, a server for each language: a restored session takes the language saved on
    // the account, so a page in Swedish must never share its demo users with one in English.
    {
      name: 'screens-sv',
      use: { browserName: 'chromium', baseURL: url(SCREENS_PORT), launchOptions: chromiumLaunchOptions('sv') },
      testMatch: /screens\.spec\.ts/,
      grep: /pages in Swedish/,
    },
    {
      name: 'screens-en',
      use: { browserName: 'chromium', baseURL: url(SCREENS_PORT + 1), launchOptions: chromiumLaunchOptions('en_GB') },
      testMatch: /screens\.spec\.ts/,
      grep: /pages in English/,
    },
  ],
  webServer: {
    command: `node scripts/e2e-servers.mjs ${PORT} ${SCREENS_PORT} ${SCREENS_PORT + 1} empty:${FROM_SCRATCH_PORT} ${ADMINISTRATION_PORT} night:${NIGHT_PORT} mail:${MAIL_PORT}`,
    url: `${url(PORT)}/health`,
    wait: { stdout: /E2E servers ready/ },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
