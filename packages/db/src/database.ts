import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** Where the data lives: a PostgreSQL server, an embedded PGlite folder, or embedded in memory (tests). */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } | { kind: 'memory' };

export interface Database {
  readonly location: DatabaseLocation;
  readonly prisma: PrismaClient;
  /**
   * On a PostgreSQL server, the rows of one statement through the driver's pool, not Prisma's client, committed on its
   * own: for the statements nearly every request runs (who is asking, a student's access facts, the absence figures, a
   * roll call's lesson and its save, a function that writes all or nothing), the client's own work around a raw
   * statement (planning it, converting every value there and back) took 1.3–1.7 ms of CPU for three of them against
   * 0.5–0.7 ms through `pg` (bench/README.md). It takes a connection of its own, so it never sees a transaction's
   * uncommitted rows. Its columns must be text, integer, boolean, uuid, json or arrays of these, which
   * it returns as `$queryRaw` does (a date as text). Embedded there is none: the one connection is the client's, and a
   * statement beside a transaction of the client's would wait for it to end.
   */
  readonly query?: <Row>(query: Prisma.Sql) => Promise<Row[]>;
  /** The adapter factory the migration engine talks through (the same connection for PGlite). */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Embedded only: the whole data directory as a tarball, to open copies of it (`OpenOptions.initialData`). */
  readonly dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export function describeLocation(location: DatabaseLocation): string {
  switch (location.kind) {
    case 'postgres': {
      const url = new URL(location.url);
      return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
    }
    case 'pglite':
      return `embedded PGlite in ${location.dataDir}`;
    case 'memory':
      return 'embedded PGlite in memory';
  }
}

export interface OpenOptions {
  /** called for every statement sent to a PostgreSQL server (benchmarks count round trips with it) */
  onQuery?: () => void;
  /** Embedded in memory only: start from this data directory (an earlier `dumpDataDir()`) instead of an empty one. */
  initialData?: Blob;
}

export async function openDatabase(location: DatabaseLocation, options: OpenOptions = {}): Promise<Database> {
  if (location.kind === 'postgres') {
    // One pool for the client and the migration engine, so that close() really ends every connection.
    const pool = new pg.Pool({ connectionString: location.url, max: poolSize() });
    // A connection idle in the pool that the server ends (a restart, an administrator's termination) is dropped from it
    // and replaced when next needed; unheard, its error would end the whole process (pg's pool rethrows it).
    pool.on('error', (error) => {
      console.error(`PostgreSQL ended a connection idle in the pool (${error.message}); the next statement opens a new one.`);
    });
    const closed = everyConnectionClosed(pool);
    const { onQuery } = options;
    if (onQuery) {
      pool.on('connect', (client) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
          onQuery();
          return query(...args);
        };
      });
    }
    const clientFactory = new PrismaPg(pool);
    const prisma = new PrismaClient({ adapter: clientFactory });
    return {
      location,
      prisma,
      query: async <Row>(query: Prisma.Sql) => {
        const result = await pool.query({ text: query.text, values: query.values });
        return result.rows as Row[];
      },
      adapterFactory: wholeScripts(clientFactory, (script) => pool.query(script)),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
        await closed();
      },
    };
  }
  if (location.kind === 'pglite') mkdirSync(location.dataDir, { recursive: true });
  if (options.initialData && location.kind !== 'memory') throw new Error('initialData is for an embedded database in memory');
  const pglite = new PGlite({ dataDir: location.kind === 'pglite' ? location.dataDir : undefined, loadDataDir: options.initialData });
  await pglite.waitReady;
  const clientFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: clientFactory });
  return {
    location,
    prisma,
    adapterFactory: wholeScripts(clientFactory, (script) => pglite.exec(script)),
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * Resolves once every connection the pool opened has closed its socket. pg's `pool.end()` resolves as soon as it has
 * asked them to close: a database dropped before then ends them from the server's side, an error in this process.
 */
function everyConnectionClosed(pool: pg.Pool): () => Promise<void> {
  let open = 0;
  let whenNoneOpen: (() => void) | undefined;
  pool.on('connect', () => open++);
  pool.on('remove', () => {
    open--;
    if (open === 0) whenNoneOpen?.();
  });
  return () => (open === 0 ? Promise.resolve() : new Promise((resolve) => (whenNoneOpen = resolve)));
}

/**
 * Migration scripts go to the database whole and awaited. @prisma/adapter-pg runs a script one statement at a
 * time, cut at every ';', which cuts a function body apart; pglite-prisma-adapter 0.7.2 does not await the
 * script, so a migration that fails is recorded as applied and its error escapes as an unhandled rejection.
 * Sent as one simple query, a script runs in one implicit transaction: it applies entirely or not at all.
 */
function wholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const whole = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    Object.assign(adapter, {
      executeScript: async (script: string) => {
        await run(script);
      },
    });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => whole(await factory.connect()),
    connectToShadowDb: async () => whole(await factory.connectToShadowDb()),
  };
}

function poolSize(): number {
  const raw = process.env.DATABASE_POOL_SIZE;
  if (raw === undefined) return 10;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 500) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 500, got "${raw}"`);
  }
  return size;
}
