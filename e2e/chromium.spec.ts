import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { expect, test } from './support/test';

// How the suite's Chromium is started (e2e/support/chromium.ts): its own --disable-features keeps Playwright's, and a
// window opens no page of the browser's own beside the test's.
test('the browser keeps the features Playwright turns off, and a new window loads none of its own pages', async ({ browser, page }) => {
  const server = await chromium.launchServer(chromiumLaunchOptions());
  const commandLine = server.process().spawnargs;
  await server.close();
  const disabledLists = commandLine
    .filter((argument) => argument.startsWith('--disable-features='))
    .map((argument) => argument.slice('--disable-features='.length).split(','));
  expect(disabledLists.length, commandLine.join(' ')).toBeGreaterThan(1);
  // Chromium reads the last one only.
  const inEffect = disabledLists.at(-1) ?? [];
  for (const list of disabledLists) expect(inEffect).toEqual(expect.arrayContaining(list));

  await page.goto('/logga-in');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
  await cdp.detach();
  expect(targetInfos.map((target) => target.url).filter((url) => url.startsWith('chrome://'))).toEqual([]);
});
