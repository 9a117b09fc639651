// Sick reports (rule 4): from the home on the web or by phone, or taken down by the mentor when a guardian calls the
// school; confirmed to every guardian who chose to be told, and making the covered lessons' absence valid, also
// lessons already marked.
import {
  canAccessStudent,
  checkSickReport,
  parsePersonnummer,
  SICK_REPORT_MAX_DAYS_AHEAD,
  spanInstants,
  type SickReportSpan,
} from '@insyn/domain';
import type { Prisma, ReportChannel } from '@insyn/db';
import type { RequestContext, ServiceContext } from '../../context.ts';
import { appError, badInput, notFound } from '../../errors.ts';
import { authorizeAbsenceReport, authorizeStudent, isId, loadStudentFacts, mayReportAbsence } from '../access/access.service.ts';
import { isoDate, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { sickReportText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf } from '../notifications/queue.ts';

export const MAX_NOTE_LENGTH = 500;

const reportSelect = {
  id: true,
  studentId: true,
  fromDate: true,
  toDate: true,
  fromTime: true,
  toTime: true,
  startsAt: true,
  endsAt: true,
  channel: true,
  note: true,
  createdAt: true,
  withdrawnAt: true,
  reportedByGuardianId: true,
  reportedByStudentId: true,
  reportedByStaffId: true,
  student: { select: { firstName: true, lastName: true } },
} satisfies Prisma.SickReportSelect;

type ReportRow = Prisma.SickReportGetPayload<{ select: typeof reportSelect }>;

export interface SickReportRecord extends ReportRow {
  reportedBy: string;
  coveredLessonCount: number;
  canWithdraw: boolean;
}

/** Who reports: a guardian, the adult student themself, or staff taking the home's report (channel STAFF). */
type Reporter = { guardianId: string } | { studentId: string } | { staffId: string };

function reporterOf(viewer: Viewer): Reporter {
  switch (viewer.facts.kind) {
    case 'GUARDIAN':
      return { guardianId: viewer.facts.guardianId };
    case 'STUDENT':
      return { studentId: viewer.facts.studentId };
    case 'STAFF':
      return { staffId: viewer.facts.staffId };
  }
}

async function reporterName(ctx: ServiceContext, reporter: Reporter): Promise<string> {
  const name = { firstName: true, lastName: true } as const;
  const person =
    'guardianId' in reporter
      ? await ctx.prisma.guardian.findUnique({ where: { id: reporter.guardianId }, select: name })
      : 'studentId' in reporter
        ? await ctx.prisma.student.findUnique({ where: { id: reporter.studentId }, select: name })
        : await ctx.prisma.staff.findUnique({ where: { id: reporter.staffId }, select: name });
  return person ? `${person.firstName} ${person.lastName}` : '—';
}

/** Lessons of the student's groups inside each report's span (cancelled lessons do not count). */
async function coveredLessonCounts(
  ctx: ServiceContext,
  reports: Pick<ReportRow, 'id' | 'studentId' | 'startsAt' | 'endsAt'>[],
): Promise<Map<string, number>> {
  if (reports.length === 0) return new Map();
  const rows = await ctx.prisma.$queryRaw<{ id: string; count: number }[]>`
    SELECT r.id, count(l.id)::int AS count
    FROM unnest(${reports.map((r) => r.id)}::uuid[], ${reports.map((r) => r.studentId)}::uuid[],
                ${reports.map((r) => r.startsAt)}::timestamptz[], ${reports.map((r) => r.endsAt)}::timestamptz[]) AS r(id, "studentId", "startsAt", "endsAt")
    LEFT JOIN "GroupMembership" m ON m."studentId" = r."studentId"
    LEFT JOIN "Lesson" l ON l."groupId" = m."groupId" AND l.status = 'SCHEDULED' AND l."startsAt" < r."endsAt" AND l."endsAt" > r."startsAt"
      AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    GROUP BY r.id`;
  return new Map(rows.map((row) => [row.id, row.count]));
}

async function toRecords(ctx: ServiceContext, reports: ReportRow[], mayWithdraw: boolean): Promise<SickReportRecord[]> {
  const counts = await coveredLessonCounts(ctx, reports);
  const guardianIds = reports.flatMap((r) => (r.reportedByGuardianId ? [r.reportedByGuardianId] : []));
  const staffIds = reports.flatMap((r) => (r.reportedByStaffId ? [r.reportedByStaffId] : []));
  const name = { id: true, firstName: true, lastName: true } as const;
  const guardians = guardianIds.length > 0 ? await ctx.prisma.guardian.findMany({ where: { id: { in: guardianIds } }, select: name }) : [];
  const staff = staffIds.length > 0 ? await ctx.prisma.staff.findMany({ where: { id: { in: staffIds } }, select: name }) : [];
  const names = new Map([...guardians, ...staff].map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
  const reporterId = (report: ReportRow) => report.reportedByGuardianId ?? report.reportedByStaffId;
  return reports.map((report) => ({
    ...report,
    reportedBy: reporterId(report)
      ? (names.get(reporterId(report) ?? '') ?? '—')
      : `${report.student.firstName} ${report.student.lastName}`,
    coveredLessonCount: counts.get(report.id) ?? 0,
    canWithdraw: mayWithdraw && report.withdrawnAt === null && report.endsAt > ctx.now,
  }));
}

export async function listSickReports(ctx: RequestContext, studentId: string): Promise<SickReportRecord[]> {
  const { viewer, student } = await authorizeStudent(ctx, studentId, 'student:readAbsenceReports');
  const reports = await ctx.prisma.sickReport.findMany({
    where: { studentId },
    select: reportSelect,
    orderBy: [{ startsAt: 'desc' }, { createdAt: 'desc' }],
    take: 100,
  });
  return toRecords(ctx, reports, mayReportAbsence(viewer, student, ctx.today));
}

export interface SickReportInput extends SickReportSpan {
  studentId: string;
  note?: string | null;
}

/**
 * Registers the report, makes the covered absence already marked valid and queues the confirmations,
 * in one transaction: a report is never saved without its confirmations, nor confirmed unsaved.
 */
async function createReport(
  ctx: ServiceContext,
  reporter: Reporter,
  channel: ReportChannel,
  input: SickReportInput,
  options: { unlessCovered?: boolean } = {},
): Promise<{ report: ReportRow; created: boolean }> {
  const { startsAt, endsAt } = spanInstants(input);
  const name = await reporterName(ctx, reporter);
  const result = await ctx.prisma.$transaction(async (tx) => {
    if (options.unlessCovered) {
      // One report at a time per student, so a repeated call (or the provider retrying one) finds the first. NO KEY:
      // a transaction adding rows for the student (an import's memberships) holds a key share, which this need not wait for.
      await tx.$queryRaw`SELECT id FROM "Student" WHERE id = ${input.studentId}::uuid FOR NO KEY UPDATE`;
      const existing = await coveringReport(tx, input.studentId, startsAt, endsAt);
      if (existing) return { report: existing, created: false };
    }
    const created = await tx.sickReport.create({
      data: {
        studentId: input.studentId,
        fromDate: dateValue(input.fromDate),
        toDate: dateValue(input.toDate),
        fromTime: input.fromTime || null,
        toTime: input.toTime || null,
        startsAt,
        endsAt,
        channel,
        reportedByGuardianId: 'guardianId' in reporter ? reporter.guardianId : null,
        reportedByStudentId: 'studentId' in reporter ? reporter.studentId : null,
        reportedByStaffId: 'staffId' in reporter ? reporter.staffId : null,
        note: input.note?.trim() || null,
        createdAt: ctx.now,
      },
      select: reportSelect,
    });
    await tx.$executeRaw`
      UPDATE "Attendance" a SET "validReason" = 'SICK', "sickReportId" = ${created.id}::uuid
      FROM "Lesson" l
      WHERE a."lessonId" = l.id AND a."studentId" = ${input.studentId}::uuid AND a.status <> 'PRESENT' AND a."validReason" IS NULL
        AND l."startsAt" < ${endsAt} AND l."endsAt" > ${startsAt}`;
    const recipients = (await recipientsOf(tx, [input.studentId], ctx.today)).get(input.studentId) ?? [];
    const facts = {
      childName: created.student.firstName,
      reporterName: name,
      channel,
      fromDate: input.fromDate,
      toDate: input.toDate,
      fromTime: created.fromTime,
      toTime: created.toTime,
    };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`sick:${created.id}`, 'SICK_REPORT', input.studentId, recipient, (locale) => sickReportText(locale, facts, false)),
      ),
    );
    return { report: created, created: true };
  });
  if (result.created) ctx.wakeDelivery();
  return result;
}

async function sickReportDaysBack(ctx: ServiceContext, schoolId: string): Promise<number> {
  const school = await ctx.prisma.school.findUnique({ where: { id: schoolId }, select: { sickReportDaysBack: true } });
  return school?.sickReportDaysBack ?? 0;
}

/**
 * Who may report for the student (the home, or the mentor or an administrator taking the home's report), and the
 * span's problems (BAD_USER_INPUT) before anything is looked up or saved: the same rules whoever reports.
 */
async function checkedReport(ctx: RequestContext, input: SickReportInput) {
  const { viewer, student } = await authorizeAbsenceReport(ctx, input.studentId);
  const note = input.note?.trim() ?? '';
  if (note.length > MAX_NOTE_LENGTH) throw badInput(`The note may be at most ${MAX_NOTE_LENGTH} characters`, 'note');
  const problems = checkSickReport(input, ctx.today, await sickReportDaysBack(ctx, student.schoolId));
  if (problems.length > 0) throw appError('BAD_USER_INPUT', `The sick report was not saved: ${problems.join(', ')}`, { problems });
  return { viewer, ...spanInstants(input) };
}

/** A report that already covers the whole span, if one does. */
const coveringReport = (db: Pick<ServiceContext['prisma'], 'sickReport'>, studentId: string, startsAt: Date, endsAt: Date) =>
  db.sickReport.findFirst({
    where: { studentId, withdrawnAt: null, startsAt: { lte: startsAt }, endsAt: { gte: endsAt } },
    select: reportSelect,
    orderBy: { createdAt: 'asc' },
  });

/**
 * What the form shows before sending: how many lessons the span holds (none: a weekend or a break, worth a
 * warning) and a report that already covers it (sending it again would be refused).
 */
export async function checkSickReportSpan(ctx: RequestContext, input: SickReportInput) {
  const { startsAt, endsAt } = await checkedReport(ctx, input);
  const [counts, covering] = await Promise.all([
    coveredLessonCounts(ctx, [{ id: SPAN_ID, studentId: input.studentId, startsAt, endsAt }]),
    coveringReport(ctx.prisma, input.studentId, startsAt, endsAt),
  ]);
  const [record] = covering ? await toRecords(ctx, [covering], true) : [];
  return { lessonCount: counts.get(SPAN_ID) ?? 0, coveringReport: record ?? null };
}

/** Stands for the span being checked where the lesson count wants a report's id. */
const SPAN_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The date the form proposes: the day of the student's next lesson that has not ended (after the school day,
 * tomorrow; on a Friday evening or before a break, the first school day after), or today when none is within a month.
 */
export async function proposedSickReportDate(ctx: RequestContext, studentId: string): Promise<string> {
  await authorizeAbsenceReport(ctx, studentId);
  const [next] = await ctx.prisma.$queryRaw<{ date: string }[]>`
    SELECT to_char(l.date, 'YYYY-MM-DD') AS date
    FROM "GroupMembership" m
    JOIN "Lesson" l ON l."groupId" = m."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    WHERE m."studentId" = ${studentId}::uuid AND l.status = 'SCHEDULED' AND l."endsAt" > ${ctx.now}
      AND l.date BETWEEN ${dateValue(ctx.today)} AND ${dateValue(ctx.today)}::date + ${SICK_REPORT_MAX_DAYS_AHEAD}::int
    ORDER BY l."startsAt" LIMIT 1`;
  return next?.date ?? ctx.today;
}

/**
 * The home reports on the web; the mentor or an administrator registers the report a guardian phoned in (channel
 * STAFF, with who took it). Either way the same checks, and the same confirmation to the guardians.
 */
export async function reportSick(ctx: RequestContext, input: SickReportInput): Promise<SickReportRecord> {
  const { viewer } = await checkedReport(ctx, input);
  const channel: ReportChannel = viewer.facts.kind === 'STAFF' ? 'STAFF' : 'WEB';
  // The same span sent twice (a double tap, a second guardian) is recognised: nothing is stored or confirmed again.
  const { report, created } = await createReport(ctx, reporterOf(viewer), channel, input, { unlessCovered: true });
  if (!created) {
    throw appError('BAD_USER_INPUT', 'The student is already reported sick for this time', {
      problems: ['ALREADY_REPORTED'],
      reportId: report.id,
    });
  }
  await audit(ctx, 'sickReport.created', {
    studentId: input.studentId,
    entityType: 'SickReport',
    entityId: report.id,
    details: { channel },
  });
  const [record] = await toRecords(ctx, [report], true);
  return record as SickReportRecord;
}

export async function withdrawSickReport(ctx: RequestContext, id: string): Promise<SickReportRecord> {
  const viewer = await requireViewer(ctx);
  if (!isId(id)) throw notFound('Sick report');
  const existing = await ctx.prisma.sickReport.findUnique({ where: { id }, select: reportSelect });
  if (!existing) throw notFound('Sick report');
  const [student] = await loadStudentFacts(ctx, { ids: [existing.studentId] });
  if (!student || !mayReportAbsence(viewer, student, ctx.today)) throw notFound('Sick report');
  if (existing.withdrawnAt) throw appError('BAD_USER_INPUT', 'The sick report is already withdrawn', { problems: ['ALREADY_WITHDRAWN'] });
  if (existing.endsAt <= ctx.now)
    throw appError('BAD_USER_INPUT', 'A sick report that has ended stays on record', { problems: ['ALREADY_ENDED'] });
  const name = viewer.displayName;
  const report = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.sickReport.update({
      where: { id },
      data: { withdrawnAt: ctx.now, withdrawnByUserId: viewer.userId },
      select: reportSelect,
    });
    // Lessons it covered stay valid if another report still covers them; otherwise they are unexcused again.
    await tx.$executeRaw`
      UPDATE "Attendance" a
      SET "sickReportId" = other.id, "validReason" = CASE WHEN other.id IS NULL THEN NULL ELSE 'SICK'::"ValidAbsenceReason" END
      FROM "Lesson" l
      LEFT JOIN LATERAL (
        SELECT r.id FROM "SickReport" r
        WHERE r."studentId" = ${existing.studentId}::uuid AND r."withdrawnAt" IS NULL AND r."startsAt" < l."endsAt" AND r."endsAt" > l."startsAt"
        ORDER BY r."createdAt" LIMIT 1
      ) other ON true
      WHERE a."sickReportId" = ${id}::uuid AND l.id = a."lessonId"`;
    const recipients = (await recipientsOf(tx, [existing.studentId], ctx.today)).get(existing.studentId) ?? [];
    const facts = {
      childName: updated.student.firstName,
      reporterName: name,
      channel: updated.channel,
      fromDate: isoDate(updated.fromDate),
      toDate: isoDate(updated.toDate),
      fromTime: updated.fromTime,
      toTime: updated.toTime,
    };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`sick-withdrawn:${id}`, 'SICK_REPORT_WITHDRAWN', existing.studentId, recipient, (locale) =>
          sickReportText(locale, facts, true),
        ),
      ),
    );
    return updated;
  });
  ctx.wakeDelivery();
  await audit(ctx, 'sickReport.withdrawn', { studentId: existing.studentId, entityType: 'SickReport', entityId: id });
  const [record] = await toRecords(ctx, [report], true);
  return record as SickReportRecord;
}

export type PhoneReportOutcome =
  { ok: true; reportId: string; alreadyReported: boolean } | { ok: false; reason: 'NOT_A_GUARDIAN' | 'INVALID_PERSONNUMMER' };

/**
 * A guardian calls and keys in the child's personnummer: the child is reported sick for today.
 * The calling number must be a guardian's (who may see the child); anything else is NOT_A_GUARDIAN,
 * whether or not the child exists, so a caller learns nothing. A personnummer is unique within an
 * organisation only: a child in the registers of two (moving from one school owner to another) is
 * reported to each where the caller is their guardian.
 */
export async function reportSickByPhone(
  ctx: ServiceContext,
  call: { callerPhone: string; personnummer: string },
): Promise<PhoneReportOutcome> {
  const parsed = parsePersonnummer(call.personnummer);
  if (!parsed.ok) return { ok: false, reason: 'INVALID_PERSONNUMMER' };
  const students = await ctx.prisma.student.findMany({
    where: { personalIdentityNumber: parsed.value.canonical, guardianships: { some: { guardian: { mobilePhone: call.callerPhone } } } },
    select: { id: true, guardianships: { where: { guardian: { mobilePhone: call.callerPhone } }, select: { guardianId: true } } },
    orderBy: { id: 'asc' },
  });
  const allFacts = await loadStudentFacts(ctx, { ids: students.map((student) => student.id) });
  const reports: { id: string; created: boolean }[] = [];
  for (const student of students) {
    const facts = allFacts.find((candidate) => candidate.id === student.id);
    const caller = student.guardianships.find(
      ({ guardianId }) => facts && canAccessStudent({ kind: 'GUARDIAN', guardianId }, 'student:reportAbsence', facts, ctx.today),
    );
    if (!caller) continue;
    const { report, created } = await createReport(
      ctx,
      { guardianId: caller.guardianId },
      'PHONE',
      { studentId: student.id, fromDate: ctx.today, toDate: ctx.today },
      { unlessCovered: true },
    );
    reports.push({ id: report.id, created });
  }
  const [first] = reports;
  if (!first) return { ok: false, reason: 'NOT_A_GUARDIAN' };
  return { ok: true, reportId: first.id, alreadyReported: reports.every((report) => !report.created) };
}
