-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('PHONE', 'MEETING', 'DIGITAL_MEETING', 'EMAIL', 'LETTER');

-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'GRADE_WARNING';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "gradeWarningContactDays" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "GradeWarning" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "missing" TEXT NOT NULL,
    "issuedByStaffId" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedByStaffId" UUID,
    "closeNote" TEXT,

    CONSTRAINT "GradeWarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeWarningContact" (
    "id" UUID NOT NULL,
    "warningId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "contactedAt" TIMESTAMPTZ(3) NOT NULL,
    "method" "ContactMethod" NOT NULL,
    "withWhom" TEXT NOT NULL,
    "agreed" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GradeWarningContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GradeWarning_studentId_issuedAt_idx" ON "GradeWarning"("studentId", "issuedAt");

-- CreateIndex
CREATE INDEX "GradeWarning_groupId_issuedAt_idx" ON "GradeWarning"("groupId", "issuedAt");

-- CreateIndex
CREATE INDEX "GradeWarning_closedAt_idx" ON "GradeWarning"("closedAt");

-- CreateIndex
CREATE INDEX "GradeWarningContact_warningId_contactedAt_idx" ON "GradeWarningContact"("warningId", "contactedAt");

-- AddForeignKey
ALTER TABLE "GradeWarning" ADD CONSTRAINT "GradeWarning_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarning" ADD CONSTRAINT "GradeWarning_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarning" ADD CONSTRAINT "GradeWarning_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarning" ADD CONSTRAINT "GradeWarning_issuedByStaffId_fkey" FOREIGN KEY ("issuedByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarning" ADD CONSTRAINT "GradeWarning_closedByStaffId_fkey" FOREIGN KEY ("closedByStaffId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarningContact" ADD CONSTRAINT "GradeWarningContact_warningId_fkey" FOREIGN KEY ("warningId") REFERENCES "GradeWarning"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeWarningContact" ADD CONSTRAINT "GradeWarningContact_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
