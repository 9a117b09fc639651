// The days that have passed are summed into AbsenceDay and AbsenceClassDay once, after midnight, instead of with
// every roll call of the day (migration absence_days_settled_nightly). Every API process looks at its start and
// once a minute; the settlement's table lock makes one of them settle a day and the others find it settled.
import { schoolDateOf } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import type { AppConfig } from '../../config.ts';
import { lookEveryMinute, type MinuteLook } from '../../look-every-minute.ts';

/** Settles every day before `today` not yet settled, a day per transaction; returns the first day left unsettled. */
export async function settleDays(prisma: PrismaClient, today: string): Promise<string> {
  for (;;) {
    const [row] = await prisma.$queryRaw<{ settledBefore: string }[]>`SELECT absence_day_settle(${today}::date)::text AS "settledBefore"`;
    if (!row) throw new Error('absence_day_settle returned no row');
    if (row.settledBefore >= today) return row.settledBefore;
  }
}

export function startDaySettlement(options: { prisma: PrismaClient; config: AppConfig; log: (message: string) => void }): MinuteLook {
  let settledBefore = '';
  return lookEveryMinute({
    name: "Settling the absence figures' days",
    look: async () => {
      const today = schoolDateOf(options.config.clock());
      if (settledBefore < today) settledBefore = await settleDays(options.prisma, today);
    },
    log: options.log,
    atStart: true,
  });
}
