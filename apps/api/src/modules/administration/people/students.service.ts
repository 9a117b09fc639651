// Students of the administrator's organisation: the searchable list, one student with all their relations,
// creation and changes (personnummer checked, birth date read from it), and the guardians linked to them.
import { checkStudent, inForce, leavingMemberships, leftOn, type StudentInput as CheckedStudentInput } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { dateValue, inForceOn } from '../../access/validity.ts';
import { administeredRecord, requireAdministration } from '../administration.access.ts';
import { recordChange, recordChanges, type RecordSnapshot } from '../administration.changes.ts';
import { refuse, type FieldProblem } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';
import { membershipSnapshot } from '../groups/groups.service.ts';
import { ACCOUNT_FIELDS, identityNumberPart, isoDate, isoDateOrNull, loginOf, searchWords, withUniqueAsProblem } from './people.shared.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

type Direction = 'ASC' | 'DESC';

export interface StudentListArgs {
  filter?: { search?: string | null; schoolId?: string | null; classId?: string | null } | null;
  sort?: { field: 'NAME' | 'PERSONAL_IDENTITY_NUMBER' | 'SCHOOL' | 'BIRTH_DATE'; direction: Direction } | null;
  page?: { offset?: number; limit?: number } | null;
}

function studentOrder(sort: StudentListArgs['sort']): Prisma.StudentOrderByWithRelationInput[] {
  const dir = sort?.direction === 'DESC' ? 'desc' : 'asc';
  const byName: Prisma.StudentOrderByWithRelationInput[] = [{ lastName: dir }, { firstName: dir }];
  switch (sort?.field ?? 'NAME') {
    case 'NAME':
      return [...byName, { id: 'asc' }];
    case 'PERSONAL_IDENTITY_NUMBER':
      return [{ personalIdentityNumber: dir }];
    case 'SCHOOL':
      return [{ school: { name: dir } }, ...byName, { id: 'asc' }];
    case 'BIRTH_DATE':
      return [{ birthDate: dir }, ...byName, { id: 'asc' }];
  }
}

/** Ids that are not ids match nothing, as an id of another organisation does. */
const idOrNone = (id: string): string => (isId(id) ? id : '00000000-0000-4000-8000-000000000000');

export async function administeredStudents(ctx: RequestContext, args: StudentListArgs) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(args.page);
  const today = inForceOn(dateValue(ctx.today));
  const where: Prisma.StudentWhereInput = {
    organisationId,
    ...(args.filter?.schoolId ? { schoolId: idOrNone(args.filter.schoolId) } : {}),
    ...(args.filter?.classId ? { memberships: { some: { groupId: idOrNone(args.filter.classId), ...today } } } : {}),
    AND: searchWords(args.filter?.search).map((word) => {
      const number = identityNumberPart(word);
      return {
        OR: [
          { firstName: { contains: word, mode: 'insensitive' } },
          { lastName: { contains: word, mode: 'insensitive' } },
          ...(number ? [{ personalIdentityNumber: { contains: number } }] : []),
        ],
      };
    }),
  };
  // The page's ids first, then their rows: sorted by a joined column (the school's name), a single query would
  // build every student's class and school before sorting and cutting the page (90 ms for 10 000 students).
  const [total, page] = await Promise.all([
    ctx.prisma.student.count({ where }),
    ctx.prisma.student.findMany({ where, orderBy: studentOrder(args.sort), skip, take, select: { id: true } }),
  ]);
  const rowsById = new Map(
    (
      await ctx.prisma.student.findMany({
        where: { id: { in: page.map((row) => row.id) } },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          personalIdentityNumber: true,
          birthDate: true,
          protectedIdentity: true,
          school: { select: { id: true, name: true } },
          // Every one: the class today, or the day the student left.
          memberships: { select: { validFrom: true, validTo: true, group: { select: { name: true, kind: true } } } },
        },
      })
    ).map((row) => [row.id, row]),
  );
  const students = page.flatMap((row) => rowsById.get(row.id) ?? []);
  return {
    rows: students.map(({ memberships, birthDate, ...student }) => {
      const spans = memberships.map(spanOf);
      const classToday = memberships.find((membership, index) => membership.group.kind === 'CLASS' && inForce(spans[index]!, ctx.today));
      return {
        ...student,
        birthDate: isoDate(birthDate),
        className: classToday?.group.name ?? null,
        leftOn: leftOn(spans, ctx.today),
      };
    }),
    pageInfo: { offset: skip, limit: take, total },
  };
}

const studentInclude = {
  school: { select: { id: true, name: true } },
  guardianships: { include: { guardian: true }, orderBy: { createdAt: 'asc' } },
  memberships: { include: { group: { select: { id: true, name: true, kind: true } } }, orderBy: { validFrom: 'desc' } },
  account: { select: ACCOUNT_FIELDS },
} satisfies Prisma.StudentInclude;

type LoadedStudent = Prisma.StudentGetPayload<{ include: typeof studentInclude }>;

/** A membership's dates as the domain rules take them. */
const spanOf = (membership: { validFrom: Date; validTo: Date | null }) => ({
  validFrom: isoDate(membership.validFrom),
  validTo: isoDateOrNull(membership.validTo),
});

const loadStudent = (ctx: RequestContext, id: string) => ctx.prisma.student.findUnique({ where: { id }, include: studentInclude });

function studentRecord(student: LoadedStudent, today: string) {
  return {
    id: student.id,
    personalIdentityNumber: student.personalIdentityNumber,
    firstName: student.firstName,
    lastName: student.lastName,
    birthDate: isoDate(student.birthDate),
    programmeCode: student.programmeCode,
    protectedIdentity: student.protectedIdentity,
    school: { id: student.school.id, name: student.school.name },
    guardians: student.guardianships.map(({ guardian }) => ({
      id: guardian.id,
      firstName: guardian.firstName,
      lastName: guardian.lastName,
      mobilePhone: guardian.mobilePhone,
      email: guardian.email,
      protectedIdentity: guardian.protectedIdentity,
    })),
    memberships: student.memberships.map((membership) => ({
      groupId: membership.group.id,
      groupName: membership.group.name,
      kind: membership.group.kind,
      validFrom: isoDate(membership.validFrom),
      validTo: isoDateOrNull(membership.validTo),
    })),
    leftOn: leftOn(student.memberships.map(spanOf), today),
    login: loginOf(student.account),
  };
}

/** A student of the organisation; another organisation's is NOT_FOUND, as a made-up id. */
export async function requireAdministeredStudent(ctx: RequestContext, id: string) {
  return administeredRecord(ctx, 'Student', id, (studentId) => loadStudent(ctx, studentId));
}

export async function administeredStudent(ctx: RequestContext, id: string) {
  const { record } = await requireAdministeredStudent(ctx, id);
  return studentRecord(record, ctx.today);
}

/** The fields an audit row keeps of a student. */
export const studentSnapshot = (student: {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  birthDate: Date | string;
  schoolId: string;
  programmeCode: string | null;
  protectedIdentity: boolean;
}): RecordSnapshot => ({
  personalIdentityNumber: student.personalIdentityNumber,
  firstName: student.firstName,
  lastName: student.lastName,
  birthDate: typeof student.birthDate === 'string' ? student.birthDate : isoDate(student.birthDate),
  schoolId: student.schoolId,
  programmeCode: student.programmeCode,
  protectedIdentity: student.protectedIdentity,
});

export interface StudentInputArgs extends CheckedStudentInput {
  schoolId: string;
}

/** Every problem of the input, the school and the personnummer's uniqueness checked against the database. */
async function checkedStudentInput(ctx: RequestContext, organisationId: string, input: StudentInputArgs, exceptId: string | null) {
  const checked = checkStudent(input);
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  const school = isId(input.schoolId)
    ? await ctx.prisma.school.findFirst({ where: { id: input.schoolId, organisationId }, select: { id: true } })
    : null;
  if (!school) problems.push({ field: 'schoolId', code: input.schoolId.trim() ? 'UNKNOWN' : 'REQUIRED' });
  if (checked.ok) {
    // Within the organisation only: whether another organisation has the person is not this one's to learn.
    const holder = await ctx.prisma.student.findUnique({
      where: { organisationId_personalIdentityNumber: { organisationId, personalIdentityNumber: checked.value.personalIdentityNumber } },
      select: { id: true },
    });
    if (holder && holder.id !== exceptId) problems.push({ field: 'personalIdentityNumber', code: 'DUPLICATE' });
  }
  if (problems.length > 0 || !checked.ok || !school) throw refuse(problems);
  return { ...checked.value, schoolId: school.id, organisationId };
}

const duplicateNumber = () => ({ field: 'personalIdentityNumber', code: 'DUPLICATE' });

export async function createStudent(ctx: RequestContext, input: StudentInputArgs) {
  const { organisationId } = await requireAdministration(ctx);
  const value = await checkedStudentInput(ctx, organisationId, input, null);
  const id = await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const student = await tx.student.create({ data: { ...value, birthDate: dateValue(value.birthDate) } });
        await recordChanges({ ...ctx, prisma: tx }, await ensureAccountsOf(tx, 'STUDENT', [student]));
        await recordChange(
          { ...ctx, prisma: tx },
          {
            entity: 'student',
            kind: 'created',
            entityId: student.id,
            studentId: student.id,
            before: null,
            after: studentSnapshot(student),
          },
        );
        return student.id;
      }),
    duplicateNumber,
  );
  return administeredStudent(ctx, id);
}

export async function updateStudent(ctx: RequestContext, id: string, input: StudentInputArgs) {
  const { administration, record } = await requireAdministeredStudent(ctx, id);
  const value = await checkedStudentInput(ctx, administration.organisationId, input, record.id);
  await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const student = await tx.student.update({ where: { id: record.id }, data: { ...value, birthDate: dateValue(value.birthDate) } });
        await recordChange(
          { ...ctx, prisma: tx },
          {
            entity: 'student',
            kind: 'updated',
            entityId: id,
            studentId: id,
            before: studentSnapshot(record),
            after: studentSnapshot(student),
          },
        );
      }),
    duplicateNumber,
  );
  return administeredStudent(ctx, id);
}

async function requireAdministeredGuardianId(ctx: RequestContext, organisationId: string, guardianId: string): Promise<string> {
  if (!isId(guardianId)) throw notFound('Guardian');
  const guardian = await ctx.prisma.guardian.findFirst({
    where: { id: guardianId, organisationId },
    select: { id: true },
  });
  if (!guardian) throw notFound('Guardian');
  return guardian.id;
}

export const guardianshipSnapshot = (studentId: string, guardianId: string): RecordSnapshot => ({ studentId, guardianId });

/** Makes a guardian of the organisation guardian of a student; a second link of the same pair is ALREADY_LINKED. */
export async function linkGuardian(ctx: RequestContext, studentId: string, guardianId: string) {
  const { administration, record } = await requireAdministeredStudent(ctx, studentId);
  const guardian = await requireAdministeredGuardianId(ctx, administration.organisationId, guardianId);
  const alreadyLinked = () => refuse([{ field: 'guardianId', code: 'ALREADY_LINKED' }]);
  if (record.guardianships.some((link) => link.guardianId === guardian)) throw alreadyLinked();
  await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        await tx.guardianship.create({
          data: { studentId: record.id, guardianId: guardian, organisationId: administration.organisationId },
        });
        await recordChange(
          { ...ctx, prisma: tx },
          {
            entity: 'guardianship',
            kind: 'created',
            entityId: guardian,
            studentId: record.id,
            before: null,
            after: guardianshipSnapshot(record.id, guardian),
          },
        );
      }),
    () => ({ field: 'guardianId', code: 'ALREADY_LINKED' }),
  );
  return administeredStudent(ctx, record.id);
}

/**
 * Ends a guardianship. A guardian's last child cannot be unlinked (LAST_CHILD): a guardian is in the register for
 * a child, and one with none would keep a login that shows nothing.
 */
export async function unlinkGuardian(ctx: RequestContext, studentId: string, guardianId: string) {
  const { administration, record } = await requireAdministeredStudent(ctx, studentId);
  const guardian = await requireAdministeredGuardianId(ctx, administration.organisationId, guardianId);
  if (!record.guardianships.some((link) => link.guardianId === guardian)) throw refuse([{ field: 'guardianId', code: 'NOT_LINKED' }]);
  const children = await ctx.prisma.guardianship.count({ where: { guardianId: guardian } });
  if (children <= 1) throw refuse([{ field: 'guardianId', code: 'LAST_CHILD' }]);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.guardianship.delete({ where: { studentId_guardianId: { studentId: record.id, guardianId: guardian } } });
    await recordChange(
      { ...ctx, prisma: tx },
      {
        entity: 'guardianship',
        kind: 'deleted',
        entityId: guardian,
        studentId: record.id,
        before: guardianshipSnapshot(record.id, guardian),
        after: null,
      },
    );
  });
  return administeredStudent(ctx, record.id);
}

/**
 * The student leaves the school after `lastDay` (leavingMemberships): their classes and groups in force after it end on
 * it, those not begun by then are removed, each change audited, in one transaction. Attendance already recorded stays,
 * and so does the login until an administrator locks it. From here the student is one who has left: retention
 * (FORMER_STUDENTS) counts from the school year of that day.
 */
export async function endStudentMemberships(ctx: RequestContext, studentId: string, lastDay: string) {
  const { record } = await requireAdministeredStudent(ctx, studentId);
  const memberships = record.memberships.map((membership) => ({ ...membership, ...spanOf(membership) }));
  const leaving = leavingMemberships(memberships, lastDay, ctx.today);
  if (!leaving.ok) throw refuse(leaving.problems);
  await ctx.prisma.$transaction(async (tx) => {
    const changes = { ...ctx, prisma: tx };
    for (const membership of leaving.end) {
      const ended = await tx.groupMembership.update({ where: { id: membership.id }, data: { validTo: dateValue(lastDay) } });
      await recordChange(changes, {
        entity: 'groupMembership',
        kind: 'ended',
        entityId: membership.id,
        studentId: record.id,
        before: membershipSnapshot(membership),
        after: membershipSnapshot(ended),
      });
    }
    for (const membership of leaving.remove) {
      await tx.groupMembership.delete({ where: { id: membership.id } });
      await recordChange(changes, {
        entity: 'groupMembership',
        kind: 'deleted',
        entityId: membership.id,
        studentId: record.id,
        before: membershipSnapshot(membership),
        after: null,
      });
    }
  });
  return administeredStudent(ctx, record.id);
}
