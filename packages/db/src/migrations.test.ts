import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { applyPendingMigrations, diffDatabaseToSchema, isEmptyMigration, readMigrationList, readSchema } from './migrations.ts';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('migrations', () => {
  describe('on an embedded database', () => {
    // Both diffs read the same migrated database; migrating it once halves the work.
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase({ kind: 'memory' });
      await applyPendingMigrations(db.adapterFactory);
    });
    afterAll(async () => {
      await db.close();
    });

    it('agree with schema.prisma (run `pnpm migrate:create <name>` after changing the schema)', async () => {
      const drift = await diffDatabaseToSchema(db.adapterFactory);
      expect(isEmptyMigration(drift), `schema.prisma differs from prisma/migrations:\n${drift}`).toBe(true);
    });

    it('detect a schema change that has no migration', async () => {
      const changed = readSchema().replace('model Organisation {', 'model Organisation {\n  motto String?');
      expect(await diffDatabaseToSchema(db.adapterFactory, changed)).toMatch(/ALTER TABLE "Organisation" ADD COLUMN\s+"motto" TEXT/);
    });
  });

  it('apply once on a PostgreSQL server and record themselves where `prisma migrate deploy` looks', async () => {
    const name = `insyn_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      const expected = readMigrationList().migrationDirectories.map((dir) => dir.path);
      expect(await applyPendingMigrations(db.adapterFactory)).toEqual(expected);
      expect(await applyPendingMigrations(db.adapterFactory)).toEqual([]);
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(expected);
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
