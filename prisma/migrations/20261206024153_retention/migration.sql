-- CreateEnum
CREATE TYPE "RetentionRunOutcome" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "organisationId" UUID NOT NULL,
    "attendanceYears" INTEGER,
    "sickReportYears" INTEGER,
    "leaveApplicationYears" INTEGER,
    "newsYears" INTEGER,
    "assessmentYears" INTEGER,
    "gradeWarningYears" INTEGER,
    "developmentPlanYears" INTEGER,
    "supportDecisionYears" INTEGER,
    "messageMonths" INTEGER,
    "auditEventMonths" INTEGER,
    "sessionMonths" INTEGER NOT NULL,
    "nightlyDeletion" BOOLEAN NOT NULL DEFAULT false,
    "attendanceDeletedBefore" DATE,
    "runLeaseUntil" TIMESTAMPTZ(3),
    "changedAt" TIMESTAMPTZ(3),
    "changedById" UUID,

    CONSTRAINT "RetentionPolicy_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "startedById" UUID,
    "night" DATE,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "outcome" "RetentionRunOutcome" NOT NULL,
    "policy" JSONB NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionRun_organisationId_startedAt_idx" ON "RetentionRun"("organisationId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRun_organisationId_night_key" ON "RetentionRun"("organisationId", "night");

-- AddForeignKey
ALTER TABLE "RetentionPolicy" ADD CONSTRAINT "RetentionPolicy_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionPolicy" ADD CONSTRAINT "RetentionPolicy_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRun" ADD CONSTRAINT "RetentionRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRun" ADD CONSTRAINT "RetentionRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ───────────────────────── The audit log's one way out: retention ─────────────────────────
-- The log stays append-only for the app's normal work (migration audit_append_only): an UPDATE is always refused, and
-- a DELETE only inside audit_event_purge below, which marks its own transaction for the length of its one statement.
-- The mark is the transaction's id, so a session-wide SET opens nothing.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('insyn.audit_purge', true) = pg_current_xact_id()::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'The audit log is append-only: % of "AuditEvent" refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Deletes at most p_limit of the organisation's audit events from before p_before, oldest first, and says how many.
-- Whose an event is follows the audit-log viewer: the organisation of the student it is about, else of the account
-- that acted, else (a nightly retention run) the organisation it names. It never deletes an event younger than the
-- organisation's policy keeps them (RetentionPolicy.auditEventMonths, by the database's clock), nor younger than 12
-- months whatever the policy says, and nothing of an organisation whose policy keeps them. SECURITY DEFINER: on a
-- PostgreSQL server the API's role may hold only SELECT and INSERT on "AuditEvent" and EXECUTE on this function
-- (README, "Retention"), so that this is the only delete it can make.
CREATE FUNCTION audit_event_purge(p_organisation UUID, p_before TIMESTAMPTZ, p_limit INTEGER) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  kept_months INTEGER;
  before_at TIMESTAMPTZ;
  deleted INTEGER;
BEGIN
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 10000 THEN
    RAISE EXCEPTION 'audit_event_purge deletes 1 to 10000 events at a time, not %', p_limit USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT "auditEventMonths" INTO kept_months FROM "RetentionPolicy" WHERE "organisationId" = p_organisation;
  IF kept_months IS NULL THEN
    RAISE EXCEPTION 'The audit events of organisation % are kept: its policy sets no period for them', p_organisation
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  before_at := least(p_before, now() - make_interval(months => greatest(kept_months, 12)));
  PERFORM set_config('insyn.audit_purge', pg_current_xact_id()::text, true);
  DELETE FROM "AuditEvent" WHERE id IN (
    SELECT e.id FROM "AuditEvent" e
    LEFT JOIN "Student" s ON s.id = e."studentId"
    LEFT JOIN "UserAccount" u ON u.id = e."userId"
    LEFT JOIN "Student" actor_student ON actor_student.id = u."studentId"
    LEFT JOIN "Guardian" actor_guardian ON actor_guardian.id = u."guardianId"
    LEFT JOIN "Staff" actor_staff ON actor_staff.id = u."staffId"
    WHERE e."at" < before_at
      AND (CASE WHEN e."studentId" IS NOT NULL THEN s."organisationId"
           ELSE COALESCE(actor_student."organisationId", actor_guardian."organisationId", actor_staff."organisationId",
             CASE WHEN e."entityType" = 'organisation' AND e."entityId" ~* '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'
                  THEN e."entityId"::uuid END) END) = p_organisation
    ORDER BY e."at", e.id
    LIMIT p_limit
  );
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('insyn.audit_purge', '', true);
  RETURN deleted;
END;
$$;

-- Only the roles given it may call it (the tables' owner, and on a server the API's role when granted).
REVOKE ALL ON FUNCTION audit_event_purge(UUID, TIMESTAMPTZ, INTEGER) FROM PUBLIC;

-- ───────────────────────── Absence figures after retention ─────────────────────────
-- Once retention has deleted an organisation's attendance before RetentionPolicy.attendanceDeletedBefore, the
-- triggers compute no AbsenceDay for its schools' days before that date: deleting the attendance takes the day's
-- figures away (the refresh below deletes them and adds none back), and no later change to an old lesson or membership
-- brings them back as lessons without a roll call. Days from that date on are computed as before.
CREATE OR REPLACE FUNCTION absence_day_refresh(p_students UUID[], p_dates DATE[]) RETURNS void LANGUAGE plpgsql AS $$
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
