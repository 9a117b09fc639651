// Who records a teaching group's assessments and warns of a grade that may not be reached, and who follows the warning up.
import { staffDuties, type ViewerFacts } from './records.ts';

/** An active teacher of the teaching group records its tasks, results and subject assessments. */
export function mayRecordAssessments(viewer: ViewerFacts, groupId: string, today: string): boolean {
  return staffDuties(viewer, today).some((duty) => duty.kind === 'TEACHER' && duty.groupId === groupId);
}

/** A teacher of the teaching group warns a member of it; the warning is for that group's subject. */
export function mayIssueGradeWarning(viewer: ViewerFacts, groupId: string, studentGroupIds: readonly string[], today: string): boolean {
  return studentGroupIds.includes(groupId) && mayRecordAssessments(viewer, groupId, today);
}

export interface WarningHandlers {
  /** the teaching group the warning was issued in */
  groupId: string;
  schoolId: string;
  /** the student's groups today, the class among them */
  studentGroupIds: readonly string[];
}

/** The group's teachers, the mentor of the student's class and the school's principal record contacts and close warnings. */
export function mayRecordGradeWarningContact(viewer: ViewerFacts, warning: WarningHandlers, today: string): boolean {
  return staffDuties(viewer, today).some(
    (duty) =>
      (duty.kind === 'TEACHER' && duty.groupId === warning.groupId) ||
      (duty.kind === 'MENTOR' && duty.groupId !== null && warning.studentGroupIds.includes(duty.groupId)) ||
      (duty.kind === 'PRINCIPAL' && duty.schoolId === warning.schoolId),
  );
}
