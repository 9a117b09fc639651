// News (issue 6): information from the school to the home. The principal writes to the whole school or any of
// its groups; a mentor to their class. A teacher may also write to a teaching group they teach (a test moved, an
// excursion): the issue names the principal and mentors, but a teacher's group has no other channel home, and
// the group's members are exactly those the teacher already knows. Administrators may write anywhere in their
// organisation, as they may read all of it. A post goes to the guardians and/or the students of its school or group as they are
// today; a guardian of an adult student only with the student's consent (rule 2).
import { guardianMaySee, type StudentFacts } from './access/index.ts';

export const MAX_NEWS_TITLE_LENGTH = 120;
export const MAX_NEWS_BODY_LENGTH = 5000;

export type NewsProblem = 'NO_AUDIENCE' | 'TITLE_REQUIRED' | 'TITLE_TOO_LONG' | 'BODY_REQUIRED' | 'BODY_TOO_LONG' | 'NO_RECIPIENTS';

export interface NewsContent {
  title: string;
  body: string;
  toGuardians: boolean;
  toStudents: boolean;
}

function checkText(value: string, max: number, required: NewsProblem, tooLong: NewsProblem): NewsProblem[] {
  const text = value.trim();
  if (!text) return [required];
  return text.length > max ? [tooLong] : [];
}

/** A post has a title and a text within their limits, and goes to the guardians, the students or both. */
export function checkNewsPost(input: NewsContent): NewsProblem[] {
  return [
    ...(input.toGuardians || input.toStudents ? [] : (['NO_AUDIENCE'] as const)),
    ...checkText(input.title, MAX_NEWS_TITLE_LENGTH, 'TITLE_REQUIRED', 'TITLE_TOO_LONG'),
    ...checkText(input.body, MAX_NEWS_BODY_LENGTH, 'BODY_REQUIRED', 'BODY_TOO_LONG'),
  ];
}

export interface NewsAudience {
  schoolId: string;
  /** null: the whole school */
  groupId: string | null;
  toGuardians: boolean;
  toStudents: boolean;
}

/**
 * A student is in a post's school or group today: for a group, a member today; for a school, one of its
 * students who belongs to some group today (a student who has left every group has left the school).
 */
export function studentInAudience(post: Pick<NewsAudience, 'schoolId' | 'groupId'>, student: StudentFacts): boolean {
  if (post.groupId !== null) return student.groupIds.includes(post.groupId);
  return student.schoolId === post.schoolId && student.groupIds.length > 0;
}

/** The student receives the post. */
export function newsReachesStudent(post: NewsAudience, student: StudentFacts): boolean {
  return post.toStudents && studentInAudience(post, student);
}

/** The guardian receives the post for this child: a guardian the child's school may tell about the child today. */
export function newsReachesGuardian(post: NewsAudience, student: StudentFacts, guardianId: string, today: string): boolean {
  return post.toGuardians && studentInAudience(post, student) && guardianMaySee(student, guardianId, today);
}
