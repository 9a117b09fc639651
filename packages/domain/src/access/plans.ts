// Who writes and reads a student's development plan (IUP) and changes an upper-secondary student's study plan.
import type { StudentTeachingGroup } from '../development-plans.ts';
import { canAccessStudent, dutyCoversSchool, staffDuties, type StudentFacts, type ViewerFacts } from './records.ts';

/** The subjects whose entry the viewer writes: those of the student's teaching groups they teach. */
export function writableSubjectIds(viewer: ViewerFacts, groups: readonly StudentTeachingGroup[], today: string): string[] {
  const taught = new Set(
    staffDuties(viewer, today)
      .filter((duty) => duty.kind === 'TEACHER')
      .map((duty) => duty.groupId),
  );
  return [...new Set(groups.flatMap((group) => (group.subjectId !== null && taught.has(group.groupId) ? [group.subjectId] : [])))];
}

export const mayWritePlanEntry = (
  viewer: ViewerFacts,
  groups: readonly StudentTeachingGroup[],
  subjectId: string,
  today: string,
): boolean => writableSubjectIds(viewer, groups, today).includes(subjectId);

/** The mentor of the student's class writes the summary and publishes. */
export function mayPublishDevelopmentPlan(viewer: ViewerFacts, studentGroupIds: readonly string[], today: string): boolean {
  return staffDuties(viewer, today).some(
    (duty) => duty.kind === 'MENTOR' && duty.groupId !== null && studentGroupIds.includes(duty.groupId),
  );
}

/**
 * Who reads a plan before it is published: the staff who cover the student's assessments (mentor,
 * principal, administrators) and the teachers of the student's groups, who write it. Students and
 * guardians read published plans only, under `student:readAssessments` (rule 2 for adult students).
 */
export function mayReadDevelopmentPlanDraft(viewer: ViewerFacts, student: StudentFacts, today: string): boolean {
  if (viewer.kind !== 'STAFF') return false;
  return (
    canAccessStudent(viewer, 'student:readAssessments', student, today) ||
    staffDuties(viewer, today).some((duty) => duty.kind === 'TEACHER' && duty.groupId !== null && student.groupIds.includes(duty.groupId))
  );
}

/** The mentor of the student's class and the administrators of the student's organisation change the planned courses. */
export function mayEditStudyPlan(
  viewer: ViewerFacts,
  student: Pick<StudentFacts, 'groupIds' | 'schoolId' | 'organisationId'>,
  today: string,
): boolean {
  return staffDuties(viewer, today).some(
    (duty) =>
      (duty.kind === 'ADMINISTRATOR' && dutyCoversSchool(duty, student)) ||
      (duty.kind === 'MENTOR' && duty.groupId !== null && student.groupIds.includes(duty.groupId)),
  );
}
