// The AbsenceDay triggers (migration absence_days) recompute a (student, day) for every statement that
// touches it: right for a roll call, wasteful for a bulk load of a term. The seed switches them off
// while it loads and rebuilds the table once afterwards, with every day before the seed's today settled
// (migration absence_days_settled_nightly): the school's days so far are in the tables, today is summed live.
import type { Sql } from './sql.ts';

const TRIGGERS: Record<string, string[]> = {
  Attendance: ['absence_day_attendance_insert', 'absence_day_attendance_update', 'absence_day_attendance_delete'],
  Lesson: ['absence_day_lesson_insert', 'absence_day_lesson_update', 'absence_day_lesson_delete'],
  GroupMembership: ['absence_day_membership_insert', 'absence_day_membership_update', 'absence_day_membership_delete'],
};

async function setTriggers(sql: Sql, enabled: boolean): Promise<void> {
  for (const [table, triggers] of Object.entries(TRIGGERS)) {
    for (const trigger of triggers) {
      await sql.$executeRawUnsafe(`ALTER TABLE "${table}" ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
    }
  }
}

export async function withAbsenceDaysDeferred<T>(sql: Sql, today: string, load: () => Promise<T>): Promise<T> {
  await setTriggers(sql, false);
  try {
    const result = await load();
    await sql.$executeRawUnsafe('UPDATE "AbsenceDaySettlement" SET "settledBefore" = $1::date', today);
    await sql.$executeRawUnsafe('SELECT absence_day_rebuild()');
    return result;
  } finally {
    await setTriggers(sql, true);
  }
}
