import { TZDate } from '@date-fns/tz';
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

/** The local school date of an instant. */
export function schoolDateOf(instant: Date): string {
  return format(new TZDate(instant, SCHOOL_TIME_ZONE), 'yyyy-MM-dd');
}

/** The instant of a local school time (Europe/Stockholm) on a date, so CET and CEST both come out right. */
export function schoolMinuteInstant(date: string, minuteOfDay: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, SCHOOL_TIME_ZONE).getTime());
}

/** Minutes after local midnight of an instant, in school time. */
export function schoolMinuteOf(instant: Date): number {
  const local = new TZDate(instant, SCHOOL_TIME_ZONE);
  return local.getHours() * 60 + local.getMinutes();
}

/** Week label used in URLs and the UI, e.g. `2026-W48`. */
export const formatIsoWeek = ({ isoYear, isoWeek }: IsoWeek): string => `${isoYear}-W${String(isoWeek).padStart(2, '0')}`;

export function parseIsoWeek(label: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return null;
  const week = { isoYear: Number(match[1]), isoWeek: Number(match[2]) };
  return isValidIsoWeek(week) ? week : null;
}
