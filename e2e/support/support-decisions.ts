import type { APIRequestContext } from '@playwright/test';
import { apiLogin, graphql } from './app';

/** A small PDF as a word processor would save it, only shorter. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface RektorsChild {
  id: string;
  firstName: string;
  lastName: string;
  classId: string;
}

/** The child of vardnadshavare for whom rektor records decisions (the demo chooses people by rules, not by name). */
export async function childAtRektorsSchool(request: APIRequestContext): Promise<RektorsChild> {
  const guardian = await apiLogin(request, 'vardnadshavare');
  const me = await graphql<{ me: { students: (Omit<RektorsChild, 'classId'> & { classId: string | null })[] } }>(
    request,
    '{ me { students { id firstName lastName classId } } }',
    {},
    guardian,
  );
  const principal = await apiLogin(request, 'rektor');
  for (const child of me.data?.me.students ?? []) {
    const listed = await graphql<{ studentSupportDecisions: { canRecord: boolean } }>(
      request,
      'query ($id: ID!) { studentSupportDecisions(studentId: $id) { canRecord } }',
      { id: child.id },
      principal,
    );
    if (listed.data?.studentSupportDecisions.canRecord && child.classId) return { ...child, classId: child.classId };
  }
  throw new Error('rektor records decisions for no child of vardnadshavare');
}

/** The child of vardnadshavare whom the demo gives support decisions (the one in school year 1 or later). */
export async function childWithSupportDecisions(request: APIRequestContext): Promise<{ id: string }> {
  const guardian = await apiLogin(request, 'vardnadshavare');
  const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, guardian);
  for (const child of me.data?.me.students ?? []) {
    const listed = await graphql<{ studentSupportDecisions: { decisions: { id: string }[] } }>(
      request,
      'query ($id: ID!) { studentSupportDecisions(studentId: $id) { decisions { id } } }',
      { id: child.id },
      guardian,
    );
    if ((listed.data?.studentSupportDecisions.decisions.length ?? 0) > 0) return child;
  }
  throw new Error('no child of vardnadshavare has support decisions');
}
