-- Administration (issue 13): protected identity, guardians' postal address, dated lesson series,
-- and the rules the database itself keeps: dated rows end after they start, and a student's
-- memberships of one group never overlap (an overlap would count that group's lessons twice).

-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "city" TEXT,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "protectedIdentity" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "streetAddress" TEXT;

-- A protected guardian's address is never stored.
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_protected_identity_no_address"
  CHECK (NOT "protectedIdentity" OR ("streetAddress" IS NULL AND "postalCode" IS NULL AND "city" IS NULL));

-- AlterTable: existing series run their whole term.
ALTER TABLE "LessonSeries" ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;
UPDATE "LessonSeries" s SET "validFrom" = t."startDate", "validTo" = t."endDate" FROM "Term" t WHERE t."id" = s."termId";
ALTER TABLE "LessonSeries" ALTER COLUMN "validFrom" SET NOT NULL, ALTER COLUMN "validTo" SET NOT NULL;
ALTER TABLE "LessonSeries" ADD CONSTRAINT "LessonSeries_valid_dates" CHECK ("validTo" >= "validFrom");
ALTER TABLE "LessonSeries" ADD CONSTRAINT "LessonSeries_weekday" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "LessonSeries" ADD CONSTRAINT "LessonSeries_time" CHECK ("startMinute" >= 0 AND "durationMinutes" > 0 AND "startMinute" + "durationMinutes" <= 1440);

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "protectedIdentity" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "StaffDuty" ADD CONSTRAINT "StaffDuty_valid_dates" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_valid_dates" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

-- One student, one group, no two memberships in force on the same day. An exclusion constraint would
-- need btree_gist, which the embedded database does not load; this trigger takes a transaction lock
-- per student so that two concurrent inserts cannot both pass the check.
CREATE FUNCTION group_membership_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('GroupMembership:' || NEW."studentId"::text, 0));
  IF EXISTS (
    SELECT 1 FROM "GroupMembership" m
    WHERE m."studentId" = NEW."studentId" AND m."groupId" = NEW."groupId" AND m."id" <> NEW."id"
      AND daterange(m."validFrom", m."validTo", '[]') && daterange(NEW."validFrom", NEW."validTo", '[]')
  ) THEN
    RAISE EXCEPTION 'GroupMembership overlaps another membership of student % in group %', NEW."studentId", NEW."groupId"
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'GroupMembership_no_overlap';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "GroupMembership_no_overlap"
  BEFORE INSERT OR UPDATE OF "studentId", "groupId", "validFrom", "validTo" ON "GroupMembership"
  FOR EACH ROW EXECUTE FUNCTION group_membership_no_overlap();
