// The production process as an operator runs it: one port for /health, /graphql and the SPA; a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '@insyn/db';
import { describe, expect, it } from 'vitest';

function startProcess(env: NodeJS.ProcessEnv) {
  const root = findProjectRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, INSYN_DATA_DIR: 'memory', PORT: '0', DATABASE_URL: '', ...env },
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
  it('serves /health and /graphql on one port and stops cleanly on SIGTERM', async () => {
    const server = startProcess({ NODE_ENV: 'production' });
    const url = await server.url;
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', database: 'ok' });
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(((await graphql.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
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
});
