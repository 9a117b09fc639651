// What the benchmarks share: a seeded PostgreSQL database kept between runs, the API as its own
// process on it, logging in, and percentiles.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPendingMigrations, findProjectRoot, openDatabase, type Database } from '@insyn/db';
import { hash } from '@node-rs/argon2';
import { print } from 'graphql';
import { LoginDocument } from '../apps/web/src/gql/graphql.ts';
import { seedDemoData } from '../prisma/seed/generate.ts';

export const JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';

/** Creates the database if missing and seeds it once; returns it open (the caller closes it). */
export async function openSeededDatabase(databaseUrl: string, seed: { students: number; today: string }): Promise<Database> {
  const admin = new URL(databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const server = await openDatabase({ kind: 'postgres', url: admin.toString() });
  const exists = await server.prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_database WHERE datname = ${name}`;
  if (exists.length === 0) await server.prisma.$executeRawUnsafe(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
  await server.close();
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  await applyPendingMigrations(db.adapterFactory);
  const count = await db.prisma.student.count();
  if (count === 0) {
    console.log(`Seeding ${seed.students} students (once; the database is kept for later runs)…`);
    const started = Date.now();
    // Cheap hash parameters: the benchmark logs in, it does not measure Argon2.
    const passwordHash = await hash('insyn-demo', { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await seedDemoData(db.prisma, { students: seed.students, seed: 1, today: seed.today, passwordHash });
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } else {
    console.log(`Using ${databaseUrl} (${count} students)`);
  }
  return db;
}

export interface ApiProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The API as its own process on the database, its school clock at `clockStart`. BENCH_API_NODE_ARGS adds
 * Node options, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`; BENCH_API_ROOT runs the API of another checkout (installed
 * with `pnpm install`), to compare two versions of it under the same benchmark.
 */
export function startApiProcess(databaseUrl: string, clockStart: string, env: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const root = process.env.BENCH_API_ROOT ?? findProjectRoot();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      JWT_SECRET,
      INSYN_CLOCK_START: clockStart,
      DATABASE_POOL_SIZE: '20',
      // One process unless a benchmark asks for more (monday-morning.ts): the figures in README.md were measured so.
      API_PROCESSES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Insyn is running at (\S+)/.exec(output);
      if (match) {
        resolve({
          url: match[1] as string,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              child.on('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** A sign-in that asks for the token alone. */
export const TOKEN_LOGIN =
  'mutation($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken } }';

/**
 * The web app's own sign-in: with the token, the viewer and (for a guardian) the children they see, which reads
 * their access facts as every real visit does before it asks for anything else.
 */
export const APP_LOGIN = print(LoginDocument);

export async function login(url: string, username: string, document: string = TOKEN_LOGIN): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables: { username, password: 'insyn-demo' } }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login ${username}: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** The p-th percentile of ascending values (nearest rank). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); undefined elsewhere. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, counted after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU time, in ms, used so far by every PostgreSQL process on this machine (the server on 127.0.0.1 the benchmarks
 * use: its backends, WAL writer, checkpointer); undefined where /proc cannot tell. A process that ends between two
 * readings takes its time with it: the benchmarks' connections stay open while they measure.
 */
export function postgresCpuMs(): number | undefined {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let comm: string;
      try {
        comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      } catch {
        continue; // ended meanwhile
      }
      if (comm === 'postgres') total += cpuMsOf(Number(entry)) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}
