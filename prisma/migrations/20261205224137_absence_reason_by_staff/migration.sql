-- A mentor or administrator records a reason that makes an absence valid (issue 16): a school activity, or another
-- reason with a note; who recorded it is kept beside it.
ALTER TABLE "Attendance" ADD COLUMN "validReasonNote" TEXT,
ADD COLUMN "validReasonSetById" UUID;
