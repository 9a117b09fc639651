// The organisation's school calendar: school years, terms and breaks. Every read and change goes through
// requireAdministration / administeredRecord; every change is checked by the shared rules and audited with
// before and after in its transaction. The rules compare a record with its siblings, so each change first
// locks the parent (organisation → school year → term, always in that order): two administrators adding
// overlapping terms or breaks at once are then checked one after the other. FOR NO KEY UPDATE, not FOR UPDATE: it
// need not wait for transactions that only add rows referring to the parent (an SS 12000 import, minutes long).
import { Prisma } from '@insyn/db';
import { checkSchoolBreak, checkSchoolYear, checkTerm, type SchoolBreakDraft, type SchoolYearDraft, type TermDraft } from '@insyn/domain';
import type { RequestContext } from '../../../context.ts';
import { dateValue } from '../../access/validity.ts';
import { isoDate } from '../../access/viewer.ts';
import { administeredRecord, requireAdministration } from '../administration.access.ts';
import { recordChange, type RecordSnapshot } from '../administration.changes.ts';
import { refuse, refuseIfAny } from '../administration.problems.ts';

type Tx = Prisma.TransactionClient;
type TxContext = Omit<RequestContext, 'prisma'> & { prisma: Tx };

export interface SchoolBreakRecord {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface TermRecord {
  id: string;
  kind: 'AUTUMN' | 'SPRING';
  startDate: string;
  endDate: string;
  breaks: SchoolBreakRecord[];
  inUse: boolean;
}

export interface SchoolYearRecord {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  terms: TermRecord[];
  inUse: boolean;
}

const yearSelect = {
  id: true,
  organisationId: true,
  name: true,
  startDate: true,
  endDate: true,
  _count: { select: { groups: true } },
  terms: {
    orderBy: { startDate: 'asc' },
    select: {
      id: true,
      kind: true,
      startDate: true,
      endDate: true,
      _count: { select: { lessonSeries: true, subjectAssessments: true, developmentPlans: true } },
      breaks: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }], select: { id: true, name: true, startDate: true, endDate: true } },
    },
  },
} satisfies Prisma.SchoolYearSelect;
type YearRow = Prisma.SchoolYearGetPayload<{ select: typeof yearSelect }>;
type TermRow = YearRow['terms'][number];

const span = (row: { startDate: Date; endDate: Date }) => ({ startDate: isoDate(row.startDate), endDate: isoDate(row.endDate) });

/**
 * Lessons are dated, and belong to a group of the school year: a term has lessons when one of its year's
 * groups has one between its first and last day (a cancelled or one-off lesson has no series to count).
 */
async function lessonsIn(
  prisma: Tx | RequestContext['prisma'],
  schoolYearId: string,
  term: { startDate: Date; endDate: Date },
): Promise<boolean> {
  const lesson = await prisma.lesson.findFirst({
    where: { group: { schoolYearId }, date: { gte: term.startDate, lte: term.endDate } },
    select: { id: true },
  });
  return lesson !== null;
}

/**
 * Lessons already dated in the part of the term its new dates leave out (a one-off lesson has no series
 * for checkTerm to see) would be in no term; moving them is the schedule's work, not the calendar's.
 */
async function refuseLessonsLeftOutside(
  tx: Tx,
  schoolYearId: string,
  before: { startDate: Date; endDate: Date },
  draft: TermDraft,
): Promise<void> {
  const lesson = await tx.lesson.findFirst({
    where: {
      group: { schoolYearId },
      date: { gte: before.startDate, lte: before.endDate },
      OR: [{ date: { lt: dateValue(draft.startDate) } }, { date: { gt: dateValue(draft.endDate) } }],
    },
    select: { date: true },
  });
  if (lesson) refuseIfAny([{ field: isoDate(lesson.date) < draft.startDate ? 'startDate' : 'endDate', code: 'LESSONS_OUTSIDE' }]);
}

async function termInUse(prisma: Tx | RequestContext['prisma'], schoolYearId: string, term: TermRow): Promise<boolean> {
  const counts = term._count;
  return counts.lessonSeries + counts.subjectAssessments + counts.developmentPlans > 0 || (await lessonsIn(prisma, schoolYearId, term));
}

async function yearRecord(prisma: Tx | RequestContext['prisma'], row: YearRow): Promise<SchoolYearRecord> {
  const terms = await Promise.all(
    row.terms.map(async (term): Promise<TermRecord> => ({
      id: term.id,
      kind: term.kind,
      ...span(term),
      breaks: term.breaks.map((range) => ({ id: range.id, name: range.name, ...span(range) })),
      inUse: await termInUse(prisma, row.id, term),
    })),
  );
  return { id: row.id, name: row.name, ...span(row), terms, inUse: row._count.groups > 0 || terms.some((term) => term.inUse) };
}

const loadYear = (prisma: Tx | RequestContext['prisma'], id: string) => prisma.schoolYear.findUnique({ where: { id }, select: yearSelect });

async function currentYear(prisma: Tx, id: string): Promise<SchoolYearRecord> {
  const row = await prisma.schoolYear.findUniqueOrThrow({ where: { id }, select: yearSelect });
  return yearRecord(prisma, row);
}

const yearSnapshot = (row: { name: string; startDate: Date; endDate: Date }): RecordSnapshot => ({ name: row.name, ...span(row) });
const termSnapshot = (row: { schoolYearId: string; kind: string; startDate: Date; endDate: Date }): RecordSnapshot => ({
  schoolYearId: row.schoolYearId,
  kind: row.kind,
  ...span(row),
});
const breakSnapshot = (row: { termId: string; name: string; startDate: Date; endDate: Date }): RecordSnapshot => ({
  termId: row.termId,
  name: row.name,
  ...span(row),
});

const lockOrganisation = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
const lockYear = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM "SchoolYear" WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
const lockTerm = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM "Term" WHERE id = ${id}::uuid FOR NO KEY UPDATE`;

/** A unique index that still fires in a race (a year's name, a term's kind) is the same refusal as the check's. */
async function unlessUnique<T>(problem: { field: string; code: string }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw refuse([problem]);
    throw error;
  }
}

const inUse = () => refuse([{ field: 'id', code: 'IN_USE' }]);

// ── school years ──

export async function schoolCalendar(ctx: RequestContext): Promise<SchoolYearRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const rows = await ctx.prisma.schoolYear.findMany({ where: { organisationId }, select: yearSelect, orderBy: { startDate: 'desc' } });
  return Promise.all(rows.map((row) => yearRecord(ctx.prisma, row)));
}

const administeredYear = (ctx: RequestContext, id: string) =>
  administeredRecord(ctx, 'School year', id, (yearId) => loadYear(ctx.prisma, yearId));

export async function administeredSchoolYear(ctx: RequestContext, id: string): Promise<SchoolYearRecord> {
  const { record } = await administeredYear(ctx, id);
  return yearRecord(ctx.prisma, record);
}

const yearDraft = (input: SchoolYearDraft): SchoolYearDraft => ({
  name: input.name.trim(),
  startDate: input.startDate,
  endDate: input.endDate,
});

async function checkYearIn(tx: Tx, organisationId: string, draft: SchoolYearDraft, yearId: string | null): Promise<void> {
  const [others, terms] = await Promise.all([
    tx.schoolYear.findMany({
      where: { organisationId, ...(yearId ? { id: { not: yearId } } : {}) },
      select: { name: true, startDate: true, endDate: true },
    }),
    yearId ? tx.term.findMany({ where: { schoolYearId: yearId }, select: { startDate: true, endDate: true } }) : [],
  ]);
  refuseIfAny(checkSchoolYear(draft, { others: others.map((other) => ({ name: other.name, ...span(other) })), terms: terms.map(span) }));
}

export async function createSchoolYear(ctx: RequestContext, input: SchoolYearDraft): Promise<SchoolYearRecord> {
  const { organisationId } = await requireAdministration(ctx);
  const draft = yearDraft(input);
  return unlessUnique({ field: 'name', code: 'DUPLICATE' }, () =>
    ctx.prisma.$transaction(async (tx) => {
      await lockOrganisation(tx, organisationId);
      await checkYearIn(tx, organisationId, draft, null);
      const created = await tx.schoolYear.create({
        data: { organisationId, name: draft.name, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
      });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'schoolYear', kind: 'created', entityId: created.id, before: null, after: yearSnapshot(created) },
      );
      return currentYear(tx, created.id);
    }),
  );
}

export async function updateSchoolYear(ctx: RequestContext, id: string, input: SchoolYearDraft): Promise<SchoolYearRecord> {
  const { administration } = await administeredYear(ctx, id);
  const draft = yearDraft(input);
  return unlessUnique({ field: 'name', code: 'DUPLICATE' }, () =>
    ctx.prisma.$transaction(async (tx) => {
      await lockOrganisation(tx, administration.organisationId);
      await lockYear(tx, id);
      const before = await tx.schoolYear.findUniqueOrThrow({ where: { id } });
      await checkYearIn(tx, administration.organisationId, draft, id);
      const updated = await tx.schoolYear.update({
        where: { id },
        data: { name: draft.name, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
      });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'schoolYear', kind: 'updated', entityId: id, before: yearSnapshot(before), after: yearSnapshot(updated) },
      );
      return currentYear(tx, id);
    }),
  ).then(termsChanged(ctx));
}

/** Deletes breaks and terms with an audit row each; the caller has checked that nothing else refers to them. */
async function deleteTermsOf(ctx: TxContext, terms: { id: string }[]): Promise<void> {
  for (const term of terms) {
    const breaks = await ctx.prisma.schoolBreak.findMany({ where: { termId: term.id } });
    for (const range of breaks) {
      await ctx.prisma.schoolBreak.delete({ where: { id: range.id } });
      await recordChange(ctx, { entity: 'schoolBreak', kind: 'deleted', entityId: range.id, before: breakSnapshot(range), after: null });
    }
    const deleted = await ctx.prisma.term.delete({ where: { id: term.id } });
    await recordChange(ctx, { entity: 'term', kind: 'deleted', entityId: term.id, before: termSnapshot(deleted), after: null });
  }
}

export async function deleteSchoolYear(ctx: RequestContext, id: string): Promise<string> {
  const { administration } = await administeredYear(ctx, id);
  await ctx.prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, administration.organisationId);
    await lockYear(tx, id);
    const row = await tx.schoolYear.findUniqueOrThrow({ where: { id }, select: yearSelect });
    if ((await yearRecord(tx, row)).inUse) throw inUse();
    const txContext = { ...ctx, prisma: tx };
    await deleteTermsOf(txContext, row.terms);
    const deleted = await tx.schoolYear.delete({ where: { id } });
    await recordChange(txContext, { entity: 'schoolYear', kind: 'deleted', entityId: id, before: yearSnapshot(deleted), after: null });
  });
  ctx.referenceData.forget();
  return id;
}

/** Each process holds the terms for the statistics (reference-data.ts): once a change is committed, it reads them anew. */
const termsChanged =
  (ctx: RequestContext) =>
  <T>(result: T): T => {
    ctx.referenceData.forget();
    return result;
  };

// ── terms ──

const loadTerm = (ctx: RequestContext) => (id: string) =>
  ctx.prisma.term
    .findUnique({ where: { id }, select: { id: true, schoolYearId: true, schoolYear: { select: { organisationId: true } } } })
    .then((term) => (term ? { ...term, organisationId: term.schoolYear.organisationId } : null));

const termDraft = (input: TermDraft): TermDraft => ({ kind: input.kind, startDate: input.startDate, endDate: input.endDate });

async function checkTermIn(tx: Tx, schoolYearId: string, draft: TermDraft, termId: string | null): Promise<void> {
  const [year, others, breaks, lessonSeries] = await Promise.all([
    tx.schoolYear.findUniqueOrThrow({ where: { id: schoolYearId }, select: { startDate: true, endDate: true } }),
    tx.term.findMany({
      where: { schoolYearId, ...(termId ? { id: { not: termId } } : {}) },
      select: { kind: true, startDate: true, endDate: true },
    }),
    termId ? tx.schoolBreak.findMany({ where: { termId }, select: { startDate: true, endDate: true } }) : [],
    termId ? tx.lessonSeries.findMany({ where: { termId }, select: { validFrom: true, validTo: true } }) : [],
  ]);
  refuseIfAny(
    checkTerm(draft, {
      schoolYear: span(year),
      others: others.map((other) => ({ kind: other.kind, ...span(other) })),
      breaks: breaks.map(span),
      lessonSeries: lessonSeries.map((series) => ({ startDate: isoDate(series.validFrom), endDate: isoDate(series.validTo) })),
    }),
  );
}

export async function createTerm(ctx: RequestContext, schoolYearId: string, input: TermDraft): Promise<SchoolYearRecord> {
  await administeredYear(ctx, schoolYearId);
  const draft = termDraft(input);
  return unlessUnique({ field: 'kind', code: 'DUPLICATE' }, () =>
    ctx.prisma.$transaction(async (tx) => {
      await lockYear(tx, schoolYearId);
      await checkTermIn(tx, schoolYearId, draft, null);
      const created = await tx.term.create({
        data: { schoolYearId, kind: draft.kind, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
      });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'term', kind: 'created', entityId: created.id, before: null, after: termSnapshot(created) },
      );
      return currentYear(tx, schoolYearId);
    }),
  ).then(termsChanged(ctx));
}

export async function updateTerm(ctx: RequestContext, id: string, input: TermDraft): Promise<SchoolYearRecord> {
  const { record } = await administeredRecord(ctx, 'Term', id, loadTerm(ctx));
  const draft = termDraft(input);
  return unlessUnique({ field: 'kind', code: 'DUPLICATE' }, () =>
    ctx.prisma.$transaction(async (tx) => {
      await lockYear(tx, record.schoolYearId);
      await lockTerm(tx, id);
      const before = await tx.term.findUniqueOrThrow({ where: { id } });
      await checkTermIn(tx, record.schoolYearId, draft, id);
      await refuseLessonsLeftOutside(tx, record.schoolYearId, before, draft);
      const updated = await tx.term.update({
        where: { id },
        data: { kind: draft.kind, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
      });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'term', kind: 'updated', entityId: id, before: termSnapshot(before), after: termSnapshot(updated) },
      );
      return currentYear(tx, record.schoolYearId);
    }),
  ).then(termsChanged(ctx));
}

export async function deleteTerm(ctx: RequestContext, id: string): Promise<SchoolYearRecord> {
  const { record } = await administeredRecord(ctx, 'Term', id, loadTerm(ctx));
  const year = await ctx.prisma.$transaction(async (tx) => {
    await lockYear(tx, record.schoolYearId);
    await lockTerm(tx, id);
    const row = await tx.schoolYear.findUniqueOrThrow({ where: { id: record.schoolYearId }, select: yearSelect });
    const term = row.terms.find((candidate) => candidate.id === id);
    if (!term || (await termInUse(tx, record.schoolYearId, term))) throw inUse();
    await deleteTermsOf({ ...ctx, prisma: tx }, [term]);
    return currentYear(tx, record.schoolYearId);
  });
  ctx.referenceData.forget();
  return year;
}

// ── breaks ──

const loadBreak = (ctx: RequestContext) => (id: string) =>
  ctx.prisma.schoolBreak
    .findUnique({
      where: { id },
      select: { id: true, termId: true, term: { select: { schoolYearId: true, schoolYear: { select: { organisationId: true } } } } },
    })
    .then((range) => (range ? { ...range, organisationId: range.term.schoolYear.organisationId } : null));

const breakDraft = (input: SchoolBreakDraft): SchoolBreakDraft => ({
  name: input.name.trim(),
  startDate: input.startDate,
  endDate: input.endDate,
});

async function checkBreakIn(tx: Tx, termId: string, draft: SchoolBreakDraft, breakId: string | null): Promise<void> {
  const [term, others] = await Promise.all([
    tx.term.findUniqueOrThrow({ where: { id: termId }, select: { startDate: true, endDate: true } }),
    tx.schoolBreak.findMany({
      where: { termId, ...(breakId ? { id: { not: breakId } } : {}) },
      select: { startDate: true, endDate: true },
    }),
  ]);
  refuseIfAny(checkSchoolBreak(draft, { term: span(term), others: others.map(span) }));
}

export async function createSchoolBreak(ctx: RequestContext, termId: string, input: SchoolBreakDraft): Promise<SchoolYearRecord> {
  const { record } = await administeredRecord(ctx, 'Term', termId, loadTerm(ctx));
  const draft = breakDraft(input);
  return ctx.prisma.$transaction(async (tx) => {
    await lockTerm(tx, termId);
    await checkBreakIn(tx, termId, draft, null);
    const created = await tx.schoolBreak.create({
      data: { termId, name: draft.name, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'schoolBreak', kind: 'created', entityId: created.id, before: null, after: breakSnapshot(created) },
    );
    return currentYear(tx, record.schoolYearId);
  });
}

export async function updateSchoolBreak(ctx: RequestContext, id: string, input: SchoolBreakDraft): Promise<SchoolYearRecord> {
  const { record } = await administeredRecord(ctx, 'School break', id, loadBreak(ctx));
  const draft = breakDraft(input);
  return ctx.prisma.$transaction(async (tx) => {
    await lockTerm(tx, record.termId);
    const before = await tx.schoolBreak.findUniqueOrThrow({ where: { id } });
    await checkBreakIn(tx, record.termId, draft, id);
    const updated = await tx.schoolBreak.update({
      where: { id },
      data: { name: draft.name, startDate: dateValue(draft.startDate), endDate: dateValue(draft.endDate) },
    });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'schoolBreak', kind: 'updated', entityId: id, before: breakSnapshot(before), after: breakSnapshot(updated) },
    );
    return currentYear(tx, record.term.schoolYearId);
  });
}

/** A break may always go: nothing refers to it, and leave applications already made keep the day count they were decided on. */
export async function deleteSchoolBreak(ctx: RequestContext, id: string): Promise<SchoolYearRecord> {
  const { record } = await administeredRecord(ctx, 'School break', id, loadBreak(ctx));
  return ctx.prisma.$transaction(async (tx) => {
    await lockTerm(tx, record.termId);
    const deleted = await tx.schoolBreak.delete({ where: { id } });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'schoolBreak', kind: 'deleted', entityId: id, before: breakSnapshot(deleted), after: null },
    );
    return currentYear(tx, record.term.schoolYearId);
  });
}
