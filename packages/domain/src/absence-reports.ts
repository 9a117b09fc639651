// Sick reports (sjukanmälan) and leave applications (ledighetsansökan): what may be reported, for
// which span, and who decides a leave (domain rules 4 and 5).
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import { isIsoDate, SCHOOL_TIME_ZONE } from './iso-week.ts';

/** Parents plan ahead (an operation, a known illness); a month is enough and keeps mistakes small. */
export const SICK_REPORT_MAX_DAYS_AHEAD = 31;
export const SICK_REPORT_MAX_SPAN_DAYS = 31;
export const LEAVE_MAX_DAYS_AHEAD = 365;
export const LEAVE_MAX_SPAN_DAYS = 60;
export const MAX_REASON_LENGTH = 1000;

export type SpanProblem =
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'END_BEFORE_START'
  | 'TOO_FAR_BACK'
  | 'TOO_FAR_AHEAD'
  | 'TOO_LONG'
  | 'PART_OF_DAY_NEEDS_ONE_DATE'
  | 'NO_SCHOOL_DAYS'
  | 'REASON_REQUIRED'
  | 'REASON_TOO_LONG';

export interface SickReportSpan {
  fromDate: string;
  toDate: string;
  /** `HH:MM`, both or neither; only when fromDate = toDate */
  fromTime?: string | null;
  toTime?: string | null;
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: string): boolean => TIME_PATTERN.test(value);

/** The instant a local school date and time (default midnight) stands for. */
export function schoolInstant(date: string, time = '00:00'): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, SCHOOL_TIME_ZONE).getTime());
}

const nextDate = (date: string): string => format(addDays(parseISO(date), 1), 'yyyy-MM-dd');

/** The span as instants: whole days from midnight to the midnight after the last day, or the given times. */
export function spanInstants(span: SickReportSpan): { startsAt: Date; endsAt: Date } {
  if (span.fromTime && span.toTime) {
    return { startsAt: schoolInstant(span.fromDate, span.fromTime), endsAt: schoolInstant(span.fromDate, span.toTime) };
  }
  return { startsAt: schoolInstant(span.fromDate), endsAt: schoolInstant(nextDate(span.toDate)) };
}

function checkDates(fromDate: string, toDate: string): SpanProblem[] {
  if (!isIsoDate(fromDate) || !isIsoDate(toDate)) return ['INVALID_DATE'];
  if (toDate < fromDate) return ['END_BEFORE_START'];
  return [];
}

/**
 * A sick report from today (or as many days back as the school allows) up to a month ahead,
 * whole days or part of one day.
 */
export function checkSickReport(span: SickReportSpan, today: string, daysBack: number): SpanProblem[] {
  const dateProblems = checkDates(span.fromDate, span.toDate);
  if (dateProblems.length > 0) return dateProblems;
  const problems: SpanProblem[] = [];
  const hasFrom = Boolean(span.fromTime);
  const hasTo = Boolean(span.toTime);
  if (hasFrom || hasTo) {
    if (!hasFrom || !hasTo || !isClockTime(span.fromTime ?? '') || !isClockTime(span.toTime ?? '')) problems.push('INVALID_TIME');
    else if ((span.toTime ?? '') <= (span.fromTime ?? '')) problems.push('END_BEFORE_START');
    if (span.fromDate !== span.toDate) problems.push('PART_OF_DAY_NEEDS_ONE_DATE');
  }
  const todayDate = parseISO(today);
  if (differenceInCalendarDays(todayDate, parseISO(span.fromDate)) > daysBack) problems.push('TOO_FAR_BACK');
  if (differenceInCalendarDays(parseISO(span.toDate), todayDate) > SICK_REPORT_MAX_DAYS_AHEAD) problems.push('TOO_FAR_AHEAD');
  if (differenceInCalendarDays(parseISO(span.toDate), parseISO(span.fromDate)) + 1 > SICK_REPORT_MAX_SPAN_DAYS) problems.push('TOO_LONG');
  return problems;
}

export interface LeaveRequest {
  fromDate: string;
  toDate: string;
  reason: string;
}

/** Days off school inside the span: lov, holidays, studiedagar. */
export interface DateRange {
  startDate: string;
  endDate: string;
}

/** Weekdays in the span that are not in a break: the days a leave takes from school. */
export function schoolDaysIn(fromDate: string, toDate: string, breaks: readonly DateRange[]): number {
  let count = 0;
  for (let date = fromDate; date <= toDate; date = nextDate(date)) {
    const weekday = getISODay(parseISO(date)) <= 5;
    if (weekday && !breaks.some((range) => range.startDate <= date && date <= range.endDate)) count += 1;
  }
  return count;
}

/** A leave is applied for before it starts, for whole school days, with a reason. */
export function checkLeaveRequest(request: LeaveRequest, today: string, schoolDays: number): SpanProblem[] {
  // The reason is checked whatever the dates are, so that a form shows every missing field at once.
  const problems = checkDates(request.fromDate, request.toDate);
  if (problems.length === 0) {
    if (request.fromDate < today) problems.push('TOO_FAR_BACK');
    if (differenceInCalendarDays(parseISO(request.toDate), parseISO(today)) > LEAVE_MAX_DAYS_AHEAD) problems.push('TOO_FAR_AHEAD');
    if (differenceInCalendarDays(parseISO(request.toDate), parseISO(request.fromDate)) + 1 > LEAVE_MAX_SPAN_DAYS) problems.push('TOO_LONG');
    else if (schoolDays === 0) problems.push('NO_SCHOOL_DAYS');
  }
  const reason = request.reason.trim();
  if (!reason) problems.push('REASON_REQUIRED');
  if (reason.length > MAX_REASON_LENGTH) problems.push('REASON_TOO_LONG');
  return problems;
}

export type LeaveDecider = 'MENTOR' | 'PRINCIPAL';

/** The mentor decides up to the school's limit of school days; the principal decides longer leave. */
export const leaveDecider = (schoolDays: number, mentorDayLimit: number): LeaveDecider =>
  schoolDays <= mentorDayLimit ? 'MENTOR' : 'PRINCIPAL';

/** Two leaves of one student overlap when their date spans share a day. */
export const spansOverlap = (a: DateRange, b: DateRange): boolean => a.startDate <= b.endDate && b.startDate <= a.endDate;
