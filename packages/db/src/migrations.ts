// Migrations through Prisma's own schema engine compiled to WebAssembly, so they run where the
// CLI's native engine cannot be downloaded. The folder layout and the `_prisma_migrations` table are
// the CLI's own, so `prisma migrate deploy` still works on the same database where it is available.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';
import { projectPaths } from './project-root.ts';

type SchemaEngineClass = typeof SchemaEngineType;
const noFilters = { externalTables: [], externalEnums: [] };

let engineClass: Promise<SchemaEngineClass> | undefined;

/** The package targets bundlers (`import * as wasm from "….wasm"`), which Node refuses; instantiate it by hand. */
function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm(e: WebAssembly.Exports): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return (bg as unknown as { SchemaEngine: SchemaEngineClass }).SchemaEngine;
  })();
  return engineClass;
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
  work: (engine: SchemaEngineType) => Promise<T>,
): Promise<T> {
  const SchemaEngine = await loadSchemaEngineClass();
  const { schema } = projectPaths();
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await SchemaEngine.new({ datamodels: [[schema, schemaText]] }, () => undefined, bound);
  try {
    return await work(engine);
  } catch (error) {
    throw withDatabaseReason(error, bound.errorRegistry);
  } finally {
    engine.free();
  }
}

/**
 * The engine reports a database error as "External error id#N" and keeps the error itself in the adapter's
 * registry; the one who runs the migration needs the database's own words (a RAISE in a data fill says what
 * to put right first), so they are added to the message.
 */
function withDatabaseReason(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  if (!(error instanceof Error)) return error;
  const id = /External error id#(\d+)/.exec(error.message)?.[1];
  const cause = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (!(cause instanceof Error)) return error;
  return new Error(`${cause.message}\n${error.message}`, { cause });
}

export function readMigrationList(dir = projectPaths().migrations): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} is missing` },
        },
      };
    }),
  };
}

export const readSchema = (): string => readFileSync(projectPaths().schema, 'utf8');

/** Applies the migrations not yet in `_prisma_migrations`; returns the names it applied. */
export async function applyPendingMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsList: MigrationList = readMigrationList(),
): Promise<string[]> {
  return withEngine(adapterFactory, readSchema(), async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/**
 * Indexes the migrations make that schema.prisma cannot express (a covering index's INCLUDE columns, a partial index's
 * WHERE): the diff would drop them, so their DROP is left out of it.
 */
const UNMODELLED_INDEXES: readonly string[] = ['AbsenceDay_student_figures_idx', 'AuditEvent_unowned_at_idx'];

/**
 * The SQL that would bring a database built from the migrations up to `schema.prisma`.
 * Must be run on a scratch database that has the migrations applied (introspection of a
 * PostgreSQL server through the pg adapter fails on some column types; PGlite works).
 */
export async function diffDatabaseToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string = readSchema(),
): Promise<string> {
  const { schema, root } = projectPaths();
  return withEngine(adapterFactory, schemaText, async (engine) => {
    const files = [{ path: schema, content: schemaText }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: root },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (result.stdout ?? '')
      .split('\n')
      .filter((line) => !UNMODELLED_INDEXES.some((index) => line.trim() === `DROP INDEX "${index}";`))
      .join('\n');
  });
}

export const isEmptyMigration = (sql: string): boolean =>
  sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('--')).length === 0;
