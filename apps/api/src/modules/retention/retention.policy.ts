// An organisation's retention policy as stored (one column per kind) and as the domain rules read it.
import {
  DEFAULT_RETENTION_POLICY,
  RETENTION_KINDS,
  retentionCutoffs,
  schoolInstant,
  unownedAuditCutoff,
  type RetentionKind,
  type RetentionPolicy,
  type SchoolYearDates,
} from '@insyn/domain';
import type { Prisma, PrismaClient } from '@insyn/db';
import { isoDate } from '../access/viewer.ts';
import type { Cutoff } from './retention.sql.ts';

type PolicyRow = Prisma.RetentionPolicyGetPayload<Record<string, never>>;
type PeriodColumn = {
  [Column in keyof PolicyRow]: PolicyRow[Column] extends number | null ? Column : never;
}[keyof PolicyRow];

/** The column of each kind's period. */
export const PERIOD_COLUMNS: Record<RetentionKind, PeriodColumn> = {
  ATTENDANCE: 'attendanceYears',
  SICK_REPORTS: 'sickReportYears',
  LEAVE_APPLICATIONS: 'leaveApplicationYears',
  NEWS: 'newsYears',
  ASSESSMENTS: 'assessmentYears',
  GRADE_WARNINGS: 'gradeWarningYears',
  DEVELOPMENT_PLANS: 'developmentPlanYears',
  SUPPORT_DECISIONS: 'supportDecisionYears',
  MESSAGES: 'messageMonths',
  AUDIT_EVENTS: 'auditEventMonths',
  API_CALLS: 'apiCallMonths',
  IMPORTS: 'importMonths',
  SESSIONS: 'sessionMonths',
  FORMER_STUDENTS: 'formerStudentYears',
};

/** The policy a row holds, or the defaults without one. */
export function policyOf(row: Pick<PolicyRow, PeriodColumn> | null): RetentionPolicy {
  if (!row) return { ...DEFAULT_RETENTION_POLICY };
  return Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, row[PERIOD_COLUMNS[kind]]])) as RetentionPolicy;
}

/** The columns of a policy; the session period is never "keep" (checkRetentionPeriods refuses it). */
export function policyColumns(policy: RetentionPolicy): Omit<Prisma.RetentionPolicyUncheckedCreateInput, 'organisationId'> {
  const columns = Object.fromEntries(RETENTION_KINDS.map((kind) => [PERIOD_COLUMNS[kind], policy[kind]]));
  return { ...columns, sessionMonths: policy.SESSIONS ?? (DEFAULT_RETENTION_POLICY.SESSIONS as number) };
}

/** The organisation's policy row, written with the defaults when it has none yet (the audit purge reads it). */
export async function ensurePolicyRow(prisma: PrismaClient, organisationId: string): Promise<PolicyRow> {
  return prisma.retentionPolicy.upsert({
    where: { organisationId },
    create: { organisationId, ...policyColumns(DEFAULT_RETENTION_POLICY) },
    update: {},
  });
}

/** The organisation's school years as its calendar has them. */
export async function calendarOf(prisma: Pick<PrismaClient, 'schoolYear'>, organisationId: string): Promise<SchoolYearDates[]> {
  const years = await prisma.schoolYear.findMany({ where: { organisationId }, select: { startDate: true, endDate: true } });
  return years.map((year) => ({ startDate: isoDate(year.startDate), endDate: isoDate(year.endDate) }));
}

/** Each kind's cutoff on `today`: its records dated before it are due (null: kept). */
export async function cutoffsOn(
  prisma: Pick<PrismaClient, 'schoolYear'>,
  organisationId: string,
  policy: RetentionPolicy,
  today: string,
): Promise<Record<RetentionKind, string | null>> {
  return retentionCutoffs(policy, today, await calendarOf(prisma, organisationId));
}

/** The cutoff on `today` for audit events of no organisation, by every organisation's policy (unownedAuditCutoff). */
export async function unownedAuditCutoffOn(
  prisma: Pick<PrismaClient, 'organisation' | 'retentionPolicy'>,
  today: string,
): Promise<string | null> {
  const [organisations, rows] = await Promise.all([
    prisma.organisation.findMany({ select: { id: true } }),
    prisma.retentionPolicy.findMany(),
  ]);
  const rowOf = new Map(rows.map((row) => [row.organisationId, row]));
  return unownedAuditCutoff(
    organisations.map((organisation) => policyOf(rowOf.get(organisation.id) ?? null)),
    today,
  );
}

/** A kind's cutoff date as its statements take it, with every kind's (`cutoffs`, null: kept). */
export function statementCutoff(
  organisationId: string,
  date: string,
  cutoffs: Record<RetentionKind, string | null>,
  unownedAudit: string | null,
  now: Date,
): Cutoff {
  const kinds = Object.fromEntries(
    RETENTION_KINDS.map((kind) => {
      const cutoff = cutoffs[kind];
      return [kind, cutoff ? { date: cutoff, at: schoolInstant(cutoff) } : null];
    }),
  ) as Cutoff['kinds'];
  return { organisationId, date, at: schoolInstant(date), now, unownedAuditAt: unownedAudit ? schoolInstant(unownedAudit) : null, kinds };
}
