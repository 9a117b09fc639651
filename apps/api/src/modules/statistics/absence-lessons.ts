// The lessons behind a student's absence figures: each lesson of the student's groups, scheduled and in
// the range, where the student was marked absent or late, with what it adds to the figures. The rules are
// those of statistics.service.ts (and the SQL function absence_day_figures it reads): a lesson counts once
// it has ended, cancelled lessons count for nothing, absence is the whole lesson or the minutes late (at
// most the lesson), valid when a reason is recorded and otherwise unexcused. Summed, the rows are the figures.
import {
  absentMinutesOf,
  checkAbsenceReason,
  checkSickReport,
  parseIsoWeek,
  type AttendanceStatus,
  type ValidAbsenceReason,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError } from '../../errors.ts';
import type { AbsenceLessonFilter } from '../../generated/graphql.ts';
import { authorizeStudent, mayAccessStudent } from '../access/access.service.ts';
import { isoDate } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { schoolSettings, type RangeInput } from './statistics.service.ts';

interface LessonRow {
  id: string;
  date: Date;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  status: 'ABSENT' | 'LATE';
  lateMinutes: number | null;
  validReason: ValidAbsenceReason | null;
  validReasonNote: string | null;
  subjectCode: string;
  nameSv: string;
  nameEn: string;
  groupName: string;
  teacherNames: string[];
}

export interface AbsenceLessonRecord {
  lessonId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  absentMinutes: number;
  subjectCode: string;
  subjectName: string;
  groupName: string;
  teacherNames: string[];
  status: AttendanceStatus;
  lateMinutes: number | null;
  valid: boolean;
  validReason: ValidAbsenceReason | null;
  validReasonNote: string | null;
  mayReportSick: boolean;
  mayExcuse: boolean;
}

const badFilter = (message: string, field: string) => appError('BAD_USER_INPUT', message, { field: `filter.${field}` });

/** The filter as conditions on the statement's lesson `l`, attendance `a` and subject `s`. */
function filterConditions(filter: AbsenceLessonFilter | null | undefined): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (!filter) return conditions;
  if (filter.status != null) {
    if (filter.status === 'PRESENT') throw badFilter('Present is not absence: ABSENT or LATE', 'status');
    conditions.push(Prisma.sql`a.status::text = ${filter.status}`);
  }
  if (filter.valid != null) conditions.push(filter.valid ? Prisma.sql`a."validReason" IS NOT NULL` : Prisma.sql`a."validReason" IS NULL`);
  if (filter.subjectCode != null) conditions.push(Prisma.sql`s.code = ${filter.subjectCode}`);
  if (filter.week != null) {
    const week = parseIsoWeek(filter.week);
    if (!week) throw badFilter('week must be an ISO week such as 2026-W48', 'week');
    // As the statistics group their weeks.
    conditions.push(Prisma.sql`extract(isoyear FROM l.date) = ${week.isoYear} AND extract(week FROM l.date) = ${week.isoWeek}`);
  }
  if (filter.weekday != null) {
    if (!Number.isInteger(filter.weekday) || filter.weekday < 1 || filter.weekday > 7)
      throw badFilter('weekday is 1 (Monday) to 7', 'weekday');
    conditions.push(Prisma.sql`extract(isodow FROM l.date) = ${filter.weekday}`);
  }
  return conditions;
}

/**
 * One statement: the student's absent and late marks on scheduled lessons of the groups they were a
 * member of on the lesson's day (as absence_day_figures joins them), in the span, latest first.
 */
const absenceLessonsSql = (studentId: string, span: { from: string; to: string }, conditions: Prisma.Sql[]) => Prisma.sql`
  SELECT l.id, l.date, l."startsAt", l."endsAt", (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes,
         a.status::text AS status, a."lateMinutes", a."validReason"::text AS "validReason", a."validReasonNote",
         s.code AS "subjectCode", s."nameSv", s."nameEn", g.name AS "groupName",
         ARRAY(SELECT st."firstName" || ' ' || st."lastName" FROM "LessonTeacher" lt JOIN "Staff" st ON st.id = lt."staffId"
               WHERE lt."lessonId" = l.id ORDER BY st."lastName", st."firstName") AS "teacherNames"
  FROM "Attendance" a
  JOIN "Lesson" l ON l.id = a."lessonId"
  JOIN "Subject" s ON s.id = l."subjectId"
  JOIN "Group" g ON g.id = l."groupId"
  WHERE a."studentId" = ${studentId}::uuid AND a.status IN ('ABSENT', 'LATE')
    AND l.date BETWEEN ${span.from}::date AND ${span.to}::date AND l.status = 'SCHEDULED'
    AND EXISTS (SELECT 1 FROM "GroupMembership" m
                WHERE m."studentId" = a."studentId" AND m."groupId" = l."groupId"
                  AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date))
    ${conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
  ORDER BY l."startsAt" DESC, l.id`;

export async function studentAbsenceLessons(
  ctx: RequestContext,
  studentId: string,
  range: RangeInput,
  filter: AbsenceLessonFilter | null | undefined,
  locale: 'sv' | 'en' | null | undefined,
) {
  const { viewer, student } = await authorizeStudent(ctx, studentId, 'student:readAbsenceReports');
  const conditions = filterConditions(filter);
  const { span } = await schoolSettings(ctx, range, student.schoolId);
  const mayReport = mayAccessStudent(viewer, 'student:reportAbsence', student, ctx.today);
  const mayExcuse = mayAccessStudent(viewer, 'student:excuseAbsence', student, ctx.today);
  const [rows, school] = await Promise.all([
    ctx.prisma.$queryRaw<LessonRow[]>(absenceLessonsSql(studentId, span, conditions)),
    mayReport ? ctx.prisma.school.findUnique({ where: { id: student.schoolId }, select: { sickReportDaysBack: true } }) : null,
    audit(ctx, 'absenceLessons.read', {
      studentId,
      entityType: 'Student',
      entityId: studentId,
      details: { from: span.from, to: span.to, ...(filter ? { filter: { ...filter } } : {}) },
    }),
  ]);
  const english = (locale ?? viewer.locale) === 'en';
  const daysBack = school?.sickReportDaysBack ?? 0;
  const record = (row: LessonRow): AbsenceLessonRecord => {
    const date = isoDate(row.date);
    const valid = row.validReason !== null;
    return {
      lessonId: row.id,
      date,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      minutes: row.minutes,
      absentMinutes: absentMinutesOf(row),
      subjectCode: row.subjectCode,
      subjectName: english ? row.nameEn : row.nameSv,
      groupName: row.groupName,
      teacherNames: row.teacherNames,
      status: row.status,
      lateMinutes: row.lateMinutes,
      valid,
      validReason: row.validReason,
      validReasonNote: row.validReasonNote,
      // Staff record a reason, or take theirs back, where no report from the home decides (checkAbsenceReason).
      mayExcuse: mayExcuse && checkAbsenceReason(row, null, null).length === 0,
      mayReportSick:
        mayReport &&
        !valid &&
        checkSickReport({ fromDate: date, toDate: date, fromTime: null, toTime: null }, ctx.today, daysBack).length === 0,
    };
  };
  // Ended as the figures count it: by the clock, so that today's lessons join the list as they end.
  const ended = (row: LessonRow) => row.endsAt.getTime() <= ctx.now.getTime();
  return {
    studentId,
    ...span,
    lessons: rows.filter(ended).map(record),
    notEnded: rows.filter((row) => !ended(row)).map(record),
  };
}
