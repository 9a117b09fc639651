// Roll call rules (närvaro): what a submission may contain and who may make it when.
import { activeDuties, dutyCoversSchool, type DutyFacts, type SchoolFacts } from './access.ts';
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

export interface RollCallAuthorityFacts extends SchoolFacts {
  /** local date of the lesson, YYYY-MM-DD */
  lessonDate: string;
  teacherStaffIds: readonly string[];
  /** the home classes of the lesson's students, for the mentor rule */
  studentClassIds: readonly string[];
}

/**
 * Who may save a lesson's roll call, and on which terms:
 * - on the lesson's day its teacher, a mentor of a class in the lesson, or an administrator;
 * - afterwards only a mentor or an administrator, and only with a reason (a correction);
 * - never before the lesson's day.
 */
export type RollCallAuthority =
  { allowed: true; reasonRequired: boolean } | { allowed: false; why: 'NOT_YOUR_LESSON' | 'TOO_EARLY' | 'TOO_LATE_FOR_TEACHER' };

export function rollCallAuthority(
  staffId: string,
  duties: readonly DutyFacts[],
  lesson: RollCallAuthorityFacts,
  today: string,
): RollCallAuthority {
  const active = activeDuties(duties, today);
  const isAdmin = active.some((duty) => duty.kind === 'ADMINISTRATOR' && dutyCoversSchool(duty, lesson));
  const isMentor = active.some((duty) => duty.kind === 'MENTOR' && duty.groupId !== null && lesson.studentClassIds.includes(duty.groupId));
  const isTeacher = lesson.teacherStaffIds.includes(staffId);
  if (!isAdmin && !isMentor && !isTeacher) return { allowed: false, why: 'NOT_YOUR_LESSON' };
  if (today < lesson.lessonDate) return { allowed: false, why: 'TOO_EARLY' };
  if (today === lesson.lessonDate) return { allowed: true, reasonRequired: false };
  if (isAdmin || isMentor) return { allowed: true, reasonRequired: true };
  return { allowed: false, why: 'TOO_LATE_FOR_TEACHER' };
}

/** How long a roll call kept on a device while offline still counts as taken when it was saved there. */
export const MAX_OFFLINE_DAYS = 4;
const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The school day a submission counts for: the day the teacher saved it on the device, if that is
 * believable (not in the future, at most MAX_OFFLINE_DAYS ago); otherwise the day it arrived. So a
 * roll call taken offline on the lesson's day is still the teacher's to save the next morning.
 */
export function effectiveRollCallDay(takenAt: Date | null, receivedAt: Date): string {
  if (!takenAt) return schoolDateOf(receivedAt);
  const age = receivedAt.getTime() - takenAt.getTime();
  if (age < -ALLOWED_CLOCK_SKEW_MS || age > MAX_OFFLINE_DAYS * 24 * 60 * 60_000) return schoolDateOf(receivedAt);
  return schoolDateOf(takenAt);
}
