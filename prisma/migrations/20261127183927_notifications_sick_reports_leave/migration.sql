-- CreateEnum
CREATE TYPE "ReportChannel" AS ENUM ('WEB', 'PHONE');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LeaveDecider" AS ENUM ('MENTOR', 'PRINCIPAL');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('SMS', 'EMAIL');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('ABSENCE', 'SICK_REPORT', 'SICK_REPORT_WITHDRAWN', 'LEAVE_DECISION');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "leaveApplicationId" UUID,
ADD COLUMN     "sickReportId" UUID;

-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "messageLocale" TEXT NOT NULL DEFAULT 'sv',
ADD COLUMN     "notifyByEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyBySms" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preferencesChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "preferencesChangedById" UUID;

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "sickReportDaysBack" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SickReport" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "fromTime" TEXT,
    "toTime" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "ReportChannel" NOT NULL,
    "reportedByGuardianId" UUID,
    "reportedByStudentId" UUID,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnByUserId" UUID,

    CONSTRAINT "SickReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveApplication" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "schoolDays" INTEGER NOT NULL,
    "decider" "LeaveDecider" NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "LeaveStatus" NOT NULL DEFAULT 'PENDING',
    "appliedByGuardianId" UUID,
    "appliedByStudentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedByStaffId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "LeaveApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "guardianId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "provider" TEXT,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceAlert" (
    "lessonId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "processedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "messageCount" INTEGER,

    CONSTRAINT "AbsenceAlert_pkey" PRIMARY KEY ("lessonId","studentId")
);

-- CreateIndex
CREATE INDEX "SickReport_studentId_startsAt_idx" ON "SickReport"("studentId", "startsAt");

-- CreateIndex
CREATE INDEX "LeaveApplication_studentId_fromDate_idx" ON "LeaveApplication"("studentId", "fromDate");

-- CreateIndex
CREATE INDEX "LeaveApplication_status_idx" ON "LeaveApplication"("status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_idempotencyKey_key" ON "OutboundMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_nextAttemptAt_idx" ON "OutboundMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_studentId_createdAt_idx" ON "OutboundMessage"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_guardianId_createdAt_idx" ON "OutboundMessage"("guardianId", "createdAt");

-- CreateIndex
CREATE INDEX "AbsenceAlert_processedAt_dueAt_idx" ON "AbsenceAlert"("processedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Guardian_mobilePhone_idx" ON "Guardian"("mobilePhone");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_sickReportId_fkey" FOREIGN KEY ("sickReportId") REFERENCES "SickReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_leaveApplicationId_fkey" FOREIGN KEY ("leaveApplicationId") REFERENCES "LeaveApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SickReport" ADD CONSTRAINT "SickReport_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveApplication" ADD CONSTRAINT "LeaveApplication_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
