// Who records a decision on special support, and who acknowledges having read it.
import { canAccessStudent, dutyCoversSchool, staffDuties, type SchoolFacts, type StudentFacts, type ViewerFacts } from './records.ts';

/** The principal of the student's school, or an administrator of its organisation, records a decision. */
export function mayRecordSupportDecision(viewer: ViewerFacts, student: SchoolFacts, today: string): boolean {
  return staffDuties(viewer, today).some((duty) => dutyCoversSchool(duty, student));
}

/** "Jag har tagit del av beslutet": the student, or a guardian who may see the student (rule 2). */
export function mayAcknowledgeSupportDecision(viewer: ViewerFacts, student: StudentFacts, today: string): boolean {
  return viewer.kind !== 'STAFF' && canAccessStudent(viewer, 'student:readSupportDecisions', student, today);
}
