// Grade warnings (varning för underkänt betyg, domain rule 6): a teacher warns that a student risks an F
// in the subject of a teaching group, with what is missing; the guardians are told at once, and the
// school records each contact with the home. A warning without contact after a number of school days
// is overdue.
import { addDays, format, parseISO } from 'date-fns';
import { schoolDaysIn, type DateRange } from './absence-reports.ts';

export const MAX_MISSING_LENGTH = 2000;
export const MAX_WITH_WHOM_LENGTH = 200;
export const MAX_AGREED_LENGTH = 2000;
export const MAX_CLOSE_NOTE_LENGTH = 1000;
/** A contact entered "now" on a device whose clock runs a little ahead is not in the future. */
export const CONTACT_CLOCK_SKEW_MS = 5 * 60_000;

export const CONTACT_METHODS = ['PHONE', 'MEETING', 'DIGITAL_MEETING', 'EMAIL', 'LETTER'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export type GradeWarningProblem =
  | 'NOT_A_TEACHING_GROUP'
  | 'GROUP_WITHOUT_SUBJECT'
  | 'MISSING_REQUIRED'
  | 'MISSING_TOO_LONG'
  | 'INVALID_TIME'
  | 'IN_THE_FUTURE'
  | 'BEFORE_WARNING'
  | 'UNKNOWN_METHOD'
  | 'WITH_WHOM_REQUIRED'
  | 'WITH_WHOM_TOO_LONG'
  | 'AGREED_REQUIRED'
  | 'AGREED_TOO_LONG'
  | 'NOTE_REQUIRED'
  | 'NOTE_TOO_LONG'
  | 'ALREADY_CLOSED';

export interface GradeWarningGroup {
  id: string;
  kind: 'CLASS' | 'TEACHING';
  subjectId: string | null;
}

function checkText(value: string, max: number, required: GradeWarningProblem, tooLong: GradeWarningProblem): GradeWarningProblem[] {
  const text = value.trim();
  if (!text) return [required];
  return text.length > max ? [tooLong] : [];
}

/** A warning is for a teaching group's subject and says what is missing. */
export function checkGradeWarning(input: { group: GradeWarningGroup; missing: string }): GradeWarningProblem[] {
  const problems: GradeWarningProblem[] = [];
  if (input.group.kind !== 'TEACHING') problems.push('NOT_A_TEACHING_GROUP');
  else if (!input.group.subjectId) problems.push('GROUP_WITHOUT_SUBJECT');
  problems.push(...checkText(input.missing, MAX_MISSING_LENGTH, 'MISSING_REQUIRED', 'MISSING_TOO_LONG'));
  return problems;
}

export interface ContactInput {
  /** an ISO 8601 instant */
  contactedAt: string;
  method: string;
  withWhom: string;
  agreed: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const isContactMethod = (value: string): value is ContactMethod => (CONTACT_METHODS as readonly string[]).includes(value);

/** A contact with the home happened (not in the future, not before the warning), one way, with someone, and something was agreed. */
export function checkContact(input: ContactInput, issuedAt: Date, now: Date): GradeWarningProblem[] {
  const problems: GradeWarningProblem[] = [];
  const at = ISO_INSTANT.test(input.contactedAt) ? new Date(input.contactedAt) : null;
  if (!at || Number.isNaN(at.getTime())) problems.push('INVALID_TIME');
  else if (at.getTime() > now.getTime() + CONTACT_CLOCK_SKEW_MS) problems.push('IN_THE_FUTURE');
  else if (at < issuedAt) problems.push('BEFORE_WARNING');
  if (!isContactMethod(input.method)) problems.push('UNKNOWN_METHOD');
  problems.push(...checkText(input.withWhom, MAX_WITH_WHOM_LENGTH, 'WITH_WHOM_REQUIRED', 'WITH_WHOM_TOO_LONG'));
  problems.push(...checkText(input.agreed, MAX_AGREED_LENGTH, 'AGREED_REQUIRED', 'AGREED_TOO_LONG'));
  return problems;
}

/** Closing (resolved or withdrawn) says why, once. */
export function checkClose(note: string, closed: boolean): GradeWarningProblem[] {
  return [...(closed ? (['ALREADY_CLOSED'] as const) : []), ...checkText(note, MAX_CLOSE_NOTE_LENGTH, 'NOTE_REQUIRED', 'NOTE_TOO_LONG')];
}

/**
 * Overdue: no contact recorded and more than `schoolDays` school days after the day of issue (that day
 * not counted, today counted), so with 5 the school has until the fifth school day after issuing.
 */
export function contactOverdue(
  issuedOn: string,
  firstContactOn: string | null,
  today: string,
  schoolDays: number,
  breaks: readonly DateRange[],
): boolean {
  if (firstContactOn !== null) return false;
  const dayAfter = format(addDays(parseISO(issuedOn), 1), 'yyyy-MM-dd');
  return schoolDaysIn(dayAfter, today, breaks) > schoolDays;
}
