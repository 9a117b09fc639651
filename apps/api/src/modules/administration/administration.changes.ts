// Every administrative change is audited with who, when, and the record before and after.
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { audit, auditMany } from '../audit/audit.service.ts';

export type AdministeredEntity =
  | 'organisation'
  | 'school'
  | 'schoolYear'
  | 'term'
  | 'schoolBreak'
  | 'student'
  | 'guardian'
  | 'guardianship'
  | 'staff'
  | 'staffDuty'
  | 'group'
  | 'groupMembership'
  | 'subject'
  | 'course'
  | 'lessonSeries'
  | 'lesson'
  | 'account';

export type ChangeKind = 'created' | 'updated' | 'ended' | 'deleted' | 'generated';

/** JSON of a record as stored: dates as ISO strings, no password hashes (callers pass only the fields they change). */
export type RecordSnapshot = Prisma.InputJsonObject;

/** One change of one record: `before` is null for a creation, `after` null for a deletion. */
export interface RecordedChange {
  entity: AdministeredEntity;
  kind: ChangeKind;
  entityId: string;
  studentId?: string;
  before: RecordSnapshot | null;
  after: RecordSnapshot | null;
}

const auditEntry = (change: RecordedChange) => ({
  entityType: change.entity,
  entityId: change.entityId,
  ...(change.studentId ? { studentId: change.studentId } : {}),
  details: { before: change.before, after: change.after },
});

/**
 * Writes the audit row of one change in the same transaction as the change, so that neither is saved
 * without the other.
 */
export async function recordChange(
  ctx: Pick<RequestContext, 'ip' | 'auth'> & { prisma: Prisma.TransactionClient },
  change: RecordedChange,
): Promise<void> {
  await audit(ctx, `admin.${change.entity}.${change.kind}`, auditEntry(change));
}

/** The audit rows of many changes in one statement, in the same transaction as the changes. */
export async function recordChanges(
  ctx: Pick<RequestContext, 'ip' | 'auth'> & { prisma: Prisma.TransactionClient },
  changes: readonly RecordedChange[],
): Promise<void> {
  await auditMany(
    ctx,
    changes.map((change) => ({ action: `admin.${change.entity}.${change.kind}` as const, ...auditEntry(change) })),
  );
}
