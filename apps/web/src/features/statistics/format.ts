import type { AppLocale } from '../../lib/i18n';
import { downloadBlob } from '../../lib/download';

// The one CSV writer (formula-safe, for a Swedish Excel) is the domain's: the import templates use it too.
export { buildCsv, type CsvCell } from '@insyn/domain';

const localeTag = (locale: AppLocale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** "12,5 %" in Swedish, "12.5%" in English; one decimal at most. */
export function formatPercent(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(
    value / 100,
  );
}

/** A plain number in the locale's way ("1 234" / "1,234"). */
export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(value);
}

/** Minutes as "2 h 5 min" (Swedish "2 tim 5 min"). */
export function formatMinutes(minutes: number, locale: AppLocale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = locale === 'sv' ? 'tim' : 'h';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} min`;
}

/** Lets the browser save the text as a file. */
export function downloadCsv(filename: string, content: string): void {
  downloadBlob(new Blob([content], { type: 'text/csv;charset=utf-8' }), filename);
}
