// Roll call rules (närvaro): what a submission may contain and who may make it when.
import { schoolDateOf } from './iso-week.ts';

export type AttendanceStatus = 'PRESENT' | 'ABSENT' | 'LATE';
export type ValidAbsenceReason = 'SICK' | 'LEAVE' | 'SCHOOL_ACTIVITY' | 'OTHER';

export const MAX_ATTENDANCE_NOTE_LENGTH = 500;
export const MAX_CORRECTION_REASON_LENGTH = 500;

/** Absence or lateness is unexcused (ogiltig) unless a valid reason covers it. */
export const isUnexcused = (status: AttendanceStatus, validReason: ValidAbsenceReason | null): boolean =>
  status !== 'PRESENT' && validReason === null;

/** The reasons staff record themselves; SICK and LEAVE come only from the home's report or an approved leave. */
export type StaffAbsenceReason = 'SCHOOL_ACTIVITY' | 'OTHER';
export const STAFF_ABSENCE_REASONS: readonly StaffAbsenceReason[] = ['SCHOOL_ACTIVITY', 'OTHER'];

export type AbsenceReasonProblem = 'NOT_ABSENT' | 'REPORTED_BY_HOME' | 'UNKNOWN_REASON' | 'NOTE_REQUIRED' | 'NOTE_TOO_LONG';

/**
 * Whether staff may record `reason` (null: unexcused again) for a marked attendance: only absence or lateness; not
 * over a sick report's or a leave's reason (withdrawing the report decides that); "other" needs a note saying why.
 */
export function checkAbsenceReason(
  current: { status: AttendanceStatus; validReason: ValidAbsenceReason | null },
  reason: string | null,
  note: string | null,
): AbsenceReasonProblem[] {
  const problems: AbsenceReasonProblem[] = [];
  if (current.status === 'PRESENT') problems.push('NOT_ABSENT');
  if (current.validReason === 'SICK' || current.validReason === 'LEAVE') problems.push('REPORTED_BY_HOME');
  if (reason !== null && !STAFF_ABSENCE_REASONS.some((known) => known === reason)) problems.push('UNKNOWN_REASON');
  if (reason === 'OTHER' && !note?.trim()) problems.push('NOTE_REQUIRED');
  if ((note?.trim().length ?? 0) > MAX_ATTENDANCE_NOTE_LENGTH) problems.push('NOTE_TOO_LONG');
  return problems;
}

export interface RollCallEntry {
  studentId: string;
  status: AttendanceStatus;
  lateMinutes?: number | null;
  note?: string | null;
}

export interface RollCallLesson {
  status: 'SCHEDULED' | 'CANCELLED';
  durationMinutes: number;
}

export type RollCallProblem =
  | { code: 'LESSON_CANCELLED' }
  | { code: 'EMPTY_SUBMISSION' }
  | { code: 'DUPLICATE_STUDENT'; studentId: string }
  | { code: 'STUDENT_NOT_IN_GROUP'; studentId: string }
  | { code: 'LATE_MINUTES_REQUIRED'; studentId: string }
  | { code: 'LATE_MINUTES_OUT_OF_RANGE'; studentId: string; max: number }
  | { code: 'LATE_MINUTES_NOT_ALLOWED'; studentId: string }
  | { code: 'NOTE_TOO_LONG'; studentId: string; max: number };

/**
 * Everything wrong with a submission, so the teacher can fix all of it at once. A submission with
 * any problem is refused whole: attendance is all or nothing.
 */
export function checkRollCall(
  lesson: RollCallLesson,
  memberIds: ReadonlySet<string>,
  entries: readonly RollCallEntry[],
): RollCallProblem[] {
  if (lesson.status === 'CANCELLED') return [{ code: 'LESSON_CANCELLED' }];
  if (entries.length === 0) return [{ code: 'EMPTY_SUBMISSION' }];
  const problems: RollCallProblem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const { studentId } = entry;
    if (seen.has(studentId)) problems.push({ code: 'DUPLICATE_STUDENT', studentId });
    seen.add(studentId);
    if (!memberIds.has(studentId)) problems.push({ code: 'STUDENT_NOT_IN_GROUP', studentId });
    const minutes = entry.lateMinutes ?? null;
    if (entry.status === 'LATE') {
      if (minutes === null) problems.push({ code: 'LATE_MINUTES_REQUIRED', studentId });
      else if (!Number.isInteger(minutes) || minutes < 1 || minutes > lesson.durationMinutes) {
        problems.push({ code: 'LATE_MINUTES_OUT_OF_RANGE', studentId, max: lesson.durationMinutes });
      }
    } else if (minutes !== null) {
      problems.push({ code: 'LATE_MINUTES_NOT_ALLOWED', studentId });
    }
    if ((entry.note?.length ?? 0) > MAX_ATTENDANCE_NOTE_LENGTH) {
      problems.push({ code: 'NOTE_TOO_LONG', studentId, max: MAX_ATTENDANCE_NOTE_LENGTH });
    }
  }
  return problems;
}

/** How long a roll call kept on a device while offline may take to reach the server and still count for its day. */
export const MAX_OFFLINE_DAYS = 4;
const OFFLINE_WINDOW_MS = MAX_OFFLINE_DAYS * 24 * 60 * 60_000;
/** How far a device's clock may run ahead of the server's: a `takenAt` later than the arrival by more is refused. */
export const ROLL_CALL_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How long before a lesson began a roll call may say it was taken and still count as the lesson's: the teacher opens
 * it as the students come in, on a device whose clock may lag the server's a little.
 */
export const ROLL_CALL_EARLY_MS = 15 * 60_000;

/**
 * What a device's offline proof says (the API signs and reads it, `modules/attendance/offline-proof.ts`): the server
 * handed this roll call, on this school day, to this user while they could save it without a reason. It is given only
 * on the lesson's day, so a proof issued on the lesson's day shows that the device held the roll call that day.
 */
export interface OfflineProofClaims {
  lessonId: string;
  /** the user account it was issued to */
  userId: string;
  /** the school day it was issued on, YYYY-MM-DD */
  issuedOn: string;
  /** the end of the offline window: after this the proof proves nothing */
  expiresAt: Date;
}

/** The claims of a proof issued now, for a lesson and a user. */
export function offlineProofClaims(lessonId: string, userId: string, issuedAt: Date): OfflineProofClaims {
  return { lessonId, userId, issuedOn: schoolDateOf(issuedAt), expiresAt: new Date(issuedAt.getTime() + OFFLINE_WINDOW_MS) };
}

export interface RollCallTimingFacts {
  lessonId: string;
  /** local date of the lesson, YYYY-MM-DD */
  lessonDate: string;
  lessonStartsAt: Date;
  /** the user account saving */
  userId: string;
  /** when the device says the roll call was saved there */
  takenAt: Date | null;
  /** the proof sent with the save: its claims when the server's signature holds, UNREADABLE when it does not */
  proof: OfflineProofClaims | 'UNREADABLE' | null;
  /** when the save reached the server (the server's clock) */
  receivedAt: Date;
}

export type RollCallTimingProblem = 'TAKEN_AT_IN_FUTURE' | 'TAKEN_AT_BEFORE_LESSON' | 'OFFLINE_PROOF_INVALID' | 'OFFLINE_PROOF_MISMATCH';

/**
 * The school day a save counts for (given to `rollCallAuthority`), and whether it is a late arrival: a roll call
 * taken on the device on the lesson's day that reached the server after that day.
 */
export type RollCallTiming = { ok: true; countsOn: string; lateArrival: boolean } | { ok: false; problem: RollCallTimingProblem };

/**
 * When a save counts, by the server's clock unless the device proves otherwise:
 * - `takenAt` later than the arrival (beyond the clock skew) is refused, whenever it arrives;
 * - arriving on or before the lesson's day, it counts for the day it arrived (the device's claims are not needed, and
 *   not looked at: a save on the day is never refused over a proof the server can no longer read);
 * - arriving after the lesson's day, it is a late arrival, counting for the lesson's day, only with a proof for this
 *   lesson and user issued on the lesson's day, a `takenAt` on that day not before the lesson began (less
 *   ROLL_CALL_EARLY_MS), and an arrival within MAX_OFFLINE_DAYS of both the proof and `takenAt`. Otherwise it counts
 *   for the day it arrived: a correction after the lesson's day (a reason; the mentor or an administrator).
 * - A late save is refused when its `takenAt` is before the lesson began, or its proof is forged, unreadable, or of
 *   another lesson or user: nothing the app sends, so nothing to fall back on.
 */
export function rollCallTiming(facts: RollCallTimingFacts): RollCallTiming {
  const { takenAt, proof, receivedAt } = facts;
  const arrivalDay = schoolDateOf(receivedAt);
  if (takenAt && takenAt.getTime() > receivedAt.getTime() + ROLL_CALL_CLOCK_SKEW_MS) return { ok: false, problem: 'TAKEN_AT_IN_FUTURE' };
  if (arrivalDay <= facts.lessonDate) return { ok: true, countsOn: arrivalDay, lateArrival: false };
  if (takenAt && takenAt.getTime() < facts.lessonStartsAt.getTime() - ROLL_CALL_EARLY_MS) {
    return { ok: false, problem: 'TAKEN_AT_BEFORE_LESSON' };
  }
  if (proof === 'UNREADABLE') return { ok: false, problem: 'OFFLINE_PROOF_INVALID' };
  if (proof && (proof.lessonId !== facts.lessonId || proof.userId !== facts.userId))
    return { ok: false, problem: 'OFFLINE_PROOF_MISMATCH' };
  const late =
    proof !== null &&
    takenAt !== null &&
    proof.issuedOn === facts.lessonDate &&
    schoolDateOf(takenAt) === facts.lessonDate &&
    receivedAt.getTime() <= proof.expiresAt.getTime() &&
    receivedAt.getTime() - takenAt.getTime() <= OFFLINE_WINDOW_MS;
  return late ? { ok: true, countsOn: facts.lessonDate, lateArrival: true } : { ok: true, countsOn: arrivalDay, lateArrival: false };
}
