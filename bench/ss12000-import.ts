// Benchmark: importing a municipality from an SS 12000 source (the tests' own source server, serving generated
// records in pages of 500) through the API as an administrator does it: schools, students each with two guardians,
// staff with duties, subjects, about 400 classes and teaching groups with their members, and a term's lessons. A run
// into an empty database (with its school year set up), then the same run again reading everything, which must change
// nothing, then a later run that asks only for what changed (nothing). The API runs as its own process; its peak
// memory (VmHWM) is read from /proc after the runs.
//
//   tsx bench/ss12000-import.ts [--students 10000] [--staff 800] [--weeks 18]
//
// It recreates the database `insyn_bench_ss12000` on 127.0.0.1:5432 (BENCH_SS12000_DATABASE_URL to change) each time.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyPendingMigrations, openDatabase } from '@insyn/db';
import { personnummerFor } from '@insyn/domain';
import { startTestSource } from '../apps/api/src/test/ss12000-source.ts';
import { createFirstAdministrator } from '../apps/api/src/modules/administration/first-administrator.service.ts';
import { startApiProcess } from './support.ts';

const TODAY = '2026-11-25';
const PASSWORD = 'bänkens-lösenord';
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '10000' },
    staff: { type: 'string', default: '800' },
    weeks: { type: 'string', default: '18' },
  },
});
const studentCount = Number(values.students);
const staffCount = Number(values.staff);
const weeks = Number(values.weeks);
const YEAR = { name: '2026/27', startDate: '2026-08-17', endDate: '2027-06-11' };
const databaseUrl = process.env.BENCH_SS12000_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_ss12000';

const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const SCHOOLS = 12;
/** 300 classes and 100 teaching groups; 12 divides 300, so student n's class (n % 300) is at the student's school. */
const CLASSES = 300;
const TEACHING_GROUPS = 100;
const SUBJECTS = 20;
const LESSONS_A_WEEK = 5;

const schoolOf = (n: number) => uuid(1, 1 + (n % SCHOOLS));
const isUpperSecondary = (schoolIndex: number) => schoolIndex >= 9;

/** The source's records, as described above. */
function municipality() {
  const organisations = [
    { id: uuid(1, 0), displayName: 'Bänkby kommun', organisationType: 'Huvudman' },
    ...Array.from({ length: SCHOOLS }, (_, n) => ({
      id: uuid(1, n + 1),
      displayName: `Bänkbyskolan ${n + 1}`,
      organisationType: 'Skolenhet',
      schoolUnitCode: String(70_000_000 + n),
      schoolTypes: [n < 9 ? 'GR' : 'GY'],
    })),
  ];
  const persons: object[] = [];
  const duties: object[] = [];
  let serial = 0;
  const civicNo = (birthDate: string) => personnummerFor(birthDate, serial++ % 1000).replace('-', '');
  for (let n = 0; n < studentCount; n += 1) {
    const birth = `${2008 + (n % 12)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}`;
    persons.push({
      id: uuid(2, n),
      givenName: `Elev${n}`,
      familyName: 'Bänkberg',
      civicNo: { value: civicNo(birth) },
      enrolments: [{ enroledAt: { id: schoolOf(n) }, schoolYear: isUpperSecondary(n % SCHOOLS) ? 1 + (n % 3) : 1 + (n % 9) }],
      responsibles: [{ person: { id: uuid(3, 2 * n) } }, { person: { id: uuid(3, 2 * n + 1) } }],
    });
    for (const g of [2 * n, 2 * n + 1]) {
      const guardianBirth = `${1970 + (g % 20)}-${String(1 + (g % 12)).padStart(2, '0')}-${String(1 + (Math.floor(g / 12) % 28)).padStart(2, '0')}`;
      persons.push({
        id: uuid(3, g),
        givenName: `Förälder${g}`,
        familyName: 'Bänkberg',
        civicNo: { value: civicNo(guardianBirth) },
        emails: [{ value: `foralder${g}@bankby.example`, type: 'Privat' }],
        phoneNumbers: [{ value: `+4670${String(g).padStart(7, '0')}`, mobile: true }],
        addresses: [{ type: 'Folkbokföring', streetAddress: `Bänkvägen ${g}`, postalCode: '123 45', locality: 'Bänkby' }],
      });
    }
  }
  for (let n = 0; n < staffCount; n += 1) {
    persons.push({
      id: uuid(4, n),
      givenName: `Personal${n}`,
      familyName: 'Bänkström',
      emails: [{ value: `personal${n}@bankby.example` }],
    });
    duties.push({
      id: uuid(5, n),
      person: { id: uuid(4, n) },
      dutyAt: { id: schoolOf(n) },
      dutyRole: n < SCHOOLS ? 'Rektor' : 'Lärare',
      signature: `P${n}`,
      startDate: YEAR.startDate,
      // The teachers after the principals mentor a class each: teacher n class n - 12, at the same school (n % 12).
      ...(n >= SCHOOLS && n < SCHOOLS + CLASSES
        ? { assignmentRole: [{ group: { id: uuid(6, n - SCHOOLS) }, assignmentRoleType: 'Mentor' }] }
        : {}),
    });
  }
  const syllabuses = Array.from({ length: SUBJECTS }, (_, s) => ({ id: uuid(7, s), subjectCode: `BA${s}`, subjectName: `Bänkämne ${s}` }));
  const groups: object[] = [];
  const activities: object[] = [];
  const members = (of: (n: number) => boolean) => {
    const list: object[] = [];
    for (let n = 0; n < studentCount; n += 1) if (of(n)) list.push({ person: { id: uuid(2, n) }, startDate: YEAR.startDate });
    return list;
  };
  for (let c = 0; c < CLASSES; c += 1)
    groups.push({
      id: uuid(6, c),
      displayName: `K${c}`,
      groupType: 'Klass',
      organisation: { id: schoolOf(c) },
      startDate: YEAR.startDate,
      groupMemberships: members((n) => n % CLASSES === c),
    });
  for (let t = 0; t < TEACHING_GROUPS; t += 1) {
    // Teaching group t: the students of class 3t, at its school.
    groups.push({
      id: uuid(6, CLASSES + t),
      displayName: `U${t}`,
      groupType: 'Undervisning',
      organisation: { id: schoolOf(3 * t) },
      startDate: YEAR.startDate,
      groupMemberships: members((n) => n % CLASSES === 3 * t),
    });
  }
  for (let g = 0; g < CLASSES + TEACHING_GROUPS; g += 1)
    activities.push({
      id: uuid(8, g),
      displayName: `Aktivitet ${g}`,
      activityType: 'Undervisning',
      groups: [{ id: uuid(6, g) }],
      teachers: [{ duty: { id: uuid(5, SCHOOLS + ((g * 7) % (staffCount - SCHOOLS))) } }],
      syllabus: { id: uuid(7, g % SUBJECTS) },
      organisation: { id: schoolOf(g < CLASSES ? g : 3 * (g - CLASSES)) },
    });
  // A term's lessons: each group's five a week, one each weekday at an hour of its own.
  const calendarEvents: object[] = [];
  const monday = Date.parse(`${YEAR.startDate}T00:00:00Z`);
  for (let g = 0; g < CLASSES + TEACHING_GROUPS; g += 1)
    for (let w = 0; w < weeks; w += 1)
      for (let d = 0; d < LESSONS_A_WEEK; d += 1) {
        const start = new Date(monday + (w * 7 + d) * 86_400_000 + (7 + (g % 8)) * 3_600_000);
        calendarEvents.push({
          id: uuid(9, (g * weeks + w) * LESSONS_A_WEEK + d),
          activity: { id: uuid(8, g) },
          startTime: start.toISOString(),
          endTime: new Date(start.getTime() + 50 * 60_000).toISOString(),
        });
      }
  return { organisations, persons, duties, syllabuses, groups, activities, calendarEvents };
}

async function emptyDatabase() {
  const admin = new URL(databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const server = await openDatabase({ kind: 'postgres', url: admin.toString() });
  await server.prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await server.prisma.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  await server.close();
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  await applyPendingMigrations(db.adapterFactory);
  await createFirstAdministrator(
    db.prisma,
    { organisationName: 'Bänkby kommun', username: 'bank.admin', firstName: 'Bänk', lastName: 'Admin', password: PASSWORD },
    { validFrom: TODAY },
  );
  // The calendar is the school's own: set up before an import (the groups belong to a school year).
  const organisation = await db.prisma.organisation.findFirstOrThrow();
  await db.prisma.schoolYear.create({
    data: { organisationId: organisation.id, name: YEAR.name, startDate: new Date(YEAR.startDate), endDate: new Date(YEAR.endDate) },
  });
  await db.close();
}

const data = municipality();
const source = await startTestSource(data);
await emptyDatabase();
const api = await startApiProcess(databaseUrl, `${TODAY}T09:30:00Z`);
try {
  const call = async (token: string | null, query: string, variables: object = {}) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const login = await call(null, 'mutation($p: String!) { login(username: "bank.admin", password: $p) { accessToken } }', { p: PASSWORD });
  const token = (login.login as { accessToken: string }).accessToken;
  await call(token, 'mutation($input: Ss12000SourceInput!) { saveSs12000Source(input: $input) { baseUrl } }', {
    input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: source.token },
  });
  /** Starts a run and follows it by its id, as the screen does, until it has finished. */
  const runImport = async (everything: boolean) => {
    const started = performance.now();
    const fields = 'outcome changesSince counts { kind added changed ended unchanged } problems { endpoint sourceId code field }';
    const start = await call(token, `mutation($e: Boolean) { runSs12000Import(apply: true, everything: $e) { id } }`, { e: everything });
    const id = (start.runSs12000Import as { id: string }).id;
    for (;;) {
      const result = await call(token, `query($id: ID!) { ss12000ImportRun(id: $id) { ${fields} } }`, { id });
      const run = result.ss12000ImportRun as {
        outcome: string;
        changesSince: string | null;
        counts: { kind: string; added: number; changed: number; ended: number; unchanged: number }[];
        problems: unknown[];
      };
      if (run.outcome !== 'RUNNING') {
        if (run.outcome !== 'APPLIED') throw new Error(`${run.outcome}: ${JSON.stringify(run.problems.slice(0, 5))}`);
        return { seconds: (performance.now() - started) / 1000, counts: run.counts, changesSince: run.changesSince };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const memory = (field: 'VmHWM' | 'VmRSS') =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1]) / 1024;
  const before = memory('VmHWM');
  const first = await runImport(true);
  const second = await runImport(true);
  // A later run asks only for what changed: the source offers deletedEntities (none) and nothing is newer.
  source.deletions = [];
  const third = await runImport(false);
  const counts = data.calendarEvents.length;
  console.log(
    `${studentCount} students, ${2 * studentCount} guardians, ${staffCount} staff, ${SCHOOLS} schools, ${CLASSES + TEACHING_GROUPS} groups, ${counts} lessons (${weeks} weeks); ${source.requests.length} source requests`,
  );
  console.log(`first run ${first.seconds.toFixed(1)} s: ${first.counts.map((c) => `${c.kind} +${c.added}`).join(', ')}`);
  for (const [name, run] of [
    ['second run (everything)', second],
    ['later run (changes only)', third],
  ] as const)
    console.log(
      `${name} ${run.seconds.toFixed(1)} s: ${run.counts.map((c) => `${c.kind} +${c.added} ~${c.changed} -${c.ended} =${c.unchanged}`).join(', ')}`,
    );
  console.log(
    `API process memory: peak ${before.toFixed(0)} MiB before the runs, ${memory('VmHWM').toFixed(0)} MiB after; ${memory('VmRSS').toFixed(0)} MiB resident at the end`,
  );
} finally {
  await api.stop();
  await source.stop();
}
