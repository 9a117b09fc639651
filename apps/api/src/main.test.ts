// The production process as an operator runs it: one port for /health, /graphql and the SPA; a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@insyn/db';
import { describe, expect, it } from 'vitest';
import { PERSISTED_OPERATIONS_FILE } from './graphql/persisted-operations.ts';
import { DEMO_PASSWORD, eventually, removeTestDatabase, startTestServer } from './test/harness.ts';

/** The hash the web app sends for its operation of this name (generated/persisted-operations.json). */
function hashOf(operationName: string): string {
  const operations = Object.entries(JSON.parse(readFileSync(PERSISTED_OPERATIONS_FILE, 'utf8')) as Record<string, string>);
  const found = operations.find(([, text]) => new RegExp(`\\b(query|mutation) ${operationName}\\b`).test(text));
  if (!found) throw new Error(`no persisted operation ${operationName}`);
  return found[0];
}

/** Starts `pnpm start` (main.ts) with these variables besides this process's; an undefined one is left unset. */
function startProcess(env: NodeJS.ProcessEnv) {
  const root = findProjectRoot();
  const merged: NodeJS.ProcessEnv = { ...process.env, INSYN_DATA_DIR: 'memory', PORT: '0', DATABASE_URL: '', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /Insyn is running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  // Tests of a failed start never await the URL.
  url.catch(() => undefined);
  return { child, url, exited, output: () => output };
}

describe('the server process', () => {
  it('serves /health and /graphql (the app’s operations only) on one port, as in production without NODE_ENV, and stops cleanly on SIGTERM', async () => {
    // NODE_ENV unset, as an operator who forgot it: production all the same.
    const server = startProcess({ NODE_ENV: undefined });
    const url = await server.url;
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', database: 'ok' });
    const ask = async (body: unknown) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      return { status: response.status, code: errors[0]?.extensions.code, message: errors[0]?.message ?? '' };
    };
    // Only the web app's own operations, by their hash: a query written by hand is refused before it is read, an
    // introspection query too, and a hash of no operation of the app.
    const byHand = await ask({ query: '{ me { username } }' });
    expect(byHand).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_REQUIRED' });
    expect(byHand.message).toMatch(/only the operations of its own app/);
    expect(await ask({ query: '{ __schema { types { name } } }' })).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_REQUIRED' });
    const asGet = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(asGet.status).toBe(400);
    const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
    expect(await ask({ extensions: persisted('0'.repeat(64)) })).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
    // A known hash runs its operation, also with another text beside it: the text is refused, not run.
    expect(await ask({ operationName: 'RefreshSession', extensions: persisted(hashOf('RefreshSession')) })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await ask({ query: '{ __typename }', extensions: persisted(hashOf('RefreshSession')) })).toMatchObject({
      code: 'PERSISTED_QUERY_REQUIRED',
    });
    // No hint at the schema in an enum value's refusal.
    const wrongValue = await ask({ operationName: 'SetLocale', variables: { locale: 'sw' }, extensions: persisted(hashOf('SetLocale')) });
    expect(wrongValue.code).toBe('BAD_USER_INPUT');
    expect(wrongValue.message).not.toMatch(/did you mean|"sv"/i);
    expect(server.output()).not.toMatch(/introspection is on/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing open requests');
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const server = startProcess({ PORT: 'eighty', JWT_SECRET: 'short' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT:/);
    expect(server.output()).toMatch(/JWT_SECRET: JWT_SECRET must be at least 32 characters/);
  });

  it('requires a shared JWT secret for several processes on PostgreSQL in production', async () => {
    const server = startProcess({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/JWT_SECRET: required in production with DATABASE_URL/);
  });

  it('serves with several processes on one PostgreSQL: they share the sessions and the secret, one that dies is replaced, SIGTERM stops all', async () => {
    // The standard test school, left in place for the processes to open.
    const seeded = await startTestServer('postgres', { keepDatabase: true });
    await seeded.stop();
    const { location } = seeded;
    if (location.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
    try {
      // No JWT_SECRET (NODE_ENV=test): the first process makes one up and hands it to the others.
      const server = startProcess({ NODE_ENV: 'test', DATABASE_URL: location.url, INSYN_DATA_DIR: undefined, API_PROCESSES: '2' });
      const url = await server.url;
      const pids = () => [...server.output().matchAll(/API process (\d+) serving/g)].map((match) => Number(match[1]));
      // Each process says so itself once it listens, which may come after the first process has printed the URL.
      await eventually(() => Promise.resolve(pids().length === 2 ? true : undefined), 'both processes serving');
      expect(server.output()).toMatch(/by 2 processes/);
      const ask = async (body: unknown, token?: string) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        return (await response.json()) as { data?: { login?: { accessToken: string }; me?: { username: string } } };
      };
      const login = await ask({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
        variables: { u: 'rektor', p: DEMO_PASSWORD },
      });
      const token = login.data?.login?.accessToken;
      expect(token).toBeTruthy();
      // The cluster hands connections to the processes in turn: a session made by one is good in every other.
      const signedIn = async () =>
        (await Promise.all(Array.from({ length: 12 }, () => ask({ query: '{ me { username } }' }, token)))).map(
          (answer) => answer.data?.me?.username,
        );
      expect(await signedIn()).toEqual(Array(12).fill('rektor'));

      const [killed] = pids();
      process.kill(killed as number, 'SIGKILL');
      await eventually(() => Promise.resolve(pids().length === 3 ? true : undefined), 'a process started in place of the one killed');
      expect(server.output()).toMatch(new RegExp(`API process ${killed} ended \\(SIGKILL\\)`));
      expect(await signedIn()).toEqual(Array(12).fill('rektor'));

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      for (const pid of pids()) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await removeTestDatabase(location);
    }
  });
});
