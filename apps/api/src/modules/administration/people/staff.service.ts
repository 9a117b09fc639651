// Staff of the administrator's organisation and their dated duties (teacher of a teaching group, mentor of a
// class, principal of a school, administrator of the organisation).
import { checkDateRange, checkDutyTarget, checkStaff, type DutyKindName, type StaffInput as StaffInputArgs } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { dateValue, inForceOn } from '../../access/validity.ts';
import { administeredRecord, requireAdministration } from '../administration.access.ts';
import { recordChange, recordChanges, type RecordSnapshot } from '../administration.changes.ts';
import { refuse, refuseIfAny, type FieldProblem } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';
import { personOrder, type PersonListArgs } from './guardians.service.ts';
import { ACCOUNT_FIELDS, isoDate, isoDateOrNull, loginOf, searchWords, withUniqueAsProblem } from './people.shared.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

export async function administeredStaff(ctx: RequestContext, args: PersonListArgs) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(args.page);
  const where: Prisma.StaffWhereInput = {
    organisationId,
    AND: searchWords(args.search).map((word) => ({
      OR: [
        { firstName: { contains: word, mode: 'insensitive' } },
        { lastName: { contains: word, mode: 'insensitive' } },
        { signature: { contains: word, mode: 'insensitive' } },
        { email: { contains: word, mode: 'insensitive' } },
      ],
    })),
  };
  const [total, staff] = await Promise.all([
    ctx.prisma.staff.count({ where }),
    ctx.prisma.staff.findMany({
      where,
      orderBy: personOrder(args.sort),
      skip,
      take,
      include: { duties: { where: inForceOn(dateValue(ctx.today)), select: { kind: true } } },
    }),
  ]);
  return {
    rows: staff.map((member) => ({
      id: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      signature: member.signature,
      email: member.email,
      currentDutyKinds: [...new Set(member.duties.map((duty) => duty.kind))].sort(),
    })),
    pageInfo: { offset: skip, limit: take, total },
  };
}

const staffInclude = {
  duties: {
    include: {
      school: { select: { id: true, name: true } },
      group: { select: { id: true, name: true, kind: true, school: { select: { name: true } } } },
    },
    orderBy: [{ validFrom: 'desc' }, { kind: 'asc' }],
  },
  account: { select: ACCOUNT_FIELDS },
} satisfies Prisma.StaffInclude;

const loadStaff = (ctx: RequestContext, id: string) => ctx.prisma.staff.findUnique({ where: { id }, include: staffInclude });

function staffRecord(staff: NonNullable<Awaited<ReturnType<typeof loadStaff>>>) {
  return {
    id: staff.id,
    firstName: staff.firstName,
    lastName: staff.lastName,
    signature: staff.signature,
    email: staff.email,
    duties: staff.duties.map((duty) => ({
      id: duty.id,
      kind: duty.kind,
      school: duty.school,
      group: duty.group ? { id: duty.group.id, name: duty.group.name, kind: duty.group.kind, schoolName: duty.group.school.name } : null,
      validFrom: isoDate(duty.validFrom),
      validTo: isoDateOrNull(duty.validTo),
    })),
    login: loginOf(staff.account),
  };
}

export async function requireAdministeredStaff(ctx: RequestContext, id: string) {
  return administeredRecord(ctx, 'Staff member', id, (staffId) => loadStaff(ctx, staffId));
}

export async function administeredStaffMember(ctx: RequestContext, id: string) {
  const { record } = await requireAdministeredStaff(ctx, id);
  return staffRecord(record);
}

export const staffSnapshot = (staff: { firstName: string; lastName: string; signature: string; email: string | null }): RecordSnapshot => ({
  firstName: staff.firstName,
  lastName: staff.lastName,
  signature: staff.signature,
  email: staff.email,
});

async function checkedStaffInput(ctx: RequestContext, organisationId: string, input: StaffInputArgs, exceptId: string | null) {
  const checked = checkStaff(input);
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  if (checked.ok) {
    const holder = await ctx.prisma.staff.findUnique({
      where: { organisationId_signature: { organisationId, signature: checked.value.signature } },
      select: { id: true },
    });
    if (holder && holder.id !== exceptId) problems.push({ field: 'signature', code: 'DUPLICATE' });
  }
  if (problems.length > 0 || !checked.ok) throw refuse(problems);
  return checked.value;
}

const duplicateSignature = () => ({ field: 'signature', code: 'DUPLICATE' });

export async function createStaff(ctx: RequestContext, input: StaffInputArgs) {
  const { organisationId } = await requireAdministration(ctx);
  const value = await checkedStaffInput(ctx, organisationId, input, null);
  const id = await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const staff = await tx.staff.create({ data: { ...value, organisationId } });
        await recordChanges({ ...ctx, prisma: tx }, await ensureAccountsOf(tx, 'STAFF', [staff]));
        await recordChange(
          { ...ctx, prisma: tx },
          { entity: 'staff', kind: 'created', entityId: staff.id, before: null, after: staffSnapshot(staff) },
        );
        return staff.id;
      }),
    duplicateSignature,
  );
  return administeredStaffMember(ctx, id);
}

export async function updateStaff(ctx: RequestContext, id: string, input: StaffInputArgs) {
  const { administration, record } = await requireAdministeredStaff(ctx, id);
  const value = await checkedStaffInput(ctx, administration.organisationId, input, record.id);
  await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const after = await tx.staff.update({ where: { id: record.id }, data: value });
        await recordChange(
          { ...ctx, prisma: tx },
          { entity: 'staff', kind: 'updated', entityId: record.id, before: staffSnapshot(record), after: staffSnapshot(after) },
        );
      }),
    duplicateSignature,
  );
  return administeredStaffMember(ctx, record.id);
}

export interface StaffDutyInputArgs {
  kind: DutyKindName;
  schoolId?: string | null;
  groupId?: string | null;
  validFrom: string;
  validTo?: string | null;
}

export const dutySnapshot = (duty: {
  staffId: string;
  kind: string;
  schoolId: string | null;
  groupId: string | null;
  validFrom: Date;
  validTo: Date | null;
}): RecordSnapshot => ({
  staffId: duty.staffId,
  kind: duty.kind,
  schoolId: duty.schoolId,
  groupId: duty.groupId,
  validFrom: isoDate(duty.validFrom),
  validTo: isoDateOrNull(duty.validTo),
});

/**
 * A dated duty. The school or group must be the organisation's (UNKNOWN otherwise, as for one that does not
 * exist), of the kind the duty needs (WRONG_GROUP_KIND), and the duty may not end before it starts.
 */
export async function addStaffDuty(ctx: RequestContext, staffId: string, input: StaffDutyInputArgs) {
  const { administration, record } = await requireAdministeredStaff(ctx, staffId);
  const { organisationId } = administration;
  const problems: FieldProblem[] = [];
  const school = input.schoolId
    ? isId(input.schoolId)
      ? await ctx.prisma.school.findFirst({ where: { id: input.schoolId, organisationId }, select: { id: true } })
      : null
    : null;
  if (input.schoolId && !school) problems.push({ field: 'schoolId', code: 'UNKNOWN' });
  const group = input.groupId
    ? isId(input.groupId)
      ? await ctx.prisma.group.findFirst({ where: { id: input.groupId, school: { organisationId } }, select: { id: true, kind: true } })
      : null
    : null;
  if (input.groupId && !group) problems.push({ field: 'groupId', code: 'UNKNOWN' });
  problems.push(
    ...checkDutyTarget(input.kind, {
      schoolId: input.schoolId ?? null,
      groupId: input.groupId ?? null,
      groupKind: group?.kind ?? null,
    }).filter((problem) => !problems.some((known) => known.field === problem.field)),
  );
  problems.push(...checkDateRange(input.validFrom, input.validTo));
  refuseIfAny(problems);
  await ctx.prisma.$transaction(async (tx) => {
    const duty = await tx.staffDuty.create({
      data: {
        staffId: record.id,
        kind: input.kind,
        schoolId: school?.id ?? null,
        groupId: group?.id ?? null,
        validFrom: dateValue(input.validFrom),
        validTo: input.validTo ? dateValue(input.validTo) : null,
      },
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'staffDuty', kind: 'created', entityId: duty.id, before: null, after: dutySnapshot(duty) },
    );
  });
  return administeredStaffMember(ctx, record.id);
}

/** Ends a duty with its last day; the history stays. */
export async function endStaffDuty(ctx: RequestContext, dutyId: string, validTo: string) {
  const { organisationId } = await requireAdministration(ctx);
  if (!isId(dutyId)) throw notFound('Duty');
  const duty = await ctx.prisma.staffDuty.findFirst({ where: { id: dutyId, staff: { organisationId } } });
  if (!duty) throw notFound('Duty');
  refuseIfAny(checkDateRange(isoDate(duty.validFrom), validTo).map((problem) => ({ ...problem, field: 'validTo' })));
  await ctx.prisma.$transaction(async (tx) => {
    const after = await tx.staffDuty.update({ where: { id: duty.id }, data: { validTo: dateValue(validTo) } });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'staffDuty', kind: 'ended', entityId: duty.id, before: dutySnapshot(duty), after: dutySnapshot(after) },
    );
  });
  return administeredStaffMember(ctx, duty.staffId);
}

/** Groups of school years not yet over, for the duty form and the class filter. */
export async function groupChoices(ctx: RequestContext, schoolId: string | null | undefined) {
  const { organisationId } = await requireAdministration(ctx);
  const groups = await ctx.prisma.group.findMany({
    where: {
      school: { organisationId },
      ...(schoolId ? { schoolId: isId(schoolId) ? schoolId : '00000000-0000-4000-8000-000000000000' } : {}),
      schoolYear: { endDate: { gte: dateValue(ctx.today) } },
    },
    include: { school: { select: { name: true } } },
    orderBy: [{ school: { name: 'asc' } }, { kind: 'asc' }, { name: 'asc' }],
  });
  return groups.map((group) => ({ id: group.id, name: group.name, kind: group.kind, schoolName: group.school.name }));
}
