import type { RetentionKind } from '@insyn/domain';

/** The kinds as a school thinks of them: the school day, the follow-up of each student, the messages and logs, the people. */
export const RETENTION_GROUPS: readonly { key: 'schoolDay' | 'followUp' | 'logs' | 'people'; kinds: readonly RetentionKind[] }[] = [
  { key: 'schoolDay', kinds: ['ATTENDANCE', 'SICK_REPORTS', 'LEAVE_APPLICATIONS', 'NEWS'] },
  { key: 'followUp', kinds: ['ASSESSMENTS', 'GRADE_WARNINGS', 'DEVELOPMENT_PLANS', 'SUPPORT_DECISIONS'] },
  { key: 'logs', kinds: ['MESSAGES', 'AUDIT_EVENTS', 'API_CALLS', 'IMPORTS', 'SESSIONS'] },
  { key: 'people', kinds: ['FORMER_STUDENTS'] },
];

/** A run's counts per table, summed per kind in the policy's order. */
export function deletedPerKind(counts: readonly { kind: RetentionKind; deleted: number }[]): { kind: RetentionKind; deleted: number }[] {
  const sums = new Map<RetentionKind, number>();
  for (const count of counts) sums.set(count.kind, (sums.get(count.kind) ?? 0) + count.deleted);
  return [...sums].map(([kind, deleted]) => ({ kind, deleted }));
}
