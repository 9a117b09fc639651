-- Skolverket's course codes are national: every organisation that teaches Matematik 1c has its own MATMAT01c.
-- A code is unique within the organisation of the course's subject (issue 13), so one organisation's refusal
-- to enter a code no longer tells it that another organisation has that course. The course carries its
-- subject's organisation, held by a composite foreign key.

-- DropForeignKey
ALTER TABLE "Course" DROP CONSTRAINT "Course_subjectId_fkey";

-- DropIndex
DROP INDEX "Course_code_key";

-- Courses take their subject's organisation.
ALTER TABLE "Course" ADD COLUMN "organisationId" UUID;
UPDATE "Course" c SET "organisationId" = s."organisationId" FROM "Subject" s WHERE s."id" = c."subjectId";
ALTER TABLE "Course" ALTER COLUMN "organisationId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Course_organisationId_code_key" ON "Course"("organisationId", "code");
CREATE UNIQUE INDEX "Subject_id_organisationId_key" ON "Subject"("id", "organisationId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_subjectId_organisationId_fkey" FOREIGN KEY ("subjectId", "organisationId") REFERENCES "Subject"("id", "organisationId") ON DELETE RESTRICT ON UPDATE CASCADE;
