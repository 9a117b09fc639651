// Rule 9, protected identity (skyddad personuppgift), for every list that names people others than the viewer:
// class lists, news recipients. The rule is the domain's (mayNameStudent, mayNameGuardian); this is the one
// place the API asks it, so a list filters its rows through here before it answers. The roll call is not filtered:
// whoever may take it, a substitute too, has the lesson as their duty and could not take it without the names.
import { mayNameGuardian, mayNameStudent } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { loadStudentFacts } from './access.service.ts';
import type { Viewer } from './viewer.ts';

export interface UnnameablePeople {
  students: ReadonlySet<string>;
  guardians: ReadonlySet<string>;
}

/**
 * Of these students and guardians, the protected ones the viewer may not name. Only protected people are
 * looked at further, so an ordinary list costs one small query.
 */
export async function unnameablePeople(
  ctx: Pick<RequestContext, 'prisma' | 'query' | 'today'>,
  viewer: Viewer,
  people: { studentIds?: readonly string[]; guardianIds?: readonly string[] },
): Promise<UnnameablePeople> {
  const [students, guardians] = await Promise.all([
    people.studentIds?.length
      ? ctx.prisma.student.findMany({ where: { id: { in: [...people.studentIds] }, protectedIdentity: true }, select: { id: true } })
      : [],
    people.guardianIds?.length
      ? ctx.prisma.guardian.findMany({
          where: { id: { in: [...people.guardianIds] }, protectedIdentity: true },
          select: { id: true, guardianships: { select: { studentId: true } } },
        })
      : [],
  ]);
  if (students.length === 0 && guardians.length === 0) return { students: new Set(), guardians: new Set() };
  const childIds = guardians.flatMap((guardian) => guardian.guardianships.map((link) => link.studentId));
  const facts = await loadStudentFacts(ctx, { ids: [...new Set([...students.map((student) => student.id), ...childIds])] });
  const factsOf = new Map(facts.map((fact) => [fact.id, fact]));
  return {
    students: new Set(
      students
        .filter((student) => {
          const fact = factsOf.get(student.id);
          return !fact || !mayNameStudent(viewer.facts, { ...fact, protectedIdentity: true }, ctx.today);
        })
        .map((student) => student.id),
    ),
    guardians: new Set(
      guardians
        .filter((guardian) => {
          const children = guardian.guardianships.flatMap((link) => factsOf.get(link.studentId) ?? []);
          return !mayNameGuardian(viewer.facts, { id: guardian.id, protectedIdentity: true, children }, ctx.today);
        })
        .map((guardian) => guardian.id),
    ),
  };
}
