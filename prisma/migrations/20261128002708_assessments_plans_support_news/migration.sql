-- CreateEnum
CREATE TYPE "SupportDecisionKind" AS ENUM ('SPECIAL_SUPPORT', 'ACTION_PROGRAMME', 'ADAPTED_STUDY_PATH');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessageKind" ADD VALUE 'ASSESSMENT_PUBLISHED';
ALTER TYPE "MessageKind" ADD VALUE 'DEVELOPMENT_PLAN_PUBLISHED';
ALTER TYPE "MessageKind" ADD VALUE 'SUPPORT_DECISION';
ALTER TYPE "MessageKind" ADD VALUE 'NEWS';

-- CreateTable
CREATE TABLE "AssessmentTask" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "date" DATE NOT NULL,
    "createdByStaffId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentResult" (
    "taskId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "grade" TEXT,
    "comment" TEXT,
    "updatedByStaffId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentResult_pkey" PRIMARY KEY ("taskId","studentId")
);

-- CreateTable
CREATE TABLE "SubjectAssessment" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "grade" TEXT NOT NULL,
    "comment" TEXT,
    "authoredByStaffId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SubjectAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlan" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "summary" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedByStaffId" UUID,

    CONSTRAINT "DevelopmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlanEntry" (
    "planId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "standing" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "authoredByStaffId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DevelopmentPlanEntry_pkey" PRIMARY KEY ("planId","subjectId")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "totalPoints" INTEGER NOT NULL DEFAULT 2500,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyPlanCourse" (
    "studentId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "planYear" INTEGER NOT NULL,

    CONSTRAINT "StudyPlanCourse_pkey" PRIMARY KEY ("studentId","courseId")
);

-- CreateTable
CREATE TABLE "SupportDecision" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "kind" "SupportDecisionKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "decidedByStaffId" UUID NOT NULL,
    "documentName" TEXT NOT NULL,
    "documentSize" INTEGER NOT NULL,
    "document" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportDecisionAcknowledgement" (
    "decisionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportDecisionAcknowledgement_pkey" PRIMARY KEY ("decisionId","userId")
);

-- CreateTable
CREATE TABLE "NewsPost" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "groupId" UUID,
    "toGuardians" BOOLEAN NOT NULL,
    "toStudents" BOOLEAN NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorStaffId" UUID NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NewsPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsRead" (
    "postId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NewsRead_pkey" PRIMARY KEY ("postId","userId")
);

-- CreateIndex
CREATE INDEX "AssessmentTask_groupId_date_idx" ON "AssessmentTask"("groupId", "date");

-- CreateIndex
CREATE INDEX "AssessmentResult_studentId_idx" ON "AssessmentResult"("studentId");

-- CreateIndex
CREATE INDEX "SubjectAssessment_groupId_termId_idx" ON "SubjectAssessment"("groupId", "termId");

-- CreateIndex
CREATE INDEX "SubjectAssessment_termId_publishedAt_idx" ON "SubjectAssessment"("termId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectAssessment_studentId_groupId_termId_key" ON "SubjectAssessment"("studentId", "groupId", "termId");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentPlan_studentId_termId_key" ON "DevelopmentPlan"("studentId", "termId");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_organisationId_code_key" ON "Programme"("organisationId", "code");

-- CreateIndex
CREATE INDEX "SupportDecision_studentId_decidedOn_idx" ON "SupportDecision"("studentId", "decidedOn");

-- CreateIndex
CREATE INDEX "NewsPost_schoolId_publishedAt_idx" ON "NewsPost"("schoolId", "publishedAt");

-- CreateIndex
CREATE INDEX "NewsPost_groupId_publishedAt_idx" ON "NewsPost"("groupId", "publishedAt");

-- CreateIndex
CREATE INDEX "NewsRead_userId_idx" ON "NewsRead"("userId");

-- AddForeignKey
ALTER TABLE "AssessmentTask" ADD CONSTRAINT "AssessmentTask_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentTask" ADD CONSTRAINT "AssessmentTask_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentTask" ADD CONSTRAINT "AssessmentTask_createdByStaffId_fkey" FOREIGN KEY ("createdByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentResult" ADD CONSTRAINT "AssessmentResult_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "AssessmentTask"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentResult" ADD CONSTRAINT "AssessmentResult_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectAssessment" ADD CONSTRAINT "SubjectAssessment_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectAssessment" ADD CONSTRAINT "SubjectAssessment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectAssessment" ADD CONSTRAINT "SubjectAssessment_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectAssessment" ADD CONSTRAINT "SubjectAssessment_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectAssessment" ADD CONSTRAINT "SubjectAssessment_authoredByStaffId_fkey" FOREIGN KEY ("authoredByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlan" ADD CONSTRAINT "DevelopmentPlan_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlan" ADD CONSTRAINT "DevelopmentPlan_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlan" ADD CONSTRAINT "DevelopmentPlan_publishedByStaffId_fkey" FOREIGN KEY ("publishedByStaffId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanEntry" ADD CONSTRAINT "DevelopmentPlanEntry_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DevelopmentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanEntry" ADD CONSTRAINT "DevelopmentPlanEntry_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanEntry" ADD CONSTRAINT "DevelopmentPlanEntry_authoredByStaffId_fkey" FOREIGN KEY ("authoredByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPlanCourse" ADD CONSTRAINT "StudyPlanCourse_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPlanCourse" ADD CONSTRAINT "StudyPlanCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportDecision" ADD CONSTRAINT "SupportDecision_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportDecision" ADD CONSTRAINT "SupportDecision_decidedByStaffId_fkey" FOREIGN KEY ("decidedByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportDecisionAcknowledgement" ADD CONSTRAINT "SupportDecisionAcknowledgement_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "SupportDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportDecisionAcknowledgement" ADD CONSTRAINT "SupportDecisionAcknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "UserAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsPost" ADD CONSTRAINT "NewsPost_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsPost" ADD CONSTRAINT "NewsPost_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsPost" ADD CONSTRAINT "NewsPost_authorStaffId_fkey" FOREIGN KEY ("authorStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsRead" ADD CONSTRAINT "NewsRead_postId_fkey" FOREIGN KEY ("postId") REFERENCES "NewsPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsRead" ADD CONSTRAINT "NewsRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "UserAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
