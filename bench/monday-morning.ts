// Benchmark: a municipality's busiest minutes, 08:10 on a school day. Teachers open Today, open a lesson's roll call
// and save it; students open their week's schedule; guardians, some of them just logged in after an absence message,
// open their child's absence figures for the school year. Visits arrive at a stated rate (open loop: a slow server
// does not slow the arrivals), raised step by step until a step misses p95 < 500 ms or < 1 % errors; then, with
// --soak-minutes, a run at a fixed rate watches the server's memory.
//
//   pnpm exec tsx bench/monday-morning.ts [--students 10000] [--processes 2] [--start 10] [--step 10] [--step-seconds 30]
//                                         [--max-rate 300] [--soak-minutes 10] [--soak-rate 20]
//
// The API is the production server process (main.ts) on PostgreSQL, with as many processes as --processes (the
// cores by default); NODE_ENV=test only so that its clock can start at 08:10 on the seeded school day. This process
// runs at nice 19, so that the load generator takes the cores only when the server leaves them idle.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { login, openSeededDatabase, percentile, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25';
/** 08:10 in Stockholm (UTC+1 in November). */
const CLOCK_START = `${BENCH_DAY}T07:10:00Z`;
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '10000' },
    processes: { type: 'string', default: String(availableParallelism()) },
    start: { type: 'string', default: '10' },
    step: { type: 'string', default: '10' },
    'step-seconds': { type: 'string', default: '30' },
    'max-rate': { type: 'string', default: '300' },
    'soak-minutes': { type: 'string', default: '0' },
    'soak-rate': { type: 'string', default: '0' },
  },
});
const numberOption = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, got ${String(values[name])}`);
  return value;
};
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench';
const P95_LIMIT_MS = 500;
const ERROR_LIMIT = 0.01;
/** Visits in flight beyond this are counted as failed at once, so that an overloaded step cannot exhaust this process. */
const MAX_IN_FLIGHT = 2000;

const MY_LESSONS = `query($d: String) { myLessons(date: $d) { id startsAt subjectCode groupName rollCallState rollCallOverdue studentCount } }`;
const ROLL_CALL = `query($l: ID!) { rollCall(lessonId: $l) { reasonRequired cannotSaveBecause students { id status lateMinutes note validReason } } }`;
const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied changedCount } }`;
const SCHEDULE = `query($s: ID!, $w: IsoWeekInput!) { studentWeekSchedule(studentId: $s, week: $w) { isoWeek days { date lessons { id startsAt subjectCode room status } } } }`;
const FIGURES = `query($s: ID!) { studentAbsenceStatistics(studentId: $s, range: { period: SCHOOL_YEAR }) { level total { absencePercent unexcusedPercent } byWeek { label figures { absencePercent } } bySubject { subjectCode figures { absencePercent } } } }`;

interface Actors {
  teachers: { username: string; lessonId: string; studentIds: string[] }[];
  students: { username: string; studentId: string }[];
  guardians: { username: string; studentId: string }[];
}

async function prepare(students: number): Promise<Actors> {
  const db = await openSeededDatabase(databaseUrl, { students, today: BENCH_DAY });
  // Every run starts with the day's roll calls not yet taken, as at 08:10.
  const day = `(SELECT id FROM "Lesson" WHERE date = '${BENCH_DAY}')`;
  await db.prisma.$executeRawUnsafe(`DELETE FROM "AttendanceChange" WHERE "lessonId" IN ${day}`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "RollCallSubmission" WHERE "lessonId" IN ${day}`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "Attendance" WHERE "lessonId" IN ${day}`);
  await db.prisma.$executeRawUnsafe(
    `UPDATE "Lesson" SET "attendanceTakenAt" = NULL, "attendanceTakenById" = NULL, "attendanceChangedAt" = NULL WHERE date = '${BENCH_DAY}'`,
  );
  const teachers = await db.prisma.$queryRawUnsafe<Actors['teachers']>(`
    SELECT DISTINCT ON (a.username) a.username, l.id AS "lessonId", array_agg(m."studentId"::text) AS "studentIds"
    FROM "Lesson" l
    JOIN "LessonTeacher" lt ON lt."lessonId" = l.id
    JOIN "UserAccount" a ON a."staffId" = lt."staffId"
    JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    WHERE l.date = '${BENCH_DAY}' AND l.status = 'SCHEDULED'
    GROUP BY a.username, l.id, l."startsAt"
    ORDER BY a.username, l."startsAt"
    LIMIT 300`);
  const pupils = await db.prisma.$queryRawUnsafe<Actors['students']>(`
    SELECT a.username, a."studentId"::text AS "studentId" FROM "UserAccount" a WHERE a."studentId" IS NOT NULL
    ORDER BY md5(a.username) LIMIT 400`);
  const guardians = await db.prisma.$queryRawUnsafe<Actors['guardians']>(`
    SELECT a.username, min(g."studentId"::text) AS "studentId" FROM "UserAccount" a
    JOIN "Guardianship" g ON g."guardianId" = a."guardianId"
    JOIN "Student" s ON s.id = g."studentId" AND s."birthDate" > '${BENCH_DAY}'::date - interval '18 years'
    GROUP BY a.username ORDER BY md5(a.username) LIMIT 400`);
  await db.close();
  return { teachers, students: pupils, guardians };
}

type Kind = 'today' | 'rollCall' | 'save' | 'schedule' | 'login' | 'figures';
interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

async function graphql(url: string, kind: Kind, token: string | null, query: string, variables: object, samples: Sample[]) {
  const started = performance.now();
  let ok = false;
  let data: Record<string, unknown> | undefined;
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    ok = response.ok && !body.errors && body.data !== undefined;
    data = body.data;
  } catch {
    ok = false;
  }
  samples.push({ kind, ms: performance.now() - started, ok });
  return ok ? data : undefined;
}

/** One visit, chosen by weight: 45 % a teacher's roll call, 35 % a student's schedule, 20 % a guardian's figures. */
function visit(url: string, actors: Actors, tokens: Map<string, string>, n: number, samples: Sample[]): Promise<unknown> {
  const pick = n % 20;
  if (pick < 9) {
    const teacher = actors.teachers[n % actors.teachers.length]!;
    const token = tokens.get(teacher.username)!;
    return (async () => {
      if (!(await graphql(url, 'today', token, MY_LESSONS, { d: BENCH_DAY }, samples))) return;
      if (!(await graphql(url, 'rollCall', token, ROLL_CALL, { l: teacher.lessonId }, samples))) return;
      const absent = n % teacher.studentIds.length;
      const entries = teacher.studentIds.map((studentId, index) => ({ studentId, status: index === absent ? 'ABSENT' : 'PRESENT' }));
      await graphql(url, 'save', token, SAVE, { input: { submissionId: randomUUID(), lessonId: teacher.lessonId, entries } }, samples);
    })();
  }
  if (pick < 16) {
    const student = actors.students[n % actors.students.length]!;
    return graphql(
      url,
      'schedule',
      tokens.get(student.username)!,
      SCHEDULE,
      { s: student.studentId, w: { isoYear: 2026, isoWeek: 48 } },
      samples,
    );
  }
  const guardian = actors.guardians[n % actors.guardians.length]!;
  return (async () => {
    // One guardian visit in four starts with logging in (the message brought them there); the others have a session.
    let token = tokens.get(guardian.username)!;
    if (pick === 16) {
      const started = performance.now();
      try {
        token = await login(url, guardian.username);
        samples.push({ kind: 'login', ms: performance.now() - started, ok: true });
      } catch {
        samples.push({ kind: 'login', ms: performance.now() - started, ok: false });
        return;
      }
    }
    await graphql(url, 'figures', token, FIGURES, { s: guardian.studentId }, samples);
  })();
}

/** Offers `rate` visits a second for `seconds`, then waits for those in flight; answers every request's sample. */
async function runAtRate(url: string, actors: Actors, tokens: Map<string, string>, rate: number, seconds: number, first: number) {
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const total = Math.round(rate * seconds);
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= MAX_IN_FLIGHT) {
      samples.push({ kind: 'today', ms: 0, ok: false });
      continue;
    }
    const running = visit(url, actors, tokens, first + index, samples).finally(() => inFlight.delete(running));
    inFlight.add(running);
  }
  await Promise.all(inFlight);
  return { samples, seconds: (performance.now() - started) / 1000 };
}

function summarise(samples: Sample[]) {
  const p95 = (kind?: Kind) => {
    const times = samples.filter((sample) => sample.ok && (!kind || sample.kind === kind)).map((sample) => sample.ms);
    return times.length === 0
      ? null
      : +percentile(
          times.sort((a, b) => a - b),
          95,
        ).toFixed(0);
  };
  const errors = samples.filter((sample) => !sample.ok).length;
  const kinds: Kind[] = ['today', 'rollCall', 'save', 'schedule', 'login', 'figures'];
  return {
    requests: samples.length,
    errorRate: samples.length === 0 ? 0 : errors / samples.length,
    p95: p95(),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, p95(kind)])),
  };
}

/** Resident memory of the server: the first process and every process it started, in MiB. */
function serverRssMiB(pid: number): number {
  const list = (args: string[]) => {
    try {
      return execFileSync('ps', args, { encoding: 'utf8' });
    } catch {
      return '';
    }
  };
  const children = list(['-o', 'pid=', '--ppid', String(pid)])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const rss = list(['-o', 'rss=', '-p', [String(pid), ...children].join(',')])
    .split('\n')
    .map(Number)
    .filter((kib) => kib > 0);
  return Math.round(rss.reduce((sum, kib) => sum + kib, 0) / 1024);
}

async function main() {
  const processes = numberOption('processes');
  const actors = await prepare(numberOption('students'));
  const server = await startApiProcess(databaseUrl, CLOCK_START, { API_PROCESSES: String(processes), ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const pid = server.pid ?? 0;
  try {
    console.log(
      `${actors.teachers.length} teachers, ${actors.students.length} students, ${actors.guardians.length} guardians; ${processes} API processes`,
    );
    const tokens = new Map<string, string>();
    const everyone = [...actors.teachers, ...actors.students, ...actors.guardians].map((actor) => actor.username);
    for (let index = 0; index < everyone.length; index += 8) {
      const batch = everyone.slice(index, index + 8);
      const signed = await Promise.all(batch.map((username) => login(server.url, username)));
      batch.forEach((username, position) => tokens.set(username, signed[position]!));
    }
    setPriority(19);
    // Warm-up: the server's paths compiled and its pools filled.
    await runAtRate(server.url, actors, tokens, 5, 10, 0);

    let first = 1_000;
    let held: number | null = null;
    const stepSeconds = numberOption('step-seconds');
    for (let rate = numberOption('start'); rate <= numberOption('max-rate'); rate += numberOption('step')) {
      const { samples, seconds } = await runAtRate(server.url, actors, tokens, rate, stepSeconds, first);
      first += samples.length;
      const summary = summarise(samples);
      const passed = summary.errorRate < ERROR_LIMIT && summary.p95 !== null && summary.p95 < P95_LIMIT_MS;
      console.log(
        JSON.stringify({
          visitsPerSecond: rate,
          requestsPerSecond: Math.round(summary.requests / seconds),
          errorPercent: +(summary.errorRate * 100).toFixed(2),
          p95ms: summary.p95,
          p95msByKind: summary.byKind,
          rssMiB: serverRssMiB(pid),
          load: loadavg().map((value) => +value.toFixed(1)),
          held: passed,
        }),
      );
      if (!passed) break;
      held = rate;
    }
    console.log(`Highest rate held (p95 < ${P95_LIMIT_MS} ms, < ${ERROR_LIMIT * 100} % errors): ${held ?? 'none'} visits/s`);

    const soakMinutes = numberOption('soak-minutes');
    if (soakMinutes > 0) {
      const rate = numberOption('soak-rate') || Math.max(1, Math.floor((held ?? 10) * 0.7));
      console.log(`Soak: ${rate} visits/s for ${soakMinutes} minutes; the server's memory each minute:`);
      for (let minute = 1; minute <= soakMinutes; minute++) {
        const { samples } = await runAtRate(server.url, actors, tokens, rate, 60, first);
        first += samples.length;
        const summary = summarise(samples);
        console.log(
          JSON.stringify({
            minute,
            rssMiB: serverRssMiB(pid),
            errorPercent: +(summary.errorRate * 100).toFixed(2),
            p95ms: summary.p95,
            load: loadavg().map((value) => +value.toFixed(1)),
          }),
        );
      }
    }
  } finally {
    await server.stop();
  }
  process.exit(0);
}

await main();
