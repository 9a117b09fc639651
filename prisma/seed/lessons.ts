// The dated lessons of the terms, made in SQL from each term's lesson series and school days.
import type { PrismaClient } from '@insyn/db';
import { termSchoolDays } from '@insyn/domain';
import type { CalendarTerm } from '@insyn/domain';
import { BULK_TRANSACTION, withIndexesDeferred } from './bulk-load.ts';
import { isoWeekday, schoolInstant } from './dates.ts';
import type { LessonChange } from './model.ts';
import { chunked, uuidFromMd5, valuesPlaceholders } from './sql.ts';

/** School days per statement: large enough for few round trips, small enough for PGlite's memory. */
const DAYS_PER_STATEMENT = 10;

/**
 * One lesson per series and school day of its weekday; lov and holidays have no school days. The start
 * is the school day's local midnight plus the series' minutes: exact, because clocks change on
 * Sunday nights and lessons are on weekdays.
 */
export async function insertLessons(
  prisma: PrismaClient,
  seed: number,
  terms: readonly { id: string; term: CalendarTerm }[],
): Promise<void> {
  const columns = ['date', 'int', 'timestamptz'];
  await prisma.$transaction(async (tx) => {
    await withIndexesDeferred(tx, 'Lesson', async () => {
      for (const { id: termId, term } of terms) {
        for (const chunk of chunked(termSchoolDays(term), DAYS_PER_STATEMENT)) {
          const values = chunk.flatMap((day) => [day, isoWeekday(day), schoolInstant(day, 0).toISOString()]);
          await tx.$executeRawUnsafe(
            `WITH dated AS MATERIALIZED (
               SELECT s."id" AS series_id, s."groupId", s."subjectId", s."room", d.day,
                      d.midnight + s."startMinute" * INTERVAL '1 minute' AS starts_at,
                      d.midnight + (s."startMinute" + s."durationMinutes") * INTERVAL '1 minute' AS ends_at,
                      md5('lesson:' || $1::text || ':' || s."id" || ':' || to_char(d.day, 'YYYY-MM-DD')) AS hash
               FROM "LessonSeries" s
               JOIN (VALUES ${valuesPlaceholders(chunk.length, columns, 2)}) AS d(day, weekday, midnight) ON d.weekday = s."weekday"
               WHERE s."termId" = $2::uuid
             )
             INSERT INTO "Lesson" ("id", "seriesId", "groupId", "subjectId", "date", "startsAt", "endsAt", "room", "status")
             SELECT ${uuidFromMd5('hash')}, series_id, "groupId", "subjectId", day, starts_at, ends_at, "room", 'SCHEDULED'::"LessonStatus"
             FROM dated`,
            String(seed),
            termId,
            ...values,
          );
        }
      }
    });
    await withIndexesDeferred(tx, 'LessonTeacher', async () => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "LessonTeacher" ("lessonId", "staffId")
         SELECT l."id", st."staffId"
         FROM "Lesson" l
         JOIN "LessonSeries" s ON s."id" = l."seriesId"
         JOIN "LessonSeriesTeacher" st ON st."seriesId" = s."id"
         WHERE s."termId" = ANY($1::uuid[])`,
        terms.map((t) => t.id),
      );
    });
  }, BULK_TRANSACTION);
}

/** Cancellations and moves, keeping the series' time and room in originalStartsAt / originalRoom. */
export async function applyLessonChanges(prisma: PrismaClient, changes: readonly LessonChange[]): Promise<void> {
  const columns = ['uuid', 'date', 'boolean', 'timestamptz', 'timestamptz', 'text', 'text'];
  for (const chunk of chunked(changes, 1000)) {
    const values = chunk.flatMap((c) => [
      c.seriesId,
      c.date,
      c.cancelled,
      c.startsAt?.toISOString() ?? null,
      c.endsAt?.toISOString() ?? null,
      c.room,
      c.note,
    ]);
    await prisma.$executeRawUnsafe(
      `UPDATE "Lesson" AS l SET
         "status" = CASE WHEN v.cancelled THEN 'CANCELLED'::"LessonStatus" ELSE l."status" END,
         "originalStartsAt" = CASE WHEN v.starts_at IS NOT NULL THEN l."startsAt" END,
         "startsAt" = COALESCE(v.starts_at, l."startsAt"),
         "endsAt" = COALESCE(v.ends_at, l."endsAt"),
         "originalRoom" = CASE WHEN v.room IS NOT NULL THEN l."room" END,
         "room" = COALESCE(v.room, l."room"),
         "changeNote" = v.note
       FROM (VALUES ${valuesPlaceholders(chunk.length, columns, 0)}) AS v(series_id, day, cancelled, starts_at, ends_at, room, note)
       WHERE l."seriesId" = v.series_id AND l."date" = v.day`,
      ...values,
    );
  }
}
