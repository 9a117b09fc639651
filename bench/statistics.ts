// Benchmark: the absence statistics views on a PostgreSQL server with the `--students 10000` demo data
// seeded on a day in May (a whole school year of attendance, several million rows), end to end through
// GraphQL over loopback and, side by side, the bare SQL statement each view runs, for the school year, sent as the
// service sends it (`Database.query`: through `pg`, not Prisma's client; through the client before 2026-12-07 09:30).
// It prints the API process's CPU time per request too (Linux).
//
//   tsx bench/statistics.ts [--students 10000] [--rounds 60] [--order sql-first|request-first] [--sample text]
//                           [--client app|bare]
//
// --client app (the default) asks as the web app does: each user signs in with the app's own sign-in, which reads the
// viewer and a guardian's children (so the child's access facts have been read before the figures, as on every real
// visit), and each view is asked for with the app's own document. --client bare signs in for the token alone and asks
// for a few figures per row (the figures in bench/README.md before 2026-12-07 07:00), so the request reads the access
// facts cold.
// --sample picks other guardians and mentors (their students' data not yet read): a run after another on the same
// students would time them warm.
//
// It uses (and creates once) the database `insyn_bench_year` on 127.0.0.1:5432 (BENCH_DATABASE_URL to change). Requests run one at a time, so the figures are latencies, not throughput.
import { parseArgs } from 'node:util';
import type { Prisma } from '@insyn/db';
import { classStatisticsSql, schoolStatisticsSql, studentStatisticsSql } from '../apps/api/src/modules/statistics/statistics.service.ts';
import { print } from 'graphql';
import {
  ClassAbsenceStatisticsDocument,
  SchoolAbsenceStatisticsDocument,
  StudentAbsenceStatisticsDocument,
} from '../apps/web/src/gql/graphql.ts';
import { APP_LOGIN, cpuMsOf, login, openSeededDatabase, percentile, startApiProcess, TOKEN_LOGIN } from './support.ts';

const BENCH_DAY = '2027-05-20';
const WARM_UP = 3;
const CLOCK_START = `${BENCH_DAY}T09:30:00Z`;
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '60' },
    order: { type: 'string', default: 'sql-first' },
    sample: { type: 'string', default: '' },
    client: { type: 'string', default: 'app' },
  },
});
if (values.order !== 'sql-first' && values.order !== 'request-first')
  throw new Error(`--order is sql-first or request-first, not ${values.order}`);
const sqlFirst = values.order === 'sql-first';
if (values.client !== 'app' && values.client !== 'bare') throw new Error(`--client is app or bare, not ${values.client}`);
const asTheApp = values.client === 'app';
const students = Number(values.students);
const rounds = Number(values.rounds);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_year';

const SCHOOL_YEAR = { period: 'SCHOOL_YEAR' };
const STUDENT = `query($s: ID!) { studentAbsenceStatistics(studentId: $s, range: { period: SCHOOL_YEAR }) {
  total { absencePercent unexcusedPercent lateCount notTakenLessons } bySubject { subjectCode figures { absencePercent } }
  byWeek { label figures { validPercent unexcusedPercent } } byWeekday { weekday figures { absencePercent } } } }`;
const CLASS = `query($c: ID!) { classAbsenceStatistics(classId: $c, range: { period: SCHOOL_YEAR }) {
  students { studentId firstName lastName level total { absencePercent unexcusedPercent lateCount notTakenLessons }
  bySubject { subjectCode figures { absencePercent } } } } }`;
const SCHOOL = `query($s: ID!) { schoolAbsenceStatistics(schoolId: $s, range: { period: SCHOOL_YEAR }) {
  total { absencePercent notTakenLessons } byClass { className students figures { absencePercent unexcusedPercent } }
  byWeek { label figures { validPercent unexcusedPercent } } } }`;
const loginDocument = asTheApp ? APP_LOGIN : TOKEN_LOGIN;
/** Per view, the query and its variables for one student, class or school. */
const views = asTheApp
  ? {
      student: {
        query: print(StudentAbsenceStatisticsDocument),
        variables: (id: string) => ({ studentId: id, range: SCHOOL_YEAR, locale: 'sv' }),
      },
      class: {
        query: print(ClassAbsenceStatisticsDocument),
        variables: (id: string) => ({ classId: id, range: SCHOOL_YEAR, locale: 'sv' }),
      },
      school: { query: print(SchoolAbsenceStatisticsDocument), variables: (id: string) => ({ schoolId: id, range: SCHOOL_YEAR }) },
    }
  : {
      student: { query: STUDENT, variables: (id: string) => ({ s: id }) },
      class: { query: CLASS, variables: (id: string) => ({ c: id }) },
      school: { query: SCHOOL, variables: (id: string) => ({ s: id }) },
    };

interface Case {
  name: string;
  query: string;
  samples: { token: string; variables: Record<string, unknown>; sql: Prisma.Sql }[];
}

async function timeGraphql(url: string, sample: Case['samples'][number], query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sample.token}` },
    body: JSON.stringify({ query, variables: sample.variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
}

/** Logs in one at a time: the API turns away sign-ins beyond what its password hashing can take at once. */
async function oneAtATime<T>(makers: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const make of makers) results.push(await make());
  return results;
}

const summary = (timings: number[]) => {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

async function main() {
  const db = await openSeededDatabase(databaseUrl, { students, today: BENCH_DAY });
  const { query } = db;
  if (!query) throw new Error('The benchmark runs on a PostgreSQL server');
  const now = new Date(CLOCK_START);
  const schoolYear = await db.prisma.schoolYear.findFirstOrThrow({
    where: { startDate: { lte: new Date(BENCH_DAY) }, endDate: { gte: new Date(BENCH_DAY) } },
  });
  const span = { from: schoolYear.startDate.toISOString().slice(0, 10), to: schoolYear.endDate.toISOString().slice(0, 10) };
  const attendanceRows = await db.prisma.attendance.count();

  const guardians = await db.prisma.$queryRaw<{ username: string; studentId: string }[]>`
    SELECT a.username, min(g."studentId"::text) AS "studentId" FROM "UserAccount" a JOIN "Guardianship" g ON g."guardianId" = a."guardianId"
    JOIN "Student" s ON s.id = g."studentId" AND s."birthDate" > ${BENCH_DAY}::date - interval '18 years'
    GROUP BY a.username ORDER BY md5(a.username || ${values.sample}) LIMIT ${rounds + WARM_UP}`;
  const mentors = await db.prisma.$queryRaw<{ username: string; classId: string }[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (a.username) a.username, d."groupId"::text AS "classId" FROM "UserAccount" a JOIN "StaffDuty" d ON d."staffId" = a."staffId" AND d.kind = 'MENTOR'
      ORDER BY a.username
    ) m ORDER BY md5(m.username || ${values.sample}) LIMIT ${rounds + WARM_UP}`;
  const principals = await db.prisma.$queryRaw<{ username: string; schoolId: string }[]>`
    SELECT DISTINCT ON (d."schoolId") a.username, d."schoolId"::text AS "schoolId" FROM "UserAccount" a JOIN "StaffDuty" d ON d."staffId" = a."staffId" AND d.kind = 'PRINCIPAL'
    ORDER BY d."schoolId", a.username`;
  const classMembers = new Map<string, string[]>();
  for (const mentor of mentors) {
    const members = await db.prisma.groupMembership.findMany({
      where: {
        groupId: mentor.classId,
        validFrom: { lte: new Date(span.to) },
        OR: [{ validTo: null }, { validTo: { gte: new Date(span.from) } }],
      },
      select: { studentId: true },
    });
    classMembers.set(
      mentor.classId,
      members.map((member) => member.studentId),
    );
  }

  const server = await startApiProcess(databaseUrl, CLOCK_START);
  try {
    const cases: Case[] = [
      {
        name: "guardian: a child's school year",
        query: views.student.query,
        samples: await oneAtATime(
          guardians.map((g) => async () => ({
            token: await login(server.url, g.username, loginDocument),
            variables: views.student.variables(g.studentId),
            sql: studentStatisticsSql(g.studentId, span, BENCH_DAY, now),
          })),
        ),
      },
      {
        name: "mentor: the class's school year",
        query: views.class.query,
        samples: await oneAtATime(
          mentors.map((m) => async () => ({
            token: await login(server.url, m.username, loginDocument),
            variables: views.class.variables(m.classId),
            sql: classStatisticsSql(classMembers.get(m.classId) ?? [], span, BENCH_DAY, now),
          })),
        ),
      },
      {
        name: "principal: the school's year",
        query: views.school.query,
        samples: await oneAtATime(
          principals.map((p) => async () => ({
            token: await login(server.url, p.username, loginDocument),
            variables: views.school.variables(p.schoolId),
            sql: schoolStatisticsSql(p.schoolId, span, BENCH_DAY, now),
          })),
        ),
      },
    ];
    const table = [];
    for (const benchCase of cases) {
      const count = benchCase.name.startsWith('principal') ? Math.max(10, Math.round(rounds / 4)) : rounds;
      // Warm-up: the first requests plan the statements and fill the process's caches; their students are not measured.
      const warmUp = benchCase.samples.slice(0, WARM_UP);
      for (const sample of warmUp) await timeGraphql(server.url, sample, benchCase.query);
      const measured = benchCase.samples.length > WARM_UP ? benchCase.samples.slice(WARM_UP) : benchCase.samples;
      const graphql: number[] = [];
      const sql: number[] = [];
      const apiCpuBefore = cpuMsOf(server.pid);
      for (let round = 0; round < count; round++) {
        // Each round a student or class not asked for before (where there are enough of them), so the first of the two
        // reads its data cold. sql-first: the ratio is the request's cost above the bare SQL's, the SQL's cold reads
        // never flattering it; request-first: the request as a user meets it, cold.
        const sample = measured[round % measured.length]!;
        if (!sqlFirst) graphql.push(await timeGraphql(server.url, sample, benchCase.query));
        const started = performance.now();
        await query(sample.sql);
        sql.push(performance.now() - started);
        if (sqlFirst) graphql.push(await timeGraphql(server.url, sample, benchCase.query));
      }
      const apiCpuAfter = cpuMsOf(server.pid);
      const g = summary(graphql);
      const s = summary(sql);
      table.push({
        view: benchCase.name,
        requests: count,
        'GraphQL p50 ms': +g.p50.toFixed(1),
        'GraphQL p95 ms': +g.p95.toFixed(1),
        'SQL p50 ms': +s.p50.toFixed(1),
        'SQL p95 ms': +s.p95.toFixed(1),
        'p95 GraphQL/SQL': +(g.p95 / s.p95).toFixed(2),
        'API CPU ms/request':
          apiCpuBefore === undefined || apiCpuAfter === undefined ? null : +((apiCpuAfter - apiCpuBefore) / count).toFixed(2),
      });
    }
    console.log(
      `\n${students} students, ${attendanceRows} attendance rows, range ${span.from}–${span.to} (lessons up to ${BENCH_DAY}), ${values.order}, --client ${values.client}`,
    );
    console.table(table);
  } finally {
    await server.stop();
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
