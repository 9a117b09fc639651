// syllabuses: Insyn's subjects, each the syllabus an activity teaches (its subject code and name).
import type { PrismaClient } from '@insyn/db';
import { meta, type ExportScope } from './export-scope.ts';
import { modifiedWhere, page, pageWhere, take, type ListQuery } from './paging.ts';

export async function exportSyllabuses(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const subjects = await prisma.subject.findMany({
    where: { organisationId: scope.organisationId, ...pageWhere(query), ...modifiedWhere(query) },
    orderBy: { id: 'asc' },
    take: take(query),
    select: { id: true, code: true, nameSv: true, createdAt: true, modifiedAt: true },
  });
  return page(
    'syllabuses',
    query,
    subjects.map((subject) => ({
      id: subject.id,
      meta: meta(subject.createdAt, subject.modifiedAt),
      subjectCode: subject.code,
      subjectName: subject.nameSv,
    })),
  );
}
