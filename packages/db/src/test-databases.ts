// For the package's tests: databases made for one test and gone after it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseLocation } from './database.ts';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A new empty database of the kind, dropped again by `close()`. */
export async function emptyDatabase(kind: 'memory' | 'postgres'): Promise<Database> {
  if (kind === 'memory') return openDatabase({ kind: 'memory' });
  const name = `insyn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Ends the connections to the database that are idle at this moment from the server's side, as a restart or an
 * administrator would, and waits until their server processes have gone; the number ended.
 */
export async function endIdleConnectionsFromServer(location: DatabaseLocation): Promise<number> {
  if (location.kind !== 'postgres') throw new Error('only a PostgreSQL server has connections to end');
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 60000))::int AS ended FROM pg_stat_activity
        WHERE datname = $1 AND state = 'idle'`,
      [new URL(location.url).pathname.slice(1)],
    );
    return rows[0]?.ended ?? 0;
  } finally {
    await admin.end();
  }
}
