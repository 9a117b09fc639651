-- Today's figures are no longer kept in AbsenceDay and AbsenceClassDay as each roll call changes them: the
-- statistics sum every day from "settledBefore" on live (today's lessons that have ended, as before), and each API
-- process settles a day into the tables once it has passed (absence_day_settle, called after midnight). A roll call
-- for today, by far the most frequent save, thus skips absence_day_refresh: its locks, the student's and the class's
-- day deleted and summed anew. A change to a settled day (a roll call taken late, a valid reason given the week
-- after, a lesson cancelled last month) is summed into the tables at once, as before.
--
-- The tables hold no day from "settledBefore" on: absence_day_refresh and absence_day_rebuild write only earlier days,
-- the day moves only forwards (the seed alone sets it, and rebuilds), and the rows this migration finds from today on
-- are deleted here.

CREATE TABLE "AbsenceDaySettlement" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "settledBefore" DATE NOT NULL,

    CONSTRAINT "AbsenceDaySettlement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AbsenceDaySettlement_one_row" CHECK ("id")
);

INSERT INTO "AbsenceDaySettlement" ("settledBefore") VALUES ((now() AT TIME ZONE 'Europe/Stockholm')::date);
DELETE FROM "AbsenceDay" WHERE "date" >= (SELECT "settledBefore" FROM "AbsenceDaySettlement");
DELETE FROM "AbsenceClassDay" WHERE "date" >= (SELECT "settledBefore" FROM "AbsenceDaySettlement");

CREATE OR REPLACE FUNCTION absence_day_refresh(p_students UUID[], p_dates DATE[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched_schools UUID[];
  touched_classes UUID[];
  touched_dates DATE[];
  added_schools UUID[];
  added_classes UUID[];
  added_dates DATE[];
BEGIN
  -- Only settled days are kept in the tables; a save under way holds this lock, so the settlement of a day waits
  -- for it to commit (and a save that comes after the settlement waits for it, then sees the day settled).
  LOCK TABLE "AbsenceDaySettlement" IN ROW SHARE MODE;
  SELECT array_agg(p."studentId"), array_agg(p."date") INTO p_students, p_dates
  FROM unnest(p_students, p_dates) AS p("studentId", "date")
  WHERE p."date" < (SELECT "settledBefore" FROM "AbsenceDaySettlement");
  IF p_students IS NULL THEN
    RETURN;
  END IF;

  -- Two roll calls saved at once may touch the same student's day or the same class's day. Each waits
  -- for the other to commit before it reads, so neither sums the day without the other's change: a lock
  -- per pair in a fixed order for the usual few pairs, the tables themselves for a bulk change (which
  -- would need more locks than the lock table holds). Each statement below then reads anew.
  IF cardinality(p_students) > 500 THEN
    LOCK TABLE "AbsenceDay", "AbsenceClassDay" IN SHARE ROW EXCLUSIVE MODE;
  ELSE
    LOCK TABLE "AbsenceDay", "AbsenceClassDay" IN ROW EXCLUSIVE MODE;
    PERFORM pg_advisory_xact_lock(hashtextextended('absence_day:' || p."studentId" || ':' || p."date", 0))
    FROM (SELECT DISTINCT * FROM unnest(p_students, p_dates) AS p("studentId", "date") ORDER BY 1, 2) p;
  END IF;

  WITH gone AS (
    DELETE FROM "AbsenceDay" d
    USING (SELECT DISTINCT * FROM unnest(p_students, p_dates) AS p("studentId", "date")) p
    WHERE d."studentId" = p."studentId" AND d."date" = p."date"
    RETURNING d."schoolId", d."classId", d."date"
  )
  SELECT array_agg(g."schoolId"), array_agg(g."classId"), array_agg(g."date") INTO touched_schools, touched_classes, touched_dates
  FROM (SELECT DISTINCT * FROM gone WHERE "classId" IS NOT NULL) g;

  WITH added AS (
    INSERT INTO "AbsenceDay" SELECT f.* FROM absence_day_figures(p_students, p_dates, 'infinity') f
    WHERE NOT EXISTS (
      SELECT 1 FROM "School" s JOIN "RetentionPolicy" r ON r."organisationId" = s."organisationId"
      WHERE s.id = f."schoolId" AND f."date" < r."attendanceDeletedBefore"
    )
    RETURNING "schoolId", "classId", "date"
  )
  SELECT array_agg(a."schoolId"), array_agg(a."classId"), array_agg(a."date") INTO added_schools, added_classes, added_dates
  FROM (SELECT DISTINCT * FROM added WHERE "classId" IS NOT NULL) a;

  -- Both lists may name a class-day; the DISTINCT below makes it one.
  SELECT array_agg(t."schoolId"), array_agg(t."classId"), array_agg(t."date") INTO touched_schools, touched_classes, touched_dates
  FROM (SELECT DISTINCT * FROM unnest(touched_schools || added_schools, touched_classes || added_classes, touched_dates || added_dates)
        AS t("schoolId", "classId", "date")) t;

  IF cardinality(p_students) <= 500 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('absence_class_day:' || t."schoolId" || ':' || t."classId" || ':' || t."date", 0))
    FROM (SELECT * FROM unnest(touched_schools, touched_classes, touched_dates) AS t("schoolId", "classId", "date") ORDER BY 1, 2, 3) t;
  END IF;

  DELETE FROM "AbsenceClassDay" c
  USING unnest(touched_schools, touched_classes, touched_dates) AS t("schoolId", "classId", "date")
  WHERE c."schoolId" = t."schoolId" AND c."classId" = t."classId" AND c."date" = t."date";

  INSERT INTO "AbsenceClassDay"
  SELECT d."schoolId", d."classId", d."date", sum(d."lessons")::int, sum(d."scheduledMinutes")::int, sum(d."recordedMinutes")::int,
         sum(d."absentMinutes")::int, sum(d."validAbsentMinutes")::int, sum(d."unexcusedAbsentMinutes")::int, sum(d."lateCount")::int,
         sum(d."lateMinutes")::int, sum(d."notTakenLessons")::int, sum(d."notTakenMinutes")::int
  FROM unnest(touched_schools, touched_classes, touched_dates) AS t("schoolId", "classId", "date")
  JOIN "AbsenceDay" d ON d."schoolId" = t."schoolId" AND d."classId" = t."classId" AND d."date" = t."date"
  GROUP BY d."schoolId", d."classId", d."date";
END $$;

CREATE OR REPLACE FUNCTION absence_day_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AbsenceDay";
  DELETE FROM "AbsenceClassDay";
  INSERT INTO "AbsenceDay"
  SELECT f.* FROM (
    SELECT array_agg(s."studentId") AS students, array_agg(s."date") AS dates FROM (
      SELECT DISTINCT m."studentId", l."date" FROM "GroupMembership" m
      JOIN "Lesson" l ON l."groupId" = m."groupId" AND l."date" >= m."validFrom" AND (m."validTo" IS NULL OR l."date" <= m."validTo")
      WHERE l."date" < (SELECT "settledBefore" FROM "AbsenceDaySettlement")
    ) s
  ) p CROSS JOIN LATERAL absence_day_figures(p.students, p.dates, 'infinity') f
  WHERE NOT EXISTS (
    SELECT 1 FROM "School" s JOIN "RetentionPolicy" r ON r."organisationId" = s."organisationId"
    WHERE s.id = f."schoolId" AND f."date" < r."attendanceDeletedBefore"
  );
  INSERT INTO "AbsenceClassDay"
  SELECT d."schoolId", d."classId", d."date", sum(d."lessons")::int, sum(d."scheduledMinutes")::int, sum(d."recordedMinutes")::int,
         sum(d."absentMinutes")::int, sum(d."validAbsentMinutes")::int, sum(d."unexcusedAbsentMinutes")::int, sum(d."lateCount")::int,
         sum(d."lateMinutes")::int, sum(d."notTakenLessons")::int, sum(d."notTakenMinutes")::int
  FROM "AbsenceDay" d WHERE d."classId" IS NOT NULL
  GROUP BY d."schoolId", d."classId", d."date";
END $$;

-- Settles the earliest day not yet settled, if it is before p_today: moves "settledBefore" past it and sums the
-- day of every student with a lesson on it into the tables. Returns the new (or unchanged) "settledBefore"; the
-- caller repeats until it has reached p_today. EXCLUSIVE waits for the saves under way (absence_day_refresh holds
-- ROW SHARE) and holds off those that come, so no save's change to the day is left out; reads are not held up.
CREATE FUNCTION absence_day_settle(p_today DATE) RETURNS DATE LANGUAGE plpgsql AS $$
DECLARE
  day DATE;
  students UUID[];
  dates DATE[];
BEGIN
  LOCK TABLE "AbsenceDaySettlement" IN EXCLUSIVE MODE;
  SELECT "settledBefore" INTO day FROM "AbsenceDaySettlement";
  IF day >= p_today THEN
    RETURN day;
  END IF;
  UPDATE "AbsenceDaySettlement" SET "settledBefore" = day + 1;
  SELECT array_agg(p."studentId"), array_agg(p."date") INTO students, dates
  FROM (
    SELECT DISTINCT m."studentId", l."date" FROM "Lesson" l
    JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date")
    WHERE l."date" = day
  ) p;
  IF students IS NOT NULL THEN
    PERFORM absence_day_refresh(students, dates);
  END IF;
  RETURN day + 1;
END $$;
