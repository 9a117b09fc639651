-- Retention of other systems' calls (ApiClientCall): months after the call, a year unless the administrator sets
-- another period (packages/domain/src/retention.ts). Existing policies get the default, as a new one would.
ALTER TABLE "RetentionPolicy" ADD COLUMN "apiCallMonths" INTEGER;
UPDATE "RetentionPolicy" SET "apiCallMonths" = 12;
