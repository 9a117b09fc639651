import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4310);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests against the production-style server: the API with an in-memory database seeded
 * with the demo school, serving the freshly built SPA from apps/web/dist on the same origin.
 * Browsers cannot be downloaded here; Debian's Chromium is used (apt-get install -y chromium).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
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
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'functional', use: { browserName: 'chromium' }, testIgnore: /screens\.spec\.ts/ },
    // Screenshots and axe on every page; switches the demo users' saved language, so it runs afterwards.
    { name: 'screens', use: { browserName: 'chromium' }, testMatch: /screens\.spec\.ts/, dependencies: ['functional'] },
  ],
  webServer: {
    // The web app is always built for production (NODE_ENV below is the API server's, for its shifted clock).
    command:
      'NODE_ENV=production node node_modules/pnpm/bin/pnpm.mjs --filter @insyn/web build && node --import tsx apps/api/src/main.ts --demo',
    url: `${baseURL}/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      INSYN_DATA_DIR: 'memory',
      // The suite runs on one school day: the server's clock starts here and every browser's clock is set
      // to the same instant (e2e/support/test.ts). The server refuses a shifted clock in production.
      INSYN_CLOCK_START: '2026-11-25T07:45:00Z',
      NODE_ENV: 'test',
    },
  },
});
