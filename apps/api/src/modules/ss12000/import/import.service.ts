// One import from the organisation's SS 12000 source: read and written in one transaction, which a dry run (or any
// problem) rolls back, so that the database is exactly as before; what it did or would do is reported with a count
// per kind and a reason per record. Every run is kept in the history, with who, when, counts and problems.
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { appError } from '../../../errors.ts';
import { requireAdministration } from '../../administration/administration.access.ts';
import { sourceConnection } from './source.service.ts';
import { SourceProblem, sourceAccessToken } from './source-reader.ts';
import { IMPORTED_KINDS, ImportTally, importPeople, type ImportChange, type ImportedKind, type ImportProblem } from './people-import.ts';

/** A whole municipality's people may take minutes to read; the transaction waits that long for the source. */
const RUN_TIMEOUT_MS = 15 * 60_000;

export interface ImportRunRecord {
  id: string;
  outcome: 'DRY_RUN' | 'APPLIED' | 'REFUSED';
  startedAt: string;
  finishedAt: string;
  startedByName: string;
  counts: { kind: ImportedKind; added: number; changed: number; unchanged: number }[];
  problems: ImportProblem[];
  /** the run's added and changed records (at most 1000); empty in the history */
  changes: ImportChange[];
}

/** Thrown inside the transaction to roll it back: a dry run, or a run with problems. */
class RollBack extends Error {}

export async function runSs12000Import(ctx: RequestContext, apply: boolean): Promise<ImportRunRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const connection = await sourceConnection(ctx, organisationId);
  const startedAt = ctx.now;
  const started = Date.now();
  const tally = new ImportTally();
  try {
    const token = await sourceAccessToken(connection);
    await ctx.prisma.$transaction(
      async (tx) => {
        // One run at a time per organisation: a second would add the same people again beside the first.
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtextextended(${`ss12000-import:${organisationId}`}, 0)) AS locked`;
        if (!lock?.locked) {
          throw appError('BAD_USER_INPUT', 'An import from the SS 12000 source is running already', {
            problems: [{ field: 'run', code: 'ALREADY_RUNNING' }],
          });
        }
        await importPeople({ ...ctx, prisma: tx, organisationId }, connection, token, tally);
        if (!apply || tally.problems.length > 0) throw new RollBack();
      },
      { timeout: RUN_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof SourceProblem)
      tally.problem({
        endpoint: error.endpoint,
        sourceId: null,
        code: error.code,
        ...(error.status ? { field: `HTTP ${error.status}` } : {}),
      });
    else if (!(error instanceof RollBack)) throw error;
  }
  const outcome = tally.problems.length > 0 ? 'REFUSED' : apply ? 'APPLIED' : 'DRY_RUN';
  const counts = IMPORTED_KINDS.map((kind) => ({ kind, ...tally.counts[kind] }));
  const run = await ctx.prisma.ss12000ImportRun.create({
    data: {
      organisationId,
      startedById: staffId,
      startedAt,
      // The request's clock (shifted in tests and demos) plus the time the run took.
      finishedAt: new Date(startedAt.getTime() + (Date.now() - started)),
      outcome,
      counts: counts as unknown as Prisma.InputJsonValue,
      problems: tally.problems as unknown as Prisma.InputJsonValue,
    },
    include: { startedBy: { select: { firstName: true, lastName: true } } },
  });
  return { ...runRecord(run), changes: tally.changes };
}

function runRecord(run: {
  id: string;
  outcome: ImportRunRecord['outcome'];
  startedAt: Date;
  finishedAt: Date;
  counts: Prisma.JsonValue;
  problems: Prisma.JsonValue;
  startedBy: { firstName: string; lastName: string };
}): ImportRunRecord {
  return {
    id: run.id,
    outcome: run.outcome,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    startedByName: `${run.startedBy.firstName} ${run.startedBy.lastName}`,
    counts: run.counts as unknown as ImportRunRecord['counts'],
    problems: run.problems as unknown as ImportProblem[],
    changes: [],
  };
}

/** The organisation's latest runs, newest first. */
export async function ss12000ImportRuns(ctx: RequestContext): Promise<ImportRunRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const runs = await ctx.prisma.ss12000ImportRun.findMany({
    where: { organisationId },
    orderBy: { startedAt: 'desc' },
    take: 20,
    include: { startedBy: { select: { firstName: true, lastName: true } } },
  });
  return runs.map(runRecord);
}
