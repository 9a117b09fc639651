import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, format, getISOWeek, getISOWeekYear, getISOWeeksInYear, parseISO, setISOWeek, startOfISOWeek } from 'date-fns';

/** All school times are local Swedish time. */
export const SCHOOL_TIME_ZONE = 'Europe/Stockholm';

export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
}

/** Schedules are kept for a bounded span; outside it a week is an input error, not an empty week. */
export const MIN_ISO_YEAR = 2000;
export const MAX_ISO_YEAR = 2100;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD`, validated (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const parsed = parseISO(value);
  return !Number.isNaN(parsed.getTime()) && format(parsed, 'yyyy-MM-dd') === value;
}

export function isoWeekOf(date: string): IsoWeek {
  const parsed = parseISO(date);
  return { isoYear: getISOWeekYear(parsed), isoWeek: getISOWeek(parsed) };
}

export function isValidIsoWeek({ isoYear, isoWeek }: IsoWeek): boolean {
  if (!Number.isInteger(isoYear) || !Number.isInteger(isoWeek)) return false;
  if (isoYear < MIN_ISO_YEAR || isoYear > MAX_ISO_YEAR) return false;
  return isoWeek >= 1 && isoWeek <= getISOWeeksInYear(new Date(isoYear, 5, 1));
}

/** Monday to Friday of an ISO week, as `YYYY-MM-DD`. */
export function schoolDaysOfIsoWeek({ isoYear, isoWeek }: IsoWeek): string[] {
  // 4 January is always in ISO week 1 of its ISO year.
  const monday = startOfISOWeek(setISOWeek(new Date(isoYear, 0, 4), isoWeek));
  return [0, 1, 2, 3, 4].map((offset) => format(addDays(monday, offset), 'yyyy-MM-dd'));
}

export function shiftIsoWeek(week: IsoWeek, weeks: number): IsoWeek {
  const monday = schoolDaysOfIsoWeek(week)[0] as string;
  return isoWeekOf(format(addDays(parseISO(monday), weeks * 7), 'yyyy-MM-dd'));
}

/** The years in which Sweden's summer time follows the EU's rule (below): from 1996, and as far as schedules go. */
const EU_RULE_YEARS = { from: 1996, to: MAX_ISO_YEAR };

/** 01:00 UTC on the last Sunday of a month (0-based), when the EU's clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/**
 * The school's offset from UTC in minutes: +60, and +120 in summer time, which in the EU (directive 2000/84/EC, in
 * Sweden since 1996) runs from the last Sunday of March to the last Sunday of October, at 01:00 UTC both times.
 * Computed, not asked of Intl: the first Intl.DateTimeFormat in a page loads ICU's data (60–100 ms on a slow tablet)
 * before the week can show. Outside those years ICU's time zone data answers. A unit test holds the rule to ICU's
 * data hour by hour around every change, so that a change in the law fails the tests when Node's data has it.
 */
function schoolOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear();
  if (year < EU_RULE_YEARS.from || year > EU_RULE_YEARS.to) return tzOffset(SCHOOL_TIME_ZONE, instant);
  const at = instant.getTime();
  return at >= lastSundayAtOneUtc(year, 2) && at < lastSundayAtOneUtc(year, 9) ? 120 : 60;
}

/** The instant moved by the school's offset from UTC, so that its UTC fields read as the school's clock. */
function schoolClock(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) return instant;
  return new Date(instant.getTime() + schoolOffsetMinutes(instant) * 60_000);
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** The local school date of an instant. */
export function schoolDateOf(instant: Date): string {
  const clock = schoolClock(instant);
  if (Number.isNaN(clock.getTime())) throw new RangeError('Invalid time value');
  return `${String(clock.getUTCFullYear()).padStart(4, '0')}-${twoDigits(clock.getUTCMonth() + 1)}-${twoDigits(clock.getUTCDate())}`;
}

/** The school's clock time of an instant, e.g. "08:10". */
export function schoolClockTime(instant: Date): string {
  const clock = schoolClock(instant);
  if (Number.isNaN(clock.getTime())) throw new RangeError('Invalid time value');
  return `${twoDigits(clock.getUTCHours())}:${twoDigits(clock.getUTCMinutes())}`;
}

/** The instant of a local school time (Europe/Stockholm) on a date, so CET and CEST both come out right. */
export function schoolMinuteInstant(date: string, minuteOfDay: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, SCHOOL_TIME_ZONE).getTime());
}

/** Minutes after local midnight of an instant, in school time. */
export function schoolMinuteOf(instant: Date): number {
  const clock = schoolClock(instant);
  return clock.getUTCHours() * 60 + clock.getUTCMinutes();
}

/** Week label used in URLs and the UI, e.g. `2026-W48`. */
export const formatIsoWeek = ({ isoYear, isoWeek }: IsoWeek): string => `${isoYear}-W${String(isoWeek).padStart(2, '0')}`;

export function parseIsoWeek(label: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return null;
  const week = { isoYear: Number(match[1]), isoWeek: Number(match[2]) };
  return isValidIsoWeek(week) ? week : null;
}
