// The days that have passed are summed into AbsenceDay and AbsenceClassDay once, after midnight, instead of with
// every roll call of the day (migration absence_days_settled_nightly). Every API process looks at its start and
// once a minute; the settlement's table lock makes one of them settle a day and the others find it settled.
import { schoolDateOf } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import type { AppConfig } from '../../config.ts';

const LOOK_EVERY_MS = 60_000;

/** Settles every day before `today` not yet settled, a day per transaction; returns the first day left unsettled. */
export async function settleDays(prisma: PrismaClient, today: string): Promise<string> {
  for (;;) {
    const [row] = await prisma.$queryRaw<{ settledBefore: string }[]>`SELECT absence_day_settle(${today}::date)::text AS "settledBefore"`;
    if (!row) throw new Error('absence_day_settle returned no row');
    if (row.settledBefore >= today) return row.settledBefore;
  }
}

export function startDaySettlement(options: { prisma: PrismaClient; config: AppConfig; log: (message: string) => void }): {
  stop: () => Promise<void>;
} {
  let settledBefore = '';
  let current: Promise<void> | null = null;
  const look = () => {
    const today = schoolDateOf(options.config.clock());
    if (current || settledBefore >= today) return;
    current = settleDays(options.prisma, today)
      .then((settled) => void (settledBefore = settled))
      .catch((error: unknown) => options.log(`Settling the absence figures' days: ${String(error)}`))
      .finally(() => (current = null));
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
