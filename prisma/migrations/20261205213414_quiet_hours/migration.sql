-- Quiet hours for messages (issue 16): each school sets them in whole local hours, 20–07 unless changed;
-- a guardian may let e-mail come during them.
ALTER TABLE "Guardian" ADD COLUMN "emailDuringQuietHours" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "School" ADD COLUMN "quietHoursFrom" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN "quietHoursUntil" INTEGER NOT NULL DEFAULT 7,
ADD CONSTRAINT "School_quietHours_check" CHECK ("quietHoursFrom" BETWEEN 0 AND 23 AND "quietHoursUntil" BETWEEN 0 AND 23);
