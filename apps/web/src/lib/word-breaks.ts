/**
 * Where a long Swedish compound may break, for the narrow columns of the week (five lessons side by side on a tablet).
 * Browsers hyphenate Swedish only with a dictionary, which e.g. Debian's Chromium lacks: there "Religionskunskap"
 * broke before its last letter. A soft hyphen (U+00AD) before a known last part of a compound ("…kunskap",
 * "…orienterande") lets the line break there, with a hyphen shown only when it does break. Read aloud and copied
 * as before; words it does not know break as the browser can.
 */
const SOFT_HYPHEN = '\u00AD';
const LAST_PARTS = ['kunskap', 'orienterande', 'arbete', 'klass', 'salen'];
/** Shorter words fit a column as they are. */
const LONG_WORD = 12;
const BEFORE_PART = new RegExp(`(?<=\\p{L}{3})(?=(?:${LAST_PARTS.join('|')}))`, 'giu');

export function withWordBreaks(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => (word.length < LONG_WORD ? word : word.replace(BEFORE_PART, SOFT_HYPHEN)));
}
