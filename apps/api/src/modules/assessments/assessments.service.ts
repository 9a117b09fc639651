// Assessments (rule 6, "the home must know in time"): a teacher of a teaching group records results on
// tasks and subject assessments per term for the whole group at once, as drafts; publishing makes them
// visible to the student and the guardians and tells the guardians who opted in, in the same transaction.
// Who may change and publish what is decided in packages/domain/src/assessments.ts.
import {
  checkAssessmentGroup,
  checkAssessmentRows,
  checkChange,
  checkPublish,
  checkTask,
  cleanText,
  gradeScaleFor,
  gradesOf,
  mayRecordAssessments,
  type AssessmentProblem,
  type AssessmentRow,
  type GradeScale,
  type RowProblems,
  type SchoolYearSpan,
  type TaskInput,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { termRecord, termSelect, type TermRecord, type TermRow } from '../calendar/terms.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeGroup, authorizeStudent, isId } from '../access/access.service.ts';
import { isoDate, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit, type AuditAction } from '../audit/audit.service.ts';
import { assessmentPublishedText, type AssessmentPublishedFacts } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf, type NewMessage } from '../notifications/queue.ts';

const person = { select: { firstName: true, lastName: true } } as const;
const fullName = (someone: { firstName: string; lastName: string }) => `${someone.firstName} ${someone.lastName}`;

const groupSelect = {
  id: true,
  name: true,
  kind: true,
  yearLevel: true,
  subjectId: true,
  schoolYearId: true,
  schoolYear: { select: { startDate: true, endDate: true } },
  school: { select: { form: true } },
  subject: { select: { nameSv: true, nameEn: true } },
} satisfies Prisma.GroupSelect;
type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

const schoolYearOf = (group: GroupRow): SchoolYearSpan => ({
  startDate: isoDate(group.schoolYear.startDate),
  endDate: isoDate(group.schoolYear.endDate),
});

const scaleOf = (group: GroupRow): GradeScale | null =>
  group.kind === 'TEACHING' ? gradeScaleFor(group.school.form, group.yearLevel) : null;

const taskSelect = {
  id: true,
  groupId: true,
  title: true,
  description: true,
  date: true,
  createdByStaffId: true,
  createdBy: person,
  publishedAt: true,
  results: {
    select: { studentId: true, grade: true, comment: true, updatedAt: true },
    orderBy: { studentId: 'asc' },
  },
} satisfies Prisma.AssessmentTaskSelect;
type TaskRow = Prisma.AssessmentTaskGetPayload<{ select: typeof taskSelect }>;

export interface TaskRecord {
  id: string;
  groupId: string;
  title: string;
  description: string | null;
  date: string;
  createdBy: string;
  createdByMe: boolean;
  publishedAt: string | null;
  results: { studentId: string; grade: string | null; comment: string | null; updatedAt: string }[];
}

const staffIdOf = (viewer: Viewer): string | null => (viewer.facts.kind === 'STAFF' ? viewer.facts.staffId : null);

const toTask = (row: TaskRow, viewer: Viewer): TaskRecord => ({
  id: row.id,
  groupId: row.groupId,
  title: row.title,
  description: row.description,
  date: isoDate(row.date),
  createdBy: fullName(row.createdBy),
  createdByMe: row.createdByStaffId === staffIdOf(viewer),
  publishedAt: row.publishedAt?.toISOString() ?? null,
  results: row.results.map((result) => ({
    studentId: result.studentId,
    grade: result.grade,
    comment: result.comment,
    updatedAt: result.updatedAt.toISOString(),
  })),
});

const subjectAssessmentSelect = {
  id: true,
  studentId: true,
  grade: true,
  comment: true,
  authoredByStaffId: true,
  authoredBy: person,
  updatedAt: true,
  publishedAt: true,
} satisfies Prisma.SubjectAssessmentSelect;
type SubjectAssessmentRow = Prisma.SubjectAssessmentGetPayload<{ select: typeof subjectAssessmentSelect }>;

export interface SubjectAssessmentRecord {
  id: string;
  studentId: string;
  grade: string;
  comment: string | null;
  authoredBy: string;
  authoredByMe: boolean;
  updatedAt: string;
  publishedAt: string | null;
}

const toSubjectAssessment = (row: SubjectAssessmentRow, viewer: Viewer): SubjectAssessmentRecord => ({
  id: row.id,
  studentId: row.studentId,
  grade: row.grade,
  comment: row.comment,
  authoredBy: fullName(row.authoredBy),
  authoredByMe: row.authoredByStaffId === staffIdOf(viewer),
  updatedAt: row.updatedAt.toISOString(),
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

/** The group's current members, by last name. */
async function membersOf(ctx: RequestContext, groupId: string) {
  const memberships = await ctx.prisma.groupMembership.findMany({
    where: { groupId, ...inForceOn(dateValue(ctx.today)) },
    select: { student: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: [{ student: { lastName: 'asc' } }, { student: { firstName: 'asc' } }],
  });
  return memberships.map((membership) => membership.student);
}

/** The group's school year's terms, in order. */
const termsOf = (ctx: RequestContext, schoolYearId: string): Promise<TermRow[]> =>
  ctx.prisma.term.findMany({ where: { schoolYearId }, select: termSelect, orderBy: { startDate: 'asc' } });

/** The term asked for, which must be of the group's school year, or the one around today (else the latest begun, else the first). */
async function termOf(ctx: RequestContext, schoolYearId: string, termId: string | null | undefined, known?: TermRow[]): Promise<TermRow> {
  const terms = known ?? (await termsOf(ctx, schoolYearId));
  const today = dateValue(ctx.today);
  const term =
    termId !== null && termId !== undefined
      ? terms.find((candidate) => candidate.id === termId)
      : (terms.find((candidate) => candidate.startDate <= today && candidate.endDate >= today) ??
        terms.filter((candidate) => candidate.startDate <= today).at(-1) ??
        terms[0]);
  if (!term) throw notFound('Term');
  return term;
}

const teaches = (viewer: Viewer, groupId: string, today: string): boolean => mayRecordAssessments(viewer.facts, groupId, today);

export interface GroupAssessmentsRecord {
  groupId: string;
  groupName: string;
  subjectNameSv: string;
  subjectNameEn: string;
  scale: GradeScale | null;
  grades: string[];
  canRecord: boolean;
  /** the group's school year: its tasks are dated within it */
  schoolYear: SchoolYearSpan;
  members: { id: string; firstName: string; lastName: string }[];
  tasks: TaskRecord[];
  term: TermRecord;
  /** the terms of the group's school year, to choose among */
  terms: TermRecord[];
  subjectAssessments: SubjectAssessmentRecord[];
}

/** A teaching group's tasks and the term's subject assessments: drafts for its teachers only. */
export async function groupAssessments(ctx: RequestContext, groupId: string, termId?: string | null): Promise<GroupAssessmentsRecord> {
  const { viewer } = await authorizeGroup(ctx, groupId, 'group:readAssessments');
  if (termId !== null && termId !== undefined && !isId(termId)) throw notFound('Term');
  const group = await ctx.prisma.group.findUniqueOrThrow({ where: { id: groupId }, select: groupSelect });
  const canRecord = teaches(viewer, groupId, ctx.today);
  const visible = canRecord ? {} : { publishedAt: { not: null } };
  const terms = await termsOf(ctx, group.schoolYearId);
  const [term, members, tasks] = await Promise.all([
    termOf(ctx, group.schoolYearId, termId, terms),
    membersOf(ctx, groupId),
    ctx.prisma.assessmentTask.findMany({
      where: { groupId, ...visible },
      select: taskSelect,
      orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
    }),
  ]);
  const subjectAssessments = await ctx.prisma.subjectAssessment.findMany({
    where: { groupId, termId: term.id, ...visible },
    select: subjectAssessmentSelect,
  });
  await audit(ctx, 'assessment.read', { entityType: 'Group', entityId: groupId });
  const scale = scaleOf(group);
  return {
    groupId,
    groupName: group.name,
    subjectNameSv: group.subject?.nameSv ?? '',
    subjectNameEn: group.subject?.nameEn ?? '',
    scale,
    grades: scale ? [...gradesOf(scale)] : [],
    canRecord: canRecord && scale !== null && group.subjectId !== null,
    schoolYear: schoolYearOf(group),
    members,
    tasks: tasks.map((task) => toTask(task, viewer)),
    term: termRecord(term),
    terms: terms.map(termRecord),
    subjectAssessments: subjectAssessments.map((row) => toSubjectAssessment(row, viewer)),
  };
}

export interface SubjectAssessmentsRecord {
  subjectId: string;
  subjectNameSv: string;
  subjectNameEn: string;
  subjectAssessments: {
    id: string;
    term: TermRecord;
    grade: string;
    comment: string | null;
    publishedAt: string;
    updatedAt: string;
    teacher: string;
  }[];
  results: {
    taskId: string;
    title: string;
    description: string | null;
    date: string;
    grade: string | null;
    comment: string | null;
    publishedAt: string;
    updatedAt: string;
    teacher: string;
  }[];
}

/** A student's published assessments, by subject name: for the student, guardians under rule 2 and the staff who cover the student. */
export async function studentAssessments(ctx: RequestContext, studentId: string): Promise<SubjectAssessmentsRecord[]> {
  await authorizeStudent(ctx, studentId, 'student:readAssessments');
  const subject = { select: { id: true, nameSv: true, nameEn: true } } as const;
  const [results, assessments] = await Promise.all([
    ctx.prisma.assessmentResult.findMany({
      where: { studentId, task: { publishedAt: { not: null } } },
      select: {
        grade: true,
        comment: true,
        updatedAt: true,
        task: { select: { id: true, title: true, description: true, date: true, publishedAt: true, createdBy: person, subject } },
      },
      orderBy: [{ task: { date: 'desc' } }, { task: { createdAt: 'desc' } }],
    }),
    ctx.prisma.subjectAssessment.findMany({
      where: { studentId, publishedAt: { not: null } },
      select: {
        id: true,
        grade: true,
        comment: true,
        publishedAt: true,
        updatedAt: true,
        authoredBy: person,
        term: { select: termSelect },
        subject,
      },
      orderBy: [{ term: { startDate: 'desc' } }],
    }),
  ]);
  await audit(ctx, 'assessment.read', { studentId, entityType: 'Student', entityId: studentId });
  const bySubject = new Map<string, SubjectAssessmentsRecord>();
  const entry = (of: { id: string; nameSv: string; nameEn: string }) => {
    const found = bySubject.get(of.id) ?? {
      subjectId: of.id,
      subjectNameSv: of.nameSv,
      subjectNameEn: of.nameEn,
      subjectAssessments: [],
      results: [],
    };
    bySubject.set(of.id, found);
    return found;
  };
  for (const row of assessments) {
    entry(row.subject).subjectAssessments.push({
      id: row.id,
      term: termRecord(row.term),
      grade: row.grade,
      comment: row.comment,
      publishedAt: (row.publishedAt as Date).toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      teacher: fullName(row.authoredBy),
    });
  }
  for (const row of results) {
    entry(row.task.subject).results.push({
      taskId: row.task.id,
      title: row.task.title,
      description: row.task.description,
      date: isoDate(row.task.date),
      grade: row.grade,
      comment: row.comment,
      publishedAt: (row.task.publishedAt as Date).toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      teacher: fullName(row.task.createdBy),
    });
  }
  return [...bySubject.values()].sort((a, b) => a.subjectNameSv.localeCompare(b.subjectNameSv, 'sv'));
}

const refused = (problems: AssessmentProblem[]) => appError('BAD_USER_INPUT', `Nothing was saved: ${problems.join(', ')}`, { problems });

/** One bad row refuses them all; `problems` names every kind found, `rows` says which row has which. */
const refusedRows = (rows: RowProblems[]) =>
  appError('BAD_USER_INPUT', `Nothing was saved: ${rows.length} row(s) have problems`, {
    problems: [...new Set(rows.flatMap((row) => row.problems))],
    rows,
  });

/** One audit row per student, so each student's log shows the change. */
async function auditStudents(
  ctx: RequestContext,
  tx: Prisma.TransactionClient,
  action: AuditAction,
  studentIds: readonly string[],
  entry: { entityType: string; entityId: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  for (const studentId of studentIds) await audit({ ...ctx, prisma: tx }, action, { studentId, ...entry });
}

interface Recorder {
  viewer: Viewer;
  staffId: string;
  group: GroupRow;
  scale: GradeScale;
  subjectId: string;
}

/**
 * The group, if the viewer teaches it (else NOT_FOUND, as for a group that does not exist) and it is assessed
 * (else BAD_USER_INPUT with why).
 */
async function authorizeRecording(ctx: RequestContext, groupId: string, what = 'Group'): Promise<Recorder> {
  const viewer = await requireViewer(ctx);
  const staffId = staffIdOf(viewer);
  if (staffId === null || !isId(groupId) || !teaches(viewer, groupId, ctx.today)) throw notFound(what);
  const group = await ctx.prisma.group.findUnique({ where: { id: groupId }, select: groupSelect });
  if (!group) throw notFound(what);
  const problems = checkAssessmentGroup({ ...group, schoolForm: group.school.form });
  const scale = scaleOf(group);
  if (problems.length > 0 || !scale || !group.subjectId) throw refused(problems);
  return { viewer, staffId, group, scale, subjectId: group.subjectId };
}

/** The task and its group, if the viewer teaches the group; otherwise NOT_FOUND. */
async function authorizeTask(ctx: RequestContext, taskId: string) {
  if (!isId(taskId)) throw notFound('Assessment task');
  const task = await ctx.prisma.assessmentTask.findUnique({
    where: { id: taskId },
    select: { id: true, groupId: true, title: true, createdByStaffId: true, publishedAt: true },
  });
  if (!task) throw notFound('Assessment task');
  return { task, ...(await authorizeRecording(ctx, task.groupId, 'Assessment task')) };
}

const taskData = (input: TaskInput) => ({
  title: input.title.trim(),
  description: cleanText(input.description),
  date: dateValue(input.date),
});

const readTask = async (ctx: RequestContext, viewer: Viewer, id: string): Promise<TaskRecord> =>
  toTask(await ctx.prisma.assessmentTask.findUniqueOrThrow({ where: { id }, select: taskSelect }), viewer);

export async function createAssessmentTask(ctx: RequestContext, groupId: string, input: TaskInput): Promise<TaskRecord> {
  const { viewer, staffId, group, subjectId } = await authorizeRecording(ctx, groupId);
  const problems = checkTask(input, schoolYearOf(group));
  if (problems.length > 0) throw refused(problems);
  const id = await ctx.prisma.$transaction(async (tx) => {
    const task = await tx.assessmentTask.create({
      data: { groupId: group.id, subjectId, ...taskData(input), createdByStaffId: staffId, createdAt: ctx.now },
      select: { id: true },
    });
    await audit({ ...ctx, prisma: tx }, 'assessment.taskSaved', { entityType: 'AssessmentTask', entityId: task.id });
    return task.id;
  });
  return readTask(ctx, viewer, id);
}

export async function updateAssessmentTask(ctx: RequestContext, taskId: string, input: TaskInput): Promise<TaskRecord> {
  const { viewer, staffId, task, group } = await authorizeTask(ctx, taskId);
  const problems = [
    ...checkChange({ authorStaffId: task.createdByStaffId, published: task.publishedAt !== null }, staffId),
    ...checkTask(input, schoolYearOf(group)),
  ];
  if (problems.length > 0) throw refused(problems);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.assessmentTask.update({ where: { id: task.id }, data: taskData(input) });
    await audit({ ...ctx, prisma: tx }, 'assessment.taskSaved', { entityType: 'AssessmentTask', entityId: task.id });
  });
  return readTask(ctx, viewer, task.id);
}

/** The rows that change something: new, or with another grade or comment. Unchanged rows are left alone. */
function changedRows<T extends { grade: string | null; comment: string | null }>(
  rows: readonly AssessmentRow[],
  existing: ReadonlyMap<string, T>,
): { row: { studentId: string; grade: string | null; comment: string | null }; before: T | undefined }[] {
  return rows
    .map((row) => ({
      row: { studentId: row.studentId, grade: cleanText(row.grade), comment: cleanText(row.comment) },
      before: existing.get(row.studentId),
    }))
    .filter(({ row, before }) => !before || before.grade !== row.grade || before.comment !== row.comment);
}

/** Messages to the guardians who opted in, one per guardian and channel for each key. */
async function queueAssessmentMessages(
  ctx: RequestContext,
  tx: Prisma.TransactionClient,
  items: { key: string; studentId: string; facts: Omit<AssessmentPublishedFacts, 'childName'> }[],
): Promise<void> {
  if (items.length === 0) return;
  const studentIds = items.map((item) => item.studentId);
  const [recipients, students] = await Promise.all([
    recipientsOf(tx, studentIds, ctx.today),
    tx.student.findMany({ where: { id: { in: studentIds } }, select: { id: true, firstName: true } }),
  ]);
  const names = new Map(students.map((student) => [student.id, student.firstName]));
  const messages: NewMessage[] = items.flatMap((item) =>
    (recipients.get(item.studentId) ?? []).flatMap((recipient) =>
      messagesFor(item.key, 'ASSESSMENT_PUBLISHED', item.studentId, recipient, (locale) =>
        assessmentPublishedText(locale, { ...item.facts, childName: names.get(item.studentId) ?? '' }, ctx.config.notifications),
      ),
    ),
  );
  await queueMessages(tx, ctx.now, messages);
}

const taskMessageKey = (taskId: string, studentId: string) => `assessmentTask:${taskId}:${studentId}`;

/**
 * The group's results on a task in one go: every row checked first, then all saved or none. On a published
 * task a student's first result is told to the home like the others; a correction is not told again.
 */
export async function saveAssessmentResults(ctx: RequestContext, taskId: string, rows: readonly AssessmentRow[]): Promise<TaskRecord> {
  const { viewer, staffId, task, scale, group } = await authorizeTask(ctx, taskId);
  const published = task.publishedAt !== null;
  const ownership = checkChange({ authorStaffId: task.createdByStaffId, published }, staffId);
  if (ownership.length > 0) throw refused(ownership);
  const members = await membersOf(ctx, group.id);
  const rowProblems = checkAssessmentRows(
    rows,
    scale,
    members.map((member) => member.id),
    false,
  );
  if (rowProblems.length > 0) throw refusedRows(rowProblems);
  const existing = await ctx.prisma.assessmentResult.findMany({
    where: { taskId },
    select: { studentId: true, grade: true, comment: true },
  });
  const changes = changedRows(rows, new Map(existing.map((result) => [result.studentId, result])));
  if (changes.length > 0) {
    await ctx.prisma.$transaction(async (tx) => {
      for (const { row } of changes) {
        const values = { grade: row.grade, comment: row.comment, updatedByStaffId: staffId, updatedAt: ctx.now };
        await tx.assessmentResult.upsert({
          where: { taskId_studentId: { taskId, studentId: row.studentId } },
          create: { taskId, studentId: row.studentId, ...values },
          update: values,
        });
      }
      await auditStudents(
        ctx,
        tx,
        'assessment.resultsSaved',
        changes.map(({ row }) => row.studentId),
        { entityType: 'AssessmentTask', entityId: taskId },
      );
      if (published) {
        await queueAssessmentMessages(
          ctx,
          tx,
          changes.map(({ row }) => ({
            key: taskMessageKey(taskId, row.studentId),
            studentId: row.studentId,
            facts: {
              subjectSv: group.subject?.nameSv ?? '',
              subjectEn: group.subject?.nameEn ?? '',
              what: { task: task.title },
              teacherName: viewer.displayName,
            },
          })),
        );
      }
    });
    if (published) ctx.wakeDelivery();
  }
  return readTask(ctx, viewer, taskId);
}

export async function publishAssessmentTask(ctx: RequestContext, taskId: string): Promise<TaskRecord> {
  const { viewer, staffId, task, group } = await authorizeTask(ctx, taskId);
  const problems = checkPublish({ authorStaffId: task.createdByStaffId, published: task.publishedAt !== null }, staffId);
  if (problems.length > 0) throw refused(problems);
  const results = await ctx.prisma.assessmentResult.findMany({ where: { taskId }, select: { studentId: true } });
  if (results.length === 0) throw refused(['NOTHING_TO_PUBLISH']);
  await ctx.prisma.$transaction(async (tx) => {
    // Only a draft is published, so two publishings at once tell the home once.
    const updated = await tx.assessmentTask.updateMany({ where: { id: taskId, publishedAt: null }, data: { publishedAt: ctx.now } });
    if (updated.count === 0) throw refused(['ALREADY_PUBLISHED']);
    await auditStudents(
      ctx,
      tx,
      'assessment.published',
      results.map((result) => result.studentId),
      { entityType: 'AssessmentTask', entityId: taskId },
    );
    await queueAssessmentMessages(
      ctx,
      tx,
      results.map((result) => ({
        key: taskMessageKey(taskId, result.studentId),
        studentId: result.studentId,
        facts: {
          subjectSv: group.subject?.nameSv ?? '',
          subjectEn: group.subject?.nameEn ?? '',
          what: { task: task.title },
          teacherName: viewer.displayName,
        },
      })),
    );
  });
  ctx.wakeDelivery();
  return readTask(ctx, viewer, taskId);
}

/**
 * Subject assessments of the group's members for a term, all or nothing. Saving a draft makes the saver its
 * author (who publishes it); a published one is corrected by its author only, and stays published.
 */
export async function saveSubjectAssessments(
  ctx: RequestContext,
  groupId: string,
  termId: string,
  rows: readonly AssessmentRow[],
): Promise<SubjectAssessmentRecord[]> {
  const { viewer, staffId, group, scale, subjectId } = await authorizeRecording(ctx, groupId);
  if (!isId(termId)) throw notFound('Term');
  const term = await termOf(ctx, group.schoolYearId, termId);
  const members = await membersOf(ctx, groupId);
  const existing = await ctx.prisma.subjectAssessment.findMany({
    where: { groupId, termId: term.id },
    select: { id: true, studentId: true, grade: true, comment: true, authoredByStaffId: true, publishedAt: true },
  });
  const changes = changedRows(rows, new Map(existing.map((row) => [row.studentId, row])));
  const rowProblems = checkAssessmentRows(
    rows,
    scale,
    members.map((member) => member.id),
    true,
  );
  for (const { row, before } of changes) {
    const ownership = before
      ? checkChange({ authorStaffId: before.authoredByStaffId, published: before.publishedAt !== null }, staffId)
      : [];
    if (ownership.length === 0) continue;
    const found = rowProblems.find((problem) => problem.studentId === row.studentId);
    if (found) found.problems.push(...ownership);
    else rowProblems.push({ studentId: row.studentId, problems: ownership });
  }
  if (rowProblems.length > 0) throw refusedRows(rowProblems);
  if (changes.length > 0) {
    await ctx.prisma.$transaction(async (tx) => {
      for (const { row, before } of changes) {
        const grade = row.grade as string;
        await tx.subjectAssessment.upsert({
          where: { studentId_groupId_termId: { studentId: row.studentId, groupId, termId: term.id } },
          create: {
            studentId: row.studentId,
            groupId,
            subjectId,
            termId: term.id,
            grade,
            comment: row.comment,
            authoredByStaffId: staffId,
            updatedAt: ctx.now,
          },
          // A published assessment keeps its author (checked above to be the viewer); a draft becomes the saver's.
          update: { grade, comment: row.comment, updatedAt: ctx.now, ...(before?.publishedAt ? {} : { authoredByStaffId: staffId }) },
        });
      }
      await auditStudents(
        ctx,
        tx,
        'assessment.subjectAssessmentSaved',
        changes.map(({ row }) => row.studentId),
        {
          entityType: 'Group',
          entityId: groupId,
          details: { termId: term.id },
        },
      );
    });
  }
  const saved = await ctx.prisma.subjectAssessment.findMany({ where: { groupId, termId: term.id }, select: subjectAssessmentSelect });
  return saved.map((row) => toSubjectAssessment(row, viewer));
}

/** Publishes the viewer's own drafts for the group and term; other teachers' drafts stay theirs to publish. */
export async function publishSubjectAssessments(ctx: RequestContext, groupId: string, termId: string): Promise<number> {
  const { viewer, staffId, group } = await authorizeRecording(ctx, groupId);
  if (!isId(termId)) throw notFound('Term');
  const term = await termOf(ctx, group.schoolYearId, termId);
  const drafts = await ctx.prisma.subjectAssessment.findMany({
    where: { groupId, termId: term.id, authoredByStaffId: staffId, publishedAt: null },
    select: { id: true, studentId: true },
  });
  if (drafts.length === 0) throw refused(['NOTHING_TO_PUBLISH']);
  const published = await ctx.prisma.$transaction(async (tx) => {
    const ids = drafts.map((draft) => draft.id);
    const updated = await tx.subjectAssessment.updateMany({
      where: { id: { in: ids }, publishedAt: null },
      data: { publishedAt: ctx.now },
    });
    // Two publishings at once: the first takes them all, the second publishes nothing and tells no one.
    if (updated.count !== drafts.length) throw refused(['ALREADY_PUBLISHED']);
    for (const draft of drafts) {
      await audit({ ...ctx, prisma: tx }, 'assessment.published', {
        studentId: draft.studentId,
        entityType: 'SubjectAssessment',
        entityId: draft.id,
      });
    }
    await queueAssessmentMessages(
      ctx,
      tx,
      drafts.map((draft) => ({
        key: `subjectAssessment:${draft.id}`,
        studentId: draft.studentId,
        facts: {
          subjectSv: group.subject?.nameSv ?? '',
          subjectEn: group.subject?.nameEn ?? '',
          what: { term: term.kind },
          teacherName: viewer.displayName,
        },
      })),
    );
    return updated.count;
  });
  ctx.wakeDelivery();
  return published;
}
