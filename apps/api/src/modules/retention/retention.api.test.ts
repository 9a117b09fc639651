// Retention through the API, on both databases (its subject is what the database does: the absence-figure triggers,
// the append-only log, the batches): the dry run on a seeded school with old years added, a run that deletes exactly
// that and leaves the statistics of the years that remain as they were, nothing of another organisation touched,
// nothing still kept deleted with what goes, the audit row, batches of bounded size, and the nightly run made once
// however many processes look. Then, on the server only, who may and what is refused.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database, type PrismaClient } from '@insyn/db';
import { schoolInstant, schoolYearCalendar } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateValue } from '../access/validity.ts';
import {
  DATABASE_KINDS,
  eventually,
  loggedIn,
  SERVER_DATABASE,
  startTestServer,
  TestClient,
  type GraphQLResult,
  type TestServer,
} from '../../test/harness.ts';
import { runNightlyRetention } from './nightly.ts';
import { startRetentionRun } from './retention.run.ts';

const POLICY = `{ retentionPolicy { nightlyDeletion changedAt changedByName periods { kind unit keep defaultKeep min max mayKeep } } }`;
const DRY_RUN = `{ retentionDryRun { today total kinds { kind unit keep cutoff total years { schoolYear count oldest newest } } } }`;
const RUNS = `{ retentionRuns { id outcome nightly startedByName deleted counts { kind table deleted } } }`;
const UPDATE = `mutation($input: RetentionPolicyInput!) { updateRetentionPolicy(input: $input) { periods { kind keep } } }`;
const NIGHTLY = `mutation($on: Boolean!) { setRetentionNightly(on: $on) { nightlyDeletion } }`;
const RUN = `mutation($confirm: Boolean!) { runRetention(confirm: $confirm) { id outcome nightly startedByName } }`;

const FIGURES = `fragment F on AbsenceFigures { lessons scheduledMinutes recordedMinutes absentMinutes validAbsentMinutes
  unexcusedAbsentMinutes lateCount lateMinutes notTakenLessons notTakenMinutes absencePercent validPercent unexcusedPercent }`;
const SCHOOL_STATISTICS = `query($id: ID!, $range: StatisticsRangeInput!) { schoolAbsenceStatistics(schoolId: $id, range: $range) {
  total { ...F } byClass { classId className students figures { ...F } level } byWeek { label figures { ...F } } } } ${FIGURES}`;
const STUDENT_STATISTICS = `query($id: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $id, range: $range) {
  total { ...F } bySubject { subjectCode figures { ...F } } byWeek { label figures { ...F } } byWeekday { weekday figures { ...F } } } } ${FIGURES}`;
const CLASS_STATISTICS = `query($id: ID!, $range: StatisticsRangeInput!) { classAbsenceStatistics(classId: $id, range: $range) {
  total { ...F } students { studentId total { ...F } bySubject { subjectCode figures { ...F } } } } } ${FIGURES}`;

interface DueKind {
  kind: string;
  unit: string;
  keep: number | null;
  cutoff: string | null;
  total: number;
  years: { schoolYear: string; count: number; oldest: string; newest: string }[];
}
interface Run {
  id: string;
  outcome: string;
  nightly: boolean;
  startedByName: string | null;
  deleted: number;
  counts: { kind: string; table: string; deleted: number }[];
}

const data = <T>(result: GraphQLResult<T>): T => {
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
};
const problemsOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.problems;

/** The old school years added to an organisation: a class each with three students, their lessons, marks and reports. */
interface OldYears {
  schoolId: string;
  studentIds: string[];
  classIds: Record<number, string>;
}

/**
 * For each school year: a class of three of the school's students; lessons in October, March and May (the last without
 * a roll call); the first two marked (absent with a sick report, late, present; present, absent unexcused, present),
 * the first with its history; an absence alert, a sick report and approved leave. The triggers compute the figures.
 */
async function addOldYears(prisma: PrismaClient, organisationId: string, years: number[]): Promise<OldYears> {
  const school = await prisma.school.findFirstOrThrow({ where: { organisationId }, orderBy: { name: 'asc' }, select: { id: true } });
  const students = await prisma.student.findMany({ where: { schoolId: school.id }, orderBy: { id: 'asc' }, take: 3, select: { id: true } });
  const subject = await prisma.subject.findFirstOrThrow({ where: { organisationId }, orderBy: { code: 'asc' }, select: { id: true } });
  const teacher = await prisma.userAccount.findFirstOrThrow({
    where: { staff: { organisationId } },
    orderBy: { username: 'asc' },
    select: { id: true },
  });
  const studentIds = students.map((student) => student.id);
  const [first, second, third] = studentIds as [string, string, string];
  const classIds: Record<number, string> = {};
  for (const year of years) {
    const calendar = schoolYearCalendar(year);
    const schoolYear = await prisma.schoolYear.create({
      data: { organisationId, name: calendar.name, startDate: dateValue(calendar.startDate), endDate: dateValue(calendar.endDate) },
    });
    const group = await prisma.group.create({
      data: { schoolId: school.id, schoolYearId: schoolYear.id, kind: 'CLASS', name: `Gallring ${calendar.name}`, yearLevel: 7 },
    });
    classIds[year] = group.id;
    await prisma.groupMembership.createMany({
      data: studentIds.map((studentId) => ({
        groupId: group.id,
        studentId,
        validFrom: dateValue(calendar.startDate),
        validTo: dateValue(calendar.endDate),
      })),
    });
    const lesson = (date: string) =>
      prisma.lesson.create({
        data: {
          groupId: group.id,
          subjectId: subject.id,
          date: dateValue(date),
          startsAt: schoolInstant(date, '08:00'),
          endsAt: schoolInstant(date, '09:00'),
        },
      });
    const autumn = await lesson(`${year}-10-06`);
    const spring = await lesson(`${year + 1}-03-10`);
    await lesson(`${year + 1}-05-19`);
    const sick = await prisma.sickReport.create({
      data: {
        studentId: first,
        fromDate: dateValue(`${year}-10-06`),
        toDate: dateValue(`${year}-10-06`),
        startsAt: schoolInstant(`${year}-10-06`),
        endsAt: schoolInstant(`${year}-10-07`),
        channel: 'WEB',
        createdAt: schoolInstant(`${year}-10-06`, '07:00'),
      },
    });
    await prisma.leaveApplication.create({
      data: {
        studentId: third,
        fromDate: dateValue(`${year + 1}-05-19`),
        toDate: dateValue(`${year + 1}-05-19`),
        startsAt: schoolInstant(`${year + 1}-05-19`),
        endsAt: schoolInstant(`${year + 1}-05-20`),
        schoolDays: 1,
        decider: 'MENTOR',
        reason: 'Släktkalas',
        status: 'APPROVED',
        createdAt: schoolInstant(`${year + 1}-05-01`),
      },
    });
    const mark = (lessonId: string, studentId: string, status: 'PRESENT' | 'ABSENT' | 'LATE', extra: object = {}) => ({
      lessonId,
      studentId,
      status,
      markedById: teacher.id,
      markedAt: schoolInstant(`${year}-10-06`, '08:05'),
      ...extra,
    });
    await prisma.attendance.createMany({
      data: [
        mark(autumn.id, first, 'ABSENT', { validReason: 'SICK', sickReportId: sick.id }),
        mark(autumn.id, second, 'LATE', { lateMinutes: 10 }),
        mark(autumn.id, third, 'PRESENT'),
        mark(spring.id, first, 'PRESENT'),
        mark(spring.id, second, 'ABSENT'),
        mark(spring.id, third, 'PRESENT'),
      ],
    });
    const submission = await prisma.rollCallSubmission.create({
      data: { id: randomUUID(), lessonId: autumn.id, submittedById: teacher.id, entryCount: 3 },
    });
    await prisma.attendanceChange.createMany({
      data: studentIds.map((studentId) => ({
        submissionId: submission.id,
        lessonId: autumn.id,
        studentId,
        changedById: teacher.id,
        changedAt: schoolInstant(`${year}-10-06`, '08:05'),
        afterStatus: 'PRESENT' as const,
      })),
    });
    await prisma.absenceAlert.create({
      data: {
        lessonId: spring.id,
        studentId: second,
        dueAt: schoolInstant(`${year + 1}-03-10`, '09:05'),
        processedAt: new Date(),
        outcome: 'NOTIFIED',
      },
    });
  }
  return { schoolId: school.id, studentIds, classIds };
}

/** The absence figures the database keeps, summed per school and day from `from` on: what the statistics read. */
const figuresFrom = (prisma: PrismaClient, from: string) =>
  prisma.$queryRaw<unknown[]>`
    SELECT 'day' AS source, "schoolId", to_char("date", 'YYYY-MM-DD') AS date, count(*)::int AS rows, sum(lessons)::int AS lessons,
           sum("recordedMinutes")::int AS recorded, sum("absentMinutes")::int AS absent, sum("validAbsentMinutes")::int AS valid,
           sum("lateMinutes")::int AS late, sum("notTakenMinutes")::int AS "notTaken"
    FROM "AbsenceDay" WHERE "date" >= ${from}::date GROUP BY "schoolId", "date"
    UNION ALL
    SELECT 'class', "schoolId", to_char("date", 'YYYY-MM-DD'), count(*)::int, sum(lessons)::int, sum("recordedMinutes")::int,
           sum("absentMinutes")::int, sum("validAbsentMinutes")::int, sum("lateMinutes")::int, sum("notTakenMinutes")::int
    FROM "AbsenceClassDay" WHERE "date" >= ${from}::date GROUP BY "schoolId", "date"
    ORDER BY 1, 2, 3`;

/**
 * An old message to the home, to the student's first guardian: sent or given up then, or still in the queue (held for
 * later, so that the test server's delivery worker leaves it there).
 */
async function oldMessage(prisma: PrismaClient, studentId: string, createdAt: string, status: 'SENT' | 'FAILED' | 'QUEUED') {
  const guardianship = await prisma.guardianship.findFirstOrThrow({ where: { studentId }, select: { guardianId: true } });
  await prisma.outboundMessage.create({
    data: {
      idempotencyKey: `retention-test:${randomUUID()}`,
      kind: 'ABSENCE',
      channel: 'SMS',
      guardianId: guardianship.guardianId,
      studentId,
      recipient: '+46701234567',
      locale: 'sv',
      body: 'Frånvaro',
      status,
      nextAttemptAt: status === 'QUEUED' ? new Date('2099-01-01T00:00:00Z') : new Date(createdAt),
      createdAt: new Date(createdAt),
      ...(status === 'SENT' ? { sentAt: new Date(createdAt), provider: 'OUTBOX' } : {}),
    },
  });
}

describe.each(DATABASE_KINDS)('retention on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let organisationId: string;
  let grannbyId: string;
  let old: OldYears;
  let grannby: OldYears;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const prisma = server.db.prisma;
    admin = await loggedIn(server, 'admin');
    organisationId = (await prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } })).organisationId;
    grannbyId = (await prisma.staff.findFirstOrThrow({ where: { account: { username: 'grannby.admin' } } })).organisationId;
    old = await addOldYears(prisma, organisationId, [2021, 2022, 2023]);
    grannby = await addOldYears(prisma, grannbyId, [2021]);
    const [first] = old.studentIds as [string];

    // News of 2023/24 with a reader, and of this school year; messages sent and given up a while ago, one still queued.
    const author = await prisma.staff.findFirstOrThrow({ where: { organisationId }, orderBy: { signature: 'asc' } });
    const reader = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'admin' } });
    for (const publishedAt of ['2024-05-02T08:00:00Z', '2025-09-01T08:00:00Z']) {
      await prisma.newsPost.create({
        data: {
          schoolId: old.schoolId,
          toGuardians: true,
          toStudents: false,
          title: 'Vårterminen',
          body: 'Välkomna',
          authorStaffId: author.id,
          publishedAt: new Date(publishedAt),
          reads: { create: { userId: reader.id, readAt: new Date(publishedAt) } },
        },
      });
    }
    await oldMessage(prisma, first, '2025-03-01T10:00:00Z', 'SENT');
    await oldMessage(prisma, first, '2025-05-01T10:00:00Z', 'FAILED');
    await oldMessage(prisma, first, '2025-01-01T10:00:00Z', 'QUEUED');
    await oldMessage(prisma, first, '2026-01-10T10:00:00Z', 'SENT');
    // Audit events about the student in 2022 and 2024, and about a Grannby student in 2022.
    for (const [studentId, at] of [
      [first, '2022-03-01T10:00:00Z'],
      [first, '2024-02-01T10:00:00Z'],
      [grannby.studentIds[0] as string, '2022-03-01T10:00:00Z'],
    ] as const) {
      await prisma.auditEvent.create({ data: { action: 'student.read', studentId, at: new Date(at) } });
    }
    // Audit events of no organisation: a sign-in with a username no account has in 2022 (due by every organisation's
    // period), a refused phone call of 2024 (not yet).
    await prisma.auditEvent.createMany({
      data: [
        { action: 'auth.loginFailed', at: new Date('2022-06-01T10:00:00Z'), ip: '198.51.100.7', details: { username: 'okand' } },
        { action: 'sickReport.phoneRefused', at: new Date('2024-06-01T10:00:00Z'), details: { caller: '+46701234567' } },
      ],
    });
    // An expired session (its renewal token long run out), a session in use, an expired activation code and reset link.
    const elev = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'elev' } });
    await prisma.authSession.create({
      data: {
        userId: elev.id,
        createdAt: new Date('2026-09-01T07:00:00Z'),
        lastUsedAt: new Date('2026-09-01T12:00:00Z'),
        refreshTokens: { create: { tokenHash: `retention-${randomUUID()}`, expiresAt: new Date('2026-09-01T19:00:00Z') } },
      },
    });
    await prisma.activationCode.create({
      data: { userId: elev.id, codeHash: `retention-${randomUUID()}`, expiresAt: new Date('2026-06-01T10:00:00Z') },
    });
    await prisma.passwordReset.create({
      data: { userId: elev.id, tokenHash: `retention-${randomUUID()}`, expiresAt: new Date('2026-10-01T10:00:00Z') },
    });
    // Other systems' calls: one of June 2025 (due after 12 months), one of last month, and one of Grannby's system.
    const grannbyAuthor = await prisma.staff.findFirstOrThrow({ where: { organisationId: grannbyId } });
    for (const [organisation, createdById, at] of [
      [organisationId, author.id, ['2025-06-01T10:00:00Z', '2026-10-20T10:00:00Z']],
      [grannbyId, grannbyAuthor.id, ['2025-06-01T10:00:00Z']],
    ] as const) {
      await prisma.apiClient.create({
        data: {
          organisationId: organisation,
          name: 'Retention test',
          clientId: `retention-${randomUUID()}`,
          secretHash: 'not a secret',
          scopes: ['PERSONS'],
          createdById,
          calls: { create: at.map((when) => ({ at: new Date(when), method: 'GET', path: '/persons', status: 200, records: 3 })) },
        },
      });
    }
    // Imports: two student lists of spring 2025 (the later, the latest of its kind, stays) and SS 12000 runs of 2025,
    // of which the one of February goes: May's is the latest applied, June's the latest finished, January's still runs.
    for (const createdAt of ['2025-03-01T10:00:00Z', '2025-04-01T10:00:00Z']) {
      await prisma.listImport.create({
        data: {
          organisationId,
          kind: 'GUARDIANS',
          importedByStaffId: author.id,
          createdAt: new Date(createdAt),
          applied: true,
          added: 1,
          changed: 0,
          unchanged: 0,
          problems: [],
        },
      });
    }
    for (const [startedAt, outcome] of [
      ['2025-01-01T01:00:00Z', 'RUNNING'],
      ['2025-02-01T01:00:00Z', 'APPLIED'],
      ['2025-05-01T01:00:00Z', 'APPLIED'],
      ['2025-06-01T01:00:00Z', 'FAILED'],
    ] as const) {
      await prisma.ss12000ImportRun.create({
        data: {
          organisationId,
          startedAt: new Date(startedAt),
          outcome,
          counts: {},
          problems: [],
          changes: [{ kind: 'STUDENT', name: 'Elev' }],
        },
      });
    }
    // A support decision of 2021/22: kept, as support decisions are until the administrator sets a period.
    await prisma.supportDecision.create({
      data: {
        studentId: first,
        kind: 'SPECIAL_SUPPORT',
        summary: 'Särskilt stöd i matematik',
        decidedOn: dateValue('2021-11-01'),
        decidedByStaffId: author.id,
        documentName: 'beslut.pdf',
        documentSize: 3,
        document: new Uint8Array([1, 2, 3]),
        createdAt: new Date('2021-11-01T10:00:00Z'),
      },
    });
  });
  afterAll(() => server?.stop());

  const dryRun = async (client: TestClient = admin) =>
    data(await client.request<{ retentionDryRun: { total: number; kinds: DueKind[] } }>(DRY_RUN)).retentionDryRun;
  const due = (kinds: DueKind[], kind: string) => kinds.find((one) => one.kind === kind);

  it('shows what would go now, per kind and school year, by the default policy: three school years of attendance', async () => {
    const policy = data(
      await admin.request<{
        retentionPolicy: { nightlyDeletion: boolean; changedAt: string | null; periods: { kind: string; keep: number | null }[] };
      }>(POLICY),
    );
    expect(policy.retentionPolicy.nightlyDeletion).toBe(false);
    expect(policy.retentionPolicy.changedAt).toBeNull();
    expect(Object.fromEntries(policy.retentionPolicy.periods.map((period) => [period.kind, period.keep]))).toMatchObject({
      ATTENDANCE: 3,
      SUPPORT_DECISIONS: null,
      SESSIONS: 1,
    });

    const { kinds } = await dryRun();
    expect(due(kinds, 'ATTENDANCE')).toEqual({
      kind: 'ATTENDANCE',
      unit: 'SCHOOL_YEARS',
      keep: 3,
      cutoff: '2023-08-01',
      total: 12,
      years: [
        { schoolYear: '2021/22', count: 6, oldest: '2021-10-06', newest: '2022-03-10' },
        { schoolYear: '2022/23', count: 6, oldest: '2022-10-06', newest: '2023-03-10' },
      ],
    });
    expect(due(kinds, 'SICK_REPORTS')?.years).toEqual([
      { schoolYear: '2021/22', count: 1, oldest: '2021-10-06', newest: '2021-10-06' },
      { schoolYear: '2022/23', count: 1, oldest: '2022-10-06', newest: '2022-10-06' },
    ]);
    expect(due(kinds, 'LEAVE_APPLICATIONS')?.total).toBe(2);
    expect(due(kinds, 'NEWS')).toMatchObject({ cutoff: '2025-08-01', total: 1, years: [{ schoolYear: '2023/24', count: 1 }] });
    expect(due(kinds, 'MESSAGES')).toMatchObject({
      cutoff: '2025-11-25',
      years: [{ schoolYear: '2024/25', count: 2, oldest: '2025-03-01', newest: '2025-05-01' }],
    });
    // The student's event of March 2022 and the unknown sign-in of June 2022.
    expect(due(kinds, 'AUDIT_EVENTS')).toMatchObject({
      cutoff: '2023-11-25',
      years: [{ schoolYear: '2021/22', count: 2, oldest: '2022-03-01', newest: '2022-06-01' }],
    });
    expect(due(kinds, 'API_CALLS')).toEqual({
      kind: 'API_CALLS',
      unit: 'MONTHS',
      keep: 12,
      cutoff: '2025-11-25',
      total: 1,
      years: [{ schoolYear: '2024/25', count: 1, oldest: '2025-06-01', newest: '2025-06-01' }],
    });
    expect(due(kinds, 'IMPORTS')).toMatchObject({
      cutoff: '2025-11-25',
      total: 2,
      years: [{ schoolYear: '2024/25', count: 2, oldest: '2025-02-01', newest: '2025-03-01' }],
    });
    expect(due(kinds, 'SESSIONS')).toMatchObject({
      cutoff: '2026-10-25',
      total: 3,
      years: [
        { schoolYear: '2025/26', count: 1 },
        { schoolYear: '2026/27', count: 2 },
      ],
    });
    expect(due(kinds, 'SUPPORT_DECISIONS')).toEqual({
      kind: 'SUPPORT_DECISIONS',
      unit: 'SCHOOL_YEARS',
      keep: null,
      cutoff: null,
      total: 0,
      years: [],
    });
    // Another organisation's old records are not this one's to delete.
    expect((await dryRun(await loggedIn(server, 'grannby.admin'))).kinds.find((one) => one.kind === 'ATTENDANCE')?.total).toBe(6);
  });

  it('deletes what the dry run showed, leaves the statistics of the years that remain exactly as they were and deletes nothing kept', async () => {
    const prisma = server.db.prisma;
    const [first] = old.studentIds as [string];
    // Sick reports and leave a single school year: the kept 2023/24 attendance loses its sick report but not its reason.
    const update = await admin.request(UPDATE, {
      input: {
        periods: [
          { kind: 'SICK_REPORTS', keep: 1 },
          { kind: 'LEAVE_APPLICATIONS', keep: 1 },
        ],
      },
    });
    expect(update.errors).toBeUndefined();
    const before = await dryRun();
    expect(due(before.kinds, 'SICK_REPORTS')?.total).toBe(3);

    const remaining = { period: 'CUSTOM', from: '2023-08-01', to: '2024-07-31' };
    const deletedYear = { period: 'CUSTOM', from: '2021-08-01', to: '2022-07-31' };
    const statistics = async () => ({
      school: data(await admin.request(SCHOOL_STATISTICS, { id: old.schoolId, range: remaining })),
      schoolTerm: data(await admin.request(SCHOOL_STATISTICS, { id: old.schoolId, range: { period: 'TERM' } })),
      student: data(await admin.request(STUDENT_STATISTICS, { id: first, range: remaining })),
      class: data(await admin.request(CLASS_STATISTICS, { id: old.classIds[2023], range: remaining })),
      figures: await figuresFrom(prisma, '2023-08-01'),
    });
    const statisticsBefore = await statistics();
    const classBefore = statisticsBefore.class as { classAbsenceStatistics: { total: { lessons: number; absentMinutes: number } } };
    expect(classBefore.classAbsenceStatistics.total).toMatchObject({ lessons: 9, absentMinutes: 130 });
    const deletedBefore = data(
      await admin.request<{ studentAbsenceStatistics: { total: { lessons: number } } }>(STUDENT_STATISTICS, {
        id: first,
        range: deletedYear,
      }),
    );
    expect(deletedBefore.studentAbsenceStatistics.total.lessons).toBe(3);
    const kept2023 = await prisma.attendance.findFirstOrThrow({
      where: { studentId: first, validReason: 'SICK', lesson: { groupId: old.classIds[2023] } },
      select: { id: true, sickReportId: true },
    });
    expect(kept2023.sickReportId).not.toBeNull();
    const untouched = async () => ({
      lessons: await prisma.lesson.count({ where: { groupId: { in: Object.values(old.classIds) } } }),
      memberships: await prisma.groupMembership.count({ where: { groupId: { in: Object.values(old.classIds) } } }),
      students: await prisma.student.count(),
      groups: await prisma.group.count(),
      supportDecisions: await prisma.supportDecision.count(),
      grannbyAttendance: await prisma.attendance.count({ where: { student: { organisationId: grannbyId } } }),
      grannbyReports: await prisma.sickReport.count({ where: { student: { organisationId: grannbyId } } }),
      grannbyEvents: await prisma.auditEvent.count({ where: { studentId: { in: grannby.studentIds } } }),
      unownedRecently: await prisma.auditEvent.count({ where: { action: 'sickReport.phoneRefused', userId: null } }),
      sessionInUse: await prisma.authSession.count({ where: { lastUsedAt: { gte: new Date('2026-11-01T00:00:00Z') } } }),
      queued: await prisma.outboundMessage.count({ where: { status: 'QUEUED', idempotencyKey: { startsWith: 'retention-test:' } } }),
      recentCalls: await prisma.apiClientCall.count({ where: { at: { gte: new Date('2025-11-25T00:00:00Z') } } }),
      grannbyCalls: await prisma.apiClientCall.count({ where: { apiClient: { organisationId: grannbyId } } }),
    });
    const untouchedBefore = await untouched();

    // Run now, confirmed: it answers at once and goes on; the history follows it to its end.
    expect(problemsOf(await admin.request(RUN, { confirm: false }))).toEqual([{ field: 'confirm', code: 'REQUIRED' }]);
    const started = data(await admin.request<{ runRetention: { id: string; outcome: string; nightly: boolean } }>(RUN, { confirm: true }));
    expect(started.runRetention).toMatchObject({ nightly: false });
    const run = await eventually(async () => {
      const runs = data(await admin.request<{ retentionRuns: Run[] }>(RUNS)).retentionRuns;
      const found = runs.find((one) => one.id === started.runRetention.id);
      return found && found.outcome !== 'RUNNING' ? found : undefined;
    }, 'the retention run to finish');
    expect(run.outcome).toBe('COMPLETED');
    expect(run.startedByName).not.toBeNull();
    const deleted = Object.fromEntries(run.counts.map((count) => [count.table, count.deleted]));
    expect(deleted).toMatchObject({
      Attendance: 12,
      AttendanceChange: 6,
      RollCallSubmission: 2,
      AbsenceAlert: 2,
      SickReport: 3,
      LeaveApplication: 3,
      NewsRead: 1,
      NewsPost: 1,
      OutboundMessage: 2,
      AuditEvent: 2,
      ApiClientCall: 1,
      ListImport: 1,
      Ss12000ImportRun: 1,
      RefreshToken: 1,
      AuthSession: 1,
      ActivationCode: 1,
      PasswordReset: 1,
    });
    // What the triggers left of the deleted days (the May lessons without a roll call) went after the attendance.
    expect(deleted.AbsenceDay).toBeGreaterThan(0);
    expect(deleted.AbsenceClassDay).toBeGreaterThan(0);
    expect(run.counts.some((count) => count.kind === 'SUPPORT_DECISIONS')).toBe(false);

    // The figures of 2023/24 and of this term, read as the statistics read them, are the same to the minute.
    expect(await statistics()).toEqual(statisticsBefore);
    // The deleted years' figures went with their attendance, and no later change brings them back.
    const deletedAfter = data(
      await admin.request<{ studentAbsenceStatistics: { total: { lessons: number } } }>(STUDENT_STATISTICS, {
        id: first,
        range: deletedYear,
      }),
    );
    expect(deletedAfter.studentAbsenceStatistics.total.lessons).toBe(0);
    await prisma.lesson.updateMany({ where: { groupId: old.classIds[2021] }, data: { endsAt: schoolInstant('2021-10-06', '09:30') } });
    await prisma.groupMembership.updateMany({ where: { groupId: old.classIds[2022] }, data: { validTo: dateValue('2023-06-09') } });
    const ownSchools = await prisma.school.findMany({ where: { organisationId }, select: { id: true } });
    const schoolIds = ownSchools.map((school) => school.id);
    expect(await prisma.absenceDay.count({ where: { schoolId: { in: schoolIds }, date: { lt: dateValue('2023-08-01') } } })).toBe(0);
    expect(await prisma.absenceClassDay.count({ where: { schoolId: { in: schoolIds }, date: { lt: dateValue('2023-08-01') } } })).toBe(0);
    // Grannby's figures of 2021/22 are still there, as its attendance is.
    expect(await prisma.absenceDay.count({ where: { schoolId: grannby.schoolId, date: { lt: dateValue('2023-08-01') } } })).toBeGreaterThan(
      0,
    );

    // Nothing kept went with what did: the lessons, memberships, people, Grannby's records, the session in use, the queue.
    expect(await untouched()).toEqual(untouchedBefore);
    expect(untouchedBefore.recentCalls).toBeGreaterThan(0);
    const kept = async () => ({
      lists: (await prisma.listImport.findMany({ where: { organisationId }, select: { createdAt: true } })).map((row) =>
        row.createdAt.toISOString(),
      ),
      runs: (
        await prisma.ss12000ImportRun.findMany({ where: { organisationId }, select: { outcome: true }, orderBy: { startedAt: 'asc' } })
      ).map((row) => row.outcome),
    });
    expect(await kept()).toEqual({ lists: ['2025-04-01T10:00:00.000Z'], runs: ['RUNNING', 'APPLIED', 'FAILED'] });
    expect(
      await prisma.apiClientCall.count({ where: { apiClient: { organisationId }, at: { lt: new Date('2025-11-25T00:00:00Z') } } }),
    ).toBe(0);
    expect(await prisma.attendance.findUnique({ where: { id: kept2023.id }, select: { validReason: true, sickReportId: true } })).toEqual({
      validReason: 'SICK',
      sickReportId: null,
    });
    expect((await dryRun()).total).toBe(0);

    // One audit row of the run, with the counts and not the records; the log is as append-only as before.
    const [row] = await prisma.auditEvent.findMany({ where: { action: 'retention.run', entityId: organisationId } });
    expect(row).toMatchObject({ entityType: 'organisation', studentId: null });
    expect(row?.userId).not.toBeNull();
    expect(row?.details).toMatchObject({ runId: run.id, outcome: 'COMPLETED', nightly: false, counts: run.counts });
    expect(Object.keys(row?.details as object).sort()).toEqual([
      'counts',
      'cutoffs',
      'nightly',
      'outcome',
      'policy',
      'runId',
      'unownedAuditCutoff',
    ]);
    expect(row?.details).toMatchObject({ unownedAuditCutoff: '2023-11-25' });
    await expect(prisma.auditEvent.deleteMany({ where: { action: 'student.read' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.updateMany({ where: { id: row?.id }, data: { action: 'nothing' } })).rejects.toThrow(/append-only/);
  });

  it('deletes in batches of a bounded size, each its own statement', async () => {
    const statements: { sql: string; rows: number }[] = [];
    const run = await startRetentionRun({
      prisma: countingStatements(server.db.prisma, statements),
      organisationId: grannbyId,
      staffId: null,
      night: null,
      clock: () => server.clock(),
      audit: { ip: undefined, auth: null },
      batchSize: 2,
    });
    if (!run) throw new Error('the run did not start');
    await run.finished;
    const deletes = statements.filter((statement) => statement.sql.startsWith('DELETE'));
    expect(deletes.every((statement) => statement.rows <= 2)).toBe(true);
    const attendance = deletes.filter((statement) => statement.sql.startsWith('DELETE FROM "Attendance"'));
    expect(attendance.map((statement) => statement.rows)).toEqual([2, 2, 2, 0]);
    const row = await server.db.prisma.retentionRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(row.outcome).toBe('COMPLETED');
    expect(await server.db.prisma.attendance.count({ where: { student: { organisationId: grannbyId } } })).toBe(0);
    expect(await server.db.prisma.auditEvent.count({ where: { studentId: { in: grannby.studentIds } } })).toBe(0);
  });

  it('runs the nightly deletion once a night, however many processes look, and only for organisations that switched it on', async () => {
    const grannbyAdmin = await loggedIn(server, 'grannby.admin');
    expect(
      data(await grannbyAdmin.request<{ setRetentionNightly: { nightlyDeletion: boolean } }>(NIGHTLY, { on: true })).setRetentionNightly
        .nightlyDeletion,
    ).toBe(true);
    // A second process: another connection pool to the same server database; the embedded database has one.
    const second: Database | null = kind === 'postgres' ? await openDatabase(server.location) : null;
    const log: string[] = [];
    const nightRuns = (night: string) => server.db.prisma.retentionRun.findMany({ where: { night: dateValue(night) } });
    try {
      await runNightlyRetention(server.db.prisma, new Date('2026-11-26T01:30:00Z'), (line) => log.push(line));
      expect(await nightRuns('2026-11-26')).toEqual([]);
      const at = new Date('2026-11-26T02:30:00Z');
      await Promise.all([
        runNightlyRetention(server.db.prisma, at, (line) => log.push(line)),
        runNightlyRetention(second?.prisma ?? server.db.prisma, at, (line) => log.push(line)),
      ]);
      await runNightlyRetention(server.db.prisma, new Date('2026-11-26T04:00:00Z'), (line) => log.push(line));
      const runs = await nightRuns('2026-11-26');
      expect(runs.map((run) => [run.organisationId, run.outcome, run.startedById])).toEqual([[grannbyId, 'COMPLETED', null]]);
      expect(log).toEqual([]);
      // The run's audit row names the organisation, as nobody started it; Grannby's administrator sees it in the log.
      const events = await server.db.prisma.auditEvent.findMany({ where: { action: 'retention.run', entityId: grannbyId, userId: null } });
      expect(events.map((event) => (event.details as { runId: string }).runId)).toContain(runs[0]?.id);
      const viewed = data(
        await grannbyAdmin.request<{ auditLog: { entries: { action: string }[] } }>(
          `query { auditLog(filter: { action: "retention.run" }) { entries { action } } }`,
        ),
      );
      expect(viewed.auditLog.entries.length).toBeGreaterThan(0);
      // The next night has a run of its own.
      await runNightlyRetention(server.db.prisma, new Date('2026-11-27T02:30:00Z'), (line) => log.push(line));
      expect(await nightRuns('2026-11-27')).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it("deletes audit events of no organisation by the longest of the organisations' periods, none while one keeps its log", async () => {
    const prisma = server.db.prisma;
    const grannbyAdmin = await loggedIn(server, 'grannby.admin');
    const unknownSignIn = (at: string) => ({ action: 'auth.loginFailed', at: new Date(at), details: { username: `okand ${at}` } });
    // Two unknown sign-ins, and an event by nobody that names Grannby (Grannby's, not of no organisation).
    await prisma.auditEvent.createMany({
      data: [
        unknownSignIn('2022-06-01T10:00:00Z'),
        unknownSignIn('2023-01-10T10:00:00Z'),
        { action: 'retention.run', at: new Date('2022-06-01T02:00:00Z'), entityType: 'organisation', entityId: grannbyId },
      ],
    });
    const auditDue = async () => due((await dryRun()).kinds, 'AUDIT_EVENTS');
    const setGrannbyAuditMonths = async (keep: number | null) =>
      expect((await grannbyAdmin.request(UPDATE, { input: { periods: [{ kind: 'AUDIT_EVENTS', keep }] } })).errors).toBeUndefined();

    // Grannby keeps its log: so are these, however old, and the database refuses to delete them.
    await setGrannbyAuditMonths(null);
    expect(await auditDue()).toMatchObject({ cutoff: '2023-11-25', total: 0 });
    await expect(prisma.$queryRaw`SELECT audit_event_purge_unowned(now(), 100)`).rejects.toThrow(/kept/);

    // Grannby keeps it 48 months, this organisation 36: the longer goes for them.
    await setGrannbyAuditMonths(48);
    expect(await auditDue()).toMatchObject({
      total: 1,
      years: [{ schoolYear: '2021/22', count: 1, oldest: '2022-06-01', newest: '2022-06-01' }],
    });
    const started = data(await admin.request<{ runRetention: { id: string } }>(RUN, { confirm: true }));
    const run = await eventually(async () => {
      const runs = data(await admin.request<{ retentionRuns: Run[] }>(RUNS)).retentionRuns;
      return runs.find((one) => one.id === started.runRetention.id && one.outcome !== 'RUNNING');
    }, 'the retention run to finish');
    expect(run.counts).toContainEqual({ kind: 'AUDIT_EVENTS', table: 'AuditEvent', deleted: 1 });
    const left = async () =>
      (await prisma.auditEvent.findMany({ where: { userId: null, studentId: null, at: { lt: new Date('2023-11-25T00:00:00Z') } } }))
        .map((event) => `${event.action} ${event.at.toISOString().slice(0, 10)}`)
        .sort();
    expect(await left()).toEqual(['auth.loginFailed 2023-01-10', 'retention.run 2022-06-01']);

    // Asked directly for more, the database keeps what the longest period keeps by its own clock, never under 12 months.
    const monthsAgo = (months: number) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() - months);
      return at;
    };
    const [fortyMonths, elevenMonths] = [monthsAgo(40), monthsAgo(11)];
    await prisma.auditEvent.createMany({ data: [fortyMonths, elevenMonths].map((at) => unknownSignIn(at.toISOString())) });
    const remaining = async () =>
      (await prisma.auditEvent.findMany({ where: { userId: null, studentId: null, at: { in: [fortyMonths, elevenMonths] } } })).length;
    await prisma.$queryRaw`SELECT audit_event_purge_unowned('2030-01-01', 100)`;
    expect(await remaining()).toBe(2);
    await setGrannbyAuditMonths(12);
    await prisma.retentionPolicy.update({ where: { organisationId }, data: { auditEventMonths: 12 } });
    await prisma.$queryRaw`SELECT audit_event_purge_unowned('2030-01-01', 100)`;
    expect(await remaining()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { at: elevenMonths, userId: null } })).toBe(1);
    expect(await left()).toEqual(['retention.run 2022-06-01']);
  });
});

/** The client, with every $executeRaw statement's text and row count written down. */
function countingStatements(prisma: PrismaClient, statements: { sql: string; rows: number }[]): PrismaClient {
  return new Proxy(prisma, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === '$executeRaw' && typeof value === 'function') {
        return async (query: unknown, ...values: unknown[]) => {
          const rows = (await value.call(target, query, ...values)) as number;
          const sql = typeof query === 'object' && query !== null && 'sql' in query ? String(query.sql).trim() : '';
          statements.push({ sql, rows });
          return rows;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(SERVER_DATABASE)('who may read and change retention, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
  });
  afterAll(() => server?.stop());

  const OPERATIONS: [string, Record<string, unknown>][] = [
    [POLICY, {}],
    [DRY_RUN, {}],
    [RUNS, {}],
    [UPDATE, { input: { periods: [{ kind: 'ATTENDANCE', keep: 1 }] } }],
    [NIGHTLY, { on: true }],
    [RUN, { confirm: true }],
  ];

  it('refuses students, guardians, teachers, mentors and principals, and anyone without a session', async () => {
    for (const username of ['elev', 'vardnadshavare', 'larare', 'mentor', 'rektor']) {
      const client = await loggedIn(server, username);
      for (const [query, variables] of OPERATIONS) {
        const result = await client.request(query, variables);
        expect([username, result.errors?.[0]?.extensions?.code]).toEqual([username, 'FORBIDDEN']);
      }
    }
    const anonymous = new TestClient(server);
    for (const [query, variables] of OPERATIONS) {
      expect((await anonymous.request(query, variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Nothing was changed or run by any of them.
    expect(await server.db.prisma.retentionPolicy.count()).toBe(0);
    expect(await server.db.prisma.retentionRun.count()).toBe(0);
  });

  it("gives another organisation's administrator their own policy and runs, never this one's", async () => {
    const saved = await admin.request(UPDATE, { input: { periods: [{ kind: 'NEWS', keep: 4 }] } });
    expect(saved.errors).toBeUndefined();
    const grannby = await loggedIn(server, 'grannby.admin');
    const theirs = data(
      await grannby.request<{ retentionPolicy: { periods: { kind: string; keep: number | null }[]; changedAt: string | null } }>(POLICY),
    );
    expect(theirs.retentionPolicy.changedAt).toBeNull();
    expect(theirs.retentionPolicy.periods.find((period) => period.kind === 'NEWS')?.keep).toBe(1);
    const run = data(await admin.request<{ runRetention: { id: string } }>(RUN, { confirm: true }));
    const runs = data(await grannby.request<{ retentionRuns: Run[] }>(RUNS)).retentionRuns;
    expect(runs.map((one) => one.id)).not.toContain(run.runRetention.id);
    await eventually(async () => {
      const own = data(await admin.request<{ retentionRuns: Run[] }>(RUNS)).retentionRuns;
      return own.find((one) => one.id === run.runRetention.id && one.outcome !== 'RUNNING');
    }, 'the run to finish');
  });

  it('refuses periods out of range, "keep" where a kind must go and a kind twice, each at its kind, saving nothing', async () => {
    const before = data(await admin.request(POLICY));
    const result = await admin.request(UPDATE, {
      input: {
        periods: [
          { kind: 'ATTENDANCE', keep: 0 },
          { kind: 'SICK_REPORTS', keep: 51 },
          { kind: 'SESSIONS', keep: null },
          { kind: 'AUDIT_EVENTS', keep: 6 },
          { kind: 'MESSAGES', keep: 3 },
          { kind: 'MESSAGES', keep: 4 },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(result)).toEqual([
      { field: 'ATTENDANCE', code: 'OUT_OF_RANGE' },
      { field: 'SICK_REPORTS', code: 'OUT_OF_RANGE' },
      { field: 'SESSIONS', code: 'REQUIRED' },
      { field: 'AUDIT_EVENTS', code: 'OUT_OF_RANGE' },
      { field: 'MESSAGES', code: 'DUPLICATE' },
    ]);
    expect(data(await admin.request(POLICY))).toEqual(before);
    // A policy that keeps support decisions ten school years is saved, audited with before and after.
    const saved = data(
      await admin.request<{ updateRetentionPolicy: { periods: { kind: string; keep: number | null }[] } }>(UPDATE, {
        input: { periods: [{ kind: 'SUPPORT_DECISIONS', keep: 10 }] },
      }),
    );
    expect(saved.updateRetentionPolicy.periods.find((period) => period.kind === 'SUPPORT_DECISIONS')?.keep).toBe(10);
    const audited = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'retention.policyChanged' },
      orderBy: { id: 'desc' },
    });
    expect(audited.details).toMatchObject({ before: { SUPPORT_DECISIONS: null }, after: { SUPPORT_DECISIONS: 10 } });
  });

  it('refuses a run while another holds the organisation', async () => {
    const organisationId = (await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } })).organisationId;
    await server.db.prisma.retentionPolicy.update({
      where: { organisationId },
      data: { runLeaseUntil: new Date(server.clock().getTime() + 60_000) },
    });
    try {
      expect(problemsOf(await admin.request(RUN, { confirm: true }))).toEqual([{ field: 'run', code: 'ALREADY_RUNNING' }]);
    } finally {
      await server.db.prisma.retentionPolicy.update({ where: { organisationId }, data: { runLeaseUntil: null } });
    }
  });
});
