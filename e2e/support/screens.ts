import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectLoggedInAt, VIEWPORTS, type DemoUser } from './app';
import { axeWidthIndex, TAKE_SCREENSHOTS, type Language } from './screens-scope';
import { expect } from './test';

export type { Language };

// What the screens tests share: log in through the page in a language, then screenshot and axe a page at each width.

function screenshotDir(testInfo: TestInfo): string {
  const root = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  const dir = join(root, 'e2e', '.screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('.loading-state')).toHaveCount(0);
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/** Checks made at each width besides the screenshot. */
export interface CaptureChecks {
  /** The page fits the width of a phone (390 px and narrower): nothing makes the whole page scroll sideways. */
  fitsPhone?: boolean;
}

/** How far the document is wider than the window: a table may scroll sideways inside its own region, the page may not. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

/**
 * Screenshots at each width and an axe check at one of them; `ready` waits for the page's own content. The page is
 * left at the width it had before, so that what a test does next (e.g. a link in the main navigation, which a phone
 * shows behind its menu button) happens at the width the test chose.
 */
export async function capture(
  page: Page,
  testInfo: TestInfo,
  name: string,
  language: Language,
  ready: () => Promise<void>,
  viewports: Record<string, { width: number; height: number }> = VIEWPORTS,
  checks: CaptureChecks = {},
): Promise<void> {
  const entries = Object.entries(viewports);
  const axeIndex = axeWidthIndex(name, language, entries.length);
  const before = page.viewportSize();
  for (const [index, [device, viewport]] of entries.entries()) {
    await page.setViewportSize(viewport);
    await ready();
    await settle(page);
    if (checks.fitsPhone && viewport.width <= VIEWPORTS.phone.width) {
      // Polled: what sizes itself to its container (a chart) does so a frame or more after the width changed, later
      // on a busy machine. Soft: the screenshots of the other widths are still taken, and every page that does not
      // fit is reported.
      await expect.soft.poll(() => sidewaysOverflow(page), `${name}-${language}-${device} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    if (index === axeIndex) await expectAccessible(page, testInfo, `${name}-${language}-${device}`);
    if (TAKE_SCREENSHOTS)
      await page.screenshot({ path: join(screenshotDir(testInfo), `${name}-${language}-${device}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Logs in through the page in a language; given a page of the app, opens it logged out and lands there (see `login`). */
export async function loginIn(page: Page, user: DemoUser, language: Language, path?: string): Promise<void> {
  await page.goto(path ?? '/logga-in');
  const name = language === 'sv' ? 'Svenska' : 'English';
  await page.getByRole('group', { name: 'Språk – Language' }).getByRole('button', { name }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByLabel(language === 'sv' ? 'Användarnamn' : 'Username').fill(user);
  await page.getByLabel(language === 'sv' ? 'Lösenord' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: language === 'sv' ? 'Logga in' : 'Log in' }).click();
  await expectLoggedInAt(page, path);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

/** Administration is desktop first, used on tablets, and must not break on a phone (a principal checks on the way). */
export const ADMINISTRATION_VIEWPORTS = {
  phone: VIEWPORTS.phone,
  tablet: VIEWPORTS.tablet,
  desktop: { width: 1280, height: 900 },
} as const;
