import { FROM_PARAM, PERIOD_PARAM, TO_PARAM, type RangeParam } from './range-param';

// Here rather than in a page, so that linking to the list loads no other page's code.
export const STUDENT_PARAM = 'elev';
export const SUBJECT_PARAM = 'amne';
export const WEEK_PARAM = 'vecka';
export const WEEKDAY_PARAM = 'veckodag';
/** franvaro (absent) or sen (late) */
export const KIND_PARAM = 'typ';
/** ja (valid) or nej (unexcused) */
export const VALID_PARAM = 'giltig';
/** The lesson to show marked, from the absence message sent home. */
export const LESSON_PARAM = 'lektion';
/** One day (from the absence message): the same as a custom range of that day. */
export const DAY_PARAM = 'dag';

/** Which lessons behind the figures: as the API's AbsenceLessonFilter. */
export interface AbsenceLessonsFilter {
  status?: 'ABSENT' | 'LATE';
  valid?: boolean;
  subjectCode?: string;
  week?: string;
  weekday?: number;
}

/** The lessons behind a figure of the student's absence over the same period: `/franvaro/lektioner?elev=…&period=…&amne=…`. */
export function absenceLessonsHref(
  studentId: string,
  range: Pick<RangeParam, 'period' | 'from' | 'to'>,
  filter: AbsenceLessonsFilter = {},
): string {
  const params = new URLSearchParams();
  params.set(STUDENT_PARAM, studentId);
  params.set(PERIOD_PARAM, range.period);
  if (range.period === 'CUSTOM') {
    params.set(FROM_PARAM, range.from);
    params.set(TO_PARAM, range.to);
  }
  if (filter.subjectCode) params.set(SUBJECT_PARAM, filter.subjectCode);
  if (filter.week) params.set(WEEK_PARAM, filter.week);
  if (filter.weekday) params.set(WEEKDAY_PARAM, String(filter.weekday));
  if (filter.status) params.set(KIND_PARAM, filter.status === 'LATE' ? 'sen' : 'franvaro');
  if (filter.valid !== undefined) params.set(VALID_PARAM, filter.valid ? 'ja' : 'nej');
  return `/franvaro/lektioner?${params.toString()}`;
}

/** The filter a list's address names (unknown values are left out). */
export function absenceLessonsFilterOf(params: URLSearchParams): AbsenceLessonsFilter {
  const filter: AbsenceLessonsFilter = {};
  const subject = params.get(SUBJECT_PARAM);
  if (subject) filter.subjectCode = subject;
  const week = params.get(WEEK_PARAM);
  if (week && /^\d{4}-W\d{2}$/.test(week)) filter.week = week;
  const weekday = Number(params.get(WEEKDAY_PARAM));
  if (Number.isInteger(weekday) && weekday >= 1 && weekday <= 7) filter.weekday = weekday;
  const kind = params.get(KIND_PARAM);
  if (kind === 'franvaro') filter.status = 'ABSENT';
  if (kind === 'sen') filter.status = 'LATE';
  const valid = params.get(VALID_PARAM);
  if (valid === 'ja') filter.valid = true;
  if (valid === 'nej') filter.valid = false;
  return filter;
}
