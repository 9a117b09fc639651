// Test servers on a real database: embedded PGlite in memory, or a database of their own on the
// PostgreSQL server at 127.0.0.1:5432. Requests go over HTTP through the real stack.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPendingMigrations, openDatabase, type Database, type DatabaseLocation } from '@insyn/db';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDemoData } from '../../../../prisma/seed/generate.ts';
import { createServer, type InsynServer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../modules/auth/password.ts';

export { eventually } from './waiting.ts';

export type DatabaseKind = 'pglite' | 'postgres';
/**
 * Both databases Insyn runs on, for the tests whose subject is what the database does: roll calls and their
 * triggers, the statistics' SQL, the delivery queue's locks, memberships that may not overlap, lesson generation,
 * sessions.
 */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];
/**
 * The PostgreSQL server only, for the tests of rules that are the same code on either database (who may see what,
 * the administration's checks): run on PGlite as well, they cost the API stage about 45 s more for nothing the tests
 * above do not already cover on it.
 */
export const SERVER_DATABASE: DatabaseKind[] = ['postgres'];

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
  /** the server itself, for a test that walks its routes */
  httpServer: InsynServer['httpServer'];
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
  /** a built web app for the server to serve, as apps/web/dist in production */
  webDistDir?: string;
}

const STANDARD_STUDENTS = 150;
const STANDARD_TODAY = '2026-11-25';

let demoHash: Promise<string> | undefined;

/** The standard test school: migrated and seeded (seeding takes seconds; copying it, a fraction of that). */
async function seedStandardSchool(db: Database, students = STANDARD_STUDENTS, today = STANDARD_TODAY): Promise<void> {
  await applyPendingMigrations(db.adapterFactory);
  demoHash ??= hashPassword(DEMO_PASSWORD);
  await seedDemoData(db.prisma, { students, seed: 7, today, passwordHash: await demoHash });
}

declare module 'vitest' {
  interface ProvidedContext {
    /** made once per run by test/global-setup.ts */
    standardSchool: StandardSchoolTemplates;
  }
}

export interface StandardSchoolTemplates {
  /** a database on the PostgreSQL server to create others from (CREATE DATABASE … TEMPLATE) */
  postgresTemplate: string;
  /** a file holding an embedded database's data directory (PGlite's dumpDataDir) */
  embeddedDump: string;
}

/** Seeds the standard school once, as a template database and a dumped embedded data directory. */
export async function createStandardSchoolTemplates(): Promise<StandardSchoolTemplates> {
  const postgresTemplate = `insyn_test_${randomBytes(6).toString('hex')}`;
  const embeddedDump = join(await mkdtemp(join(tmpdir(), 'insyn-template-')), 'standard-school.tar');
  const embedded = async () => {
    const db = await openDatabase({ kind: 'memory' });
    try {
      await seedStandardSchool(db);
      if (!db.dumpDataDir) throw new Error('an embedded database can dump its data directory');
      // Each embedded test server starts PostgreSQL afresh on a copy, and a start sets up all of its shared buffers:
      // PGlite's 128 MB took about 0.6 s of CPU more per start than 16 MB, ample for the standard school (the
      // database is about 60 MB). Only the copies have it; a process started as an operator would has PGlite's own.
      await db.prisma.$executeRawUnsafe(`ALTER SYSTEM SET shared_buffers = '16MB'`);
      // The dump is of the files: everything must be written to them first. Without recycling, the checkpoint removes
      // the WAL segments before its own instead of renaming them for later use: 77 MB of dump instead of 127 MB, and
      // about 0.3 s less CPU at each copy's start (a median of twelve opens each way).
      await db.prisma.$executeRawUnsafe('SET wal_recycle = off');
      await db.prisma.$executeRawUnsafe('CHECKPOINT');
      await writeFile(embeddedDump, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
    } finally {
      await db.close();
    }
  };
  const server = async () => {
    await adminQuery(`CREATE DATABASE ${postgresTemplate}`);
    const db = await openDatabase(postgresLocation(postgresTemplate));
    try {
      await seedStandardSchool(db);
    } finally {
      await db.close();
    }
    await withAdminClient((client) => untilDisconnected(client, postgresTemplate));
  };
  await Promise.all([embedded(), server()]);
  return { postgresTemplate, embeddedDump };
}

export async function removeStandardSchoolTemplates(templates: StandardSchoolTemplates): Promise<void> {
  await removeTestDatabase(postgresLocation(templates.postgresTemplate));
  await rm(join(templates.embeddedDump, '..'), { recursive: true, force: true });
}

/**
 * The embedded template's dump as PGlite reads it (a Blob), its bytes held in this process and copied whole when read:
 * Node 20's own Blob reads itself out in small chunks and joins them, which for the standard school's 127 MB (as it was) took
 * about 0.7 s of CPU at each start of an embedded test server (some 50 s of a run's).
 */
class DumpBlob extends Blob {
  readonly #content: Uint8Array;

  constructor(content: Uint8Array) {
    super([]);
    this.#content = content;
    Object.defineProperty(this, 'size', { value: content.byteLength });
  }

  // A copy for each reader: PGlite may keep or change what it was given.
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#content.slice().buffer);
  }
}

let embeddedTemplate: Promise<Blob> | undefined;

/**
 * A server on a fresh database filled with a small, deterministic demo school, or (with `database`) on
 * the database an earlier server left behind. The standard school is copied from the run's templates
 * where there are some (vitest's global setup for the API tests makes them).
 */
export async function startTestServer(kind: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const today = options.today ?? STANDARD_TODAY;
  const students = options.students ?? STANDARD_STUDENTS;
  const templates = students === STANDARD_STUDENTS && today === STANDARD_TODAY ? inject('standardSchool') : undefined;
  let location: DatabaseLocation = { kind: 'memory' };
  let initialData: Blob | undefined;
  let dropDatabase = async () => {};
  if (options.database) {
    location = options.database;
  } else if (kind === 'postgres') {
    const name = `insyn_test_${randomBytes(6).toString('hex')}`;
    // Copying a template needs nobody else connected to it; each copy is made by this statement alone.
    await adminQuery(templates ? `CREATE DATABASE ${name} TEMPLATE ${templates.postgresTemplate}` : `CREATE DATABASE ${name}`);
    location = postgresLocation(name);
    if (!options.keepDatabase) dropDatabase = () => removeTestDatabase(location);
  } else if (options.keepDatabase) {
    location = { kind: 'pglite', dataDir: await mkdtemp(join(tmpdir(), 'insyn-test-')) };
  } else if (templates) {
    const dump = templates.embeddedDump;
    embeddedTemplate ??= readFile(dump).then((bytes) => new DumpBlob(bytes));
    initialData = await embeddedTemplate;
  }
  const db = await openDatabase(location, { initialData });
  const copied = location.kind === 'postgres' ? Boolean(templates) : initialData !== undefined;
  if (!options.database && !copied) await seedStandardSchool(db, students, today);
  // The school's clock stands at 10:30 on `today` (a Wednesday by default), whatever day the tests run.
  const config = {
    ...loadConfig(
      { NODE_ENV: 'test', ...(options.env?.NODE_ENV === 'production' ? {} : { INSYN_CLOCK_START: `${today}T09:30:00Z` }), ...options.env },
      options.webDistDir,
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
    httpServer: server.httpServer,
    stop: async () => {
      await server.stop();
      await dropDatabase();
    },
  };
}

/**
 * A new, empty database that is neither migrated nor seeded (what an operator starts with), left for the test to
 * open and to remove with `removeTestDatabase`: on the PostgreSQL server, or a PGlite data folder.
 */
export async function createEmptyTestDatabase(kind: DatabaseKind): Promise<DatabaseLocation> {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: await mkdtemp(join(tmpdir(), 'insyn-test-')) };
  const name = `insyn_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return postgresLocation(name);
}

/** Removes a database kept with `keepDatabase` (after every server on it has stopped). */
export async function removeTestDatabase(location: DatabaseLocation): Promise<void> {
  if (location.kind === 'postgres') {
    const name = new URL(location.url).pathname.slice(1);
    if (!/^insyn_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
    await withAdminClient(async (client) => {
      await untilDisconnected(client, name);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  } else if (location.kind === 'pglite') {
    await rm(location.dataDir, { recursive: true, force: true });
  }
}

function postgresLocation(name: string): DatabaseLocation {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString() };
}

/**
 * pg's pool.end() resolves once it has asked its connections to close, not once the server has closed
 * them; dropping or copying the database before then fails (or makes those connections fail with an
 * unhandled error in the test process). Give them a moment to go.
 */
async function untilDisconnected(client: pg.Client, name: string): Promise<void> {
  for (let wait = 0; wait < 100; wait++) {
    const { rows } = await client.query<{ open: number }>('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [name]);
    if ((rows[0]?.open ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  await withAdminClient((client) => client.query(sql));
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
  /** sent with every request, e.g. X-Forwarded-For */
  headers: Record<string, string> = {};

  constructor(private readonly server: TestServer) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { ...this.headers, 'content-type': 'application/json' };
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
