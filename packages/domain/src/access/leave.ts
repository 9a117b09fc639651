// Who decides an application for leave.
import type { LeaveDecider } from '../absence-reports.ts';
import { staffDuties, type ViewerFacts } from './records.ts';

export interface LeaveDecisionFacts {
  decider: LeaveDecider;
  schoolId: string;
  /** the student's classes on the day of the decision */
  studentClassIds: readonly string[];
}

/** A mentor of the student's class decides a mentor's leave; the school's principal may decide any. */
export function mayDecideLeave(viewer: ViewerFacts, leave: LeaveDecisionFacts, today: string): boolean {
  return staffDuties(viewer, today).some(
    (duty) =>
      (duty.kind === 'PRINCIPAL' && duty.schoolId === leave.schoolId) ||
      (leave.decider === 'MENTOR' && duty.kind === 'MENTOR' && duty.groupId !== null && leave.studentClassIds.includes(duty.groupId)),
  );
}
