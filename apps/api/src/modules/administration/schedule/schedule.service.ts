// The basic schedule: lesson series of a term, generating their dated lessons, and changes to one lesson.
// The rules are in @insyn/domain (administration/schedule.ts); here they meet the database, in one
// transaction with the audit row of each change.
import { randomUUID } from 'node:crypto';
import {
  changeNoteProblems,
  endSeriesProblems,
  formatClockTime,
  isChangedByHand,
  isIsoDate,
  isValidIsoWeek,
  lessonMoveProblems,
  lessonSeriesProblems,
  originalValuesAfterChange,
  parseClockTime,
  planLessonGeneration,
  plannedLessons,
  schoolDaysOfIsoWeek,
  schoolMinuteInstant,
  schoolMinuteOf,
  seriesSlotDate,
  type IsoWeek,
  type ScheduleProblem,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { badInput, notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { isoDate } from '../../access/viewer.ts';
import { administeredRecord, type Administration } from '../administration.access.ts';
import { recordChange, type RecordSnapshot } from '../administration.changes.ts';
import { refuseIfAny } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';

type Tx = Prisma.TransactionClient;
type TxContext = Pick<RequestContext, 'ip' | 'auth'> & { prisma: Tx };

/** Generating a large school's term writes tens of thousands of rows: more than the default five seconds. */
const GENERATION_TRANSACTION = { timeout: 180_000, maxWait: 20_000 };
/** Rows per INSERT, under PostgreSQL's 65 535 bind parameters (eight columns a row). */
const INSERT_CHUNK = 5_000;

const dbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
const teacherSelect = { staff: { select: { id: true, firstName: true, lastName: true, signature: true } } } as const;

export const termInclude = {
  schoolYear: { select: { name: true, organisationId: true } },
  breaks: { select: { name: true, startDate: true, endDate: true }, orderBy: { startDate: 'asc' } },
} satisfies Prisma.TermInclude;
export type ScheduleTermRecord = Prisma.TermGetPayload<{ include: typeof termInclude }>;
export type ScheduleBreakRecord = ScheduleTermRecord['breaks'][number];
export interface ScheduleSubjectRecord {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string;
}

const seriesInclude = {
  group: { select: { name: true, schoolId: true } },
  subject: { select: { code: true, nameSv: true, nameEn: true } },
  teachers: { include: teacherSelect },
  _count: { select: { lessons: true } },
} satisfies Prisma.LessonSeriesInclude;
export type LessonSeriesRecord = Prisma.LessonSeriesGetPayload<{ include: typeof seriesInclude }>;

const lessonInclude = {
  group: {
    select: {
      name: true,
      schoolId: true,
      school: { select: { organisationId: true } },
      schoolYear: { select: { terms: { include: termInclude } } },
    },
  },
  subject: { select: { code: true, nameSv: true, nameEn: true } },
  teachers: { include: teacherSelect },
  series: { select: { termId: true } },
  _count: { select: { attendances: true } },
} satisfies Prisma.LessonInclude;
type LessonRow = Prisma.LessonGetPayload<{ include: typeof lessonInclude }>;
export type AdminLessonRecord = LessonRow & { term: ScheduleTermRecord };

export const termDays = (term: ScheduleTermRecord) => ({
  startDate: isoDate(term.startDate),
  endDate: isoDate(term.endDate),
  breaks: term.breaks.map((b) => ({ startDate: isoDate(b.startDate), endDate: isoDate(b.endDate) })),
});

// ───────────── choices ─────────────

async function administeredTerm(ctx: RequestContext, termId: string) {
  return administeredRecord(ctx, 'Term', termId, async (id) => {
    const term = await ctx.prisma.term.findUnique({ where: { id }, include: termInclude });
    return term ? { ...term, organisationId: term.schoolYear.organisationId } : null;
  });
}

async function administeredSchool(ctx: RequestContext, schoolId: string) {
  return administeredRecord(ctx, 'School', schoolId, (id) => ctx.prisma.school.findUnique({ where: { id } }));
}

export async function scheduleOptions(ctx: RequestContext, schoolId: string, termId: string | null | undefined) {
  const { administration, record: school } = await administeredSchool(ctx, schoolId);
  const term = termId ? (await administeredTerm(ctx, termId)).record : null;
  const [terms, groups, subjects, teachers] = await Promise.all([
    ctx.prisma.term.findMany({
      where: { schoolYear: { organisationId: administration.organisationId } },
      include: termInclude,
      orderBy: { startDate: 'asc' },
    }),
    term
      ? ctx.prisma.group.findMany({
          where: { schoolId: school.id, schoolYearId: term.schoolYearId },
          select: { id: true, name: true, subjectId: true },
          orderBy: { name: 'asc' },
        })
      : [],
    ctx.prisma.subject.findMany({ where: { organisationId: administration.organisationId }, orderBy: { nameSv: 'asc' } }),
    ctx.prisma.staff.findMany({
      where: { organisationId: administration.organisationId },
      select: { id: true, firstName: true, lastName: true, signature: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    }),
  ]);
  return { terms, groups, subjects, teachers: teachers.map(teacherOf) };
}

export const teacherOf = (staff: { id: string; firstName: string; lastName: string; signature: string }) => ({
  id: staff.id,
  name: `${staff.firstName} ${staff.lastName}`,
  signature: staff.signature,
});

// ───────────── lesson series ─────────────

export interface LessonSeriesListArgs {
  schoolId: string;
  termId: string;
  groupId?: string | null;
  search?: string | null;
  sort?: { field: 'GROUP' | 'WEEKDAY' | 'SUBJECT' | 'ROOM' | 'VALID_FROM'; direction: 'ASC' | 'DESC' } | null;
  page?: { offset?: number | null; limit?: number | null } | null;
}

function seriesOrder(sort: LessonSeriesListArgs['sort']): Prisma.LessonSeriesOrderByWithRelationInput[] {
  const direction = sort?.direction === 'DESC' ? 'desc' : 'asc';
  const time = [{ weekday: direction }, { startMinute: direction }] as const;
  switch (sort?.field ?? 'GROUP') {
    case 'GROUP':
      return [{ group: { name: direction } }, ...time, { id: 'asc' }];
    case 'WEEKDAY':
      return [...time, { group: { name: 'asc' } }, { id: 'asc' }];
    case 'SUBJECT':
      return [{ subject: { nameSv: direction } }, { group: { name: 'asc' } }, ...time, { id: 'asc' }];
    case 'ROOM':
      return [{ room: { sort: direction, nulls: 'last' } }, ...time, { id: 'asc' }];
    case 'VALID_FROM':
      return [{ validFrom: direction }, { group: { name: 'asc' } }, ...time, { id: 'asc' }];
  }
}

export async function lessonSeriesList(ctx: RequestContext, args: LessonSeriesListArgs) {
  await administeredSchool(ctx, args.schoolId);
  await administeredTerm(ctx, args.termId);
  const { skip, take } = pageOf(args.page ? { offset: args.page.offset ?? 0, limit: args.page.limit ?? 50 } : null);
  if (args.groupId && !isId(args.groupId)) throw notFound('Group');
  const needle = args.search?.trim() ?? '';
  const where: Prisma.LessonSeriesWhereInput = {
    termId: args.termId,
    group: { schoolId: args.schoolId },
    ...(args.groupId ? { groupId: args.groupId } : {}),
    ...(needle
      ? {
          OR: [
            { group: { name: { contains: needle, mode: 'insensitive' } } },
            { subject: { nameSv: { contains: needle, mode: 'insensitive' } } },
            { subject: { nameEn: { contains: needle, mode: 'insensitive' } } },
            { subject: { code: { contains: needle, mode: 'insensitive' } } },
            { room: { contains: needle, mode: 'insensitive' } },
            { teachers: { some: { staff: { signature: { contains: needle, mode: 'insensitive' } } } } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    ctx.prisma.lessonSeries.findMany({ where, include: seriesInclude, orderBy: seriesOrder(args.sort), skip, take }),
    ctx.prisma.lessonSeries.count({ where }),
  ]);
  return { items, pageInfo: { offset: skip, limit: take, total } };
}

export interface LessonSeriesInput {
  groupId: string;
  subjectId: string;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  room?: string | null;
  teacherIds: readonly string[];
  validFrom: string;
  validTo: string;
}

const blankToNull = (text: string | null | undefined): string | null => (text && text.trim() !== '' ? text.trim() : null);

/** Checks every field of a series against its term and the organisation; the data to write, or the problems refused. */
async function checkedSeries(ctx: RequestContext, administration: Administration, term: ScheduleTermRecord, input: LessonSeriesInput) {
  const room = blankToNull(input.room);
  const teacherIds = [...new Set(input.teacherIds)];
  const problems: ScheduleProblem[] = lessonSeriesProblems(
    { ...input, room, teacherIds },
    { startDate: isoDate(term.startDate), endDate: isoDate(term.endDate) },
  );
  const group = isId(input.groupId)
    ? await ctx.prisma.group.findUnique({ where: { id: input.groupId }, include: { school: { select: { organisationId: true } } } })
    : null;
  if (!group || group.school.organisationId !== administration.organisationId) problems.push({ field: 'groupId', code: 'UNKNOWN' });
  else if (group.schoolYearId !== term.schoolYearId) problems.push({ field: 'groupId', code: 'OTHER_SCHOOL_YEAR' });
  const subject = isId(input.subjectId) ? await ctx.prisma.subject.findUnique({ where: { id: input.subjectId } }) : null;
  if (!subject || subject.organisationId !== administration.organisationId) problems.push({ field: 'subjectId', code: 'UNKNOWN' });
  problems.push(...(await teacherProblems(ctx, administration, teacherIds)));
  refuseIfAny(problems);
  return {
    groupId: input.groupId,
    subjectId: input.subjectId,
    weekday: input.weekday,
    startMinute: parseClockTime(input.startTime) as number,
    durationMinutes: input.durationMinutes,
    room,
    validFrom: dbDate(input.validFrom),
    validTo: dbDate(input.validTo),
    teacherIds,
  };
}

async function teacherProblems(
  ctx: RequestContext,
  administration: Administration,
  teacherIds: readonly string[],
): Promise<ScheduleProblem[]> {
  if (teacherIds.length === 0) return [{ field: 'teacherIds', code: 'REQUIRED' }];
  if (!teacherIds.every(isId)) return [{ field: 'teacherIds', code: 'UNKNOWN' }];
  const known = await ctx.prisma.staff.count({ where: { id: { in: [...teacherIds] }, organisationId: administration.organisationId } });
  return known === teacherIds.length ? [] : [{ field: 'teacherIds', code: 'UNKNOWN' }];
}

export function seriesSnapshot(series: {
  termId: string;
  groupId: string;
  subjectId: string;
  weekday: number;
  startMinute: number;
  durationMinutes: number;
  room: string | null;
  validFrom: Date;
  validTo: Date;
  teacherIds: readonly string[];
}): RecordSnapshot {
  return {
    termId: series.termId,
    groupId: series.groupId,
    subjectId: series.subjectId,
    weekday: series.weekday,
    startTime: formatClockTime(series.startMinute),
    durationMinutes: series.durationMinutes,
    room: series.room,
    validFrom: isoDate(series.validFrom),
    validTo: isoDate(series.validTo),
    teacherIds: [...series.teacherIds].sort(),
  };
}

const storedSnapshot = (series: LessonSeriesRecord) => seriesSnapshot({ ...series, teacherIds: series.teachers.map((t) => t.staffId) });

export async function createLessonSeries(ctx: RequestContext, termId: string, input: LessonSeriesInput): Promise<LessonSeriesRecord> {
  const { administration, record: term } = await administeredTerm(ctx, termId);
  const { teacherIds, ...data } = await checkedSeries(ctx, administration, term, input);
  return ctx.prisma.$transaction(async (tx) => {
    const created = await tx.lessonSeries.create({
      data: { ...data, termId, teachers: { create: teacherIds.map((staffId) => ({ staffId })) } },
      include: seriesInclude,
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lessonSeries', kind: 'created', entityId: created.id, before: null, after: storedSnapshot(created) },
    );
    return created;
  });
}

async function administeredSeries(ctx: RequestContext, id: string) {
  return administeredRecord(ctx, 'Lesson series', id, async (seriesId) => {
    const series = await ctx.prisma.lessonSeries.findUnique({
      where: { id: seriesId },
      include: { ...seriesInclude, term: { include: termInclude } },
    });
    return series ? { ...series, organisationId: series.term.schoolYear.organisationId } : null;
  });
}

export async function updateLessonSeries(ctx: RequestContext, id: string, input: LessonSeriesInput): Promise<LessonSeriesRecord> {
  const { administration, record: series } = await administeredSeries(ctx, id);
  const { teacherIds, ...data } = await checkedSeries(ctx, administration, series.term, input);
  return ctx.prisma.$transaction(async (tx) => {
    await tx.lessonSeriesTeacher.deleteMany({ where: { seriesId: id } });
    const updated = await tx.lessonSeries.update({
      where: { id },
      data: { ...data, teachers: { create: teacherIds.map((staffId) => ({ staffId })) } },
      include: seriesInclude,
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lessonSeries', kind: 'updated', entityId: id, before: storedSnapshot(series), after: storedSnapshot(updated) },
    );
    return updated;
  });
}

export async function endLessonSeries(ctx: RequestContext, id: string, lastDate: string): Promise<LessonSeriesRecord> {
  const { record: series } = await administeredSeries(ctx, id);
  refuseIfAny(endSeriesProblems({ validFrom: isoDate(series.validFrom), validTo: isoDate(series.validTo) }, lastDate));
  return ctx.prisma.$transaction(async (tx) => {
    const ended = await tx.lessonSeries.update({ where: { id }, data: { validTo: dbDate(lastDate) }, include: seriesInclude });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lessonSeries', kind: 'ended', entityId: id, before: storedSnapshot(series), after: storedSnapshot(ended) },
    );
    return ended;
  });
}

// ───────────── generating lessons ─────────────

export interface GenerationResult {
  termId: string;
  from: string;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  keptWithAttendance: number;
  keptChanged: number;
}

export async function generateTermLessons(
  ctx: RequestContext,
  termId: string,
  schoolId: string,
  from: string | null | undefined,
): Promise<GenerationResult> {
  const { record: term } = await administeredTerm(ctx, termId);
  await administeredSchool(ctx, schoolId);
  const days = termDays(term);
  const first = from ?? (ctx.today > days.startDate ? ctx.today : days.startDate);
  if (!isIsoDate(first)) refuseIfAny([{ field: 'from', code: 'INVALID_DATE' }]);
  if (first < days.startDate || first > days.endDate) refuseIfAny([{ field: 'from', code: 'OUTSIDE_TERM' }]);
  return ctx.prisma.$transaction((tx) => generateInTransaction({ ...ctx, prisma: tx }, term, schoolId, first), GENERATION_TRANSACTION);
}

/** Exported for the benchmark, which runs it without a request. */
export async function generateInTransaction(
  ctx: TxContext,
  term: ScheduleTermRecord,
  schoolId: string,
  from: string,
): Promise<GenerationResult> {
  const tx = ctx.prisma;
  // One generation per term at a time: a second waits here, then sees the first one's lessons.
  await tx.$queryRaw`SELECT 1 FROM "Term" WHERE "id" = ${term.id}::uuid FOR UPDATE`;
  const series = await tx.lessonSeries.findMany({
    where: { termId: term.id, group: { schoolId } },
    include: { teachers: { select: { staffId: true } } },
  });
  const planned = plannedLessons(
    series.map((s) => ({
      ...s,
      validFrom: isoDate(s.validFrom),
      validTo: isoDate(s.validTo),
      teacherIds: s.teachers.map((t) => t.staffId),
    })),
    termDays(term),
    from,
  );
  const fromInstant = schoolMinuteInstant(from, 0);
  const lessons = await tx.lesson.findMany({
    where: {
      seriesId: { in: series.map((s) => s.id) },
      OR: [{ date: { gte: dbDate(from) } }, { originalStartsAt: { gte: fromInstant } }],
    },
    select: {
      id: true,
      seriesId: true,
      date: true,
      subjectId: true,
      startsAt: true,
      endsAt: true,
      room: true,
      status: true,
      originalStartsAt: true,
      originalRoom: true,
      changeNote: true,
      attendanceTakenAt: true,
      teachers: { select: { staffId: true } },
      _count: { select: { attendances: true, rollCallSubmissions: true } },
    },
  });
  const existing = lessons
    .map((lesson) => ({
      id: lesson.id,
      seriesId: lesson.seriesId as string,
      slotDate: seriesSlotDate({ date: isoDate(lesson.date), originalStartsAt: lesson.originalStartsAt }),
      subjectId: lesson.subjectId,
      startsAt: lesson.startsAt,
      endsAt: lesson.endsAt,
      room: lesson.room,
      teacherIds: lesson.teachers.map((t) => t.staffId),
      hasAttendance: lesson.attendanceTakenAt !== null || lesson._count.attendances > 0 || lesson._count.rollCallSubmissions > 0,
      changedByHand: isChangedByHand(lesson),
    }))
    .filter((lesson) => lesson.slotDate >= from);
  const plan = planLessonGeneration(planned, existing);

  if (plan.remove.length > 0) {
    await tx.lessonTeacher.deleteMany({ where: { lessonId: { in: plan.remove } } });
    // The attendance conditions again, so that a lesson is never removed under a roll call however it got there.
    await tx.lesson.deleteMany({
      where: { id: { in: plan.remove }, attendanceTakenAt: null, attendances: { none: {} }, rollCallSubmissions: { none: {} } },
    });
  }
  for (const { id, lesson, teachersChanged } of plan.update) {
    await tx.lesson.update({
      where: { id },
      data: { subjectId: lesson.subjectId, startsAt: lesson.startsAt, endsAt: lesson.endsAt, room: lesson.room },
    });
    if (teachersChanged) {
      await tx.lessonTeacher.deleteMany({ where: { lessonId: id } });
      await tx.lessonTeacher.createMany({ data: lesson.teacherIds.map((staffId) => ({ lessonId: id, staffId })) });
    }
  }
  // By date: the AbsenceDay trigger recomputes each student's day once per statement that touches it, so a day's
  // lessons are best inserted together.
  const created = [...plan.create].sort((a, b) => a.date.localeCompare(b.date)).map((lesson) => ({ id: randomUUID(), lesson }));
  for (let start = 0; start < created.length; start += INSERT_CHUNK) {
    const chunk = created.slice(start, start + INSERT_CHUNK);
    await tx.lesson.createMany({
      data: chunk.map(({ id, lesson }) => ({
        id,
        seriesId: lesson.seriesId,
        groupId: lesson.groupId,
        subjectId: lesson.subjectId,
        date: dbDate(lesson.date),
        startsAt: lesson.startsAt,
        endsAt: lesson.endsAt,
        room: lesson.room,
      })),
    });
    await tx.lessonTeacher.createMany({
      data: chunk.flatMap(({ id, lesson }) => lesson.teacherIds.map((staffId) => ({ lessonId: id, staffId }))),
    });
  }
  const result: GenerationResult = {
    termId: term.id,
    from,
    created: created.length,
    updated: plan.update.length,
    removed: plan.remove.length,
    unchanged: plan.unchanged,
    keptWithAttendance: plan.keptWithAttendance,
    keptChanged: plan.keptChanged,
  };
  await recordChange(ctx, {
    entity: 'term',
    kind: 'generated',
    entityId: term.id,
    before: null,
    after: { schoolId, ...result },
  });
  return result;
}

// ───────────── one lesson ─────────────

/** The term a lesson belongs to: its series', or the one of its group's school year holding its planned date. */
function termOfLesson(lesson: LessonRow): ScheduleTermRecord {
  const terms = lesson.group.schoolYear.terms;
  const bySeries = lesson.series ? terms.find((term) => term.id === lesson.series?.termId) : undefined;
  const date = seriesSlotDate({ date: isoDate(lesson.date), originalStartsAt: lesson.originalStartsAt });
  const term = bySeries ?? terms.find((t) => isoDate(t.startDate) <= date && date <= isoDate(t.endDate));
  if (!term) throw notFound('Term of the lesson');
  return term;
}

async function administeredLessonRecord(ctx: RequestContext, id: string) {
  const { administration, record } = await administeredRecord(ctx, 'Lesson', id, async (lessonId) => {
    const lesson = await ctx.prisma.lesson.findUnique({ where: { id: lessonId }, include: lessonInclude });
    return lesson ? { ...lesson, organisationId: lesson.group.school.organisationId } : null;
  });
  return { administration, lesson: { ...record, term: termOfLesson(record) } };
}

export async function administeredLesson(ctx: RequestContext, id: string): Promise<AdminLessonRecord> {
  return (await administeredLessonRecord(ctx, id)).lesson;
}

export async function scheduleGroupLessons(ctx: RequestContext, groupId: string, week: IsoWeek): Promise<AdminLessonRecord[]> {
  await administeredRecord(ctx, 'Group', groupId, (id) =>
    ctx.prisma.group
      .findUnique({ where: { id }, include: { school: { select: { organisationId: true } } } })
      .then((group) => (group ? { ...group, organisationId: group.school.organisationId } : null)),
  );
  if (!isValidIsoWeek(week)) throw badInput(`No such week: ${week.isoYear}-W${week.isoWeek}`, 'week');
  const dates = schoolDaysOfIsoWeek(week);
  const lessons = await ctx.prisma.lesson.findMany({
    where: { groupId, date: { gte: dbDate(dates[0] as string), lte: dbDate(dates[4] as string) } },
    include: lessonInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return lessons.map((lesson) => ({ ...lesson, term: termOfLesson(lesson) }));
}

const attendanceTaken = (lesson: LessonRow) => lesson.attendanceTakenAt !== null || lesson._count.attendances > 0;

export function lessonSnapshot(lesson: {
  date: Date;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  status: string;
  originalStartsAt: Date | null;
  originalRoom: string | null;
  changeNote: string | null;
  teacherIds: readonly string[];
}): RecordSnapshot {
  return {
    date: isoDate(lesson.date),
    startsAt: lesson.startsAt.toISOString(),
    endsAt: lesson.endsAt.toISOString(),
    room: lesson.room,
    status: lesson.status,
    originalStartsAt: lesson.originalStartsAt?.toISOString() ?? null,
    originalRoom: lesson.originalRoom,
    changeNote: lesson.changeNote,
    teacherIds: [...lesson.teacherIds].sort(),
  };
}

const storedLessonSnapshot = (lesson: LessonRow) => lessonSnapshot({ ...lesson, teacherIds: lesson.teachers.map((t) => t.staffId) });

export async function cancelLesson(ctx: RequestContext, id: string, reason: string): Promise<AdminLessonRecord> {
  const { lesson } = await administeredLessonRecord(ctx, id);
  const problems = changeNoteProblems(reason, 'reason');
  if (lesson.status === 'CANCELLED') problems.push({ field: 'id', code: 'ALREADY_CANCELLED' });
  if (attendanceTaken(lesson)) problems.push({ field: 'id', code: 'ATTENDANCE_TAKEN' });
  refuseIfAny(problems);
  return ctx.prisma.$transaction(async (tx) => {
    const cancelled = await tx.lesson.update({
      where: { id },
      data: { status: 'CANCELLED', changeNote: reason.trim() },
      include: lessonInclude,
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lesson', kind: 'updated', entityId: id, before: storedLessonSnapshot(lesson), after: storedLessonSnapshot(cancelled) },
    );
    return { ...cancelled, term: lesson.term };
  });
}

/**
 * The lesson's note from before it was cancelled (a substitute's name, a new room), from the cancellation's audit
 * row: the cancellation's reason took the note's place, and nothing can change a cancelled lesson in between.
 */
async function noteBeforeCancellation(ctx: RequestContext, lessonId: string): Promise<string | null> {
  const row = await ctx.prisma.auditEvent.findFirst({
    where: { action: 'admin.lesson.updated', entityType: 'lesson', entityId: lessonId },
    orderBy: { id: 'desc' },
    select: { details: true },
  });
  const field = (json: unknown, name: string): unknown =>
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>)[name] : undefined;
  const details = row?.details;
  if (field(field(details, 'after'), 'status') !== 'CANCELLED') return null;
  const note = field(field(details, 'before'), 'changeNote');
  return typeof note === 'string' ? note : null;
}

/** Takes a cancellation back: the lesson is held after all, at its time and room, with the note it had before. */
export async function restoreLesson(ctx: RequestContext, id: string): Promise<AdminLessonRecord> {
  const { lesson } = await administeredLessonRecord(ctx, id);
  if (lesson.status !== 'CANCELLED') refuseIfAny([{ field: 'id', code: 'NOT_CANCELLED' }]);
  const changeNote = await noteBeforeCancellation(ctx, id);
  return ctx.prisma.$transaction(async (tx) => {
    const restored = await tx.lesson.update({ where: { id }, data: { status: 'SCHEDULED', changeNote }, include: lessonInclude });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lesson', kind: 'updated', entityId: id, before: storedLessonSnapshot(lesson), after: storedLessonSnapshot(restored) },
    );
    return { ...restored, term: lesson.term };
  });
}

export interface LessonChangeInput {
  date: string;
  startTime: string;
  room?: string | null;
  teacherIds: readonly string[];
  note: string;
}

export async function changeLesson(ctx: RequestContext, id: string, input: LessonChangeInput): Promise<AdminLessonRecord> {
  const { administration, lesson } = await administeredLessonRecord(ctx, id);
  const room = blankToNull(input.room);
  const teacherIds = [...new Set(input.teacherIds)];
  const durationMinutes = Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000);
  const problems = [
    ...lessonMoveProblems({ date: input.date, startTime: input.startTime, durationMinutes, room }, termDays(lesson.term)),
    ...changeNoteProblems(input.note),
    ...(await teacherProblems(ctx, administration, teacherIds)),
  ];
  if (lesson.status === 'CANCELLED') problems.push({ field: 'id', code: 'CANCELLED' });
  refuseIfAny(problems);
  const startsAt = schoolMinuteInstant(input.date, parseClockTime(input.startTime) as number);
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  // A saved roll call belongs to the lesson's time: who was there then. Room and teachers may still change.
  if (attendanceTaken(lesson) && startsAt.getTime() !== lesson.startsAt.getTime()) {
    refuseIfAny([{ field: 'date', code: 'ATTENDANCE_TAKEN' }]);
  }
  const originals = originalValuesAfterChange(lesson, { startsAt, endsAt, room });
  return ctx.prisma.$transaction(async (tx) => {
    await tx.lessonTeacher.deleteMany({ where: { lessonId: id } });
    const changed = await tx.lesson.update({
      where: { id },
      data: {
        date: dbDate(input.date),
        startsAt,
        endsAt,
        room,
        ...originals,
        changeNote: input.note.trim(),
        teachers: { create: teacherIds.map((staffId) => ({ staffId })) },
      },
      include: lessonInclude,
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'lesson', kind: 'updated', entityId: id, before: storedLessonSnapshot(lesson), after: storedLessonSnapshot(changed) },
    );
    return { ...changed, term: lesson.term };
  });
}

/** HH:MM of an instant in school time, for the lesson form. */
export const startTimeOf = (instant: Date): string => formatClockTime(schoolMinuteOf(instant));
