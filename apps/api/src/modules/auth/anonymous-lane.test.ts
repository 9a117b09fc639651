// The anonymous lane over real HTTP: requests without a session are refused at once beyond the lane's places, with
// an answer the web client reads as TOO_MANY_ATTEMPTS, while signed-in requests pass; a place comes back when an
// answer ends or its client goes away.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/waiting.ts';
import { anonymousLane, anonymousPlaces } from './anonymous-lane.ts';

interface Lane {
  url: string;
  /** requests the handler holds until released */
  held: (() => void)[];
  close(): Promise<void>;
}

/**
 * A server with a lane of `places` in front of a handler that holds every request until the test releases it, or
 * answers at once when asked with `x-answer: now`.
 */
async function laneServer(places: number): Promise<Lane> {
  const held: (() => void)[] = [];
  const app = express();
  app.use(
    anonymousLane(places, (req) => req.get('authorization') === 'Bearer signed-in'),
    (req, res) => {
      const answer = () => void res.json({ data: { ok: true } });
      if (req.get('x-answer') === 'now') answer();
      else held.push(answer);
    },
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    held,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const post = (url: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { accept: 'application/graphql-response+json, application/json', ...headers }, signal });

describe('the anonymous lane', () => {
  let lane: Lane | undefined;
  afterEach(() => lane?.close());

  it('refuses an anonymous request beyond its places at once, and lets signed-in requests pass', async () => {
    lane = await laneServer(2);
    const first = post(lane.url);
    const second = post(lane.url);
    await eventually(async () => lane?.held.length === 2 || undefined, 'two anonymous requests held');

    const refused = await post(lane.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 } }],
    });

    const signedIn = post(lane.url, { authorization: 'Bearer signed-in' });
    await eventually(async () => lane?.held.length === 3 || undefined, 'the signed-in request held too');
    for (const release of lane.held.splice(0)) release();
    expect((await Promise.all([first, second, signedIn])).map((response) => response.status)).toEqual([200, 200, 200]);

    // The places are free again.
    const again = post(lane.url);
    await eventually(async () => lane?.held.length === 1 || undefined, 'a new anonymous request held');
    lane.held.splice(0)[0]?.();
    expect((await again).status).toBe(200);
  });

  it('frees a place when the client goes away before the answer', async () => {
    lane = await laneServer(1);
    const abandon = new AbortController();
    const gone = post(lane.url, {}, abandon.signal).catch(() => 'aborted');
    await eventually(async () => lane?.held.length === 1 || undefined, 'the first request held');
    expect((await post(lane.url)).status).toBe(429);
    abandon.abort();
    expect(await gone).toBe('aborted');

    await eventually(
      async () => ((await post(lane?.url ?? '', { 'x-answer': 'now' })).status === 200 ? true : undefined),
      'the place free',
    );
  });

  it('has places for every sign-in the password gate runs or lets wait', () => {
    expect(anonymousPlaces(1)).toBe(9);
    expect(anonymousPlaces(4)).toBe(36);
  });
});
