// SQL for the large tables: bulk inserts from arrays, and deterministic pseudo-randomness for rows made
// set-based (lessons, attendance), derived from md5 of the seed and the row's keys so that one seed
// gives one database. Plain md5/substr/bit casts and unnest, which PGlite (PostgreSQL 17) and
// PostgreSQL 15 both have.
import type { PrismaClient } from '@insyn/db';

/** A version-4-shaped UUID from a 32-hex-digit md5 expression (version nibble 4, variant 8–b). */
export function uuidFromMd5(md5Expression: string): string {
  return `(overlay(overlay(${md5Expression} placing '4' from 13 for 1) placing substr('89ab', ascii(substr(${md5Expression}, 17, 1)) % 4 + 1, 1) from 17 for 1))::uuid`;
}

/** A whole number 0 … 2^28 − 1 from seven hex digits of an md5 expression, starting at 1-based `from`. */
export function md5Number(md5Expression: string, from = 1): string {
  return `('x' || substr(${md5Expression}, ${from}, 7))::bit(28)::int`;
}

/** `($1, $2, …), (…)` placeholders for rows of values, with a cast per column, numbered after `offset`. */
export function valuesPlaceholders(rowCount: number, casts: readonly string[], offset: number): string {
  return Array.from(
    { length: rowCount },
    (_, row) => `(${casts.map((cast, column) => `$${offset + row * casts.length + column + 1}::${cast}`).join(', ')})`,
  ).join(', ');
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export type Sql = Pick<PrismaClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

export interface Column<T> {
  name: string;
  /** a built-in PostgreSQL type, e.g. `uuid`, `date`, `timestamp`, `int` */
  type: string;
  /** an enum type the text is cast to, e.g. `"SchoolForm"`: drivers know how to send arrays of built-in types only */
  enumType?: string;
  value: (row: T) => string | number | boolean | null;
}

/** Rows per statement: one array parameter per column, so the count of bind parameters stays small. */
const ROWS_PER_STATEMENT = 20_000;

/**
 * `INSERT … SELECT * FROM unnest($1::type[], …)`: one array per column. Measured on PGlite about
 * eight times faster than createMany, whose per-row work in the client dominates large loads.
 */
export async function insertRows<T>(sql: Sql, table: string, rows: readonly T[], columns: readonly Column<T>[]): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const selected = columns.map((c, i) => `c${i}${c.enumType ? `::${c.enumType}` : ''}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  for (const chunk of chunked(rows, ROWS_PER_STATEMENT)) {
    await sql.$executeRawUnsafe(
      `INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${arrays}) AS u(${aliases})`,
      ...columns.map((column) => chunk.map(column.value)),
    );
  }
}
