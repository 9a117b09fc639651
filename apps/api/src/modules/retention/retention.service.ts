// Retention for the organisation's administrators (requireAdministration): the policy, the dry run, the nightly switch,
// a run by hand and the runs so far. Rules in packages/domain/src/retention.ts; the run itself in retention.run.ts.
import {
  checkRetentionPeriods,
  RETENTION_KINDS,
  RETENTION_RULES,
  schoolYearName,
  type RetentionKind,
  type RetentionPeriodInput,
  type RetentionPolicy,
  type RetentionUnit,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { requireAdministration } from '../administration/administration.access.ts';
import { refuse } from '../administration/administration.problems.ts';
import { audit } from '../audit/audit.service.ts';
import { cutoffsOn, policyColumns, policyOf, statementCutoff, unownedAuditCutoffOn } from './retention.policy.ts';
import { dueBySchoolYear, dueRecords } from './retention.queries.ts';
import { RETENTION_TRANSACTION } from './retention.sql.ts';
import { startRetentionRun, type RetentionCount } from './retention.run.ts';

/** Runs the history shows. */
const RUNS_SHOWN = 20;

export interface RetentionPeriodRecord {
  kind: RetentionKind;
  unit: RetentionUnit;
  keep: number | null;
  defaultKeep: number | null;
  min: number;
  max: number;
  mayKeep: boolean;
}

export interface RetentionPolicyRecord {
  periods: RetentionPeriodRecord[];
  nightlyDeletion: boolean;
  changedAt: string | null;
  changedByName: string | null;
}

export interface RetentionRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  startedByName: string | null;
  nightly: boolean;
  outcome: 'RUNNING' | 'COMPLETED' | 'FAILED';
  deleted: number;
  counts: RetentionCount[];
}

const personName = (person: { firstName: string; lastName: string } | null) => (person ? `${person.firstName} ${person.lastName}` : null);

const policySelect = {
  attendanceYears: true,
  sickReportYears: true,
  leaveApplicationYears: true,
  newsYears: true,
  assessmentYears: true,
  gradeWarningYears: true,
  developmentPlanYears: true,
  supportDecisionYears: true,
  messageMonths: true,
  auditEventMonths: true,
  apiCallMonths: true,
  importMonths: true,
  sessionMonths: true,
  formerStudentYears: true,
  nightlyDeletion: true,
  changedAt: true,
  changedBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.RetentionPolicySelect;
type PolicyRow = Prisma.RetentionPolicyGetPayload<{ select: typeof policySelect }>;

function policyRecord(row: PolicyRow | null): RetentionPolicyRecord {
  const policy = policyOf(row);
  return {
    periods: RETENTION_KINDS.map((kind) => ({ kind, keep: policy[kind], ...RETENTION_RULES[kind] })),
    nightlyDeletion: row?.nightlyDeletion ?? false,
    changedAt: row?.changedAt?.toISOString() ?? null,
    changedByName: personName(row?.changedBy ?? null),
  };
}

async function loadPolicy(ctx: RequestContext, organisationId: string): Promise<PolicyRow | null> {
  return ctx.prisma.retentionPolicy.findUnique({ where: { organisationId }, select: policySelect });
}

export async function retentionPolicy(ctx: RequestContext): Promise<RetentionPolicyRecord> {
  const { organisationId } = await requireAdministration(ctx);
  return policyRecord(await loadPolicy(ctx, organisationId));
}

/** What the audit row keeps of a policy: its periods and whether it deletes every night. */
const snapshot = (policy: RetentionPolicy, nightlyDeletion: boolean): Prisma.InputJsonObject => ({ ...policy, nightlyDeletion });

export async function updateRetentionPolicy(
  ctx: RequestContext,
  input: { periods: readonly RetentionPeriodInput[] },
): Promise<RetentionPolicyRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const before = await loadPolicy(ctx, organisationId);
  const current = policyOf(before);
  const checked = checkRetentionPeriods(input.periods, current);
  if (!checked.ok) throw refuse(checked.problems);
  const nightlyDeletion = before?.nightlyDeletion ?? false;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const data = { ...policyColumns(checked.value), changedAt: ctx.now, changedById: staffId };
    const saved = await tx.retentionPolicy.upsert({
      where: { organisationId },
      create: { organisationId, ...data },
      update: data,
      select: policySelect,
    });
    await audit({ ...ctx, prisma: tx }, 'retention.policyChanged', {
      entityType: 'organisation',
      entityId: organisationId,
      details: { before: snapshot(current, nightlyDeletion), after: snapshot(checked.value, nightlyDeletion) },
    });
    return saved;
  });
  return policyRecord(row);
}

export async function setRetentionNightly(ctx: RequestContext, on: boolean): Promise<RetentionPolicyRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const row = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.retentionPolicy.findUnique({ where: { organisationId }, select: policySelect });
    const policy = policyOf(before);
    const data = { nightlyDeletion: on, changedAt: ctx.now, changedById: staffId };
    const saved = await tx.retentionPolicy.upsert({
      where: { organisationId },
      create: { organisationId, ...policyColumns(policy), ...data },
      update: data,
      select: policySelect,
    });
    await audit({ ...ctx, prisma: tx }, 'retention.policyChanged', {
      entityType: 'organisation',
      entityId: organisationId,
      details: { before: snapshot(policy, before?.nightlyDeletion ?? false), after: snapshot(policy, on) },
    });
    return saved;
  });
  return policyRecord(row);
}

export interface RetentionDueKindRecord {
  kind: RetentionKind;
  unit: RetentionUnit;
  keep: number | null;
  cutoff: string | null;
  total: number;
  years: { schoolYear: string; count: number; oldest: string; newest: string }[];
}

/** What a run would delete now, per kind and school year. Reads only (the counts are no one's personal data). */
export async function retentionDryRun(ctx: RequestContext): Promise<{ today: string; total: number; kinds: RetentionDueKindRecord[] }> {
  const { organisationId } = await requireAdministration(ctx);
  const row = await loadPolicy(ctx, organisationId);
  const policy = policyOf(row);
  const cutoffs = await cutoffsOn(ctx.prisma, organisationId, policy, ctx.today);
  const unownedAudit = await unownedAuditCutoffOn(ctx.prisma, ctx.today);
  const kinds = await ctx.prisma.$transaction(async (tx) => {
    // Without the JIT compiler: the people's statement is estimated dear (a dozen subqueries per person), and
    // PostgreSQL spent 0.7 s compiling what then ran in 35 ms for 10 000 students (bench/README.md, retention).
    await tx.$executeRaw`SET LOCAL jit = off`;
    const counted: RetentionDueKindRecord[] = [];
    for (const kind of RETENTION_KINDS) {
      const cutoff = cutoffs[kind];
      const base = { kind, unit: RETENTION_RULES[kind].unit, keep: policy[kind], cutoff };
      if (!cutoff) {
        counted.push({ ...base, total: 0, years: [] });
        continue;
      }
      const records = dueRecords(kind, statementCutoff(organisationId, cutoff, cutoffs, unownedAudit, ctx.now));
      const rows = await tx.$queryRaw<{ startYear: number; count: number; oldest: string; newest: string }[]>(dueBySchoolYear(records));
      const years = rows.map(({ startYear, ...due }) => ({ schoolYear: schoolYearName(startYear), ...due }));
      counted.push({ ...base, total: years.reduce((sum, year) => sum + year.count, 0), years });
    }
    return counted;
  }, RETENTION_TRANSACTION);
  return { today: ctx.today, total: kinds.reduce((sum, kind) => sum + kind.total, 0), kinds };
}

const runSelect = {
  id: true,
  startedAt: true,
  finishedAt: true,
  night: true,
  outcome: true,
  counts: true,
  startedBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.RetentionRunSelect;

function runRecord(row: Prisma.RetentionRunGetPayload<{ select: typeof runSelect }>): RetentionRunRecord {
  const counts = row.counts as unknown as RetentionCount[];
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    startedByName: personName(row.startedBy),
    nightly: row.night !== null,
    outcome: row.outcome,
    deleted: counts.reduce((sum, count) => sum + count.deleted, 0),
    counts,
  };
}

export async function retentionRuns(ctx: RequestContext): Promise<RetentionRunRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const rows = await ctx.prisma.retentionRun.findMany({
    where: { organisationId },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: RUNS_SHOWN,
    select: runSelect,
  });
  return rows.map(runRecord);
}

/** Starts a run of the administrator's organisation after they confirmed it; the page follows it in the history. */
export async function runRetention(ctx: RequestContext, confirm: boolean): Promise<RetentionRunRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  // Deleting cannot be undone: the page asks first, and says so here.
  if (!confirm) throw refuse([{ field: 'confirm', code: 'REQUIRED' }]);
  const started = Date.now();
  const run = await startRetentionRun({
    prisma: ctx.prisma,
    organisationId,
    staffId,
    night: null,
    // The request's clock (shifted in tests and demos) plus the time the run has taken.
    clock: () => new Date(ctx.now.getTime() + (Date.now() - started)),
    audit: { ip: ctx.ip, auth: ctx.auth },
  });
  if (!run) throw refuse([{ field: 'run', code: 'ALREADY_RUNNING' }]);
  const row = await ctx.prisma.retentionRun.findUniqueOrThrow({ where: { id: run.runId }, select: runSelect });
  return runRecord(row);
}
