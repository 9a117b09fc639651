// Sick reports on the web through the API, on both databases: who may report, which dates, the
// confirmations, and the covered absence becoming valid, also for lessons already marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, eventually, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, lessonOf, optIn, takeRollCall, type Child } from '../../test/fixtures.ts';

const FIELDS =
  'id studentId studentName fromDate toDate fromTime toTime channel reportedBy note withdrawnAt coveredLessonCount canWithdraw';
const REPORT = `mutation($input: SickReportInput!) { reportSick(input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawSickReport(id: $id) { ${FIELDS} } }`;
const CHECK = `query($input: SickReportInput!) { checkSickReport(input: $input) { lessonCount coveringReport { id } } }`;
const PROPOSED = `query($s: ID!) { proposedSickReportDate(studentId: $s) }`;
const LIST = `query($s: ID!) { sickReports(studentId: $s) { ${FIELDS} } }`;
const ROLL_CALL = `query($id: ID!) { rollCall(lessonId: $id) { students { id status validReason reportedAbsence { reason fromDate toDate fromTime toTime } } } }`;
const CLASS_DAY = `query($id: ID!) { classDay(classId: $id) { students { id reportedAbsences { reason fromDate toDate } } } }`;
const CLASS_DAY_ON = `query($id: ID!, $date: String) { classDay(classId: $id, date: $date) { students { id mayReportSick reportedAbsences { reason fromDate toDate } } } }`;

interface Report {
  id: string;
  fromDate: string;
  toDate: string;
  channel: string;
  reportedBy: string;
  withdrawnAt: string | null;
  coveredLessonCount: number;
  canWithdraw: boolean;
}

// Embedded PostgreSQL only, to keep the suite within its time: PGlite is the same PostgreSQL engine, and the
// driver and pool path to a PostgreSQL server is covered by the notification, delivery and statistics tests.
describe.each(['pglite' as const])('sick reports on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;

  beforeAll(async () => {
    server = await startTestServer(kind, { env: { NOTIFY_GRACE_SECONDS: '3600', DELIVERY_POLL_MS: '50' } });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await optIn(guardian);
  });
  afterAll(() => server?.stop());

  const validReasonIn = async (lessonId: string, teacher: TestClient) => {
    const result = await teacher.request<{ rollCall: { students: { id: string; validReason: string | null }[] } }>(ROLL_CALL, {
      id: lessonId,
    });
    return result.data?.rollCall.students.find((student) => student.id === child.id)?.validReason;
  };
  const reportedIn = async (lessonId: string, teacher: TestClient) => {
    const result = await teacher.request<{ rollCall: { students: { id: string; reportedAbsence: unknown }[] } }>(ROLL_CALL, {
      id: lessonId,
    });
    return result.data?.rollCall.students.find((student) => student.id === child.id)?.reportedAbsence;
  };
  /** What the mentor of the child's class sees of the child's reports today. */
  const reportedInClassDay = async () => {
    const duty = await server.db.prisma.staffDuty.findFirstOrThrow({
      where: { kind: 'MENTOR', group: { memberships: { some: { studentId: child.id } } } },
      select: { groupId: true, staff: { select: { account: { select: { username: true } } } } },
    });
    const mentor = await loggedIn(server, duty.staff.account!.username);
    const result = await mentor.request<{ classDay: { students: { id: string; reportedAbsences: unknown[] }[] } }>(CLASS_DAY, {
      id: duty.groupId,
    });
    return result.data?.classDay.students.find((student) => student.id === child.id)?.reportedAbsences;
  };

  it('a report for today makes an absence already marked valid, and confirms to the guardians', async () => {
    const lesson = await lessonOf(server, child.id, server.today, 0);
    const teacher = await loggedIn(server, lesson.username);
    await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'ABSENT' } });
    expect(await validReasonIn(lesson.id, teacher)).toBeNull();

    const result = await guardian.request<{ reportSick: Report }>(REPORT, {
      input: { studentId: child.id, fromDate: server.today, toDate: server.today },
    });
    expect(result.errors).toBeUndefined();
    const report = result.data!.reportSick;
    expect(report).toMatchObject({ fromDate: server.today, toDate: server.today, channel: 'WEB', canWithdraw: true, withdrawnAt: null });
    expect(report.coveredLessonCount).toBeGreaterThan(0);
    expect(await validReasonIn(lesson.id, teacher)).toBe('SICK');

    const confirmations = await eventually(async () => {
      const rows = await server.db.prisma.outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `sick:${report.id}:${child.guardianId}` } },
      });
      return rows.length === 2 && rows.every((row) => row.status === 'SENT') ? rows : undefined;
    }, 'the confirmations');
    expect(confirmations.map((m) => m.kind)).toEqual(['SICK_REPORT', 'SICK_REPORT']);
    expect(confirmations.find((m) => m.channel === 'SMS')?.body).toContain(`${child.firstName} är sjukanmäld`);

    // A later lesson the same day shows the report before its roll call is taken, and so does the mentor's class
    // day; marked absent, it is valid at once, and no absence alert is made.
    const later = await lessonOf(server, child.id, server.today, 1);
    const laterTeacher = await loggedIn(server, later.username);
    const reported = { reason: 'SICK', fromDate: server.today, toDate: server.today, fromTime: null, toTime: null };
    expect(await reportedIn(later.id, laterTeacher)).toEqual(reported);
    expect(await reportedInClassDay()).toEqual([{ reason: 'SICK', fromDate: server.today, toDate: server.today }]);
    await takeRollCall(laterTeacher, later.id, { [child.id]: { status: 'ABSENT' } });
    expect(await validReasonIn(later.id, laterTeacher)).toBe('SICK');
    expect(await server.db.prisma.absenceAlert.count({ where: { lessonId: later.id, studentId: child.id } })).toBe(0);

    // Withdrawn by mistake: the absence is unexcused again, and the guardians are told.
    const withdrawn = await guardian.request<{ withdrawSickReport: Report }>(WITHDRAW, { id: report.id });
    expect(withdrawn.data?.withdrawSickReport).toMatchObject({ canWithdraw: false });
    expect(withdrawn.data?.withdrawSickReport.withdrawnAt).not.toBeNull();
    expect(await validReasonIn(lesson.id, teacher)).toBeNull();
    expect(await reportedIn(later.id, laterTeacher)).toBeNull();
    expect(await reportedInClassDay()).toEqual([]);
    expect(
      await server.db.prisma.outboundMessage.count({
        where: { kind: 'SICK_REPORT_WITHDRAWN', idempotencyKey: { startsWith: `sick-withdrawn:${report.id}` } },
      }),
    ).toBeGreaterThan(0);
    expect(errorCode(await guardian.request(WITHDRAW, { id: report.id }))).toBe('BAD_USER_INPUT');
  });

  it('part of a day, and days ahead', async () => {
    const part = await guardian.request<{ reportSick: Report }>(REPORT, {
      input: {
        studentId: child.id,
        fromDate: server.today,
        toDate: server.today,
        fromTime: '13:00',
        toTime: '16:00',
        note: 'Tandläkare, sedan hemma',
      },
    });
    expect(part.errors).toBeUndefined();
    const ahead = await guardian.request<{ reportSick: Report }>(REPORT, {
      input: { studentId: child.id, fromDate: '2026-11-30', toDate: '2026-12-02' },
    });
    expect(ahead.data?.reportSick).toMatchObject({ fromDate: '2026-11-30', toDate: '2026-12-02', canWithdraw: true });
    const list = await guardian.request<{ sickReports: Report[] }>(LIST, { s: child.id });
    expect(list.data?.sickReports.map((r) => r.fromDate).slice(0, 2)).toEqual(['2026-11-30', server.today]);
  });

  it('refuses bad dates with every problem named, and saves nothing', async () => {
    const before = await server.db.prisma.sickReport.count();
    const cases: [Record<string, unknown>, unknown[]][] = [
      [{ fromDate: '2026-11-20', toDate: server.today }, ['TOO_FAR_BACK']],
      // Refused before the report's own rules, by the check every input passes (graphql/guard.ts).
      [{ fromDate: '2026-02-30', toDate: server.today }, [{ field: 'fromDate', code: 'INVALID_DATE' }]],
      [{ fromDate: server.today, toDate: '2026-11-24' }, ['END_BEFORE_START']],
      [{ fromDate: '2027-02-01', toDate: '2027-02-01' }, ['TOO_FAR_AHEAD']],
      [{ fromDate: server.today, toDate: server.today, fromTime: '14:00', toTime: '09:00' }, ['END_BEFORE_START']],
    ];
    for (const [span, problems] of cases) {
      const result = await guardian.request(REPORT, { input: { studentId: child.id, ...span } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.problems).toEqual(problems);
    }
    expect(
      errorCode(
        await guardian.request(REPORT, {
          input: { studentId: child.id, fromDate: server.today, toDate: server.today, note: 'x'.repeat(501) },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await server.db.prisma.sickReport.count()).toBe(before);
  });

  it("only the home reports, or the mentor and administrators for it: not for another family's child, not other staff, not a child for themself", async () => {
    const span = { fromDate: server.today, toDate: server.today };
    const stranger = await server.db.prisma.student.findFirstOrThrow({
      where: { guardianships: { none: { guardianId: child.guardianId } } },
    });
    expect(errorCode(await guardian.request(REPORT, { input: { studentId: stranger.id, ...span } }))).toBe('NOT_FOUND');
    expect(errorCode(await guardian.request(REPORT, { input: { studentId: 'not-an-id', ...span } }))).toBe('NOT_FOUND');
    expect(errorCode(await guardian.request(LIST, { s: stranger.id }))).toBe('NOT_FOUND');
    // Staff whose duties do not cover the child's class: a teacher of none of the child's groups, the principal.
    const teacher = await server.db.prisma.userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { schoolId: child.schoolId } },
            none: {
              OR: [
                { kind: { in: ['MENTOR', 'ADMINISTRATOR', 'PRINCIPAL'] } },
                { group: { memberships: { some: { studentId: child.id } } } },
              ],
            },
          },
        },
      },
      select: { username: true },
    });
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    for (const staff of [await loggedIn(server, teacher.username), principal]) {
      expect(errorCode(await staff.request(REPORT, { input: { studentId: child.id, ...span } }))).toBe('NOT_FOUND');
      expect(errorCode(await staff.request(CHECK, { input: { studentId: child.id, ...span } }))).toBe('NOT_FOUND');
      expect(errorCode(await staff.request(PROPOSED, { s: child.id }))).toBe('NOT_FOUND');
    }
    const minor = await loggedIn(server, 'elev');
    const self = await firstChild(server, minor, 'elev');
    expect(errorCode(await minor.request(REPORT, { input: { studentId: self.id, ...span } }))).toBe('NOT_FOUND');
    // ...but the student sees their own reports, without withdrawing them.
    const own = await minor.request<{ sickReports: Report[] }>(LIST, { s: self.id });
    expect(own.errors).toBeUndefined();
    expect(own.data?.sickReports.every((report) => !report.canWithdraw)).toBe(true);
  });

  it("the mentor registers the report a guardian phones in: the same checks, the guardians' confirmation, who took it", async () => {
    const username = await staffUsername(server, 'MENTOR', { groupId: child.classId });
    const mentor = await loggedIn(server, username);
    const staff = await server.db.prisma.staff.findFirstOrThrow({
      where: { account: { username } },
      select: { id: true, firstName: true, lastName: true },
    });
    const monday = { studentId: child.id, fromDate: '2026-12-07', toDate: '2026-12-07' };
    // The form's questions answer the mentor as they answer the home.
    expect((await mentor.request<{ proposedSickReportDate: string }>(PROPOSED, { s: child.id })).data?.proposedSickReportDate).toBe(
      server.today,
    );
    type Check = { checkSickReport: { lessonCount: number; coveringReport: { id: string } | null } };
    expect((await mentor.request<Check>(CHECK, { input: monday })).data?.checkSickReport.coveringReport).toBeNull();
    const tooFarBack = await mentor.request(REPORT, { input: { ...monday, fromDate: '2026-11-20', toDate: '2026-11-20' } });
    expect(tooFarBack.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: ['TOO_FAR_BACK'] });

    const result = await mentor.request<{ reportSick: Report }>(REPORT, { input: { ...monday, note: 'Pappa ringde kl. 7.40' } });
    expect(result.errors).toBeUndefined();
    const report = result.data!.reportSick;
    expect(report).toMatchObject({
      fromDate: '2026-12-07',
      channel: 'STAFF',
      reportedBy: `${staff.firstName} ${staff.lastName}`,
      canWithdraw: true,
    });
    expect(
      await server.db.prisma.sickReport.findUniqueOrThrow({
        where: { id: report.id },
        select: { reportedByStaffId: true, reportedByGuardianId: true, reportedByStudentId: true },
      }),
    ).toEqual({ reportedByStaffId: staff.id, reportedByGuardianId: null, reportedByStudentId: null });
    expect(
      await server.db.prisma.auditEvent.findFirst({
        where: { action: 'sickReport.created', entityId: report.id },
        select: { details: true },
      }),
    ).toEqual({ details: { channel: 'STAFF' } });

    // The guardians are told as if they had reported themselves, naming who registered it.
    const confirmations = await server.db.prisma.outboundMessage.findMany({
      where: { kind: 'SICK_REPORT', idempotencyKey: { startsWith: `sick:${report.id}:` } },
      select: { guardianId: true, channel: true, body: true },
    });
    expect(confirmations.map((message) => [message.guardianId, message.channel])).toEqual(
      expect.arrayContaining([
        [child.guardianId, 'EMAIL'],
        [child.guardianId, 'SMS'],
      ]),
    );
    const sms = confirmations.find((message) => message.guardianId === child.guardianId && message.channel === 'SMS')?.body;
    expect(sms).toContain(`${child.firstName} är sjukanmäld`);
    expect(sms).toContain(`hemmet meddelade skolan och ${staff.firstName} ${staff.lastName} registrerade anmälan.`);

    // The class day of that date shows it; the home sees it in its list; the same span again is refused, whoever sends it.
    const day = await mentor.request<{ classDay: { students: { id: string; mayReportSick: boolean; reportedAbsences: unknown[] }[] } }>(
      CLASS_DAY_ON,
      { id: child.classId, date: '2026-12-07' },
    );
    expect(day.data?.classDay.students.find((student) => student.id === child.id)).toMatchObject({
      mayReportSick: true,
      reportedAbsences: [{ reason: 'SICK', fromDate: '2026-12-07', toDate: '2026-12-07' }],
    });
    // The principal reads the class day too, but takes no report for the home.
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const principalDay = await principal.request<{ classDay: { students: { id: string; mayReportSick: boolean }[] } }>(CLASS_DAY_ON, {
      id: child.classId,
      date: '2026-12-07',
    });
    expect(principalDay.data?.classDay.students.find((student) => student.id === child.id)?.mayReportSick).toBe(false);
    const listed = (await guardian.request<{ sickReports: Report[] }>(LIST, { s: child.id })).data!.sickReports;
    expect(listed.find((candidate) => candidate.id === report.id)).toMatchObject({ channel: 'STAFF', canWithdraw: true });
    const again = await guardian.request(REPORT, { input: monday });
    expect(again.errors?.[0]?.extensions).toMatchObject({ problems: ['ALREADY_REPORTED'], reportId: report.id });

    // An administrator of the organisation may too; the mentor withdraws a report taken by mistake.
    const admin = await loggedIn(server, 'admin');
    const byAdmin = await admin.request<{ reportSick: Report }>(REPORT, {
      input: { studentId: child.id, fromDate: '2026-12-08', toDate: '2026-12-08' },
    });
    expect(byAdmin.data?.reportSick).toMatchObject({ channel: 'STAFF', canWithdraw: true });
    const withdrawn = await mentor.request<{ withdrawSickReport: Report }>(WITHDRAW, { id: byAdmin.data!.reportSick.id });
    expect(withdrawn.data?.withdrawSickReport.withdrawnAt).not.toBeNull();
  });

  it('an adult student reports for themself; a guardian without consent cannot', async () => {
    const adult = await loggedIn(server, 'myndig');
    const self = await firstChild(server, adult, 'myndig');
    const student = await server.db.prisma.student.findUniqueOrThrow({ where: { id: self.id } });
    const result = await adult.request<{ reportSick: Report }>(REPORT, {
      input: { studentId: self.id, fromDate: server.today, toDate: server.today },
    });
    expect(result.data?.reportSick.reportedBy).toBe(`${student.firstName} ${student.lastName}`);
    // `myndig` consents to the first of two guardians only (see prisma/seed/world.ts).
    const withoutConsent = await server.db.prisma.userAccount.findFirstOrThrow({
      where: {
        guardian: { guardianships: { some: { studentId: self.id } }, consents: { none: { studentId: self.id, withdrawnAt: null } } },
      },
      select: { username: true },
    });
    const other = await loggedIn(server, withoutConsent.username);
    expect(errorCode(await other.request(REPORT, { input: { studentId: self.id, fromDate: server.today, toDate: server.today } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('recognises the same span sent twice, and tells the form of a span without lessons', async () => {
    const thursday = { studentId: child.id, fromDate: '2026-11-26', toDate: '2026-11-26' };
    const weekend = { studentId: child.id, fromDate: '2026-11-28', toDate: '2026-11-29' };
    type Check = { checkSickReport: { lessonCount: number; coveringReport: { id: string } | null } };
    expect((await guardian.request<Check>(CHECK, { input: weekend })).data?.checkSickReport).toEqual({
      lessonCount: 0,
      coveringReport: null,
    });
    const before = (await guardian.request<Check>(CHECK, { input: thursday })).data!.checkSickReport;
    expect(before.lessonCount).toBeGreaterThan(0);
    expect(before.coveringReport).toBeNull();

    const first = (await guardian.request<{ reportSick: Report }>(REPORT, { input: thursday })).data!.reportSick;
    expect((await guardian.request<Check>(CHECK, { input: thursday })).data?.checkSickReport).toEqual({
      lessonCount: before.lessonCount,
      coveringReport: { id: first.id },
    });
    const messages = () => server.db.prisma.outboundMessage.count({ where: { kind: 'SICK_REPORT', studentId: child.id } });
    const messagesBefore = await messages();
    const again = await guardian.request(REPORT, { input: { ...thursday, note: 'Skickat igen' } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.extensions).toMatchObject({ problems: ['ALREADY_REPORTED'], reportId: first.id });
    expect(await server.db.prisma.sickReport.count({ where: { studentId: child.id, fromDate: new Date('2026-11-26') } })).toBe(1);
    expect(await messages()).toBe(messagesBefore);

    // The check refuses what reporting refuses, and sees only what the viewer may report for.
    const bad = await guardian.request(CHECK, { input: { ...thursday, fromDate: '2026-02-30' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'fromDate', code: 'INVALID_DATE' }] });
    const stranger = await server.db.prisma.student.findFirstOrThrow({
      where: { guardianships: { none: { guardianId: child.guardianId } } },
    });
    expect(errorCode(await guardian.request(CHECK, { input: { ...thursday, studentId: stranger.id } }))).toBe('NOT_FOUND');
    expect(errorCode(await guardian.request(PROPOSED, { s: stranger.id }))).toBe('NOT_FOUND');
  });

  it('proposes today while the child has lessons left, and after the school day the next day with lessons', async () => {
    const [next] = await server.db.prisma.$queryRaw<{ date: string }[]>`
      SELECT to_char(l.date, 'YYYY-MM-DD') AS date FROM "Lesson" l JOIN "GroupMembership" m ON m."groupId" = l."groupId"
      WHERE m."studentId" = ${child.id}::uuid AND l.status = 'SCHEDULED' AND l."endsAt" > ${server.clock()}
      ORDER BY l."startsAt" LIMIT 1`;
    expect(next?.date).toBe(server.today);
    expect((await guardian.request<{ proposedSickReportDate: string }>(PROPOSED, { s: child.id })).data?.proposedSickReportDate).toBe(
      server.today,
    );
    // A Friday at 17:30: the next lessons are on Monday.
    const friday = await startTestServer(kind, { env: { INSYN_CLOCK_START: '2026-11-27T16:30:00Z' } });
    try {
      const evening = await loggedIn(friday, 'vardnadshavare');
      expect((await evening.request<{ proposedSickReportDate: string }>(PROPOSED, { s: child.id })).data?.proposedSickReportDate).toBe(
        '2026-11-30',
      );
    } finally {
      await friday.stop();
    }
  });
});
