// Classes and teaching groups, students' dated memberships of them, subjects and courses: every read
// and change within the administrator's organisation, every change audited in its own transaction.
import {
  checkCourseFields,
  checkGroupFields,
  checkMembershipSpan,
  checkMove,
  checkSubjectFields,
  dayBefore,
  inForce,
  membershipSpansOverlap,
  type MembershipSpan,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { isoDate } from '../../access/viewer.ts';
import { dateValue, inForceOn } from '../../access/validity.ts';
import { administeredRecord, requireAdministration } from '../administration.access.ts';
import { recordChange, recordChanges, type RecordedChange, type RecordSnapshot } from '../administration.changes.ts';
import { databaseCode, refuse, refuseIfAny, type FieldProblem } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';
import { dutySnapshot } from '../people/staff.service.ts';
import { lessonSnapshot, seriesSnapshot } from '../schedule/schedule.service.ts';
import type {
  AdministeredGroupFilter,
  AdministeredGroupSort,
  CatalogueSort,
  ClassMoveInput,
  CourseInput,
  EnrolmentInput,
  GroupChangesInput,
  GroupInput,
  MembershipEndInput,
  PageInput,
  SubjectInput,
} from '../../../generated/graphql.ts';

type Db = Prisma.TransactionClient;
type Change = Omit<RequestContext, 'prisma'> & { prisma: Db };

// ───────────────────────── reads ─────────────────────────

const subjectSelect = { id: true, code: true, nameSv: true, nameEn: true, _count: { select: { courses: true } } } as const;
const courseSelect = { id: true, code: true, name: true, points: true, subject: { select: subjectSelect } } as const;
const groupSelect = {
  id: true,
  kind: true,
  name: true,
  yearLevel: true,
  school: { select: { id: true, name: true, unitCode: true } },
  schoolYear: { select: { id: true, name: true, startDate: true, endDate: true } },
  subject: { select: subjectSelect },
  course: { select: courseSelect },
} as const;

type SubjectRow = Prisma.SubjectGetPayload<{ select: typeof subjectSelect }>;
type CourseRow = Prisma.CourseGetPayload<{ select: typeof courseSelect }>;
type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

const subjectRecord = ({ _count, ...subject }: SubjectRow) => ({ ...subject, courseCount: _count.courses });
const courseRecord = (course: CourseRow) => ({ ...course, subject: subjectRecord(course.subject) });
const schoolYearRecord = (year: GroupRow['schoolYear']) => ({
  id: year.id,
  name: year.name,
  startDate: isoDate(year.startDate),
  endDate: isoDate(year.endDate),
});

/** A group as the API answers it; its memberships are read only when asked for (the group page). */
export interface GroupRecord {
  id: string;
  kind: GroupRow['kind'];
  name: string;
  yearLevel: number | null;
  school: GroupRow['school'];
  schoolYear: ReturnType<typeof schoolYearRecord>;
  subject: ReturnType<typeof subjectRecord> | null;
  course: ReturnType<typeof courseRecord> | null;
  currentStudents: number;
}

/**
 * Distinct students in force today per group: a student who left and came back has two memberships
 * and still counts once.
 */
async function currentStudentCounts(db: Db, groupIds: string[], today: string): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db.groupMembership.findMany({
    where: { groupId: { in: groupIds }, ...inForceOn(dateValue(today)) },
    select: { groupId: true, studentId: true },
    distinct: ['groupId', 'studentId'],
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.groupId, (counts.get(row.groupId) ?? 0) + 1);
  return counts;
}

async function groupRecords(db: Db, rows: GroupRow[], today: string): Promise<GroupRecord[]> {
  const counts = await currentStudentCounts(
    db,
    rows.map((row) => row.id),
    today,
  );
  return rows.map((row) => ({
    ...row,
    schoolYear: schoolYearRecord(row.schoolYear),
    subject: row.subject ? subjectRecord(row.subject) : null,
    course: row.course ? courseRecord(row.course) : null,
    currentStudents: counts.get(row.id) ?? 0,
  }));
}

async function groupRecord(db: Db, id: string, today: string): Promise<GroupRecord> {
  const row = await db.group.findUniqueOrThrow({ where: { id }, select: groupSelect });
  const [record] = await groupRecords(db, [row], today);
  return record as GroupRecord;
}

const loadGroup = (db: Db) => async (id: string) => {
  const group = await db.group.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      name: true,
      yearLevel: true,
      subjectId: true,
      courseId: true,
      schoolId: true,
      schoolYearId: true,
      schoolYear: { select: { startDate: true, endDate: true } },
      school: { select: { organisationId: true } },
    },
  });
  return group ? { ...group, organisationId: group.school.organisationId } : null;
};

/** GraphQL's PageInput with its defaults filled in. */
const pageArgs = (page: PageInput | null | undefined) => (page ? { offset: page.offset ?? 0, limit: page.limit ?? 50 } : null);

const sortDirection = (sort: { direction?: 'ASC' | 'DESC' | null } | null | undefined): Prisma.SortOrder =>
  sort?.direction === 'DESC' ? 'desc' : 'asc';

function groupOrder(sort: AdministeredGroupSort | null | undefined): Prisma.GroupOrderByWithRelationInput[] {
  const direction = sortDirection(sort);
  const byName: Prisma.GroupOrderByWithRelationInput = { name: sort?.field === 'NAME' || !sort ? direction : 'asc' };
  switch (sort?.field) {
    case 'KIND':
      return [{ kind: direction }, byName, { id: 'asc' }];
    case 'YEAR_LEVEL':
      return [{ yearLevel: { sort: direction, nulls: 'last' } }, byName, { id: 'asc' }];
    case 'SCHOOL':
      return [{ school: { name: direction } }, byName, { id: 'asc' }];
    default:
      return [byName, { id: 'asc' }];
  }
}

/** A school, school year or subject named in a filter or input: the organisation's own, or NOT_FOUND as for a made-up id. */
async function ownSchool(db: Db, organisationId: string, id: string) {
  const school = isId(id) ? await db.school.findUnique({ where: { id }, select: { id: true, organisationId: true } }) : null;
  if (!school || school.organisationId !== organisationId) throw notFound('School');
  return school;
}

async function ownSchoolYear(db: Db, organisationId: string, id: string) {
  const year = isId(id) ? await db.schoolYear.findUnique({ where: { id } }) : null;
  if (!year || year.organisationId !== organisationId) throw notFound('School year');
  return year;
}

async function ownSubject(db: Db, organisationId: string, id: string) {
  const subject = isId(id) ? await db.subject.findUnique({ where: { id } }) : null;
  if (!subject || subject.organisationId !== organisationId) throw notFound('Subject');
  return subject;
}

async function ownCourse(db: Db, organisationId: string, id: string) {
  const course = isId(id) ? await db.course.findUnique({ where: { id } }) : null;
  if (!course || course.organisationId !== organisationId) throw notFound('Course');
  return course;
}

export async function administeredGroups(
  ctx: RequestContext,
  args: { filter?: AdministeredGroupFilter | null; sort?: AdministeredGroupSort | null; page?: PageInput | null },
) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(pageArgs(args.page));
  const filter = args.filter ?? {};
  if (filter.schoolId) await ownSchool(ctx.prisma, organisationId, filter.schoolId);
  if (filter.schoolYearId) await ownSchoolYear(ctx.prisma, organisationId, filter.schoolYearId);
  const search = filter.search?.trim();
  const where: Prisma.GroupWhereInput = {
    school: { organisationId },
    ...(filter.schoolId ? { schoolId: filter.schoolId } : {}),
    ...(filter.schoolYearId ? { schoolYearId: filter.schoolYearId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.group.findMany({ where, select: groupSelect, orderBy: groupOrder(args.sort), skip, take }),
    ctx.prisma.group.count({ where }),
  ]);
  return { groups: await groupRecords(ctx.prisma, rows, ctx.today), pageInfo: { offset: skip, limit: take, total } };
}

export async function administeredGroup(ctx: RequestContext, id: string): Promise<GroupRecord> {
  await administeredRecord(ctx, 'Group', id, loadGroup(ctx.prisma));
  return groupRecord(ctx.prisma, id, ctx.today);
}

export interface MembershipRecord {
  id: string;
  groupId: string;
  student: { id: string; firstName: string; lastName: string };
  validFrom: string;
  validTo: string | null;
  current: boolean;
}

const membershipSelect = {
  id: true,
  groupId: true,
  validFrom: true,
  validTo: true,
  student: { select: { id: true, firstName: true, lastName: true } },
} as const;

function membershipRecord(row: Prisma.GroupMembershipGetPayload<{ select: typeof membershipSelect }>, today: string): MembershipRecord {
  const span = { validFrom: isoDate(row.validFrom), validTo: row.validTo ? isoDate(row.validTo) : null };
  return { id: row.id, groupId: row.groupId, student: row.student, ...span, current: inForce(span, today) };
}

/** The group's memberships (the group was authorized by the query that returned it). */
export async function groupMemberships(ctx: RequestContext, groupId: string): Promise<MembershipRecord[]> {
  const rows = await ctx.prisma.groupMembership.findMany({
    where: { groupId },
    select: membershipSelect,
    orderBy: [{ student: { lastName: 'asc' } }, { student: { firstName: 'asc' } }, { validFrom: 'asc' }],
  });
  return rows.map((row) => membershipRecord(row, ctx.today));
}

export async function administeredGroupOptions(ctx: RequestContext) {
  const { organisationId } = await requireAdministration(ctx);
  const [schools, schoolYears, subjects, courses] = await Promise.all([
    ctx.prisma.school.findMany({ where: { organisationId }, select: { id: true, name: true, unitCode: true }, orderBy: { name: 'asc' } }),
    ctx.prisma.schoolYear.findMany({ where: { organisationId }, orderBy: { startDate: 'desc' } }),
    ctx.prisma.subject.findMany({ where: { organisationId }, select: subjectSelect, orderBy: { nameSv: 'asc' } }),
    ctx.prisma.course.findMany({ where: { organisationId }, select: courseSelect, orderBy: { code: 'asc' } }),
  ]);
  return {
    schools,
    schoolYears: schoolYears.map(schoolYearRecord),
    subjects: subjects.map(subjectRecord),
    courses: courses.map(courseRecord),
  };
}

const CANDIDATE_LIMIT = 20;

export async function enrolmentCandidates(ctx: RequestContext, groupId: string, search: string) {
  const { record: group } = await administeredRecord(ctx, 'Group', groupId, loadGroup(ctx.prisma));
  const words = search.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return ctx.prisma.student.findMany({
    where: {
      schoolId: group.schoolId,
      AND: words.map((word) => ({
        OR: [
          { firstName: { contains: word, mode: 'insensitive' as const } },
          { lastName: { contains: word, mode: 'insensitive' as const } },
          { personalIdentityNumber: { startsWith: word } },
        ],
      })),
    },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    take: CANDIDATE_LIMIT,
  });
}

function catalogueOrder(sort: CatalogueSort | null | undefined, nameField: 'nameSv' | 'name') {
  const direction = sortDirection(sort);
  return sort?.field === 'NAME' ? [{ [nameField]: direction }, { code: 'asc' as const }] : [{ code: direction }];
}

export async function administeredSubjects(
  ctx: RequestContext,
  args: { search?: string | null; sort?: CatalogueSort | null; page?: PageInput | null },
) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(pageArgs(args.page));
  const search = args.search?.trim();
  const where: Prisma.SubjectWhereInput = {
    organisationId,
    ...(search
      ? {
          OR: [
            { code: { contains: search, mode: 'insensitive' } },
            { nameSv: { contains: search, mode: 'insensitive' } },
            { nameEn: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.subject.findMany({ where, select: subjectSelect, orderBy: catalogueOrder(args.sort, 'nameSv'), skip, take }),
    ctx.prisma.subject.count({ where }),
  ]);
  return { subjects: rows.map(subjectRecord), pageInfo: { offset: skip, limit: take, total } };
}

export async function administeredCourses(
  ctx: RequestContext,
  args: { search?: string | null; subjectId?: string | null; sort?: CatalogueSort | null; page?: PageInput | null },
) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(pageArgs(args.page));
  if (args.subjectId) await ownSubject(ctx.prisma, organisationId, args.subjectId);
  const search = args.search?.trim();
  const where: Prisma.CourseWhereInput = {
    organisationId,
    ...(args.subjectId ? { subjectId: args.subjectId } : {}),
    ...(search ? { OR: [{ code: { contains: search, mode: 'insensitive' } }, { name: { contains: search, mode: 'insensitive' } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.course.findMany({ where, select: courseSelect, orderBy: catalogueOrder(args.sort, 'name'), skip, take }),
    ctx.prisma.course.count({ where }),
  ]);
  return { courses: rows.map(courseRecord), pageInfo: { offset: skip, limit: take, total } };
}

// ───────────────────────── changes ─────────────────────────

/** The PostgreSQL error under a Prisma error from the driver adapter, if any. */
/**
 * A refusal at `field` for what the database refused in a race the checks before could not see: a
 * unique name or code taken meanwhile (DUPLICATE), or an overlapping membership the trigger
 * GroupMembership_no_overlap stopped (SQLSTATE 23P01: OVERLAPS). Anything else is rethrown.
 */
export function databaseRefusal(error: unknown, field: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw refuse([{ field, code: 'DUPLICATE' }]);
  if (databaseCode(error) === '23P01') throw refuse([{ field, code: 'OVERLAPS' }]);
  throw error;
}

/**
 * Runs a change and its audit row in one transaction; what the database refuses late becomes a
 * problem at `field` (the name or code of a group, subject or course; a membership's date).
 */
async function change<T>(ctx: RequestContext, field: string, work: (tx: Change) => Promise<T>): Promise<T> {
  try {
    return await ctx.prisma.$transaction((tx) => work({ ...ctx, prisma: tx }));
  } catch (error) {
    return databaseRefusal(error, field);
  }
}

export const groupSnapshot = (group: {
  schoolId: string;
  schoolYearId: string;
  kind: string;
  name: string;
  yearLevel: number | null;
  subjectId: string | null;
  courseId: string | null;
}): RecordSnapshot => ({
  schoolId: group.schoolId,
  schoolYearId: group.schoolYearId,
  kind: group.kind,
  name: group.name,
  yearLevel: group.yearLevel,
  subjectId: group.subjectId,
  courseId: group.courseId,
});

/** Subject and course of a teaching group: the organisation's, and the course one of the subject's. */
async function checkTeachingReferences(db: Db, organisationId: string, input: { subjectId?: string | null; courseId?: string | null }) {
  const problems: FieldProblem[] = [];
  if (input.subjectId) await ownSubject(db, organisationId, input.subjectId);
  if (input.courseId) {
    const course = await ownCourse(db, organisationId, input.courseId);
    if (input.subjectId && course.subjectId !== input.subjectId) problems.push({ field: 'courseId', code: 'OTHER_SUBJECT' });
  }
  return problems;
}

async function nameTaken(db: Db, group: { schoolId: string; schoolYearId: string; name: string }, except?: string) {
  const found = await db.group.findFirst({
    where: { schoolId: group.schoolId, schoolYearId: group.schoolYearId, name: group.name, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  return found !== null;
}

export async function createGroup(ctx: RequestContext, input: GroupInput): Promise<GroupRecord> {
  const { organisationId } = await requireAdministration(ctx);
  await ownSchool(ctx.prisma, organisationId, input.schoolId);
  await ownSchoolYear(ctx.prisma, organisationId, input.schoolYearId);
  const fields = { ...input, name: input.name.trim() };
  const problems: FieldProblem[] = [...checkGroupFields(fields), ...(await checkTeachingReferences(ctx.prisma, organisationId, input))];
  if (fields.name !== '' && (await nameTaken(ctx.prisma, fields))) problems.push({ field: 'name', code: 'DUPLICATE' });
  refuseIfAny(problems);
  const data = {
    schoolId: input.schoolId,
    schoolYearId: input.schoolYearId,
    kind: input.kind,
    name: fields.name,
    yearLevel: input.kind === 'CLASS' ? (input.yearLevel ?? null) : null,
    subjectId: input.kind === 'TEACHING' ? (input.subjectId ?? null) : null,
    courseId: input.kind === 'TEACHING' ? (input.courseId ?? null) : null,
  };
  const id = await change(ctx, 'name', async (tx) => {
    const group = await tx.prisma.group.create({ data, select: { id: true } });
    await recordChange(tx, { entity: 'group', kind: 'created', entityId: group.id, before: null, after: groupSnapshot(data) });
    return group.id;
  });
  return groupRecord(ctx.prisma, id, ctx.today);
}

export async function updateGroup(ctx: RequestContext, id: string, input: GroupChangesInput): Promise<GroupRecord> {
  const { administration, record } = await administeredRecord(ctx, 'Group', id, loadGroup(ctx.prisma));
  const before = await ctx.prisma.group.findUniqueOrThrow({ where: { id } });
  const fields = { ...input, kind: record.kind, name: input.name.trim() };
  const problems: FieldProblem[] = [
    ...checkGroupFields(fields),
    ...(await checkTeachingReferences(ctx.prisma, administration.organisationId, input)),
  ];
  if (fields.name !== '' && (await nameTaken(ctx.prisma, { ...before, name: fields.name }, id))) {
    problems.push({ field: 'name', code: 'DUPLICATE' });
  }
  refuseIfAny(problems);
  const data = {
    name: fields.name,
    yearLevel: record.kind === 'CLASS' ? (input.yearLevel ?? null) : null,
    subjectId: record.kind === 'TEACHING' ? (input.subjectId ?? null) : null,
    courseId: record.kind === 'TEACHING' ? (input.courseId ?? null) : null,
  };
  await change(ctx, 'name', async (tx) => {
    const after = await tx.prisma.group.update({ where: { id }, data });
    await recordChange(tx, { entity: 'group', kind: 'updated', entityId: id, before: groupSnapshot(before), after: groupSnapshot(after) });
  });
  return groupRecord(ctx.prisma, id, ctx.today);
}

const yearOf = (group: { schoolYear: { startDate: Date; endDate: Date } }) => ({
  startDate: isoDate(group.schoolYear.startDate),
  endDate: isoDate(group.schoolYear.endDate),
});

const spanOf = (row: { validFrom: Date; validTo: Date | null }): MembershipSpan => ({
  validFrom: isoDate(row.validFrom),
  validTo: row.validTo ? isoDate(row.validTo) : null,
});

export const membershipSnapshot = (row: {
  groupId: string;
  studentId: string;
  validFrom: Date | string;
  validTo: Date | string | null;
}) => ({
  groupId: row.groupId,
  studentId: row.studentId,
  validFrom: typeof row.validFrom === 'string' ? row.validFrom : isoDate(row.validFrom),
  validTo: row.validTo === null ? null : typeof row.validTo === 'string' ? row.validTo : isoDate(row.validTo),
});

/**
 * What would clash with the student being in the group over `span`: another membership of the same
 * group on a shared day (OVERLAPS), or, for a class, another class on a shared day (IN_ANOTHER_CLASS:
 * a student has one home class at a time; moving is how they change). `changed` are memberships this
 * same change gives new dates (null: the one being changed, not compared with itself).
 */
async function clashes(
  db: Db,
  group: { id: string; kind: 'CLASS' | 'TEACHING' },
  studentId: string,
  span: MembershipSpan,
  changed: { id: string; span: MembershipSpan | null }[] = [],
): Promise<FieldProblem[]> {
  const others = await db.groupMembership.findMany({
    where: {
      studentId,
      OR: [{ groupId: group.id }, ...(group.kind === 'CLASS' ? [{ group: { kind: 'CLASS' as const } }] : [])],
    },
    select: { id: true, groupId: true, validFrom: true, validTo: true },
  });
  const problems: FieldProblem[] = [];
  for (const other of others) {
    const replaced = changed.find((candidate) => candidate.id === other.id);
    const otherSpan = replaced ? replaced.span : spanOf(other);
    if (otherSpan === null || !membershipSpansOverlap(span, otherSpan)) continue;
    if (other.groupId === group.id) problems.push({ field: 'validFrom', code: 'OVERLAPS' });
    else problems.push({ field: 'studentId', code: 'IN_ANOTHER_CLASS' });
  }
  return problems.filter((problem, index) => problems.findIndex((p) => p.code === problem.code) === index);
}

async function ownStudent(db: Db, organisationId: string, id: string) {
  const student = isId(id)
    ? await db.student.findUnique({ where: { id }, select: { id: true, schoolId: true, school: { select: { organisationId: true } } } })
    : null;
  if (!student || student.school.organisationId !== organisationId) throw notFound('Student');
  return student;
}

export async function enrolInGroup(ctx: RequestContext, input: EnrolmentInput): Promise<MembershipRecord> {
  const { administration, record: group } = await administeredRecord(ctx, 'Group', input.groupId, loadGroup(ctx.prisma));
  const student = await ownStudent(ctx.prisma, administration.organisationId, input.studentId);
  const span = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  const problems: FieldProblem[] = checkMembershipSpan(span, yearOf(group));
  if (student.schoolId !== group.schoolId) problems.push({ field: 'studentId', code: 'OTHER_SCHOOL' });
  if (problems.length === 0) problems.push(...(await clashes(ctx.prisma, group, student.id, span)));
  refuseIfAny(problems);
  const data = {
    groupId: group.id,
    studentId: student.id,
    validFrom: dateValue(span.validFrom),
    validTo: span.validTo ? dateValue(span.validTo) : null,
  };
  const id = await change(ctx, 'validFrom', async (tx) => {
    const created = await tx.prisma.groupMembership.create({ data, select: { id: true } });
    await recordChange(tx, {
      entity: 'groupMembership',
      kind: 'created',
      entityId: created.id,
      studentId: student.id,
      before: null,
      after: membershipSnapshot(data),
    });
    return created.id;
  });
  return membershipById(ctx, id);
}

async function membershipById(ctx: RequestContext, id: string): Promise<MembershipRecord> {
  return membershipRecord(await ctx.prisma.groupMembership.findUniqueOrThrow({ where: { id }, select: membershipSelect }), ctx.today);
}

const loadMembership = (db: Db) => async (id: string) => {
  const membership = await db.groupMembership.findUnique({
    where: { id },
    select: {
      id: true,
      groupId: true,
      studentId: true,
      validFrom: true,
      validTo: true,
      group: { select: { kind: true, schoolId: true, schoolYearId: true, school: { select: { organisationId: true } } } },
    },
  });
  return membership ? { ...membership, organisationId: membership.group.school.organisationId } : null;
};

export async function moveToClass(ctx: RequestContext, input: ClassMoveInput): Promise<MembershipRecord> {
  const { record: current } = await administeredRecord(ctx, 'Membership', input.membershipId, loadMembership(ctx.prisma));
  const { record: target } = await administeredRecord(ctx, 'Group', input.toGroupId, loadGroup(ctx.prisma));
  const currentSpan = spanOf(current);
  const problems: FieldProblem[] = [];
  if (current.group.kind !== 'CLASS') problems.push({ field: 'membershipId', code: 'NOT_A_CLASS' });
  problems.push(...checkMove({ ...currentSpan, groupId: current.groupId }, { groupId: target.id, kind: target.kind }, input.fromDate));
  // A move stays within the school and the school year; next year's classes are new enrolments.
  if (target.schoolId !== current.group.schoolId) problems.push({ field: 'toGroupId', code: 'OTHER_SCHOOL' });
  else if (target.schoolYearId !== current.group.schoolYearId) problems.push({ field: 'toGroupId', code: 'OTHER_SCHOOL_YEAR' });
  // The new class carries on to where the old one would have ended.
  const newSpan = { validFrom: input.fromDate, validTo: currentSpan.validTo };
  if (problems.length === 0 && input.fromDate > yearOf(target).endDate) problems.push({ field: 'fromDate', code: 'OUTSIDE_SCHOOL_YEAR' });
  if (problems.length === 0) {
    const ended = { validFrom: currentSpan.validFrom, validTo: dayBefore(input.fromDate) };
    const found = await clashes(ctx.prisma, target, current.studentId, newSpan, [{ id: current.id, span: ended }]);
    problems.push(...found.map((problem) => (problem.field === 'validFrom' ? { ...problem, field: 'fromDate' } : problem)));
  }
  refuseIfAny(problems);
  const newData = {
    groupId: target.id,
    studentId: current.studentId,
    validFrom: dateValue(newSpan.validFrom),
    validTo: newSpan.validTo ? dateValue(newSpan.validTo) : null,
  };
  const id = await change(ctx, 'fromDate', async (tx) => {
    const ended = await tx.prisma.groupMembership.update({
      where: { id: current.id },
      data: { validTo: dateValue(dayBefore(input.fromDate)) },
    });
    await recordChange(tx, {
      entity: 'groupMembership',
      kind: 'ended',
      entityId: current.id,
      studentId: current.studentId,
      before: membershipSnapshot(current),
      after: membershipSnapshot(ended),
    });
    const created = await tx.prisma.groupMembership.create({ data: newData, select: { id: true } });
    await recordChange(tx, {
      entity: 'groupMembership',
      kind: 'created',
      entityId: created.id,
      studentId: current.studentId,
      before: null,
      after: { ...membershipSnapshot(newData), movedFromMembershipId: current.id },
    });
    return created.id;
  });
  return membershipById(ctx, id);
}

export async function endMembership(ctx: RequestContext, input: MembershipEndInput): Promise<MembershipRecord> {
  const { record: current } = await administeredRecord(ctx, 'Membership', input.membershipId, loadMembership(ctx.prisma));
  const group = await ctx.prisma.group.findUniqueOrThrow({
    where: { id: current.groupId },
    select: { id: true, kind: true, schoolYear: { select: { startDate: true, endDate: true } } },
  });
  const span = { validFrom: isoDate(current.validFrom), validTo: input.validTo };
  // Only the end is asked for: the start stands as it was saved.
  const problems: FieldProblem[] = checkMembershipSpan(span, yearOf(group)).filter((problem) => problem.field === 'validTo');
  // A later end than before may reach a later membership of the group, or another class.
  if (problems.length === 0)
    problems.push(...(await clashes(ctx.prisma, group, current.studentId, span, [{ id: current.id, span: null }])));
  refuseIfAny(problems);
  await change(ctx, 'validTo', async (tx) => {
    const ended = await tx.prisma.groupMembership.update({ where: { id: current.id }, data: { validTo: dateValue(input.validTo) } });
    await recordChange(tx, {
      entity: 'groupMembership',
      kind: 'ended',
      entityId: current.id,
      studentId: current.studentId,
      before: membershipSnapshot(current),
      after: membershipSnapshot(ended),
    });
  });
  return membershipById(ctx, current.id);
}

// ───────────────────────── subjects and courses ─────────────────────────

const subjectSnapshot = (subject: { code: string; nameSv: string; nameEn: string }): RecordSnapshot => ({
  code: subject.code,
  nameSv: subject.nameSv,
  nameEn: subject.nameEn,
});

const trimmedSubject = (input: SubjectInput) => ({ code: input.code.trim(), nameSv: input.nameSv.trim(), nameEn: input.nameEn.trim() });

export async function createSubject(ctx: RequestContext, input: SubjectInput) {
  const { organisationId } = await requireAdministration(ctx);
  const fields = trimmedSubject(input);
  const problems: FieldProblem[] = checkSubjectFields(fields);
  if (
    problems.length === 0 &&
    (await ctx.prisma.subject.findUnique({ where: { organisationId_code: { organisationId, code: fields.code } } }))
  ) {
    problems.push({ field: 'code', code: 'DUPLICATE' });
  }
  refuseIfAny(problems);
  const id = await change(ctx, 'code', async (tx) => {
    const subject = await tx.prisma.subject.create({ data: { organisationId, ...fields }, select: { id: true } });
    await recordChange(tx, { entity: 'subject', kind: 'created', entityId: subject.id, before: null, after: subjectSnapshot(fields) });
    return subject.id;
  });
  return subjectRecord(await ctx.prisma.subject.findUniqueOrThrow({ where: { id }, select: subjectSelect }));
}

const loadSubject = (db: Db) => (id: string) => db.subject.findUnique({ where: { id } });

export async function updateSubject(ctx: RequestContext, id: string, input: SubjectInput) {
  const { record: before } = await administeredRecord(ctx, 'Subject', id, loadSubject(ctx.prisma));
  const fields = trimmedSubject(input);
  const problems: FieldProblem[] = checkSubjectFields(fields);
  if (
    problems.length === 0 &&
    (await ctx.prisma.subject.findFirst({ where: { organisationId: before.organisationId, code: fields.code, id: { not: id } } }))
  ) {
    problems.push({ field: 'code', code: 'DUPLICATE' });
  }
  refuseIfAny(problems);
  await change(ctx, 'code', async (tx) => {
    await tx.prisma.subject.update({ where: { id }, data: fields });
    await recordChange(tx, {
      entity: 'subject',
      kind: 'updated',
      entityId: id,
      before: subjectSnapshot(before),
      after: subjectSnapshot(fields),
    });
  });
  // The statistics' names for it, held by this process (a new subject is read when a figure names it, a deleted one has none).
  ctx.referenceData.forget();
  return subjectRecord(await ctx.prisma.subject.findUniqueOrThrow({ where: { id }, select: subjectSelect }));
}

const courseSnapshot = (course: { code: string; name: string; points: number; subjectId: string }): RecordSnapshot => ({
  code: course.code,
  name: course.name,
  points: course.points,
  subjectId: course.subjectId,
});

const trimmedCourse = (input: CourseInput) => ({
  code: input.code.trim(),
  name: input.name.trim(),
  points: input.points,
  subjectId: input.subjectId,
});

/**
 * A course code is unique within the organisation: Skolverket's codes are national, so another organisation's
 * MATMAT01c is neither a DUPLICATE nor anything this organisation may learn of.
 */
async function checkCourse(db: Db, organisationId: string, fields: ReturnType<typeof trimmedCourse>, except?: string) {
  await ownSubject(db, organisationId, fields.subjectId);
  const problems: FieldProblem[] = checkCourseFields(fields);
  if (!problems.some((problem) => problem.field === 'code')) {
    const taken = await db.course.findFirst({
      where: { organisationId, code: fields.code, ...(except ? { id: { not: except } } : {}) },
      select: { id: true },
    });
    if (taken) problems.push({ field: 'code', code: 'DUPLICATE' });
  }
  return problems;
}

export async function createCourse(ctx: RequestContext, input: CourseInput) {
  const { organisationId } = await requireAdministration(ctx);
  const fields = trimmedCourse(input);
  refuseIfAny(await checkCourse(ctx.prisma, organisationId, fields));
  const id = await change(ctx, 'code', async (tx) => {
    const course = await tx.prisma.course.create({ data: { ...fields, organisationId }, select: { id: true } });
    await recordChange(tx, { entity: 'course', kind: 'created', entityId: course.id, before: null, after: courseSnapshot(fields) });
    return course.id;
  });
  return courseRecord(await ctx.prisma.course.findUniqueOrThrow({ where: { id }, select: courseSelect }));
}

const loadCourse = (db: Db) => (id: string) => db.course.findUnique({ where: { id } });

export async function updateCourse(ctx: RequestContext, id: string, input: CourseInput) {
  const { administration, record: before } = await administeredRecord(ctx, 'Course', id, loadCourse(ctx.prisma));
  const fields = trimmedCourse(input);
  refuseIfAny(await checkCourse(ctx.prisma, administration.organisationId, fields, id));
  await change(ctx, 'code', async (tx) => {
    await tx.prisma.course.update({ where: { id }, data: fields });
    await recordChange(tx, {
      entity: 'course',
      kind: 'updated',
      entityId: id,
      before: courseSnapshot(before),
      after: courseSnapshot(fields),
    });
  });
  return courseRecord(await ctx.prisma.course.findUniqueOrThrow({ where: { id }, select: courseSelect }));
}

// ───────────────────────── deletions ─────────────────────────

/**
 * What keeps a group, subject or course from being deleted: the refusal IN_USE names each in `extensions.usedBy`
 * with how many, and the web app says it in words.
 */
type Use =
  /** lessons of the group with a roll call: attendance, a submission, its history, a pending absence alert */
  | 'ROLL_CALLS'
  /** days on which a roll call recorded a student while in the class (AbsenceDay.classId) */
  | 'CLASS_ATTENDANCE'
  | 'LESSONS'
  | 'LESSON_SERIES'
  | 'GROUPS'
  | 'COURSES'
  | 'ASSESSMENT_TASKS'
  | 'SUBJECT_ASSESSMENTS'
  | 'GRADE_WARNINGS'
  | 'NEWS_POSTS'
  | 'DEVELOPMENT_PLANS'
  | 'STUDY_PLANS'
  /** AbsenceDay rows of the subject */
  | 'ABSENCE_STATISTICS'
  /** the record came from the SS 12000 source: the next import would look for it */
  | 'SS12000_LINKS';

interface Usage {
  kind: Use;
  count: number;
}

// The list relations of each model, keyed by Prisma's names: a relation added to the schema does not compile until
// it is named here, with what it means for a deletion (null: it goes with the record; a Use: it refuses).
const GROUP_RELATIONS = {
  memberships: null,
  duties: null,
  lessonSeries: null,
  // those without a roll call (LESSON_RELATIONS)
  lessons: null,
  gradeWarnings: 'GRADE_WARNINGS',
  assessmentTasks: 'ASSESSMENT_TASKS',
  subjectAssessments: 'SUBJECT_ASSESSMENTS',
  newsPosts: 'NEWS_POSTS',
} as const satisfies Record<keyof Prisma.GroupCountOutputType, Use | null>;
const LESSON_RELATIONS = {
  teachers: null,
  attendances: 'ROLL_CALLS',
  rollCallSubmissions: 'ROLL_CALLS',
  attendanceChanges: 'ROLL_CALLS',
} as const satisfies Record<keyof Prisma.LessonCountOutputType, Use | null>;
const SUBJECT_RELATIONS = {
  courses: 'COURSES',
  groups: 'GROUPS',
  lessonSeries: 'LESSON_SERIES',
  lessons: 'LESSONS',
  gradeWarnings: 'GRADE_WARNINGS',
  assessmentTasks: 'ASSESSMENT_TASKS',
  subjectAssessments: 'SUBJECT_ASSESSMENTS',
  developmentPlanEntries: 'DEVELOPMENT_PLANS',
} as const satisfies Record<keyof Prisma.SubjectCountOutputType, Use>;
const COURSE_RELATIONS = {
  groups: 'GROUPS',
  studyPlans: 'STUDY_PLANS',
} as const satisfies Record<keyof Prisma.CourseCountOutputType, Use>;

/** Prisma's `_count` select of every relation named. */
function countsOf<K extends string>(relations: Record<K, Use | null>): Record<K, true> {
  return Object.fromEntries(Object.keys(relations).map((relation) => [relation, true])) as Record<K, true>;
}

/** The uses among counted relations and counts found otherwise, those of one kind added up. */
function usagesOf<K extends string>(relations: Record<K, Use | null>, counts: Record<K, number>, more: [Use, number][] = []): Usage[] {
  const found = new Map<Use, number>();
  const add = (use: Use | null, count: number) => {
    if (use && count > 0) found.set(use, (found.get(use) ?? 0) + count);
  };
  for (const [relation, use] of Object.entries<Use | null>(relations)) add(use, counts[relation as K]);
  for (const [use, count] of more) add(use, count);
  return [...found].map(([kind, count]) => ({ kind, count }));
}

const inUse = (usedBy: Usage[]) => refuse([{ field: 'id', code: 'IN_USE' }], { usedBy });

/** A group with a year of generated lessons writes an audit row for each: more than the default five seconds. */
const GROUP_DELETION_TRANSACTION = { timeout: 60_000 };

/**
 * Students in the class today who stay after today: a membership the administrator ended today (or earlier) no
 * longer holds the class. Ending the memberships is the deliberate step that empties a real class; a membership
 * that starts later is no student today and goes with the class.
 */
function studentsStaying(memberships: { studentId: string; validFrom: Date; validTo: Date | null }[], today: string): number {
  const staying = memberships.filter((row) => inForce(spanOf(row), today) && (row.validTo === null || isoDate(row.validTo) > today));
  return new Set(staying.map((row) => row.studentId)).size;
}

/**
 * Deletes a class or teaching group made by mistake, with what is only its own arrangement: its memberships, the
 * staff duties for it, its lesson series and its lessons no roll call has touched, each audited in the same
 * transaction. While anything records school work in it, it stays (IN_USE): a roll call of its lessons, a day a
 * roll call recorded a student while in the class, an assessment, a grade warning, a news post to it, or a link to
 * the SS 12000 source that it, a lesson or a duty came from. A class with students today who stay after today is
 * refused too (HAS_STUDENTS), so that one click cannot empty a real class: the administrator ends the memberships
 * first. A teaching group's students keep their class, and what they did in the group is IN_USE already.
 */
export async function deleteGroup(ctx: RequestContext, id: string): Promise<string> {
  const { administration } = await administeredRecord(ctx, 'Group', id, loadGroup(ctx.prisma));
  await ctx.prisma.$transaction(async (prisma) => {
    // The group's row keeps out anything new that would refer to it (a lesson, a membership, an assessment waits for
    // it); its lessons' rows are what a roll call locks first, so one saved meanwhile is seen here, and one that
    // comes after finds its lesson gone rather than being saved to nothing.
    const locked = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Group" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound('Group');
    await prisma.$queryRaw`SELECT id FROM "Lesson" WHERE "groupId" = ${id}::uuid FOR UPDATE`;
    const group = await prisma.group.findUniqueOrThrow({
      where: { id },
      include: { _count: { select: countsOf(GROUP_RELATIONS) } },
    });
    const [lessons, series, duties, memberships] = await Promise.all([
      prisma.lesson.findMany({
        where: { groupId: id },
        include: { teachers: { select: { staffId: true } }, _count: { select: countsOf(LESSON_RELATIONS) } },
      }),
      prisma.lessonSeries.findMany({ where: { groupId: id }, include: { teachers: { select: { staffId: true } } } }),
      prisma.staffDuty.findMany({ where: { groupId: id } }),
      prisma.groupMembership.findMany({ where: { groupId: id } }),
    ]);
    const lessonIds = lessons.map((lesson) => lesson.id);
    // AbsenceAlert, AbsenceDay and Ss12000Link name records by id without a foreign key: asked one by one. The
    // AbsenceDay rows without a recorded roll call are sums of the memberships and lessons that go: the triggers on
    // those recompute them below. Days not yet settled into AbsenceDay (today's) are asked of their roll calls. The
    // audit rows are history and stay.
    const [alerted, classDays, links, lessonsOfOthers] = await Promise.all([
      prisma.absenceAlert.findMany({ where: { lessonId: { in: lessonIds } }, select: { lessonId: true }, distinct: ['lessonId'] }),
      prisma.$queryRaw<{ days: number }[]>`
        SELECT count(*)::int AS days FROM (
          SELECT "studentId", "date" FROM "AbsenceDay" WHERE "classId" = ${id}::uuid AND "recordedMinutes" > 0
          UNION
          SELECT a."studentId", l."date" FROM "Lesson" l
          JOIN "Attendance" a ON a."lessonId" = l.id
          JOIN "GroupMembership" m ON m."studentId" = a."studentId" AND m."groupId" = ${id}::uuid
            AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date")
          WHERE l.status = 'SCHEDULED' AND l."date" >= (SELECT "settledBefore" FROM "AbsenceDaySettlement")
        ) d`,
      prisma.ss12000Link.count({
        where: {
          organisationId: administration.organisationId,
          OR: [
            { kind: 'GROUP', insynId: id },
            { kind: 'LESSON', insynId: { in: lessonIds } },
            { kind: 'DUTY', insynId: { in: duties.map((duty) => duty.id) } },
          ],
        },
      }),
      prisma.lesson.count({ where: { seriesId: { in: series.map((one) => one.id) }, groupId: { not: id } } }),
    ]);
    const rollCalled = new Set(alerted.map((alert) => alert.lessonId));
    for (const lesson of lessons) {
      if (lesson.attendanceTakenAt !== null || usagesOf(LESSON_RELATIONS, lesson._count).length > 0) rollCalled.add(lesson.id);
    }
    const usedBy = usagesOf(GROUP_RELATIONS, group._count, [
      ['ROLL_CALLS', rollCalled.size],
      ['CLASS_ATTENDANCE', classDays[0]?.days ?? 0],
      ['SS12000_LINKS', links],
      ['LESSONS', lessonsOfOthers],
    ]);
    if (usedBy.length > 0) throw inUse(usedBy);
    const staying = group.kind === 'CLASS' ? studentsStaying(memberships, ctx.today) : 0;
    if (staying > 0) throw refuse([{ field: 'id', code: 'HAS_STUDENTS' }], { currentStudents: staying });

    // Memberships first: the absence triggers of the lessons that go then find no member to recompute.
    await prisma.groupMembership.deleteMany({ where: { groupId: id } });
    await prisma.lessonTeacher.deleteMany({ where: { lessonId: { in: lessonIds } } });
    await prisma.lesson.deleteMany({ where: { groupId: id } });
    await prisma.lessonSeriesTeacher.deleteMany({ where: { series: { groupId: id } } });
    await prisma.lessonSeries.deleteMany({ where: { groupId: id } });
    await prisma.staffDuty.deleteMany({ where: { groupId: id } });
    await prisma.group.delete({ where: { id } });

    const tx = { ...ctx, prisma };
    await recordChange(tx, { entity: 'group', kind: 'deleted', entityId: id, before: groupSnapshot(group), after: null });
    const teacherIds = (row: { teachers: { staffId: string }[] }) => row.teachers.map((teacher) => teacher.staffId);
    await recordChanges(tx, [
      ...memberships.map((row): RecordedChange => ({
        entity: 'groupMembership',
        kind: 'deleted',
        entityId: row.id,
        studentId: row.studentId,
        before: membershipSnapshot(row),
        after: null,
      })),
      ...duties.map((row): RecordedChange => ({
        entity: 'staffDuty',
        kind: 'deleted',
        entityId: row.id,
        before: dutySnapshot(row),
        after: null,
      })),
      ...series.map((row): RecordedChange => ({
        entity: 'lessonSeries',
        kind: 'deleted',
        entityId: row.id,
        before: seriesSnapshot({ ...row, teacherIds: teacherIds(row) }),
        after: null,
      })),
      ...lessons.map((row): RecordedChange => ({
        entity: 'lesson',
        kind: 'deleted',
        entityId: row.id,
        before: {
          groupId: row.groupId,
          subjectId: row.subjectId,
          seriesId: row.seriesId,
          ...lessonSnapshot({ ...row, teacherIds: teacherIds(row) }),
        },
        after: null,
      })),
    ]);
  }, GROUP_DELETION_TRANSACTION);
  return id;
}

/**
 * Deletes a subject made by mistake: only while nothing refers to it (IN_USE otherwise), neither a course, group,
 * lesson, lesson series, assessment, grade warning nor IUP entry, nor a row of absence statistics or a link to the
 * SS 12000 source it came from.
 */
export async function deleteSubject(ctx: RequestContext, id: string): Promise<string> {
  const { administration } = await administeredRecord(ctx, 'Subject', id, loadSubject(ctx.prisma));
  await ctx.prisma.$transaction(async (prisma) => {
    // Anything that would come to refer to the subject meanwhile waits for this lock, and is refused after it.
    const locked = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Subject" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound('Subject');
    const subject = await prisma.subject.findUniqueOrThrow({ where: { id }, include: { _count: { select: countsOf(SUBJECT_RELATIONS) } } });
    const usedBy = usagesOf(SUBJECT_RELATIONS, subject._count, [
      ['ABSENCE_STATISTICS', await prisma.absenceDay.count({ where: { subjectId: id } })],
      [
        'SS12000_LINKS',
        await prisma.ss12000Link.count({ where: { organisationId: administration.organisationId, kind: 'SUBJECT', insynId: id } }),
      ],
    ]);
    if (usedBy.length > 0) throw inUse(usedBy);
    await prisma.subject.delete({ where: { id } });
    await recordChange(
      { ...ctx, prisma },
      { entity: 'subject', kind: 'deleted', entityId: id, before: subjectSnapshot(subject), after: null },
    );
  });
  return id;
}

/** Deletes a course made by mistake: only while no group or study plan refers to it (IN_USE otherwise). */
export async function deleteCourse(ctx: RequestContext, id: string): Promise<string> {
  await administeredRecord(ctx, 'Course', id, loadCourse(ctx.prisma));
  await ctx.prisma.$transaction(async (prisma) => {
    const locked = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Course" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound('Course');
    const course = await prisma.course.findUniqueOrThrow({ where: { id }, include: { _count: { select: countsOf(COURSE_RELATIONS) } } });
    const usedBy = usagesOf(COURSE_RELATIONS, course._count);
    if (usedBy.length > 0) throw inUse(usedBy);
    await prisma.course.delete({ where: { id } });
    await recordChange(
      { ...ctx, prisma },
      { entity: 'course', kind: 'deleted', entityId: id, before: courseSnapshot(course), after: null },
    );
  });
  return id;
}
