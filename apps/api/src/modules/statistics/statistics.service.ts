// Absence statistics computed in the database, one statement per view, with the rules of
// packages/domain/src/absence-statistics.ts: lessons that have ended, cancelled ones left out,
// absence in minutes (whole lessons absent, minutes late), lessons without a roll call counted apart.
import {
  absenceLevel,
  DEFAULT_CSN_THRESHOLD_MINUTES,
  emptyFigures,
  percentOf,
  formatIsoWeek,
  isIsoDate,
  statisticsRange,
  type AbsenceFigures,
  type AbsenceThresholds,
  type DateSpan,
  type StatisticsPeriod,
  canAccessSchool,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError } from '../../errors.ts';
import { authorizeGroup, authorizeSchool, authorizeStudent } from '../access/access.service.ts';
import { isoDate, requireViewer } from '../access/viewer.ts';
import { dateValue } from '../access/validity.ts';

export interface RangeInput {
  period: StatisticsPeriod;
  from?: string | null;
  to?: string | null;
}

/** The term (or school year) of the organisation that holds today, or the last one before it. */
async function currentSpans(ctx: RequestContext, organisationId: string): Promise<{ term: DateSpan | null; schoolYear: DateSpan | null }> {
  const today = dateValue(ctx.today);
  const term = await ctx.prisma.term.findFirst({
    where: { schoolYear: { organisationId }, startDate: { lte: today } },
    orderBy: { startDate: 'desc' },
    select: { startDate: true, endDate: true, schoolYear: { select: { startDate: true, endDate: true } } },
  });
  if (!term) return { term: null, schoolYear: null };
  return {
    term: { from: isoDate(term.startDate), to: isoDate(term.endDate) },
    schoolYear: { from: isoDate(term.schoolYear.startDate), to: isoDate(term.schoolYear.endDate) },
  };
}

interface SchoolSettings {
  span: DateSpan;
  thresholds: AbsenceThresholds & { csnThresholdMinutes: number };
}

/** The range asked for (none: only the thresholds are wanted) and the school's thresholds, in one read of the school (two for a term or year). */
async function schoolSettings(ctx: RequestContext, range: RangeInput | null, schoolId: string): Promise<SchoolSettings> {
  const school = await ctx.prisma.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { organisationId: true, absenceWarningPercent: true, absenceAlarmPercent: true, csnThresholdMinutes: true },
  });
  const thresholds = {
    warningPercent: school.absenceWarningPercent,
    alarmPercent: school.absenceAlarmPercent,
    csnThresholdMinutes: school.csnThresholdMinutes,
  };
  if (!range) return { span: { from: ctx.today, to: ctx.today }, thresholds };
  const known =
    range.period === 'TERM' || range.period === 'SCHOOL_YEAR'
      ? await currentSpans(ctx, school.organisationId)
      : { term: null, schoolYear: null };
  const result = statisticsRange(range.period, ctx.today, {
    ...known,
    custom: { from: range.from ?? undefined, to: range.to ?? undefined },
  });
  if (!result.ok) throw appError('BAD_USER_INPUT', `Not a usable range: ${result.problem}`, { problems: [result.problem], field: 'range' });
  return { span: result.value, thresholds };
}

/**
 * The marks: each scheduled lesson that has ended in the range, for each student of its group on that
 * day, with the student's attendance (or none) and the minutes it took. `students` is a SQL condition on m.
 */
function marks(students: Prisma.Sql, span: DateSpan, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT m."studentId", l.date, l."subjectId",
           (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes,
           a.status::text AS status, a."validReason" IS NOT NULL AS valid,
           CASE a.status
             WHEN 'ABSENT' THEN (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int
             WHEN 'LATE' THEN least(greatest(coalesce(a."lateMinutes", 0), 0), (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int)
             ELSE 0
           END AS absent
    FROM "GroupMembership" m
    JOIN "Lesson" l ON l."groupId" = m."groupId" AND l.date >= m."validFrom" AND (m."validTo" IS NULL OR l.date <= m."validTo")
    -- A lateral lookup, so both columns of the (lessonId, studentId) index are used for every mark.
    LEFT JOIN LATERAL (
      SELECT a.status, a."validReason", a."lateMinutes" FROM "Attendance" a WHERE a."lessonId" = l.id AND a."studentId" = m."studentId"
    ) a ON true
    WHERE ${students} AND l.date BETWEEN ${span.from}::date AND ${span.to}::date AND l.status = 'SCHEDULED' AND l."endsAt" <= ${now}`;
}

/** The sums of AbsenceFigures over the marks `k` (the definitions of absence-statistics.ts). */
const FIGURES = Prisma.sql`
  count(*)::int AS lessons,
  coalesce(sum(k.minutes), 0)::int AS "scheduledMinutes",
  coalesce(sum(k.minutes) FILTER (WHERE k.status IS NOT NULL), 0)::int AS "recordedMinutes",
  coalesce(sum(k.absent), 0)::int AS "absentMinutes",
  coalesce(sum(k.absent) FILTER (WHERE k.valid), 0)::int AS "validAbsentMinutes",
  coalesce(sum(k.absent) FILTER (WHERE NOT k.valid OR k.valid IS NULL), 0)::int AS "unexcusedAbsentMinutes",
  (count(*) FILTER (WHERE k.status = 'LATE'))::int AS "lateCount",
  coalesce(sum(k.absent) FILTER (WHERE k.status = 'LATE'), 0)::int AS "lateMinutes",
  (count(*) FILTER (WHERE k.status IS NULL))::int AS "notTakenLessons",
  coalesce(sum(k.minutes) FILTER (WHERE k.status IS NULL), 0)::int AS "notTakenMinutes"`;

const pickFigures = (row: AbsenceFigures): AbsenceFigures => ({
  lessons: row.lessons,
  scheduledMinutes: row.scheduledMinutes,
  recordedMinutes: row.recordedMinutes,
  absentMinutes: row.absentMinutes,
  validAbsentMinutes: row.validAbsentMinutes,
  unexcusedAbsentMinutes: row.unexcusedAbsentMinutes,
  lateCount: row.lateCount,
  lateMinutes: row.lateMinutes,
  notTakenLessons: row.notTakenLessons,
  notTakenMinutes: row.notTakenMinutes,
});

export interface SubjectFigures {
  subjectCode: string;
  nameSv: string;
  nameEn: string;
  figures: AbsenceFigures;
}

export interface WeekFigures {
  isoYear: number;
  isoWeek: number;
  label: string;
  figures: AbsenceFigures;
}

/** Every subject (a few dozen rows), read alongside the figures rather than after them. */
async function allSubjects(ctx: RequestContext) {
  const subjects = await ctx.prisma.subject.findMany({ select: { id: true, code: true, nameSv: true, nameEn: true } });
  return new Map(subjects.map((subject) => [subject.id, subject]));
}

function bySubject(
  rows: (AbsenceFigures & { subjectId: string | null })[],
  subjects: Map<string, { code: string; nameSv: string; nameEn: string }>,
) {
  return rows.flatMap((row) => {
    const subject = row.subjectId ? subjects.get(row.subjectId) : undefined;
    return subject ? [{ subjectCode: subject.code, nameSv: subject.nameSv, nameEn: subject.nameEn, figures: pickFigures(row) }] : [];
  });
}

/** The student view's one statement: totals, and by subject, ISO week and weekday (grouping sets). */
export const studentStatisticsSql = (studentId: string, span: DateSpan, now: Date): Prisma.Sql => Prisma.sql`
    WITH k AS (${marks(Prisma.sql`m."studentId" = ${studentId}::uuid`, span, now)})
    SELECT CASE WHEN grouping(k."subjectId") = 0 THEN 'SUBJECT'
                WHEN grouping(extract(isoyear FROM k.date)) = 0 THEN 'WEEK'
                WHEN grouping(extract(isodow FROM k.date)) = 0 THEN 'WEEKDAY' ELSE 'TOTAL' END AS dimension,
           k."subjectId", extract(isoyear FROM k.date)::int AS "isoYear", extract(week FROM k.date)::int AS "isoWeek",
           extract(isodow FROM k.date)::int AS weekday, ${FIGURES}
    FROM k
    GROUP BY GROUPING SETS ((), (k."subjectId"), (extract(isoyear FROM k.date), extract(week FROM k.date)), (extract(isodow FROM k.date)))`;

interface StudentRow extends AbsenceFigures {
  dimension: 'TOTAL' | 'SUBJECT' | 'WEEK' | 'WEEKDAY';
  subjectId: string | null;
  isoYear: number | null;
  isoWeek: number | null;
  weekday: number | null;
}

export async function studentAbsenceStatistics(ctx: RequestContext, studentId: string, range: RangeInput) {
  const { student } = await authorizeStudent(ctx, studentId, 'student:readAbsenceReports');
  const { span, thresholds } = await schoolSettings(ctx, range, student.schoolId);
  const [rows, subjects] = await Promise.all([
    ctx.prisma.$queryRaw<StudentRow[]>(studentStatisticsSql(studentId, span, ctx.now)),
    allSubjects(ctx),
  ]);
  const total = pickFigures(rows.find((row) => row.dimension === 'TOTAL') ?? emptyFigures());
  return {
    studentId,
    ...span,
    thresholds,
    total,
    level: absenceLevel(percentOf(total.absentMinutes, total), thresholds),
    bySubject: bySubject(
      rows.filter((row) => row.dimension === 'SUBJECT'),
      subjects,
    ).sort((a, b) => a.nameSv.localeCompare(b.nameSv, 'sv')),
    byWeek: rows
      .filter((row) => row.dimension === 'WEEK')
      .map((row) => weekFigures(row))
      .sort((a, b) => a.label.localeCompare(b.label)),
    byWeekday: rows
      .filter((row) => row.dimension === 'WEEKDAY' && row.weekday !== null)
      .map((row) => ({ weekday: row.weekday as number, figures: pickFigures(row) }))
      .sort((a, b) => a.weekday - b.weekday),
  };
}

function weekFigures(row: AbsenceFigures & { isoYear: number | null; isoWeek: number | null }): WeekFigures {
  const week = { isoYear: row.isoYear ?? 0, isoWeek: row.isoWeek ?? 0 };
  return { ...week, label: formatIsoWeek(week), figures: pickFigures(row) };
}

/** The class view's one statement: per student, in total and by subject. */
export const classStatisticsSql = (studentIds: string[], span: DateSpan, now: Date): Prisma.Sql => Prisma.sql`
          WITH k AS (${marks(Prisma.sql`m."studentId" = ANY(${studentIds}::uuid[])`, span, now)})
          SELECT k."studentId", k."subjectId", ${FIGURES}
          FROM k
          GROUP BY GROUPING SETS ((k."studentId"), (k."studentId", k."subjectId"))`;

interface ClassRow extends AbsenceFigures {
  studentId: string;
  subjectId: string | null;
}

export async function classAbsenceStatistics(ctx: RequestContext, classId: string, range: RangeInput) {
  const { group } = await authorizeGroup(ctx, classId, 'group:readAbsence');
  const { span, thresholds } = await schoolSettings(ctx, range, group.schoolId);
  // The class's students: members at any time in the range; their figures cover all their lessons.
  const members = await ctx.prisma.student.findMany({
    where: {
      memberships: {
        some: {
          groupId: classId,
          validFrom: { lte: dateValue(span.to) },
          OR: [{ validTo: null }, { validTo: { gte: dateValue(span.from) } }],
        },
      },
    },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  const ids = members.map((member) => member.id);
  const [rows, subjects] = await Promise.all([
    ids.length === 0 ? [] : ctx.prisma.$queryRaw<ClassRow[]>(classStatisticsSql(ids, span, ctx.now)),
    allSubjects(ctx),
  ]);
  let total = emptyFigures();
  const students = members.map((member) => {
    const own = rows.filter((row) => row.studentId === member.id);
    const figures = pickFigures(own.find((row) => row.subjectId === null) ?? emptyFigures());
    total = sumFigures(total, figures);
    return {
      studentId: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      total: figures,
      level: absenceLevel(percentOf(figures.absentMinutes, figures), thresholds),
      bySubject: bySubject(
        own.filter((row) => row.subjectId !== null),
        subjects,
      ),
    };
  });
  const { name } = await ctx.prisma.group.findUniqueOrThrow({ where: { id: classId }, select: { name: true } });
  return { classId, className: name, ...span, thresholds, total, students };
}

function sumFigures(a: AbsenceFigures, b: AbsenceFigures): AbsenceFigures {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof AbsenceFigures)[]) sum[key] = a[key] + b[key];
  return sum;
}

/**
 * The school view's one statement: totals, by class (the student's class on the lesson's day) and by ISO
 * week. A whole school is millions of marks: it starts from the school's lessons and joins memberships and
 * attendance by hash rather than looking each mark up, and counts no distinct students (that sorts).
 */
export const schoolStatisticsSql = (schoolId: string, span: DateSpan, now: Date): Prisma.Sql => Prisma.sql`
    WITH l AS (
      SELECT l.id, l."groupId", l.date, l."subjectId", (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes
      FROM "Lesson" l JOIN "Group" g ON g.id = l."groupId" AND g."schoolId" = ${schoolId}::uuid
      WHERE l.date BETWEEN ${span.from}::date AND ${span.to}::date AND l.status = 'SCHEDULED' AND l."endsAt" <= ${now}
    ),
    k AS (
      SELECT m."studentId", l.date, l.minutes, a.status::text AS status, a."validReason" IS NOT NULL AS valid,
             CASE a.status WHEN 'ABSENT' THEN l.minutes WHEN 'LATE' THEN least(greatest(coalesce(a."lateMinutes", 0), 0), l.minutes) ELSE 0 END AS absent
      FROM l
      JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND l.date >= m."validFrom" AND (m."validTo" IS NULL OR l.date <= m."validTo")
      LEFT JOIN "Attendance" a ON a."lessonId" = l.id AND a."studentId" = m."studentId"
    ),
    -- Class memberships do not overlap, so each mark finds at most one class.
    classes AS (
      SELECT cm."studentId", cm."groupId", cm."validFrom", cm."validTo"
      FROM "GroupMembership" cm JOIN "Group" g ON g.id = cm."groupId" AND g.kind = 'CLASS' AND g."schoolId" = ${schoolId}::uuid
    ),
    kc AS (
      SELECT k.*, c."groupId" AS "classId"
      FROM k LEFT JOIN classes c ON c."studentId" = k."studentId" AND c."validFrom" <= k.date AND (c."validTo" IS NULL OR c."validTo" >= k.date)
    )
    SELECT CASE WHEN grouping(k."classId") = 0 THEN 'CLASS' WHEN grouping(extract(isoyear FROM k.date)) = 0 THEN 'WEEK' ELSE 'TOTAL' END AS dimension,
           k."classId", extract(isoyear FROM k.date)::int AS "isoYear", extract(week FROM k.date)::int AS "isoWeek", ${FIGURES}
    FROM kc k
    GROUP BY GROUPING SETS ((), (k."classId"), (extract(isoyear FROM k.date), extract(week FROM k.date)))`;

interface SchoolRow extends AbsenceFigures {
  classId: string | null;
  isoYear: number | null;
  isoWeek: number | null;
  dimension: 'TOTAL' | 'CLASS' | 'WEEK';
}

export async function schoolAbsenceStatistics(ctx: RequestContext, schoolId: string, range: RangeInput) {
  const { school } = await authorizeSchool(ctx, schoolId, 'school:readAbsence');
  const { span, thresholds } = await schoolSettings(ctx, range, schoolId);
  const rows = await ctx.prisma.$queryRaw<SchoolRow[]>(schoolStatisticsSql(schoolId, span, ctx.now));
  const classIds = rows.flatMap((row) => (row.dimension === 'CLASS' && row.classId ? [row.classId] : []));
  const classes = new Map(
    (await ctx.prisma.group.findMany({ where: { id: { in: classIds } }, select: { id: true, name: true } })).map((group) => [
      group.id,
      group.name,
    ]),
  );
  const members = await ctx.prisma.groupMembership.groupBy({
    by: ['groupId'],
    where: {
      groupId: { in: classIds },
      validFrom: { lte: dateValue(span.to) },
      OR: [{ validTo: null }, { validTo: { gte: dateValue(span.from) } }],
    },
    _count: { studentId: true },
  });
  const memberCount = new Map(members.map((row) => [row.groupId, row._count.studentId]));
  const total = pickFigures(rows.find((row) => row.dimension === 'TOTAL') ?? emptyFigures());
  return {
    schoolId,
    schoolName: school.name,
    ...span,
    thresholds,
    total,
    byClass: rows
      .filter((row) => row.dimension === 'CLASS' && row.classId !== null)
      .map((row) => {
        const figures = pickFigures(row);
        return {
          classId: row.classId as string,
          className: classes.get(row.classId as string) ?? '—',
          students: memberCount.get(row.classId as string) ?? 0,
          figures,
          level: absenceLevel(percentOf(figures.absentMinutes, figures), thresholds),
        };
      })
      .sort((a, b) => a.className.localeCompare(b.className, 'sv', { numeric: true })),
    byWeek: rows
      .filter((row) => row.dimension === 'WEEK')
      .map((row) => weekFigures(row))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

interface CsnRow {
  studentId: string;
  firstName: string;
  lastName: string;
  unexcusedAbsentMinutes: number;
  recordedMinutes: number;
  notTakenLessons: number;
}

export async function csnReport(ctx: RequestContext, schoolId: string, month: string) {
  await authorizeSchool(ctx, schoolId, 'school:readAbsence');
  const from = `${month}-01`;
  if (!/^\d{4}-\d{2}$/.test(month) || !isIsoDate(from))
    throw appError('BAD_USER_INPUT', 'month must be YYYY-MM', { field: 'month', problems: ['INVALID_DATE'] });
  const end = new Date(`${from}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + 1);
  end.setUTCDate(0);
  const span = { from, to: isoDate(end) };
  const {
    thresholds: { csnThresholdMinutes },
  } = await schoolSettings(ctx, null, schoolId);
  const threshold = csnThresholdMinutes > 0 ? csnThresholdMinutes : DEFAULT_CSN_THRESHOLD_MINUTES;
  const rows = await ctx.prisma.$queryRaw<CsnRow[]>`
    WITH k AS (${marks(Prisma.sql`m."studentId" IN (SELECT id FROM "Student" WHERE "schoolId" = ${schoolId}::uuid)`, span, ctx.now)})
    SELECT k."studentId", s."firstName", s."lastName", ${FIGURES}
    FROM k JOIN "Student" s ON s.id = k."studentId"
    GROUP BY k."studentId", s."firstName", s."lastName"
    HAVING coalesce(sum(k.absent) FILTER (WHERE NOT k.valid), 0) >= ${threshold}
    ORDER BY s."lastName", s."firstName"`;
  const classes = await ctx.prisma.groupMembership.findMany({
    where: { studentId: { in: rows.map((row) => row.studentId) }, group: { kind: 'CLASS' }, validFrom: { lte: dateValue(span.to) } },
    select: { studentId: true, group: { select: { name: true } } },
  });
  return {
    schoolId,
    month,
    thresholdMinutes: threshold,
    students: rows.map((row) => ({
      studentId: row.studentId,
      firstName: row.firstName,
      lastName: row.lastName,
      className: classes.find((membership) => membership.studentId === row.studentId)?.group.name ?? null,
      unexcusedAbsentMinutes: row.unexcusedAbsentMinutes,
      recordedMinutes: row.recordedMinutes,
      notTakenLessons: row.notTakenLessons,
    })),
  };
}

/** The schools whose absence the viewer may read, by name (none for students and guardians). */
export async function absenceSchools(ctx: RequestContext) {
  const viewer = await requireViewer(ctx);
  if (viewer.facts.kind !== 'STAFF') return [];
  const schools = await ctx.prisma.school.findMany({ select: { id: true, name: true, form: true }, orderBy: { name: 'asc' } });
  return schools.filter((school) => canAccessSchool(viewer.facts, 'school:readAbsence', school.id, ctx.today));
}
