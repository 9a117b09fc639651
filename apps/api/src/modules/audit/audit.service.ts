import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import type { AdministeredEntity, ChangeKind } from '../administration/administration.changes.ts';

export type AuditAction =
  | 'auth.login'
  | 'auth.loginFailed'
  | 'auth.logout'
  | 'auth.refreshReuse'
  | 'auth.passwordChanged'
  | 'account.activated'
  | 'account.passwordResetRequested'
  | 'account.passwordReset'
  | 'account.credentialsIssued'
  | 'account.locked'
  | 'account.unlocked'
  | 'student.read'
  | 'student.readSchedule'
  | 'group.readRoster'
  | 'absenceStatistics.read'
  | 'absenceLessons.read'
  | 'contact.changed'
  | 'consent.given'
  | 'consent.withdrawn'
  | 'sickReport.created'
  | 'attendance.reasonSet'
  | 'sickReport.withdrawn'
  | 'sickReport.phoneRefused'
  | 'leave.applied'
  | 'leave.withdrawn'
  | 'leave.decided'
  | 'gradeWarning.issued'
  | 'gradeWarning.contactRecorded'
  | 'gradeWarning.closed'
  | 'gradeWarning.read'
  | 'developmentPlan.read'
  | 'developmentPlan.entrySaved'
  | 'developmentPlan.summarySaved'
  | 'developmentPlan.published'
  | 'studyPlan.read'
  | 'studyPlan.changed'
  | 'assessment.read'
  | 'assessment.taskSaved'
  | 'assessment.resultsSaved'
  | 'assessment.subjectAssessmentSaved'
  | 'assessment.published'
  | 'news.posted'
  | 'news.recipientsRead'
  | 'supportDecision.recorded'
  | 'supportDecision.read'
  | 'supportDecision.documentRead'
  | 'supportDecision.acknowledged'
  | 'message.retried'
  | 'apiClient.created'
  | 'apiClient.revoked'
  | 'ss12000Source.saved'
  | 'ss12000Source.checked'
  /** the audit log itself: each page read and each export, with its filter */
  | 'auditLog.read'
  | 'auditLog.exported'
  /** a register extract (GDPR art. 15) of a person, as JSON or PDF */
  | 'registerExtract.exported'
  /** retention (gallring): the policy or its nightly deletion changed, and each run with its counts */
  | 'retention.policyChanged'
  | 'retention.run'
  /** administration: `admin.<entity>.<change>`, see administration/administration.changes.ts */
  | `admin.${AdministeredEntity}.${ChangeKind}`;

/**
 * Rule 7: who read or changed which student's sensitive data, and when. Written in the request,
 * before the answer leaves, so a read that is answered is also logged.
 */
export async function audit(
  // A transaction client too, so a change and its audit row are saved together.
  ctx: Pick<RequestContext, 'ip'> & { prisma: Prisma.TransactionClient; auth: RequestContext['auth'] },
  action: AuditAction,
  entry: AuditEntry = {},
): Promise<void> {
  const row = auditRow(ctx, action, entry);
  // A plain statement: every read of a student's records writes a row, and Prisma's `create` took 2.5× the CPU for
  // it (its query compiler builds the insert and reads back the row, which nobody uses).
  await ctx.prisma.$executeRaw`
    INSERT INTO "AuditEvent" ("action", "userId", "studentId", "entityType", "entityId", "ip", "details")
    VALUES (${row.action}, ${row.userId}::uuid, ${row.studentId}::uuid, ${row.entityType}, ${row.entityId}, ${row.ip},
            ${row.details === undefined ? null : JSON.stringify(row.details)}::jsonb)`;
}

/** Audit rows written by one statement at most: a statement's rows and their JSON are built in memory at once. */
const AUDIT_ROWS_A_STATEMENT = 1000;

/** Many audit rows in few statements, for a change of many records at once (an imported list). */
export async function auditMany(
  ctx: Pick<RequestContext, 'ip'> & { prisma: Prisma.TransactionClient; auth: RequestContext['auth'] },
  entries: readonly (AuditEntry & { action: AuditAction })[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_A_STATEMENT) {
    const rows = entries.slice(start, start + AUDIT_ROWS_A_STATEMENT).map(({ action, ...entry }) => auditRow(ctx, action, entry));
    await ctx.prisma.auditEvent.createMany({ data: rows });
  }
}

interface AuditEntry {
  studentId?: string;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  userId?: string;
}

function auditRow(ctx: Pick<RequestContext, 'ip' | 'auth'>, action: AuditAction, entry: AuditEntry) {
  return {
    action,
    userId: entry.userId ?? ctx.auth?.userId ?? null,
    studentId: entry.studentId ?? null,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: ctx.ip ?? null,
    ...(entry.details === undefined ? {} : { details: entry.details }),
  };
}
