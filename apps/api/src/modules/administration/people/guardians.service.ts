// Guardians in the administrator's organisation's register: list,
// one guardian with their children, creation (linked to a student at once) and changes.
import { checkGuardian, type GuardianInput as GuardianInputArgs } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { requireAdministration, type Administration } from '../administration.access.ts';
import { recordChange, recordChanges, type RecordSnapshot } from '../administration.changes.ts';
import { refuse, type FieldProblem } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';
import { ACCOUNT_FIELDS, identityNumberPart, loginOf, searchWords, withUniqueAsProblem } from './people.shared.ts';
import { requireAdministeredStudent } from './students.service.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

export interface PersonListArgs {
  search?: string | null;
  sort?: { field: 'NAME' | 'CREATED'; direction: 'ASC' | 'DESC' } | null;
  page?: { offset?: number; limit?: number } | null;
}

export function personOrder(sort: PersonListArgs['sort']) {
  const dir = sort?.direction === 'DESC' ? ('desc' as const) : ('asc' as const);
  return sort?.field === 'CREATED'
    ? [{ createdAt: dir }, { id: 'asc' as const }]
    : [{ lastName: dir }, { firstName: dir }, { id: 'asc' as const }];
}

export async function administeredGuardians(ctx: RequestContext, args: PersonListArgs) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(args.page);
  const where: Prisma.GuardianWhereInput = {
    organisationId,
    AND: searchWords(args.search).map((word) => {
      const number = identityNumberPart(word);
      return {
        OR: [
          { firstName: { contains: word, mode: 'insensitive' } },
          { lastName: { contains: word, mode: 'insensitive' } },
          { email: { contains: word, mode: 'insensitive' } },
          ...(number ? [{ personalIdentityNumber: { contains: number } }, { mobilePhone: { contains: number.replace(/^0/, '') } }] : []),
        ],
      };
    }),
  };
  const [total, guardians] = await Promise.all([
    ctx.prisma.guardian.count({ where }),
    ctx.prisma.guardian.findMany({
      where,
      orderBy: personOrder(args.sort),
      skip,
      take,
      include: { _count: { select: { guardianships: true } } },
    }),
  ]);
  return {
    rows: guardians.map((guardian) => ({
      id: guardian.id,
      firstName: guardian.firstName,
      lastName: guardian.lastName,
      personalIdentityNumber: guardian.personalIdentityNumber,
      mobilePhone: guardian.mobilePhone,
      email: guardian.email,
      protectedIdentity: guardian.protectedIdentity,
      childCount: guardian._count.guardianships,
    })),
    pageInfo: { offset: skip, limit: take, total },
  };
}

async function loadGuardian(ctx: RequestContext, organisationId: string, id: string) {
  if (!isId(id)) throw notFound('Guardian');
  const guardian = await ctx.prisma.guardian.findFirst({
    where: { id, organisationId },
    include: {
      guardianships: {
        where: { student: { school: { organisationId } } },
        include: { student: { include: { school: { select: { id: true, name: true } } } } },
        orderBy: { student: { birthDate: 'asc' } },
      },
      account: { select: ACCOUNT_FIELDS },
    },
  });
  if (!guardian) throw notFound('Guardian');
  return guardian;
}

type LoadedGuardian = Awaited<ReturnType<typeof loadGuardian>>;

function guardianRecord(guardian: LoadedGuardian) {
  return {
    id: guardian.id,
    personalIdentityNumber: guardian.personalIdentityNumber,
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    mobilePhone: guardian.mobilePhone,
    email: guardian.email,
    streetAddress: guardian.streetAddress,
    postalCode: guardian.postalCode,
    city: guardian.city,
    protectedIdentity: guardian.protectedIdentity,
    children: guardian.guardianships.map(({ student }) => ({
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      personalIdentityNumber: student.personalIdentityNumber,
      school: student.school,
      protectedIdentity: student.protectedIdentity,
    })),
    login: loginOf(guardian.account),
  };
}

export async function administeredGuardian(ctx: RequestContext, id: string) {
  const { organisationId } = await requireAdministration(ctx);
  return guardianRecord(await loadGuardian(ctx, organisationId, id));
}

export const guardianSnapshot = (guardian: {
  personalIdentityNumber: string | null;
  firstName: string;
  lastName: string;
  mobilePhone: string | null;
  email: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: boolean;
}): RecordSnapshot => ({
  personalIdentityNumber: guardian.personalIdentityNumber,
  firstName: guardian.firstName,
  lastName: guardian.lastName,
  mobilePhone: guardian.mobilePhone,
  email: guardian.email,
  streetAddress: guardian.streetAddress,
  postalCode: guardian.postalCode,
  city: guardian.city,
  protectedIdentity: guardian.protectedIdentity,
});

async function checkedGuardianInput(ctx: RequestContext, organisationId: string, input: GuardianInputArgs, exceptId: string | null) {
  const checked = checkGuardian(input);
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  if (checked.ok && checked.value.personalIdentityNumber) {
    // Within the organisation only, as for students.
    const holder = await ctx.prisma.guardian.findUnique({
      where: { organisationId_personalIdentityNumber: { organisationId, personalIdentityNumber: checked.value.personalIdentityNumber } },
      select: { id: true },
    });
    if (holder && holder.id !== exceptId) problems.push({ field: 'personalIdentityNumber', code: 'DUPLICATE' });
  }
  if (problems.length > 0 || !checked.ok) throw refuse(problems);
  return checked.value;
}

const duplicateNumber = () => ({ field: 'personalIdentityNumber', code: 'DUPLICATE' });

/** A guardian is entered for a child: a new one is in the child's organisation's register and their guardian at once. */
export async function createGuardian(ctx: RequestContext, studentId: string, input: GuardianInputArgs) {
  const { administration, record: student } = await requireAdministeredStudent(ctx, studentId);
  const { organisationId } = administration;
  const value = await checkedGuardianInput(ctx, organisationId, input, null);
  const id = await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const guardian = await tx.guardian.create({ data: { ...value, organisationId } });
        await tx.guardianship.create({ data: { studentId: student.id, guardianId: guardian.id, organisationId } });
        await recordChanges({ ...ctx, prisma: tx }, await ensureAccountsOf(tx, 'GUARDIAN', [guardian]));
        const audited = { ...ctx, prisma: tx };
        await recordChange(audited, {
          entity: 'guardian',
          kind: 'created',
          entityId: guardian.id,
          before: null,
          after: guardianSnapshot(guardian),
        });
        await recordChange(audited, {
          entity: 'guardianship',
          kind: 'created',
          entityId: guardian.id,
          studentId: student.id,
          before: null,
          after: { studentId: student.id, guardianId: guardian.id },
        });
        return guardian.id;
      }),
    duplicateNumber,
  );
  return guardianRecord(await loadGuardian(ctx, administration.organisationId, id));
}

export async function updateGuardian(ctx: RequestContext, id: string, input: GuardianInputArgs) {
  const administration: Administration = await requireAdministration(ctx);
  const before = await loadGuardian(ctx, administration.organisationId, id);
  const value = await checkedGuardianInput(ctx, administration.organisationId, input, before.id);
  await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const after = await tx.guardian.update({ where: { id: before.id }, data: value });
        await recordChange(
          { ...ctx, prisma: tx },
          { entity: 'guardian', kind: 'updated', entityId: before.id, before: guardianSnapshot(before), after: guardianSnapshot(after) },
        );
      }),
    duplicateNumber,
  );
  return guardianRecord(await loadGuardian(ctx, administration.organisationId, before.id));
}
