-- Each organisation keeps its own register of students and guardians (issue 13). A personnummer is unique
-- within an organisation, not across the database: a refusal to enter a person must not tell one
-- organisation that another has them. Students carry their school's organisation, guardians their own, and a
-- guardianship joins a student and a guardian of one organisation; composite foreign keys hold all three.

-- DropForeignKey
ALTER TABLE "Student" DROP CONSTRAINT "Student_schoolId_fkey";
ALTER TABLE "Guardianship" DROP CONSTRAINT "Guardianship_guardianId_fkey";
ALTER TABLE "Guardianship" DROP CONSTRAINT "Guardianship_studentId_fkey";

-- DropIndex
DROP INDEX "Student_personalIdentityNumber_key";
DROP INDEX "Guardian_personalIdentityNumber_key";

-- Students take their school's organisation.
ALTER TABLE "Student" ADD COLUMN "organisationId" UUID;
UPDATE "Student" s SET "organisationId" = sc."organisationId" FROM "School" sc WHERE sc."id" = s."schoolId";
ALTER TABLE "Student" ALTER COLUMN "organisationId" SET NOT NULL;

-- Guardians take their children's organisation. One whose children are at two organisations would have to
-- become two people; that cannot be decided here, so the migration stops and says so.
DO $$
DECLARE
  spanning INT;
BEGIN
  SELECT count(*) INTO spanning FROM (
    SELECT g."guardianId" FROM "Guardianship" g JOIN "Student" s ON s."id" = g."studentId"
    GROUP BY g."guardianId" HAVING count(DISTINCT s."organisationId") > 1
  ) AS multi;
  IF spanning > 0 THEN
    RAISE EXCEPTION '% guardian(s) have children at more than one organisation; give each organisation its own guardian record first', spanning;
  END IF;
END $$;
ALTER TABLE "Guardian" ADD COLUMN "organisationId" UUID;
UPDATE "Guardian" gu SET "organisationId" = s."organisationId"
  FROM "Guardianship" g JOIN "Student" s ON s."id" = g."studentId"
  WHERE g."guardianId" = gu."id";
-- A guardian with no child left belongs to the only organisation, where there is one.
UPDATE "Guardian" SET "organisationId" = (SELECT "id" FROM "Organisation")
  WHERE "organisationId" IS NULL AND (SELECT count(*) FROM "Organisation") = 1;
ALTER TABLE "Guardian" ALTER COLUMN "organisationId" SET NOT NULL;

ALTER TABLE "Guardianship" ADD COLUMN "organisationId" UUID;
UPDATE "Guardianship" g SET "organisationId" = s."organisationId" FROM "Student" s WHERE s."id" = g."studentId";
ALTER TABLE "Guardianship" ALTER COLUMN "organisationId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "School_id_organisationId_key" ON "School"("id", "organisationId");
CREATE UNIQUE INDEX "Student_organisationId_personalIdentityNumber_key" ON "Student"("organisationId", "personalIdentityNumber");
CREATE UNIQUE INDEX "Student_id_organisationId_key" ON "Student"("id", "organisationId");
CREATE UNIQUE INDEX "Guardian_organisationId_personalIdentityNumber_key" ON "Guardian"("organisationId", "personalIdentityNumber");
CREATE UNIQUE INDEX "Guardian_id_organisationId_key" ON "Guardian"("id", "organisationId");

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_schoolId_organisationId_fkey" FOREIGN KEY ("schoolId", "organisationId") REFERENCES "School"("id", "organisationId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_studentId_organisationId_fkey" FOREIGN KEY ("studentId", "organisationId") REFERENCES "Student"("id", "organisationId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_guardianId_organisationId_fkey" FOREIGN KEY ("guardianId", "organisationId") REFERENCES "Guardian"("id", "organisationId") ON DELETE RESTRICT ON UPDATE CASCADE;
