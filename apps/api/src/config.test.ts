// How many API processes serve the port (main.ts): the cores on a PostgreSQL server, one on the embedded database.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const postgres = { NODE_ENV: 'test', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/insyn' } as const;
const embedded = { NODE_ENV: 'test', INSYN_DATA_DIR: 'memory' } as const;

describe('API_PROCESSES', () => {
  it('defaults to the cores on a PostgreSQL server and to one on the embedded database', () => {
    expect(loadConfig(postgres, undefined).apiProcesses).toBe(availableParallelism());
    expect(loadConfig(embedded, undefined).apiProcesses).toBe(1);
  });

  it('takes a number of processes, and shares the spare cores for password checks out among them', () => {
    const config = loadConfig({ ...postgres, API_PROCESSES: '8' }, undefined);
    expect(config.apiProcesses).toBe(8);
    expect(config.passwordHashingConcurrency).toBe(1);
    expect(loadConfig({ ...embedded, API_PROCESSES: '1' }, undefined).apiProcesses).toBe(1);
  });

  it('refuses more than one process on the embedded database, and anything but a whole number from 1', () => {
    expect(() => loadConfig({ ...embedded, API_PROCESSES: '2' }, undefined)).toThrow(/API_PROCESSES: more than one needs DATABASE_URL/);
    for (const value of ['0', 'two', '1.5', '-1']) {
      expect(() => loadConfig({ ...postgres, API_PROCESSES: value }, undefined)).toThrow(/API_PROCESSES/);
    }
  });
});

describe('GRAPHQL_OPERATIONS', () => {
  it('is the web app’s persisted operations only in production, any query in tests and development unless asked', () => {
    expect(loadConfig({ INSYN_DATA_DIR: 'memory' }, undefined).graphqlOperations).toBe('persisted');
    expect(loadConfig(embedded, undefined).graphqlOperations).toBe('any');
    expect(loadConfig({ ...embedded, GRAPHQL_OPERATIONS: 'persisted' }, undefined).graphqlOperations).toBe('persisted');
  });

  it('refuses any query in production', () => {
    expect(() => loadConfig({ INSYN_DATA_DIR: 'memory', GRAPHQL_OPERATIONS: 'any' }, undefined)).toThrow(
      /GRAPHQL_OPERATIONS: `any` is for tests/,
    );
  });
});
