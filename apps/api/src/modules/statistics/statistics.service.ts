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
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { queryRows, type RequestContext } from '../../context.ts';
import { audit } from '../audit/audit.service.ts';
import { appError } from '../../errors.ts';
import { accessibleSchools, authorizeGroup, authorizeSchool, authorizeStudent } from '../access/access.service.ts';
import { isoDate } from '../access/viewer.ts';
import { dateValue } from '../access/validity.ts';
import type { SubjectNames } from './reference-data.ts';

export interface RangeInput {
  period: StatisticsPeriod;
  from?: string | null;
  to?: string | null;
}

interface SchoolSettings {
  span: DateSpan;
  thresholds: AbsenceThresholds & { csnThresholdMinutes: number };
}

/** The range asked for (none: only the thresholds are wanted) and the school's thresholds, as this process holds them. */
export async function schoolSettings(ctx: RequestContext, range: RangeInput | null, schoolId: string): Promise<SchoolSettings> {
  const { organisationId, ...thresholds } = await ctx.referenceData.school(schoolId);
  if (!range) return { span: { from: ctx.today, to: ctx.today }, thresholds };
  const known =
    range.period === 'TERM' || range.period === 'SCHOOL_YEAR'
      ? ((await ctx.referenceData.currentTerm(organisationId, ctx.today)) ?? { term: null, schoolYear: null })
      : { term: null, schoolYear: null };
  const result = statisticsRange(range.period, ctx.today, {
    ...known,
    custom: { from: range.from ?? undefined, to: range.to ?? undefined },
  });
  if (!result.ok) throw appError('BAD_USER_INPUT', `Not a usable range: ${result.problem}`, { problems: [result.problem], field: 'range' });
  return { span: result.value, thresholds };
}

const FIGURE_COLUMNS = Object.keys(emptyFigures()) as (keyof AbsenceFigures)[];

/**
 * The first day the tables do not hold, summed live instead: today, or an earlier day no API process has settled
 * yet (just after midnight, or with the processes down over a night). The tables hold every day before it
 * (migrations absence_days_settled_nightly, absence_live_days).
 */
const liveFrom = (today: string) => Prisma.sql`absence_live_from(${today}::date)`;

/** The days of the span summed live (from liveFrom to today), as a FROM item `l(day)` (migration absence_live_days). */
const liveDays = (span: DateSpan, today: string) =>
  Prisma.sql`absence_live_days(${span.from}::date, ${span.to}::date, ${today}::date) AS l(day)`;

/** The days of the span the tables hold: those before liveFrom. */
const keptDays = (column: Prisma.Sql, span: DateSpan, today: string) =>
  Prisma.sql`${column} BETWEEN ${span.from}::date AND ${span.to}::date AND ${column} < ${liveFrom(today)}`;

/**
 * Figures per student, school day, subject and school (columns as in AbsenceDay) for `who` in the span: the settled
 * days as the AbsenceDay table keeps them (triggers update it with every change), and the others' lessons that have
 * ended (today's, usually) summed live by absence_day_figures, the SQL function that fills the table. `who` is the
 * students, as a condition on d."studentId" and as the same students in an array.
 */
function dayFigures(who: { condition: Prisma.Sql; array: Prisma.Sql }, span: DateSpan, today: string, now: Date): Prisma.Sql {
  if (span.from > today) return Prisma.sql`SELECT * FROM "AbsenceDay" WHERE false`;
  return Prisma.sql`
      SELECT d.* FROM "AbsenceDay" d WHERE ${who.condition} AND ${keptDays(Prisma.sql`d.date`, span, today)}
      UNION ALL
      SELECT f.* FROM (
        SELECT array_agg(s.id) AS ids, array_agg(l.day) AS dates FROM unnest(${who.array}) AS s(id) CROSS JOIN ${liveDays(span, today)}
      ) w
      CROSS JOIN LATERAL absence_day_figures(w.ids, w.dates, ${now}) f`;
}

const studentsIn = (ids: string[]) => ({
  condition: Prisma.sql`d."studentId" = ANY(${ids}::uuid[])`,
  array: Prisma.sql`${ids}::uuid[]`,
});

/** The sums of AbsenceFigures over the day rows `k`. */
const FIGURES = Prisma.join(
  FIGURE_COLUMNS.map((column) => Prisma.sql`coalesce(sum(k.${Prisma.raw(`"${column}"`)}), 0)::int AS ${Prisma.raw(`"${column}"`)}`),
);

const pickFigures = (row: AbsenceFigures): AbsenceFigures => {
  const figures = emptyFigures();
  for (const column of FIGURE_COLUMNS) figures[column] = row[column];
  return figures;
};

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

function bySubject(rows: (AbsenceFigures & { subjectId: string | null })[], subjects: Map<string, SubjectNames>) {
  return rows.flatMap((row) => {
    const subject = row.subjectId ? subjects.get(row.subjectId) : undefined;
    return subject ? [{ subjectCode: subject.code, nameSv: subject.nameSv, nameEn: subject.nameEn, figures: pickFigures(row) }] : [];
  });
}

/** The student view's one statement: totals, and by subject, ISO week and weekday (grouping sets). */
export const studentStatisticsSql = (studentId: string, span: DateSpan, today: string, now: Date): Prisma.Sql => Prisma.sql`
    WITH k AS (${dayFigures(studentsIn([studentId]), span, today, now)})
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
  const [rows] = await Promise.all([
    queryRows<StudentRow>(ctx, studentStatisticsSql(studentId, span, ctx.today, ctx.now)),
    audit(ctx, 'absenceStatistics.read', {
      studentId,
      entityType: 'Student',
      entityId: studentId,
      details: { from: span.from, to: span.to },
    }),
  ]);
  const subjects = await ctx.referenceData.subjects(rows.map((row) => row.subjectId));
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
export const classStatisticsSql = (studentIds: string[], span: DateSpan, today: string, now: Date): Prisma.Sql => Prisma.sql`
          WITH k AS (${dayFigures(studentsIn(studentIds), span, today, now)})
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
  const membersRead = ctx.prisma.student.findMany({
    where: {
      memberships: {
        some: {
          groupId: classId,
          validFrom: { lte: dateValue(span.to) },
          OR: [{ validTo: null }, { validTo: { gte: dateValue(span.from) } }],
        },
      },
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      memberships: {
        where: { groupId: classId, validFrom: { lte: dateValue(span.to) } },
        select: { validTo: true },
        orderBy: { validFrom: 'desc' },
        take: 1,
      },
    },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  const [members, { name }] = await Promise.all([
    membersRead,
    ctx.prisma.group.findUniqueOrThrow({ where: { id: classId }, select: { name: true } }),
  ]);
  const ids = members.map((member) => member.id);
  // Left the class: their latest membership of it in the range ended before the range did, and before today.
  const lastDay = span.to < ctx.today ? span.to : ctx.today;
  const leftOn = (member: (typeof members)[number]): string | null => {
    const end = member.memberships[0]?.validTo;
    return end && isoDate(end) < lastDay ? isoDate(end) : null;
  };
  const [rows] = await Promise.all([
    ids.length === 0 ? [] : queryRows<ClassRow>(ctx, classStatisticsSql(ids, span, ctx.today, ctx.now)),
    // One row for the class view, naming every student whose figures it showed (the register extract finds them there).
    audit(ctx, 'absenceStatistics.read', {
      entityType: 'Group',
      entityId: classId,
      details: { from: span.from, to: span.to, studentIds: ids },
    }),
  ]);
  const subjects = await ctx.referenceData.subjects(rows.map((row) => row.subjectId));
  let total = emptyFigures();
  const students = members.map((member) => {
    const own = rows.filter((row) => row.studentId === member.id);
    const figures = pickFigures(own.find((row) => row.subjectId === null) ?? emptyFigures());
    total = sumFigures(total, figures);
    return {
      studentId: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      leftOn: leftOn(member),
      total: figures,
      level: absenceLevel(percentOf(figures.absentMinutes, figures), thresholds),
      bySubject: bySubject(
        own.filter((row) => row.subjectId !== null),
        subjects,
      ),
    };
  });
  return { classId, className: name, ...span, thresholds, total, students };
}

function sumFigures(a: AbsenceFigures, b: AbsenceFigures): AbsenceFigures {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof AbsenceFigures)[]) sum[key] = a[key] + b[key];
  return sum;
}

/**
 * The school view's one statement: totals, by class (the student's class on the day) and by ISO week.
 * Settled days come from AbsenceClassDay, a few rows per class and day (students without a class from
 * AbsenceDay); the others (today, usually) from the lessons that have ended, for the students in the school's
 * groups on each day.
 */
export const schoolStatisticsSql = (schoolId: string, span: DateSpan, today: string, now: Date): Prisma.Sql => {
  const columns = Prisma.join(FIGURE_COLUMNS.map((column) => Prisma.raw(`"${column}"`)));
  const days =
    span.from > today
      ? Prisma.sql`SELECT d."classId", d.date, ${columns} FROM "AbsenceClassDay" d WHERE false`
      : Prisma.sql`
      SELECT d."classId", d.date, ${columns} FROM "AbsenceClassDay" d
      WHERE d."schoolId" = ${schoolId}::uuid AND ${keptDays(Prisma.sql`d.date`, span, today)}
      UNION ALL
      SELECT d."classId", d.date, ${columns} FROM "AbsenceDay" d
      WHERE d."schoolId" = ${schoolId}::uuid AND ${keptDays(Prisma.sql`d.date`, span, today)} AND d."classId" IS NULL
      UNION ALL
      SELECT f."classId", f.date, ${columns}
      FROM (
        SELECT array_agg(p."studentId") AS ids, array_agg(p.day) AS dates FROM (
          SELECT DISTINCT m."studentId", l.day FROM ${liveDays(span, today)}
          JOIN "GroupMembership" m ON m."validFrom" <= l.day AND (m."validTo" IS NULL OR m."validTo" >= l.day)
          JOIN "Group" g ON g.id = m."groupId" AND g."schoolId" = ${schoolId}::uuid
        ) p
      ) w
      CROSS JOIN LATERAL absence_day_figures(w.ids, w.dates, ${now}) f
      WHERE f."schoolId" = ${schoolId}::uuid`;
  return Prisma.sql`
    WITH k AS (${days})
    SELECT CASE WHEN grouping(k."classId") = 0 THEN 'CLASS' WHEN grouping(extract(isoyear FROM k.date)) = 0 THEN 'WEEK' ELSE 'TOTAL' END AS dimension,
           k."classId", extract(isoyear FROM k.date)::int AS "isoYear", extract(week FROM k.date)::int AS "isoWeek", ${FIGURES}
    FROM k
    GROUP BY GROUPING SETS ((), (k."classId"), (extract(isoyear FROM k.date), extract(week FROM k.date)))`;
};

interface SchoolRow extends AbsenceFigures {
  classId: string | null;
  isoYear: number | null;
  isoWeek: number | null;
  dimension: 'TOTAL' | 'CLASS' | 'WEEK';
}

export async function schoolAbsenceStatistics(ctx: RequestContext, schoolId: string, range: RangeInput) {
  const { school } = await authorizeSchool(ctx, schoolId, 'school:readAbsence');
  const { span, thresholds } = await schoolSettings(ctx, range, schoolId);
  const rows = await queryRows<SchoolRow>(ctx, schoolStatisticsSql(schoolId, span, ctx.today, ctx.now));
  const classIds = rows.flatMap((row) => (row.dimension === 'CLASS' && row.classId ? [row.classId] : []));
  const classes = new Map(
    (await ctx.prisma.group.findMany({ where: { id: { in: classIds } }, select: { id: true, name: true } })).map((group) => [
      group.id,
      group.name,
    ]),
  );
  // Students, not membership rows: one who left the class and came back within the range counts once.
  const members = await ctx.prisma.groupMembership.findMany({
    where: {
      groupId: { in: classIds },
      validFrom: { lte: dateValue(span.to) },
      OR: [{ validTo: null }, { validTo: { gte: dateValue(span.from) } }],
    },
    select: { groupId: true, studentId: true },
    distinct: ['groupId', 'studentId'],
  });
  const memberCount = new Map<string, number>();
  for (const member of members) memberCount.set(member.groupId, (memberCount.get(member.groupId) ?? 0) + 1);
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
    WITH k AS (${dayFigures(
      {
        condition: Prisma.sql`d."studentId" IN (SELECT id FROM "Student" WHERE "schoolId" = ${schoolId}::uuid)`,
        array: Prisma.sql`ARRAY(SELECT id FROM "Student" WHERE "schoolId" = ${schoolId}::uuid)`,
      },
      span,
      ctx.today,
      ctx.now,
    )})
    SELECT k."studentId", s."firstName", s."lastName", ${FIGURES}
    FROM k JOIN "Student" s ON s.id = k."studentId"
    GROUP BY k."studentId", s."firstName", s."lastName"
    HAVING coalesce(sum(k."unexcusedAbsentMinutes"), 0) >= ${threshold}
    ORDER BY s."lastName", s."firstName"`;
  // The class each student was in during the month: memberships in force on some day of it, the
  // latest first, so a student who moved class in the month is named with the class they moved to.
  // One row for the list, naming every student on it.
  await audit(ctx, 'absenceStatistics.read', {
    entityType: 'School',
    entityId: schoolId,
    details: { csnMonth: month, studentIds: rows.map((row) => row.studentId) },
  });
  const classes = await ctx.prisma.groupMembership.findMany({
    where: {
      studentId: { in: rows.map((row) => row.studentId) },
      group: { kind: 'CLASS', schoolId },
      validFrom: { lte: dateValue(span.to) },
      OR: [{ validTo: null }, { validTo: { gte: dateValue(span.from) } }],
    },
    select: { studentId: true, group: { select: { name: true } } },
    orderBy: [{ validFrom: 'desc' }, { id: 'asc' }],
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
export const absenceSchools = (ctx: RequestContext) => accessibleSchools(ctx, 'school:readAbsence');
