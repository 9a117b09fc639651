// The nightly retention: between 03:00 and 06:00 school time (after the nightly SS 12000 import), each organisation
// that switched automatic deletion on gets one run a night, started by nobody. Every API process looks once a minute;
// the policy row's lease and the night's run row (unique per organisation and night) keep it to one run however many
// processes look.
import { schoolDateOf, schoolMinuteInstant } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import type { AppConfig } from '../../config.ts';
import { lookEveryMinute, type MinuteLook } from '../../look-every-minute.ts';
import { dateValue } from '../access/validity.ts';
import { startRetentionRun } from './retention.run.ts';

const NIGHTLY_MINUTE = 3 * 60;
const NIGHTLY_LAST_MINUTE = 6 * 60;

/** Runs (and waits for) tonight's retention of every organisation whose run is due at `now` and not yet made. */
export async function runNightlyRetention(prisma: PrismaClient, now: Date, log: (message: string) => void): Promise<void> {
  const today = schoolDateOf(now);
  if (now < schoolMinuteInstant(today, NIGHTLY_MINUTE) || now >= schoolMinuteInstant(today, NIGHTLY_LAST_MINUTE)) return;
  const started = Date.now();
  const policies = await prisma.retentionPolicy.findMany({ where: { nightlyDeletion: true }, select: { organisationId: true } });
  for (const { organisationId } of policies) {
    const tonight = await prisma.retentionRun.findUnique({
      where: { organisationId_night: { organisationId, night: dateValue(today) } },
      select: { id: true },
    });
    if (tonight) continue;
    try {
      const run = await startRetentionRun({
        prisma,
        organisationId,
        staffId: null,
        night: today,
        clock: () => new Date(now.getTime() + (Date.now() - started)),
        audit: { ip: undefined, auth: null },
      });
      // Null: another process has tonight's run, or a run started by hand is under way (tonight's comes at the next look).
      await run?.finished;
    } catch (error) {
      log(`Nightly retention of organisation ${organisationId} not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function startNightlyRetention(options: { prisma: PrismaClient; config: AppConfig; log: (message: string) => void }): MinuteLook {
  return lookEveryMinute({
    name: 'Nightly retention',
    look: () => runNightlyRetention(options.prisma, options.config.clock(), options.log),
    log: options.log,
  });
}
