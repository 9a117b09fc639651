// The nightly import: between 02:00 and 06:00 school time, each organisation that switched it on gets one applied
// run a night, started by nobody (switched on in the day, the first is the next night's). Every API process looks once a minute; the run's lock and the night's row keep it to one run
// however many processes look.
import { isoWeekdayOf, schoolDateOf, schoolMinuteInstant } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import type { AppConfig } from '../../../config.ts';
import { lookEveryMinute, type MinuteLook } from '../../../look-every-minute.ts';
import { changesSinceLastRun, startImportRun } from './import.service.ts';
import { sourceConnection, type SourceConfig } from './source.service.ts';

/** 02:00, after the school administration system's own nightly work; not after 06:00, well before the school day. */
const NIGHTLY_MINUTE = 2 * 60;
const NIGHTLY_LAST_MINUTE = 6 * 60;

/** Starts (and waits for) tonight's run of every organisation whose run is due at `now` and not yet started. */
export async function runNightlyImports(
  prisma: PrismaClient,
  config: SourceConfig,
  now: Date,
  log: (message: string) => void,
): Promise<void> {
  const today = schoolDateOf(now);
  const from = schoolMinuteInstant(today, NIGHTLY_MINUTE);
  if (now < from || now >= schoolMinuteInstant(today, NIGHTLY_LAST_MINUTE)) return;
  const sources = await prisma.ss12000Source.findMany({ where: { nightlyRun: true }, select: { organisationId: true } });
  for (const { organisationId } of sources) {
    const tonight = await prisma.ss12000ImportRun.findFirst({
      where: { organisationId, startedById: null, startedAt: { gte: from } },
      select: { id: true },
    });
    if (tonight) continue;
    try {
      const connection = await sourceConnection({ prisma, config }, organisationId);
      const { finished } = await startImportRun({
        prisma,
        organisationId,
        staffId: null,
        audit: { ip: undefined, auth: null },
        now,
        today,
        apply: true,
        // What changed since the last run, every night but Sunday's, which reads everything and so ends what a
        // source forgot to list as deleted.
        changesSince: isoWeekdayOf(today) === 7 ? null : await changesSinceLastRun(prisma, organisationId),
        connection,
      });
      await finished;
    } catch (error) {
      // A run under way (another process's, or started by hand) or a secret this JWT_SECRET cannot read: the
      // history shows the first; the second is logged, and the screen says so when the administrator looks.
      log(`Nightly SS 12000 import of organisation ${organisationId} not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function startNightlyImports(options: { prisma: PrismaClient; config: AppConfig; log: (message: string) => void }): MinuteLook {
  return lookEveryMinute({
    name: 'Nightly SS 12000 imports',
    look: () => runNightlyImports(options.prisma, options.config, options.config.clock(), options.log),
    log: options.log,
  });
}
