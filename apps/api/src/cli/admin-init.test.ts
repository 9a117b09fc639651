// `pnpm admin:init` as an operator runs it, on an empty database with the password on standard input; then the
// administrator logs in through the real server. Refusals exit with 2 and write nothing. The first creation on each
// database runs the real command as a child process; the other runs call the same command in this process (a child
// process costs seconds of CPU to start, which a loaded machine makes many times longer).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { findProjectRoot, openDatabase, type DatabaseLocation } from '@insyn/db';
import { schoolDateOf } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, removeTestDatabase, startTestServer, TestClient, type DatabaseKind } from '../test/harness.ts';
import { runAdminInit } from './admin-init.command.ts';

const PASSWORD = 'ett långt lösenord';
const ANNA = ['--organisation', 'Exempelby kommun', '--username', 'anna.admin', '--first-name', 'Anna', '--last-name', 'Andersson'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The database environment the command reads, as the server does: DATABASE_URL, or embedded in INSYN_DATA_DIR. */
function databaseEnv(location: DatabaseLocation | undefined): NodeJS.ProcessEnv {
  if (location?.kind === 'postgres') return { DATABASE_URL: location.url };
  return { DATABASE_URL: '', INSYN_DATA_DIR: location?.kind === 'pglite' ? location.dataDir : 'memory' };
}

/** `pnpm admin:init` itself: the entry file in a new Node.js process. */
function runProcess(args: string[], stdin: string, location: DatabaseLocation): Promise<Run> {
  const root = findProjectRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/admin-init.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...databaseEnv(location) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The same command in this process, with standard input that is not a terminal. */
async function runCommand(args: string[], stdin: string, location: DatabaseLocation | undefined): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runAdminInit({
    argv: args,
    env: { ...process.env, ...databaseEnv(location) },
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('admin:init without a database', () => {
  it('prints its usage with --help', async () => {
    const run = await runCommand(['--help'], '', undefined);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pnpm admin:init --organisation NAME --username NAME/);
  });

  it('refuses unknown and missing flags, blank names and a weak or missing password before opening a database', async () => {
    const refusals: [string[], string, RegExp][] = [
      [[...ANNA, '--password', PASSWORD], `${PASSWORD}\n`, /^Unknown option '--password'/],
      [ANNA.slice(2), `${PASSWORD}\n`, /^--organisation is required\n\nUsage:/],
      [[...ANNA, '--first-name', '  '], `${PASSWORD}\n`, /^The first name must not be blank/],
      [[...ANNA, '--valid-from', '2026-13-01'], `${PASSWORD}\n`, /^--valid-from must be a real date as YYYY-MM-DD/],
      [ANNA, 'short\n', /^The password must be at least 12 characters long; nothing was created\.$/m],
      [ANNA, '', /^No password: standard input ended before its first line; nothing was created\.$/m],
    ];
    const runs = await Promise.all(refusals.map(([args, stdin]) => runCommand(args, stdin, undefined)));
    for (const [index, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(refusals[index]?.[2] as RegExp);
      // Refused before the database was chosen, so nothing could have been written.
      expect(run.stdout).toBe('');
    }
  });
});

describe.each<DatabaseKind>(['pglite', 'postgres'])('admin:init on an empty database (%s)', (kind) => {
  let location: DatabaseLocation;

  beforeAll(async () => {
    location = await createEmptyTestDatabase(kind);
  });

  afterAll(async () => {
    await removeTestDatabase(location);
  });

  it('migrates, creates the organisation and its administrator, who then logs in to the server', async () => {
    const run = await runProcess(ANNA, `${PASSWORD}\r\nthe rest is not read\n`, location);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Applied migrations: ');
    expect(run.stdout).toContain('organisation   Exempelby kommun');
    expect(run.stdout).toContain('login          anna.admin');
    expect(run.stdout).toContain('pnpm start');

    const server = await startTestServer(kind, { database: location, today: schoolDateOf(new Date()) });
    try {
      const client = new TestClient(server);
      const login = await client.login('anna.admin', PASSWORD);
      expect(login.errors).toBeUndefined();
      const me = await client.request('{ me { username displayName role duties } }');
      expect(me.data).toEqual({ me: { username: 'anna.admin', displayName: 'Anna Andersson', role: 'STAFF', duties: ['ADMINISTRATOR'] } });
    } finally {
      await server.stop();
    }
  });

  // One run at a time: an embedded database is opened by one process only.
  it('refuses a second run and a taken username, writing nothing', async () => {
    const runs = [
      await runCommand([...ANNA, '--username', 'bo.admin'], `${PASSWORD}\n`, location),
      await runCommand([...ANNA, '--organisation', 'Grannby kommun', '--additional-organisation'], `${PASSWORD}\n`, location),
    ];
    expect(runs.map((run) => run.code)).toEqual([2, 2]);
    expect(runs[0]?.stderr).toMatch(/^The database already has an organisation \("Exempelby kommun"\); nothing was created/);
    expect(runs[1]?.stderr).toBe('The username "anna.admin" is already taken; nothing was created.\n');

    const db = await openDatabase(location);
    try {
      const accounts = await db.prisma.userAccount.findMany({ select: { username: true } });
      expect(accounts).toEqual([{ username: 'anna.admin' }]);
      expect(await db.prisma.organisation.count()).toBe(1);
      expect(await db.prisma.staff.count()).toBe(1);
      expect(await db.prisma.staffDuty.count()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
