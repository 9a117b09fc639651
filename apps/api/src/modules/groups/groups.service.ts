import { canAccessGroup } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import {
  administeredOrganisationIds,
  authorizeGroup,
  authorizeStudent,
  currentDuties,
  mayAccessGroup,
  ownStudents,
} from '../access/access.service.ts';
import { requireViewer } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { unnameablePeople } from '../access/protected-identity.ts';
import { dateValue, inForceOn } from '../access/validity.ts';

const onDay = (today: string) => inForceOn(dateValue(today));

const mentorOf = (staff: { id: string; firstName: string; lastName: string; email: string | null }) => ({
  id: staff.id,
  name: `${staff.firstName} ${staff.lastName}`,
  email: staff.email,
});

/** A class or teaching group with its current members and mentors; personnummer only for roles that need them. */
export async function getGroup(ctx: RequestContext, groupId: string) {
  const { viewer, group: facts } = await authorizeGroup(ctx, groupId, 'group:readRoster');
  const showIdentityNumbers = await mayAccessGroup(ctx, viewer, 'group:readIdentityNumbers', facts);
  const group = await ctx.prisma.group.findUniqueOrThrow({
    where: { id: groupId },
    include: {
      school: { select: { name: true } },
      memberships: {
        where: onDay(ctx.today),
        include: { student: { select: { id: true, firstName: true, lastName: true, personalIdentityNumber: true } } },
      },
      duties: {
        where: { kind: 'MENTOR', ...onDay(ctx.today) },
        include: { staff: { select: { id: true, firstName: true, lastName: true, email: true } } },
      },
    },
  });
  const unnameable = await unnameablePeople(ctx, viewer, { studentIds: group.memberships.map(({ student }) => student.id) });
  const students = group.memberships
    .filter(({ student }) => !unnameable.students.has(student.id))
    .map(({ student }) => ({ ...student, personalIdentityNumber: showIdentityNumbers ? student.personalIdentityNumber : null }))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv'));
  await audit(ctx, 'group.readRoster', {
    entityType: 'Group',
    entityId: groupId,
    details: { students: students.length, identityNumbersShown: showIdentityNumbers },
  });
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    yearLevel: group.yearLevel,
    schoolName: group.school.name,
    mentors: group.duties.map(({ staff }) => mentorOf(staff)),
    students,
  };
}

/**
 * The groups a viewer can open: staff their duty groups (principals and administrators the classes
 * of their schools), students their own groups, guardians their children's classes.
 */
export async function myGroups(ctx: RequestContext) {
  const viewer = await requireViewer(ctx);
  const own = await ownStudents(ctx, viewer);
  let where: Prisma.GroupWhereInput;
  if (viewer.facts.kind === 'STAFF') {
    const duties = currentDuties(viewer, ctx.today);
    const schoolIds = duties.flatMap((duty) => (duty.kind === 'PRINCIPAL' && duty.schoolId ? [duty.schoolId] : []));
    const groupIds = duties.flatMap((duty) => (duty.groupId ? [duty.groupId] : []));
    where = {
      OR: [
        { id: { in: groupIds } },
        { kind: 'CLASS', schoolId: { in: schoolIds } },
        { kind: 'CLASS', school: { organisationId: { in: administeredOrganisationIds(viewer, ctx.today) } } },
      ],
    };
  } else {
    const groupIds = own.flatMap((student) => student.groupIds);
    where = viewer.facts.kind === 'GUARDIAN' ? { id: { in: groupIds }, kind: 'CLASS' } : { id: { in: groupIds } };
  }
  const groups = await ctx.prisma.group.findMany({
    where,
    include: { school: { select: { name: true, organisationId: true } }, _count: { select: { memberships: { where: onDay(ctx.today) } } } },
    orderBy: [{ school: { name: 'asc' } }, { kind: 'asc' }, { yearLevel: 'asc' }, { name: 'asc' }],
  });
  // The query narrows; the rule decides, as for one group.
  const listed = groups.filter((group) =>
    canAccessGroup(viewer.facts, 'group:readRoster', { ...group, organisationId: group.school.organisationId }, ctx.today, own),
  );
  return listed.map((group) => ({
    id: group.id,
    name: group.name,
    kind: group.kind,
    schoolName: group.school.name,
    studentCount: group._count.memberships,
  }));
}

/** The mentors of the student's class today, by name: whom the home asks about an absence or the school day. */
export async function studentMentors(ctx: RequestContext, studentId: string) {
  const { student } = await authorizeStudent(ctx, studentId, 'student:read');
  const duties = await ctx.prisma.staffDuty.findMany({
    where: { kind: 'MENTOR', groupId: { in: [...student.groupIds] }, group: { kind: 'CLASS' }, ...onDay(ctx.today) },
    select: { staff: { select: { id: true, firstName: true, lastName: true, email: true } } },
    orderBy: [{ staff: { lastName: 'asc' } }, { staff: { firstName: 'asc' } }],
  });
  // A mentor with two duties for the class (one ending, one beginning) is named once.
  return [...new Map(duties.map(({ staff }) => [staff.id, mentorOf(staff)])).values()];
}
