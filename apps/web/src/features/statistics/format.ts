import type { AppLocale } from '../../lib/i18n';
import { downloadBlob } from '../../lib/download';

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

export type CsvCell = string | number | null;

/** A number as a Swedish Excel reads it: decimal comma, no grouping. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 10) / 10).replace('.', ',');
}

/**
 * A CSV file that opens correctly in a Swedish Excel: UTF-8 with BOM, semicolons between fields,
 * every field quoted (quotes doubled), CRLF line ends, numbers with decimal comma.
 */
export function buildCsv(header: string[], rows: CsvCell[][]): string {
  const cell = (value: CsvCell) => {
    const text = value === null ? '' : typeof value === 'number' ? csvNumber(value) : value;
    return `"${text.replace(/"/g, '""')}"`;
  };
  const lines = [header, ...rows].map((row) => row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Lets the browser save the text as a file. */
export function downloadCsv(filename: string, content: string): void {
  downloadBlob(new Blob([content], { type: 'text/csv;charset=utf-8' }), filename);
}
