// A retention run: deletes what the organisation's policy lets go, a batch at a time, each batch its own short
// transaction, so that a big school's tables are never held for long and a stopped run leaves whole batches behind
// (the next run takes up the rest). One run at a time per organisation, however many API processes: the policy row's
// lease, taken by a conditional update and extended after each batch. What a run deleted is counted per kind and table
// in its row and in one audit row, never what the records held.
import { schoolDateOf, type RetentionKind, type RetentionPolicy } from '@insyn/domain';
import { Prisma, type PrismaClient } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { dateValue } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { cutoffsOn, ensurePolicyRow, policyOf, statementCutoff, unownedAuditCutoffOn } from './retention.policy.ts';
import { DELETION_STEPS } from './retention.queries.ts';

/**
 * Rows one batch deletes: at most this many (student, day) pairs for the absence-figure triggers to recompute, which
 * then lock per pair rather than lock their tables (absence_day_refresh takes the tables above 500).
 */
export const RETENTION_BATCH_SIZE = 500;
/** How long a run holds the organisation without a batch before another may start. */
const LEASE_MS = 15 * 60_000;

export interface RetentionCount {
  kind: RetentionKind;
  table: string;
  deleted: number;
}

export interface RetentionRunRequest {
  prisma: PrismaClient;
  organisationId: string;
  /** the administrator who started it; null for the nightly run */
  staffId: string | null;
  /** the school date of a nightly run's night (one a night); null for a run started by hand */
  night: string | null;
  /** the run's clock (the request's, shifted in tests and demos, plus the time the run has taken) */
  clock: () => Date;
  audit: Pick<RequestContext, 'ip' | 'auth'>;
  batchSize?: number;
}

/** Runs under way in this process: the server waits for them before it closes the database. */
const running = new Set<Promise<void>>();

export async function retentionRunsSettled(): Promise<void> {
  await Promise.all([...running]);
}

/**
 * Starts a run once it holds the organisation's lease and answers its row (RUNNING); `finished` is the rest of the run,
 * which never rejects. Null when another run holds the organisation, or a nightly run finds tonight's already made.
 */
export async function startRetentionRun(request: RetentionRunRequest): Promise<{ runId: string; finished: Promise<void> } | null> {
  const { prisma, organisationId, clock } = request;
  const startedAt = clock();
  const policy = policyOf(await ensurePolicyRow(prisma, organisationId));
  const claimed = await prisma.retentionPolicy.updateMany({
    where: { organisationId, OR: [{ runLeaseUntil: null }, { runLeaseUntil: { lt: startedAt } }] },
    data: { runLeaseUntil: new Date(startedAt.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return null;
  const release = () => prisma.retentionPolicy.update({ where: { organisationId }, data: { runLeaseUntil: null } });

  let runId: string;
  try {
    // Holding the lease, no other run of the organisation is alive: a RUNNING row is one a stopped process left.
    await prisma.retentionRun.updateMany({ where: { organisationId, outcome: 'RUNNING' }, data: { outcome: 'FAILED' } });
    const row = await prisma.retentionRun.create({
      data: {
        organisationId,
        startedById: request.staffId,
        night: request.night ? dateValue(request.night) : null,
        startedAt,
        outcome: 'RUNNING',
        policy: policy as Prisma.InputJsonObject,
      },
      select: { id: true },
    });
    runId = row.id;
  } catch (error) {
    await release();
    // Tonight's run made by another process between its look and this one's: the unique night says so.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }

  const finished = deleteDue(request, runId, policy)
    .catch((error: unknown) =>
      console.error(`Retention run ${runId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    )
    .finally(() => release().catch(() => undefined));
  running.add(finished);
  void finished.finally(() => running.delete(finished));
  return { runId, finished };
}

/** The batches of every kind with a cutoff, then the run's outcome and its audit row. */
async function deleteDue(request: RetentionRunRequest, runId: string, policy: RetentionPolicy): Promise<void> {
  const { prisma, organisationId, clock } = request;
  const limit = request.batchSize ?? RETENTION_BATCH_SIZE;
  const today = schoolDateOf(clock());
  const cutoffs = await cutoffsOn(prisma, organisationId, policy, today);
  const unownedAudit = await unownedAuditCutoffOn(prisma, today);
  const counts: RetentionCount[] = [];
  let outcome: 'COMPLETED' | 'FAILED' = 'COMPLETED';
  try {
    const attendanceCutoff = cutoffs.ATTENDANCE;
    if (attendanceCutoff) {
      // First, and committed before any attendance goes: from here the triggers compute no figures before the cutoff.
      await prisma.$executeRaw`
        UPDATE "RetentionPolicy" SET "attendanceDeletedBefore" = greatest("attendanceDeletedBefore", ${attendanceCutoff}::date)
        WHERE "organisationId" = ${organisationId}::uuid`;
    }
    for (const step of DELETION_STEPS) {
      const date = cutoffs[step.kind];
      if (!date) continue;
      const cutoff = statementCutoff(organisationId, date, cutoffs, unownedAudit, clock());
      const count: RetentionCount = { kind: step.kind, table: step.table, deleted: 0 };
      counts.push(count);
      for (;;) {
        // One statement, its own transaction, of at most `limit` rows (and the triggers' work for them).
        const deleted = await step.run(prisma, cutoff, limit);
        count.deleted += deleted;
        await prisma.$transaction([
          prisma.retentionRun.update({ where: { id: runId }, data: { counts: counts as unknown as Prisma.InputJsonArray } }),
          prisma.retentionPolicy.update({ where: { organisationId }, data: { runLeaseUntil: new Date(clock().getTime() + LEASE_MS) } }),
        ]);
        if (deleted < limit) break;
      }
    }
  } catch (error) {
    outcome = 'FAILED';
    console.error(`Retention run ${runId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  await prisma.$transaction(async (tx) => {
    await tx.retentionRun.update({
      where: { id: runId },
      data: { outcome, finishedAt: clock(), counts: counts as unknown as Prisma.InputJsonArray },
    });
    await audit({ ...request.audit, prisma: tx }, 'retention.run', {
      entityType: 'organisation',
      entityId: organisationId,
      details: {
        runId,
        outcome,
        nightly: request.night !== null,
        policy: policy as Prisma.InputJsonObject,
        cutoffs: cutoffs as Prisma.InputJsonObject,
        unownedAuditCutoff: unownedAudit,
        counts: counts as unknown as Prisma.InputJsonArray,
      },
    });
  });
}
