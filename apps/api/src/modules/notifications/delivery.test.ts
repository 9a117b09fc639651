// Real delivery: the API's worker sends absence messages to a local SMTP server and a local HTTP server
// speaking the 46elks SMS API, on both databases. Faults (a provider down and back, the API process
// restarted, a claim left behind by a process that died, a refused recipient, a provider down for good,
// two workers on one queue) must still end with each message arriving exactly once.
//
// The tests of one database kind share one database and run in order: the restart test replaces the
// server, and the tests after it run on the restarted one. Nothing waits a fixed time: every test waits
// for a condition (rows in a state, the worker idle) and then checks what reached the fakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@insyn/db';
import {
  DATABASE_KINDS,
  eventually,
  loggedIn,
  removeTestDatabase,
  startTestServer,
  type DatabaseKind,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';
import { startFake46elks, startFakeSmtpServer, type Fake46elks, type FakeSmtpServer } from '../../test/fake-providers.ts';
import { firstChild, lessonOf, optIn, takeRollCall, type Child } from '../../test/fixtures.ts';
import { messageIdFor } from './delivery/smtp-sender.ts';
import { deliveryTimes, queueMessages, type MessageKind, type NewMessage } from './queue.ts';

const MAIL_FROM = 'Insyn Solskolan <noreply@solskolan.se>';
const SMS_FROM = 'Solskolan';
const PHONE = '+46701234567';
const EMAIL = 'hem@example.se';
const REFUSED_EMAIL = 'finns-inte@example.se';

const OUTBOX = `query($status: MessageStatus) { outbox(status: $status) { failedCount totalCount smsProviderConfigured emailProviderConfigured
  messages { id channel recipient status attempts lastError provider } } }`;
const RETRY = `mutation($id: ID!) { retryMessage(id: $id) { id status attempts } }`;

interface OutboxPage {
  outbox: {
    failedCount: number;
    totalCount: number;
    smsProviderConfigured: boolean;
    emailProviderConfigured: boolean;
    messages: {
      id: string;
      channel: string;
      recipient: string;
      status: string;
      attempts: number;
      lastError: string | null;
      provider: string | null;
    }[];
  };
}

function deliveryEnv(smtp: FakeSmtpServer, elks: Fake46elks, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    NOTIFY_GRACE_SECONDS: '0',
    SMTP_URL: smtp.url,
    MAIL_FROM,
    ELKS_API_URL: elks.apiUrl,
    ELKS_API_USERNAME: elks.username,
    ELKS_API_PASSWORD: elks.password,
    ELKS_SMS_FROM: SMS_FROM,
    DELIVERY_POLL_MS: '50',
    DELIVERY_RETRY_BASE_MS: '100',
    // 100 ms doubling: the 12th attempt comes about 3.4 minutes after the first, beyond any outage in these tests
    // however busy the machine (an outage lasts from a provider's stop() to its start(), a few steps of a test).
    DELIVERY_MAX_ATTEMPTS: '12',
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)('delivery to local providers on %s', (kind: DatabaseKind) => {
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let server: TestServer;
  /** between the restart test's stop and start */
  let serverStopped = false;
  /** servers besides `server` still running, stopped at the end */
  const others: TestServer[] = [];
  let guardian: TestClient;
  let child: Child;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer({ rejectRecipients: [REFUSED_EMAIL] });
    elks = await startFake46elks();
    server = await startTestServer(kind, { keepDatabase: true, env: deliveryEnv(smtp, elks) });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
  });

  afterAll(async () => {
    for (const other of others) await other.stop();
    if (server) {
      if (!serverStopped) await server.stop();
      await removeTestDatabase(server.location);
    }
    await smtp?.stop();
    await elks?.stop();
  });

  const prisma = () => server.db.prisma;
  /**
   * For another server on `existing`'s database. Each test server's clock starts at 09:30 on the school day
   * when it starts; the next one must go on from the time the first has reached, or the retries that
   * server planned would lie in the new one's future.
   */
  const nextProcessEnv = (existing: TestServer, overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
    deliveryEnv(smtp, elks, { INSYN_CLOCK_START: existing.clock().toISOString(), ...overrides });

  /** The messages about the child's absence from a lesson (to every guardian told), once its alert has been handled. */
  async function messagesAbout(lessonId: string): Promise<OutboundMessage[]> {
    const alert = await eventually(async () => {
      const row = await prisma().absenceAlert.findUnique({ where: { lessonId_studentId: { lessonId, studentId: child.id } } });
      return row?.processedAt ? row : undefined;
    }, 'the absence alert to be handled');
    expect(alert.outcome).toBe('NOTIFIED');
    const messages = await prisma().outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: `absence:${lessonId}:${child.id}:` } },
      orderBy: [{ channel: 'asc' }, { idempotencyKey: 'asc' }],
    });
    expect(messages).toHaveLength(alert.messageCount ?? -1);
    return messages;
  }

  /** Waits until every message about the lesson satisfies `done`; returns them. */
  function messagesUntil(lessonId: string, what: string, done: (message: OutboundMessage) => boolean): Promise<OutboundMessage[]> {
    return eventually(async () => {
      const messages = await messagesAbout(lessonId);
      return messages.every(done) ? messages : undefined;
    }, what);
  }

  /** The guardian who opted in: their two messages about the lesson. */
  function mine(messages: OutboundMessage[]): { sms: OutboundMessage; email: OutboundMessage } {
    const sms = messages.find((m) => m.guardianId === child.guardianId && m.channel === 'SMS');
    const email = messages.find((m) => m.guardianId === child.guardianId && m.channel === 'EMAIL');
    if (!sms || !email) throw new Error(`the guardian's messages are missing: ${JSON.stringify(messages)}`);
    return { sms, email };
  }

  /** The worker has nothing left to do: no alert waiting, no message waiting or being sent. */
  function idle(): Promise<true> {
    return eventually(async () => {
      // In this order: an alert is handled in the transaction that queues its messages, so once none is
      // waiting, the count of messages that follows sees all of them.
      const alerts = await prisma().absenceAlert.count({ where: { processedAt: null } });
      const busy = await prisma().outboundMessage.count({ where: { status: { in: ['QUEUED', 'SENDING'] } } });
      return alerts === 0 && busy === 0 ? true : undefined;
    }, 'the delivery worker to go idle');
  }

  /**
   * The whole database against the fakes, once the worker is idle: every SENT message reached its provider
   * exactly once, and nothing else arrived (no repeat, nothing that is not SENT).
   */
  async function expectEverySentMessageArrivedOnce(): Promise<void> {
    await idle();
    const sent = await prisma().outboundMessage.findMany({ where: { status: 'SENT' } });
    const mails = sent.filter((m) => m.channel === 'EMAIL');
    const texts = sent.filter((m) => m.channel === 'SMS');
    expect(mails.every((m) => m.provider === 'SMTP' && m.providerMessageId === messageIdFor(m.idempotencyKey, MAIL_FROM))).toBe(true);
    expect(texts.every((m) => m.provider === '46ELKS' && m.providerMessageId !== null)).toBe(true);
    const sorted = (values: (string | null | undefined)[]) => values.map(String).sort();
    expect(sorted(smtp.received.map((mail) => mail.messageId))).toEqual(sorted(mails.map((m) => m.providerMessageId)));
    expect(sorted(elks.received.map((sms) => sms.id))).toEqual(sorted(texts.map((m) => m.providerMessageId)));
    expect(sorted(elks.received.map((sms) => `${sms.to} ${sms.message}`))).toEqual(sorted(texts.map((m) => `${m.recipient} ${m.body}`)));
  }

  async function reportAbsent(lessonIndex: number): Promise<string> {
    const lesson = await lessonOf(server, child.id, server.today, lessonIndex);
    const teacher = await loggedIn(server, lesson.username);
    await takeRollCall(teacher, lesson.id, { [child.id]: { status: 'ABSENT' } });
    return lesson.id;
  }

  it('an absence reaches the guardian by SMS and e-mail, once each, in Swedish', async () => {
    await optIn(guardian, '070-123 45 67', EMAIL);
    const lessonId = await reportAbsent(0);

    const messages = await messagesUntil(lessonId, 'the messages to be sent', (m) => m.status === 'SENT');
    const { sms, email } = mine(messages);
    const lesson = await prisma().lesson.findUniqueOrThrow({ where: { id: lessonId }, select: { subject: { select: { nameSv: true } } } });

    const texts = elks.received.filter((received) => received.to === PHONE);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ from: SMS_FROM, username: elks.username, message: sms.body });
    expect(texts[0]?.message).toContain(`${child.firstName} är frånvarande från ${lesson.subject.nameSv}`);
    expect(sms).toMatchObject({ status: 'SENT', provider: '46ELKS', providerMessageId: texts[0]?.id, recipient: PHONE, attempts: 1 });

    const mails = smtp.received.filter((received) => received.envelopeTo.includes(EMAIL));
    expect(mails).toHaveLength(1);
    const messageId = messageIdFor(email.idempotencyKey, MAIL_FROM);
    expect(mails[0]).toMatchObject({
      envelopeFrom: 'noreply@solskolan.se',
      to: [EMAIL],
      subject: `Frånvaro: ${child.firstName}`,
      text: email.body,
      messageId,
    });
    expect(mails[0]?.text).toContain(`${child.firstName} är frånvarande från ${lesson.subject.nameSv}`);
    expect(email).toMatchObject({ status: 'SENT', provider: 'SMTP', providerMessageId: messageId, recipient: EMAIL, attempts: 1 });

    await expectEverySentMessageArrivedOnce();
  });

  it('with the SMTP server down and 46elks answering 503, messages wait and retry, then arrive exactly once', async () => {
    await smtp.stop();
    elks.unavailable = true;
    const elksAttemptsBefore = elks.attempts;
    let lessonId: string;
    try {
      lessonId = await reportAbsent(1);
      const retrying = await messagesUntil(
        lessonId,
        'every message to have failed twice and wait for its next attempt',
        (m) => m.status === 'QUEUED' && m.attempts >= 2 && m.lastError !== null,
      );
      for (const message of retrying) {
        expect(message.lastError).toMatch(
          message.channel === 'SMS' ? /46elks is unavailable \(HTTP 503\)/ : /ECONNREFUSED|ECONNECTION|ESOCKET/,
        );
        expect(message.sentAt).toBeNull();
      }
      expect(elks.attempts - elksAttemptsBefore).toBeGreaterThanOrEqual(2 * retrying.filter((m) => m.channel === 'SMS').length);
    } finally {
      await smtp.start();
      elks.unavailable = false;
    }

    const sent = await messagesUntil(lessonId, 'the messages to be sent once the providers are back', (m) => m.status === 'SENT');
    expect(sent.every((m) => m.attempts >= 3 && m.lastError === null)).toBe(true);
    const { sms, email } = mine(sent);
    expect(elks.received.filter((received) => received.to === PHONE && received.message === sms.body)).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.messageId === messageIdFor(email.idempotencyKey, MAIL_FROM))).toHaveLength(1);
    await expectEverySentMessageArrivedOnce();
  });

  it('queues each message once, whatever the batch, each with its own time to go', async () => {
    // Late in the evening a day ahead of the server's clock, in the school's quiet hours: nothing here falls due.
    const now = new Date(server.clock().getTime() + 86_400_000);
    now.setUTCHours(21, 30, 0, 0);
    const key = `test:queue:${kind}`;
    const message = (name: string, channel: 'SMS' | 'EMAIL', purpose: MessageKind): NewMessage => ({
      idempotencyKey: `${key}:${name}:${channel}`,
      kind: purpose,
      channel,
      guardianId: child.guardianId,
      studentId: child.id,
      recipient: channel === 'SMS' ? PHONE : EMAIL,
      locale: 'sv',
      subject: channel === 'SMS' ? null : `Ämne ${name}`,
      body: `Text ${name} (${channel})`,
    });
    const [smsA, emailA, emailB] = [message('a', 'SMS', 'ABSENCE'), message('a', 'EMAIL', 'ABSENCE'), message('b', 'EMAIL', 'SICK_REPORT')];
    const first = [smsA, emailA, emailB];
    try {
      // The same key twice in one batch is queued once.
      expect(await queueMessages(prisma(), now, [...first, message('a', 'SMS', 'ABSENCE')])).toBe(3);
      const sendAt = await deliveryTimes(prisma(), now, first);
      const rows = await prisma().outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: key } },
        orderBy: { idempotencyKey: 'asc' },
      });
      expect(rows).toEqual(
        [emailA, smsA, emailB].map((queued) =>
          expect.objectContaining({ ...queued, status: 'QUEUED', attempts: 0, nextAttemptAt: sendAt(queued), createdAt: now }),
        ),
      );
      // An absence by SMS waits for the quiet hours to end; a sick report's confirmation does not.
      expect(sendAt(smsA).getTime()).toBeGreaterThan(now.getTime());
      expect(sendAt(emailB)).toEqual(now);
      // Queued again with one more: only the new one.
      expect(await queueMessages(prisma(), now, [...first, message('c', 'SMS', 'ABSENCE')])).toBe(1);
      expect(await prisma().outboundMessage.count({ where: { idempotencyKey: { startsWith: key } } })).toBe(4);
    } finally {
      await prisma().outboundMessage.deleteMany({ where: { idempotencyKey: { startsWith: key } } });
    }
  });

  it('a claim whose lease ran out (its process died mid-send) is taken again and sent once; a live claim is left alone', async () => {
    const past = new Date(`${server.today}T08:00:00Z`);
    const future = new Date(`${server.today}T23:00:00Z`);
    const key = `test:lease:${kind}`;
    // As a worker leaves a row while it sends: SENDING, one attempt counted, claimed until `lockedUntil`.
    const claimed = (name: string, channel: 'SMS' | 'EMAIL', body: string, lockedUntil: Date) => ({
      idempotencyKey: `${key}:${name}:${channel}`,
      kind: 'ABSENCE' as const,
      channel,
      guardianId: child.guardianId,
      studentId: child.id,
      recipient: channel === 'SMS' ? PHONE : EMAIL,
      locale: 'sv',
      subject: channel === 'SMS' ? null : 'Avbruten',
      body,
      status: 'SENDING' as const,
      attempts: 1,
      lockedUntil,
      nextAttemptAt: past,
      createdAt: past,
    });
    await prisma().outboundMessage.createMany({
      data: [
        claimed('expired', 'SMS', 'Insyn: en avbruten sändning (SMS).', past),
        claimed('expired', 'EMAIL', 'En avbruten sändning.', past),
        claimed('live', 'SMS', 'Insyn: en pågående sändning.', future),
      ],
    });

    const expired = await eventually(async () => {
      const rows = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `${key}:expired:` } } });
      return rows.every((m) => m.status === 'SENT') ? rows : undefined;
    }, 'the expired claims to be sent');
    expect(expired.map((m) => [m.channel, m.attempts, m.lockedUntil])).toEqual(
      expect.arrayContaining([
        ['SMS', 2, null],
        ['EMAIL', 2, null],
      ]),
    );
    // One claim statement takes every due row; the live claim was not among them, and is still its holder's.
    const live = await prisma().outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `${key}:live:SMS` } });
    expect(live).toMatchObject({ status: 'SENDING', attempts: 1, lockedUntil: future });
    expect(elks.received.filter((sms) => sms.message === live.body)).toHaveLength(0);
    await prisma().outboundMessage.delete({ where: { id: live.id } });

    expect(elks.received.filter((sms) => sms.message === 'Insyn: en avbruten sändning (SMS).')).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.subject === 'Avbruten')).toHaveLength(1);
    await expectEverySentMessageArrivedOnce();
  });

  it('a refused recipient (550) fails at once; the administrator sees it and retries it once the address works', async () => {
    await optIn(guardian, '070-123 45 67', REFUSED_EMAIL);
    let lessonId: string;
    try {
      lessonId = await reportAbsent(2);
    } finally {
      await optIn(guardian, '070-123 45 67', EMAIL);
    }
    const done = await messagesUntil(lessonId, 'the messages to be sent or given up', (m) => m.status === 'SENT' || m.status === 'FAILED');
    const { sms, email } = mine(done);
    expect(sms.status).toBe('SENT');
    expect(email).toMatchObject({ status: 'FAILED', attempts: 1, recipient: REFUSED_EMAIL, provider: 'SMTP', sentAt: null });
    expect(email.lastError).toMatch(/550/);
    expect(done.filter((m) => m.status === 'FAILED')).toEqual([email]);

    const admin = await loggedIn(server, 'admin');
    const failed = await admin.request<OutboxPage>(OUTBOX, { status: 'FAILED' });
    expect(failed.errors).toBeUndefined();
    expect(failed.data?.outbox).toMatchObject({
      failedCount: 1,
      totalCount: 1,
      smsProviderConfigured: true,
      emailProviderConfigured: true,
    });
    expect(failed.data?.outbox.messages).toEqual([
      {
        id: email.id,
        channel: 'EMAIL',
        recipient: REFUSED_EMAIL,
        status: 'FAILED',
        attempts: 1,
        lastError: email.lastError,
        provider: 'SMTP',
      },
    ]);

    // The mailbox now exists (the guardian sorted it out with their provider); the administrator retries.
    smtp.rejectRecipients.delete(REFUSED_EMAIL);
    const retried = await admin.request<{ retryMessage: { status: string; attempts: number } }>(RETRY, { id: email.id });
    expect(retried.data?.retryMessage).toMatchObject({ status: 'QUEUED', attempts: 0 });
    const resent = await eventually(async () => {
      const row = await prisma().outboundMessage.findUniqueOrThrow({ where: { id: email.id } });
      return row.status === 'SENT' ? row : undefined;
    }, 'the retried message to be sent');
    expect(resent).toMatchObject({ attempts: 1, lastError: null, provider: 'SMTP' });
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(REFUSED_EMAIL))).toHaveLength(1);
    const after = await admin.request<OutboxPage>(OUTBOX, { status: 'FAILED' });
    expect(after.data?.outbox.failedCount).toBe(0);
    await expectEverySentMessageArrivedOnce();
  });

  it('messages queued when the API process stops are delivered exactly once by the next process on the same database', async () => {
    // Both providers unreachable: the messages are queued and retrying when the process stops.
    await smtp.stop();
    await elks.stop();
    let lessonId: string;
    let queued: OutboundMessage[];
    try {
      lessonId = await reportAbsent(3);
      queued = await messagesUntil(
        lessonId,
        'the messages to wait for a retry',
        (m) => m.status === 'QUEUED' && m.attempts >= 1 && m.lastError !== null,
      );
      expect(queued.length).toBeGreaterThanOrEqual(2);
      serverStopped = true;
      await server.stop();
    } finally {
      await smtp.start();
      await elks.start();
    }

    // A new process on the same data, its clock going on from the old one's. It gives up sooner, for the next test.
    server = await startTestServer(kind, { database: server.location, env: nextProcessEnv(server, { DELIVERY_MAX_ATTEMPTS: '3' }) });
    serverStopped = false;
    guardian = await loggedIn(server, 'vardnadshavare');
    const sent = await messagesUntil(lessonId, 'the new process to send the queued messages', (m) => m.status === 'SENT');
    expect(sent.map((m) => m.id).sort()).toEqual(queued.map((m) => m.id).sort());
    for (const message of sent) {
      const before = queued.find((m) => m.id === message.id);
      expect(message.attempts).toBeGreaterThan(before?.attempts ?? Infinity);
    }
    const { sms, email } = mine(sent);
    expect(elks.received.filter((received) => received.to === PHONE && received.message === sms.body)).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.messageId === messageIdFor(email.idempotencyKey, MAIL_FROM))).toHaveLength(1);
    await expectEverySentMessageArrivedOnce();
  });

  it('a provider down for good: the message fails after DELIVERY_MAX_ATTEMPTS with the last error', async () => {
    await smtp.stop();
    let lessonId: string;
    let done: OutboundMessage[];
    try {
      lessonId = await reportAbsent(4);
      done = await messagesUntil(lessonId, 'the e-mails to give up', (m) => m.status === (m.channel === 'EMAIL' ? 'FAILED' : 'SENT'));
    } finally {
      await smtp.start();
    }
    const { sms, email } = mine(done);
    expect(sms).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(email).toMatchObject({ status: 'FAILED', attempts: 3, provider: 'SMTP', sentAt: null });
    expect(email.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(smtp.received.filter((mail) => mail.messageId === messageIdFor(email.idempotencyKey, MAIL_FROM))).toHaveLength(0);

    const admin = await loggedIn(server, 'admin');
    const failed = await admin.request<OutboxPage>(OUTBOX, { status: 'FAILED' });
    expect(failed.data?.outbox.failedCount).toBe(done.filter((m) => m.status === 'FAILED').length);
    await expectEverySentMessageArrivedOnce();
  });

  it.runIf(kind === 'postgres')('two API processes on one PostgreSQL race for the same queue: each message arrives once', async () => {
    const second = await startTestServer(kind, { database: server.location, env: nextProcessEnv(server, { DELIVERY_MAX_ATTEMPTS: '3' }) });
    others.push(second);
    // Lessons today not used above, each with its whole group absent.
    const used = await prisma().absenceAlert.findMany({ select: { lessonId: true } });
    const lessons = await prisma().$queryRaw<{ id: string; username: string; studentIds: string[] }[]>`
      SELECT l.id, min(a.username) AS username, array_agg(DISTINCT m."studentId") AS "studentIds"
      FROM "Lesson" l
      JOIN "LessonTeacher" lt ON lt."lessonId" = l.id
      JOIN "UserAccount" a ON a."staffId" = lt."staffId"
      JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
      WHERE l.date = ${server.today}::date AND l.status = 'SCHEDULED' AND NOT (l.id = ANY(${used.map((u) => u.lessonId)}::uuid[]))
      GROUP BY l.id ORDER BY count(DISTINCT m."studentId") DESC, l.id LIMIT 8`;
    expect(lessons).toHaveLength(8);

    // Half the roll calls through each process, all at once: both workers wake and claim from the same rows.
    await Promise.all(
      lessons.map(async (lesson, index) => {
        const teacher = await loggedIn(index % 2 === 0 ? server : second, lesson.username);
        await takeRollCall(teacher, lesson.id, Object.fromEntries(lesson.studentIds.map((id) => [id, { status: 'ABSENT' as const }])));
      }),
    );
    await idle();
    const messages = await prisma().outboundMessage.findMany({
      where: { OR: lessons.map((lesson) => ({ idempotencyKey: { startsWith: `absence:${lesson.id}:` } })) },
    });
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
    await expectEverySentMessageArrivedOnce();
  });
});
