// One import from the organisation's SS 12000 source. The run is started by a request and goes on after it: it
// reads and writes in one transaction, which a dry run (or any problem) rolls back, so that the database is exactly
// as before; its row in the history is written outside that transaction, at the start and after each page read, so
// the screen can show how far it has come. Every run is kept, with who (nobody for the nightly run), when, counts
// per kind, problems and the records it added, changed or ended.
import type { Prisma, PrismaClient } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { appError, notFound } from '../../../errors.ts';
import { isId } from '../../access/access.service.ts';
import { requireAdministration } from '../../administration/administration.access.ts';
import { importGroupsAndDuties } from './groups-import.ts';
import type { RunProgress, SourceRead, WriteContext } from './import-records.ts';
import { ImportTally, type ImportChange, type ImportedKind, type ImportProblem, type KindCount } from './import-tally.ts';
import { importPeople } from './people-import.ts';
import { sourceConnection } from './source.service.ts';
import { SourceProblem, sourceAccessToken, sourceDeletions, type SourceConnection } from './source-reader.ts';

/** A whole municipality may take minutes to read; the transaction waits that long for the source. */
const RUN_TIMEOUT_MS = 15 * 60_000;

/**
 * A later run asks for what changed since a little before the last applied run began: the source's clock may be
 * behind ours, and a change committed while that run read may carry an earlier time. Reading a change twice is harmless.
 */
const CHANGES_OVERLAP_MS = 10 * 60_000;

/** What a run reads, in order: the progress bar's steps (persons twice: who is who, then the people themselves). */
const STEPS = ['organisations', 'duties', 'persons', 'persons', 'syllabuses', 'activities', 'groups', 'calendarEvents'] as const;

type Outcome = 'RUNNING' | 'DRY_RUN' | 'APPLIED' | 'REFUSED' | 'FAILED';

export interface ImportRunRecord {
  id: string;
  outcome: Outcome;
  startedAt: string;
  finishedAt: string | null;
  /** null for the nightly run */
  startedByName: string | null;
  counts: ({ kind: ImportedKind } & KindCount)[];
  problems: ImportProblem[];
  progress: { step: number; steps: number; endpoint: string } | null;
  /** ISO timestamp: the run read only what the source changed after it; null: it read everything */
  changesSince: string | null;
  changes: ImportChange[];
}

/** Thrown inside the transaction to roll it back: a dry run, or a run with problems. */
class RollBack extends Error {}

/** Runs going on in this process, so that stopping the server waits for them rather than cutting them off. */
const running = new Set<Promise<void>>();
export const importsSettled = () => Promise.allSettled([...running]).then(() => undefined);

/**
 * Keeps the run's row up to date while it reads, outside its transaction: one write at a time, the latest state
 * written next. Never awaited by the run (on the embedded database a write outside the transaction waits for it).
 */
class ProgressWriter implements RunProgress {
  private step = 0;
  private endpoint = '';
  private writing: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly runId: string,
    private readonly tally: ImportTally,
  ) {}

  reading(endpoint: string) {
    this.step = Math.min(this.step + 1, STEPS.length);
    this.endpoint = endpoint;
    this.write();
  }

  pageRead() {
    this.write();
  }

  private write() {
    if (this.writing) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    this.writing = this.prisma.ss12000ImportRun
      .updateMany({
        where: { id: this.runId, outcome: 'RUNNING' },
        data: {
          counts: this.tally.countList() as unknown as Prisma.InputJsonValue,
          progress: { step: this.step, steps: STEPS.length, endpoint: this.endpoint },
        },
      })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.writing = null;
        if (this.dirty) this.write();
      });
  }

  /** Waits for the write under way, so the run's last word is written after it. */
  async settled() {
    while (this.writing) await this.writing;
  }
}

interface RunRequest {
  prisma: PrismaClient;
  organisationId: string;
  /** null for the nightly run */
  staffId: string | null;
  audit: Pick<RequestContext, 'ip' | 'auth'>;
  now: Date;
  today: string;
  apply: boolean;
  /** read only what changed since this (and what was deleted), if the source can say; null: read everything */
  changesSince: Date | null;
  connection: SourceConnection;
}

/**
 * Starts a run and answers once it holds the organisation's import lock (its row says RUNNING); a second run while
 * one is under way is refused with ALREADY_RUNNING. `finished` is the rest of the run, which never rejects.
 */
export async function startImportRun(request: RunRequest): Promise<{ run: ImportRunRecord; finished: Promise<void> }> {
  const { prisma, organisationId } = request;
  const started = Date.now();
  const tally = new ImportTally();
  const row = await prisma.ss12000ImportRun.create({
    data: {
      organisationId,
      startedById: request.staffId,
      startedAt: request.now,
      outcome: 'RUNNING',
      counts: tally.countList() as unknown as Prisma.InputJsonValue,
      problems: [],
      progress: { step: 0, steps: STEPS.length, endpoint: '' },
      changesSince: request.changesSince,
    },
    include: { startedBy: { select: { firstName: true, lastName: true } } },
  });
  const progress = new ProgressWriter(prisma, row.id, tally);
  let changesSince = request.changesSince;
  let locked: (held: boolean) => void = () => undefined;
  const lockTaken = new Promise<boolean>((resolve) => (locked = resolve));

  const work = async (): Promise<Outcome> => {
    try {
      await prisma.$transaction(
        async (tx) => {
          // One run at a time per organisation: a second would add the same people again beside the first.
          const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
            SELECT pg_try_advisory_xact_lock(hashtextextended(${`ss12000-import:${organisationId}`}, 0)) AS locked`;
          locked(lock?.locked === true);
          if (!lock?.locked) throw new RollBack();
          // Holding the lock, no other run of the organisation is alive: a RUNNING row is one a stopped process left.
          // Written outside the transaction and not awaited, like the progress.
          void prisma.ss12000ImportRun
            .updateMany({ where: { organisationId, outcome: 'RUNNING', id: { not: row.id } }, data: { outcome: 'FAILED' } })
            .catch(() => undefined);
          const token = await sourceAccessToken(request.connection);
          // Without deletedEntities a later run could not tell what has gone: it reads everything instead.
          const deleted = changesSince
            ? await sourceDeletions(request.connection, token, new Date(changesSince.getTime() - CHANGES_OVERLAP_MS).toISOString())
            : null;
          if (!deleted) changesSince = null;
          const ctx: WriteContext = { ...request.audit, prisma: tx, organisationId, today: request.today };
          const read: SourceRead = {
            connection: request.connection,
            token,
            tally,
            progress,
            changedAfter: changesSince ? new Date(changesSince.getTime() - CHANGES_OVERLAP_MS).toISOString() : null,
            deleted: deleted ?? new Map(),
          };
          const people = await importPeople(ctx, read);
          // Groups name students and duties name staff: with the people refused, they are not read.
          if (tally.problems.length === 0) await importGroupsAndDuties(ctx, read, people);
          if (!request.apply || tally.problems.length > 0) throw new RollBack();
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
      else if (!(error instanceof RollBack)) {
        locked(true);
        console.error(`SS 12000 import ${row.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return 'FAILED';
      }
    }
    return tally.problems.length > 0 ? 'REFUSED' : request.apply ? 'APPLIED' : 'DRY_RUN';
  };

  const outcome = work();
  const finished = (async () => {
    const result = await outcome;
    await progress.settled();
    if (!(await lockTaken)) {
      await prisma.ss12000ImportRun.delete({ where: { id: row.id } });
      return;
    }
    await prisma.ss12000ImportRun.update({
      where: { id: row.id },
      data: {
        outcome: result,
        // The request's clock (shifted in tests and demos) plus the time the run took.
        finishedAt: new Date(request.now.getTime() + (Date.now() - started)),
        counts: tally.countList() as unknown as Prisma.InputJsonValue,
        problems: tally.problems as unknown as Prisma.InputJsonValue,
        changes: tally.changes as unknown as Prisma.InputJsonValue,
        progress: undefined,
        changesSince,
      },
    });
  })().catch((error: unknown) => console.error(`SS 12000 import ${row.id}: ${String(error)}`));
  running.add(finished);
  void finished.finally(() => running.delete(finished));

  if (!(await lockTaken)) {
    await finished;
    throw appError('BAD_USER_INPUT', 'An import from the SS 12000 source is running already', {
      problems: [{ field: 'run', code: 'ALREADY_RUNNING' }],
    });
  }
  return { run: runRecord(row, true), finished };
}

/** Where a later run starts reading: when the last applied run began. Null before any, or when all is asked for. */
export async function changesSinceLastRun(prisma: PrismaClient, organisationId: string): Promise<Date | null> {
  const last = await prisma.ss12000ImportRun.findFirst({
    where: { organisationId, outcome: 'APPLIED' },
    orderBy: { startedAt: 'desc' },
    select: { startedAt: true },
  });
  return last?.startedAt ?? null;
}

/** The GraphQL mutation: starts a run of the administrator's organisation; the screen follows it by its id. */
export async function runSs12000Import(ctx: RequestContext, apply: boolean, everything: boolean): Promise<ImportRunRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const connection = await sourceConnection(ctx, organisationId);
  const changesSince = everything ? null : await changesSinceLastRun(ctx.prisma, organisationId);
  const { run } = await startImportRun({
    prisma: ctx.prisma,
    organisationId,
    staffId,
    audit: { ip: ctx.ip, auth: ctx.auth },
    now: ctx.now,
    today: ctx.today,
    apply,
    changesSince,
    connection,
  });
  return run;
}

type RunRow = {
  id: string;
  outcome: Outcome;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Prisma.JsonValue;
  problems: Prisma.JsonValue;
  changes: Prisma.JsonValue;
  progress: Prisma.JsonValue;
  changesSince: Date | null;
  startedBy: { firstName: string; lastName: string } | null;
};

function runRecord(run: RunRow, withChanges: boolean): ImportRunRecord {
  return {
    id: run.id,
    outcome: run.outcome,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedByName: run.startedBy ? `${run.startedBy.firstName} ${run.startedBy.lastName}` : null,
    // Runs kept before a kind was added or "ended" was counted read as zero for it.
    counts: (run.counts as unknown as ({ kind: ImportedKind } & Partial<KindCount>)[]).map((count) => ({
      added: 0,
      changed: 0,
      ended: 0,
      unchanged: 0,
      ...count,
    })),
    problems: run.problems as unknown as ImportProblem[],
    progress: run.outcome === 'RUNNING' ? (run.progress as unknown as ImportRunRecord['progress']) : null,
    changesSince: run.changesSince?.toISOString() ?? null,
    changes: withChanges ? (run.changes as unknown as ImportChange[]) : [],
  };
}

const runInclude = { startedBy: { select: { firstName: true, lastName: true } } } as const;

/** The organisation's latest runs, newest first, without their changes. */
export async function ss12000ImportRuns(ctx: RequestContext): Promise<ImportRunRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const runs = await ctx.prisma.ss12000ImportRun.findMany({
    where: { organisationId },
    orderBy: { startedAt: 'desc' },
    take: 20,
    include: runInclude,
  });
  return runs.map((run) => runRecord(run, false));
}

/** One run with its changes: the screen asks for it while the run goes on, and for its report after. */
export async function ss12000ImportRun(ctx: RequestContext, id: string): Promise<ImportRunRecord> {
  const { organisationId } = await requireAdministration(ctx);
  const run = isId(id) ? await ctx.prisma.ss12000ImportRun.findUnique({ where: { id }, include: runInclude }) : null;
  if (!run || run.organisationId !== organisationId) throw notFound('import run');
  return runRecord(run, true);
}
