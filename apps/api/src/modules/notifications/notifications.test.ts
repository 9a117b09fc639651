// Contact choices, absence messages after a roll call (with the grace period), and the outbox,
// through the API on both databases. No provider is configured: messages land in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { CONTACT_FIELDS, firstChild, lessonOf, optIn, takeRollCall, UPDATE_MY_CONTACT, type Child } from '../../test/fixtures.ts';

const MY_CONTACT = `{ myContactPreferences { ${CONTACT_FIELDS} } }`;
const GUARDIAN_CONTACTS = `query($s: ID!) { guardianContacts(studentId: $s) { ${CONTACT_FIELDS} } }`;
const UPDATE_GUARDIAN_CONTACT = `mutation($s: ID!, $g: ID!, $input: ContactPreferencesInput!) {
  updateGuardianContactPreferences(studentId: $s, guardianId: $g, input: $input) { ${CONTACT_FIELDS} } }`;
const OUTBOX = `query($status: MessageStatus) { outbox(status: $status) { totalCount failedCount smsProviderConfigured emailProviderConfigured
  messages { id kind channel recipient guardianName studentName subject body status attempts provider sentAt } } }`;
const RETRY = `mutation($id: ID!) { retryMessage(id: $id) { id status attempts } }`;

interface Contact {
  guardianId: string;
  bySms: boolean;
  byEmail: boolean;
  mobilePhone: string | null;
  email: string | null;
  locale: string;
  changedByStaff: boolean;
}

// Embedded PostgreSQL only, to keep the suite within its time: the same roll-call alerts and queue run on a
// PostgreSQL server in delivery.test.ts (one server per database kind there).
describe.each(['pglite' as const])('on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;

  // A long grace period, ended by the tests themselves: outcomes do not depend on timing.
  beforeAll(async () => {
    server = await startTestServer(kind, { env: { NOTIFY_GRACE_SECONDS: '3600', DELIVERY_POLL_MS: '50' } });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
  });
  afterAll(() => server?.stop());

  describe('contact choices', () => {
    it('a guardian sets SMS and e-mail; the number is stored in E.164', async () => {
      const result = await guardian.request<{ updateMyContactPreferences: Contact }>(UPDATE_MY_CONTACT, {
        input: { bySms: true, byEmail: false, mobilePhone: '070-765 43 21', email: ' anna@example.se ', locale: 'en' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateMyContactPreferences).toMatchObject({
        bySms: true,
        byEmail: false,
        mobilePhone: '+46707654321',
        email: 'anna@example.se',
        locale: 'en',
        changedByStaff: false,
      });
      const read = await guardian.request<{ myContactPreferences: Contact }>(MY_CONTACT);
      expect(read.data?.myContactPreferences.mobilePhone).toBe('+46707654321');
    });

    it('bad input is refused field by field and changes nothing', async () => {
      const before = await guardian.request<{ myContactPreferences: Contact }>(MY_CONTACT);
      const result = await guardian.request(UPDATE_MY_CONTACT, {
        input: { bySms: true, byEmail: true, mobilePhone: '08-123 456 78', email: 'not-an-address', locale: 'sv' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.problems).toEqual([
        { field: 'mobilePhone', code: 'NOT_A_MOBILE' },
        { field: 'email', code: 'INVALID_EMAIL' },
      ]);
      const missing = await guardian.request(UPDATE_MY_CONTACT, { input: { bySms: true, byEmail: false, mobilePhone: '', locale: 'sv' } });
      expect(missing.errors?.[0]?.extensions?.problems).toEqual([{ field: 'mobilePhone', code: 'REQUIRED_FOR_SMS' }]);
      const after = await guardian.request<{ myContactPreferences: Contact }>(MY_CONTACT);
      expect(after.data).toEqual(before.data);
    });

    it("the child's mentor sees and sets a guardian's choices; the change is marked as made by staff", async () => {
      const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
      const list = await mentor.request<{ guardianContacts: Contact[] }>(GUARDIAN_CONTACTS, { s: child.id });
      expect(list.data?.guardianContacts.map((g) => g.guardianId)).toContain(child.guardianId);
      const result = await mentor.request<{ updateGuardianContactPreferences: Contact }>(UPDATE_GUARDIAN_CONTACT, {
        s: child.id,
        g: child.guardianId,
        input: { bySms: false, byEmail: true, mobilePhone: '+46 70 765 43 21', email: 'anna@example.se', locale: 'sv' },
      });
      expect(result.data?.updateGuardianContactPreferences).toMatchObject({ byEmail: true, bySms: false, changedByStaff: true });
      const audit = await server.db.prisma.auditEvent.findFirst({
        where: { action: 'contact.changed', entityId: child.guardianId },
        orderBy: { id: 'desc' },
      });
      expect(audit?.studentId).toBe(child.id);
    });

    it('teachers, other guardians and students may not see or set them', async () => {
      const teacher = await loggedIn(server, await staffUsername(server, 'TEACHER', {}));
      const student = await loggedIn(server, 'elev');
      expect(errorCode(await teacher.request(GUARDIAN_CONTACTS, { s: child.id }))).toBe('NOT_FOUND');
      // The family is refused the staff field itself (graphql/guard.ts).
      expect(errorCode(await student.request(GUARDIAN_CONTACTS, { s: child.id }))).toBe('FORBIDDEN');
      const adult = await loggedIn(server, 'myndig');
      const adultChild = await firstChild(server, adult, 'myndig');
      expect(errorCode(await guardian.request(GUARDIAN_CONTACTS, { s: adultChild.id }))).toBe('FORBIDDEN');
      const input = { bySms: true, byEmail: false, mobilePhone: '0701112233', locale: 'sv' };
      expect(errorCode(await guardian.request(UPDATE_GUARDIAN_CONTACT, { s: child.id, g: child.guardianId, input }))).toBe('FORBIDDEN');
      expect(errorCode(await teacher.request(MY_CONTACT))).toBe('FORBIDDEN');
    });

    it('a guardian of another student cannot be changed through this student', async () => {
      const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
      const stranger = await server.db.prisma.guardian.findFirstOrThrow({ where: { guardianships: { none: { studentId: child.id } } } });
      const input = { bySms: true, byEmail: false, mobilePhone: '0701112233', locale: 'sv' };
      expect(errorCode(await mentor.request(UPDATE_GUARDIAN_CONTACT, { s: child.id, g: stranger.id, input }))).toBe('NOT_FOUND');
    });
  });

  describe('absence messages', () => {
    beforeAll(() => optIn(guardian));

    const endGracePeriod = (lessonId: string) =>
      server.db.prisma.absenceAlert.updateMany({ where: { lessonId, studentId: child.id }, data: { dueAt: new Date(0) } });
    const processedAlert = (lessonId: string) =>
      eventually(async () => {
        const alert = await server.db.prisma.absenceAlert.findUnique({ where: { lessonId_studentId: { lessonId, studentId: child.id } } });
        return alert?.processedAt ? alert : undefined;
      }, 'the alert to be processed');
    const messagesAbout = (lessonId: string) =>
      server.db.prisma.outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `absence:${lessonId}:${child.id}:` } },
        orderBy: { channel: 'asc' },
      });

    it('unexcused absence: each opted-in guardian gets SMS and e-mail once the grace period is over', async () => {
      const lesson = await lessonOf(server, child.id, server.today, 0);
      const teacher = await loggedIn(server, lesson.username);
      await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'ABSENT' } });
      expect(await server.db.prisma.absenceAlert.findFirst({ where: { lessonId: lesson.id, studentId: child.id } })).toMatchObject({
        processedAt: null,
      });
      expect(await messagesAbout(lesson.id)).toEqual([]);

      await endGracePeriod(lesson.id);
      expect(await processedAlert(lesson.id)).toMatchObject({ outcome: 'NOTIFIED' });
      const sent = await eventually(async () => {
        const messages = (await messagesAbout(lesson.id)).filter((m) => m.guardianId === child.guardianId);
        return messages.length === 2 && messages.every((m) => m.status === 'SENT') ? messages : undefined;
      }, 'both messages to reach the outbox');
      expect(sent.map((m) => [m.channel, m.recipient, m.provider])).toEqual([
        ['SMS', '+46701234567', 'OUTBOX'],
        ['EMAIL', 'hem@example.se', 'OUTBOX'],
      ]);
      expect(sent[0]?.body).toContain(child.firstName);
      // Both link to the lesson's entry in the list behind the absence figures, where the home reports sickness.
      const entry = `/franvaro/lektioner?elev=${child.id}&dag=${server.today}&lektion=${lesson.id}`;
      expect(sent[0]?.body).toMatch(new RegExp(`Se lektionen och sjukanmäl: https?://\\S+${entry.replace(/[?]/g, '\\?')}`));
      expect(sent[1]?.body).toContain(`Se lektionen i Insyn: `);
      expect(sent[1]?.body).toContain(entry);
      expect(sent[1]?.body).toContain('/sjukanmalan');

      // Marking the absence again (now as lateness) tells no one a second time: the alert stays done.
      const alertBefore = await processedAlert(lesson.id);
      const countBefore = (await messagesAbout(lesson.id)).length;
      await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'LATE', lateMinutes: 20 } });
      expect(
        await server.db.prisma.absenceAlert.findUnique({ where: { lessonId_studentId: { lessonId: lesson.id, studentId: child.id } } }),
      ).toEqual(alertBefore);
      expect((await messagesAbout(lesson.id)).length).toBe(countBefore);
    });

    it('a correction within the grace period cancels the message', async () => {
      const lesson = await lessonOf(server, child.id, server.today, 1);
      const teacher = await loggedIn(server, lesson.username);
      await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'ABSENT' } });
      await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'PRESENT' } });
      await endGracePeriod(lesson.id);
      expect(await processedAlert(lesson.id)).toMatchObject({ outcome: 'EXCUSED', messageCount: 0 });
      expect(await messagesAbout(lesson.id)).toEqual([]);
    });

    it('lateness is told too, with the minutes', async () => {
      const lesson = await lessonOf(server, child.id, server.today, 2);
      const teacher = await loggedIn(server, lesson.username);
      await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'LATE', lateMinutes: 12 } });
      await endGracePeriod(lesson.id);
      await processedAlert(lesson.id);
      const [sms] = (await messagesAbout(lesson.id)).filter((m) => m.guardianId === child.guardianId && m.channel === 'SMS');
      expect(sms?.body).toMatch(/12 minuter för sent/);
    });

    it('only administrators read the outbox', async () => {
      const admin = await loggedIn(server, 'admin');
      const page = await admin.request<{
        outbox: { totalCount: number; smsProviderConfigured: boolean; messages: { kind: string; status: string }[] };
      }>(OUTBOX);
      expect(page.data?.outbox.totalCount).toBeGreaterThan(0);
      expect(page.data?.outbox.smsProviderConfigured).toBe(false);
      expect(page.data?.outbox.messages.some((m) => m.kind === 'ABSENCE')).toBe(true);
      for (const username of ['rektor', 'mentor', 'vardnadshavare', 'elev']) {
        expect(errorCode(await (await loggedIn(server, username)).request(OUTBOX))).toBe('FORBIDDEN');
      }
    });

    it('an administrator retries a message that gave up; others are refused', async () => {
      const admin = await loggedIn(server, 'admin');
      const message = await server.db.prisma.outboundMessage.findFirstOrThrow({ where: { status: 'SENT' } });
      expect(errorCode(await admin.request(RETRY, { id: message.id }))).toBe('BAD_USER_INPUT');
      await server.db.prisma.outboundMessage.update({ where: { id: message.id }, data: { status: 'FAILED', lastError: 'provider down' } });
      const failed = await admin.request<{ outbox: { failedCount: number } }>(OUTBOX, { status: 'FAILED' });
      expect(failed.data?.outbox.failedCount).toBe(1);
      expect(errorCode(await (await loggedIn(server, 'rektor')).request(RETRY, { id: message.id }))).toBe('FORBIDDEN');
      const retried = await admin.request<{ retryMessage: { status: string; attempts: number } }>(RETRY, { id: message.id });
      expect(retried.data?.retryMessage.attempts).toBe(0);
      await eventually(async () => {
        const row = await server.db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
        return row.status === 'SENT' ? row : undefined;
      }, 'the retried message to be sent');
      expect(errorCode(await admin.request(RETRY, { id: 'nope' }))).toBe('NOT_FOUND');
    });
  });
});
