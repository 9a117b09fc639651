// Support decisions (issue 6, item 5): the principal records a decision on special support, an action
// programme or an adapted study path with its PDF; the decision, its audit row and the messages to the
// guardians are one transaction, so a saved decision has always been sent home. The home reads it, opens the
// PDF and confirms having read it; the principal's routine counts what is not yet confirmed.
import {
  checkSupportDecision,
  isSupportDecisionKind,
  mayAcknowledgeSupportDecision,
  mayRecordSupportDecision,
  PDF_MAGIC_LENGTH,
  sanitizeDocumentName,
  type StudentFacts,
  type SupportDecisionKind,
  type SupportDecisionProblem,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeStudent, currentDuties, isId, loadStudentFacts, mayAccessStudent } from '../access/access.service.ts';
import { isoDate, requireStaffViewer, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { supportDecisionText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf } from '../notifications/queue.ts';
import { inspectPdf } from './pdf-inspection.ts';

const person = { select: { firstName: true, lastName: true } } as const;

/** Everything but the document's bytes, which only the download reads. */
const decisionSelect = {
  id: true,
  studentId: true,
  kind: true,
  summary: true,
  decidedOn: true,
  documentName: true,
  documentSize: true,
  createdAt: true,
  decidedBy: person,
  acknowledgements: {
    select: { userId: true, acknowledgedAt: true, user: { select: { guardian: person, student: person } } },
    orderBy: { acknowledgedAt: 'asc' },
  },
} satisfies Prisma.SupportDecisionSelect;

type DecisionRow = Prisma.SupportDecisionGetPayload<{ select: typeof decisionSelect }>;

export interface SupportDecisionAcknowledgementRecord {
  name: string;
  role: 'GUARDIAN' | 'STUDENT';
  acknowledgedAt: string;
}

export interface SupportDecisionRecord {
  id: string;
  studentId: string;
  kind: SupportDecisionKind;
  summary: string;
  decidedOn: string;
  decidedBy: string;
  documentName: string;
  documentSize: number;
  recordedAt: string;
  acknowledgements: SupportDecisionAcknowledgementRecord[];
  acknowledgedByMe: boolean;
  canAcknowledge: boolean;
}

const fullName = (someone: { firstName: string; lastName: string }) => `${someone.firstName} ${someone.lastName}`;

function toRecord(row: DecisionRow, viewer: Viewer, canAcknowledge: boolean): SupportDecisionRecord {
  return {
    id: row.id,
    studentId: row.studentId,
    kind: row.kind,
    summary: row.summary,
    decidedOn: isoDate(row.decidedOn),
    decidedBy: fullName(row.decidedBy),
    documentName: row.documentName,
    documentSize: row.documentSize,
    recordedAt: row.createdAt.toISOString(),
    // Only guardians and the student acknowledge (see acknowledgeSupportDecision), so one of the two is set.
    acknowledgements: row.acknowledgements.flatMap((ack) => {
      const { guardian, student } = ack.user;
      const who = guardian
        ? { name: fullName(guardian), role: 'GUARDIAN' as const }
        : student
          ? { name: fullName(student), role: 'STUDENT' as const }
          : null;
      return who ? [{ ...who, acknowledgedAt: ack.acknowledgedAt.toISOString() }] : [];
    }),
    acknowledgedByMe: row.acknowledgements.some((ack) => ack.userId === viewer.userId),
    canAcknowledge,
  };
}

const MAX_LISTED = 200;

export interface StudentSupportDecisions {
  studentId: string;
  canRecord: boolean;
  decisions: SupportDecisionRecord[];
}

export async function studentSupportDecisions(ctx: RequestContext, studentId: string): Promise<StudentSupportDecisions> {
  const { viewer, student } = await authorizeStudent(ctx, studentId, 'student:readSupportDecisions');
  const rows = await ctx.prisma.supportDecision.findMany({
    where: { studentId },
    select: decisionSelect,
    orderBy: [{ decidedOn: 'desc' }, { createdAt: 'desc' }],
    take: MAX_LISTED,
  });
  await audit(ctx, 'supportDecision.read', { studentId, entityType: 'Student', entityId: studentId });
  const canAcknowledge = mayAcknowledgeSupportDecision(viewer.facts, student, ctx.today);
  return {
    studentId,
    canRecord: mayRecordSupportDecision(viewer.facts, student, ctx.today),
    decisions: rows.map((row) => toRecord(row, viewer, canAcknowledge)),
  };
}

/**
 * Whether the viewer could record a decision for any student: checked before an upload's body is read, so
 * that only a principal's or an administrator's request is ever taken into memory.
 */
export async function mayRecordAny(ctx: RequestContext): Promise<boolean> {
  const viewer = await requireViewer(ctx);
  return currentDuties(viewer, ctx.today).some((duty) => duty.kind === 'PRINCIPAL' || duty.kind === 'ADMINISTRATOR');
}

export interface RecordInput {
  studentId: string;
  kind: string;
  summary: string;
  decidedOn: string;
  /** `tooLarge`: the upload was cut off at the size limit, so the bytes are not all there */
  document: { name: string; bytes: Buffer; tooLarge: boolean } | null;
}

const refused = (problems: SupportDecisionProblem[]) =>
  appError('BAD_USER_INPUT', `The support decision was not saved: ${problems.join(', ')}`, { problems });

/** The principal of the student's school (or an administrator) records a decision; the guardians are told at once. */
export async function recordSupportDecision(ctx: RequestContext, input: RecordInput): Promise<{ id: string }> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(input.studentId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [input.studentId] });
  if (!student || !mayRecordSupportDecision(viewer.facts, student, ctx.today)) throw notFound('Student');
  const { document } = input;
  const problems = checkSupportDecision(
    {
      kind: input.kind,
      summary: input.summary,
      decidedOn: input.decidedOn,
      document: document
        ? { size: document.tooLarge ? Infinity : document.bytes.length, head: document.bytes.subarray(0, PDF_MAGIC_LENGTH) }
        : null,
    },
    ctx.today,
  );
  // A file of the right size that starts as a PDF is read through before anything is saved (issue 17, item 4).
  const documentRefused = problems.some(
    (problem) => problem === 'DOCUMENT_REQUIRED' || problem === 'DOCUMENT_TOO_LARGE' || problem === 'NOT_A_PDF',
  );
  if (document && !documentRefused) problems.push(...(await inspectPdf(document.bytes)));
  const { kind } = input;
  if (problems.length > 0 || !document || !isSupportDecisionKind(kind)) throw refused(problems);
  const { staffId } = viewer.facts;
  const summary = input.summary.trim();
  // The decision, its audit row and the messages home: all or nothing.
  const id = await ctx.prisma.$transaction(async (tx) => {
    const decision = await tx.supportDecision.create({
      data: {
        studentId: student.id,
        kind,
        summary,
        decidedOn: dateValue(input.decidedOn),
        decidedByStaffId: staffId,
        documentName: sanitizeDocumentName(document.name),
        documentSize: document.bytes.length,
        document: new Uint8Array(document.bytes),
        createdAt: ctx.now,
      },
      select: { id: true, student: { select: { firstName: true } } },
    });
    await audit({ ...ctx, prisma: tx }, 'supportDecision.recorded', {
      studentId: student.id,
      entityType: 'SupportDecision',
      entityId: decision.id,
      details: { kind },
    });
    const recipients = (await recipientsOf(tx, [student.id], ctx.today)).get(student.id) ?? [];
    const text = { childName: decision.student.firstName, kind, decidedOn: input.decidedOn, deciderName: viewer.displayName };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`supportDecision:${decision.id}`, 'SUPPORT_DECISION', student.id, recipient, (locale) =>
          supportDecisionText(locale, text, ctx.config.notifications),
        ),
      ),
    );
    return decision.id;
  });
  ctx.wakeDelivery();
  return { id };
}

/** The decision's student, if the viewer may read it; otherwise NOT_FOUND, as for one that does not exist. */
async function authorizeDecision(ctx: RequestContext, id: string): Promise<{ viewer: Viewer; student: StudentFacts }> {
  const viewer = await requireViewer(ctx);
  if (!isId(id)) throw notFound('Support decision');
  const decision = await ctx.prisma.supportDecision.findUnique({ where: { id }, select: { studentId: true } });
  const [student] = decision ? await loadStudentFacts(ctx, { ids: [decision.studentId] }) : [];
  if (!student || !mayAccessStudent(viewer, 'student:readSupportDecisions', student, ctx.today)) throw notFound('Support decision');
  return { viewer, student };
}

/** The PDF, for those who may read the decision; every download is audited. */
export async function supportDecisionDocument(ctx: RequestContext, id: string): Promise<{ name: string; bytes: Uint8Array }> {
  const { student } = await authorizeDecision(ctx, id);
  const row = await ctx.prisma.supportDecision.findUniqueOrThrow({ where: { id }, select: { documentName: true, document: true } });
  await audit(ctx, 'supportDecision.documentRead', { studentId: student.id, entityType: 'SupportDecision', entityId: id });
  return { name: row.documentName, bytes: row.document };
}

/** "Jag har tagit del av beslutet": the student or a guardian who may see the student; the first confirmation counts. */
export async function acknowledgeSupportDecision(ctx: RequestContext, id: string): Promise<SupportDecisionRecord> {
  const { viewer, student } = await authorizeDecision(ctx, id);
  if (!mayAcknowledgeSupportDecision(viewer.facts, student, ctx.today)) throw notFound('Support decision');
  await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.supportDecisionAcknowledgement.createMany({
      data: [{ decisionId: id, userId: viewer.userId, acknowledgedAt: ctx.now }],
      skipDuplicates: true,
    });
    if (count > 0) {
      await audit({ ...ctx, prisma: tx }, 'supportDecision.acknowledged', {
        studentId: student.id,
        entityType: 'SupportDecision',
        entityId: id,
      });
    }
  });
  const row = await ctx.prisma.supportDecision.findUniqueOrThrow({ where: { id }, select: decisionSelect });
  return toRecord(row, viewer, true);
}
