// What each kind of record is in the database: the rows a dry run counts, and the statements that delete them a batch
// at a time, in an order no foreign key refuses. A record is the organisation's through its student (or its school, or
// the person whose account it is); its date is the one its school year is reckoned from (retention.ts).
import type { RetentionKind } from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { dueFormerStudents, FORMER_STUDENT_STEPS } from './retention.people.ts';
import { localDate, localDateOfUtc, utcOf, type Cutoff, type DeletionStep } from './retention.sql.ts';

/** The organisation of the person whose account `u` is. */
const ACCOUNT_ORGANISATION = Prisma.sql`COALESCE(
  (SELECT st."organisationId" FROM "Student" st WHERE st.id = u."studentId"),
  (SELECT gu."organisationId" FROM "Guardian" gu WHERE gu.id = u."guardianId"),
  (SELECT sf."organisationId" FROM "Staff" sf WHERE sf.id = u."staffId"))`;

/** A session that has expired: not used since the cutoff, and revoked or without a renewal token it could still use. */
const expiredSessions = (c: Cutoff) => Prisma.sql`
  SELECT se.id, se."lastUsedAt" FROM "AuthSession" se JOIN "UserAccount" u ON u.id = se."userId"
  WHERE se."lastUsedAt" < ${utcOf(c.at)} AND ${ACCOUNT_ORGANISATION} = ${c.organisationId}::uuid
    AND (se."revokedAt" IS NOT NULL OR NOT EXISTS (
      SELECT 1 FROM "RefreshToken" t WHERE t."sessionId" = se.id AND t."usedAt" IS NULL AND t."expiresAt" > ${utcOf(c.now)}))`;

/**
 * Imports past the cutoff, with their date: student lists but the latest of each kind (the start page's notice of a
 * stopped import reads it), SS 12000 runs but those still running, the latest finished and the latest applied (a
 * run reads the source's changes since that one).
 */
const dueListImports = (c: Cutoff) => Prisma.sql`
  SELECT i.id, ${localDate(Prisma.sql`i."createdAt"`)} AS "date" FROM "ListImport" i
  WHERE i."organisationId" = ${c.organisationId}::uuid AND i."createdAt" < ${c.at}
    AND i.id IS DISTINCT FROM (SELECT l.id FROM "ListImport" l WHERE l."organisationId" = i."organisationId" AND l.kind = i.kind
                                ORDER BY l."createdAt" DESC, l.id DESC LIMIT 1)`;
const dueImportRuns = (c: Cutoff) => Prisma.sql`
  SELECT r.id, ${localDate(Prisma.sql`r."startedAt"`)} AS "date" FROM "Ss12000ImportRun" r
  WHERE r."organisationId" = ${c.organisationId}::uuid AND r."startedAt" < ${c.at} AND r.outcome <> 'RUNNING'
    AND r.id IS DISTINCT FROM (SELECT x.id FROM "Ss12000ImportRun" x WHERE x."organisationId" = r."organisationId" AND x.outcome <> 'RUNNING'
                                ORDER BY x."startedAt" DESC, x.id DESC LIMIT 1)
    AND r.id IS DISTINCT FROM (SELECT x.id FROM "Ss12000ImportRun" x WHERE x."organisationId" = r."organisationId" AND x.outcome = 'APPLIED'
                                ORDER BY x."startedAt" DESC, x.id DESC LIMIT 1)`;

/**
 * The audit-log viewer's rule for whose an event is (audit-log.service.ts), with the nightly retention run's own row,
 * which names its organisation; the same as the database's audit_event_purge.
 */
const AUDIT_EVENTS_OF = (organisationId: string) => Prisma.sql`
  (CASE WHEN e."studentId" IS NOT NULL THEN (SELECT s."organisationId" FROM "Student" s WHERE s.id = e."studentId")
   ELSE COALESCE(
     (SELECT ${ACCOUNT_ORGANISATION} FROM "UserAccount" u WHERE u.id = e."userId"),
     CASE WHEN e."entityType" = 'organisation' AND e."entityId" ~* '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'
          THEN e."entityId"::uuid END) END) = ${organisationId}::uuid`;

/** An audit event of no organisation: about no student, by no account, naming no organisation (audit_event_purge_unowned). */
const UNOWNED_AUDIT_EVENTS = Prisma.sql`e."studentId" IS NULL AND e."userId" IS NULL
  AND (e."entityType" = 'organisation' AND e."entityId" ~* '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$') IS NOT TRUE`;

/** One date per record of the kind that the cutoff lets go: the dry run groups them by school year. */
export function dueRecords(kind: RetentionKind, c: Cutoff): Prisma.Sql {
  const org = Prisma.sql`${c.organisationId}::uuid`;
  const before = Prisma.sql`${c.date}::date`;
  switch (kind) {
    case 'ATTENDANCE':
      return Prisma.sql`SELECT l."date" FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId" JOIN "Student" s ON s.id = a."studentId"
        WHERE s."organisationId" = ${org} AND l."date" < ${before}`;
    case 'SICK_REPORTS':
      return Prisma.sql`SELECT r."toDate" AS "date" FROM "SickReport" r JOIN "Student" s ON s.id = r."studentId"
        WHERE s."organisationId" = ${org} AND r."toDate" < ${before}`;
    case 'LEAVE_APPLICATIONS':
      return Prisma.sql`SELECT r."toDate" AS "date" FROM "LeaveApplication" r JOIN "Student" s ON s.id = r."studentId"
        WHERE s."organisationId" = ${org} AND r."toDate" < ${before}`;
    case 'NEWS':
      return Prisma.sql`SELECT ${localDate(Prisma.sql`p."publishedAt"`)} AS "date" FROM "NewsPost" p JOIN "School" sc ON sc.id = p."schoolId"
        WHERE sc."organisationId" = ${org} AND p."publishedAt" < ${c.at}`;
    case 'ASSESSMENTS':
      return Prisma.sql`SELECT t."date" FROM "AssessmentResult" r JOIN "AssessmentTask" t ON t.id = r."taskId" JOIN "Student" s ON s.id = r."studentId"
          WHERE s."organisationId" = ${org} AND t."date" < ${before}
        UNION ALL
        SELECT te."endDate" AS "date" FROM "SubjectAssessment" a JOIN "Term" te ON te.id = a."termId" JOIN "Student" s ON s.id = a."studentId"
          WHERE s."organisationId" = ${org} AND te."endDate" < ${before}`;
    case 'GRADE_WARNINGS':
      return Prisma.sql`SELECT ${localDate(Prisma.sql`w."issuedAt"`)} AS "date" FROM "GradeWarning" w JOIN "Student" s ON s.id = w."studentId"
        WHERE s."organisationId" = ${org} AND w."issuedAt" < ${c.at}`;
    case 'DEVELOPMENT_PLANS':
      return Prisma.sql`SELECT te."endDate" AS "date" FROM "DevelopmentPlan" p JOIN "Term" te ON te.id = p."termId" JOIN "Student" s ON s.id = p."studentId"
        WHERE s."organisationId" = ${org} AND te."endDate" < ${before}`;
    case 'SUPPORT_DECISIONS':
      return Prisma.sql`SELECT d."decidedOn" AS "date" FROM "SupportDecision" d JOIN "Student" s ON s.id = d."studentId"
        WHERE s."organisationId" = ${org} AND d."decidedOn" < ${before}`;
    case 'MESSAGES':
      return Prisma.sql`SELECT ${localDate(Prisma.sql`m."createdAt"`)} AS "date" FROM "OutboundMessage" m JOIN "Student" s ON s.id = m."studentId"
        WHERE s."organisationId" = ${org} AND m.status IN ('SENT', 'FAILED') AND m."createdAt" < ${c.at}`;
    case 'AUDIT_EVENTS': {
      const own = Prisma.sql`SELECT ${localDate(Prisma.sql`e."at"`)} AS "date" FROM "AuditEvent" e
        WHERE e."at" < ${c.at} AND ${AUDIT_EVENTS_OF(c.organisationId)}`;
      if (!c.unownedAuditAt) return own;
      return Prisma.sql`${own} UNION ALL SELECT ${localDate(Prisma.sql`e."at"`)} AS "date" FROM "AuditEvent" e
        WHERE e."at" < ${c.unownedAuditAt} AND ${UNOWNED_AUDIT_EVENTS}`;
    }
    case 'API_CALLS':
      return Prisma.sql`SELECT ${localDate(Prisma.sql`k."at"`)} AS "date" FROM "ApiClientCall" k JOIN "ApiClient" a ON a.id = k."apiClientId"
        WHERE a."organisationId" = ${org} AND k."at" < ${c.at}`;
    case 'IMPORTS':
      return Prisma.sql`SELECT l."date" FROM (${dueListImports(c)}) l UNION ALL SELECT r."date" FROM (${dueImportRuns(c)}) r`;
    case 'SESSIONS':
      return Prisma.sql`SELECT ${localDateOfUtc(Prisma.sql`x."lastUsedAt"`)} AS "date" FROM (${expiredSessions(c)}) x
        UNION ALL
        SELECT ${localDate(Prisma.sql`k."expiresAt"`)} AS "date" FROM "ActivationCode" k JOIN "UserAccount" u ON u.id = k."userId"
          WHERE k."expiresAt" < ${c.at} AND ${ACCOUNT_ORGANISATION} = ${org}
        UNION ALL
        SELECT ${localDate(Prisma.sql`r."expiresAt"`)} AS "date" FROM "PasswordReset" r JOIN "UserAccount" u ON u.id = r."userId"
          WHERE r."expiresAt" < ${c.at} AND ${ACCOUNT_ORGANISATION} = ${org}`;
    case 'FORMER_STUDENTS':
      return dueFormerStudents(c);
  }
}

/** The due records counted per school year (August–July): how many, the oldest and the newest date. */
export const dueBySchoolYear = (records: Prisma.Sql) => Prisma.sql`
  SELECT extract(year FROM d."date" - interval '7 months')::int AS "startYear", count(*)::int AS count,
         to_char(min(d."date"), 'YYYY-MM-DD') AS oldest, to_char(max(d."date"), 'YYYY-MM-DD') AS newest
  FROM (${records}) d GROUP BY 1 ORDER BY 1`;

const statement =
  (sql: (c: Cutoff, limit: number) => Prisma.Sql): DeletionStep['run'] =>
  (db, c, limit) =>
    db.$executeRaw(sql(c, limit));

const byId = (table: string, ids: Prisma.Sql) => Prisma.sql`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE id IN (${ids})`;

/**
 * The statements of each kind in order: what refers to a record goes before it. Attendance goes before the sick
 * reports and leave that excused it, so that few kept rows have their excuse's link cleared (a kept attendance keeps
 * its reason; only the link to a deleted report is cleared, by the foreign key, and its figures stay the same).
 */
export const DELETION_STEPS: readonly DeletionStep[] = [
  {
    kind: 'ATTENDANCE',
    table: 'Attendance',
    // The absence-figure triggers recompute each (student, day) touched; with RetentionPolicy.attendanceDeletedBefore
    // set first, they delete its AbsenceDay rows and add none back.
    run: statement((c, limit) =>
      byId(
        'Attendance',
        Prisma.sql`SELECT a.id FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId" JOIN "Student" s ON s.id = a."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND l."date" < ${c.date}::date LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'ATTENDANCE',
    table: 'AttendanceChange',
    run: statement((c, limit) =>
      byId(
        'AttendanceChange',
        Prisma.sql`SELECT x.id FROM "AttendanceChange" x JOIN "Lesson" l ON l.id = x."lessonId" JOIN "Student" s ON s.id = x."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND l."date" < ${c.date}::date LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'ATTENDANCE',
    table: 'RollCallSubmission',
    // A lesson's changes name its own submissions: once they are gone, so may the submissions be.
    run: statement((c, limit) =>
      byId(
        'RollCallSubmission',
        Prisma.sql`SELECT r.id FROM "RollCallSubmission" r JOIN "Lesson" l ON l.id = r."lessonId" JOIN "Group" g ON g.id = l."groupId"
          JOIN "School" sc ON sc.id = g."schoolId"
          WHERE sc."organisationId" = ${c.organisationId}::uuid AND l."date" < ${c.date}::date
            AND NOT EXISTS (SELECT 1 FROM "AttendanceChange" x WHERE x."lessonId" = r."lessonId")
          LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'ATTENDANCE',
    table: 'AbsenceAlert',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "AbsenceAlert" a USING (
        SELECT x."lessonId", x."studentId" FROM "AbsenceAlert" x JOIN "Lesson" l ON l.id = x."lessonId" JOIN "Student" s ON s.id = x."studentId"
        WHERE s."organisationId" = ${c.organisationId}::uuid AND l."date" < ${c.date}::date LIMIT ${limit}
      ) k WHERE a."lessonId" = k."lessonId" AND a."studentId" = k."studentId"`,
    ),
  },
  {
    kind: 'ATTENDANCE',
    table: 'AbsenceDay',
    // What the deleted attendance left: days of lessons without a roll call, and students without one on the day.
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "AbsenceDay" d USING (
        SELECT x."studentId", x."date", x."subjectId", x."schoolId" FROM "AbsenceDay" x JOIN "School" sc ON sc.id = x."schoolId"
        WHERE sc."organisationId" = ${c.organisationId}::uuid AND x."date" < ${c.date}::date LIMIT ${limit}
      ) k WHERE d."studentId" = k."studentId" AND d."date" = k."date" AND d."subjectId" = k."subjectId" AND d."schoolId" = k."schoolId"`,
    ),
  },
  {
    kind: 'ATTENDANCE',
    table: 'AbsenceClassDay',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "AbsenceClassDay" d USING (
        SELECT x."schoolId", x."classId", x."date" FROM "AbsenceClassDay" x JOIN "School" sc ON sc.id = x."schoolId"
        WHERE sc."organisationId" = ${c.organisationId}::uuid AND x."date" < ${c.date}::date LIMIT ${limit}
      ) k WHERE d."schoolId" = k."schoolId" AND d."classId" = k."classId" AND d."date" = k."date"`,
    ),
  },
  {
    kind: 'SICK_REPORTS',
    table: 'SickReport',
    run: statement((c, limit) =>
      byId(
        'SickReport',
        Prisma.sql`SELECT r.id FROM "SickReport" r JOIN "Student" s ON s.id = r."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND r."toDate" < ${c.date}::date LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'LEAVE_APPLICATIONS',
    table: 'LeaveApplication',
    run: statement((c, limit) =>
      byId(
        'LeaveApplication',
        Prisma.sql`SELECT r.id FROM "LeaveApplication" r JOIN "Student" s ON s.id = r."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND r."toDate" < ${c.date}::date LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'NEWS',
    table: 'NewsRead',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "NewsRead" n USING (
        SELECT r."postId", r."userId" FROM "NewsRead" r JOIN "NewsPost" p ON p.id = r."postId" JOIN "School" sc ON sc.id = p."schoolId"
        WHERE sc."organisationId" = ${c.organisationId}::uuid AND p."publishedAt" < ${c.at} LIMIT ${limit}
      ) k WHERE n."postId" = k."postId" AND n."userId" = k."userId"`,
    ),
  },
  {
    kind: 'NEWS',
    table: 'NewsPost',
    run: statement((c, limit) =>
      byId(
        'NewsPost',
        Prisma.sql`SELECT p.id FROM "NewsPost" p JOIN "School" sc ON sc.id = p."schoolId"
          WHERE sc."organisationId" = ${c.organisationId}::uuid AND p."publishedAt" < ${c.at}
            AND NOT EXISTS (SELECT 1 FROM "NewsRead" r WHERE r."postId" = p.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'ASSESSMENTS',
    table: 'AssessmentResult',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "AssessmentResult" a USING (
        SELECT r."taskId", r."studentId" FROM "AssessmentResult" r JOIN "AssessmentTask" t ON t.id = r."taskId" JOIN "Student" s ON s.id = r."studentId"
        WHERE s."organisationId" = ${c.organisationId}::uuid AND t."date" < ${c.date}::date LIMIT ${limit}
      ) k WHERE a."taskId" = k."taskId" AND a."studentId" = k."studentId"`,
    ),
  },
  {
    kind: 'ASSESSMENTS',
    table: 'AssessmentTask',
    run: statement((c, limit) =>
      byId(
        'AssessmentTask',
        Prisma.sql`SELECT t.id FROM "AssessmentTask" t JOIN "Group" g ON g.id = t."groupId" JOIN "School" sc ON sc.id = g."schoolId"
          WHERE sc."organisationId" = ${c.organisationId}::uuid AND t."date" < ${c.date}::date
            AND NOT EXISTS (SELECT 1 FROM "AssessmentResult" r WHERE r."taskId" = t.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'ASSESSMENTS',
    table: 'SubjectAssessment',
    run: statement((c, limit) =>
      byId(
        'SubjectAssessment',
        Prisma.sql`SELECT a.id FROM "SubjectAssessment" a JOIN "Term" te ON te.id = a."termId" JOIN "Student" s ON s.id = a."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND te."endDate" < ${c.date}::date LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'GRADE_WARNINGS',
    table: 'GradeWarningContact',
    run: statement((c, limit) =>
      byId(
        'GradeWarningContact',
        Prisma.sql`SELECT x.id FROM "GradeWarningContact" x JOIN "GradeWarning" w ON w.id = x."warningId" JOIN "Student" s ON s.id = w."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND w."issuedAt" < ${c.at} LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'GRADE_WARNINGS',
    table: 'GradeWarning',
    run: statement((c, limit) =>
      byId(
        'GradeWarning',
        Prisma.sql`SELECT w.id FROM "GradeWarning" w JOIN "Student" s ON s.id = w."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND w."issuedAt" < ${c.at}
            AND NOT EXISTS (SELECT 1 FROM "GradeWarningContact" x WHERE x."warningId" = w.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'DEVELOPMENT_PLANS',
    table: 'DevelopmentPlanEntry',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "DevelopmentPlanEntry" e USING (
        SELECT x."planId", x."subjectId" FROM "DevelopmentPlanEntry" x JOIN "DevelopmentPlan" p ON p.id = x."planId"
        JOIN "Term" te ON te.id = p."termId" JOIN "Student" s ON s.id = p."studentId"
        WHERE s."organisationId" = ${c.organisationId}::uuid AND te."endDate" < ${c.date}::date LIMIT ${limit}
      ) k WHERE e."planId" = k."planId" AND e."subjectId" = k."subjectId"`,
    ),
  },
  {
    kind: 'DEVELOPMENT_PLANS',
    table: 'DevelopmentPlan',
    run: statement((c, limit) =>
      byId(
        'DevelopmentPlan',
        Prisma.sql`SELECT p.id FROM "DevelopmentPlan" p JOIN "Term" te ON te.id = p."termId" JOIN "Student" s ON s.id = p."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND te."endDate" < ${c.date}::date
            AND NOT EXISTS (SELECT 1 FROM "DevelopmentPlanEntry" x WHERE x."planId" = p.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'SUPPORT_DECISIONS',
    table: 'SupportDecisionAcknowledgement',
    run: statement(
      (c, limit) => Prisma.sql`
      DELETE FROM "SupportDecisionAcknowledgement" a USING (
        SELECT x."decisionId", x."userId" FROM "SupportDecisionAcknowledgement" x JOIN "SupportDecision" d ON d.id = x."decisionId"
        JOIN "Student" s ON s.id = d."studentId"
        WHERE s."organisationId" = ${c.organisationId}::uuid AND d."decidedOn" < ${c.date}::date LIMIT ${limit}
      ) k WHERE a."decisionId" = k."decisionId" AND a."userId" = k."userId"`,
    ),
  },
  {
    kind: 'SUPPORT_DECISIONS',
    table: 'SupportDecision',
    run: statement((c, limit) =>
      byId(
        'SupportDecision',
        Prisma.sql`SELECT d.id FROM "SupportDecision" d JOIN "Student" s ON s.id = d."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND d."decidedOn" < ${c.date}::date
            AND NOT EXISTS (SELECT 1 FROM "SupportDecisionAcknowledgement" x WHERE x."decisionId" = d.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'MESSAGES',
    table: 'OutboundMessage',
    // Messages still queued or being sent are the queue's, whatever their age.
    run: statement((c, limit) =>
      byId(
        'OutboundMessage',
        Prisma.sql`SELECT m.id FROM "OutboundMessage" m JOIN "Student" s ON s.id = m."studentId"
          WHERE s."organisationId" = ${c.organisationId}::uuid AND m.status IN ('SENT', 'FAILED') AND m."createdAt" < ${c.at} LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'AUDIT_EVENTS',
    table: 'AuditEvent',
    // The append-only log's only ways out (migrations retention, retention_unowned_audit_events): the database checks
    // the periods again. The organisation's own events first, then those of no organisation.
    run: async (db, c, limit) => {
      const [own] = await db.$queryRaw<{ deleted: number }[]>`
        SELECT audit_event_purge(${c.organisationId}::uuid, ${c.at}::timestamptz, ${limit}::int) AS deleted`;
      const deleted = own?.deleted ?? 0;
      if (deleted === limit || !c.unownedAuditAt) return deleted;
      const [unowned] = await db.$queryRaw<{ deleted: number }[]>`
        SELECT audit_event_purge_unowned(${c.unownedAuditAt}::timestamptz, ${limit - deleted}::int) AS deleted`;
      return deleted + (unowned?.deleted ?? 0);
    },
  },
  {
    kind: 'API_CALLS',
    table: 'ApiClientCall',
    run: statement((c, limit) =>
      byId(
        'ApiClientCall',
        Prisma.sql`SELECT k.id FROM "ApiClientCall" k JOIN "ApiClient" a ON a.id = k."apiClientId"
          WHERE a."organisationId" = ${c.organisationId}::uuid AND k."at" < ${c.at} LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'IMPORTS',
    table: 'ListImport',
    run: statement((c, limit) => byId('ListImport', Prisma.sql`SELECT l.id FROM (${dueListImports(c)}) l LIMIT ${limit}`)),
  },
  {
    kind: 'IMPORTS',
    table: 'Ss12000ImportRun',
    run: statement((c, limit) => byId('Ss12000ImportRun', Prisma.sql`SELECT r.id FROM (${dueImportRuns(c)}) r LIMIT ${limit}`)),
  },
  {
    kind: 'SESSIONS',
    table: 'RefreshToken',
    run: statement((c, limit) =>
      byId(
        'RefreshToken',
        Prisma.sql`SELECT t.id FROM "RefreshToken" t JOIN (${expiredSessions(c)}) x ON x.id = t."sessionId" LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'SESSIONS',
    table: 'AuthSession',
    run: statement((c, limit) =>
      byId(
        'AuthSession',
        Prisma.sql`SELECT x.id FROM (${expiredSessions(c)}) x
          WHERE NOT EXISTS (SELECT 1 FROM "RefreshToken" t WHERE t."sessionId" = x.id) LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'SESSIONS',
    table: 'ActivationCode',
    run: statement((c, limit) =>
      byId(
        'ActivationCode',
        Prisma.sql`SELECT k.id FROM "ActivationCode" k JOIN "UserAccount" u ON u.id = k."userId"
          WHERE k."expiresAt" < ${c.at} AND ${ACCOUNT_ORGANISATION} = ${c.organisationId}::uuid LIMIT ${limit}`,
      ),
    ),
  },
  {
    kind: 'SESSIONS',
    table: 'PasswordReset',
    run: statement((c, limit) =>
      byId(
        'PasswordReset',
        Prisma.sql`SELECT r.id FROM "PasswordReset" r JOIN "UserAccount" u ON u.id = r."userId"
          WHERE r."expiresAt" < ${c.at} AND ${ACCOUNT_ORGANISATION} = ${c.organisationId}::uuid LIMIT ${limit}`,
      ),
    ),
  },
  ...FORMER_STUDENT_STEPS,
];
