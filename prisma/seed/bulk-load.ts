// Loading hundreds of thousands of rows row by row into indexed tables is slow, above all in PGlite:
// every row updates each index and runs a foreign-key check. For the load, a table's secondary
// indexes and foreign keys (and its primary key, when no other table refers to it) are dropped, then
// recreated from their own definitions: one index build and one check per constraint instead.
import type { Sql } from './sql.ts';

interface Definition {
  name: string;
  definition: string;
}

/** Prisma's interactive transactions time out after 5 s unless told otherwise. */
export const BULK_TRANSACTION = { maxWait: 60_000, timeout: 60 * 60_000 };

const WORK_MEMORY = '256MB';

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/** Run inside a transaction, so that a failure leaves the table as it was. */
export async function withIndexesDeferred(sql: Sql, table: string, load: () => Promise<void>): Promise<void> {
  const relation = quote(table);
  const [{ referenced } = { referenced: true }] = await sql.$queryRawUnsafe<{ referenced: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = $1::regclass AND contype = 'f') AS referenced`,
    relation,
  );
  const foreignKeys = await constraints(sql, relation, ['f']);
  // A key that other tables' foreign keys point at cannot be dropped without dropping theirs.
  const keys = referenced ? [] : await constraints(sql, relation, ['p', 'u']);
  const indexes = await sql.$queryRawUnsafe<Definition[]>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY i.relname`,
    relation,
  );

  // Room to sort and build in memory rather than in temporary files, for this transaction only.
  await sql.$executeRawUnsafe(`SET LOCAL work_mem = '${WORK_MEMORY}'`);
  await sql.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '${WORK_MEMORY}'`);
  for (const { name } of [...foreignKeys, ...keys]) await sql.$executeRawUnsafe(`ALTER TABLE ${relation} DROP CONSTRAINT ${quote(name)}`);
  for (const { name } of indexes) await sql.$executeRawUnsafe(`DROP INDEX ${quote(name)}`);
  await load();
  for (const { definition } of indexes) await sql.$executeRawUnsafe(definition);
  for (const { name, definition } of [...keys, ...foreignKeys]) {
    await sql.$executeRawUnsafe(`ALTER TABLE ${relation} ADD CONSTRAINT ${quote(name)} ${definition}`);
  }
}

function constraints(sql: Sql, relation: string, kinds: readonly string[]): Promise<Definition[]> {
  return sql.$queryRawUnsafe<Definition[]>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE conrelid = $1::regclass AND contype = ANY (string_to_array($2, ','))
     ORDER BY conname`,
    relation,
    kinds.join(','),
  );
}
