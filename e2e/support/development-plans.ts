import type { APIRequestContext } from '@playwright/test';
import { apiLogin, graphql } from './app';

export interface ChildInMentorsClass {
  id: string;
  firstName: string;
  lastName: string;
  classId: string;
  className: string;
}

/**
 * The child of vardnadshavare in the demo mentor's class (the demo data chooses people by rules, not by
 * name, so the test asks the API which child that is).
 */
export async function childInMentorsClass(request: APIRequestContext): Promise<ChildInMentorsClass> {
  const me = await graphql<{
    me: { students: { id: string; firstName: string; lastName: string; classId: string | null; className: string | null }[] };
  }>(request, '{ me { students { id firstName lastName classId className } } }', {}, await apiLogin(request, 'vardnadshavare'));
  const mine = await graphql<{ myGroups: { id: string; kind: string }[] }>(
    request,
    '{ myGroups { id kind } }',
    {},
    await apiLogin(request, 'mentor'),
  );
  const classIds = new Set((mine.data?.myGroups ?? []).filter((group) => group.kind === 'CLASS').map((group) => group.id));
  const child = (me.data?.me.students ?? []).find((student) => student.classId !== null && classIds.has(student.classId));
  if (!child?.classId || !child.className) throw new Error("No child of vardnadshavare is in the demo mentor's class");
  return { id: child.id, firstName: child.firstName, lastName: child.lastName, classId: child.classId, className: child.className };
}
