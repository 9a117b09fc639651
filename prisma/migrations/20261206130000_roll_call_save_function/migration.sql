-- A roll call's save in one call of one function instead of four statements in a transaction (BEGIN, the lesson's
-- lock, the statement, COMMIT): one round trip, and the statement's plan kept for the connection instead of made
-- anew for each save. The lesson is locked first, so that two devices saving one lesson are applied in turn; the
-- statement after the lock reads what the save before it committed, since PL/pgSQL takes a new snapshot for each
-- statement of a VOLATILE function. The statement is the one attendance.service.ts sent before, its values now
-- the parameters. One statement: record the submission, upsert the changed rows, keep their history, queue the
-- absence alerts and mark the lesson; everything after `submission` only runs if the submission is new (a
-- concurrent resend inserts nothing).
CREATE FUNCTION roll_call_save(
  p_submission UUID, p_lesson UUID, p_staff UUID, p_taken_at TIMESTAMPTZ, p_now TIMESTAMPTZ, p_reason TEXT,
  p_students UUID[], p_statuses TEXT[], p_late_minutes INTEGER[], p_notes TEXT[],
  p_lesson_starts TIMESTAMPTZ, p_lesson_ends TIMESTAMPTZ, p_alert_due TIMESTAMPTZ, p_taken_offline TIMESTAMPTZ
) RETURNS TABLE (applied BOOLEAN, changed_rows INTEGER, queued_alerts INTEGER) LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM "Lesson" WHERE id = p_lesson FOR UPDATE;
  RETURN QUERY
  WITH submission AS (
    INSERT INTO "RollCallSubmission" (id, "lessonId", "submittedById", "takenAt", "receivedAt", reason, "entryCount")
    VALUES (p_submission, p_lesson, p_staff, p_taken_at, p_now, p_reason, cardinality(p_students))
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  ),
  incoming AS (
    SELECT * FROM unnest(p_students, p_statuses, p_late_minutes, p_notes) AS t("studentId", status, "lateMinutes", note)
  ),
  differing AS (
    SELECT i."studentId", i.status::"AttendanceStatus" AS status, i."lateMinutes", i.note,
           a.id AS "existingId", a.status AS "beforeStatus", a."lateMinutes" AS "beforeLateMinutes", a.note AS "beforeNote",
           a."validReason" AS "beforeValidReason", a."sickReportId" AS "beforeSickReportId", a."leaveApplicationId" AS "beforeLeaveApplicationId"
    FROM incoming i
    LEFT JOIN "Attendance" a ON a."lessonId" = p_lesson AND a."studentId" = i."studentId"
    WHERE EXISTS (SELECT 1 FROM submission)
      AND (a.id IS NULL OR a.status::text IS DISTINCT FROM i.status OR a."lateMinutes" IS DISTINCT FROM i."lateMinutes" OR a.note IS DISTINCT FROM i.note)
  ),
  -- Absence is valid when a sick report or approved leave covers the lesson (rules 4 and 5); a reason
  -- set otherwise (e.g. a school activity) is kept. Present needs no reason.
  changed AS (
    SELECT d.*,
           CASE WHEN d.status = 'PRESENT' THEN NULL ELSE sick.id END AS "sickReportId",
           CASE WHEN d.status = 'PRESENT' OR sick.id IS NOT NULL THEN NULL ELSE leave.id END AS "leaveApplicationId",
           CASE
             WHEN d.status = 'PRESENT' THEN NULL
             WHEN sick.id IS NOT NULL THEN 'SICK'::"ValidAbsenceReason"
             WHEN leave.id IS NOT NULL THEN 'LEAVE'::"ValidAbsenceReason"
             WHEN d."beforeSickReportId" IS NULL AND d."beforeLeaveApplicationId" IS NULL THEN d."beforeValidReason"
           END AS "validReason"
    FROM differing d
    LEFT JOIN LATERAL (
      SELECT r.id FROM "SickReport" r
      WHERE r."studentId" = d."studentId" AND r."withdrawnAt" IS NULL AND r."startsAt" < p_lesson_ends AND r."endsAt" > p_lesson_starts
      ORDER BY r."createdAt" LIMIT 1
    ) sick ON true
    LEFT JOIN LATERAL (
      SELECT la.id FROM "LeaveApplication" la
      WHERE la."studentId" = d."studentId" AND la.status = 'APPROVED' AND la."startsAt" < p_lesson_ends AND la."endsAt" > p_lesson_starts
      ORDER BY la."createdAt" LIMIT 1
    ) leave ON true
  ),
  upserted AS (
    INSERT INTO "Attendance" (id, "lessonId", "studentId", status, "lateMinutes", note, "markedById", "markedAt", "validReason", "sickReportId", "leaveApplicationId")
    SELECT gen_random_uuid(), p_lesson, c."studentId", c.status, c."lateMinutes", c.note, p_staff, p_now,
           c."validReason", c."sickReportId", c."leaveApplicationId"
    FROM changed c
    ON CONFLICT ("lessonId", "studentId") DO UPDATE
      SET status = EXCLUDED.status, "lateMinutes" = EXCLUDED."lateMinutes", note = EXCLUDED.note,
          "markedById" = EXCLUDED."markedById", "markedAt" = EXCLUDED."markedAt", "validReason" = EXCLUDED."validReason",
          "sickReportId" = EXCLUDED."sickReportId", "leaveApplicationId" = EXCLUDED."leaveApplicationId",
          -- A reason staff recorded keeps its note only while it stands.
          "validReasonNote" = CASE WHEN EXCLUDED."validReason" IN ('SCHOOL_ACTIVITY', 'OTHER') THEN "Attendance"."validReasonNote" END,
          "validReasonSetById" = CASE WHEN EXCLUDED."validReason" IN ('SCHOOL_ACTIVITY', 'OTHER') THEN "Attendance"."validReasonSetById" END
    RETURNING 1
  ),
  -- Unexcused absence or lateness: the guardians are told once the grace period has passed, unless it
  -- is corrected or excused by then (modules/notifications/absence-alerts.ts). Once told, never twice.
  alerts AS (
    INSERT INTO "AbsenceAlert" ("lessonId", "studentId", "dueAt")
    SELECT p_lesson, c."studentId", p_alert_due FROM changed c WHERE c.status <> 'PRESENT' AND c."validReason" IS NULL
    ON CONFLICT ("lessonId", "studentId") DO UPDATE SET "dueAt" = EXCLUDED."dueAt", "processedAt" = NULL, outcome = NULL, "messageCount" = NULL
      WHERE "AbsenceAlert".outcome IS DISTINCT FROM 'NOTIFIED'
    RETURNING 1
  ),
  history AS (
    INSERT INTO "AttendanceChange" ("submissionId", "lessonId", "studentId", "changedById", "changedAt",
      "beforeStatus", "beforeLateMinutes", "beforeNote", "afterStatus", "afterLateMinutes", "afterNote", reason, "takenOfflineAt")
    SELECT p_submission, p_lesson, c."studentId", p_staff, p_now,
           c."beforeStatus", c."beforeLateMinutes", c."beforeNote", c.status, c."lateMinutes", c.note, p_reason,
           p_taken_offline
    FROM changed c
    RETURNING 1
  ),
  marked AS (
    UPDATE "Lesson" SET "attendanceTakenAt" = p_now, "attendanceTakenById" = p_staff,
      "attendanceChangedAt" = CASE WHEN EXISTS (SELECT 1 FROM changed WHERE "existingId" IS NOT NULL) THEN p_now ELSE "attendanceChangedAt" END
    WHERE id = p_lesson AND EXISTS (SELECT 1 FROM submission)
    RETURNING 1
  )
  -- Data-modifying CTEs always run to completion, read or not.
  SELECT EXISTS (SELECT 1 FROM submission) AS applied, (SELECT count(*) FROM upserted)::int AS changed,
         (SELECT count(*) FROM alerts)::int AS alerts;
END $$;
