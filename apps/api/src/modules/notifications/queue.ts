// The message queue is the OutboundMessage table in the same database: a message is queued in the
// same transaction as the change it reports, so a saved sick report always has its confirmation, and
// a rolled-back one has none. Workers in any number of processes claim due messages with
// FOR UPDATE SKIP LOCKED; the unique idempotency key means queueing twice queues once.
import { CONFIRMATION_KINDS, DEFAULT_QUIET_HOURS, deliveryTime, guardianMaySee, type MessageLocale } from '@insyn/domain';
import type { Prisma, PrismaClient } from '@insyn/db';
import { isoDate } from '../access/viewer.ts';
import type { MessageText } from './messages.ts';

type Db = PrismaClient | Prisma.TransactionClient;
export type MessageKind =
  | 'ABSENCE'
  | 'SICK_REPORT'
  | 'SICK_REPORT_WITHDRAWN'
  | 'LEAVE_DECISION'
  | 'GRADE_WARNING'
  | 'ASSESSMENT_PUBLISHED'
  | 'DEVELOPMENT_PLAN_PUBLISHED'
  | 'SUPPORT_DECISION'
  | 'NEWS'
  | 'CONSENT_GIVEN'
  | 'CONSENT_WITHDRAWN';

export interface Recipient {
  guardianId: string;
  name: string;
  locale: MessageLocale;
  /** null when the guardian chose no SMS or has no number */
  sms: string | null;
  email: string | null;
}

const recipientSelect = {
  id: true,
  firstName: true,
  lastName: true,
  mobilePhone: true,
  email: true,
  notifyBySms: true,
  notifyByEmail: true,
  messageLocale: true,
} satisfies Prisma.GuardianSelect;

/** The guardian's chosen channels; null when they chose none. */
function recipientOf(guardian: Prisma.GuardianGetPayload<{ select: typeof recipientSelect }>): Recipient | null {
  const recipient = {
    guardianId: guardian.id,
    name: `${guardian.firstName} ${guardian.lastName}`,
    locale: guardian.messageLocale === 'en' ? ('en' as const) : ('sv' as const),
    sms: guardian.notifyBySms ? guardian.mobilePhone : null,
    email: guardian.notifyByEmail ? guardian.email : null,
  };
  return recipient.sms !== null || recipient.email !== null ? recipient : null;
}

/**
 * One guardian, whether or not they may see the student: told that an adult student gave or withdrew their
 * access. Null when they chose no channel.
 */
export async function guardianRecipient(db: Db, guardianId: string): Promise<Recipient | null> {
  const guardian = await db.guardian.findUnique({ where: { id: guardianId }, select: recipientSelect });
  return guardian ? recipientOf(guardian) : null;
}

/**
 * The guardians to tell about each student: those who may see the student today (an adult
 * student's guardians only with consent) and chose at least one channel.
 */
export async function recipientsOf(db: Db, studentIds: readonly string[], today: string): Promise<Map<string, Recipient[]>> {
  const result = new Map<string, Recipient[]>();
  if (studentIds.length === 0) return result;
  const students = await db.student.findMany({
    where: { id: { in: [...new Set(studentIds)] } },
    select: {
      id: true,
      birthDate: true,
      schoolId: true,
      consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
      guardianships: { select: { guardian: { select: recipientSelect } } },
    },
  });
  for (const student of students) {
    const birthDate = isoDate(student.birthDate);
    const facts = {
      id: student.id,
      birthDate,
      schoolId: student.schoolId,
      groupIds: [],
      guardianIds: student.guardianships.map(({ guardian }) => guardian.id),
      consentingGuardianIds: student.consents.map((consent) => consent.guardianId),
    };
    const recipients = student.guardianships
      .map(({ guardian }) => guardian)
      .filter((guardian) => guardianMaySee(facts, guardian.id, today))
      .flatMap((guardian) => recipientOf(guardian) ?? []);
    result.set(student.id, recipients);
  }
  return result;
}

export interface NewMessage {
  idempotencyKey: string;
  kind: MessageKind;
  channel: 'SMS' | 'EMAIL';
  guardianId: string;
  studentId: string;
  recipient: string;
  locale: MessageLocale;
  subject: string | null;
  body: string;
}

/** One message per channel the guardian chose; `key` names the purpose, e.g. `sick:<reportId>`. */
export function messagesFor(
  key: string,
  kind: MessageKind,
  studentId: string,
  recipient: Recipient,
  text: (locale: MessageLocale) => MessageText,
): NewMessage[] {
  const content = text(recipient.locale);
  const base = { kind, guardianId: recipient.guardianId, studentId, locale: recipient.locale };
  const messages: NewMessage[] = [];
  if (recipient.sms) {
    messages.push({
      ...base,
      idempotencyKey: `${key}:${recipient.guardianId}:SMS`,
      channel: 'SMS',
      recipient: recipient.sms,
      subject: null,
      body: content.sms,
    });
  }
  if (recipient.email) {
    messages.push({
      ...base,
      idempotencyKey: `${key}:${recipient.guardianId}:EMAIL`,
      channel: 'EMAIL',
      recipient: recipient.email,
      subject: content.subject,
      body: content.body,
    });
  }
  return messages;
}

/**
 * Queues the messages; one whose key is already queued or sent is left alone. Returns how many are new. A message
 * due in the quiet hours of the student's school is queued for when they end (`deliveryTime` in @insyn/domain).
 */
export async function queueMessages(db: Db, now: Date, messages: readonly NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const sendAt = await deliveryTimes(db, now, messages);
  // One statement with a column an array, whatever the number of messages: Prisma's createMany had its query compiler
  // take every row's values, about a sixth of the API's CPU in a morning's burst (bench/README, absence messages).
  const column = <K extends keyof NewMessage>(key: K) => messages.map((message) => message[key]);
  return db.$executeRaw`
    INSERT INTO "OutboundMessage"
      (id, "idempotencyKey", kind, channel, "guardianId", "studentId", recipient, locale, subject, body, "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), m.*, ${now}::timestamptz
    FROM unnest(${column('idempotencyKey')}::text[], ${column('kind')}::text[]::"MessageKind"[],
                ${column('channel')}::text[]::"MessageChannel"[], ${column('guardianId')}::uuid[], ${column('studentId')}::uuid[],
                ${column('recipient')}::text[], ${column('locale')}::text[], ${column('subject')}::text[], ${column('body')}::text[],
                ${messages.map((message) => sendAt(message).toISOString())}::timestamptz[])
      AS m("idempotencyKey", kind, channel, "guardianId", "studentId", recipient, locale, subject, body, "nextAttemptAt")
    ON CONFLICT DO NOTHING`;
}

type Deliverable = Pick<NewMessage, 'kind' | 'channel' | 'guardianId' | 'studentId'>;

/**
 * When each message may go if it were due `now`: the schools' quiet hours and the guardians' choice of e-mail at any
 * hour, read once. For new messages, automatic retries and an administrator's retry alike.
 */
export async function deliveryTimes<M extends Deliverable>(db: Db, now: Date, messages: readonly M[]): Promise<(message: M) => Date> {
  const held = messages.filter((message) => !CONFIRMATION_KINDS.includes(message.kind));
  if (held.length === 0) return () => now;
  // One after the other: inside a transaction the queries share one connection.
  const students = await db.student.findMany({
    where: { id: { in: [...new Set(held.map((message) => message.studentId))] } },
    select: { id: true, school: { select: { quietHoursFrom: true, quietHoursUntil: true } } },
  });
  const guardians = await db.guardian.findMany({
    where: { id: { in: [...new Set(held.map((message) => message.guardianId))] } },
    select: { id: true, emailDuringQuietHours: true },
  });
  const quietHours = new Map(
    students.map((student) => [student.id, { from: student.school.quietHoursFrom, until: student.school.quietHoursUntil }]),
  );
  const emailAnyHour = new Set(guardians.filter((guardian) => guardian.emailDuringQuietHours).map((guardian) => guardian.id));
  return (message) =>
    deliveryTime(
      now,
      { kind: message.kind, channel: message.channel, emailDuringQuietHours: emailAnyHour.has(message.guardianId) },
      quietHours.get(message.studentId) ?? DEFAULT_QUIET_HOURS,
    );
}

export interface ClaimedMessage {
  id: string;
  idempotencyKey: string;
  kind: MessageKind;
  guardianId: string;
  studentId: string;
  channel: 'SMS' | 'EMAIL';
  recipient: string;
  subject: string | null;
  body: string;
  attempts: number;
}

/**
 * Claims due messages for this worker until `now + leaseMs`. A message whose claim ran out (its
 * worker died while sending) is due again; that is the one case where a provider may see it twice.
 */
export async function claimDueMessages(db: PrismaClient, now: Date, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboundMessage" m
    SET status = 'SENDING', attempts = m.attempts + 1, "lockedUntil" = ${lockedUntil}
    FROM (
      SELECT id FROM "OutboundMessage"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= ${now}) OR (status = 'SENDING' AND "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE m.id = due.id
    RETURNING m.id, m."idempotencyKey", m.kind::text AS kind, m."guardianId"::text AS "guardianId", m."studentId"::text AS "studentId",
      m.channel::text AS channel, m.recipient, m.subject, m.body, m.attempts`;
}

export interface SentMessage {
  id: string;
  provider: string;
  providerMessageId: string | null;
}

/** Marks messages the providers took as sent at `now`, in one statement. */
export async function markSent(db: PrismaClient, now: Date, sent: readonly SentMessage[]): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboundMessage" m
    SET status = 'SENT', "sentAt" = ${now}, provider = s.provider, "providerMessageId" = s."providerMessageId", "lockedUntil" = NULL, "lastError" = NULL
    FROM unnest(${sent.map((message) => message.id)}::uuid[], ${sent.map((message) => message.provider)}::text[],
                ${sent.map((message) => message.providerMessageId)}::text[]) AS s(id, provider, "providerMessageId")
    WHERE m.id = s.id AND m.status = 'SENDING'`;
}

const MAX_RETRY_DELAY_MS = 60 * 60_000;

/** Doubling back-off: base, 2×base, 4×base … capped at an hour. */
export const retryDelayMs = (attempts: number, baseMs: number): number =>
  Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));

export async function markAttemptFailed(
  db: PrismaClient,
  message: Pick<ClaimedMessage, 'id' | 'attempts' | 'kind' | 'channel' | 'guardianId' | 'studentId'>,
  now: Date,
  failure: { error: string; permanent: boolean; provider: string },
  policy: { maxAttempts: number; retryBaseMs: number },
): Promise<'RETRY' | 'FAILED'> {
  const giveUp = failure.permanent || message.attempts >= policy.maxAttempts;
  // A retry that would fall in the quiet hours waits for them to end, as a new message would.
  const retryAt = giveUp
    ? now
    : (await deliveryTimes(db, new Date(now.getTime() + retryDelayMs(message.attempts, policy.retryBaseMs)), [message]))(message);
  await db.outboundMessage.updateMany({
    where: { id: message.id, status: 'SENDING' },
    data: giveUp
      ? { status: 'FAILED', lockedUntil: null, lastError: failure.error.slice(0, 1000), provider: failure.provider }
      : {
          status: 'QUEUED',
          lockedUntil: null,
          lastError: failure.error.slice(0, 1000),
          provider: failure.provider,
          nextAttemptAt: retryAt,
        },
  });
  return giveUp ? 'FAILED' : 'RETRY';
}
