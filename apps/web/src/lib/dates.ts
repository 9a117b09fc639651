import { TZDate } from '@date-fns/tz';
import {
  formatIsoWeek,
  type IsoWeek,
  parseIsoWeek,
  schoolClockTime,
  schoolDateOf,
  SCHOOL_TIME_ZONE,
  shiftIsoWeek,
  isoWeekOf,
} from '@insyn/domain';
import { format, parseISO } from 'date-fns';
import { enGB, sv, type Locale } from 'date-fns/locale';
import type { AppLocale } from './i18n';

export type { IsoWeek };
export { formatIsoWeek, parseIsoWeek, shiftIsoWeek };

const DATE_LOCALES: Record<AppLocale, Locale> = { sv, en: enGB };

export function dateLocale(locale: AppLocale): Locale {
  return DATE_LOCALES[locale];
}

/** Today's date at the school (Swedish time), whatever the device's time zone. */
export function schoolToday(now: Date = new Date()): string {
  return schoolDateOf(now);
}

export function currentIsoWeek(now: Date = new Date()): IsoWeek {
  return isoWeekOf(schoolToday(now));
}

export function sameIsoWeek(a: IsoWeek, b: IsoWeek): boolean {
  return a.isoYear === b.isoYear && a.isoWeek === b.isoWeek;
}

/** Clock time of an instant at the school, e.g. "08:10". */
export function formatSchoolTime(instant: string): string {
  return schoolClockTime(new Date(instant));
}

/** A school date (YYYY-MM-DD) as a weekday name, capitalised: "Måndag" / "Monday". */
export function formatWeekday(date: string, locale: AppLocale): string {
  const name = format(parseISO(date), 'EEEE', { locale: dateLocale(locale) });
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "Mån" / "Mon". */
export function formatShortWeekday(date: string, locale: AppLocale): string {
  const name = format(parseISO(date), 'EEE', { locale: dateLocale(locale) }).replace('.', '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "23 nov" / "23 Nov". */
export function formatShortDate(date: string, locale: AppLocale): string {
  return format(parseISO(date), 'd MMM', { locale: dateLocale(locale) }).replace('.', '');
}

/** "23 november 2026" / "23 November 2026". */
export function formatLongDate(date: string, locale: AppLocale): string {
  return format(parseISO(date), 'd MMMM yyyy', { locale: dateLocale(locale) });
}

/** A span of school dates: "23–27 november 2026", "30 november – 4 december 2026", across years in full. */
export function formatDateRange(first: string, last: string, locale: AppLocale): string {
  const options = { locale: dateLocale(locale) };
  const a = parseISO(first);
  const b = parseISO(last);
  if (a.getFullYear() !== b.getFullYear()) {
    return `${format(a, 'd MMMM yyyy', options)} – ${format(b, 'd MMMM yyyy', options)}`;
  }
  if (a.getMonth() !== b.getMonth()) {
    return `${format(a, 'd MMMM', options)} – ${format(b, 'd MMMM yyyy', options)}`;
  }
  return `${format(a, 'd')}–${format(b, 'd MMMM yyyy', options)}`;
}

/** A span of school dates, or one date: "25 november 2026", "25–27 november 2026". */
export function formatDateSpan(first: string, last: string, locale: AppLocale): string {
  return first === last ? formatLongDate(first, locale) : formatDateRange(first, last, locale);
}

/** A reported span of absence: "25 november 2026", "25–27 november 2026" or "25 november 2026, 08:00–12:00". */
export function formatAbsenceSpan(
  span: { fromDate: string; toDate: string; fromTime?: string | null; toTime?: string | null },
  locale: AppLocale,
): string {
  const dates = formatDateSpan(span.fromDate, span.toDate, locale);
  return span.fromTime && span.toTime ? `${dates}, ${span.fromTime}–${span.toTime}` : dates;
}

/** An instant as the school's day and clock time, without the year: "25 nov 10:05" / "25 Nov 10:05". */
export function formatSchoolDayTime(instant: string, locale: AppLocale): string {
  return format(new TZDate(instant, SCHOOL_TIME_ZONE), 'd MMM HH:mm', { locale: dateLocale(locale) }).replace('.', '');
}

/** An instant as the school's date and clock time: "25 nov 2026 08:45". */
export function formatSchoolDateTime(instant: string, locale: AppLocale): string {
  return format(new TZDate(instant, SCHOOL_TIME_ZONE), 'd MMM yyyy HH:mm', { locale: dateLocale(locale) }).replace('.', '');
}
