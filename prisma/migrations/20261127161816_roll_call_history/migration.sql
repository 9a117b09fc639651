-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "attendanceChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RollCallSubmission" (
    "id" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "submittedById" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "entryCount" INTEGER NOT NULL,

    CONSTRAINT "RollCallSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceChange" (
    "id" BIGSERIAL NOT NULL,
    "submissionId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "beforeStatus" "AttendanceStatus",
    "beforeLateMinutes" INTEGER,
    "beforeNote" TEXT,
    "afterStatus" "AttendanceStatus" NOT NULL,
    "afterLateMinutes" INTEGER,
    "afterNote" TEXT,
    "reason" TEXT,

    CONSTRAINT "AttendanceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RollCallSubmission_lessonId_idx" ON "RollCallSubmission"("lessonId");

-- CreateIndex
CREATE INDEX "AttendanceChange_lessonId_studentId_idx" ON "AttendanceChange"("lessonId", "studentId");

-- CreateIndex
CREATE INDEX "AttendanceChange_studentId_idx" ON "AttendanceChange"("studentId");

-- AddForeignKey
ALTER TABLE "RollCallSubmission" ADD CONSTRAINT "RollCallSubmission_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceChange" ADD CONSTRAINT "AttendanceChange_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "RollCallSubmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceChange" ADD CONSTRAINT "AttendanceChange_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
