import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
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

    it("let retention past the append-only log only through audit_event_purge, within the organisation's policy", async () => {
      await expectPurgeWithinPolicy(db);
    });

    it('detect a schema change that has no migration', async () => {
      const changed = readSchema().replace('model Organisation {', 'model Organisation {\n  motto String?');
      expect(await diffDatabaseToSchema(db.adapterFactory, changed)).toMatch(/ALTER TABLE "Organisation" ADD COLUMN\s+"motto" TEXT/);
    });
  });

  describe('on a PostgreSQL server', () => {
    let db: Database;
    beforeAll(async () => {
      db = await emptyDatabase('postgres');
      await applyPendingMigrations(db.adapterFactory);
    });
    afterAll(async () => {
      await db?.close();
    });

    it("let retention past the append-only log only through audit_event_purge, within the organisation's policy", async () => {
      await expectPurgeWithinPolicy(db);
    });

    it('leave an API role that holds SELECT and INSERT on the log and EXECUTE on the purges no other way to change it', async () => {
      if (db.location.kind !== 'postgres') throw new Error('a server database');
      const role = `insyn_app_${randomBytes(6).toString('hex')}`;
      const url = new URL(db.location.url);
      const owner = new pg.Client({ connectionString: url.toString() });
      await owner.connect();
      url.username = role;
      const app = new pg.Client({ connectionString: url.toString() });
      try {
        // The setup README's "Retention" describes for production: the API connects as a role that owns nothing.
        await owner.query(`CREATE ROLE ${role} LOGIN`);
        await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
        await owner.query(`GRANT SELECT, INSERT ON "AuditEvent" TO ${role}`);
        await owner.query(`GRANT USAGE ON SEQUENCE "AuditEvent_id_seq" TO ${role}`);
        const mayPurgeUnowned = async () =>
          (
            await owner.query<{ may: boolean }>(
              `SELECT has_function_privilege($1, 'audit_event_purge_unowned(timestamptz, integer)', 'EXECUTE') AS may`,
              [role],
            )
          ).rows[0]?.may;
        expect(await mayPurgeUnowned()).toBe(false);
        await owner.query(`GRANT EXECUTE ON FUNCTION audit_event_purge(UUID, TIMESTAMPTZ, INTEGER) TO ${role}`);
        await owner.query(`GRANT EXECUTE ON FUNCTION audit_event_purge_unowned(TIMESTAMPTZ, INTEGER) TO ${role}`);
        expect(await mayPurgeUnowned()).toBe(true);
        const { organisationId, old, recent } = await organisationWithEvents(db, 24);
        await app.connect();
        await app.query(`INSERT INTO "AuditEvent" (action) VALUES ('auth.login')`);
        await expect(app.query(`UPDATE "AuditEvent" SET action = 'nothing' WHERE id = $1`, [recent])).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [old])).rejects.toThrow(/permission denied/);
        const purged = await app.query<{ deleted: number }>('SELECT audit_event_purge($1, now(), 100) AS deleted', [organisationId]);
        expect(purged.rows).toEqual([{ deleted: 1 }]);
        expect(await remainingOf(db, [old, recent])).toEqual([recent]);
      } finally {
        await app.end().catch(() => undefined);
        await owner.query(`DROP OWNED BY ${role}`).catch(() => undefined);
        await owner.query(`DROP ROLE IF EXISTS ${role}`);
        await owner.end();
      }
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

/** An organisation keeping its audit events `months` months, with events of 30, 18 and 6 months ago. */
async function organisationWithEvents(db: Database, months: number | null) {
  const organisation = await db.prisma.organisation.create({ data: { name: `Gallringsby ${randomUUID()}` } });
  await db.prisma.retentionPolicy.create({ data: { organisationId: organisation.id, auditEventMonths: months, sessionMonths: 1 } });
  const event = async (monthsAgo: number) => {
    const [row] = await db.prisma.$queryRawUnsafe<{ id: bigint }[]>(
      `INSERT INTO "AuditEvent" (at, action, "entityType", "entityId") VALUES (now() - make_interval(months => $1), 'retention.run', 'organisation', $2) RETURNING id`,
      monthsAgo,
      organisation.id,
    );
    if (!row) throw new Error('no event');
    return row.id;
  };
  return { organisationId: organisation.id, old: await event(30), recent: await event(18), young: await event(6) };
}

async function remainingOf(db: Database, ids: bigint[]): Promise<bigint[]> {
  const rows = await db.prisma.auditEvent.findMany({ where: { id: { in: ids } }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.id);
}

const purge = (db: Database, organisationId: string, limit = 100) =>
  db.prisma.$queryRawUnsafe<{ deleted: number }[]>('SELECT audit_event_purge($1::uuid, now(), $2) AS deleted', organisationId, limit);

async function expectPurgeWithinPolicy(db: Database): Promise<void> {
  // Kept 24 months: the event of 30 months ago may go, the one of 18 may not; another organisation's neither.
  const mine = await organisationWithEvents(db, 24);
  const theirs = await organisationWithEvents(db, 24);
  await expect(db.prisma.auditEvent.deleteMany({ where: { id: mine.old } })).rejects.toThrow(/append-only/);
  await expect(db.prisma.auditEvent.update({ where: { id: mine.old }, data: { action: 'nothing' } })).rejects.toThrow(/append-only/);
  // The mark is the purge's, for its own statement: a setting made for the session, or left by a purge before in the
  // same transaction, opens nothing. (A statement that wrote the transaction's own mark would: see README, "Retention".)
  await expect(
    db.prisma.$executeRawUnsafe(
      `DO $$ BEGIN PERFORM set_config('insyn.audit_purge', 'on', false); DELETE FROM "AuditEvent" WHERE id = ${mine.old}; END $$`,
    ),
  ).rejects.toThrow(/append-only/);
  await expect(
    db.prisma.$executeRawUnsafe(
      `DO $$ BEGIN PERFORM audit_event_purge('${theirs.organisationId}', now(), 1); DELETE FROM "AuditEvent" WHERE id = ${mine.old}; END $$`,
    ),
  ).rejects.toThrow(/append-only/);
  expect(await remainingOf(db, [mine.old, mine.recent, theirs.old])).toEqual([mine.old, mine.recent, theirs.old]);

  expect(await purge(db, mine.organisationId)).toEqual([{ deleted: 1 }]);
  expect(await remainingOf(db, [mine.old, mine.recent, theirs.old, theirs.recent])).toEqual([mine.recent, theirs.old, theirs.recent]);
  // Nothing younger than a year goes, whatever the policy says; nothing at all of an organisation that keeps them.
  await db.prisma.retentionPolicy.update({ where: { organisationId: mine.organisationId }, data: { auditEventMonths: 1 } });
  expect(await purge(db, mine.organisationId)).toEqual([{ deleted: 1 }]);
  expect(await remainingOf(db, [mine.recent, mine.young])).toEqual([mine.young]);
  const kept = await organisationWithEvents(db, null);
  await expect(purge(db, kept.organisationId)).rejects.toThrow(/are kept/);
  await expect(purge(db, mine.organisationId, 0)).rejects.toThrow(/1 to 10000/);
  expect(await remainingOf(db, [mine.young, kept.old])).toEqual([mine.young, kept.old]);
}
