// The school calendar as the administrator enters it: school years (läsår), their terms (HT, VT) and the
// breaks inside a term (lov, studiedagar). Leave, sick reports and grade warnings count school days by it,
// so a date range must make sense before it is saved. Dates are `YYYY-MM-DD` strings.
import { spansOverlap, type DateRange as DateSpan } from '../absence-reports.ts';
import { isIsoDate } from '../iso-week.ts';
import type { CalendarTermKind } from '../school-calendar.ts';

export const CALENDAR_NAME_MAX_LENGTH = 100;
/** A school year runs August–June; more than a year is a typing mistake. */
export const SCHOOL_YEAR_MAX_DAYS = 366;

export type DateProblemCode = 'INVALID_DATE' | 'END_BEFORE_START';

export type SchoolYearProblem =
  | { field: 'name'; code: 'REQUIRED' | 'INVALID_NAME' | 'NAME_NOT_START_YEAR' | 'DUPLICATE' }
  | { field: 'startDate'; code: 'INVALID_DATE' | 'OVERLAPS' | 'TERMS_OUTSIDE' }
  | { field: 'endDate'; code: 'INVALID_DATE' | 'END_BEFORE_START' | 'TOO_LONG' | 'TERMS_OUTSIDE' };

export type TermProblem =
  | { field: 'kind'; code: 'DUPLICATE' | 'OUT_OF_ORDER' }
  | { field: 'startDate'; code: 'INVALID_DATE' | 'OUTSIDE_SCHOOL_YEAR' | 'OVERLAPS' | 'BREAKS_OUTSIDE' | 'LESSONS_OUTSIDE' }
  | { field: 'endDate'; code: 'INVALID_DATE' | 'END_BEFORE_START' | 'OUTSIDE_SCHOOL_YEAR' | 'BREAKS_OUTSIDE' | 'LESSONS_OUTSIDE' };

export type SchoolBreakProblem =
  | { field: 'name'; code: 'REQUIRED' | 'TOO_LONG' }
  | { field: 'startDate'; code: 'INVALID_DATE' | 'OUTSIDE_TERM' | 'OVERLAPS' }
  | { field: 'endDate'; code: 'INVALID_DATE' | 'END_BEFORE_START' | 'OUTSIDE_TERM' };

/** `2026/27` for the school year that starts in 2026. */
export const schoolYearName = (startYear: number): string => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

/** The first calendar year of a name like `2026/27`, or null when the name is not of that form. */
export function schoolYearNameStart(name: string): number | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(name);
  if (!match) return null;
  const startYear = Number(match[1]);
  return schoolYearName(startYear) === name ? startYear : null;
}

const covers = (outer: DateSpan, inner: DateSpan): boolean => outer.startDate <= inner.startDate && inner.endDate <= outer.endDate;

const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** Both dates real and in order; the problems are the same for years, terms and breaks. */
function checkSpan(span: DateSpan): { field: 'startDate' | 'endDate'; code: DateProblemCode }[] {
  const problems: { field: 'startDate' | 'endDate'; code: DateProblemCode }[] = [];
  if (!isIsoDate(span.startDate)) problems.push({ field: 'startDate', code: 'INVALID_DATE' });
  if (!isIsoDate(span.endDate)) problems.push({ field: 'endDate', code: 'INVALID_DATE' });
  if (problems.length === 0 && span.endDate < span.startDate) problems.push({ field: 'endDate', code: 'END_BEFORE_START' });
  return problems;
}

export interface SchoolYearDraft extends DateSpan {
  name: string;
}

/**
 * A school year named `YYYY/YY` after the year it starts in, at most a year long, not overlapping another
 * of the organisation's years (`others`, without the one being edited) and still holding its own terms.
 */
export function checkSchoolYear(
  draft: SchoolYearDraft,
  context: { others: readonly SchoolYearDraft[]; terms: readonly DateSpan[] },
): SchoolYearProblem[] {
  const problems: SchoolYearProblem[] = [];
  const name = draft.name.trim();
  const startYear = schoolYearNameStart(name);
  if (!name) problems.push({ field: 'name', code: 'REQUIRED' });
  else if (startYear === null) problems.push({ field: 'name', code: 'INVALID_NAME' });
  else if (context.others.some((other) => other.name === name)) problems.push({ field: 'name', code: 'DUPLICATE' });
  const spanProblems = checkSpan(draft);
  problems.push(...(spanProblems as SchoolYearProblem[]));
  if (spanProblems.length > 0) return problems;
  if (startYear !== null && Number(draft.startDate.slice(0, 4)) !== startYear)
    problems.push({ field: 'name', code: 'NAME_NOT_START_YEAR' });
  if (daysBetween(draft.startDate, draft.endDate) + 1 > SCHOOL_YEAR_MAX_DAYS) problems.push({ field: 'endDate', code: 'TOO_LONG' });
  if (context.others.some((other) => spansOverlap(draft, other))) problems.push({ field: 'startDate', code: 'OVERLAPS' });
  if (context.terms.some((term) => term.startDate < draft.startDate)) problems.push({ field: 'startDate', code: 'TERMS_OUTSIDE' });
  if (context.terms.some((term) => term.endDate > draft.endDate)) problems.push({ field: 'endDate', code: 'TERMS_OUTSIDE' });
  return problems;
}

export interface TermDraft extends DateSpan {
  kind: CalendarTermKind;
}

/**
 * A term inside its school year, one of each kind, the autumn term before the spring term, not overlapping
 * the other term, and (when its dates change) still holding its breaks and its basic schedule's lesson series.
 */
export function checkTerm(
  draft: TermDraft,
  context: { schoolYear: DateSpan; others: readonly TermDraft[]; breaks: readonly DateSpan[]; lessonSeries: readonly DateSpan[] },
): TermProblem[] {
  const problems: TermProblem[] = [];
  if (context.others.some((other) => other.kind === draft.kind)) problems.push({ field: 'kind', code: 'DUPLICATE' });
  const spanProblems = checkSpan(draft);
  problems.push(...(spanProblems as TermProblem[]));
  if (spanProblems.length > 0) return problems;
  const { schoolYear } = context;
  if (draft.startDate < schoolYear.startDate || draft.startDate > schoolYear.endDate)
    problems.push({ field: 'startDate', code: 'OUTSIDE_SCHOOL_YEAR' });
  if (draft.endDate > schoolYear.endDate || draft.endDate < schoolYear.startDate)
    problems.push({ field: 'endDate', code: 'OUTSIDE_SCHOOL_YEAR' });
  const other = context.others.find((term) => term.kind !== draft.kind);
  if (other && spansOverlap(draft, other)) problems.push({ field: 'startDate', code: 'OVERLAPS' });
  else if (other && (draft.kind === 'AUTUMN' ? draft.startDate > other.startDate : draft.startDate < other.startDate))
    problems.push({ field: 'kind', code: 'OUT_OF_ORDER' });
  const held = [
    ...context.breaks.map((span) => ['BREAKS_OUTSIDE', span] as const),
    ...context.lessonSeries.map((span) => ['LESSONS_OUTSIDE', span] as const),
  ];
  for (const [code, span] of held) {
    if (span.startDate < draft.startDate && !problems.some((p) => p.field === 'startDate' && p.code === code))
      problems.push({ field: 'startDate', code });
    if (span.endDate > draft.endDate && !problems.some((p) => p.field === 'endDate' && p.code === code))
      problems.push({ field: 'endDate', code });
  }
  return problems;
}

export interface SchoolBreakDraft extends DateSpan {
  name: string;
}

/** A named break inside its term, not overlapping the term's other breaks (`others`, without the one being edited). */
export function checkSchoolBreak(draft: SchoolBreakDraft, context: { term: DateSpan; others: readonly DateSpan[] }): SchoolBreakProblem[] {
  const problems: SchoolBreakProblem[] = [];
  const name = draft.name.trim();
  if (!name) problems.push({ field: 'name', code: 'REQUIRED' });
  else if (name.length > CALENDAR_NAME_MAX_LENGTH) problems.push({ field: 'name', code: 'TOO_LONG' });
  const spanProblems = checkSpan(draft);
  problems.push(...(spanProblems as SchoolBreakProblem[]));
  if (spanProblems.length > 0) return problems;
  if (!covers(context.term, { startDate: draft.startDate, endDate: draft.startDate }))
    problems.push({ field: 'startDate', code: 'OUTSIDE_TERM' });
  if (!covers(context.term, { startDate: draft.endDate, endDate: draft.endDate }))
    problems.push({ field: 'endDate', code: 'OUTSIDE_TERM' });
  if (context.others.some((other) => spansOverlap(draft, other))) problems.push({ field: 'startDate', code: 'OVERLAPS' });
  return problems;
}
