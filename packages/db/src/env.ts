import { isAbsolute, join } from 'node:path';
import type { DatabaseLocation } from './database.ts';
import { findProjectRoot } from './project-root.ts';

/**
 * DATABASE_URL selects a PostgreSQL server; without it the embedded PGlite stores its data in
 * INSYN_DATA_DIR (default `.data/pglite` in the project), or in memory when that is `memory`.
 */
export function databaseLocationFromEnv(env: NodeJS.ProcessEnv): DatabaseLocation {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('DATABASE_URL is not a valid URL; expected postgresql://user@host:5432/database');
    }
    if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
      throw new Error(`DATABASE_URL must start with postgresql://, got ${parsed.protocol}//`);
    }
    return { kind: 'postgres', url };
  }
  const dataDir = env.INSYN_DATA_DIR?.trim();
  if (dataDir === 'memory') return { kind: 'memory' };
  const root = findProjectRoot();
  const dir = dataDir ? (isAbsolute(dataDir) ? dataDir : join(root, dataDir)) : join(root, '.data', 'pglite');
  return { kind: 'pglite', dataDir: dir };
}
