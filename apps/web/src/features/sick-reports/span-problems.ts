import { isClockTime, isIsoDate, type SpanProblem } from '@insyn/domain';

/** Where a problem with a span is shown: next to the field it is about. */
export type SpanSlot = 'from' | 'to' | 'fromTime' | 'toTime' | 'reason' | 'general';

/** Whole days (a sick report's or a leave's from–to dates) or part of one day (one date, two times). */
export type SpanMode = 'days' | 'part';

const SPAN_PROBLEMS: readonly SpanProblem[] = [
  'INVALID_DATE',
  'INVALID_TIME',
  'END_BEFORE_START',
  'TOO_FAR_BACK',
  'TOO_FAR_AHEAD',
  'TOO_LONG',
  'PART_OF_DAY_NEEDS_ONE_DATE',
  'NO_SCHOOL_DAYS',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
];

/** One of the shared rules' problem codes (the API sends the same in `extensions.problems`). */
export const isSpanProblem = (value: unknown): value is SpanProblem => SPAN_PROBLEMS.some((known) => known === value);

/** The fields a problem is shown beside, the first of them focused: both empty dates are flagged, not only the first. */
export function problemSlots(
  problem: SpanProblem,
  mode: SpanMode,
  values: { fromDate: string; toDate?: string; fromTime?: string },
): SpanSlot[] {
  // Part of a day has one date field: everything about dates is shown there.
  const lastDate = mode === 'part' ? 'from' : 'to';
  switch (problem) {
    case 'INVALID_DATE': {
      if (mode === 'part') return ['from'];
      const slots: SpanSlot[] = [];
      if (!isIsoDate(values.fromDate)) slots.push('from');
      if (!isIsoDate(values.toDate ?? '')) slots.push('to');
      return slots.length > 0 ? slots : ['from'];
    }
    case 'INVALID_TIME':
      return [isClockTime(values.fromTime ?? '') ? 'toTime' : 'fromTime'];
    case 'END_BEFORE_START':
      return [mode === 'part' ? 'toTime' : 'to'];
    case 'TOO_FAR_BACK':
    case 'PART_OF_DAY_NEEDS_ONE_DATE':
      return ['from'];
    case 'TOO_FAR_AHEAD':
    case 'TOO_LONG':
    case 'NO_SCHOOL_DAYS':
      return [lastDate];
    case 'REASON_REQUIRED':
    case 'REASON_TOO_LONG':
      return ['reason'];
    default:
      return ['general'];
  }
}
