-- The absence figures' triggers do nothing when nothing they sum changed. A roll call's save is one
-- INSERT … ON CONFLICT DO UPDATE: PostgreSQL fires the statement triggers of both INSERT and UPDATE, and the
-- one without rows still took the figures' locks and ran their statements; an update that leaves status,
-- minutes late and valid reason as they were (a note, a new roll call with the same marks) changes no figure.
-- The lesson's trigger already skipped a change of the roll-call stamps, but only after joining the members.

CREATE OR REPLACE FUNCTION absence_day_on_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
  dates DATE[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(c."studentId"), array_agg(l."date") INTO students, dates
    FROM new_rows c JOIN "Lesson" l ON l.id = c."lessonId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(c."studentId"), array_agg(l."date") INTO students, dates
    FROM old_rows c JOIN "Lesson" l ON l.id = c."lessonId";
  ELSE
    SELECT array_agg(c."studentId"), array_agg(l."date") INTO students, dates
    FROM (
      SELECT x."studentId", x."lessonId" FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o."studentId", o."lessonId"), (n."studentId", n."lessonId")) AS x("studentId", "lessonId")
      WHERE (o."studentId", o."lessonId", o.status, o."lateMinutes", o."validReason" IS NOT NULL)
            IS DISTINCT FROM (n."studentId", n."lessonId", n.status, n."lateMinutes", n."validReason" IS NOT NULL)
    ) c
    JOIN "Lesson" l ON l.id = c."lessonId";
  END IF;
  IF students IS NOT NULL THEN
    PERFORM absence_day_refresh(students, dates);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION absence_day_on_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
  dates DATE[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(m."studentId"), array_agg(c."date") INTO students, dates
    FROM new_rows c JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(m."studentId"), array_agg(c."date") INTO students, dates
    FROM old_rows c JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  ELSE
    -- A roll call stamps its lesson: by far the most frequent update, and one no figure depends on.
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o."date", o."groupId", o."subjectId", o."startsAt", o."endsAt")
            IS DISTINCT FROM (n.status, n."date", n."groupId", n."subjectId", n."startsAt", n."endsAt")
    ) THEN
      RETURN NULL;
    END IF;
    SELECT array_agg(m."studentId"), array_agg(c."date") INTO students, dates
    FROM (
      SELECT x."groupId", x."date" FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o."groupId", o."date"), (n."groupId", n."date")) AS x("groupId", "date")
      WHERE (o.status, o."date", o."groupId", o."subjectId", o."startsAt", o."endsAt")
            IS DISTINCT FROM (n.status, n."date", n."groupId", n."subjectId", n."startsAt", n."endsAt")
    ) c
    JOIN "GroupMembership" m ON m."groupId" = c."groupId" AND m."validFrom" <= c."date" AND (m."validTo" IS NULL OR m."validTo" >= c."date");
  END IF;
  IF students IS NOT NULL THEN
    PERFORM absence_day_refresh(students, dates);
  END IF;
  RETURN NULL;
END $$;
