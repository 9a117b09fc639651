-- CreateTable
CREATE TABLE "AbsenceDay" (
    "studentId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "subjectId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "classId" UUID,
    "lessons" INTEGER NOT NULL,
    "scheduledMinutes" INTEGER NOT NULL,
    "recordedMinutes" INTEGER NOT NULL,
    "absentMinutes" INTEGER NOT NULL,
    "validAbsentMinutes" INTEGER NOT NULL,
    "unexcusedAbsentMinutes" INTEGER NOT NULL,
    "lateCount" INTEGER NOT NULL,
    "lateMinutes" INTEGER NOT NULL,
    "notTakenLessons" INTEGER NOT NULL,
    "notTakenMinutes" INTEGER NOT NULL,

    CONSTRAINT "AbsenceDay_pkey" PRIMARY KEY ("studentId","date","subjectId","schoolId")
);

-- CreateTable
CREATE TABLE "AbsenceClassDay" (
    "schoolId" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "lessons" INTEGER NOT NULL,
    "scheduledMinutes" INTEGER NOT NULL,
    "recordedMinutes" INTEGER NOT NULL,
    "absentMinutes" INTEGER NOT NULL,
    "validAbsentMinutes" INTEGER NOT NULL,
    "unexcusedAbsentMinutes" INTEGER NOT NULL,
    "lateCount" INTEGER NOT NULL,
    "lateMinutes" INTEGER NOT NULL,
    "notTakenLessons" INTEGER NOT NULL,
    "notTakenMinutes" INTEGER NOT NULL,

    CONSTRAINT "AbsenceClassDay_pkey" PRIMARY KEY ("schoolId","classId","date")
);

-- CreateIndex
CREATE INDEX "AbsenceDay_schoolId_classId_date_idx" ON "AbsenceDay"("schoolId", "classId", "date");

-- The figures of packages/domain/src/absence-statistics.ts per (student, day, subject, school) for the
-- given (student, day) pairs: every scheduled lesson of the student's groups that day that has ended by
-- p_ended_by, with the student's attendance or none (not taken). The statistics read today through it.
CREATE FUNCTION absence_day_figures(p_students UUID[], p_dates DATE[], p_ended_by TIMESTAMPTZ)
RETURNS TABLE ("studentId" UUID, "date" DATE, "subjectId" UUID, "schoolId" UUID, "classId" UUID, "lessons" INTEGER,
  "scheduledMinutes" INTEGER, "recordedMinutes" INTEGER, "absentMinutes" INTEGER, "validAbsentMinutes" INTEGER,
  "unexcusedAbsentMinutes" INTEGER, "lateCount" INTEGER, "lateMinutes" INTEGER, "notTakenLessons" INTEGER, "notTakenMinutes" INTEGER)
-- Driven by the pairs, every other row is an index lookup away; the planner cannot count the pairs
-- (an array) and would otherwise hash whole tables for each of them.
LANGUAGE sql STABLE SET enable_hashjoin = off SET enable_mergejoin = off AS $$
  SELECT k."studentId", k."date", k."subjectId", k."schoolId", k."classId",
         count(*)::int,
         sum(k.minutes)::int,
         coalesce(sum(k.minutes) FILTER (WHERE k.status IS NOT NULL), 0)::int,
         sum(k.absent)::int,
         coalesce(sum(k.absent) FILTER (WHERE k.valid), 0)::int,
         coalesce(sum(k.absent) FILTER (WHERE NOT k.valid OR k.valid IS NULL), 0)::int,
         (count(*) FILTER (WHERE k.status = 'LATE'))::int,
         coalesce(sum(k.absent) FILTER (WHERE k.status = 'LATE'), 0)::int,
         (count(*) FILTER (WHERE k.status IS NULL))::int,
         coalesce(sum(k.minutes) FILTER (WHERE k.status IS NULL), 0)::int
  FROM (
    SELECT p."studentId", p."date", l."subjectId", g."schoolId", c."classId", l.minutes,
           a.status::text AS status, a."validReason" IS NOT NULL AS valid,
           CASE a.status WHEN 'ABSENT' THEN l.minutes WHEN 'LATE' THEN least(greatest(coalesce(a."lateMinutes", 0), 0), l.minutes) ELSE 0 END AS absent
    FROM (SELECT DISTINCT * FROM unnest(p_students, p_dates) AS p("studentId", "date")) p
    -- Class memberships do not overlap, so a day finds at most one class.
    LEFT JOIN LATERAL (
      SELECT cm."groupId" AS "classId" FROM "GroupMembership" cm
      WHERE cm."studentId" = p."studentId" AND cm."validFrom" <= p."date" AND (cm."validTo" IS NULL OR cm."validTo" >= p."date")
        -- The student's few memberships, each checked by key: joining "Group" here scanned every class per pair.
        AND (SELECT cg.kind FROM "Group" cg WHERE cg.id = cm."groupId") = 'CLASS'
      LIMIT 1
    ) c ON true
    JOIN "GroupMembership" m ON m."studentId" = p."studentId" AND m."validFrom" <= p."date" AND (m."validTo" IS NULL OR m."validTo" >= p."date")
    -- OFFSET 0 keeps this a lookup on both columns of the (groupId, date) index for each membership.
    CROSS JOIN LATERAL (
      SELECT l.id, l."subjectId", l."groupId", (extract(epoch FROM l."endsAt" - l."startsAt") / 60)::int AS minutes
      FROM "Lesson" l
      WHERE l."groupId" = m."groupId" AND l."date" = p."date" AND l.status = 'SCHEDULED' AND l."endsAt" <= p_ended_by
      OFFSET 0
    ) l
    JOIN "Group" g ON g.id = l."groupId"
    LEFT JOIN "Attendance" a ON a."lessonId" = l.id AND a."studentId" = p."studentId"
  ) k
  GROUP BY k."studentId", k."date", k."subjectId", k."schoolId", k."classId"
$$;

-- Recomputes AbsenceDay for the given (student, day) pairs, then AbsenceClassDay for every class-day
-- they were or now are in.
CREATE FUNCTION absence_day_refresh(p_students UUID[], p_dates DATE[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched_schools UUID[];
  touched_classes UUID[];
  touched_dates DATE[];
  added_schools UUID[];
  added_classes UUID[];
  added_dates DATE[];
BEGIN
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
    INSERT INTO "AbsenceDay" SELECT * FROM absence_day_figures(p_students, p_dates, 'infinity')
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

-- Everything anew: after a bulk load with the triggers below disabled, and once here.
CREATE FUNCTION absence_day_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AbsenceDay";
  DELETE FROM "AbsenceClassDay";
  INSERT INTO "AbsenceDay"
  SELECT f.* FROM (
    SELECT array_agg(s."studentId") AS students, array_agg(s."date") AS dates FROM (
      SELECT DISTINCT m."studentId", l."date" FROM "GroupMembership" m
      JOIN "Lesson" l ON l."groupId" = m."groupId" AND l."date" >= m."validFrom" AND (m."validTo" IS NULL OR l."date" <= m."validTo")
    ) s
  ) p CROSS JOIN LATERAL absence_day_figures(p.students, p.dates, 'infinity') f;
  INSERT INTO "AbsenceClassDay"
  SELECT d."schoolId", d."classId", d."date", sum(d."lessons")::int, sum(d."scheduledMinutes")::int, sum(d."recordedMinutes")::int,
         sum(d."absentMinutes")::int, sum(d."validAbsentMinutes")::int, sum(d."unexcusedAbsentMinutes")::int, sum(d."lateCount")::int,
         sum(d."lateMinutes")::int, sum(d."notTakenLessons")::int, sum(d."notTakenMinutes")::int
  FROM "AbsenceDay" d WHERE d."classId" IS NOT NULL
  GROUP BY d."schoolId", d."classId", d."date";
END $$;

-- Attendance: the (student, day) of each changed row.
CREATE FUNCTION absence_day_on_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM absence_day_refresh(array_agg(c."studentId"), array_agg(l."date"))
    FROM new_rows c JOIN "Lesson" l ON l.id = c."lessonId";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM absence_day_refresh(array_agg(c."studentId"), array_agg(l."date"))
    FROM old_rows c JOIN "Lesson" l ON l.id = c."lessonId";
  ELSE
    PERFORM absence_day_refresh(array_agg(c."studentId"), array_agg(l."date"))
    FROM (SELECT "studentId", "lessonId" FROM new_rows UNION SELECT "studentId", "lessonId" FROM old_rows) c
    JOIN "Lesson" l ON l.id = c."lessonId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER absence_day_attendance_insert AFTER INSERT ON "Attendance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_attendance();
CREATE TRIGGER absence_day_attendance_update AFTER UPDATE ON "Attendance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_attendance();
CREATE TRIGGER absence_day_attendance_delete AFTER DELETE ON "Attendance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_attendance();

-- Lessons: the members of the lesson's group that day, when a lesson appears, goes, or changes in what
-- the figures use (not when only its roll-call stamp changes: the roll call itself changes Attendance).
CREATE FUNCTION absence_day_on_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM absence_day_refresh(array_agg(m."studentId"), array_agg(c."date"))
    FROM new_rows c JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM absence_day_refresh(array_agg(m."studentId"), array_agg(c."date"))
    FROM old_rows c JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  ELSE
    PERFORM absence_day_refresh(array_agg(m."studentId"), array_agg(c."date"))
    FROM (
      SELECT x."groupId", x."date" FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o."groupId", o."date"), (n."groupId", n."date")) AS x("groupId", "date")
      WHERE (o.status, o."date", o."groupId", o."subjectId", o."startsAt", o."endsAt")
            IS DISTINCT FROM (n.status, n."date", n."groupId", n."subjectId", n."startsAt", n."endsAt")
    ) c
    JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER absence_day_lesson_insert AFTER INSERT ON "Lesson"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_lesson();
CREATE TRIGGER absence_day_lesson_update AFTER UPDATE ON "Lesson"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_lesson();
CREATE TRIGGER absence_day_lesson_delete AFTER DELETE ON "Lesson"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_lesson();

-- Memberships: each day of the student's in the changed span that has lessons or figures (a new class
-- changes the day's class; leaving a group takes its lessons away). p_to NULL: open-ended.
CREATE FUNCTION absence_day_refresh_spans(p_students UUID[], p_from DATE[], p_to DATE[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM absence_day_refresh(array_agg(d."studentId"), array_agg(d."date"))
  FROM (
    SELECT s."studentId", l."date" FROM unnest(p_students, p_from, p_to) AS s("studentId", "from", "to")
    JOIN "GroupMembership" m ON m."studentId" = s."studentId"
    JOIN "Lesson" l ON l."groupId" = m."groupId" AND l."date" >= s."from" AND (s."to" IS NULL OR l."date" <= s."to")
    UNION
    SELECT s."studentId", d."date" FROM unnest(p_students, p_from, p_to) AS s("studentId", "from", "to")
    JOIN "AbsenceDay" d ON d."studentId" = s."studentId" AND d."date" >= s."from" AND (s."to" IS NULL OR d."date" <= s."to")
  ) d;
END $$;

CREATE FUNCTION absence_day_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM absence_day_refresh_spans(array_agg(c."studentId"), array_agg(c."validFrom"), array_agg(c."validTo")) FROM new_rows c;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM absence_day_refresh_spans(array_agg(c."studentId"), array_agg(c."validFrom"), array_agg(c."validTo")) FROM old_rows c;
  ELSE
    PERFORM absence_day_refresh_spans(array_agg(c."studentId"), array_agg(c."validFrom"), array_agg(c."validTo"))
    FROM (SELECT "studentId", "validFrom", "validTo" FROM new_rows UNION SELECT "studentId", "validFrom", "validTo" FROM old_rows) c;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER absence_day_membership_insert AFTER INSERT ON "GroupMembership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_membership();
CREATE TRIGGER absence_day_membership_update AFTER UPDATE ON "GroupMembership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_membership();
CREATE TRIGGER absence_day_membership_delete AFTER DELETE ON "GroupMembership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_day_on_membership();

SELECT absence_day_rebuild();
