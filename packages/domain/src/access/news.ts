// Who posts news where, and who follows a post up.
import { dutyCoversSchool, staffDuties, type GroupFacts, type SchoolFacts, type ViewerFacts } from './records.ts';

/** Where a post goes: a whole school (group null) or one of its groups. */
export interface NewsTarget extends SchoolFacts {
  group: GroupFacts | null;
}

/** The principal and the organisation's administrators anywhere in the school; a mentor to their class; a teacher to their teaching group. */
export function mayPostNews(viewer: ViewerFacts, target: NewsTarget, today: string): boolean {
  const { group } = target;
  if (group && group.schoolId !== target.schoolId) return false;
  return staffDuties(viewer, today).some((duty) => {
    switch (duty.kind) {
      case 'ADMINISTRATOR':
      case 'PRINCIPAL':
        return dutyCoversSchool(duty, target);
      case 'MENTOR':
        return group !== null && group.kind === 'CLASS' && duty.groupId === group.id;
      case 'TEACHER':
        return group !== null && group.kind === 'TEACHING' && duty.groupId === group.id;
    }
  });
}

/** Who follows up a post (its recipients and who has read it): the author, the school's principal, administrators. */
export function mayFollowNews(viewer: ViewerFacts, post: SchoolFacts & { authorStaffId: string }, today: string): boolean {
  if (viewer.kind !== 'STAFF') return false;
  return post.authorStaffId === viewer.staffId || staffDuties(viewer, today).some((duty) => dutyCoversSchool(duty, post));
}
