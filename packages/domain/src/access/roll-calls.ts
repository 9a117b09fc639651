// Who takes and reads a lesson's roll call, and on which terms.
import { dutyCoversSchool, staffDuties, type SchoolFacts, type ViewerFacts } from './records.ts';

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
 * - never before the lesson's day; never a student or guardian.
 */
export type RollCallAuthority =
  { allowed: true; reasonRequired: boolean } | { allowed: false; why: 'NOT_YOUR_LESSON' | 'TOO_EARLY' | 'TOO_LATE_FOR_TEACHER' };

export function rollCallAuthority(viewer: ViewerFacts, lesson: RollCallAuthorityFacts, today: string): RollCallAuthority {
  const active = staffDuties(viewer, today);
  const isAdmin = active.some((duty) => duty.kind === 'ADMINISTRATOR' && dutyCoversSchool(duty, lesson));
  const isMentor = active.some((duty) => duty.kind === 'MENTOR' && duty.groupId !== null && lesson.studentClassIds.includes(duty.groupId));
  const isTeacher = viewer.kind === 'STAFF' && lesson.teacherStaffIds.includes(viewer.staffId);
  if (!isAdmin && !isMentor && !isTeacher) return { allowed: false, why: 'NOT_YOUR_LESSON' };
  if (today < lesson.lessonDate) return { allowed: false, why: 'TOO_EARLY' };
  if (today === lesson.lessonDate) return { allowed: true, reasonRequired: false };
  if (isAdmin || isMentor) return { allowed: true, reasonRequired: true };
  return { allowed: false, why: 'TOO_LATE_FOR_TEACHER' };
}

/**
 * Who may read a roll call: whoever may save it on some day (a teacher reads their lesson's after its day too), and the
 * school's principal, who follows roll calls up but does not take them.
 */
export function mayReadRollCall(viewer: ViewerFacts, lesson: RollCallAuthorityFacts, today: string): boolean {
  const authority = rollCallAuthority(viewer, lesson, today);
  if (authority.allowed || authority.why !== 'NOT_YOUR_LESSON') return true;
  return staffDuties(viewer, today).some((duty) => duty.kind === 'PRINCIPAL' && dutyCoversSchool(duty, lesson));
}
