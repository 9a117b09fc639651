// Test servers on a real database: embedded PGlite in memory, or a database of their own on the
// PostgreSQL server at 127.0.0.1:5432. Requests go over HTTP through the real stack.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPendingMigrations, openDatabase, type Database, type DatabaseLocation } from '@insyn/db';
import pg from 'pg';
import { seedDemoData } from '../../../../prisma/seed/generate.ts';
import { createServer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../modules/auth/password.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];

export const DEMO_PASSWORD = 'insyn-demo';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestServer {
  url: string;
  db: Database;
  today: string;
  /** where its data lives; with `keepDatabase`, a later server can open it again (`database`) */
  location: DatabaseLocation;
  /** the server's clock; a later server on the same data continues it with `env: { INSYN_CLOCK_START }` */
  clock: () => Date;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  students?: number;
  today?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Keep the fresh database after stop(), for a later server on the same data (a restart) or a second
   * server beside this one (PostgreSQL); PGlite then lives in a temporary folder rather than in memory.
   * Remove it with `removeTestDatabase(server.location)`.
   */
  keepDatabase?: boolean;
  /**
   * Open this existing database (an earlier server's `location`, kept with `keepDatabase`) as it is:
   * neither migrated nor seeded, and left in place at stop().
   */
  database?: DatabaseLocation;
}

let demoHash: Promise<string> | undefined;

/**
 * A server on a fresh database filled with a small, deterministic demo school, or (with `database`) on
 * the database an earlier server left behind.
 */
export async function startTestServer(kind: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const today = options.today ?? '2026-11-25';
  let location: DatabaseLocation = { kind: 'memory' };
  let dropDatabase = async () => {};
  if (options.database) {
    location = options.database;
  } else if (kind === 'postgres') {
    const name = `insyn_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    location = { kind: 'postgres', url: url.toString() };
    if (!options.keepDatabase) dropDatabase = () => removeTestDatabase(location);
  } else if (options.keepDatabase) {
    location = { kind: 'pglite', dataDir: await mkdtemp(join(tmpdir(), 'insyn-test-')) };
  }
  const db = await openDatabase(location);
  if (!options.database) {
    await applyPendingMigrations(db.adapterFactory);
    demoHash ??= hashPassword(DEMO_PASSWORD);
    await seedDemoData(db.prisma, { students: options.students ?? 150, seed: 7, today, passwordHash: await demoHash });
  }
  // The school's clock stands at 10:30 on `today` (a Wednesday by default), whatever day the tests run.
  const config = {
    ...loadConfig(
      { NODE_ENV: 'test', ...(options.env?.NODE_ENV === 'production' ? {} : { INSYN_CLOCK_START: `${today}T09:30:00Z` }), ...options.env },
      undefined,
    ),
    database: location,
    port: 0,
  };
  const server = await createServer(db, config, () => undefined);
  // Tests may think for a while between requests; a kept-alive socket closed by the server at that very
  // moment makes fetch fail with ECONNRESET, so keep sockets longer than any pause in a test.
  server.httpServer.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    today,
    location,
    clock: config.clock,
    stop: async () => {
      await server.stop();
      await dropDatabase();
    },
  };
}

/** Removes a database kept with `keepDatabase` (after every server on it has stopped). */
export async function removeTestDatabase(location: DatabaseLocation): Promise<void> {
  if (location.kind === 'postgres') {
    const name = new URL(location.url).pathname.slice(1);
    if (!/^insyn_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      // pg's pool.end() resolves once it has asked its connections to close, not once the server has closed
      // them; forcing the drop before then makes those connections fail with an unhandled error in the test
      // process. Give them a moment to go.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await client.query<{ open: number }>('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        if ((rows[0]?.open ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  } else if (location.kind === 'pglite') {
    await rm(location.dataDir, { recursive: true, force: true });
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] | undefined;
  setCookie: string | null;
}

/** A browser-like client: keeps the renewal cookie and the access token between requests. */
export class TestClient {
  token: string | null = null;
  cookie: string | null = null;

  constructor(private readonly server: TestServer) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLResult['errors'] };
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      // An expired cookie is how the server clears it.
      this.cookie = /Expires=Thu, 01 Jan 1970/i.test(setCookie) || pair.endsWith('=') ? null : pair;
    }
    return { status: response.status, data: body.data ?? null, errors: body.errors, setCookie };
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<GraphQLResult<{ login: { accessToken: string } }>> {
    const result = await this.request<{ login: { accessToken: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken expiresAt viewer { username role } } }',
      { u: username, p: password },
    );
    if (result.data?.login) this.token = result.data.login.accessToken;
    return result;
  }
}

export async function loggedIn(server: TestServer, username: string): Promise<TestClient> {
  const client = new TestClient(server);
  const result = await client.login(username);
  if (!result.data) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
  return client;
}

export const errorCode = (result: GraphQLResult<unknown>): string | undefined => result.errors?.[0]?.extensions?.code;

/** Polls `probe` until it returns a value that is not undefined; fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Usernames of staff with a duty of this kind for a group (MENTOR) or school (PRINCIPAL). */
export async function staffUsername(
  server: TestServer,
  kind: 'MENTOR' | 'PRINCIPAL' | 'TEACHER',
  ref: { groupId?: string; schoolId?: string },
) {
  const account = await server.db.prisma.userAccount.findFirst({
    where: {
      staff: {
        duties: { some: { kind, ...(ref.groupId ? { groupId: ref.groupId } : {}), ...(ref.schoolId ? { schoolId: ref.schoolId } : {}) } },
      },
    },
    select: { username: true },
    orderBy: { username: 'asc' },
  });
  if (!account) throw new Error(`no ${kind} account for ${JSON.stringify(ref)}`);
  return account.username;
}
