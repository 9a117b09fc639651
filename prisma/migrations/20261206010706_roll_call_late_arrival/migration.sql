-- Roll calls on the right day (issue 17): a roll call taken offline on the lesson's day that reaches the server after
-- it is marked in its history with when the device took it (changedAt is its arrival). Null for every earlier change.
-- AlterTable
ALTER TABLE "AttendanceChange" ADD COLUMN     "takenOfflineAt" TIMESTAMPTZ(3);
