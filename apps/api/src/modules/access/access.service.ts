// Loads the facts the domain's access rules need and applies them. Every service asks here;
// a refusal is the same NOT_FOUND as a missing record, so probing ids reveals nothing.
import {
  absenceReportAction,
  activeDuties,
  canAccessGroup,
  canAccessSchool,
  canAccessStudent,
  consentRefusal,
  guardianMaySee,
  type GroupAction,
  type GroupFacts,
  type SchoolAction,
  type SchoolFacts,
  type StudentAction,
  type StudentFacts,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { queryRows, type RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { isId } from './ids.ts';
import { requireViewer, type Viewer } from './viewer.ts';

export { isId } from './ids.ts';

/** Facts for access decisions about these students (`ids`), or a guardian's children, as of `today`. */
export async function loadStudentFacts(
  ctx: Pick<RequestContext, 'prisma' | 'query' | 'today'>,
  where: { ids: string[] } | { guardianId: string },
): Promise<StudentFacts[]> {
  const ids = 'ids' in where ? where.ids : null;
  const guardianId = 'guardianId' in where ? where.guardianId : null;
  // One statement whose plan is kept (migration student_facts); its columns are StudentFacts'.
  return queryRows<StudentFacts>(
    ctx,
    Prisma.sql`
    SELECT * FROM student_facts(${ids}::uuid[], ${guardianId}::uuid, ${ctx.today}::date)`,
  );
}

/** The students a student or guardian acts for: oneself, or the children one may see today. */
export async function ownStudents(ctx: RequestContext, viewer: Viewer): Promise<StudentFacts[]> {
  const { facts } = viewer;
  switch (facts.kind) {
    case 'STUDENT':
      return loadStudentFacts(ctx, { ids: [facts.studentId] });
    case 'GUARDIAN': {
      const children = await loadStudentFacts(ctx, { guardianId: facts.guardianId });
      return children.filter((child) => guardianMaySee(child, facts.guardianId, ctx.today));
    }
    case 'STAFF':
      return [];
  }
}

export async function authorizeStudent(
  ctx: RequestContext,
  studentId: string,
  action: StudentAction,
): Promise<{ viewer: Viewer; student: StudentFacts }> {
  const viewer = await requireViewer(ctx);
  if (!isId(studentId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [studentId] });
  if (!student || !canAccessStudent(viewer.facts, action, student, ctx.today)) throw notFound('Student');
  return { viewer, student };
}

/**
 * The logged-in student, when they may give and withdraw their guardians' access: FORBIDDEN for anyone but a
 * student, NOT_ADULT for a student under 18.
 */
export async function authorizeConsentManagement(ctx: RequestContext): Promise<{ viewer: Viewer; student: StudentFacts }> {
  const viewer = await requireViewer(ctx);
  const [student] = viewer.facts.kind === 'STUDENT' ? await loadStudentFacts(ctx, { ids: [viewer.facts.studentId] }) : [];
  const refusal = student ? consentRefusal(viewer.facts, student, ctx.today) : 'NOT_STUDENT';
  if (refusal === 'NOT_ADULT') throw appError('NOT_ADULT', "A student decides on their guardians' access from their 18th birthday");
  if (refusal !== null || !student) throw appError('FORBIDDEN', "Only the adult student decides on their guardians' access");
  return { viewer, student };
}

export const mayAccessStudent = (viewer: Viewer, action: StudentAction, student: StudentFacts, today: string): boolean =>
  canAccessStudent(viewer.facts, action, student, today);

/** Whether the viewer may report the student's absence: the home itself, or the mentor or an administrator for it. */
export const mayReportAbsence = (viewer: Viewer, student: StudentFacts, today: string): boolean =>
  canAccessStudent(viewer.facts, absenceReportAction(viewer.facts), student, today);

/** The student, when the viewer may report their absence (mayReportAbsence); NOT_FOUND otherwise. */
export async function authorizeAbsenceReport(ctx: RequestContext, studentId: string): Promise<{ viewer: Viewer; student: StudentFacts }> {
  const viewer = await requireViewer(ctx);
  return authorizeStudent(ctx, studentId, absenceReportAction(viewer.facts));
}

export async function authorizeGroup(
  ctx: RequestContext,
  groupId: string,
  action: GroupAction,
): Promise<{ viewer: Viewer; group: GroupFacts }> {
  const viewer = await requireViewer(ctx);
  if (!isId(groupId)) throw notFound('Group');
  const [group] = await loadGroupFacts(ctx, [groupId]);
  if (!group) throw notFound('Group');
  const own = await ownStudents(ctx, viewer);
  if (!canAccessGroup(viewer.facts, action, group, ctx.today, own)) throw notFound('Group');
  return { viewer, group };
}

/** Facts for access decisions about these groups: their school and its organisation. */
export async function loadGroupFacts(ctx: Pick<RequestContext, 'prisma'>, ids: string[]): Promise<GroupFacts[]> {
  const groups = await ctx.prisma.group.findMany({
    where: { id: { in: ids } },
    select: { id: true, schoolId: true, kind: true, school: { select: { organisationId: true } } },
  });
  return groups.map(({ school, ...group }) => ({ ...group, organisationId: school.organisationId }));
}

export async function mayAccessGroup(ctx: RequestContext, viewer: Viewer, action: GroupAction, group: GroupFacts): Promise<boolean> {
  return canAccessGroup(viewer.facts, action, group, ctx.today, await ownStudents(ctx, viewer));
}

/** The school, if the viewer may see its figures; otherwise NOT_FOUND, as for a school that does not exist. */
export async function authorizeSchool(ctx: RequestContext, schoolId: string, action: SchoolAction) {
  const viewer = await requireViewer(ctx);
  if (!isId(schoolId)) throw notFound('School');
  const school = await ctx.prisma.school.findUnique({ where: { id: schoolId } });
  if (!school || !canAccessSchool(viewer.facts, action, schoolFacts(school), ctx.today)) throw notFound('School');
  return { viewer, school };
}

export const schoolFacts = (school: { id: string; organisationId: string }): SchoolFacts => ({
  schoolId: school.id,
  organisationId: school.organisationId,
});

/** The schools whose figures the viewer may see (a principal's school, the administrator's organisation's), by name. */
export async function accessibleSchools(ctx: RequestContext, action: SchoolAction) {
  const viewer = await requireViewer(ctx);
  const schools = await ctx.prisma.school.findMany({ orderBy: { name: 'asc' } });
  return schools.filter((school) => canAccessSchool(viewer.facts, action, schoolFacts(school), ctx.today));
}

export const currentDuties = (viewer: Viewer, today: string) =>
  viewer.facts.kind === 'STAFF' ? activeDuties(viewer.facts.duties, today) : [];

/** The organisations the viewer administers today, to narrow a list in the database before the rules decide on each row. */
export const administeredOrganisationIds = (viewer: Viewer, today: string): string[] =>
  currentDuties(viewer, today).flatMap((duty) => (duty.kind === 'ADMINISTRATOR' && duty.organisationId ? [duty.organisationId] : []));
