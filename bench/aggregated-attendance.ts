// Benchmark: SS 12000 aggregatedAttendance for a whole school over the autumn term, read the way another system
// reads it: a token for an API client, then every page (limit 1000 students) over HTTP, one request at a time.
//
//   tsx bench/aggregated-attendance.ts [--students 4000] [--rounds 10]
//
// It uses (and creates once) the database `insyn_bench_term` on 127.0.0.1:5432 (BENCH_TERM_DATABASE_URL to change):
// the demo municipality seeded on the term's last Friday, so that the term's attendance is all there. The school read
// is the one with the most students.
import { parseArgs } from 'node:util';
import { hashRandomToken } from '../apps/api/src/modules/auth/tokens.ts';
import { openSeededDatabase, percentile, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-12-18';
const CLOCK_START = `${BENCH_DAY}T16:00:00Z`;
const SECRET = 'benchmark-client-secret';
const { values } = parseArgs({ options: { students: { type: 'string', default: '4000' }, rounds: { type: 'string', default: '10' } } });
const rounds = Number(values.rounds);
const databaseUrl = process.env.BENCH_TERM_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_term';

const db = await openSeededDatabase(databaseUrl, { students: Number(values.students), today: BENCH_DAY });
const [school] = await db.prisma.$queryRaw<{ id: string; name: string; organisationId: string; students: number }[]>`
  SELECT s.id, s.name, s."organisationId", count(st.id)::int AS students FROM "School" s JOIN "Student" st ON st."schoolId" = s.id
  GROUP BY s.id ORDER BY students DESC LIMIT 1`;
if (!school) throw new Error('no school');
const term = await db.prisma.term.findFirstOrThrow({
  where: {
    schoolYear: { organisationId: school.organisationId },
    startDate: { lte: new Date(BENCH_DAY) },
    endDate: { gte: new Date(BENCH_DAY) },
  },
});
const creator = await db.prisma.staff.findFirstOrThrow({ where: { organisationId: school.organisationId } });
const client = await db.prisma.apiClient.upsert({
  where: { clientId: 'bench-aggregated-attendance' },
  create: {
    organisationId: school.organisationId,
    name: 'Benchmark',
    clientId: 'bench-aggregated-attendance',
    secretHash: hashRandomToken(SECRET),
    scopes: ['AGGREGATED_ATTENDANCE'],
    createdById: creator.id,
  },
  update: {},
});
const attendanceRows = await db.prisma.attendance.count({ where: { student: { schoolId: school.id } } });
await db.close();

const api = await startApiProcess(databaseUrl, CLOCK_START);
try {
  const tokenResponse = await fetch(`${api.url}/ss12000/v2.1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${SECRET}`,
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const startDate = term.startDate.toISOString().slice(0, 10);

  /** Every page for the school; returns the time and what was read. */
  const readTerm = async () => {
    const started = performance.now();
    let path = `/aggregatedAttendance?limit=1000&organisation=${school.id}&startDate=${startDate}&endDate=${BENCH_DAY}`;
    let rows = 0;
    const students = new Set<string>();
    let pages = 0;
    const pageMs: number[] = [];
    for (;;) {
      const pageStarted = performance.now();
      const response = await fetch(`${api.url}/ss12000/v2.1${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { data: { student: { id: string } }[]; pageToken?: string };
      if (response.status !== 200) throw new Error(JSON.stringify(body));
      pages += 1;
      pageMs.push(performance.now() - pageStarted);
      rows += body.data.length;
      for (const row of body.data) students.add(row.student.id);
      if (!body.pageToken) break;
      path = `/aggregatedAttendance?pageToken=${encodeURIComponent(body.pageToken)}`;
    }
    return { ms: performance.now() - started, rows, students: students.size, pages, firstPageMs: pageMs[0]! };
  };

  const first = await readTerm();
  const timings: number[] = [];
  const firstPages: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const read = await readTerm();
    timings.push(read.ms);
    firstPages.push(read.firstPageMs);
  }
  timings.sort((a, b) => a - b);
  firstPages.sort((a, b) => a - b);
  console.log(
    `${school.name}: ${school.students} students, ${attendanceRows} attendance rows; term ${startDate}–${BENCH_DAY}; ` +
      `${first.pages} page(s), ${first.rows} rows for ${first.students} students`,
  );
  console.log(
    `first read ${first.ms.toFixed(0)} ms; then ${rounds} reads: p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms`,
  );
  console.log(
    `the first page, 1000 students: p50 ${percentile(firstPages, 50).toFixed(0)} ms, p95 ${percentile(firstPages, 95).toFixed(0)} ms`,
  );
} finally {
  await api.stop();
}
