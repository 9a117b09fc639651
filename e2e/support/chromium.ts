// How the browser tests and the benchmarks start Chromium.

/**
 * The features Playwright 1.65.1 itself disables (`chromiumSwitches.ts` in playwright-core). Chromium reads only the
 * last `--disable-features` it is given, and ours comes after Playwright's: without these it would switch them on again.
 * e2e/chromium.spec.ts fails if Playwright's list has one that is missing here.
 */
const PLAYWRIGHTS_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Work Chromium 156 does for every new window that no test uses: each browser context opens one, and with it a
 * renderer process that loads the address bar's suggestion popup (a web page of its own, chrome://omnibox-popup), and a
 * spare renderer kept started for the next site. With them a context showing a small page for 2 s cost Chromium
 * 2.7–3.0 s of CPU, without them 0.68–0.78 s (bench/browser-contexts.ts, two cores, 2026-12-07).
 */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'SpareRendererForSitePerProcess'];

/**
 * Debian's Chromium. `language` is the browser's own language (as GNU's LANGUAGE list names it), which decides how a
 * date field shows its value (2026-12-07 in Swedish): neither the page's language nor Playwright's locale does, nor
 * Chromium's --lang here. It needs Debian's chromium-l10n, which .ci/run installs; without it the browser stays in
 * American English.
 */
export const chromiumLaunchOptions = (language?: 'sv' | 'en_GB') => ({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-features=${[...PLAYWRIGHTS_DISABLED_FEATURES, ...UNUSED_FEATURES].join(',')}`,
  ],
  ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
});
