-- AlterTable
ALTER TABLE "School" ADD COLUMN     "absenceAlarmPercent" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "absenceWarningPercent" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "csnThresholdMinutes" INTEGER NOT NULL DEFAULT 240;
