// Reading an SS 12000 source: the access token (a bearer token as given, or OAuth2 client credentials), then an
// endpoint's pages one at a time, following pageToken. Whatever the source does wrong ends the read with a
// SourceProblem that names the endpoint and what happened; nothing is retried behind the administrator's back.
import { z } from 'zod';

export type SourceProblemCode =
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'TOKEN_REFUSED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNEXPECTED_STATUS'
  | 'MALFORMED_JSON'
  | 'NOT_A_PAGE'
  | 'PAGE_TOKEN_LOOP';

export class SourceProblem extends Error {
  constructor(
    readonly code: SourceProblemCode,
    /** the endpoint read, e.g. "persons", or "token" */
    readonly endpoint: string,
    readonly status: number | null = null,
  ) {
    super(`${endpoint}: ${code}${status ? ` (HTTP ${status})` : ''}`);
  }
}

export type SourceAuth =
  { kind: 'BEARER_TOKEN'; token: string } | { kind: 'CLIENT_CREDENTIALS'; tokenUrl: string; clientId: string; clientSecret: string };

export interface SourceConnection {
  baseUrl: string;
  auth: SourceAuth;
  /** how long one request may take */
  timeoutMs: number;
}

const PAGE = z.object({ data: z.array(z.unknown()), pageToken: z.string().min(1).nullish() });
const TOKEN = z.object({ access_token: z.string().min(1) });

function problemOfStatus(status: number, endpoint: string): SourceProblem {
  if (status === 401) return new SourceProblem('UNAUTHORIZED', endpoint, status);
  if (status === 403) return new SourceProblem('FORBIDDEN', endpoint, status);
  if (status === 404) return new SourceProblem('NOT_FOUND', endpoint, status);
  if (status === 429) return new SourceProblem('RATE_LIMITED', endpoint, status);
  if (status >= 500) return new SourceProblem('SERVER_ERROR', endpoint, status);
  return new SourceProblem('UNEXPECTED_STATUS', endpoint, status);
}

/** One request with the timeout, its failures as SourceProblems, its body as JSON. */
async function requestJson(url: string, init: RequestInit, endpoint: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new SourceProblem(timedOut ? 'TIMEOUT' : 'UNREACHABLE', endpoint);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new SourceProblem('TIMEOUT', endpoint, response.status);
  }
  if (!response.ok) {
    if (endpoint === 'token' && (response.status === 400 || response.status === 401))
      throw new SourceProblem('TOKEN_REFUSED', endpoint, response.status);
    throw problemOfStatus(response.status, endpoint);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceProblem('MALFORMED_JSON', endpoint, response.status);
  }
}

/** The bearer token for the source's endpoints. */
export async function sourceAccessToken(connection: SourceConnection): Promise<string> {
  if (connection.auth.kind === 'BEARER_TOKEN') return connection.auth.token;
  const { tokenUrl, clientId, clientSecret } = connection.auth;
  const body = await requestJson(
    tokenUrl,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    },
    'token',
    connection.timeoutMs,
  );
  const parsed = TOKEN.safeParse(body);
  if (!parsed.success) throw new SourceProblem('NOT_A_PAGE', 'token');
  return parsed.data.access_token;
}

const DELETIONS = z.object({
  data: z.record(z.string(), z.array(z.string().min(1).max(200))),
  pageToken: z.string().min(1).nullish(),
});

/** Pages of an endpoint, following pageToken, each body checked by `shape`; a token seen before is refused. */
async function* pagesOf<T extends { pageToken?: string | null | undefined }>(
  connection: SourceConnection,
  accessToken: string,
  endpoint: string,
  query: Record<string, string>,
  limit: number,
  shape: z.ZodType<T>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let pageToken: string | null = null;
  for (;;) {
    const params = new URLSearchParams(pageToken ? { limit: String(limit), pageToken } : { ...query, limit: String(limit) });
    const body = await requestJson(
      `${connection.baseUrl}/${endpoint}?${params.toString()}`,
      { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } },
      endpoint,
      connection.timeoutMs,
    );
    const page = shape.safeParse(body);
    if (!page.success) throw new SourceProblem('NOT_A_PAGE', endpoint);
    const next = page.data.pageToken ?? null;
    // Refused before its records are passed on: a looping source is wrong from the page that repeats a token.
    if (next !== null && seen.has(next)) throw new SourceProblem('PAGE_TOKEN_LOOP', endpoint);
    if (next !== null) seen.add(next);
    yield page.data;
    if (next === null) return;
    pageToken = next;
  }
}

/**
 * The endpoint's records, page by page (`limit` a page), as the source gives them: the caller checks each record.
 * A page token seen before would read the same pages for ever, and is refused.
 */
export async function* sourcePages(
  connection: SourceConnection,
  accessToken: string,
  endpoint: string,
  query: Record<string, string> = {},
  limit = 500,
): AsyncGenerator<unknown[]> {
  for await (const page of pagesOf(connection, accessToken, endpoint, query, limit, PAGE)) yield page.data;
}

/**
 * What the source has deleted since `after` (SS 12000's deletedEntities): the ids per endpoint, e.g. persons,
 * groups, calendarEvents. Null when the source does not offer it (404 or 403).
 */
export async function sourceDeletions(
  connection: SourceConnection,
  accessToken: string,
  after: string,
): Promise<Map<string, Set<string>> | null> {
  const deleted = new Map<string, Set<string>>();
  let pages = 0;
  try {
    for await (const page of pagesOf(connection, accessToken, 'deletedEntities', { 'meta.modified.after': after }, 1000, DELETIONS)) {
      pages += 1;
      for (const [endpoint, ids] of Object.entries(page.data)) deleted.set(endpoint, new Set([...(deleted.get(endpoint) ?? []), ...ids]));
    }
  } catch (error) {
    if (error instanceof SourceProblem && pages === 0 && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  }
  return deleted;
}
