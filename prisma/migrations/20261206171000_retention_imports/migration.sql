-- Retention of the imports' history (ListImport, Ss12000ImportRun, whose changes name the records a run changed):
-- months after the import, a year unless the administrator sets another period. Existing policies get the default.
ALTER TABLE "RetentionPolicy" ADD COLUMN "importMonths" INTEGER;
UPDATE "RetentionPolicy" SET "importMonths" = 12;
