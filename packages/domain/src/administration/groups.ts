// Rules for classes, teaching groups, their dated memberships, subjects and courses: what the
// administration API refuses and what the web forms check before sending. Dates are ISO strings.
import type { SchoolYearSpan } from '../assessments.ts';
import { isIsoDate } from '../iso-week.ts';

export const GROUP_NAME_MAX_LENGTH = 60;
export const SUBJECT_NAME_MAX_LENGTH = 80;
export const COURSE_NAME_MAX_LENGTH = 120;
export const MIN_YEAR_LEVEL = 0;
export const MAX_YEAR_LEVEL = 12;
export const MAX_COURSE_POINTS = 1000;

export interface GroupProblem {
  field: 'name' | 'yearLevel' | 'subjectId' | 'courseId';
  code: 'REQUIRED' | 'TOO_LONG' | 'OUT_OF_RANGE' | 'NOT_FOR_KIND';
}

export interface GroupFields {
  kind: 'CLASS' | 'TEACHING';
  name: string;
  yearLevel?: number | null;
  subjectId?: string | null;
  courseId?: string | null;
}

/** A class has a year level (0 förskoleklass … 12) and no subject; a teaching group has a subject, maybe a course, no year level. */
export function checkGroupFields(group: GroupFields): GroupProblem[] {
  const problems: GroupProblem[] = [];
  const name = group.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'REQUIRED' });
  else if (name.length > GROUP_NAME_MAX_LENGTH) problems.push({ field: 'name', code: 'TOO_LONG' });
  if (group.kind === 'CLASS') {
    const level = group.yearLevel;
    if (level === null || level === undefined) problems.push({ field: 'yearLevel', code: 'REQUIRED' });
    else if (!Number.isInteger(level) || level < MIN_YEAR_LEVEL || level > MAX_YEAR_LEVEL) {
      problems.push({ field: 'yearLevel', code: 'OUT_OF_RANGE' });
    }
    if (group.subjectId) problems.push({ field: 'subjectId', code: 'NOT_FOR_KIND' });
    if (group.courseId) problems.push({ field: 'courseId', code: 'NOT_FOR_KIND' });
  } else {
    if (group.yearLevel !== null && group.yearLevel !== undefined) problems.push({ field: 'yearLevel', code: 'NOT_FOR_KIND' });
    if (!group.subjectId) problems.push({ field: 'subjectId', code: 'REQUIRED' });
  }
  return problems;
}

export interface DateSpanProblem {
  field: 'validFrom' | 'validTo';
  code: 'INVALID_DATE' | 'ENDS_BEFORE_START' | 'OUTSIDE_SCHOOL_YEAR';
}

export interface MembershipSpan {
  validFrom: string;
  /** null: open-ended */
  validTo: string | null;
}

/** A membership's dates: real dates, ending on or after they start, within the group's school year. */
export function checkMembershipSpan(span: MembershipSpan, schoolYear: { startDate: string; endDate: string }): DateSpanProblem[] {
  const problems: DateSpanProblem[] = [];
  const fromValid = isIsoDate(span.validFrom);
  const toValid = span.validTo === null || isIsoDate(span.validTo);
  if (!fromValid) problems.push({ field: 'validFrom', code: 'INVALID_DATE' });
  if (!toValid) problems.push({ field: 'validTo', code: 'INVALID_DATE' });
  if (!fromValid || !toValid) return problems;
  if (span.validFrom < schoolYear.startDate || span.validFrom > schoolYear.endDate) {
    problems.push({ field: 'validFrom', code: 'OUTSIDE_SCHOOL_YEAR' });
  }
  if (span.validTo !== null) {
    if (span.validTo < span.validFrom) problems.push({ field: 'validTo', code: 'ENDS_BEFORE_START' });
    else if (span.validTo > schoolYear.endDate) problems.push({ field: 'validTo', code: 'OUTSIDE_SCHOOL_YEAR' });
  }
  return problems;
}

/** Whether two memberships share a day (both ends inclusive, null open-ended), as the database trigger decides. */
export function membershipSpansOverlap(a: MembershipSpan, b: MembershipSpan): boolean {
  return (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);
}

/** Whether a membership is in force on a day. */
export const inForce = (span: MembershipSpan, day: string): boolean =>
  span.validFrom <= day && (span.validTo === null || day <= span.validTo);

/** The day before an ISO date: a moved student's old class ends then. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export interface LeavingProblem {
  field: 'lastDay';
  code: 'INVALID_DATE' | 'NOTHING_TO_END' | 'BEFORE_BEGUN';
}

/**
 * A student leaving the school after `lastDay`: each class and group membership in force after that day ends on it,
 * and each not begun by then goes (a placement that would never start); those ended by then stay as they are. Refused
 * when the day is not a date; when the student has no membership after it (nothing would change); and when a
 * membership that has begun by `today` would go (BEFORE_BEGUN): the student was in that class or group after the day
 * given, so it is a mistake, and removing the membership would take the class's history of them away.
 */
export function leavingMemberships<T extends MembershipSpan>(
  memberships: readonly T[],
  lastDay: string,
  today: string,
): { ok: true; end: T[]; remove: T[] } | { ok: false; problems: LeavingProblem[] } {
  if (!isIsoDate(lastDay)) return { ok: false, problems: [{ field: 'lastDay', code: 'INVALID_DATE' }] };
  const after = memberships.filter((membership) => membership.validTo === null || membership.validTo > lastDay);
  if (after.length === 0) return { ok: false, problems: [{ field: 'lastDay', code: 'NOTHING_TO_END' }] };
  const remove = after.filter((membership) => membership.validFrom > lastDay);
  if (remove.some((membership) => membership.validFrom <= today))
    return { ok: false, problems: [{ field: 'lastDay', code: 'BEFORE_BEGUN' }] };
  return { ok: true, end: after.filter((membership) => membership.validFrom <= lastDay), remove };
}

/**
 * The last day of a student who has left: every class and group of theirs ended before `today`, the day the last one
 * ended. Null for a student still in one, one whose leaving lies ahead, and one never in any. Between school years,
 * before the new year's classes are entered, a student going on is such a student too: the pages call it the last day
 * in a class, and retention waits a school year at least.
 */
export function leftOn(memberships: readonly MembershipSpan[], today: string): string | null {
  if (memberships.length === 0) return null;
  let last = '';
  for (const { validTo } of memberships) {
    if (validTo === null || validTo >= today) return null;
    if (validTo > last) last = validTo;
  }
  return last;
}

/** A school year's span, and when its teaching ends (its last term's last day; the year's own end without terms). */
export interface SchoolYearTeaching extends SchoolYearSpan {
  teachingEndsOn: string;
}

/**
 * The last day of a student's enrolment, where it is known to have ended (what SS 12000 exports as the enrolment's
 * endDate): they have left (`leftOn`) during a school year, before its teaching ended, or a later school year has begun
 * without them. Null while they are in a class or group, and between school years for a student whose classes ended
 * with the year's teaching: they may go on once the new year's classes are entered.
 */
export function enrolmentEndedOn(
  memberships: readonly MembershipSpan[],
  today: string,
  schoolYears: readonly SchoolYearTeaching[],
): string | null {
  const last = leftOn(memberships, today);
  if (last === null) return null;
  const during = schoolYears.find((year) => year.startDate <= last && last <= year.endDate);
  if (during && last < during.teachingEndsOn) return last;
  return schoolYears.some((year) => year.startDate > last && year.startDate <= today) ? last : null;
}

export interface MoveProblem {
  field: 'fromDate' | 'toGroupId';
  code: 'INVALID_DATE' | 'NOT_AFTER_START' | 'AFTER_END' | 'SAME_GROUP' | 'NOT_A_CLASS';
}

/**
 * Moving a student from a class membership to another class from a date: the old membership ends the
 * day before, so the date must fall after the old one starts and no later than it ends.
 */
export function checkMove(
  current: MembershipSpan & { groupId: string },
  target: { groupId: string; kind: 'CLASS' | 'TEACHING' },
  fromDate: string,
): MoveProblem[] {
  const problems: MoveProblem[] = [];
  if (target.groupId === current.groupId) problems.push({ field: 'toGroupId', code: 'SAME_GROUP' });
  else if (target.kind !== 'CLASS') problems.push({ field: 'toGroupId', code: 'NOT_A_CLASS' });
  if (!isIsoDate(fromDate)) problems.push({ field: 'fromDate', code: 'INVALID_DATE' });
  else if (fromDate <= current.validFrom) problems.push({ field: 'fromDate', code: 'NOT_AFTER_START' });
  else if (current.validTo !== null && fromDate > current.validTo) problems.push({ field: 'fromDate', code: 'AFTER_END' });
  return problems;
}

export interface SubjectProblem {
  field: 'code' | 'nameSv' | 'nameEn';
  code: 'REQUIRED' | 'TOO_LONG' | 'INVALID_CODE';
}

/** Subject codes: up to 10 capital letters and digits, e.g. "MA", "SVA", "MODX". */
const SUBJECT_CODE = /^[A-ZÅÄÖ0-9]{1,10}$/;
/** Course codes, e.g. "MATMAT01c": letters and digits, a lowercase variant letter allowed. */
const COURSE_CODE = /^[A-Za-zÅÄÖåäö0-9]{3,20}$/;

function checkName<F extends string>(field: F, value: string, max: number): { field: F; code: 'REQUIRED' | 'TOO_LONG' }[] {
  const trimmed = value.trim();
  if (trimmed === '') return [{ field, code: 'REQUIRED' }];
  return trimmed.length > max ? [{ field, code: 'TOO_LONG' }] : [];
}

export function checkSubjectFields(subject: { code: string; nameSv: string; nameEn: string }): SubjectProblem[] {
  const code = subject.code.trim();
  return [
    ...(code === '' ? [{ field: 'code' as const, code: 'REQUIRED' as const }] : []),
    ...(code !== '' && !SUBJECT_CODE.test(code) ? [{ field: 'code' as const, code: 'INVALID_CODE' as const }] : []),
    ...checkName('nameSv', subject.nameSv, SUBJECT_NAME_MAX_LENGTH),
    ...checkName('nameEn', subject.nameEn, SUBJECT_NAME_MAX_LENGTH),
  ];
}

export interface CourseProblem {
  field: 'code' | 'name' | 'points' | 'subjectId';
  code: 'REQUIRED' | 'TOO_LONG' | 'INVALID_CODE' | 'OUT_OF_RANGE';
}

export function checkCourseFields(course: { code: string; name: string; points: number; subjectId: string }): CourseProblem[] {
  const code = course.code.trim();
  return [
    ...(code === '' ? [{ field: 'code' as const, code: 'REQUIRED' as const }] : []),
    ...(code !== '' && !COURSE_CODE.test(code) ? [{ field: 'code' as const, code: 'INVALID_CODE' as const }] : []),
    ...checkName('name', course.name, COURSE_NAME_MAX_LENGTH),
    ...(!Number.isInteger(course.points) || course.points < 1 || course.points > MAX_COURSE_POINTS
      ? [{ field: 'points' as const, code: 'OUT_OF_RANGE' as const }]
      : []),
    ...(course.subjectId.trim() === '' ? [{ field: 'subjectId' as const, code: 'REQUIRED' as const }] : []),
  ];
}
