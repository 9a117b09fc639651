// Benchmark: importing a municipality's schools and people from an SS 12000 source (the tests' own source server,
// serving generated records in pages of 500), through the API as an administrator does it: a run into an empty
// database, then the same run again, which must change nothing. The API runs as its own process; its peak memory
// (VmHWM) is read from /proc after the runs.
//
//   tsx bench/ss12000-import.ts [--students 10000] [--staff 800]
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
const { values } = parseArgs({ options: { students: { type: 'string', default: '10000' }, staff: { type: 'string', default: '800' } } });
const studentCount = Number(values.students);
const staffCount = Number(values.staff);
const databaseUrl = process.env.BENCH_SS12000_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_ss12000';

const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const SCHOOLS = 12;

/** The source's records: schools, students each with two guardians, staff each with a duty. */
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
      enrolments: [{ enroledAt: { id: uuid(1, 1 + (n % SCHOOLS)) } }],
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
      dutyAt: { id: uuid(1, 1 + (n % SCHOOLS)) },
      dutyRole: 'Lärare',
      signature: `P${n}`,
    });
  }
  return { organisations, persons, duties };
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
  const runImport = async () => {
    const started = performance.now();
    const result = await call(
      token,
      'mutation { runSs12000Import(apply: true) { outcome counts { kind added changed unchanged } problems { code } } }',
    );
    const run = result.runSs12000Import as {
      outcome: string;
      counts: { kind: string; added: number; changed: number; unchanged: number }[];
      problems: unknown[];
    };
    if (run.outcome !== 'APPLIED') throw new Error(JSON.stringify(run.problems.slice(0, 5)));
    return { seconds: (performance.now() - started) / 1000, counts: run.counts };
  };
  const memory = (field: 'VmHWM' | 'VmRSS') =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1]) / 1024;
  const before = memory('VmHWM');
  const first = await runImport();
  const second = await runImport();
  console.log(
    `${studentCount} students, ${2 * studentCount} guardians, ${staffCount} staff, ${SCHOOLS} schools; ${source.requests.length} source requests`,
  );
  console.log(`first run ${first.seconds.toFixed(1)} s: ${first.counts.map((c) => `${c.kind} +${c.added}`).join(', ')}`);
  console.log(
    `second run ${second.seconds.toFixed(1)} s: ${second.counts.map((c) => `${c.kind} +${c.added} ~${c.changed} =${c.unchanged}`).join(', ')}`,
  );
  console.log(
    `API process memory: peak ${before.toFixed(0)} MiB before the runs, ${memory('VmHWM').toFixed(0)} MiB after; ${memory('VmRSS').toFixed(0)} MiB resident at the end`,
  );
} finally {
  await api.stop();
  await source.stop();
}
