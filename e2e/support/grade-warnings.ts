import type { APIRequestContext } from '@playwright/test';
import { apiLogin, graphql, type DemoUser } from './app';

export interface GuardiansChild {
  id: string;
  firstName: string;
  lastName: string;
  className: string | null;
}

export interface TeacherOfChild {
  teacher: DemoUser;
  groupId: string;
  child: GuardiansChild;
}

/**
 * A teaching group that one of the demo's teachers teaches and one of vardnadshavare's children belongs
 * to: the demo data chooses people by rules, not by name, so the test asks the API which pair it made.
 */
export async function teacherOfGuardiansChild(request: APIRequestContext): Promise<TeacherOfChild> {
  const guardian = await apiLogin(request, 'vardnadshavare');
  const me = await graphql<{ me: { students: GuardiansChild[] } }>(
    request,
    '{ me { students { id firstName lastName className } } }',
    {},
    guardian,
  );
  const children = me.data?.me.students ?? [];
  for (const teacher of ['larare', 'mentor'] as const) {
    const token = await apiLogin(request, teacher);
    const mine = await graphql<{ myGroups: { id: string; kind: string }[] }>(request, '{ myGroups { id kind } }', {}, token);
    for (const group of (mine.data?.myGroups ?? []).filter((candidate) => candidate.kind === 'TEACHING')) {
      const roster = await graphql<{ group: { students: { id: string }[] } }>(
        request,
        'query ($id: ID!) { group(id: $id) { students { id } } }',
        { id: group.id },
        token,
      );
      const child = children.find((candidate) => roster.data?.group.students.some((student) => student.id === candidate.id));
      if (child) return { teacher, groupId: group.id, child };
    }
  }
  throw new Error('No demo teacher teaches a child of vardnadshavare');
}
