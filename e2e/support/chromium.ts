// How the browser tests and the benchmarks start Chromium.

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
  ],
  ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
});
