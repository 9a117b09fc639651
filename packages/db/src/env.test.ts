import { describe, expect, it } from 'vitest';
import { databaseLocationFromEnv } from './env.ts';

describe('databaseLocationFromEnv', () => {
  it('uses embedded PGlite in the project data folder by default', () => {
    const location = databaseLocationFromEnv({});
    expect(location.kind).toBe('pglite');
    expect(location.kind === 'pglite' && location.dataDir).toMatch(/\.data\/pglite$/);
  });
  it('uses memory or a given folder', () => {
    expect(databaseLocationFromEnv({ INSYN_DATA_DIR: 'memory' })).toEqual({ kind: 'memory' });
    expect(databaseLocationFromEnv({ INSYN_DATA_DIR: '/tmp/x' })).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
  });
  it('uses a PostgreSQL server when DATABASE_URL is set, and refuses other URLs clearly', () => {
    expect(databaseLocationFromEnv({ DATABASE_URL: 'postgresql://u@h:5432/d' })).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h:5432/d',
    });
    expect(() => databaseLocationFromEnv({ DATABASE_URL: 'mysql://u@h/d' })).toThrow(/must start with postgresql:\/\//);
    expect(() => databaseLocationFromEnv({ DATABASE_URL: 'not a url' })).toThrow(/not a valid URL/);
  });
});
