// Benchmark: time from a roll-call save to the absence message reaching the provider, with the grace
// period at zero. The API runs as its own process (apps/api/src/main.ts, as in production) with its delivery
// worker at the default settings; a local SMTP server and a local 46elks SMS API (the test fakes) run in
// this process and note when each message arrives.
//
//   tsx bench/notify-latency.ts [--students 2000] [--singles 30] [--lessons 25] [--absent 20] [--processes 1]
//
// `--processes` runs the API with that many processes (API_PROCESSES; production's default is one per core), whose
// delivery workers then share the queue; the API's CPU time is then not reported.
//
// (a) single absences: one student absent in a roll call, `--singles` times one after the other, each
//     waiting for its messages; (b) a morning burst: `--lessons` roll calls saved at once, each with `--absent`
//     students absent. Latency = arrival at the fake − start of the save request, per message.
//
// It creates (once) and reuses the database `insyn_bench_notify` on 127.0.0.1:5432 (BENCH_NOTIFY_DATABASE_URL to
// change), seeded with the demo municipality; every run first clears the benchmark day's roll calls, alerts
// and messages, and opts every guardian in to SMS and e-mail.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '@insyn/db';
import { startFake46elks, startFakeSmtpServer, type Fake46elks, type FakeSmtpServer } from '../apps/api/src/test/fake-providers.ts';
import { cpuMsOf, login, openSeededDatabase, percentile, startApiProcess, type ApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25'; // a Wednesday in the autumn term
const CLOCK_START = `${BENCH_DAY}T07:00:00Z`; // 08:00 in Sweden: the morning's first roll calls
const MAIL_FROM = 'Insyn Benchskolan <noreply@benchskolan.se>';
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '2000' },
    singles: { type: 'string', default: '30' },
    lessons: { type: 'string', default: '25' },
    absent: { type: 'string', default: '20' },
    processes: { type: 'string', default: '1' },
  },
});
const students = Number(values.students);
const singles = Number(values.singles);
const burstLessons = Number(values.lessons);
const absentPerLesson = Number(values.absent);
const apiProcesses = Number(values.processes);
if (!Number.isInteger(apiProcesses) || apiProcesses < 1)
  throw new Error(`--processes must be a whole number of at least 1, not "${values.processes}"`);
const databaseUrl = process.env.BENCH_NOTIFY_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_notify';

async function ensureDatabase(): Promise<void> {
  const db = await openSeededDatabase(databaseUrl, { students, today: BENCH_DAY });
  await reset(db);
  await db.close();
}

/** Each run starts from the same state: no roll call, alert or message on the benchmark day; every guardian opted in. */
async function reset(db: Database): Promise<void> {
  const dayLessons = `SELECT id FROM "Lesson" WHERE date = '${BENCH_DAY}'`;
  await db.prisma.$executeRawUnsafe(`DELETE FROM "OutboundMessage"`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "AbsenceAlert" WHERE "lessonId" IN (${dayLessons})`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "AttendanceChange" WHERE "lessonId" IN (${dayLessons})`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "RollCallSubmission" WHERE "lessonId" IN (${dayLessons})`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "Attendance" WHERE "lessonId" IN (${dayLessons})`);
  await db.prisma.$executeRawUnsafe(
    `UPDATE "Lesson" SET "attendanceTakenAt" = NULL, "attendanceTakenById" = NULL, "attendanceChangedAt" = NULL WHERE date = '${BENCH_DAY}'`,
  );
  await db.prisma.$executeRawUnsafe(`UPDATE "Guardian" SET "notifyBySms" = "mobilePhone" IS NOT NULL, "notifyByEmail" = email IS NOT NULL`);
}

interface Target {
  lessonId: string;
  username: string;
  studentIds: string[];
}

/** One lesson per teacher on the day, groups of at least `--absent` students; the first ones for the burst. */
async function pickTargets(db: Database): Promise<Target[]> {
  const rows = await db.prisma.$queryRawUnsafe<Target[]>(`
    SELECT DISTINCT ON (a.username) l.id AS "lessonId", a.username, array_agg(m."studentId" ORDER BY m."studentId") AS "studentIds"
    FROM "Lesson" l
    JOIN "LessonTeacher" lt ON lt."lessonId" = l.id
    JOIN "UserAccount" a ON a."staffId" = lt."staffId"
    JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    WHERE l.date = '${BENCH_DAY}' AND l.status = 'SCHEDULED'
    GROUP BY a.username, l.id
    HAVING count(*) >= ${absentPerLesson}
    ORDER BY a.username, l."startsAt", l.id`);
  if (rows.length < burstLessons + singles + 1) {
    throw new Error(`need ${burstLessons + singles + 1} teachers with a lesson of ${absentPerLesson}+ students; found ${rows.length}`);
  }
  return rows;
}

function startServer(smtp: FakeSmtpServer, elks: Fake46elks): Promise<ApiProcess> {
  return startApiProcess(databaseUrl, CLOCK_START, {
    // The guardians are told at once; the worker otherwise runs with its defaults (poll 1 s, woken by the save).
    NOTIFY_GRACE_SECONDS: '0',
    API_PROCESSES: String(apiProcesses),
    SMTP_URL: smtp.url,
    MAIL_FROM,
    ELKS_API_URL: elks.apiUrl,
    ELKS_API_USERNAME: elks.username,
    ELKS_API_PASSWORD: elks.password,
    ELKS_SMS_FROM: 'Insyn',
  });
}

const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied changedCount } }`;

/** Saves the roll call with `absent` students absent and the rest present; returns when the request started. */
async function save(url: string, token: string, target: Target, absent: readonly string[]): Promise<{ startedAt: number; ms: number }> {
  const marked = new Set(absent);
  const entries = target.studentIds.map((studentId) => ({ studentId, status: marked.has(studentId) ? 'ABSENT' : 'PRESENT' }));
  const startedAt = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SAVE, variables: { input: { submissionId: randomUUID(), lessonId: target.lessonId, entries } } }),
  });
  const body = (await response.json()) as { data?: { saveRollCall: { applied: boolean } }; errors?: unknown };
  if (!body.data?.saveRollCall.applied) throw new Error(`save failed: ${JSON.stringify(body.errors)}`);
  return { startedAt, ms: performance.now() - startedAt };
}

/** Arrival times at the fakes, by provider message id (the SMS id from 46elks, the e-mail's Message-ID). */
const arrivals = new Map<string, number>();

/** Notes the moment each message is recorded by a fake (the fakes record it as they accept it). */
function timestampArrivals<T>(received: T[], idOf: (item: T) => string | undefined): void {
  const push = received.push.bind(received);
  received.push = (...items: T[]) => {
    const now = performance.now();
    for (const item of items) {
      const id = idOf(item);
      if (id) arrivals.set(id, now);
    }
    return push(...items);
  };
}

/**
 * Waits until every alert the saves left (they are written by the save itself) is handled and every message
 * is sent; returns the messages about those lessons.
 */
async function waitForDelivery(db: Database, lessonIds: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let queuedAt: number | undefined;
  for (;;) {
    // In this order: an alert is handled in the transaction that queues its messages, so once none is
    // waiting, the count of messages that follows sees all of them.
    const waiting = await db.prisma.absenceAlert.count({ where: { lessonId: { in: lessonIds }, processedAt: null } });
    const busy = await db.prisma.outboundMessage.count({ where: { status: { in: ['QUEUED', 'SENDING'] } } });
    if (waiting === 0) queuedAt ??= performance.now();
    if (waiting === 0 && busy === 0) break;
    if (Date.now() > deadline) throw new Error(`not delivered in time: ${waiting} alerts waiting, ${busy} messages waiting`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const messages = await db.prisma.outboundMessage.findMany({
    where: { OR: lessonIds.map((lessonId) => ({ idempotencyKey: { startsWith: `absence:${lessonId}:` } })) },
    select: { idempotencyKey: true, channel: true, status: true, providerMessageId: true },
  });
  const failed = messages.filter((message) => message.status !== 'SENT');
  if (failed.length > 0) throw new Error(`${failed.length} messages not sent`);
  return { messages, queuedAt: queuedAt ?? performance.now() };
}

interface Sample {
  channel: 'SMS' | 'EMAIL';
  ms: number;
}

/** Latency of each message: its arrival at the fake less the start of the save that caused it. */
function latencies(messages: Awaited<ReturnType<typeof waitForDelivery>>['messages'], savedAt: Map<string, number>): Sample[] {
  return messages.map((message) => {
    const lessonId = message.idempotencyKey.split(':')[1] ?? '';
    const arrived = arrivals.get(message.providerMessageId ?? '');
    const started = savedAt.get(lessonId);
    if (arrived === undefined || started === undefined) throw new Error(`no arrival noted for ${message.idempotencyKey}`);
    return { channel: message.channel, ms: arrived - started };
  });
}

function summary(label: string, values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    label,
    n: sorted.length,
    p50ms: Math.round(percentile(sorted, 50)),
    p95ms: Math.round(percentile(sorted, 95)),
    maxms: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}

function rows(label: string, samples: Sample[]) {
  return [
    summary(
      `${label}: SMS`,
      samples.filter((s) => s.channel === 'SMS').map((s) => s.ms),
    ),
    summary(
      `${label}: e-mail`,
      samples.filter((s) => s.channel === 'EMAIL').map((s) => s.ms),
    ),
    summary(
      `${label}: all`,
      samples.map((s) => s.ms),
    ),
  ];
}

async function main() {
  await ensureDatabase();
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  const targets = await pickTargets(db);
  const smtp = await startFakeSmtpServer();
  const elks = await startFake46elks();
  timestampArrivals(smtp.received, (mail) => mail.messageId);
  timestampArrivals(elks.received, (sms) => sms.id);
  const server = await startServer(smtp, elks);
  try {
    const tokens = new Map<string, string>();
    for (const target of targets.slice(0, burstLessons + singles + 1))
      tokens.set(target.username, await login(server.url, target.username));
    const tokenOf = (target: Target) => tokens.get(target.username) as string;

    // Warm-up: one absence through the whole path (connections, compiled code), not counted.
    const warmUp = targets[burstLessons + singles] as Target;
    await save(server.url, tokenOf(warmUp), warmUp, [warmUp.studentIds[0] as string]);
    await waitForDelivery(db, [warmUp.lessonId], 60_000);

    // (a) One absence at a time.
    const single: Sample[] = [];
    for (const target of targets.slice(burstLessons, burstLessons + singles)) {
      const { startedAt } = await save(server.url, tokenOf(target), target, [target.studentIds[0] as string]);
      const { messages } = await waitForDelivery(db, [target.lessonId], 60_000);
      single.push(...latencies(messages, new Map([[target.lessonId, startedAt]])));
    }

    // (b) A morning burst: every roll call saved at once.
    const burst = targets.slice(0, burstLessons);
    const savedAt = new Map<string, number>();
    const saveTimes: number[] = [];
    const apiCpuBefore = cpuMsOf(server.pid);
    const benchCpuBefore = process.cpuUsage();
    const burstStarted = performance.now();
    await Promise.all(
      burst.map(async (target) => {
        const { startedAt, ms } = await save(server.url, tokenOf(target), target, target.studentIds.slice(0, absentPerLesson));
        savedAt.set(target.lessonId, startedAt);
        saveTimes.push(ms);
      }),
    );
    const { messages, queuedAt } = await waitForDelivery(
      db,
      burst.map((target) => target.lessonId),
      300_000,
    );
    const apiCpu = (cpuMsOf(server.pid) ?? NaN) - (apiCpuBefore ?? NaN);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const absences = await db.prisma.absenceAlert.count({ where: { lessonId: { in: burst.map((target) => target.lessonId) } } });
    const burstSamples = latencies(messages, savedAt);
    const lastArrival = Math.max(...messages.map((message) => arrivals.get(message.providerMessageId ?? '') ?? 0));

    console.log(
      `\n(a) ${singles} single absences, one after the other (${single.length} messages); ` +
        `(b) burst: ${burstLessons} roll calls × ${absentPerLesson} absent = ${absences} unexcused absences, ` +
        `${messages.length} messages; every alert handled (messages queued) ${((queuedAt - burstStarted) / 1000).toFixed(1)} s and ` +
        `every message delivered ${((lastArrival - burstStarted) / 1000).toFixed(1)} s after the first save started`,
    );
    // With several processes the one started here only supervises: the serving processes' CPU is not read.
    const apiCpuText =
      apiProcesses === 1
        ? `API process ${(apiCpu / 1000).toFixed(1)} s (${(apiCpu / messages.length).toFixed(1)} ms per message)`
        : `API processes not measured (${apiProcesses})`;
    console.log(
      `CPU during the burst: ${apiCpuText}, this process (clients, fake providers, polling) ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s`,
    );
    console.table([...rows('single', single), ...rows('burst', burstSamples), summary('burst: the save request itself', saveTimes)]);
  } finally {
    await server.stop();
    await smtp.stop();
    await elks.stop();
    await db.close();
  }
  process.exit(0);
}

await main();
