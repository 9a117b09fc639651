-- A student's figures for a school year are some 950 AbsenceDay rows spread over as many heap pages (rows are
-- written day by day for the whole school): read cold, that is a page per row. This index holds every column the
-- statistics read, in (student, date) order, so the read is an index-only scan of a few pages. Prisma's schema cannot
-- express INCLUDE; the index is not in schema.prisma, which the migrations test allows for this one (see there).
CREATE INDEX "AbsenceDay_student_figures_idx" ON "AbsenceDay" ("studentId", "date")
  INCLUDE ("subjectId", "schoolId", "classId", "lessons", "scheduledMinutes", "recordedMinutes", "absentMinutes",
           "validAbsentMinutes", "unexcusedAbsentMinutes", "lateCount", "lateMinutes", "notTakenLessons", "notTakenMinutes");
