-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('ORGANISATIONS', 'PERSONS', 'GROUPS', 'DUTIES', 'ACTIVITIES', 'CALENDAR_EVENTS', 'ATTENDANCES', 'ABSENCES', 'AGGREGATED_ATTENDANCE');

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "LeaveApplication" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "SickReport" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "StaffDuty" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "protectedIdentity" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiClientCall" (
    "id" BIGSERIAL NOT NULL,
    "apiClientId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "records" INTEGER,
    "ip" TEXT,

    CONSTRAINT "ApiClientCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_clientId_key" ON "ApiClient"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_organisationId_name_key" ON "ApiClient"("organisationId", "name");

-- CreateIndex
CREATE INDEX "ApiClientCall_apiClientId_at_idx" ON "ApiClientCall"("apiClientId", "at");

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClientCall" ADD CONSTRAINT "ApiClientCall_apiClientId_fkey" FOREIGN KEY ("apiClientId") REFERENCES "ApiClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- SS 12000 meta.modified. A trigger rather than the client: the bulk paths (lesson generation, list imports,
-- the absence-day refresh) write with SQL of their own, and an UPDATE that changes nothing must not move it.
CREATE FUNCTION ss12000_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN
    NEW."modifiedAt" := now();
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "School" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Student" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Guardian" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Staff" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "StaffDuty" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Group" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Lesson" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Attendance" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "SickReport" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "LeaveApplication" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();

-- What is exported inside another record moves that record's meta.modified: a group's memberships (and its
-- activities' teachers, from its lesson series) and a student's guardians (the person's responsibles). Once per
-- statement, so that a bulk change touches each group or student once.
CREATE FUNCTION ss12000_touch_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Group" SET "modifiedAt" = now() WHERE id IN (SELECT "groupId" FROM changed_new);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "Group" SET "modifiedAt" = now() WHERE id IN (SELECT "groupId" FROM changed_old);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ss12000_group_members_added AFTER INSERT ON "GroupMembership" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_groups();
CREATE TRIGGER ss12000_group_members_changed AFTER UPDATE ON "GroupMembership" REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_groups();
CREATE TRIGGER ss12000_group_members_removed AFTER DELETE ON "GroupMembership" REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_groups();
CREATE TRIGGER ss12000_group_series_added AFTER INSERT ON "LessonSeries" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_groups();
CREATE TRIGGER ss12000_group_series_changed AFTER UPDATE ON "LessonSeries" REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_groups();

CREATE FUNCTION ss12000_touch_series_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Group" SET "modifiedAt" = now() WHERE id IN (SELECT s."groupId" FROM "LessonSeries" s JOIN changed_new c ON c."seriesId" = s.id);
  ELSE
    UPDATE "Group" SET "modifiedAt" = now() WHERE id IN (SELECT s."groupId" FROM "LessonSeries" s JOIN changed_old c ON c."seriesId" = s.id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ss12000_series_teachers_added AFTER INSERT ON "LessonSeriesTeacher" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_series_groups();
CREATE TRIGGER ss12000_series_teachers_removed AFTER DELETE ON "LessonSeriesTeacher" REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_series_groups();

CREATE FUNCTION ss12000_touch_students() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Student" SET "modifiedAt" = now() WHERE id IN (SELECT "studentId" FROM changed_new);
  ELSE
    UPDATE "Student" SET "modifiedAt" = now() WHERE id IN (SELECT "studentId" FROM changed_old);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ss12000_guardians_added AFTER INSERT ON "Guardianship" REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_students();
CREATE TRIGGER ss12000_guardians_removed AFTER DELETE ON "Guardianship" REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION ss12000_touch_students();

-- An export client pages by id with a meta.modified filter; attendance is the one table large enough to need help.
CREATE INDEX "Attendance_modifiedAt_idx" ON "Attendance"("modifiedAt");
