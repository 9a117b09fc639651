-- A guardian calls the school and the mentor (or an administrator) registers the sick report in the home's stead
-- (issue 16): channel STAFF, with who took it; the confirmation goes to the guardians as for the home's own report.
ALTER TYPE "ReportChannel" ADD VALUE 'STAFF';

ALTER TABLE "SickReport" ADD COLUMN "reportedByStaffId" UUID;
