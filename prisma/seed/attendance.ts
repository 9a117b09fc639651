// Attendance history: a roll call for nearly every lesson before `today`, set-based in SQL.
//
// Each student has a profile drawn from a hash of their id: 5 % are chronically absent (15–25 % of
// lessons), 8 % often late, the rest mostly present. Absence comes as whole sick days (mostly reported,
// so valid), a week of approved leave now and then, and single unexcused lessons.
import type { PrismaClient } from '@insyn/db';
import { termSchoolDays } from '@insyn/domain';
import type { CalendarTerm } from '@insyn/domain';
import { BULK_TRANSACTION, withIndexesDeferred } from './bulk-load.ts';
import { addDaysIso } from './dates.ts';
import { chunked, md5Number, uuidFromMd5 } from './sql.ts';
import type { Sql } from './sql.ts';

const DAYS_PER_STATEMENT = 10;

// All probabilities per 10 000.
const CHRONIC_PROFILES = 500;
const LATE_PROFILES_END = 1300;
/** a week of approved leave, per student and week */
const LEAVE_WEEK = 40;
const SICK_DAY = 350;
/** chronic: 10–16 % of days, by profile */
const CHRONIC_DAY_BASE = 1000;
const CHRONIC_DAY_STEP = 100;
const SKIPPED_LESSON = 80;
const CHRONIC_SKIPPED_LESSON = 600;
const LATE = 200;
const OFTEN_LATE = 1500;
const CHRONIC_LATE = 500;
/** roll calls never taken: most older lessons have one; of the last three days' lessons, fewer */
const FORGOTTEN_PER_MILLE = 12;
const RECENT_FORGOTTEN_PER_MILLE = 150;
// Outcomes in the SQL: 0 present, 1 late, 2 unexcused absence, 3 sick (valid), 4 leave (valid).

/** Roll calls for the school days of `terms` (in order) before `today`. */
export async function recordAttendance(prisma: PrismaClient, seed: number, terms: readonly CalendarTerm[], today: string): Promise<void> {
  const pastDays = terms.flatMap(termSchoolDays).filter((day) => day < today);
  if (pastDays.length === 0) return;
  const end = addDaysIso(pastDays[pastDays.length - 1] as string, 1);
  await takeRollCalls(prisma, seed, pastDays[0] as string, end, today);
  await prisma.$transaction(
    (tx) =>
      withIndexesDeferred(tx, 'Attendance', async () => {
        for (const days of chunked(pastDays, DAYS_PER_STATEMENT)) {
          await insertAttendance(tx, seed, days[0] as string, addDaysIso(days[days.length - 1] as string, 1));
        }
      }),
    BULK_TRANSACTION,
  );
  await coverLateArrivals(prisma, pastDays[0] as string, end);
}

/** Who took the roll call (a teacher of the lesson) and when (one to six minutes in). */
function takeRollCalls(sql: Sql, seed: number, from: string, to: string, today: string) {
  // UPDATE … FROM cannot refer to the updated row in a LATERAL, so the hash is written out twice.
  const draw = md5Number(`md5('rollcall:' || $1::text || ':' || l."id")`);
  return sql.$executeRawUnsafe(
    `UPDATE "Lesson" AS l SET
       "attendanceTakenById" = t."staffId",
       "attendanceTakenAt" = l."startsAt" + (60 + ${draw} % 300) * INTERVAL '1 second'
     FROM (SELECT DISTINCT ON (lt."lessonId") lt."lessonId", lt."staffId"
           FROM "LessonTeacher" lt JOIN "Lesson" x ON x."id" = lt."lessonId"
           WHERE x."date" >= $2::date AND x."date" < $3::date
           ORDER BY lt."lessonId", lt."staffId") AS t
     WHERE t."lessonId" = l."id" AND l."status" = 'SCHEDULED'
       AND (${draw} / 300) % 1000 >= CASE WHEN l."date" >= $4::date - 3 THEN ${RECENT_FORGOTTEN_PER_MILLE} ELSE ${FORGOTTEN_PER_MILLE} END`,
    String(seed),
    from,
    to,
    today,
  );
}

/**
 * The hashes are computed in MATERIALIZED CTEs: PostgreSQL would otherwise inline each one into every
 * expression that reads it and compute the same md5 several times per row. Days and weeks enter the
 * hashes as day numbers since Monday 2000-01-03, which needs no date formatting.
 */
function insertAttendance(sql: Sql, seed: number, from: string, to: string) {
  return sql.$executeRawUnsafe(
    `WITH profile AS MATERIALIZED (
       SELECT s."id" AS student_id, ${md5Number(`md5('profile:' || $1::text || ':' || s."id")`)} % 10000 AS p FROM "Student" s
     ), hashed AS MATERIALIZED (
       SELECT l."id" AS lesson_id, m."studentId" AS student_id, l."startsAt", l."attendanceTakenAt", l."attendanceTakenById",
              md5('attendance:' || $1::text || ':' || l."id" || ':' || m."studentId") AS lesson_hash,
              md5('day:' || $1::text || ':' || m."studentId" || ':' || (l."date" - DATE '2000-01-03')) AS day_hash,
              md5('leave:' || $1::text || ':' || m."studentId" || ':' || (l."date" - DATE '2000-01-03') / 7) AS week_hash
       FROM "Lesson" l
       JOIN "GroupMembership" m ON m."groupId" = l."groupId"
         AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date")
       WHERE l."attendanceTakenAt" IS NOT NULL AND l."date" >= $2::date AND l."date" < $3::date
     ), drawn AS MATERIALIZED (
       SELECT h.lesson_id, h.student_id, h."startsAt", h."attendanceTakenAt", h."attendanceTakenById", profile.p,
              ${uuidFromMd5('h.lesson_hash')} AS id,
              ${md5Number('h.day_hash')} % 10000 AS day_draw,
              ${md5Number('h.day_hash', 8)} % 100 AS day_reason,
              ${md5Number('h.week_hash')} % 10000 AS week_draw,
              ${md5Number('h.lesson_hash')} % 10000 AS skip_draw,
              ${md5Number('h.lesson_hash', 8)} % 10000 AS late_draw,
              2 + ${md5Number('h.lesson_hash', 15)} % 24 AS late
       FROM hashed h JOIN profile USING (student_id)
     )
     INSERT INTO "Attendance" ("id", "lessonId", "studentId", "status", "lateMinutes", "validReason", "markedById", "markedAt")
     SELECT d.id, d.lesson_id, d.student_id,
            (CASE o.outcome WHEN 0 THEN 'PRESENT' WHEN 1 THEN 'LATE' ELSE 'ABSENT' END)::"AttendanceStatus",
            CASE WHEN o.outcome = 1 THEN d.late END,
            (CASE o.outcome WHEN 3 THEN 'SICK' WHEN 4 THEN 'LEAVE' END)::"ValidAbsenceReason",
            d."attendanceTakenById",
            CASE WHEN o.outcome = 1 THEN d."startsAt" + (d.late * 60 + 20) * INTERVAL '1 second' ELSE d."attendanceTakenAt" END
     FROM drawn d
     CROSS JOIN LATERAL (SELECT
       CASE
         WHEN d.week_draw < ${LEAVE_WEEK} THEN 4
         WHEN d.p < ${CHRONIC_PROFILES} AND d.day_draw < ${CHRONIC_DAY_BASE} + (d.p % 7) * ${CHRONIC_DAY_STEP}
           THEN CASE WHEN d.day_reason < 30 THEN 3 ELSE 2 END
         WHEN d.p >= ${CHRONIC_PROFILES} AND d.day_draw < ${SICK_DAY}
           THEN CASE WHEN d.day_reason < 85 THEN 3 WHEN d.day_reason < 90 THEN 4 ELSE 2 END
         WHEN d.skip_draw < CASE WHEN d.p < ${CHRONIC_PROFILES} THEN ${CHRONIC_SKIPPED_LESSON} ELSE ${SKIPPED_LESSON} END THEN 2
         WHEN d.late_draw < CASE WHEN d.p < ${CHRONIC_PROFILES} THEN ${CHRONIC_LATE}
                                 WHEN d.p < ${LATE_PROFILES_END} THEN ${OFTEN_LATE} ELSE ${LATE} END THEN 1
         ELSE 0
       END AS outcome
     ) o`,
    String(seed),
    from,
    to,
  );
}

/** A late arrival is saved when the student comes in, so the roll call was last saved then. */
function coverLateArrivals(sql: Sql, from: string, to: string) {
  return sql.$executeRawUnsafe(
    `UPDATE "Lesson" AS l SET "attendanceTakenAt" = a.last
     FROM (SELECT a."lessonId", max(a."markedAt") AS last
           FROM "Attendance" a JOIN "Lesson" x ON x."id" = a."lessonId"
           WHERE x."date" >= $1::date AND x."date" < $2::date AND a."status" = 'LATE'
           GROUP BY a."lessonId") AS a
     WHERE a."lessonId" = l."id" AND a.last > l."attendanceTakenAt"`,
    from,
    to,
  );
}
