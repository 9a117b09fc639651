// Quiet hours from the outside: at 22:00 an absence found in a roll call is messaged at 07:00 the next morning,
// while the confirmation of a guardian's own sick report goes at once, and e-mail goes at once to a guardian
// who chose e-mail at any hour. The school's quiet hours are its setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, eventually, loggedIn, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, lessonOf, optIn, takeRollCall, UPDATE_MY_CONTACT, type Child } from '../../test/fixtures.ts';

const REPORT = `mutation($input: SickReportInput!) { reportSick(input: $input) { id } }`;
const RETRY = `mutation($id: ID!) { retryMessage(id: $id) { id status } }`;
const SETTINGS = `mutation($id: ID!, $input: SchoolSettingsInput!) { updateSchoolSettings(id: $id, input: $input) {
  settings { quietHoursFrom quietHoursUntil gradeWarningContactDays } } }`;

describe.each(['pglite' as const])('quiet hours on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;

  beforeAll(async () => {
    // 22:00 in Stockholm on the standard school day; absence is told at once (no grace period).
    server = await startTestServer(kind, {
      env: { INSYN_CLOCK_START: '2026-11-25T21:00:00Z', NOTIFY_GRACE_SECONDS: '0', DELIVERY_POLL_MS: '50' },
    });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await optIn(guardian);
  });
  afterAll(() => server?.stop());

  const messagesOf = (kind: 'ABSENCE' | 'SICK_REPORT') =>
    server.db.prisma.outboundMessage.findMany({
      where: { studentId: child.id, guardianId: child.guardianId, kind },
      select: { channel: true, status: true, nextAttemptAt: true },
      orderBy: { channel: 'asc' },
    });

  it('holds the absence message until 07:00 and sends the confirmation of a sick report at once', async () => {
    const lesson = await lessonOf(server, child.id, server.today, 0);
    await takeRollCall(await loggedIn(server, lesson.username), lesson.id, { [child.id]: { status: 'ABSENT' } });
    const held = await eventually(async () => {
      const rows = await messagesOf('ABSENCE');
      return rows.length === 2 ? rows : undefined;
    }, 'the absence messages queued');
    const morning = new Date('2026-11-26T06:00:00Z');
    expect(held).toEqual([
      { channel: 'SMS', status: 'QUEUED', nextAttemptAt: morning },
      { channel: 'EMAIL', status: 'QUEUED', nextAttemptAt: morning },
    ]);

    // (The child's other guardian may have chosen messages too: only this guardian's are counted.)
    // The guardian reports the child sick for tomorrow: confirmed at once, so the worker has run since the
    // absence messages were queued, and they still wait.
    expect(
      (await guardian.request(REPORT, { input: { studentId: child.id, fromDate: '2026-11-26', toDate: '2026-11-26' } })).errors,
    ).toBeUndefined();
    await eventually(async () => {
      const rows = await messagesOf('SICK_REPORT');
      return rows.length === 2 && rows.every((row) => row.status === 'SENT') ? rows : undefined;
    }, 'the confirmations sent');
    expect((await messagesOf('ABSENCE')).map((row) => row.status)).toEqual(['QUEUED', 'QUEUED']);
  });

  it("holds an administrator's retry of an absence SMS in the quiet hours too", async () => {
    const sms = await server.db.prisma.outboundMessage.findFirstOrThrow({
      where: { studentId: child.id, guardianId: child.guardianId, kind: 'ABSENCE', channel: 'SMS' },
      select: { id: true },
    });
    // As if it had given up after its attempts (the test servers' providers never fail on their own).
    await server.db.prisma.outboundMessage.update({ where: { id: sms.id }, data: { status: 'FAILED', attempts: 8 } });
    const retried = await (await loggedIn(server, 'admin')).request(RETRY, { id: sms.id });
    expect(retried.errors).toBeUndefined();
    expect(
      await server.db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: sms.id }, select: { status: true, nextAttemptAt: true } }),
    ).toEqual({ status: 'QUEUED', nextAttemptAt: new Date('2026-11-26T06:00:00Z') });
  });

  it("sends e-mail at once to a guardian who chose any hour, and follows the school's own quiet hours", async () => {
    const chose = await guardian.request<{ updateMyContactPreferences: { emailDuringQuietHours: boolean } }>(
      UPDATE_MY_CONTACT.replace('changedByStaff', 'changedByStaff emailDuringQuietHours'),
      {
        input: {
          bySms: true,
          byEmail: true,
          mobilePhone: '070-123 45 67',
          email: 'hem@example.se',
          locale: 'sv',
          emailDuringQuietHours: true,
        },
      },
    );
    expect(chose.data?.updateMyContactPreferences.emailDuringQuietHours).toBe(true);
    const lesson = await lessonOf(server, child.id, server.today, 1);
    await takeRollCall(await loggedIn(server, lesson.username), lesson.id, { [child.id]: { status: 'LATE', lateMinutes: 10 } });
    const rows = await eventually(async () => {
      const found = await server.db.prisma.outboundMessage.findMany({
        where: { studentId: child.id, guardianId: child.guardianId, kind: 'ABSENCE', idempotencyKey: { contains: lesson.id } },
        select: { channel: true, status: true },
        orderBy: { channel: 'asc' },
      });
      return found.length === 2 && found.some((row) => row.status === 'SENT') ? found : undefined;
    }, 'the e-mail sent');
    expect(rows).toEqual([
      { channel: 'SMS', status: 'QUEUED' },
      { channel: 'EMAIL', status: 'SENT' },
    ]);

    // The school ends its quiet hours at 21:00 (from 06 to 21): a later absence message goes at once.
    const admin = await loggedIn(server, 'admin');
    const current = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } });
    const settings = {
      mentorLeaveDayLimit: current.mentorLeaveDayLimit,
      sickReportDaysBack: current.sickReportDaysBack,
      absenceWarningPercent: current.absenceWarningPercent,
      absenceAlarmPercent: current.absenceAlarmPercent,
      csnThresholdMinutes: current.csnThresholdMinutes,
      gradeWarningContactDays: current.gradeWarningContactDays,
    };
    expect(errorCode(await admin.request(SETTINGS, { id: child.schoolId, input: { ...settings, quietHoursFrom: 24 } }))).toBe(
      'BAD_USER_INPUT',
    );
    const saved = await admin.request(SETTINGS, { id: child.schoolId, input: { ...settings, quietHoursFrom: 6, quietHoursUntil: 21 } });
    expect(saved.errors).toBeUndefined();
    // Left out, the quiet hours stay as they are.
    const kept = await admin.request<{ updateSchoolSettings: { settings: { quietHoursFrom: number } } }>(SETTINGS, {
      id: child.schoolId,
      input: settings,
    });
    expect(kept.data?.updateSchoolSettings.settings.quietHoursFrom).toBe(6);

    const third = await lessonOf(server, child.id, server.today, 2);
    await takeRollCall(await loggedIn(server, third.username), third.id, { [child.id]: { status: 'ABSENT' } });
    await eventually(async () => {
      const found = await server.db.prisma.outboundMessage.findMany({
        where: { studentId: child.id, guardianId: child.guardianId, kind: 'ABSENCE', idempotencyKey: { contains: third.id } },
        select: { status: true },
      });
      return found.length === 2 && found.every((row) => row.status === 'SENT') ? found : undefined;
    }, 'both messages sent at once');
  });
});
