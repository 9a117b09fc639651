// Roll call: the lesson's students, saving a submission all-or-nothing and exactly once, corrections
// with history, and the mentor's view of a class's day. The rules themselves live in @insyn/domain.
import {
  checkAbsenceReason,
  checkRollCall,
  isIsoDate,
  isUnexcused,
  MAX_CORRECTION_REASON_LENGTH,
  offlineProofClaims,
  mayReadRollCall,
  rollCallAuthority,
  rollCallTiming,
  spanInstants,
  type RollCallAuthorityFacts,
  type RollCallEntry,
  type RollCallProblem,
  type RollCallTimingProblem,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { queryRows, type RequestContext } from '../../context.ts';
import { appError, badInput, notFound } from '../../errors.ts';
import { authorizeGroup, authorizeStudent, isId, loadStudentFacts, mayReportAbsence } from '../access/access.service.ts';
import { audit } from '../audit/audit.service.ts';
import { isoDate, requireStaffViewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { readOfflineProof, signOfflineProof } from './offline-proof.ts';
import { reportedAbsences } from './reported-absences.ts';

export type RollCallState = 'NOT_TAKEN' | 'TAKEN' | 'CHANGED';

export function rollCallState(lesson: { attendanceTakenAt: Date | null; attendanceChangedAt: Date | null }): RollCallState {
  if (!lesson.attendanceTakenAt) return 'NOT_TAKEN';
  return lesson.attendanceChangedAt ? 'CHANGED' : 'TAKEN';
}

export const rollCallOverdue = (lesson: { status: string; endsAt: Date; attendanceTakenAt: Date | null }, now: Date): boolean =>
  lesson.status === 'SCHEDULED' && lesson.attendanceTakenAt === null && lesson.endsAt < now;

const teacherLessonSelect = {
  id: true,
  date: true,
  startsAt: true,
  endsAt: true,
  room: true,
  status: true,
  groupId: true,
  attendanceTakenAt: true,
  attendanceChangedAt: true,
  subject: { select: { code: true, nameSv: true, nameEn: true } },
  group: { select: { name: true, schoolId: true } },
  teachers: { select: { staffId: true } },
} satisfies Prisma.LessonSelect;

export type TeacherLessonRecord = Prisma.LessonGetPayload<{ select: typeof teacherLessonSelect }> & { studentCount: number };

function parseDate(date: string | null | undefined, today: string): string {
  if (date === null || date === undefined) return today;
  if (!isIsoDate(date)) throw badInput(`Not a date: "${date}" (expected YYYY-MM-DD)`, 'date');
  return date;
}

async function withStudentCounts<T extends { id: string; groupId: string; date: Date }>(ctx: RequestContext, lessons: T[]) {
  if (lessons.length === 0) return [];
  const counts = await ctx.prisma.$queryRaw<{ lessonId: string; count: number }[]>`
    SELECT l.id AS "lessonId", count(m.id)::int AS count
    FROM "Lesson" l
    LEFT JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    WHERE l.id = ANY(${lessons.map((lesson) => lesson.id)}::uuid[])
    GROUP BY l.id`;
  const byLesson = new Map(counts.map((row) => [row.lessonId, row.count]));
  return lessons.map((lesson) => ({ ...lesson, studentCount: byLesson.get(lesson.id) ?? 0 }));
}

/** The lessons a staff member teaches on a date, in order, with their roll-call state. */
export async function myLessons(ctx: RequestContext, date: string | null | undefined): Promise<TeacherLessonRecord[]> {
  const viewer = await requireStaffViewer(ctx);
  const day = dateValue(parseDate(date, ctx.today));
  const lessons = await ctx.prisma.lesson.findMany({
    where: { date: day, teachers: { some: { staffId: viewer.facts.staffId } } },
    select: teacherLessonSelect,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return withStudentCounts(ctx, lessons);
}

interface LessonForRollCall {
  lesson: TeacherLessonRecord;
  /** the organisation that runs the lesson's school */
  organisationId: string;
  students: { id: string; firstName: string; lastName: string; classId: string | null; className: string | null }[];
  /** the lesson of an earlier submission with the asked-for id, if there is one */
  earlierSubmissionLessonId: string | null;
}

/** Dates and instants as text: the row is read as `queryRows` reads (through the driver where it can). */
interface LessonRow {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  status: 'SCHEDULED' | 'CANCELLED';
  groupId: string;
  attendanceTakenAt: string | null;
  attendanceChangedAt: string | null;
  subjectCode: string;
  nameSv: string;
  nameEn: string;
  groupName: string;
  schoolId: string;
  organisationId: string;
  teacherIds: string[];
  students: LessonForRollCall['students'];
  earlierSubmissionLessonId: string | null;
}

/** A timestamptz column as ISO 8601 text with its offset, which `new Date` reads the same whatever the session's zone. */
const instantText = (column: string) => Prisma.raw(`to_json("${column}") #>> '{}' AS "${column}"`);

/**
 * The lesson, its teachers and the students of its group on the lesson's date (those who left are
 * gone, those who joined are in) with their home class, in one round trip: this is the roll call's hot path, and
 * `roll_call_lesson` (a PL/pgSQL function) keeps the statement's plan per connection.
 */
async function loadLesson(ctx: RequestContext, lessonId: string, submissionId: string | null = null): Promise<LessonForRollCall | null> {
  if (!isId(lessonId)) return null;
  const [row] = await queryRows<LessonRow>(
    ctx,
    Prisma.sql`SELECT id, date::text AS date, ${instantText('startsAt')}, ${instantText('endsAt')}, room, status, "groupId",
                      ${instantText('attendanceTakenAt')}, ${instantText('attendanceChangedAt')}, "subjectCode", "nameSv",
                      "nameEn", "groupName", "schoolId", "organisationId", "teacherIds", students, "earlierSubmissionLessonId"
               FROM roll_call_lesson(${lessonId}::uuid, ${submissionId}::uuid)`,
  );
  if (!row) return null;
  const instant = (text: string | null) => (text === null ? null : new Date(text));
  const students = [...row.students].sort(
    (a, b) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv'),
  );
  return {
    lesson: {
      id: row.id,
      date: dateValue(row.date),
      startsAt: new Date(row.startsAt),
      endsAt: new Date(row.endsAt),
      room: row.room,
      status: row.status,
      groupId: row.groupId,
      attendanceTakenAt: instant(row.attendanceTakenAt),
      attendanceChangedAt: instant(row.attendanceChangedAt),
      subject: { code: row.subjectCode, nameSv: row.nameSv, nameEn: row.nameEn },
      group: { name: row.groupName, schoolId: row.schoolId },
      teachers: row.teacherIds.map((staffId) => ({ staffId })),
      studentCount: students.length,
    },
    organisationId: row.organisationId,
    students,
    earlierSubmissionLessonId: row.earlierSubmissionLessonId,
  };
}

const authorityFacts = (loaded: LessonForRollCall): RollCallAuthorityFacts => ({
  lessonDate: isoDate(loaded.lesson.date),
  schoolId: loaded.lesson.group.schoolId,
  organisationId: loaded.organisationId,
  teacherStaffIds: loaded.lesson.teachers.map((teacher) => teacher.staffId),
  studentClassIds: loaded.students.flatMap((student) => (student.classId ? [student.classId] : [])),
});

export async function getRollCall(ctx: RequestContext, lessonId: string) {
  const viewer = await requireStaffViewer(ctx);
  const loaded = await loadLesson(ctx, lessonId);
  if (!loaded || !mayReadRollCall(viewer.facts, authorityFacts(loaded), ctx.today)) throw notFound('Lesson');
  const [attendance, history, reported] = await Promise.all([
    ctx.prisma.attendance.findMany({
      where: { lessonId },
      select: { studentId: true, status: true, lateMinutes: true, note: true, validReason: true },
    }),
    ctx.prisma.attendanceChange.findMany({ where: { lessonId }, orderBy: [{ changedAt: 'desc' }, { id: 'desc' }], take: 200 }),
    reportedAbsences(
      ctx,
      loaded.students.map((student) => student.id),
      loaded.lesson.startsAt,
      loaded.lesson.endsAt,
    ),
  ]);
  const byStudent = new Map(attendance.map((row) => [row.studentId, row]));
  const authority = rollCallAuthority(viewer.facts, authorityFacts(loaded), ctx.today);
  const staffNames = await namesOfStaff(
    ctx,
    history.map((change) => change.changedById),
  );
  const studentNames = new Map(loaded.students.map((student) => [student.id, `${student.firstName} ${student.lastName}`]));
  return {
    lesson: loaded.lesson,
    durationMinutes: Math.round((loaded.lesson.endsAt.getTime() - loaded.lesson.startsAt.getTime()) / 60_000),
    students: loaded.students.map((student) => {
      const row = byStudent.get(student.id);
      return {
        ...student,
        status: row?.status ?? null,
        lateMinutes: row?.lateMinutes ?? null,
        note: row?.note ?? null,
        validReason: row?.validReason ?? null,
        reportedAbsence: reported.get(student.id)?.[0] ?? null,
      };
    }),
    reasonRequired: authority.allowed && authority.reasonRequired,
    cannotSaveBecause: loaded.lesson.status === 'CANCELLED' ? 'LESSON_CANCELLED' : authority.allowed ? null : authority.why,
    // Only on the lesson's day (the one day a save needs no reason) and for a lesson that has a roll call.
    offlineProof:
      authority.allowed && !authority.reasonRequired && loaded.lesson.status === 'SCHEDULED'
        ? signOfflineProof(offlineProofClaims(lessonId, viewer.userId, ctx.now), ctx.config.jwtSecret)
        : null,
    history: history.map((change) => ({
      ...change,
      studentName: studentNames.get(change.studentId) ?? '—',
      changedBy: staffNames.get(change.changedById) ?? '—',
    })),
  };
}

async function namesOfStaff(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const staff = await ctx.prisma.staff.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(staff.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
}

export interface SaveRollCallInput {
  submissionId: string;
  lessonId: string;
  entries: RollCallEntry[];
  reason?: string | null;
  /** when the teacher saved it on the device (ISO 8601) */
  takenAt?: string | null;
  /** the roll call's offline proof, as the device got it on the lesson's day */
  offlineProof?: string | null;
}

const TIMING_FIELDS: Record<RollCallTimingProblem, string> = {
  TAKEN_AT_IN_FUTURE: 'takenAt',
  TAKEN_AT_BEFORE_LESSON: 'takenAt',
  OFFLINE_PROOF_INVALID: 'offlineProof',
  OFFLINE_PROOF_MISMATCH: 'offlineProof',
};

const timingRefused = (problem: RollCallTimingProblem) =>
  appError('BAD_USER_INPUT', `The roll call was not saved: ${problem}`, { field: TIMING_FIELDS[problem], problems: [{ code: problem }] });

function rollCallRefused(problems: RollCallProblem[]) {
  const [first] = problems;
  if (first?.code === 'LESSON_CANCELLED') return appError('LESSON_CANCELLED', 'A cancelled lesson has no roll call');
  return appError('BAD_USER_INPUT', `The roll call was not saved: ${problems.map((problem) => problem.code).join(', ')}`, { problems });
}

/**
 * Saves a roll call all or nothing. A resent submission (same device-made id) is recognised and
 * changes nothing; the lesson row is locked so two devices saving one lesson are applied in turn.
 */
export interface SaveRollCallOutcome {
  submissionId: string;
  applied: boolean;
  changedCount: number;
  lessonId: string;
}

export type AttendanceChangeRecord = Awaited<ReturnType<typeof getRollCall>>['history'][number];

export async function saveRollCall(ctx: RequestContext, input: SaveRollCallInput): Promise<SaveRollCallOutcome> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(input.lessonId)) throw notFound('Lesson');
  if (!isId(input.submissionId)) throw badInput('submissionId must be a UUID made on the device', 'submissionId');
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_CORRECTION_REASON_LENGTH)
    throw badInput(`The reason may be at most ${MAX_CORRECTION_REASON_LENGTH} characters`, 'reason');

  let takenAt: Date | null = null;
  if (input.takenAt) {
    takenAt = new Date(input.takenAt);
    if (Number.isNaN(takenAt.getTime())) throw badInput('takenAt must be an ISO 8601 instant', 'takenAt');
  }

  const loaded = await loadLesson(ctx, input.lessonId, input.submissionId);
  if (!loaded) throw notFound('Lesson');
  if (loaded.earlierSubmissionLessonId) {
    if (loaded.earlierSubmissionLessonId !== input.lessonId)
      throw badInput('This submissionId was already used for another lesson', 'submissionId');
    return { submissionId: input.submissionId, applied: false, changedCount: 0, lessonId: input.lessonId };
  }
  // The day it counts for: the arrival's, or the lesson's for a roll call the device proves it held that day.
  const timing = rollCallTiming({
    lessonId: input.lessonId,
    lessonDate: isoDate(loaded.lesson.date),
    lessonStartsAt: loaded.lesson.startsAt,
    userId: viewer.userId,
    takenAt,
    proof: input.offlineProof ? readOfflineProof(input.offlineProof, ctx.config.jwtSecret) : null,
    receivedAt: ctx.now,
  });
  const authority = rollCallAuthority(viewer.facts, authorityFacts(loaded), timing.ok ? timing.countsOn : ctx.today);
  // Someone else's lesson is not found, whatever else is wrong with the save.
  if (!authority.allowed && authority.why === 'NOT_YOUR_LESSON') throw notFound('Lesson');
  if (!timing.ok) throw timingRefused(timing.problem);
  const takenOfflineAt = timing.lateArrival ? takenAt : null;
  if (!authority.allowed) {
    if (authority.why === 'TOO_EARLY') throw appError('FORBIDDEN', 'The roll call opens on the day of the lesson', { reason: 'TOO_EARLY' });
    throw appError('FORBIDDEN', "After the lesson's day, the mentor or an administrator corrects the roll call", { reason: authority.why });
  }
  const durationMinutes = Math.round((loaded.lesson.endsAt.getTime() - loaded.lesson.startsAt.getTime()) / 60_000);
  const problems = checkRollCall(
    { status: loaded.lesson.status, durationMinutes },
    new Set(loaded.students.map((student) => student.id)),
    input.entries,
  );
  if (problems.length > 0) throw rollCallRefused(problems);
  if (authority.reasonRequired && !reason) throw badInput("A correction after the lesson's day needs a reason", 'reason');

  const entries = input.entries;
  const { staffId } = viewer.facts;
  const alertDueAt = new Date(ctx.now.getTime() + ctx.config.notifications.graceSeconds * 1000);
  // roll_call_save (migration roll_call_save_function) locks the lesson, then records the submission, upserts the
  // changed rows, keeps their history, queues the absence alerts and marks the lesson, all or nothing.
  const [result] = await queryRows<{ applied: boolean; changed: number; alerts: number }>(
    ctx,
    Prisma.sql`
    SELECT applied, changed_rows AS changed, queued_alerts AS alerts FROM roll_call_save(
      ${input.submissionId}::uuid, ${input.lessonId}::uuid, ${staffId}::uuid, ${takenAt}::timestamptz, ${ctx.now}::timestamptz,
      ${reason}::text, ${entries.map((entry) => entry.studentId)}::uuid[], ${entries.map((entry) => entry.status)}::text[],
      ${entries.map((entry) => entry.lateMinutes ?? null)}::int[], ${entries.map((entry) => entry.note?.trim() || null)}::text[],
      ${loaded.lesson.startsAt}::timestamptz, ${loaded.lesson.endsAt}::timestamptz, ${alertDueAt}::timestamptz,
      ${takenOfflineAt}::timestamptz)`,
  );
  if (ctx.config.notifications.graceSeconds === 0 && (result?.alerts ?? 0) > 0) ctx.wakeDelivery();
  return {
    submissionId: input.submissionId,
    applied: result?.applied ?? false,
    changedCount: result?.changed ?? 0,
    lessonId: input.lessonId,
  };
}

/** A mentor's class across a day: every student's marks in the lessons of their groups. */
export async function classDay(ctx: RequestContext, classId: string, date: string | null | undefined) {
  const viewer = await requireStaffViewer(ctx);
  const day = parseDate(date, ctx.today);
  // The class's mentors, its principal and its organisation's administrators: those who read its absence.
  const { group } = await authorizeGroup(ctx, classId, 'group:readAbsence');
  if (group.kind !== 'CLASS') throw notFound('Group');
  const { name: className } = await ctx.prisma.group.findUniqueOrThrow({ where: { id: classId }, select: { name: true } });
  const dayDate = dateValue(day);
  const members = await ctx.prisma.groupMembership.findMany({
    where: { groupId: classId, ...inForceOn(dayDate) },
    select: {
      student: {
        select: { id: true, firstName: true, lastName: true, memberships: { where: inForceOn(dayDate), select: { groupId: true } } },
      },
    },
  });
  const groupIds = [...new Set(members.flatMap(({ student }) => student.memberships.map((m) => m.groupId)))];
  const lessons = await ctx.prisma.lesson.findMany({
    where: { date: dayDate, groupId: { in: groupIds } },
    select: {
      id: true,
      groupId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      attendanceTakenAt: true,
      attendanceChangedAt: true,
      subject: { select: { code: true } },
      // One late arrival is enough to mark the lesson.
      attendanceChanges: { where: { takenOfflineAt: { not: null } }, select: { id: true }, take: 1 },
      attendances: {
        where: { studentId: { in: members.map(({ student }) => student.id) } },
        select: { studentId: true, status: true, lateMinutes: true, validReason: true },
      },
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  // Whom the viewer may take the home's sick report for (the class's mentor, an administrator; not the principal).
  const facts = await loadStudentFacts(ctx, { ids: members.map(({ student }) => student.id) });
  const reportsForHome = new Set(facts.filter((student) => mayReportAbsence(viewer, student, ctx.today)).map((student) => student.id));
  const wholeDay = spanInstants({ fromDate: day, toDate: day });
  const reported = await reportedAbsences(
    ctx,
    members.map(({ student }) => student.id),
    wholeDay.startsAt,
    wholeDay.endsAt,
  );
  const students = members
    .map(({ student }) => {
      const own = new Set(student.memberships.map((m) => m.groupId));
      const marks = lessons
        .filter((lesson) => own.has(lesson.groupId))
        .flatMap((lesson) =>
          lesson.attendances
            .filter((row) => row.studentId === student.id)
            .map((row) => ({
              lessonId: lesson.id,
              status: row.status,
              lateMinutes: row.lateMinutes,
              unexcused: isUnexcused(row.status, row.validReason),
            })),
        );
      const lateCount = marks.filter((mark) => mark.status === 'LATE').length;
      return {
        id: student.id,
        firstName: student.firstName,
        lastName: student.lastName,
        marks,
        unexcusedAbsenceCount: marks.filter((mark) => mark.status === 'ABSENT' && mark.unexcused).length,
        lateCount,
        repeatedLateness: lateCount >= 2,
        reportedAbsences: reported.get(student.id) ?? [],
        mayReportSick: reportsForHome.has(student.id),
      };
    })
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv'));
  return {
    classId,
    className,
    date: day,
    lessons: lessons.map((lesson) => ({
      lessonId: lesson.id,
      subjectCode: lesson.subject.code,
      startsAt: lesson.startsAt.toISOString(),
      endsAt: lesson.endsAt.toISOString(),
      status: lesson.status,
      rollCallState: rollCallState(lesson),
      rollCallOverdue: rollCallOverdue(lesson, ctx.now),
      arrivedLate: lesson.attendanceChanges.length > 0,
    })),
    students,
  };
}

export interface AbsenceReasonInput {
  lessonId: string;
  studentId: string;
  reason?: string | null;
  note?: string | null;
}

/**
 * A mentor or administrator records a reason that makes an absence valid, or takes it away. The absence message
 * still waiting for its grace period is then not sent: it reads the attendance again when due.
 */
export async function setAbsenceReason(ctx: RequestContext, input: AbsenceReasonInput) {
  const { viewer } = await authorizeStudent(ctx, input.studentId, 'student:excuseAbsence');
  if (!isId(input.lessonId)) throw notFound('Attendance');
  const current = await ctx.prisma.attendance.findUnique({
    where: { lessonId_studentId: { lessonId: input.lessonId, studentId: input.studentId } },
    select: { id: true, status: true, validReason: true, validReasonNote: true },
  });
  if (!current) throw notFound('Attendance');
  const reason = input.reason ?? null;
  const note = reason ? input.note?.trim() || null : null;
  const problems = checkAbsenceReason(current, reason, note);
  if (problems.length > 0) throw appError('BAD_USER_INPUT', `The reason was not recorded: ${problems.join(', ')}`, { problems });
  const staffId = viewer.facts.kind === 'STAFF' ? viewer.facts.staffId : null;
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.attendance.update({
      where: { id: current.id },
      data: {
        validReason: reason as 'SCHOOL_ACTIVITY' | 'OTHER' | null,
        validReasonNote: note,
        validReasonSetById: reason ? staffId : null,
      },
      select: { status: true, validReason: true, validReasonNote: true },
    });
    await audit({ ...ctx, prisma: tx }, 'attendance.reasonSet', {
      studentId: input.studentId,
      entityType: 'Attendance',
      entityId: current.id,
      details: { lessonId: input.lessonId, before: current.validReason, after: reason },
    });
    return row;
  });
  return {
    lessonId: input.lessonId,
    studentId: input.studentId,
    status: updated.status,
    reason: updated.validReason,
    note: updated.validReasonNote,
    unexcused: isUnexcused(updated.status, updated.validReason),
  };
}
