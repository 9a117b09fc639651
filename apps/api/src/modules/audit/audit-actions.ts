// The actions the audit-log viewer offers to filter by: every action the services write (audit.service.ts), and for
// the administration's changes one family per kind of record (`admin.student` matches `admin.student.created`,
// `admin.student.updated`, …). A new action or record fails the type check below until it is listed here.
import type { AdministeredEntity, ChangeKind } from '../administration/administration.changes.ts';
import type { AuditAction } from './audit.service.ts';

const PLAIN_ACTIONS = [
  'auth.login',
  'auth.loginFailed',
  'auth.logout',
  'auth.refreshReuse',
  'auth.passwordChanged',
  'account.activated',
  'account.passwordResetRequested',
  'account.passwordReset',
  'account.credentialsIssued',
  'account.locked',
  'account.unlocked',
  'student.read',
  'student.readSchedule',
  'group.readRoster',
  'absenceStatistics.read',
  'absenceLessons.read',
  'contact.changed',
  'consent.given',
  'consent.withdrawn',
  'sickReport.created',
  'sickReport.withdrawn',
  'sickReport.phoneRefused',
  'attendance.reasonSet',
  'leave.applied',
  'leave.withdrawn',
  'leave.decided',
  'gradeWarning.issued',
  'gradeWarning.contactRecorded',
  'gradeWarning.closed',
  'gradeWarning.read',
  'developmentPlan.read',
  'developmentPlan.entrySaved',
  'developmentPlan.summarySaved',
  'developmentPlan.published',
  'studyPlan.read',
  'studyPlan.changed',
  'assessment.read',
  'assessment.taskSaved',
  'assessment.resultsSaved',
  'assessment.subjectAssessmentSaved',
  'assessment.published',
  'news.posted',
  'news.recipientsRead',
  'supportDecision.recorded',
  'supportDecision.read',
  'supportDecision.documentRead',
  'supportDecision.acknowledged',
  'message.retried',
  'apiClient.created',
  'apiClient.revoked',
  'ss12000Source.saved',
  'ss12000Source.checked',
  'auditLog.read',
  'auditLog.exported',
  'registerExtract.exported',
  'retention.policyChanged',
  'retention.run',
] as const satisfies readonly AuditAction[];

const ADMINISTERED_ENTITIES = [
  'organisation',
  'school',
  'schoolYear',
  'term',
  'schoolBreak',
  'student',
  'guardian',
  'guardianship',
  'staff',
  'staffDuty',
  'group',
  'groupMembership',
  'subject',
  'course',
  'lessonSeries',
  'lesson',
  'account',
] as const satisfies readonly AdministeredEntity[];

export const CHANGE_KINDS = ['created', 'updated', 'ended', 'deleted', 'generated'] as const satisfies readonly ChangeKind[];

// Compile-time completeness: an action written somewhere but not offered here (or a record kind) is a type error.
type UnlistedAction = Exclude<AuditAction, (typeof PLAIN_ACTIONS)[number] | `admin.${string}`>;
type UnlistedEntity = Exclude<AdministeredEntity, (typeof ADMINISTERED_ENTITIES)[number]>;
type UnlistedKind = Exclude<ChangeKind, (typeof CHANGE_KINDS)[number]>;
const everyActionListed: [UnlistedAction] extends [never] ? true : UnlistedAction = true;
const everyEntityListed: [UnlistedEntity] extends [never] ? true : UnlistedEntity = true;
const everyKindListed: [UnlistedKind] extends [never] ? true : UnlistedKind = true;
void [everyActionListed, everyEntityListed, everyKindListed];

/** What the filter offers, in this order: the actions by area, then the administration's record kinds. */
export const AUDIT_LOG_ACTIONS: readonly string[] = [...PLAIN_ACTIONS, ...ADMINISTERED_ENTITIES.map((entity) => `admin.${entity}`)];

const FAMILIES = new Set(ADMINISTERED_ENTITIES.map((entity) => `admin.${entity}`));

const EXACT = new Set<string>([
  ...PLAIN_ACTIONS,
  ...ADMINISTERED_ENTITIES.flatMap((entity) => CHANGE_KINDS.map((kind) => `admin.${entity}.${kind}`)),
]);

/**
 * How an action in the filter matches a row's: exactly (one of the list, or one administration change such as
 * `admin.student.updated`), or, for an administration family, every change of that kind of record. Null: no such action.
 */
export function actionMatch(action: string): { exact: string } | { prefix: string } | null {
  if (FAMILIES.has(action)) return { prefix: `${action}.` };
  return EXACT.has(action) ? { exact: action } : null;
}
