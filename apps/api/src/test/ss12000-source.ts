// A small SS 12000 source for tests: it serves records of the standard's shapes from memory, in pages that follow
// `limit` and `pageToken`, behind a bearer token or OAuth2 client credentials, and answers as a misbehaving source
// would when told to (an HTTP status, a slow answer, a body that is not JSON, a page token that loops). It filters
// by `meta.modified.after` (records carrying meta.modified) and serves deletedEntities when given deletions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestClient } from './harness.ts';
import { eventually } from './waiting.ts';

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
  /** what deletedEntities answers (by `at` after meta.modified.after); undefined: 404 */
  deletions?: { endpoint: string; id: string; at: string }[];
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
      const token = url.searchParams.get('pageToken');
      const [offsetText = '0', afterText = ''] = token
        ? Buffer.from(token, 'base64url').toString().split('|')
        : ['0', url.searchParams.get('meta.modified.after') ?? ''];
      const after = afterText === '' ? null : new Date(afterText);
      if (endpoint === 'deletedEntities') {
        if (!source.deletions) return send(404, { code: 'NOT_FOUND', message: endpoint });
        const data: Record<string, string[]> = {};
        for (const deletion of source.deletions)
          if (!after || new Date(deletion.at) > after) data[deletion.endpoint] = [...(data[deletion.endpoint] ?? []), deletion.id];
        return send(200, { data });
      }
      const stored = source.data[endpoint];
      if (!stored) return send(404, { code: 'NOT_FOUND', message: endpoint });
      const records = after
        ? stored.filter((record) => {
            const modified = (record as { meta?: { modified?: string } }).meta?.modified;
            return modified !== undefined && new Date(modified) > after;
          })
        : stored;
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const offset = Number(offsetText);
      const next = offset + limit;
      const tokenOf = (at: number) => Buffer.from(`${at}|${afterText}`).toString('base64url');
      if (behaviour.loopingToken) return send(200, { data: records.slice(offset, next), pageToken: tokenOf(limit) });
      send(200, {
        data: records.slice(offset, next),
        ...(next < records.length ? { pageToken: tokenOf(next) } : {}),
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

/** The fields of an import run the tests read. */
export const IMPORT_RUN_FIELDS = `id outcome startedByName finishedAt changesSince progress { step steps endpoint }
  counts { kind added changed ended unchanged } problems { endpoint sourceId code field }
  changes { kind sourceId name outcome fields }`;

export interface ImportRun {
  id: string;
  outcome: 'RUNNING' | 'DRY_RUN' | 'APPLIED' | 'REFUSED' | 'FAILED';
  startedByName: string | null;
  finishedAt: string | null;
  progress: { step: number; steps: number; endpoint: string } | null;
  changesSince: string | null;
  counts: { kind: string; added: number; changed: number; ended: number; unchanged: number }[];
  problems: { endpoint: string; sourceId: string | null; code: string; field: string | null }[];
  changes: { kind: string; sourceId: string; name: string; outcome: string; fields: string[] }[];
}

/** Follows a run by its id, as the screen does, until it has finished. */
export async function finishedImportRun(client: TestClient, id: string): Promise<ImportRun> {
  return eventually(async () => {
    const result = await client.request<{ ss12000ImportRun: ImportRun }>(
      `query($id: ID!) { ss12000ImportRun(id: $id) { ${IMPORT_RUN_FIELDS} } }`,
      { id },
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.ss12000ImportRun.outcome === 'RUNNING' ? undefined : result.data.ss12000ImportRun;
  }, `import run ${id} to finish`);
}

/** Starts an import through the API (with `everything`, one that reads all) and waits for it to finish. */
export async function importThroughApi(client: TestClient, apply: boolean, everything = false): Promise<ImportRun> {
  const started = await client.request<{ runSs12000Import: ImportRun }>(
    `mutation($apply: Boolean!, $everything: Boolean) { runSs12000Import(apply: $apply, everything: $everything) { ${IMPORT_RUN_FIELDS} } }`,
    { apply, everything },
  );
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  return finishedImportRun(client, started.data.runSs12000Import.id);
}
