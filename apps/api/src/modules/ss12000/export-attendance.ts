// attendances (each student's roll call entry per lesson), absences (sick reports and approved leave) and
// aggregatedAttendance (minutes per student and activity over a period).
import { Prisma, type PrismaClient } from '@insyn/db';
import { SS12000_ABSENCE_TYPES } from '@insyn/domain';
import { activityId, meta, reference, visiblePerson, type ExportScope } from './export-scope.ts';
import { dateParameter, idParameter, modifiedWhere, nextPageToken, page, pageWhere, Ss12000Error, take, type ListQuery } from './paging.ts';

/** Minutes of the lesson the student missed: all of it when absent, the minutes late when late. */
const missedMinutes = (status: 'PRESENT' | 'ABSENT' | 'LATE', lateMinutes: number | null, minutes: number) =>
  status === 'ABSENT' ? minutes : status === 'LATE' ? Math.min(Math.max(lateMinutes ?? 0, 0), minutes) : 0;

export async function exportAttendances(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const rows = await prisma.attendance.findMany({
    where: { student: { organisationId: scope.organisationId, ...visiblePerson(scope) }, ...pageWhere(query), ...modifiedWhere(query) },
    orderBy: { id: 'asc' },
    take: take(query),
    select: {
      id: true,
      lessonId: true,
      studentId: true,
      status: true,
      lateMinutes: true,
      validReason: true,
      markedById: true,
      createdAt: true,
      modifiedAt: true,
      lesson: { select: { startsAt: true, endsAt: true } },
    },
  });
  return page(
    'attendances',
    query,
    rows.map((row) => {
      const minutes = Math.round((row.lesson.endsAt.getTime() - row.lesson.startsAt.getTime()) / 60_000);
      const missed = missedMinutes(row.status, row.lateMinutes, minutes);
      return {
        id: row.id,
        meta: meta(row.createdAt, row.modifiedAt),
        student: reference(row.studentId),
        calendarEvent: reference(row.lessonId),
        reporter: reference(row.markedById),
        isReported: true,
        isPresent: row.status !== 'ABSENT',
        attendanceMinutes: minutes - missed,
        absenceMinutes: missed,
        ...(missed > 0 ? { validAbsence: row.validReason !== null } : {}),
      };
    }),
  );
}

export async function exportAbsences(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const hidden = scope.protectedIdentity ? Prisma.empty : Prisma.sql`AND NOT st."protectedIdentity"`;
  const filters = (table: string) =>
    Prisma.sql`${query.after ? Prisma.sql`AND ${Prisma.raw(table)}.id > ${query.after}::uuid` : Prisma.empty}
      ${query.modifiedAfter ? Prisma.sql`AND ${Prisma.raw(table)}."modifiedAt" >= ${query.modifiedAfter}` : Prisma.empty}
      ${query.modifiedBefore ? Prisma.sql`AND ${Prisma.raw(table)}."modifiedAt" <= ${query.modifiedBefore}` : Prisma.empty}`;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      kind: keyof typeof SS12000_ABSENCE_TYPES;
      studentId: string;
      schoolId: string;
      startsAt: Date;
      endsAt: Date;
      createdAt: Date;
      modifiedAt: Date;
      registeredBy: string | null;
    }[]
  >`
    SELECT * FROM (
      (SELECT r.id, 'SICK_REPORT' AS kind, r."studentId", st."schoolId", r."startsAt", r."endsAt", r."createdAt", r."modifiedAt",
              -- the staff member who took the home's report down; a report the home made itself names no staff
              r."reportedByStaffId" AS "registeredBy"
       FROM "SickReport" r JOIN "Student" st ON st.id = r."studentId"
       WHERE st."organisationId" = ${scope.organisationId}::uuid AND r."withdrawnAt" IS NULL ${hidden} ${filters('r')}
       ORDER BY r.id LIMIT ${query.limit + 1})
      UNION ALL
      (SELECT a.id, 'APPROVED_LEAVE', a."studentId", st."schoolId", a."startsAt", a."endsAt", a."createdAt", a."modifiedAt",
              a."decidedByStaffId"
       FROM "LeaveApplication" a JOIN "Student" st ON st.id = a."studentId"
       WHERE st."organisationId" = ${scope.organisationId}::uuid AND a.status = 'APPROVED' ${hidden} ${filters('a')}
       ORDER BY a.id LIMIT ${query.limit + 1})
    ) x ORDER BY id LIMIT ${query.limit + 1}`;
  return page(
    'absences',
    query,
    rows.map((row) => ({
      id: row.id,
      meta: meta(row.createdAt, row.modifiedAt),
      type: SS12000_ABSENCE_TYPES[row.kind],
      student: reference(row.studentId),
      organisation: reference(row.schoolId),
      startTime: row.startsAt.toISOString(),
      endTime: row.endsAt.toISOString(),
      ...(row.registeredBy ? { registeredBy: reference(row.registeredBy) } : {}),
    })),
  );
}

export const AGGREGATED_ATTENDANCE_FILTERS = ['startDate', 'endDate', 'organisation', 'student'] as const;
/** The longest period one question may cover: a school year and a little. */
const MAX_PERIOD_DAYS = 400;

interface FigureRow {
  studentId: string;
  groupId: string;
  subjectId: string;
  offered: number;
  reported: number;
  attended: number;
  validAbsent: number;
  invalidAbsent: number;
  otherAttendance: number;
}

/**
 * Minutes per student and activity over the period, from the lessons that have ended by now: offered (every lesson
 * of the student's groups while a member), reported (those with a roll call), and the reported minutes split into
 * attendance, valid absence, invalid absence and other attendance (absence for another school activity, such as the
 * student council, which Insyn records as valid absence of the kind SCHOOL_ACTIVITY). Paged by student.
 */
export async function exportAggregatedAttendance(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const startDate = dateParameter('startDate', query.filters.startDate, true)!;
  const endDate = dateParameter('endDate', query.filters.endDate, true)!;
  if (endDate < startDate) throw new Ss12000Error(400, 'INVALID_PARAMETER', 'endDate is before startDate');
  if ((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000 > MAX_PERIOD_DAYS) {
    throw new Ss12000Error(400, 'INVALID_PARAMETER', `The period may be at most ${MAX_PERIOD_DAYS} days`);
  }
  if (query.modifiedAfter || query.modifiedBefore) {
    throw new Ss12000Error(
      400,
      'INVALID_PARAMETER',
      'meta.modified filters do not apply to aggregatedAttendance: ask for the period again',
    );
  }
  const schoolId = idParameter('organisation', query.filters.organisation);
  const studentId = idParameter('student', query.filters.student);

  const students = await prisma.student.findMany({
    where: {
      organisationId: scope.organisationId,
      ...visiblePerson(scope),
      ...(schoolId ? { schoolId } : {}),
      ...(studentId ? { id: studentId } : {}),
      ...pageWhere(query),
    },
    orderBy: { id: 'asc' },
    take: take(query),
    select: { id: true },
  });
  const pageStudents = students.slice(0, query.limit).map((student) => student.id);
  const figures =
    pageStudents.length === 0
      ? []
      : await prisma.$queryRaw<FigureRow[]>`
    WITH offered AS (
      -- Every lesson of the student's groups while a member.
      SELECT m."studentId", l."groupId", l."subjectId", sum(l.minutes)::int AS offered
      FROM "GroupMembership" m
      CROSS JOIN LATERAL (
        SELECT l."groupId", l."subjectId", (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes
        FROM "Lesson" l
        WHERE l."groupId" = m."groupId" AND l.status = 'SCHEDULED' AND l."endsAt" <= ${scope.now}
          AND l."date" >= greatest(m."validFrom", ${startDate}::date)
          AND l."date" <= least(coalesce(m."validTo", ${endDate}::date), ${endDate}::date)
      ) l
      WHERE m."studentId" = ANY(${pageStudents}::uuid[]) AND m."validFrom" <= ${endDate}::date
        AND (m."validTo" IS NULL OR m."validTo" >= ${startDate}::date)
      GROUP BY 1, 2, 3
    ), reported AS (
      -- The roll calls, read by student: looking each lesson's roll call up from the lessons above took half as long
      -- again for a school's term (bench/aggregated-attendance.ts).
      SELECT k."studentId", k."groupId", k."subjectId",
             sum(k.minutes)::int AS reported,
             sum(k.minutes - k.missed)::int AS attended,
             coalesce(sum(k.missed) FILTER (WHERE k.reason IS NOT NULL AND k.reason <> 'SCHOOL_ACTIVITY'), 0)::int AS "validAbsent",
             coalesce(sum(k.missed) FILTER (WHERE k.reason IS NULL), 0)::int AS "invalidAbsent",
             coalesce(sum(k.missed) FILTER (WHERE k.reason = 'SCHOOL_ACTIVITY'), 0)::int AS "otherAttendance"
      FROM (
        SELECT a."studentId", l."groupId", l."subjectId", a."validReason"::text AS reason, m.minutes,
               CASE a.status WHEN 'ABSENT' THEN m.minutes WHEN 'LATE' THEN least(greatest(coalesce(a."lateMinutes", 0), 0), m.minutes) ELSE 0 END AS missed
        FROM "Attendance" a
        JOIN "Lesson" l ON l.id = a."lessonId" AND l.status = 'SCHEDULED' AND l."endsAt" <= ${scope.now}
          AND l."date" BETWEEN ${startDate}::date AND ${endDate}::date
        CROSS JOIN LATERAL (SELECT (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes) m
        WHERE a."studentId" = ANY(${pageStudents}::uuid[])
      ) k
      GROUP BY 1, 2, 3
    )
    SELECT o."studentId", o."groupId", o."subjectId", o.offered,
           coalesce(r.reported, 0) AS reported, coalesce(r.attended, 0) AS attended, coalesce(r."validAbsent", 0) AS "validAbsent",
           coalesce(r."invalidAbsent", 0) AS "invalidAbsent", coalesce(r."otherAttendance", 0) AS "otherAttendance"
    FROM offered o
    LEFT JOIN reported r ON r."studentId" = o."studentId" AND r."groupId" = o."groupId" AND r."subjectId" = o."subjectId"
    ORDER BY o."studentId", o."groupId", o."subjectId"`;

  const data = figures.map((row) => ({
    activity: reference(activityId(row.groupId, row.subjectId)),
    student: reference(row.studentId),
    startDate,
    endDate,
    attendanceSum: row.attended,
    validAbsenceSum: row.validAbsent,
    invalidAbsenceSum: row.invalidAbsent,
    otherAttendanceSum: row.otherAttendance,
    reportedSum: row.reported,
    offeredSum: row.offered,
  }));
  return students.length > query.limit
    ? { data, pageToken: nextPageToken('aggregatedAttendance', query, pageStudents[pageStudents.length - 1]!) }
    : { data };
}
