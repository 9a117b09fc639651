// groups (classes and teaching groups, with their members) and duties (the staff's duties).
import type { PrismaClient } from '@insyn/db';
import { SS12000_GROUP_TYPES, SS12000_SCHOOL_TYPES, ss12000Duty } from '@insyn/domain';
import { isoDate } from '../access/viewer.ts';
import { meta, reference, visiblePerson, type ExportScope } from './export-scope.ts';
import { modifiedWhere, page, pageWhere, take, type ListQuery } from './paging.ts';

export async function exportGroups(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const groups = await prisma.group.findMany({
    where: { school: { organisationId: scope.organisationId }, ...pageWhere(query), ...modifiedWhere(query) },
    orderBy: { id: 'asc' },
    take: take(query),
    select: {
      id: true,
      name: true,
      kind: true,
      schoolId: true,
      createdAt: true,
      modifiedAt: true,
      school: { select: { form: true } },
      schoolYear: { select: { startDate: true, endDate: true } },
      memberships: {
        where: { student: visiblePerson(scope) },
        orderBy: [{ validFrom: 'asc' }, { studentId: 'asc' }],
        select: { studentId: true, validFrom: true, validTo: true },
      },
    },
  });
  return page(
    'groups',
    query,
    groups.map((group) => ({
      id: group.id,
      meta: meta(group.createdAt, group.modifiedAt),
      displayName: group.name,
      startDate: isoDate(group.schoolYear.startDate),
      endDate: isoDate(group.schoolYear.endDate),
      groupType: SS12000_GROUP_TYPES[group.kind],
      schoolType: SS12000_SCHOOL_TYPES[group.school.form],
      organisation: reference(group.schoolId),
      groupMemberships: group.memberships.map((membership) => ({
        person: reference(membership.studentId),
        startDate: isoDate(membership.validFrom),
        ...(membership.validTo ? { endDate: isoDate(membership.validTo) } : {}),
      })),
    })),
  );
}

export async function exportDuties(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const duties = await prisma.staffDuty.findMany({
    where: { staff: { organisationId: scope.organisationId }, ...pageWhere(query), ...modifiedWhere(query) },
    orderBy: { id: 'asc' },
    take: take(query),
    select: {
      id: true,
      kind: true,
      staffId: true,
      schoolId: true,
      groupId: true,
      validFrom: true,
      validTo: true,
      createdAt: true,
      modifiedAt: true,
      staff: { select: { signature: true } },
      group: { select: { schoolId: true } },
    },
  });
  return page(
    'duties',
    query,
    duties.map((duty) => {
      const role = ss12000Duty(duty.kind);
      const dutyAt = role.atOrganisation ? scope.organisationId : (duty.schoolId ?? duty.group?.schoolId ?? scope.organisationId);
      return {
        id: duty.id,
        meta: meta(duty.createdAt, duty.modifiedAt),
        person: reference(duty.staffId),
        dutyAt: reference(dutyAt),
        dutyRole: role.dutyRole,
        signature: duty.staff.signature,
        startDate: isoDate(duty.validFrom),
        ...(duty.validTo ? { endDate: isoDate(duty.validTo) } : {}),
        ...(role.mentor && duty.groupId ? { assignmentRole: [{ group: reference(duty.groupId), assignmentRoleType: 'Mentor' }] } : {}),
      };
    }),
  );
}
