// The door before Apollo Server: operations by hash get their text; text alone passes only where any query may.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersistedOperations, persistedOperationsMiddleware } from './persisted-operations.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ME = 'query Me { __typename me { __typename username } }';
const LATER = 'query Later { __typename }';

describe('persisted operations', () => {
  let dir: string;
  let file: string;
  const servers: { close(): void }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'insyn-persisted-'));
    file = join(dir, 'persisted-operations.json');
    await writeFile(file, JSON.stringify({ [sha256(ME)]: ME }));
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** An app with the door in front of a handler that answers what reached it. */
  async function door(onlyPersisted: boolean) {
    const app = express();
    app.use(express.json(), persistedOperationsMiddleware(new PersistedOperations(file), { onlyPersisted }), (req, res) => {
      res.json({ reached: req.method === 'GET' ? req.query : req.body });
    });
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return async (body: unknown) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json()) as { reached?: unknown; errors?: { extensions: { code: string } }[] };
      return { status: response.status, reached: answer.reached, code: answer.errors?.[0]?.extensions.code };
    };
  }
  const byHash = (text: string) => ({ operationName: 'Me', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } });

  it('in production, runs an operation sent by its hash and refuses any text', async () => {
    const send = await door(true);
    expect(await send(byHash(ME))).toEqual({ status: 200, reached: { operationName: 'Me', query: ME, extensions: {} }, code: undefined });
    expect(await send({ query: ME })).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_REQUIRED' });
    expect(await send({ ...byHash(ME), query: '{ __schema { types { name } } }' })).toMatchObject({
      status: 400,
      code: 'PERSISTED_QUERY_REQUIRED',
    });
    expect(await send([byHash(ME), { query: ME }])).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_REQUIRED' });
    expect(await send(byHash(LATER))).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
  });

  it('in tests and development, runs text as well, and an operation generated after the server started', async () => {
    const send = await door(false);
    expect(await send({ query: '{ me { username } }' })).toEqual({
      status: 200,
      reached: { query: '{ me { username } }' },
      code: undefined,
    });
    expect(await send({ ...byHash(LATER), query: ME })).toMatchObject({ status: 200, reached: { query: ME, extensions: {} } });
    expect(await send(byHash(LATER))).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
    // Codegen ran again (as `pnpm dev` has it do while the server runs).
    await writeFile(file, JSON.stringify({ [sha256(ME)]: ME, [sha256(LATER)]: LATER }));
    await utimes(file, new Date(), new Date(Date.now() + 1000));
    expect(await send(byHash(LATER))).toMatchObject({ status: 200, reached: { query: LATER } });
  });

  it('refuses a file whose operation does not match its hash', async () => {
    const forged = join(dir, 'forged.json');
    await writeFile(forged, JSON.stringify({ [sha256(ME)]: '{ __schema { types { name } } }' }));
    expect(() => new PersistedOperations(forged)).toThrow(/does not match its hash/);
  });
});
