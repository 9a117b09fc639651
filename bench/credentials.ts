// Benchmark: printing a school's guardian letters, and logins under attack, end to end against an API process.
//
//   tsx bench/credentials.ts [--students 2000] [--seconds 10] [--nice-attackers]
//
// It uses (and seeds once) the database `insyn_bench_credentials` on 127.0.0.1:5432 (BENCH_CREDENTIALS_DATABASE_URL
// to change). Measured:
// 1. letters: the administrator prints the letters of the school with the most guardians (every one gets a new
//    code), twice; the time until the whole PDF has arrived, its pages, and the API process's peak memory (VmHWM)
//    before and after, so a growing document would show;
// 2. 40 wrong passwords for one username at once: how many were verified (INVALID_CREDENTIALS) and how many
//    refused at once (TOO_MANY_ATTEMPTS);
// 3. a logged-in user's request (`me` with their students) one at a time, alone and while another process keeps
//    100 anonymous logins with wrong passwords in flight; the address limit is set out of reach so that what is
//    measured is the bound on anonymous requests and on password hashing. With --nice-attackers their process runs
//    at the lowest CPU priority (nice 19), as if it were on other machines: the API and PostgreSQL get the cores first,
//    so what remains is the cost of answering the flood, not of generating it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { login, openSeededDatabase, percentile, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25';
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    'nice-attackers': { type: 'boolean', default: false },
  },
});
const databaseUrl = process.env.BENCH_CREDENTIALS_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_credentials';
const seconds = Number(values.seconds);

/** 100 clients that each send a login with a wrong password as soon as the last one was answered; prints the tally. */
const ATTACKERS = `
const [url, ms] = process.argv.slice(1);
const ends = performance.now() + Number(ms);
const codes = {};
let attempt = 0;
const query = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
async function attacker() {
  while (performance.now() < ends) {
    const response = await fetch(url + '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { u: 'nobody.' + attempt++, p: 'not-the-password' } }),
    });
    const answer = await response.json();
    const code = answer.errors?.[0]?.extensions?.code ?? 'OK';
    codes[code] = (codes[code] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: 100 }, attacker));
console.log(JSON.stringify(codes));
`;

const db = await openSeededDatabase(databaseUrl, { students: Number(values.students), today: BENCH_DAY });
const [biggest] = await db.prisma.$queryRaw<{ schoolId: string; name: string; guardians: number }[]>`
  SELECT s.id AS "schoolId", s.name, count(DISTINCT gs."guardianId")::int AS guardians
  FROM "School" s JOIN "Student" st ON st."schoolId" = s.id JOIN "Guardianship" gs ON gs."studentId" = st.id
  GROUP BY s.id ORDER BY guardians DESC LIMIT 1`;
// A lock left by an earlier run would refuse all 40 at once.
await db.prisma.loginThrottle.deleteMany();
await db.close();
if (!biggest) throw new Error('no school with guardians');

const api = await startApiProcess(databaseUrl, `${BENCH_DAY}T09:30:00Z`, { LOGIN_FAILURES_PER_ADDRESS: '100000' });
const peakMemoryMiB = () => {
  const line = readFileSync(`/proc/${api.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return Math.round(Number(line?.[1] ?? 0) / 1024);
};
const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
};

try {
  const admin = await login(api.url, 'admin');
  console.log(`Letters for ${biggest.name} (${biggest.guardians} guardians); API peak memory at start ${peakMemoryMiB()} MiB`);
  for (const round of [1, 2]) {
    const started = performance.now();
    const response = await fetch(`${api.url}/api/accounts/guardian-letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ schoolId: biggest.schoolId, onlyWithoutActivatedAccount: false }),
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    const elapsed = (performance.now() - started) / 1000;
    const pages = pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
    console.log(
      `  round ${round}: HTTP ${response.status}, ${pages} letters, ${(pdf.length / 1024 / 1024).toFixed(1)} MiB, ` +
        `${elapsed.toFixed(1)} s; API peak memory ${peakMemoryMiB()} MiB`,
    );
  }

  const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => graphql(LOGIN, { u: 'rektor', p: `guess-${index}` })));
  const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK');
  const tally = Object.fromEntries([...new Set(codes)].map((code) => [code, codes.filter((c) => c === code).length]));
  console.log(`40 wrong passwords for one username at once: ${JSON.stringify(tally)} in ${Math.round(performance.now() - started)} ms`);

  const user = await login(api.url, 'vardnadshavare');
  const ME = '{ me { username students { id firstName } } }';
  const timed = async (until: number) => {
    const times: number[] = [];
    while (performance.now() < until) {
      const t = performance.now();
      const answer = await graphql(ME, {}, user);
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  const describe = (times: number[]) =>
    `${times.length} requests, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
  console.log(`A guardian's request alone: ${describe(await timed(performance.now() + seconds * 1000))}`);

  // The attackers run in a process of their own, as they would on other machines: in this one, their answers
  // would queue in the same event loop as the guardian's and the measurement would time the load generator.
  const attackers = [process.execPath, '--input-type=module', '-e', ATTACKERS, api.url, String(seconds * 1000)];
  const [command, ...args] = values['nice-attackers'] ? ['nice', '-n', '19', ...attackers] : attackers;
  const flood = spawn(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const floodAnswers = new Promise<string>((resolve, reject) => {
    let output = '';
    flood.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    flood.on('exit', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`the attackers exited with ${code}`))));
  });
  const times = await timed(performance.now() + seconds * 1000);
  console.log(`The same while 100 anonymous logins are in flight: ${describe(times)}`);
  console.log(`  the flood's answers: ${await floodAnswers}`);
} finally {
  await api.stop();
}
