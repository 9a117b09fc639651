import { isAdultOn } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { authorizeStudent, mayAccessStudent } from '../access/access.service.ts';
import { isoDate, type Viewer } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { dateValue, inForceOn } from '../access/validity.ts';

export interface StudentSummary {
  id: string;
  firstName: string;
  lastName: string;
  className: string | null;
  classId: string | null;
  schoolName: string;
}

/** Name, class and school of students the caller has already been allowed to see. */
export async function studentSummaries(ctx: RequestContext, ids: string[]): Promise<StudentSummary[]> {
  if (ids.length === 0) return [];
  const day = dateValue(ctx.today);
  const students = await ctx.prisma.student.findMany({
    where: { id: { in: ids } },
    orderBy: [{ birthDate: 'desc' }, { firstName: 'asc' }],
    include: {
      school: { select: { name: true } },
      memberships: {
        where: { group: { kind: 'CLASS' }, ...inForceOn(day) },
        include: { group: { select: { id: true, name: true } } },
        take: 1,
      },
    },
  });
  return students.map((student) => {
    const homeClass = student.memberships[0]?.group;
    return {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      className: homeClass?.name ?? null,
      classId: homeClass?.id ?? null,
      schoolName: student.school.name,
    };
  });
}

export async function getStudent(ctx: RequestContext, studentId: string) {
  const { viewer, student: facts } = await authorizeStudent(ctx, studentId, 'student:read');
  const [summary] = await studentSummaries(ctx, [studentId]);
  const showIdentityNumber = mayAccessStudent(viewer, 'student:readIdentityNumber', facts, ctx.today);
  const record = await ctx.prisma.student.findUniqueOrThrow({
    where: { id: studentId },
    select: { personalIdentityNumber: true, birthDate: true },
  });
  await audit(ctx, 'student.read', {
    studentId,
    entityType: 'Student',
    entityId: studentId,
    details: { identityNumberShown: showIdentityNumber },
  });
  return {
    ...(summary as StudentSummary),
    personalIdentityNumber: showIdentityNumber ? record.personalIdentityNumber : null,
    isAdult: isAdultOn(isoDate(record.birthDate), ctx.today),
  };
}

/** Whether the viewer is a student of age (the viewer's own record: nothing to authorise, nothing to log). */
export async function isAdultStudent(ctx: RequestContext, viewer: Viewer): Promise<boolean> {
  if (viewer.facts.kind !== 'STUDENT') return false;
  const student = await ctx.prisma.student.findUniqueOrThrow({ where: { id: viewer.facts.studentId }, select: { birthDate: true } });
  return isAdultOn(isoDate(student.birthDate), ctx.today);
}
