// The production process as an operator runs it: one port for /health, /graphql and the SPA; a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '@insyn/db';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, eventually, removeTestDatabase, startTestServer } from './test/harness.ts';

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
  it('serves /health and /graphql on one port, as in production without NODE_ENV, and stops cleanly on SIGTERM', async () => {
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
      return ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors;
    };
    expect((await ask({ query: '{ me { username } }' }))[0]?.extensions.code).toBe('UNAUTHENTICATED');
    // No introspection, and no hints at the schema in a field's or an enum value's refusal.
    expect((await ask({ query: '{ __schema { types { name } } }' }))[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const misspelt = await ask({ query: '{ me { usernam } }' });
    expect(misspelt[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongValue = await ask({ query: 'mutation ($l: Locale!) { setLocale(locale: $l) { username } }', variables: { l: 'sw' } });
    expect(wrongValue[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect([...misspelt, ...wrongValue].map((error) => error.message).join('\n')).not.toMatch(/did you mean|username|"sv"/i);
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
      expect(pids()).toHaveLength(2);
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
