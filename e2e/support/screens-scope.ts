import { basename } from 'node:path';
import type { TestInfo } from '@playwright/test';

// What the screens tests (e2e/*screens.spec.ts, the screens-sv and screens-en projects) cover in a run.

export type Language = 'sv' | 'en';

/**
 * The screenshots are for a person to look at, so they are taken where one runs the tests (`E2E_SCREENSHOTS=1` asks
 * for them in CI too): in CI nobody opens them, and writing full-page PNGs was about an eighth of these tests' time.
 * The checks at each width (axe, the sideways scroll) run either way.
 */
export const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS !== '0' : !process.env.CI;

/**
 * Whether each screens test runs in both languages: where screenshots are taken (a person looks at every page in
 * both), or when `E2E_SCREENS_LANGUAGES=both` asks. Otherwise (CI) each test runs in one language, the same in every
 * run, and axe checks each page at one width, chosen by the page: every page is still walked through, checked for
 * sideways scroll at phone width and by axe, and both languages and both widths are covered across the pages, for
 * half the CPU time. On a two-core machine the screens tests in both languages were half of the browser stage's
 * 16 minutes (a run of 2026-12-06, README "Where the time goes").
 */
export const SCREENS_IN_BOTH_LANGUAGES = TAKE_SCREENSHOTS || process.env.E2E_SCREENS_LANGUAGES === 'both';

/** FNV-1a: a hash that stays the same from run to run and machine to machine. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The one language a screens test runs in when not in both: by its file and title, which name no language. */
export function languageOfTest(testInfo: Pick<TestInfo, 'file' | 'title'>): Language {
  return stableHash(`${basename(testInfo.file)} ${testInfo.title}`) % 2 === 0 ? 'sv' : 'en';
}

/**
 * Which of a page's widths axe checks it at (an index into them): in both languages, Swedish at the first and English
 * at the second; in one, the width chosen by the page's name.
 */
export function axeWidthIndex(pageName: string, language: Language, widths: number): number {
  if (SCREENS_IN_BOTH_LANGUAGES) return (language === 'sv' ? 0 : 1) % widths;
  return stableHash(pageName) % widths;
}
