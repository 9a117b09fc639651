// Leave applications (rule 5): the home applies, the mentor decides up to the school's limit of
// school days and the principal above it, the guardians are told, and approved leave makes the
// covered absence valid.
import { checkLeaveRequest, leaveDecider, mayDecideLeave, schoolDaysIn, spanInstants, spansOverlap } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeStudent, currentDuties, isId, loadStudentFacts, mayAccessStudent } from '../access/access.service.ts';
import { isoDate, requireStaffViewer, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { leaveDecisionText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf } from '../notifications/queue.ts';

export const MAX_DECISION_NOTE_LENGTH = 1000;

const leaveSelect = {
  id: true,
  studentId: true,
  fromDate: true,
  toDate: true,
  schoolDays: true,
  decider: true,
  reason: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionNote: true,
  appliedByGuardianId: true,
  appliedByStudentId: true,
  decidedByStaffId: true,
  student: { select: { firstName: true, lastName: true, schoolId: true } },
} satisfies Prisma.LeaveApplicationSelect;

type LeaveRow = Prisma.LeaveApplicationGetPayload<{ select: typeof leaveSelect }>;

export interface LeaveApplicationRecord extends LeaveRow {
  className: string | null;
  appliedBy: string;
  decidedBy: string | null;
  canWithdraw: boolean;
  canDecide: boolean;
}

/** The student's classes on a day, by student. */
async function classesOf(ctx: RequestContext, studentIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const memberships = await ctx.prisma.groupMembership.findMany({
    where: { studentId: { in: [...new Set(studentIds)] }, group: { kind: 'CLASS' }, ...inForceOn(dateValue(ctx.today)) },
    select: { studentId: true, group: { select: { id: true, name: true } } },
  });
  const byStudent = new Map<string, { id: string; name: string }[]>();
  for (const membership of memberships)
    byStudent.set(membership.studentId, [...(byStudent.get(membership.studentId) ?? []), membership.group]);
  return byStudent;
}

async function toRecords(ctx: RequestContext, viewer: Viewer, rows: LeaveRow[]): Promise<LeaveApplicationRecord[]> {
  if (rows.length === 0) return [];
  const [classes, guardians, students, staff, facts] = await Promise.all([
    classesOf(
      ctx,
      rows.map((row) => row.studentId),
    ),
    ctx.prisma.guardian.findMany({
      where: { id: { in: rows.flatMap((row) => (row.appliedByGuardianId ? [row.appliedByGuardianId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
    }),
    ctx.prisma.student.findMany({
      where: { id: { in: rows.flatMap((row) => (row.appliedByStudentId ? [row.appliedByStudentId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
    }),
    ctx.prisma.staff.findMany({
      where: { id: { in: rows.flatMap((row) => (row.decidedByStaffId ? [row.decidedByStaffId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
    }),
    loadStudentFacts(ctx, { ids: rows.map((row) => row.studentId) }),
  ]);
  const name = (people: { id: string; firstName: string; lastName: string }[], id: string | null) => {
    const person = people.find((candidate) => candidate.id === id);
    return person ? `${person.firstName} ${person.lastName}` : null;
  };
  return rows.map((row) => {
    const studentClasses = classes.get(row.studentId) ?? [];
    const studentFacts = facts.find((candidate) => candidate.id === row.studentId);
    const mayReport = studentFacts !== undefined && mayAccessStudent(viewer, 'student:reportAbsence', studentFacts, ctx.today);
    return {
      ...row,
      className: studentClasses[0]?.name ?? null,
      appliedBy: name(guardians, row.appliedByGuardianId) ?? name(students, row.appliedByStudentId) ?? '—',
      decidedBy: name(staff, row.decidedByStaffId),
      canWithdraw: mayReport && withdrawable(row, ctx.today),
      canDecide:
        row.status === 'PENDING' &&
        mayDecideLeave(
          viewer.facts,
          { decider: row.decider, schoolId: row.student.schoolId, studentClassIds: studentClasses.map((group) => group.id) },
          ctx.today,
        ),
    };
  });
}

/** Pending leave can be withdrawn; approved leave until its first day. */
const withdrawable = (row: Pick<LeaveRow, 'status' | 'fromDate'>, today: string): boolean =>
  row.status === 'PENDING' || (row.status === 'APPROVED' && isoDate(row.fromDate) > today);

export async function listLeaveApplications(ctx: RequestContext, studentId: string): Promise<LeaveApplicationRecord[]> {
  const { viewer } = await authorizeStudent(ctx, studentId, 'student:readAbsenceReports');
  const rows = await ctx.prisma.leaveApplication.findMany({
    where: { studentId },
    select: leaveSelect,
    orderBy: [{ fromDate: 'desc' }, { createdAt: 'desc' }],
    take: 100,
  });
  return toRecords(ctx, viewer, rows);
}

export async function leaveApplicationsToDecide(ctx: RequestContext): Promise<LeaveApplicationRecord[]> {
  const viewer = await requireStaffViewer(ctx);
  const duties = currentDuties(viewer, ctx.today);
  const principalOf = duties.flatMap((duty) => (duty.kind === 'PRINCIPAL' && duty.schoolId ? [duty.schoolId] : []));
  const mentorOf = duties.flatMap((duty) => (duty.kind === 'MENTOR' && duty.groupId ? [duty.groupId] : []));
  if (principalOf.length === 0 && mentorOf.length === 0) return [];
  const rows = await ctx.prisma.leaveApplication.findMany({
    where: {
      status: 'PENDING',
      OR: [
        { student: { schoolId: { in: principalOf } } },
        { decider: 'MENTOR', student: { memberships: { some: { groupId: { in: mentorOf }, ...inForceOn(dateValue(ctx.today)) } } } },
      ],
    },
    select: leaveSelect,
    orderBy: [{ createdAt: 'asc' }],
    take: 200,
  });
  // The query narrows; the rule (mayDecideLeave, behind canDecide) decides.
  return (await toRecords(ctx, viewer, rows)).filter((record) => record.canDecide);
}

export interface LeaveInput {
  studentId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}

const refused = (problems: string[]) =>
  appError('BAD_USER_INPUT', `The leave application was not saved: ${problems.join(', ')}`, { problems });

/** What the home is told before applying: up to how many school days the mentor decides. */
export async function leaveRules(ctx: RequestContext, studentId: string) {
  const { student } = await authorizeStudent(ctx, studentId, 'student:readAbsenceReports');
  const school = await ctx.prisma.school.findUniqueOrThrow({ where: { id: student.schoolId }, select: { mentorLeaveDayLimit: true } });
  return { mentorDayLimit: school.mentorLeaveDayLimit };
}

export async function applyForLeave(ctx: RequestContext, input: LeaveInput): Promise<LeaveApplicationRecord> {
  const { viewer, student } = await authorizeStudent(ctx, input.studentId, 'student:reportAbsence');
  const shapeProblems = checkLeaveRequest(input, ctx.today, 1);
  if (shapeProblems.includes('INVALID_DATE') || shapeProblems.includes('END_BEFORE_START') || shapeProblems.includes('TOO_LONG'))
    throw refused(shapeProblems);
  const [school, breaks] = await Promise.all([
    ctx.prisma.school.findUniqueOrThrow({ where: { id: student.schoolId }, select: { mentorLeaveDayLimit: true } }),
    // The calendar is the organisation's: another school owner's breaks are not this student's.
    ctx.prisma.schoolBreak.findMany({
      where: {
        startDate: { lte: dateValue(input.toDate) },
        endDate: { gte: dateValue(input.fromDate) },
        term: { schoolYear: { organisationId: student.organisationId } },
      },
      select: { startDate: true, endDate: true },
    }),
  ]);
  const schoolDays = schoolDaysIn(
    input.fromDate,
    input.toDate,
    breaks.map((range) => ({ startDate: isoDate(range.startDate), endDate: isoDate(range.endDate) })),
  );
  const problems = checkLeaveRequest(input, ctx.today, schoolDays);
  if (problems.length > 0) throw refused(problems);
  const { startsAt, endsAt } = spanInstants(input);
  const row = await ctx.prisma.$transaction(async (tx) => {
    // One application at a time per student, so two overlapping ones cannot both pass the check.
    await tx.$queryRaw`SELECT id FROM "Student" WHERE id = ${input.studentId}::uuid FOR UPDATE`;
    const others = await tx.leaveApplication.findMany({
      where: { studentId: input.studentId, status: { in: ['PENDING', 'APPROVED'] } },
      select: { fromDate: true, toDate: true },
    });
    const span = { startDate: input.fromDate, endDate: input.toDate };
    if (others.some((other) => spansOverlap(span, { startDate: isoDate(other.fromDate), endDate: isoDate(other.toDate) })))
      throw refused(['OVERLAPPING_LEAVE']);
    return tx.leaveApplication.create({
      data: {
        studentId: input.studentId,
        fromDate: dateValue(input.fromDate),
        toDate: dateValue(input.toDate),
        startsAt,
        endsAt,
        schoolDays,
        decider: leaveDecider(schoolDays, school.mentorLeaveDayLimit),
        reason: input.reason.trim(),
        appliedByGuardianId: viewer.facts.kind === 'GUARDIAN' ? viewer.facts.guardianId : null,
        appliedByStudentId: viewer.facts.kind === 'STUDENT' ? viewer.facts.studentId : null,
        createdAt: ctx.now,
      },
      select: leaveSelect,
    });
  });
  await audit(ctx, 'leave.applied', { studentId: input.studentId, entityType: 'LeaveApplication', entityId: row.id });
  const [record] = await toRecords(ctx, viewer, [row]);
  return record as LeaveApplicationRecord;
}

/** Approved leave that is withdrawn or replaced no longer excuses the lessons it covered. */
async function releaseCoverage(tx: Prisma.TransactionClient, applicationId: string): Promise<void> {
  await tx.attendance.updateMany({ where: { leaveApplicationId: applicationId }, data: { leaveApplicationId: null, validReason: null } });
}

export async function withdrawLeaveApplication(ctx: RequestContext, id: string): Promise<LeaveApplicationRecord> {
  const viewer = await requireViewer(ctx);
  if (!isId(id)) throw notFound('Leave application');
  const existing = await ctx.prisma.leaveApplication.findUnique({ where: { id }, select: leaveSelect });
  if (!existing) throw notFound('Leave application');
  const [student] = await loadStudentFacts(ctx, { ids: [existing.studentId] });
  if (!student || !mayAccessStudent(viewer, 'student:reportAbsence', student, ctx.today)) throw notFound('Leave application');
  if (!withdrawable(existing, ctx.today)) throw refused(['NOT_WITHDRAWABLE']);
  const row = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.leaveApplication.updateMany({
      where: { id, status: existing.status },
      data: { status: 'WITHDRAWN', withdrawnAt: ctx.now },
    });
    if (updated.count === 0) throw refused(['NOT_WITHDRAWABLE']);
    await releaseCoverage(tx, id);
    return tx.leaveApplication.findUniqueOrThrow({ where: { id }, select: leaveSelect });
  });
  await audit(ctx, 'leave.withdrawn', { studentId: existing.studentId, entityType: 'LeaveApplication', entityId: id });
  const [record] = await toRecords(ctx, viewer, [row]);
  return record as LeaveApplicationRecord;
}

export async function decideLeaveApplication(
  ctx: RequestContext,
  id: string,
  approve: boolean,
  note: string | null | undefined,
): Promise<LeaveApplicationRecord> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(id)) throw notFound('Leave application');
  const existing = await ctx.prisma.leaveApplication.findUnique({ where: { id }, select: leaveSelect });
  if (!existing) throw notFound('Leave application');
  const classIds = (await classesOf(ctx, [existing.studentId])).get(existing.studentId)?.map((group) => group.id) ?? [];
  const facts = { decider: existing.decider, schoolId: existing.student.schoolId, studentClassIds: classIds };
  if (!mayDecideLeave(viewer.facts, facts, ctx.today)) {
    // Staff who can see the student learn why; others learn nothing.
    const [student] = await loadStudentFacts(ctx, { ids: [existing.studentId] });
    if (student && mayAccessStudent(viewer, 'student:readAbsenceReports', student, ctx.today))
      throw appError(
        'FORBIDDEN',
        existing.decider === 'PRINCIPAL' ? 'Leave this long is decided by the principal' : 'Not yours to decide',
        {
          reason: 'NOT_THE_DECIDER',
        },
      );
    throw notFound('Leave application');
  }
  const decisionNote = note?.trim() || null;
  if (!approve && !decisionNote) throw refused(['NOTE_REQUIRED']);
  if (decisionNote && decisionNote.length > MAX_DECISION_NOTE_LENGTH) throw refused(['NOTE_TOO_LONG']);
  const deciderName = viewer.displayName;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.leaveApplication.updateMany({
      where: { id, status: 'PENDING' },
      data: {
        status: approve ? 'APPROVED' : 'REJECTED',
        decidedAt: ctx.now,
        decidedByStaffId: viewer.facts.staffId,
        decisionNote,
      },
    });
    if (updated.count === 0) throw refused(['ALREADY_DECIDED']);
    const application = await tx.leaveApplication.findUniqueOrThrow({
      where: { id },
      select: { ...leaveSelect, startsAt: true, endsAt: true },
    });
    if (approve) {
      await tx.$executeRaw`
        UPDATE "Attendance" a SET "validReason" = 'LEAVE', "leaveApplicationId" = ${id}::uuid
        FROM "Lesson" l
        WHERE a."lessonId" = l.id AND a."studentId" = ${existing.studentId}::uuid AND a.status <> 'PRESENT' AND a."validReason" IS NULL
          AND l."startsAt" < ${application.endsAt} AND l."endsAt" > ${application.startsAt}`;
    }
    const recipients = (await recipientsOf(tx, [existing.studentId], ctx.today)).get(existing.studentId) ?? [];
    const text = {
      childName: existing.student.firstName,
      fromDate: isoDate(existing.fromDate),
      toDate: isoDate(existing.toDate),
      approved: approve,
      deciderName,
      note: decisionNote,
    };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`leave:${id}`, 'LEAVE_DECISION', existing.studentId, recipient, (locale) => leaveDecisionText(locale, text)),
      ),
    );
    return application;
  });
  ctx.wakeDelivery();
  await audit(ctx, 'leave.decided', { studentId: existing.studentId, entityType: 'LeaveApplication', entityId: id, details: { approve } });
  const [record] = await toRecords(ctx, viewer, [row]);
  return record as LeaveApplicationRecord;
}
