import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { applyPendingMigrations, diffDatabaseToSchema, isEmptyMigration, readMigrationList, readSchema } from './migrations.ts';
import { emptyDatabase } from './test-databases.ts';

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

    it('keep the audit log append-only: a row is neither changed nor deleted', async () => {
      const event = await db.prisma.auditEvent.create({ data: { action: 'student.read', details: { test: true } } });
      await expect(db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'nothing' } })).rejects.toThrow(/append-only/);
      await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
      expect(await db.prisma.auditEvent.findUnique({ where: { id: event.id }, select: { action: true } })).toEqual({
        action: 'student.read',
      });
    });

    it('detect a schema change that has no migration', async () => {
      const changed = readSchema().replace('model Organisation {', 'model Organisation {\n  motto String?');
      expect(await diffDatabaseToSchema(db.adapterFactory, changed)).toMatch(/ALTER TABLE "Organisation" ADD COLUMN\s+"motto" TEXT/);
    });
  });

  it('apply once on a PostgreSQL server and record themselves where `prisma migrate deploy` looks', async () => {
    const db = await emptyDatabase('postgres');
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
    }
  });
});
