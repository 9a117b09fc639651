// The list parameters every SS 12000 endpoint shares: limit, pageToken and the meta.modified filters. A page token
// carries the query it continues (the standard lets no filter be combined with it) and where the last page ended.
import { z } from 'zod';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** An answer the standard's Error shape describes: { code, message } with its HTTP status. */
export class Ss12000Error extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badParameter = (message: string) => new Ss12000Error(400, 'INVALID_PARAMETER', message);

export interface ListQuery {
  limit: number;
  /** the id the previous page ended with; the next page starts after it */
  after: string | null;
  modifiedAfter: Date | null;
  modifiedBefore: Date | null;
  /** the endpoint's own filters, by parameter name */
  filters: Record<string, string>;
}

const tokenShape = z.object({
  resource: z.string(),
  after: z.guid(),
  limit: z.number().int().min(1).max(MAX_LIMIT),
  modifiedAfter: z.iso.datetime({ offset: true }).nullable(),
  modifiedBefore: z.iso.datetime({ offset: true }).nullable(),
  filters: z.record(z.string(), z.string()),
});

const SHARED = ['limit', 'pageToken', 'meta.modified.after', 'meta.modified.before'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function timestamp(name: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (!RFC3339.test(value) || Number.isNaN(date.getTime())) {
    throw badParameter(`${name} must be an RFC 3339 timestamp, e.g. 2026-08-17T08:00:00+02:00`);
  }
  return date;
}

/**
 * Reads an endpoint's query. `own` are the endpoint's filters; anything else is refused by name, so that a typo does
 * not silently widen an answer. Each parameter appears once.
 */
export function readListQuery(resource: string, query: Record<string, unknown>, own: readonly string[] = []): ListQuery {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!SHARED.includes(name) && !own.includes(name)) throw badParameter(`Unknown parameter: ${name}`);
    if (typeof value !== 'string') throw badParameter(`${name} may be given once`);
    values[name] = value;
  }

  let limit = DEFAULT_LIMIT;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1 || Number(values.limit) > MAX_LIMIT) {
      throw badParameter(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    limit = Number(values.limit);
  }

  const token = values.pageToken;
  if (token !== undefined) {
    const others = Object.keys(values).filter((name) => name !== 'pageToken' && name !== 'limit');
    if (others.length > 0) throw badParameter(`pageToken cannot be combined with ${others.join(', ')}: the token carries the query`);
    const continued = readPageToken(resource, token);
    return { ...continued, limit: values.limit === undefined ? continued.limit : limit };
  }

  const filters: Record<string, string> = {};
  for (const name of own) if (values[name] !== undefined) filters[name] = values[name];
  return {
    limit,
    after: null,
    modifiedAfter: timestamp('meta.modified.after', values['meta.modified.after']),
    modifiedBefore: timestamp('meta.modified.before', values['meta.modified.before']),
    filters,
  };
}

function readPageToken(resource: string, token: string): ListQuery {
  let parsed: z.infer<typeof tokenShape>;
  try {
    parsed = tokenShape.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw new Ss12000Error(400, 'INVALID_PAGE_TOKEN', 'pageToken is not one this server gave');
  }
  if (parsed.resource !== resource) throw new Ss12000Error(400, 'INVALID_PAGE_TOKEN', `pageToken belongs to ${parsed.resource}`);
  return {
    limit: parsed.limit,
    after: parsed.after,
    modifiedAfter: parsed.modifiedAfter ? new Date(parsed.modifiedAfter) : null,
    modifiedBefore: parsed.modifiedBefore ? new Date(parsed.modifiedBefore) : null,
    filters: parsed.filters,
  };
}

/** The token for the page after the one that ended with `lastId`. */
export function nextPageToken(resource: string, query: ListQuery, lastId: string): string {
  const token: z.infer<typeof tokenShape> = {
    resource,
    after: lastId,
    limit: query.limit,
    modifiedAfter: query.modifiedAfter?.toISOString() ?? null,
    modifiedBefore: query.modifiedBefore?.toISOString() ?? null,
    filters: query.filters,
  };
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/** One page of records in id order: the answer's `data` and, when more follow, its `pageToken`. */
export function page<T extends { id: string }>(resource: string, query: ListQuery, rows: readonly T[]): { data: T[]; pageToken?: string } {
  if (rows.length <= query.limit) return { data: [...rows] };
  const data = rows.slice(0, query.limit);
  return { data, pageToken: nextPageToken(resource, query, data[data.length - 1]!.id) };
}

/** The meta.modified filter as a Prisma where clause on `modifiedAt`. */
export const modifiedWhere = (query: ListQuery) =>
  query.modifiedAfter || query.modifiedBefore
    ? {
        modifiedAt: {
          ...(query.modifiedAfter ? { gte: query.modifiedAfter } : {}),
          ...(query.modifiedBefore ? { lte: query.modifiedBefore } : {}),
        },
      }
    : {};

/** Keyset paging: ids after the last page's, and one more than the page holds to know whether another follows. */
export const pageWhere = (query: ListQuery) => (query.after ? { id: { gt: query.after } } : {});
export const take = (query: ListQuery) => query.limit + 1;

/** A YYYY-MM-DD parameter. */
export function dateParameter(name: string, value: string | undefined, required: boolean): string | null {
  if (value === undefined) {
    if (required) throw badParameter(`${name} is required (YYYY-MM-DD)`);
    return null;
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw badParameter(`${name} must be a date, YYYY-MM-DD`);
  }
  return value;
}

/** A uuid parameter (a reference to a record). */
export function idParameter(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!z.guid().safeParse(value).success) throw badParameter(`${name} must be an id (uuid)`);
  return value;
}
