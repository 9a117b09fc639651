-- Retention of students who have left (and of the guardians of none but them): school years after the one in which
-- the student's last class or group ended. Null keeps them, the default for every policy, so that nobody is deleted
-- by this update: the administrator sets a period after reading the dry run.
ALTER TABLE "RetentionPolicy" ADD COLUMN "formerStudentYears" INTEGER;
