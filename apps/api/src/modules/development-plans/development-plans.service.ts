// The IUP (rule 6, "the home must know in time"): teachers write their subjects' entries for the current
// term, the mentor writes the summary and publishes; publishing tells the guardians (rule 2 applied by
// recipientsOf) in the same transaction. Staff see drafts; the student and guardians see published plans.
// Edits after publishing are allowed and shown at once as "updated after publishing"; the mentor may
// publish again, which tells the home again (packages/domain/src/development-plans.ts).
import {
  checkPlanEntry,
  checkPlanPublish,
  checkPlanSummary,
  hasDevelopmentPlan,
  mayPublishDevelopmentPlan,
  mayReadDevelopmentPlanDraft,
  mayWritePlanEntry,
  updatedAfterPublishing,
  writableSubjectIds,
  type DevelopmentPlanProblem,
  type StudentFacts,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { currentTerm, termRecord, termSelect, type TermRecord, type TermRow } from '../calendar/terms.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeGroup, authorizeStudent, isId, loadStudentFacts } from '../access/access.service.ts';
import { requireStaffViewer, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { developmentPlanText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf } from '../notifications/queue.ts';

const fullName = (someone: { firstName: string; lastName: string }) => `${someone.firstName} ${someone.lastName}`;

export interface PlanEntryRecord {
  subjectId: string;
  subjectSv: string;
  subjectEn: string;
  standing: string;
  goals: string;
  authoredBy: string;
  updatedAt: string;
}

export interface DevelopmentPlanRecord {
  id: string | null;
  studentId: string;
  studentName: string;
  term: TermRecord;
  summary: string | null;
  entries: PlanEntryRecord[];
  updatedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  updatedAfterPublishing: boolean;
}

export interface PlanSubjectRecord {
  subjectId: string;
  subjectSv: string;
  subjectEn: string;
  groupNames: string[];
  entry: PlanEntryRecord | null;
  canWrite: boolean;
}

export interface DevelopmentPlanWork {
  plan: DevelopmentPlanRecord;
  subjects: PlanSubjectRecord[];
  isMentor: boolean;
}

const planSelect = {
  id: true,
  studentId: true,
  summary: true,
  updatedAt: true,
  publishedAt: true,
  publishedBy: { select: { firstName: true, lastName: true } },
  term: { select: termSelect },
  student: { select: { firstName: true, lastName: true } },
  entries: {
    select: {
      subjectId: true,
      standing: true,
      goals: true,
      updatedAt: true,
      subject: { select: { nameSv: true, nameEn: true } },
      authoredBy: { select: { firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.DevelopmentPlanSelect;
type PlanRow = Prisma.DevelopmentPlanGetPayload<{ select: typeof planSelect }>;

function planRecord(row: PlanRow): DevelopmentPlanRecord {
  return {
    id: row.id,
    studentId: row.studentId,
    studentName: fullName(row.student),
    term: termRecord(row.term),
    summary: row.summary,
    entries: row.entries
      .map((entry) => ({
        subjectId: entry.subjectId,
        subjectSv: entry.subject.nameSv,
        subjectEn: entry.subject.nameEn,
        standing: entry.standing,
        goals: entry.goals,
        authoredBy: fullName(entry.authoredBy),
        updatedAt: entry.updatedAt.toISOString(),
      }))
      .sort((a, b) => a.subjectSv.localeCompare(b.subjectSv, 'sv')),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy ? fullName(row.publishedBy) : null,
    updatedAfterPublishing: updatedAfterPublishing(row),
  };
}

/** What the IUP rules need about a student today: form, year, teaching groups, and the term it is. */
async function studentPlanFacts(ctx: RequestContext, studentId: string) {
  const student = await ctx.prisma.student.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      firstName: true,
      lastName: true,
      school: { select: { form: true, organisationId: true } },
      memberships: {
        where: inForceOn(dateValue(ctx.today)),
        select: {
          group: {
            select: {
              id: true,
              kind: true,
              name: true,
              yearLevel: true,
              subjectId: true,
              subject: { select: { nameSv: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
  const groups = student.memberships.map((membership) => membership.group);
  const yearLevel = groups.find((group) => group.kind === 'CLASS')?.yearLevel ?? null;
  const teachingGroups = groups.filter((group) => group.kind === 'TEACHING');
  return {
    name: fullName(student),
    applies: hasDevelopmentPlan({ schoolForm: student.school.form, yearLevel }),
    organisationId: student.school.organisationId,
    teachingGroups,
    planGroups: teachingGroups.map((group) => ({ groupId: group.id, subjectId: group.subjectId })),
  };
}

const refused = (problems: DevelopmentPlanProblem[]) =>
  appError('BAD_USER_INPUT', `The development plan was not saved: ${problems.join(', ')}`, { problems });

/** The current term (see calendar/terms.ts); plans are always written for it. */
async function planTerm(ctx: RequestContext, organisationId: string): Promise<TermRow> {
  const term = await currentTerm(ctx, organisationId);
  if (!term) throw appError('BAD_USER_INPUT', 'No term has started yet', { problems: ['NO_TERM'] });
  return term;
}

/** The student, if the viewer may read their plans as staff (drafts included); otherwise NOT_FOUND. */
async function authorizeDraftReader(ctx: RequestContext, studentId: string): Promise<{ viewer: Viewer; student: StudentFacts }> {
  const viewer = await requireViewer(ctx);
  if (!isId(studentId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [studentId] });
  if (!student || !mayReadDevelopmentPlanDraft(viewer.facts, student, ctx.today)) throw notFound('Student');
  return { viewer, student };
}

export async function studentDevelopmentPlans(ctx: RequestContext, studentId: string) {
  await authorizeStudent(ctx, studentId, 'student:readAssessments');
  const facts = await studentPlanFacts(ctx, studentId);
  const rows = facts.applies
    ? await ctx.prisma.developmentPlan.findMany({
        where: { studentId, publishedAt: { not: null } },
        select: planSelect,
        orderBy: { term: { startDate: 'desc' } },
      })
    : [];
  await audit(ctx, 'developmentPlan.read', { studentId, entityType: 'Student', entityId: studentId });
  return { studentId, applies: facts.applies, plans: rows.map(planRecord) };
}

async function readWork(ctx: RequestContext, viewer: Viewer, student: StudentFacts): Promise<DevelopmentPlanWork> {
  const facts = await studentPlanFacts(ctx, student.id);
  if (!facts.applies) throw refused(['NOT_COMPULSORY_SCHOOL']);
  const term = await planTerm(ctx, facts.organisationId);
  const row = await ctx.prisma.developmentPlan.findUnique({
    where: { studentId_termId: { studentId: student.id, termId: term.id } },
    select: planSelect,
  });
  const plan: DevelopmentPlanRecord = row
    ? planRecord(row)
    : {
        id: null,
        studentId: student.id,
        studentName: facts.name,
        term: termRecord(term),
        summary: null,
        entries: [],
        updatedAt: null,
        publishedAt: null,
        publishedBy: null,
        updatedAfterPublishing: false,
      };
  const writable = new Set(writableSubjectIds(viewer.facts, facts.planGroups, ctx.today));
  const subjects = new Map<string, PlanSubjectRecord>();
  for (const group of facts.teachingGroups) {
    if (!group.subjectId || !group.subject) continue;
    const known = subjects.get(group.subjectId);
    if (known) known.groupNames.push(group.name);
    else
      subjects.set(group.subjectId, {
        subjectId: group.subjectId,
        subjectSv: group.subject.nameSv,
        subjectEn: group.subject.nameEn,
        groupNames: [group.name],
        entry: null,
        canWrite: writable.has(group.subjectId),
      });
  }
  // An entry stays in the plan when the student has left the subject's group since.
  for (const entry of plan.entries) {
    const subject = subjects.get(entry.subjectId);
    if (subject) subject.entry = entry;
    else
      subjects.set(entry.subjectId, {
        subjectId: entry.subjectId,
        subjectSv: entry.subjectSv,
        subjectEn: entry.subjectEn,
        groupNames: [],
        entry,
        canWrite: false,
      });
  }
  return {
    plan,
    subjects: [...subjects.values()].sort((a, b) => a.subjectSv.localeCompare(b.subjectSv, 'sv')),
    isMentor: mayPublishDevelopmentPlan(viewer.facts, student.groupIds, ctx.today),
  };
}

export async function developmentPlanWork(ctx: RequestContext, studentId: string): Promise<DevelopmentPlanWork> {
  const { viewer, student } = await authorizeDraftReader(ctx, studentId);
  const work = await readWork(ctx, viewer, student);
  await audit(ctx, 'developmentPlan.read', { studentId, entityType: 'Student', entityId: studentId, details: { draft: true } });
  return work;
}

export async function groupDevelopmentPlans(ctx: RequestContext, groupId: string) {
  const { group } = await authorizeGroup(ctx, groupId, 'group:readAssessments');
  const school = await ctx.prisma.school.findUniqueOrThrow({ where: { id: group.schoolId }, select: { organisationId: true, form: true } });
  const term = await planTerm(ctx, school.organisationId);
  const day = dateValue(ctx.today);
  const members = await ctx.prisma.groupMembership.findMany({
    where: { groupId, ...inForceOn(day) },
    select: {
      student: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          memberships: {
            where: { group: { kind: 'CLASS' }, ...inForceOn(day) },
            select: { group: { select: { yearLevel: true } } },
            take: 1,
          },
          developmentPlans: {
            where: { termId: term.id },
            select: { summary: true, updatedAt: true, publishedAt: true, _count: { select: { entries: true } } },
          },
        },
      },
    },
    orderBy: [{ student: { lastName: 'asc' } }, { student: { firstName: 'asc' } }],
  });
  await audit(ctx, 'developmentPlan.read', { entityType: 'Group', entityId: groupId });
  return members.map(({ student }) => {
    const plan = student.developmentPlans[0];
    return {
      studentId: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      applies: hasDevelopmentPlan({ schoolForm: school.form, yearLevel: student.memberships[0]?.group.yearLevel ?? null }),
      entries: plan?._count.entries ?? 0,
      hasSummary: Boolean(plan?.summary),
      publishedAt: plan?.publishedAt?.toISOString() ?? null,
      updatedAfterPublishing: plan ? updatedAfterPublishing(plan) : false,
    };
  });
}

/** This term's plan row, made on the first write; the plan's updatedAt moves with every change. */
async function touchPlan(tx: Prisma.TransactionClient, studentId: string, termId: string, now: Date, summary?: string) {
  return tx.developmentPlan.upsert({
    where: { studentId_termId: { studentId, termId } },
    create: { studentId, termId, updatedAt: now, ...(summary === undefined ? {} : { summary }) },
    update: { updatedAt: now, ...(summary === undefined ? {} : { summary }) },
    select: { id: true },
  });
}

export interface EntryInput {
  studentId: string;
  subjectId: string;
  standing: string;
  goals: string;
}

export async function saveDevelopmentPlanEntry(ctx: RequestContext, input: EntryInput): Promise<DevelopmentPlanWork> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(input.studentId) || !isId(input.subjectId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [input.studentId] });
  if (!student) throw notFound('Student');
  const facts = await studentPlanFacts(ctx, student.id);
  if (!mayWritePlanEntry(viewer.facts, facts.planGroups, input.subjectId, ctx.today)) throw notFound('Student');
  const problems = [...(facts.applies ? [] : (['NOT_COMPULSORY_SCHOOL'] as const)), ...checkPlanEntry(input)];
  if (problems.length > 0) throw refused(problems);
  const term = await planTerm(ctx, facts.organisationId);
  const { staffId } = viewer.facts;
  const text = { standing: input.standing.trim(), goals: input.goals.trim(), authoredByStaffId: staffId, updatedAt: ctx.now };
  await ctx.prisma.$transaction(async (tx) => {
    const plan = await touchPlan(tx, student.id, term.id, ctx.now);
    await tx.developmentPlanEntry.upsert({
      where: { planId_subjectId: { planId: plan.id, subjectId: input.subjectId } },
      create: { planId: plan.id, subjectId: input.subjectId, ...text },
      update: text,
    });
    await audit({ ...ctx, prisma: tx }, 'developmentPlan.entrySaved', {
      studentId: student.id,
      entityType: 'DevelopmentPlan',
      entityId: plan.id,
      details: { subjectId: input.subjectId },
    });
  });
  return readWork(ctx, viewer, student);
}

/** The student, if the viewer is the mentor of their class; otherwise NOT_FOUND. */
async function authorizeMentor(ctx: RequestContext, studentId: string) {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(studentId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [studentId] });
  if (!student || !mayPublishDevelopmentPlan(viewer.facts, student.groupIds, ctx.today)) throw notFound('Student');
  const facts = await studentPlanFacts(ctx, studentId);
  if (!facts.applies) throw refused(['NOT_COMPULSORY_SCHOOL']);
  return { viewer, staffId: viewer.facts.staffId, student, term: await planTerm(ctx, facts.organisationId) };
}

export async function saveDevelopmentPlanSummary(ctx: RequestContext, studentId: string, summary: string): Promise<DevelopmentPlanWork> {
  const { viewer, student, term } = await authorizeMentor(ctx, studentId);
  const problems = checkPlanSummary(summary);
  if (problems.length > 0) throw refused(problems);
  await ctx.prisma.$transaction(async (tx) => {
    const plan = await touchPlan(tx, student.id, term.id, ctx.now, summary.trim());
    await audit({ ...ctx, prisma: tx }, 'developmentPlan.summarySaved', { studentId, entityType: 'DevelopmentPlan', entityId: plan.id });
  });
  return readWork(ctx, viewer, student);
}

export async function publishDevelopmentPlan(ctx: RequestContext, studentId: string): Promise<DevelopmentPlanWork> {
  const { viewer, staffId, student, term } = await authorizeMentor(ctx, studentId);
  const plan = await ctx.prisma.developmentPlan.findUnique({
    where: { studentId_termId: { studentId, termId: term.id } },
    select: { id: true, summary: true, updatedAt: true, publishedAt: true, student: { select: { firstName: true } } },
  });
  const problems = plan ? checkPlanPublish(plan) : (['SUMMARY_REQUIRED'] as const);
  if (!plan || problems.length > 0) throw refused([...problems]);
  const publishedAt = ctx.now;
  // The publication, its audit row and the messages home: all or nothing. Only the state read above is
  // published, so two mentors publishing at once publish (and notify) once.
  await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.developmentPlan.updateMany({
      where: { id: plan.id, publishedAt: plan.publishedAt, updatedAt: plan.updatedAt },
      data: { publishedAt, publishedByStaffId: staffId },
    });
    if (updated.count === 0) throw refused(['ALREADY_PUBLISHED']);
    await audit({ ...ctx, prisma: tx }, 'developmentPlan.published', { studentId, entityType: 'DevelopmentPlan', entityId: plan.id });
    const recipients = (await recipientsOf(tx, [studentId], ctx.today)).get(studentId) ?? [];
    const text = {
      childName: plan.student.firstName,
      term: term.kind,
      year: term.startDate.getUTCFullYear(),
      mentorName: viewer.displayName,
      updated: plan.publishedAt !== null,
    };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`developmentPlan:${plan.id}:${publishedAt.getTime()}`, 'DEVELOPMENT_PLAN_PUBLISHED', studentId, recipient, (locale) =>
          developmentPlanText(locale, text, ctx.config.notifications),
        ),
      ),
    );
  });
  ctx.wakeDelivery();
  return readWork(ctx, viewer, student);
}
