// Students who have left, and the guardians of none but them (the kind FORMER_STUDENTS). A student has left once every
// class and group of theirs has ended (Eleven slutar, the SS 12000 import or a move in a student list ends them); they are due when the
// last ended before the kind's cutoff and nothing else of theirs is kept. The dry run counts a student whose other
// records are each gone or due under their own kind, since a run deletes those in its earlier steps; the run itself
// deletes only a student of whom nothing is left, so that a record kept by a concurrent change or by a step that
// stopped keeps its student too. With the student go their account (sessions, codes and links, news read), classes and
// groups, guardianships, guardians' consents, study plan and SS 12000 link. A guardian goes with the last of their
// children, unless something of the guardian's own is still kept (a message to them, a report they made, the log of
// what they did); one left without a child otherwise goes once entered, changed and signed in last before the cutoff.
import type { RetentionKind } from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { localDate, localDateOfUtc, RETENTION_TRANSACTION, utcOf, type Cutoff, type Db, type DeletionStep } from './retention.sql.ts';

/** A dry run counts records due under their own kind as gone; a run deletes a person only once they are. */
type Mode = 'dryRun' | 'run';

interface PersonRecords {
  kind: RetentionKind;
  /** `FROM … WHERE …`: the person's records of the kind, the person's id being `person` */
  rows: (person: Prisma.Sql) => Prisma.Sql;
  /** whether one of those rows is due under its kind's cutoff: what that kind's steps delete */
  due: (cutoff: { date: Prisma.Sql; at: Prisma.Sql }) => Prisma.Sql;
}

type Person = 'studentId' | 'guardianId';

const accountOf = (person: Person, id: Prisma.Sql) =>
  Prisma.sql`(SELECT u.id FROM "UserAccount" u WHERE u.${Prisma.raw(`"${person}"`)} = ${id})`;

/** The rows of `table` (as x, with what `join` adds) whose `column` names the person. */
const rowsOf =
  (table: string, column: string, join: Prisma.Sql = Prisma.empty) =>
  (id: Prisma.Sql) =>
    Prisma.sql`FROM ${Prisma.raw(`"${table}"`)} x ${join} WHERE x.${Prisma.raw(`"${column}"`)} = ${id}`;
const OF_LESSON = Prisma.sql`JOIN "Lesson" l ON l.id = x."lessonId"`;
const OF_TASK = Prisma.sql`JOIN "AssessmentTask" t ON t.id = x."taskId"`;
const OF_TERM = Prisma.sql`JOIN "Term" te ON te.id = x."termId"`;
const dateBefore =
  (column: string): PersonRecords['due'] =>
  (cutoff) =>
    Prisma.sql`${Prisma.raw(column)} < ${cutoff.date}`;
const instantBefore =
  (column: string): PersonRecords['due'] =>
  (cutoff) =>
    Prisma.sql`${Prisma.raw(column)} < ${cutoff.at}`;
const messageDue: PersonRecords['due'] = (cutoff) => Prisma.sql`x.status IN ('SENT', 'FAILED') AND x."createdAt" < ${cutoff.at}`;

/** What the person's account did: the log of it, and the support decisions it confirmed having read. */
const ofAccount = (person: Person): PersonRecords[] => [
  {
    kind: 'SUPPORT_DECISIONS',
    rows: (id) =>
      Prisma.sql`FROM "SupportDecisionAcknowledgement" x JOIN "SupportDecision" d ON d.id = x."decisionId" WHERE x."userId" IN ${accountOf(person, id)}`,
    due: dateBefore('d."decidedOn"'),
  },
  {
    kind: 'AUDIT_EVENTS',
    rows: (id) => Prisma.sql`FROM "AuditEvent" x WHERE x."userId" IN ${accountOf(person, id)}`,
    due: instantBefore('x."at"'),
  },
];

/** Everything else that names a student, with the kind it is kept under and that kind's rule (retention.queries.ts). */
const STUDENT_RECORDS: readonly PersonRecords[] = [
  ...['Attendance', 'AttendanceChange', 'AbsenceAlert'].map((table): PersonRecords => ({
    kind: 'ATTENDANCE',
    rows: rowsOf(table, 'studentId', OF_LESSON),
    due: dateBefore('l."date"'),
  })),
  { kind: 'ATTENDANCE', rows: rowsOf('AbsenceDay', 'studentId'), due: dateBefore('x."date"') },
  { kind: 'SICK_REPORTS', rows: rowsOf('SickReport', 'studentId'), due: dateBefore('x."toDate"') },
  { kind: 'LEAVE_APPLICATIONS', rows: rowsOf('LeaveApplication', 'studentId'), due: dateBefore('x."toDate"') },
  { kind: 'ASSESSMENTS', rows: rowsOf('AssessmentResult', 'studentId', OF_TASK), due: dateBefore('t."date"') },
  { kind: 'ASSESSMENTS', rows: rowsOf('SubjectAssessment', 'studentId', OF_TERM), due: dateBefore('te."endDate"') },
  { kind: 'GRADE_WARNINGS', rows: rowsOf('GradeWarning', 'studentId'), due: instantBefore('x."issuedAt"') },
  { kind: 'DEVELOPMENT_PLANS', rows: rowsOf('DevelopmentPlan', 'studentId', OF_TERM), due: dateBefore('te."endDate"') },
  { kind: 'SUPPORT_DECISIONS', rows: rowsOf('SupportDecision', 'studentId'), due: dateBefore('x."decidedOn"') },
  { kind: 'MESSAGES', rows: rowsOf('OutboundMessage', 'studentId'), due: messageDue },
  { kind: 'AUDIT_EVENTS', rows: rowsOf('AuditEvent', 'studentId'), due: instantBefore('x."at"') },
  ...ofAccount('studentId'),
];

/** What names a guardian besides their children: what was sent to them, what they reported or applied for, what they did. */
const GUARDIAN_RECORDS: readonly PersonRecords[] = [
  { kind: 'MESSAGES', rows: rowsOf('OutboundMessage', 'guardianId'), due: messageDue },
  { kind: 'SICK_REPORTS', rows: rowsOf('SickReport', 'reportedByGuardianId'), due: dateBefore('x."toDate"') },
  { kind: 'LEAVE_APPLICATIONS', rows: rowsOf('LeaveApplication', 'appliedByGuardianId'), due: dateBefore('x."toDate"') },
  ...ofAccount('guardianId'),
];

/** None of the person's records is left (run), or none but those due under their own kind (dry run). */
function nothingKept(records: readonly PersonRecords[], id: Prisma.Sql, c: Cutoff, mode: Mode): Prisma.Sql {
  return Prisma.join(
    records.map((record) => {
      const cutoff = c.kinds[record.kind];
      if (mode === 'run' || !cutoff) return Prisma.sql`NOT EXISTS (SELECT 1 ${record.rows(id)})`;
      const due = record.due({ date: Prisma.sql`${cutoff.date}::date`, at: Prisma.sql`${cutoff.at}::timestamptz` });
      return Prisma.sql`NOT EXISTS (SELECT 1 ${record.rows(id)} AND (${due}) IS NOT TRUE)`;
    }),
    ' AND ',
  );
}

/**
 * The students of the organisation due to go, with the day they left: the last day of their last class or group, or,
 * never in one, the day they were entered.
 */
const dueStudents = (c: Cutoff, mode: Mode) => Prisma.sql`
  SELECT s.id, COALESCE((SELECT max(m."validTo") FROM "GroupMembership" m WHERE m."studentId" = s.id),
                        ${localDateOfUtc(Prisma.sql`s."createdAt"`)}) AS "date"
  FROM "Student" s
  WHERE s."organisationId" = ${c.organisationId}::uuid
    AND NOT EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."studentId" = s.id AND (m."validTo" IS NULL OR m."validTo" >= ${c.date}::date))
    AND (EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."studentId" = s.id) OR s."createdAt" < ${utcOf(c.at)})
    AND ${nothingKept(STUDENT_RECORDS, Prisma.sql`s.id`, c, mode)}`;

/**
 * Guardians of whom nothing else is kept and who either go with their children (every child of theirs in
 * `due_students`) or have had none for a while: no guardianship left (the SS 12000 import ends one when custody
 * changes; by hand a guardian's last child cannot be unlinked), entered, changed and signed in last before the cutoff.
 */
const dueGuardiansWhere = (c: Cutoff, mode: Mode) => Prisma.sql`
  g."organisationId" = ${c.organisationId}::uuid
    AND (
      (EXISTS (SELECT 1 FROM "Guardianship" gs WHERE gs."guardianId" = g.id)
        AND NOT EXISTS (SELECT 1 FROM "Guardianship" gs WHERE gs."guardianId" = g.id AND gs."studentId" NOT IN (SELECT ds.id FROM due_students ds)))
      OR (NOT EXISTS (SELECT 1 FROM "Guardianship" gs WHERE gs."guardianId" = g.id)
        AND g."createdAt" < ${utcOf(c.at)} AND g."modifiedAt" < ${c.at}
        AND NOT EXISTS (SELECT 1 FROM "UserAccount" u WHERE u."guardianId" = g.id AND u."lastLoginAt" >= ${utcOf(c.at)})))
    AND ${nothingKept(GUARDIAN_RECORDS, Prisma.sql`g.id`, c, mode)}`;

/**
 * The dry run's records of the kind: each student due, and each guardian going with them dated as their last child,
 * or, with no child, as their last entry, change or sign-in.
 */
export const dueFormerStudents = (c: Cutoff) => Prisma.sql`
  WITH due_students AS MATERIALIZED (${dueStudents(c, 'dryRun')})
  SELECT ds."date" FROM due_students ds
  UNION ALL
  SELECT COALESCE(
    (SELECT max(ds."date") FROM due_students ds JOIN "Guardianship" gs ON gs."studentId" = ds.id WHERE gs."guardianId" = g.id),
    greatest(${localDateOfUtc(Prisma.sql`g."createdAt"`)}, ${localDate(Prisma.sql`g."modifiedAt"`)},
             (SELECT ${localDateOfUtc(Prisma.sql`max(u."lastLoginAt")`)} FROM "UserAccount" u WHERE u."guardianId" = g.id)))
  FROM "Guardian" g WHERE ${dueGuardiansWhere(c, 'dryRun')}`;

type Transaction = Prisma.TransactionClient;

/**
 * Deletes the accounts of the given students or guardians, with what hangs on them. An account that is someone else's
 * too (no path in Insyn makes one, but the columns allow it) stays theirs: the person's foreign key clears itself.
 */
async function deleteAccounts(tx: Transaction, person: Person, ids: string[]): Promise<void> {
  const accounts = Prisma.sql`SELECT u.id FROM "UserAccount" u WHERE u.${Prisma.raw(`"${person}"`)} = ANY(${ids}::uuid[])
    AND num_nonnulls(u."studentId", u."guardianId", u."staffId") = 1`;
  await tx.$executeRaw`DELETE FROM "RefreshToken" WHERE "sessionId" IN (SELECT se.id FROM "AuthSession" se WHERE se."userId" IN (${accounts}))`;
  await tx.$executeRaw`DELETE FROM "AuthSession" WHERE "userId" IN (${accounts})`;
  await tx.$executeRaw`DELETE FROM "ActivationCode" WHERE "userId" IN (${accounts})`;
  await tx.$executeRaw`DELETE FROM "PasswordReset" WHERE "userId" IN (${accounts})`;
  await tx.$executeRaw`DELETE FROM "NewsRead" WHERE "userId" IN (${accounts})`;
  await tx.$executeRaw`DELETE FROM "UserAccount" WHERE id IN (${accounts})`;
}

/** One batch in one transaction: the people chosen (and locked) by `select`, then `remove` for them. */
const people =
  (select: (c: Cutoff, limit: number) => Prisma.Sql, remove: (tx: Transaction, c: Cutoff, ids: string[]) => Promise<void>) =>
  (db: Db, c: Cutoff, limit: number) =>
    db.$transaction(async (tx) => {
      // As the dry run: compiling the choice would take longer than making it.
      await tx.$executeRaw`SET LOCAL jit = off`;
      const ids = (await tx.$queryRaw<{ id: string }[]>(select(c, limit))).map((row) => row.id);
      if (ids.length > 0) await remove(tx, c, ids);
      return ids.length;
    }, RETENTION_TRANSACTION);

const unlink = (tx: Transaction, c: Cutoff, kind: 'STUDENT' | 'GUARDIAN', ids: string[]) =>
  tx.$executeRaw`DELETE FROM "Ss12000Link" WHERE "organisationId" = ${c.organisationId}::uuid AND kind = ${kind}::"Ss12000LinkKind"
    AND "insynId" = ANY(${ids}::uuid[])`;

/**
 * The guardians first, while their guardianships still show whose they were; then the students. Each after every
 * other kind's steps (RETENTION_KINDS), so that what was due of theirs has gone.
 */
export const FORMER_STUDENT_STEPS: readonly DeletionStep[] = [
  {
    kind: 'FORMER_STUDENTS',
    table: 'Guardian',
    run: people(
      (c, limit) => Prisma.sql`
        WITH due_students AS MATERIALIZED (${dueStudents(c, 'run')})
        SELECT g.id FROM "Guardian" g WHERE ${dueGuardiansWhere(c, 'run')} LIMIT ${limit} FOR UPDATE OF g`,
      async (tx, c, ids) => {
        await deleteAccounts(tx, 'guardianId', ids);
        await tx.$executeRaw`DELETE FROM "GuardianConsent" WHERE "guardianId" = ANY(${ids}::uuid[])`;
        await tx.$executeRaw`DELETE FROM "Guardianship" WHERE "guardianId" = ANY(${ids}::uuid[])`;
        await unlink(tx, c, 'GUARDIAN', ids);
        await tx.$executeRaw`DELETE FROM "Guardian" WHERE id = ANY(${ids}::uuid[])`;
      },
    ),
  },
  {
    kind: 'FORMER_STUDENTS',
    table: 'Student',
    run: people(
      (c, limit) =>
        Prisma.sql`SELECT d.id FROM (${dueStudents(c, 'run')}) d JOIN "Student" s ON s.id = d.id LIMIT ${limit} FOR UPDATE OF s`,
      async (tx, c, ids) => {
        await deleteAccounts(tx, 'studentId', ids);
        for (const table of ['GroupMembership', 'Guardianship', 'GuardianConsent', 'StudyPlanCourse']) {
          await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "studentId" = ANY(${ids}::uuid[])`;
        }
        await unlink(tx, c, 'STUDENT', ids);
        await tx.$executeRaw`DELETE FROM "Student" WHERE id = ANY(${ids}::uuid[])`;
      },
    ),
  },
];
