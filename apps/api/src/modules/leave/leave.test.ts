// Leave applications through the API, on both databases: applying, who decides, the decision told
// to the home, and approved leave making the covered absence valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, lessonOf, optIn, takeRollCall, type Child } from '../../test/fixtures.ts';

const FIELDS =
  'id studentId studentName className fromDate toDate schoolDays reason status decider appliedBy decidedBy decisionNote canWithdraw canDecide';
const APPLY = `mutation($input: LeaveApplicationInput!) { applyForLeave(input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawLeaveApplication(id: $id) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $note: String) { decideLeaveApplication(id: $id, approve: $approve, note: $note) { ${FIELDS} } }`;
const LIST = `query($s: ID!) { leaveApplications(studentId: $s) { ${FIELDS} } }`;
const TO_DECIDE = `{ leaveApplicationsToDecide { ${FIELDS} } }`;
const ROLL_CALL = `query($id: ID!) { rollCall(lessonId: $id) { students { id validReason } } }`;
const RULES = 'query($s: ID!) { leaveRules(studentId: $s) { mentorDayLimit } }';
const MENTORS = 'query($s: ID!) { studentMentors(studentId: $s) { id name email } }';

interface Leave {
  id: string;
  fromDate: string;
  toDate: string;
  schoolDays: number;
  status: string;
  decider: string;
  decidedBy: string | null;
  decisionNote: string | null;
  canWithdraw: boolean;
  canDecide: boolean;
}

// Embedded PostgreSQL only, to keep the suite within its time: PGlite is the same PostgreSQL engine, and the
// driver and pool path to a PostgreSQL server is covered by the notification, delivery and statistics tests.
describe.each(['pglite' as const])('leave on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;
  let mentor: TestClient;
  let principal: TestClient;

  beforeAll(async () => {
    server = await startTestServer(kind, { env: { DELIVERY_POLL_MS: '50' } });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await optIn(guardian);
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
  });
  afterAll(() => server?.stop());

  const apply = (fromDate: string, toDate: string, reason = 'Släktbröllop i Umeå') =>
    guardian.request<{ applyForLeave: Leave }>(APPLY, { input: { studentId: child.id, fromDate, toDate, reason } });

  it('two school days: the mentor decides, approves, and the guardians are told', async () => {
    // Thursday and Friday, 26–27 November.
    const applied = await apply('2026-11-26', '2026-11-27');
    expect(applied.errors).toBeUndefined();
    const leave = applied.data!.applyForLeave;
    expect(leave).toMatchObject({ schoolDays: 2, decider: 'MENTOR', status: 'PENDING', canWithdraw: true, canDecide: false });

    const pending = await mentor.request<{ leaveApplicationsToDecide: Leave[] }>(TO_DECIDE);
    expect(pending.data?.leaveApplicationsToDecide.find((l) => l.id === leave.id)).toMatchObject({ canDecide: true });

    const decided = await mentor.request<{ decideLeaveApplication: Leave }>(DECIDE, { id: leave.id, approve: true });
    expect(decided.data?.decideLeaveApplication).toMatchObject({ status: 'APPROVED', canDecide: false });
    expect(decided.data?.decideLeaveApplication.decidedBy).toBeTruthy();
    const told = await server.db.prisma.outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: `leave:${leave.id}:${child.guardianId}` } },
    });
    expect(told.map((m) => m.channel).sort()).toEqual(['EMAIL', 'SMS']);
    expect(told.find((m) => m.channel === 'SMS')?.body).toContain('beviljats');

    expect(errorCode(await mentor.request(DECIDE, { id: leave.id, approve: false, note: 'Ändrat mig' }))).toBe('BAD_USER_INPUT');
    const list = await guardian.request<{ leaveApplications: Leave[] }>(LIST, { s: child.id });
    expect(list.data?.leaveApplications.find((l) => l.id === leave.id)).toMatchObject({ status: 'APPROVED', canWithdraw: true });
  });

  it('overlapping leave is refused', async () => {
    const result = await apply('2026-11-27', '2026-11-30');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.problems).toEqual(['OVERLAPPING_LEAVE']);
  });

  it('longer leave goes to the principal; the mentor may not decide it', async () => {
    const applied = await apply('2026-12-07', '2026-12-11');
    const leave = applied.data!.applyForLeave;
    expect(leave).toMatchObject({ schoolDays: 5, decider: 'PRINCIPAL' });
    const mentorsList = await mentor.request<{ leaveApplicationsToDecide: Leave[] }>(TO_DECIDE);
    expect(mentorsList.data?.leaveApplicationsToDecide.some((l) => l.id === leave.id)).toBe(false);
    const refused = await mentor.request(DECIDE, { id: leave.id, approve: true });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorCode(await principal.request(DECIDE, { id: leave.id, approve: false }))).toBe('BAD_USER_INPUT');
    const rejected = await principal.request<{ decideLeaveApplication: Leave }>(DECIDE, {
      id: leave.id,
      approve: false,
      note: 'Nationella prov den veckan',
    });
    expect(rejected.data?.decideLeaveApplication).toMatchObject({ status: 'REJECTED', decisionNote: 'Nationella prov den veckan' });
  });

  it('staff without a say, and other families, learn nothing', async () => {
    const applied = await apply('2026-12-14', '2026-12-14');
    const leave = applied.data!.applyForLeave;
    const otherMentor = await server.db.prisma.userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: { some: { kind: 'MENTOR', groupId: { not: child.classId } }, none: { kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } } },
        },
      },
      select: { username: true },
    });
    const stranger = await loggedIn(server, otherMentor.username);
    expect(errorCode(await stranger.request(DECIDE, { id: leave.id, approve: true }))).toBe('NOT_FOUND');
    expect(errorCode(await (await loggedIn(server, 'admin')).request(DECIDE, { id: leave.id, approve: true }))).toBe('FORBIDDEN');
    expect(errorCode(await guardian.request(DECIDE, { id: leave.id, approve: true }))).toBe('FORBIDDEN');
    const strangerChild = await server.db.prisma.student.findFirstOrThrow({
      where: { guardianships: { none: { guardianId: child.guardianId } } },
    });
    expect(
      errorCode(
        await guardian.request(APPLY, {
          input: { studentId: strangerChild.id, fromDate: '2026-12-15', toDate: '2026-12-15', reason: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
    // The guardian withdraws the pending one; it cannot be decided afterwards.
    const withdrawn = await guardian.request<{ withdrawLeaveApplication: Leave }>(WITHDRAW, { id: leave.id });
    expect(withdrawn.data?.withdrawLeaveApplication).toMatchObject({ status: 'WITHDRAWN', canWithdraw: false });
    expect(errorCode(await mentor.request(DECIDE, { id: leave.id, approve: true }))).toBe('BAD_USER_INPUT');
  });

  it('tells the home who decides, and whom to ask; nobody else', async () => {
    const school = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } });
    const rules = await guardian.request<{ leaveRules: { mentorDayLimit: number } }>(RULES, { s: child.id });
    expect(rules.data?.leaveRules.mentorDayLimit).toBe(school.mentorLeaveDayLimit);
    const duties = await server.db.prisma.staffDuty.findMany({
      where: {
        kind: 'MENTOR',
        groupId: child.classId,
        validFrom: { lte: new Date(server.today) },
        OR: [{ validTo: null }, { validTo: { gte: new Date(server.today) } }],
      },
      select: { staff: { select: { id: true, firstName: true, lastName: true, email: true } } },
    });
    expect(duties.length).toBeGreaterThan(0);
    const expected = duties
      .map(({ staff }) => ({ id: staff.id, name: `${staff.firstName} ${staff.lastName}`, email: staff.email }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const mentors = await guardian.request<{ studentMentors: { id: string; name: string; email: string | null }[] }>(MENTORS, {
      s: child.id,
    });
    expect(mentors.data?.studentMentors).toEqual(expected);
    // The class's mentor reads both too; another family's child is unknown to this guardian.
    expect((await mentor.request<{ studentMentors: unknown[] }>(MENTORS, { s: child.id })).data?.studentMentors).toEqual(expected);
    expect((await mentor.request<{ leaveRules: unknown }>(RULES, { s: child.id })).data?.leaveRules).toEqual(rules.data?.leaveRules);
    const strangerChild = await server.db.prisma.student.findFirstOrThrow({
      where: { guardianships: { none: { guardianId: child.guardianId } } },
    });
    expect(errorCode(await guardian.request(RULES, { s: strangerChild.id }))).toBe('NOT_FOUND');
    expect(errorCode(await guardian.request(MENTORS, { s: strangerChild.id }))).toBe('NOT_FOUND');
    // A guardian the adult student has not let in learns nothing of them.
    const adult = await server.db.prisma.student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
      },
    });
    const letIn = new Set(adult.consents.map((consent) => consent.guardianId));
    const shutOut = adult.guardianships.find((one) => !letIn.has(one.guardianId))?.guardian.account?.username;
    expect(shutOut).toBeTruthy();
    const outsider = await loggedIn(server, shutOut!);
    expect(errorCode(await outsider.request(MENTORS, { s: adult.id }))).toBe('NOT_FOUND');
    expect(errorCode(await outsider.request(RULES, { s: adult.id }))).toBe('NOT_FOUND');
  });

  it('refuses bad input and saves nothing', async () => {
    const before = await server.db.prisma.leaveApplication.count();
    const cases: [string, string, string, unknown[]][] = [
      ['2026-11-24', '2026-11-24', 'x', ['TOO_FAR_BACK']],
      ['2026-11-28', '2026-11-29', 'Helg', ['NO_SCHOOL_DAYS']],
      ['2026-12-20', '2026-12-19', 'x', ['END_BEFORE_START']],
      ['2026-12-01', '2026-12-01', '   ', ['REASON_REQUIRED']],
      // Every problem at once, so that the form can show them all.
      ['2026-12-20', '2026-12-19', '', ['END_BEFORE_START', 'REASON_REQUIRED']],
      ['2026-13-01', '2026-12-01', 'x', [{ field: 'fromDate', code: 'INVALID_DATE' }]],
    ];
    for (const [fromDate, toDate, reason, problems] of cases) {
      const result = await apply(fromDate, toDate, reason);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.problems).toEqual(problems);
    }
    expect(await server.db.prisma.leaveApplication.count()).toBe(before);
  });

  it("approved leave makes the covered lessons' absence valid", async () => {
    const applied = await apply(server.today, server.today, 'Tandregleringen');
    const leave = applied.data!.applyForLeave;
    await mentor.request(DECIDE, { id: leave.id, approve: true });
    const lesson = await lessonOf(server, child.id, server.today, 0);
    const teacher = await loggedIn(server, lesson.username);
    await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'ABSENT' } });
    const rollCall = await teacher.request<{ rollCall: { students: { id: string; validReason: string | null }[] } }>(ROLL_CALL, {
      id: lesson.id,
    });
    expect(rollCall.data?.rollCall.students.find((s) => s.id === child.id)?.validReason).toBe('LEAVE');
    expect(await server.db.prisma.absenceAlert.count({ where: { lessonId: lesson.id, studentId: child.id } })).toBe(0);
  });
});
