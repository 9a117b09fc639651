// The lessons behind the statistics' notTakenLessons: ended, scheduled lessons in a range where some
// student of the group on that day has no attendance row, so a teacher or mentor can go and take them.
import { rollCallAuthority } from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError } from '../../errors.ts';
import type { MissingRollCallScope, MissingRollCalls } from '../../generated/graphql.ts';
import { authorizeGroup, authorizeSchool } from '../access/access.service.ts';
import { isoDate, requireStaffViewer, type Viewer } from '../access/viewer.ts';
import { schoolSettings, type RangeInput } from './statistics.service.ts';

/** More than a screen of work; a longer list would only hide that the roll calls are not being taken. */
const MISSING_ROLL_CALLS_LIMIT = 500;

interface MissingRow {
  id: string;
  date: Date;
  startsAt: Date;
  endsAt: Date;
  subjectCode: string;
  nameSv: string;
  nameEn: string;
  groupName: string;
  missingStudents: number;
  teacherIds: string[];
  teacherNames: string[];
  classIds: string[];
  schoolId: string;
  organisationId: string;
}

/** Which lessons, and whose missing attendance counts (a class counts only its own students, as its statistics do). */
interface Scope {
  schoolId: string;
  name: string | null;
  /** the class whose students `class` (in the statement) holds */
  classId: string | null;
  lessons: Prisma.Sql;
  students: Prisma.Sql;
}

async function resolveScope(ctx: RequestContext, scope: MissingRollCallScope): Promise<{ viewer: Viewer; scope: Scope }> {
  const given = [scope.classId != null, scope.schoolId != null, scope.mine === true].filter(Boolean).length;
  if (given !== 1)
    throw appError('BAD_USER_INPUT', 'Give exactly one of classId, schoolId or mine: true', {
      field: 'scope',
      problems: ['SCOPE_REQUIRED'],
    });
  if (scope.classId != null) {
    const { viewer, group } = await authorizeGroup(ctx, scope.classId, 'group:readAbsence');
    const { name } = await ctx.prisma.group.findUniqueOrThrow({ where: { id: group.id }, select: { name: true } });
    return {
      viewer,
      scope: {
        schoolId: group.schoolId,
        name,
        classId: group.id,
        lessons: Prisma.sql`l."groupId" IN (SELECT c."groupId" FROM "GroupMembership" c WHERE c."studentId" IN (SELECT id FROM class))`,
        students: Prisma.sql`m."studentId" IN (SELECT id FROM class)`,
      },
    };
  }
  if (scope.schoolId != null) {
    const { viewer, school } = await authorizeSchool(ctx, scope.schoolId, 'school:readAbsence');
    return {
      viewer,
      scope: {
        schoolId: school.id,
        name: school.name,
        classId: null,
        lessons: Prisma.sql`l."groupId" IN (SELECT id FROM "Group" WHERE "schoolId" = ${scope.schoolId}::uuid)`,
        students: Prisma.sql`true`,
      },
    };
  }
  const viewer = await requireStaffViewer(ctx);
  const { staffId } = viewer.facts;
  // The range's terms are the organisation's; any of its schools reads them.
  const school = await ctx.prisma.school.findFirstOrThrow({
    where: { organisation: { staff: { some: { id: staffId } } } },
    select: { id: true },
  });
  return {
    viewer,
    scope: {
      schoolId: school.id,
      name: null,
      classId: null,
      lessons: Prisma.sql`l.id IN (SELECT "lessonId" FROM "LessonTeacher" WHERE "staffId" = ${staffId}::uuid)`,
      students: Prisma.sql`true`,
    },
  };
}

/**
 * One statement: the class's students (members at any time in the range, as in classAbsenceStatistics),
 * the ended scheduled lessons of the scope, those with members lacking attendance (the marks of
 * statistics.service.ts whose status is null), the latest `limit + 1` of them, and only for those the
 * teachers and the home classes the roll-call rules need.
 */
const missingRollCallsSql = (scope: Scope, span: { from: string; to: string }, now: Date, limit: number) =>
  Prisma.sql`
    WITH class AS (
      SELECT m."studentId" AS id FROM "GroupMembership" m
      WHERE m."groupId" = ${scope.classId}::uuid AND m."validFrom" <= ${span.to}::date AND (m."validTo" IS NULL OR m."validTo" >= ${span.from}::date)
    ),
    missing AS (
      SELECT l.id, l.date, l."startsAt", l."endsAt", l."groupId", l."subjectId", count(*)::int AS "missingStudents"
      FROM "Lesson" l
      JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND l.date >= m."validFrom" AND (m."validTo" IS NULL OR l.date <= m."validTo")
      WHERE ${scope.lessons} AND ${scope.students}
        AND l.date BETWEEN ${span.from}::date AND ${span.to}::date AND l.status = 'SCHEDULED' AND l."endsAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."lessonId" = l.id AND a."studentId" = m."studentId")
      GROUP BY l.id
      ORDER BY l."startsAt" DESC, l.id
      LIMIT ${limit + 1}
    )
    SELECT l.id, l.date, l."startsAt", l."endsAt", l."missingStudents", s.code AS "subjectCode", s."nameSv", s."nameEn", g.name AS "groupName",
           g."schoolId", sc."organisationId",
           ARRAY(SELECT lt."staffId"::text FROM "LessonTeacher" lt WHERE lt."lessonId" = l.id) AS "teacherIds",
           ARRAY(SELECT st."firstName" || ' ' || st."lastName" FROM "LessonTeacher" lt JOIN "Staff" st ON st.id = lt."staffId"
                 WHERE lt."lessonId" = l.id ORDER BY st."lastName", st."firstName") AS "teacherNames",
           ARRAY(SELECT DISTINCT cm."groupId"::text
                 FROM "GroupMembership" m
                 JOIN "GroupMembership" cm ON cm."studentId" = m."studentId" AND cm."validFrom" <= l.date AND (cm."validTo" IS NULL OR cm."validTo" >= l.date)
                 JOIN "Group" cg ON cg.id = cm."groupId" AND cg.kind = 'CLASS'
                 WHERE m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)) AS "classIds"
    FROM missing l
    JOIN "Subject" s ON s.id = l."subjectId"
    JOIN "Group" g ON g.id = l."groupId"
    JOIN "School" sc ON sc.id = g."schoolId"
    ORDER BY l."startsAt" DESC, l.id`;

export async function lessonsWithoutRollCall(
  ctx: RequestContext,
  input: MissingRollCallScope,
  range: RangeInput,
  locale: 'sv' | 'en' | null | undefined,
): Promise<MissingRollCalls> {
  const { viewer, scope } = await resolveScope(ctx, input);
  const { span } = await schoolSettings(ctx, range, scope.schoolId);
  const rows = await ctx.prisma.$queryRaw<MissingRow[]>(missingRollCallsSql(scope, span, ctx.now, MISSING_ROLL_CALLS_LIMIT));
  const english = (locale ?? viewer.locale) === 'en';
  return {
    name: scope.name,
    ...span,
    truncated: rows.length > MISSING_ROLL_CALLS_LIMIT,
    lessons: rows.slice(0, MISSING_ROLL_CALLS_LIMIT).map((row) => ({
      lessonId: row.id,
      date: isoDate(row.date),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      subjectCode: row.subjectCode,
      subjectName: english ? row.nameEn : row.nameSv,
      groupName: row.groupName,
      teacherNames: row.teacherNames,
      missingStudents: row.missingStudents,
      mayTakeNow: rollCallAuthority(
        viewer.facts,
        {
          lessonDate: isoDate(row.date),
          schoolId: row.schoolId,
          organisationId: row.organisationId,
          teacherStaffIds: row.teacherIds,
          studentClassIds: row.classIds,
        },
        ctx.today,
      ).allowed,
    })),
  };
}
