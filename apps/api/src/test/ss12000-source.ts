// A small SS 12000 source for tests: it serves records of the standard's shapes from memory, in pages that follow
// `limit` and `pageToken`, behind a bearer token or OAuth2 client credentials, and answers as a misbehaving source
// would when told to (an HTTP status, a slow answer, a body that is not JSON, a page token that loops).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EndpointBehaviour {
  /** answer every request with this status */
  status?: number;
  /** wait this long before answering */
  delayMs?: number;
  /** answer with a body that is not JSON */
  malformed?: boolean;
  /** every page's token is the first page's */
  loopingToken?: boolean;
  /** answer only once this settles: a run caught half-way */
  held?: Promise<void>;
}

export interface TestSource {
  /** the base of the endpoints */
  url: string;
  tokenUrl: string;
  /** the token every endpoint accepts; client credentials give this one too */
  token: string;
  client: { id: string; secret: string };
  /** records per endpoint; an endpoint without an entry answers 404 */
  data: Record<string, object[]>;
  behaviour: Record<string, EndpointBehaviour>;
  /** the requests, as "GET /persons?limit=100" */
  requests: string[];
  stop(): Promise<void>;
}

export async function startTestSource(data: Record<string, object[]> = {}): Promise<TestSource> {
  const source: Omit<TestSource, 'url' | 'tokenUrl' | 'stop'> = {
    token: 'source-token-1f6c9d',
    client: { id: 'insyn-import', secret: 'client-secret-7e21' },
    data,
    behaviour: {},
    requests: [],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://source');
    const endpoint = url.pathname.replace(/^\/v2\.1\//, '').replace(/^\//, '');
    source.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const answer = () => {
      const behaviour = source.behaviour[endpoint] ?? {};
      if (behaviour.status) return send(behaviour.status, { code: 'ERROR', message: `status ${behaviour.status}` });
      if (behaviour.malformed) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"data": [');
      }
      if (endpoint === 'token') {
        const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        return basic === `${source.client.id}:${source.client.secret}`
          ? send(200, { access_token: source.token, token_type: 'Bearer', expires_in: 600 })
          : send(401, { error: 'invalid_client' });
      }
      if (req.headers.authorization !== `Bearer ${source.token}`) return send(401, { code: 'UNAUTHORIZED', message: 'token' });
      const records = source.data[endpoint];
      if (!records) return send(404, { code: 'NOT_FOUND', message: endpoint });
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const offset = Number(Buffer.from(url.searchParams.get('pageToken') ?? '', 'base64url').toString() || 0);
      const next = offset + limit;
      if (behaviour.loopingToken)
        return send(200, { data: records.slice(offset, next), pageToken: Buffer.from(String(limit)).toString('base64url') });
      send(200, {
        data: records.slice(offset, next),
        ...(next < records.length ? { pageToken: Buffer.from(String(next)).toString('base64url') } : {}),
      });
    };
    const { delayMs, held } = source.behaviour[endpoint] ?? {};
    if (held) void held.then(answer);
    else if (delayMs) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(source, {
    url: `http://127.0.0.1:${port}/v2.1`,
    tokenUrl: `http://127.0.0.1:${port}/v2.1/token`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
