// Absence statistics (frånvarostatistik), defined once: what counts, how minutes are added up and
// how percentages are taken. The API computes the same sums in the database; these functions state
// the rules, check ranges and classify percentages, and are what the web app and tests rely on.
import { addDays, differenceInCalendarDays, endOfMonth, format, parseISO, startOfISOWeek, startOfMonth } from 'date-fns';
import type { AttendanceStatus, ValidAbsenceReason } from './attendance.ts';
import { isIsoDate } from './iso-week.ts';

/**
 * Sums over a student's lessons in a range. Only lessons that have ended count, and cancelled lessons
 * count for nothing. A lesson without a roll call is "not taken": it is left out of the percentages
 * (it is not presence) and reported on its own, so a missing roll call is seen rather than hidden.
 */
export interface AbsenceFigures {
  /** lessons that have ended, with or without a roll call */
  lessons: number;
  scheduledMinutes: number;
  /** minutes of lessons with a roll call for the student: the base of the percentages */
  recordedMinutes: number;
  /** whole lessons absent, plus minutes late */
  absentMinutes: number;
  validAbsentMinutes: number;
  unexcusedAbsentMinutes: number;
  lateCount: number;
  lateMinutes: number;
  notTakenLessons: number;
  notTakenMinutes: number;
}

export interface LessonMark {
  minutes: number;
  /** null: no roll call for the student */
  status: AttendanceStatus | null;
  lateMinutes: number | null;
  validReason: ValidAbsenceReason | null;
}

/** Minutes a mark takes from a lesson: all of it when absent, the minutes late (at most the lesson) when late. */
export function absentMinutesOf(mark: Pick<LessonMark, 'minutes' | 'status' | 'lateMinutes'>): number {
  if (mark.status === 'ABSENT') return mark.minutes;
  if (mark.status === 'LATE') return Math.min(Math.max(mark.lateMinutes ?? 0, 0), mark.minutes);
  return 0;
}

export const emptyFigures = (): AbsenceFigures => ({
  lessons: 0,
  scheduledMinutes: 0,
  recordedMinutes: 0,
  absentMinutes: 0,
  validAbsentMinutes: 0,
  unexcusedAbsentMinutes: 0,
  lateCount: 0,
  lateMinutes: 0,
  notTakenLessons: 0,
  notTakenMinutes: 0,
});

/** Adds one lesson's mark to the figures (the reference definition the database query follows). */
export function addMark(figures: AbsenceFigures, mark: LessonMark): AbsenceFigures {
  const absent = absentMinutesOf(mark);
  const taken = mark.status !== null;
  return {
    lessons: figures.lessons + 1,
    scheduledMinutes: figures.scheduledMinutes + mark.minutes,
    recordedMinutes: figures.recordedMinutes + (taken ? mark.minutes : 0),
    absentMinutes: figures.absentMinutes + absent,
    validAbsentMinutes: figures.validAbsentMinutes + (mark.validReason ? absent : 0),
    unexcusedAbsentMinutes: figures.unexcusedAbsentMinutes + (mark.validReason ? 0 : absent),
    lateCount: figures.lateCount + (mark.status === 'LATE' ? 1 : 0),
    lateMinutes: figures.lateMinutes + (mark.status === 'LATE' ? absent : 0),
    notTakenLessons: figures.notTakenLessons + (taken ? 0 : 1),
    notTakenMinutes: figures.notTakenMinutes + (taken ? 0 : mark.minutes),
  };
}

/** Percent of recorded minutes, one decimal; 0 when nothing is recorded. */
export const percentOf = (minutes: number, figures: Pick<AbsenceFigures, 'recordedMinutes'>): number =>
  figures.recordedMinutes === 0 ? 0 : Math.round((1000 * minutes) / figures.recordedMinutes) / 10;

export type AbsenceLevel = 'OK' | 'WARNING' | 'ALARM';

/** Thresholds the school sets, e.g. 10 % and 15 %. */
export interface AbsenceThresholds {
  warningPercent: number;
  alarmPercent: number;
}

export function absenceLevel(percent: number, thresholds: AbsenceThresholds): AbsenceLevel {
  if (percent >= thresholds.alarmPercent) return 'ALARM';
  if (percent >= thresholds.warningPercent) return 'WARNING';
  return 'OK';
}

export type StatisticsPeriod = 'WEEK' | 'MONTH' | 'TERM' | 'SCHOOL_YEAR' | 'CUSTOM';

/** A school year of a municipality is the longest range asked for. */
export const MAX_STATISTICS_RANGE_DAYS = 400;

export type RangeProblem = 'INVALID_DATE' | 'END_BEFORE_START' | 'TOO_LONG' | 'RANGE_REQUIRED';

export interface DateSpan {
  from: string;
  to: string;
}

/**
 * The dates of a period around `today`: this ISO week, this month, the term or school year given, or a
 * custom range (checked).
 */
export function statisticsRange(
  period: StatisticsPeriod,
  today: string,
  known: { term?: DateSpan | null; schoolYear?: DateSpan | null; custom?: Partial<DateSpan> | null },
): { ok: true; value: DateSpan } | { ok: false; problem: RangeProblem } {
  const day = parseISO(today);
  const iso = (date: Date) => format(date, 'yyyy-MM-dd');
  switch (period) {
    case 'WEEK': {
      const monday = startOfISOWeek(day);
      return { ok: true, value: { from: iso(monday), to: iso(addDays(monday, 6)) } };
    }
    case 'MONTH':
      return { ok: true, value: { from: iso(startOfMonth(day)), to: iso(endOfMonth(day)) } };
    case 'TERM':
      return known.term ? { ok: true, value: known.term } : { ok: false, problem: 'RANGE_REQUIRED' };
    case 'SCHOOL_YEAR':
      return known.schoolYear ? { ok: true, value: known.schoolYear } : { ok: false, problem: 'RANGE_REQUIRED' };
    case 'CUSTOM': {
      const { from, to } = known.custom ?? {};
      if (!from || !to) return { ok: false, problem: 'RANGE_REQUIRED' };
      if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, problem: 'INVALID_DATE' };
      if (to < from) return { ok: false, problem: 'END_BEFORE_START' };
      if (differenceInCalendarDays(parseISO(to), parseISO(from)) + 1 > MAX_STATISTICS_RANGE_DAYS) return { ok: false, problem: 'TOO_LONG' };
      return { ok: true, value: { from, to } };
    }
  }
}

/**
 * CSN (upper secondary study grant): the school reports students with repeated unexcused absence; the
 * usual rule is 4 hours or more in a month. The threshold is a school setting.
 */
export const DEFAULT_CSN_THRESHOLD_MINUTES = 240;

export const exceedsCsnThreshold = (unexcusedMinutesInMonth: number, thresholdMinutes: number): boolean =>
  unexcusedMinutesInMonth >= thresholdMinutes;
