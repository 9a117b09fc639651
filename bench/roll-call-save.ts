// Benchmark: many teachers saving 30-student roll calls at once, on a PostgreSQL server with the
// `--students 10000` demo data. Reproducible: same seed, same day, same lessons.
//
//   tsx bench/roll-call-save.ts [--students 10000] [--saves 3000] [--concurrency 50 | --rate 20]
//
// It creates (once) and reuses the database `insyn_bench` on 127.0.0.1:5432 (BENCH_DATABASE_URL to
// change), starts the API as its own process, and reports saves per second, latency percentiles
// measured by the client over loopback, the CPU time per save of the API process and of PostgreSQL
// (all its processes), and database round trips per save (counted in-process). `--concurrency N` keeps
// N saves in flight (saturation); `--rate N` sends N saves a second whatever the answers (a sustained load).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase } from '@insyn/db';
import { cpuMsOf, JWT_SECRET, login, openSeededDatabase, percentile, postgresCpuMs, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25'; // a Wednesday in the autumn term
const CLOCK_START = `${BENCH_DAY}T09:30:00Z`;
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '10000' },
    saves: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '50' },
    rate: { type: 'string' },
  },
});
const students = Number(values.students);
const saves = Number(values.saves);
const concurrency = Number(values.concurrency);
const rate = values.rate === undefined ? null : Number(values.rate);
for (const [name, value] of Object.entries({ saves, concurrency, rate: rate ?? 1 })) {
  if (!(value > 0)) throw new Error(`--${name} must be a number above 0`);
}
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench';

async function ensureDatabase(): Promise<void> {
  const db = await openSeededDatabase(databaseUrl, { students, today: BENCH_DAY });
  // Each run starts from the same state: no roll call yet on the benchmark day.
  await db.prisma.$executeRawUnsafe(
    `DELETE FROM "AttendanceChange" WHERE "lessonId" IN (SELECT id FROM "Lesson" WHERE date = '${BENCH_DAY}')`,
  );
  await db.prisma.$executeRawUnsafe(
    `DELETE FROM "RollCallSubmission" WHERE "lessonId" IN (SELECT id FROM "Lesson" WHERE date = '${BENCH_DAY}')`,
  );
  await db.prisma.$executeRawUnsafe(`DELETE FROM "Attendance" WHERE "lessonId" IN (SELECT id FROM "Lesson" WHERE date = '${BENCH_DAY}')`);
  await db.prisma.$executeRawUnsafe(
    `UPDATE "Lesson" SET "attendanceTakenAt" = NULL, "attendanceTakenById" = NULL, "attendanceChangedAt" = NULL WHERE date = '${BENCH_DAY}'`,
  );
  // The clearing's dead rows vacuumed and its pages written now, not by autovacuum and the checkpointer during the
  // run, whose PostgreSQL CPU time is measured.
  await db.prisma.$executeRawUnsafe('VACUUM (ANALYZE)');
  await db.prisma.$executeRawUnsafe('CHECKPOINT');
  await db.close();
}

interface Target {
  lessonId: string;
  username: string;
  studentIds: string[];
}

async function pickTargets(): Promise<Target[]> {
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  // One lesson per teacher on the day, the largest groups first: many teachers saving at once.
  const rows = await db.prisma.$queryRawUnsafe<{ lessonId: string; username: string; studentIds: string[] }[]>(`
    SELECT DISTINCT ON (a.username) l.id AS "lessonId", a.username,
      array_agg(m."studentId") AS "studentIds"
    FROM "Lesson" l
    JOIN "LessonTeacher" lt ON lt."lessonId" = l.id
    JOIN "UserAccount" a ON a."staffId" = lt."staffId"
    JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    WHERE l.date = '${BENCH_DAY}' AND l.status = 'SCHEDULED'
    GROUP BY a.username, l.id
    HAVING count(*) >= 20
    ORDER BY a.username, count(*) DESC`);
  await db.close();
  return rows.slice(0, 200);
}

const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied changedCount } }`;

function entriesFor(target: Target, round: number) {
  // Everyone present but two students who vary from round to round, as corrections during a lesson would.
  const absent = round % target.studentIds.length;
  const late = (round * 7 + 3) % target.studentIds.length;
  return target.studentIds.map((studentId, index) => {
    if (index === absent) return { studentId, status: 'ABSENT' };
    if (index === late && late !== absent) return { studentId, status: 'LATE', lateMinutes: 5 + (round % 20) };
    return { studentId, status: 'PRESENT' };
  });
}

async function saveOnce(url: string, token: string, target: Target, round: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: SAVE,
      variables: { input: { submissionId: randomUUID(), lessonId: target.lessonId, entries: entriesFor(target, round) } },
    }),
  });
  const body = (await response.json()) as { data?: { saveRollCall: { applied: boolean } }; errors?: unknown };
  const elapsed = performance.now() - started;
  if (!body.data?.saveRollCall.applied) throw new Error(`save failed: ${JSON.stringify(body.errors)}`);
  return elapsed;
}

/** Round trips per save, counted on the pool inside this process with the same server code. */
async function countRoundTrips(targets: Target[]): Promise<number> {
  const { createServer } = await import('../apps/api/src/app.ts');
  const { loadConfig } = await import('../apps/api/src/config.ts');
  let queries = 0;
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl }, { onQuery: () => queries++ });
  const config = { ...loadConfig({ NODE_ENV: 'test', JWT_SECRET, INSYN_CLOCK_START: CLOCK_START }, undefined), port: 0 };
  const server = await createServer(db, config, () => undefined);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const samples = targets.slice(0, 20);
  // One at a time: the API turns away sign-ins beyond what its password hashing can take at once.
  const tokens: string[] = [];
  for (const target of samples) tokens.push(await login(url, target.username));
  queries = 0;
  for (const [index, target] of samples.entries()) await saveOnce(url, tokens[index] as string, target, 1000 + index);
  const perSave = queries / samples.length;
  await server.stop();
  return perSave;
}

async function main() {
  await ensureDatabase();
  const targets = await pickTargets();
  const roundTrips = await countRoundTrips(targets);
  const server = await startApiProcess(databaseUrl, CLOCK_START);
  try {
    console.log(
      `${targets.length} teachers, ${Math.round(targets.reduce((n, t) => n + t.studentIds.length, 0) / targets.length)} students per roll call on average`,
    );
    const tokens = new Map<string, string>();
    for (const target of targets) tokens.set(target.username, await login(server.url, target.username));
    // Warm-up: let the server compile its paths and fill the pool.
    await Promise.all(targets.slice(0, concurrency).map((target, i) => saveOnce(server.url, tokens.get(target.username)!, target, i)));

    const latencies: number[] = [];
    const send = async (round: number) => {
      const target = targets[round % targets.length] as Target;
      latencies.push(await saveOnce(server.url, tokens.get(target.username)!, target, round));
    };
    const apiCpuBefore = cpuMsOf(server.pid);
    const postgresCpuBefore = postgresCpuMs();
    const clientCpuBefore = process.cpuUsage();
    const started = performance.now();
    if (rate !== null) {
      // Open loop: each save leaves on its time, answered or not.
      const sent: Promise<void>[] = [];
      for (let round = 0; round < saves; round++) {
        const due = started + (round * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        sent.push(send(round));
      }
      await Promise.all(sent);
    } else {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < saves) await send(next++);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    latencies.sort((a, b) => a - b);
    const perSave = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined ? null : +((after - before) / saves).toFixed(2);
    const result = {
      saves,
      ...(rate !== null ? { rate } : { concurrency }),
      savesPerSecond: Math.round(saves / seconds),
      apiCpuMsPerSave: perSave(apiCpuBefore, cpuMsOf(server.pid)),
      postgresCpuMsPerSave: perSave(postgresCpuBefore, postgresCpuMs()),
      // The load generator shares the cores: what it takes is not the server's to use.
      clientCpuMsPerSave: perSave(0, (clientCpu.user + clientCpu.system) / 1000),
      p50ms: +percentile(latencies, 50).toFixed(1),
      p95ms: +percentile(latencies, 95).toFixed(1),
      p99ms: +percentile(latencies, 99).toFixed(1),
      roundTripsPerSave: +roundTrips.toFixed(1),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
  process.exit(0);
}

await main();
