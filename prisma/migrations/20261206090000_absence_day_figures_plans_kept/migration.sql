-- absence_day_figures in PL/pgSQL rather than SQL: a SQL function with SET clauses is never inlined and was planned
-- afresh on every call: each save's trigger (through absence_day_refresh) and each statistics request's live sum of
-- today. PL/pgSQL keeps the statement's plan for the session's connection. The statement is unchanged; with the
-- function's columns as PL/pgSQL variables, a name in it means the column (#variable_conflict use_column).
CREATE OR REPLACE FUNCTION absence_day_figures(p_students UUID[], p_dates DATE[], p_ended_by TIMESTAMPTZ)
RETURNS TABLE ("studentId" UUID, "date" DATE, "subjectId" UUID, "schoolId" UUID, "classId" UUID, "lessons" INTEGER,
  "scheduledMinutes" INTEGER, "recordedMinutes" INTEGER, "absentMinutes" INTEGER, "validAbsentMinutes" INTEGER,
  "unexcusedAbsentMinutes" INTEGER, "lateCount" INTEGER, "lateMinutes" INTEGER, "notTakenLessons" INTEGER, "notTakenMinutes" INTEGER)
-- Driven by the pairs, every other row is an index lookup away; the planner cannot count the pairs
-- (an array) and would otherwise hash whole tables for each of them.
LANGUAGE plpgsql STABLE SET enable_hashjoin = off SET enable_mergejoin = off AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
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
    GROUP BY k."studentId", k."date", k."subjectId", k."schoolId", k."classId";
END $$;
