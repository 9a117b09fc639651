-- AlterTable
ALTER TABLE "RollCallSubmission" ADD COLUMN     "takenAt" TIMESTAMPTZ(3);
