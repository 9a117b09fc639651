// How answers travel: GraphQL's compressed as the client accepts, the SPA's files as the build precompressed them,
// hashed assets cached for a year and everything else revalidated. Requests go over node:http, which (unlike fetch)
// neither asks for an encoding nor decodes one, so the headers and bytes asserted are the ones sent.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, SERVER_DATABASE, startTestServer, type TestServer } from './test/harness.ts';
import { acceptedEncodings } from './web-app.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function decoded(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  expect(encoding).toBeUndefined();
  return answer.body.toString('utf8');
}

const SCRIPT = `export const lessons = [${Array.from({ length: 400 }, (_, index) => `{ id: ${index}, name: "lesson ${index}" }`).join(', ')}];\n`;
const INDEX_HTML = `<!doctype html><html lang="sv"><head><title>Insyn</title>${'<link rel="modulepreload" href="/assets/app-3f9a1c2b.js">'.repeat(30)}</head><body><div id="root"></div></body></html>`;
const SERVICE_WORKER = `self.addEventListener('fetch', () => undefined); // ${'shell '.repeat(300)}\n`;

describe.each(SERVER_DATABASE)('answers compressed and cached on %s', (kind) => {
  let server: TestServer;
  let dist: string;

  beforeAll(async () => {
    // A build's output as apps/web/build/precompress.ts leaves it: copies beside what is worth compressing.
    dist = await mkdtemp(join(tmpdir(), 'insyn-dist-'));
    await mkdir(join(dist, 'assets'));
    const withCopies = async (path: string, content: string) => {
      await writeFile(path, content);
      await writeFile(`${path}.br`, brotliCompressSync(content));
      await writeFile(`${path}.gz`, gzipSync(content));
    };
    await withCopies(join(dist, 'index.html'), INDEX_HTML);
    await withCopies(join(dist, 'sw.js'), SERVICE_WORKER);
    await withCopies(join(dist, 'assets', 'app-3f9a1c2b.js'), SCRIPT);
    await writeFile(join(dist, 'assets', 'tiny-0c1d2e3f.js'), 'export {};\n');
    server = await startTestServer(kind, { webDistDir: dist });
  });
  afterAll(async () => {
    await server?.stop();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  const get = (path: string, acceptEncoding?: string) =>
    send(`${server.url}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('compresses a GraphQL answer with brotli or gzip as the client accepts, and not for a client that accepts neither', async () => {
    const teacher = await loggedIn(server, 'larare');
    const query = JSON.stringify({
      query: `query ($week: IsoWeekInput!) {
        myTeachingWeekSchedule(week: $week) {
          days { date lessons { id date startsAt endsAt subjectCode subjectName groupName room status changed teachers { name signature } } }
        }
      }`,
      variables: { week: { isoYear: 2026, isoWeek: 48 } },
    });
    const post = (acceptEncoding?: string) =>
      send(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${teacher.token}`,
          ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
        },
        body: query,
      });

    const plain = await post();
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = decoded(plain);
    expect(text.length).toBeGreaterThan(2048);
    expect(JSON.parse(text)).toMatchObject({ data: { myTeachingWeekSchedule: { days: expect.any(Array) as unknown } } });

    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
    ];
    for (const [acceptEncoding, expected] of cases) {
      const answer = await post(acceptEncoding);
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(expected);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decoded(answer)).toBe(text);
      if (expected) expect(answer.body.length).toBeLessThan(text.length / 3);
    }

    // Too small to gain from it.
    const tiny = await send(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(decoded(tiny))).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves a hashed asset as the build precompressed it, cached for a year', async () => {
    for (const [acceptEncoding, encoding, suffix] of [
      ['gzip, deflate, br', 'br', '.br'],
      ['gzip', 'gzip', '.gz'],
      ['br;q=0, *', 'gzip', '.gz'],
      [undefined, undefined, ''],
      ['identity', undefined, ''],
    ] as const) {
      const answer = await get('/assets/app-3f9a1c2b.js', acceptEncoding);
      expect(answer.status, acceptEncoding).toBe(200);
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(encoding);
      expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      // The file itself, not compressed again per request (that would have no length, being streamed).
      const file = join(dist, 'assets', `app-3f9a1c2b.js${suffix}`);
      expect(Number(answer.headers['content-length'])).toBe((await stat(file)).size);
      expect(decoded(answer)).toBe(SCRIPT);
    }

    const tiny = await get('/assets/tiny-0c1d2e3f.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(tiny)).toBe('export {};\n');

    const head = await send(`${server.url}/assets/app-3f9a1c2b.js`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('revalidates index.html, on any route of the app, and the service worker', async () => {
    for (const path of ['/', '/index.html', '/schema?vecka=2026-W48', '/lektion/abc/narvaro']) {
      const answer = await get(path, 'gzip, deflate, br');
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toMatch(/^text\/html/);
      expect(answer.headers['content-encoding'], path).toBe('br');
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(decoded(answer)).toBe(INDEX_HTML);
    }
    const plain = await get('/schema');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(decoded(plain)).toBe(INDEX_HTML);

    const worker = await get('/sw.js', 'gzip');
    expect(worker.headers['content-encoding']).toBe('gzip');
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(decoded(worker)).toBe(SERVICE_WORKER);
  });

  it('answers a missing asset with a 404, never with index.html', async () => {
    const answer = await get('/assets/gone-00000000.js', 'br');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).not.toMatch(/html/);
    expect(answer.headers['cache-control']).toBe('no-cache');
  });
});

describe('the encodings a client accepts', () => {
  it('reads q-values and the wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*;q=0.1, gzip;q=0')]).toEqual(['br']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings('BR')]).toEqual(['br']);
  });
});
