// What every part of an import shares: the run's transaction and who runs it, the reader of the source's pages
// (each record checked against its shape, the run's progress told after each page), and the links from source ids
// to Insyn records.
import type { Prisma, Ss12000LinkKind } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import type { ImportTally } from './import-tally.ts';
import { SourceProblem, sourcePages, type SourceConnection } from './source-reader.ts';

/** The run's transaction, the organisation, and whom its audit rows name (nobody for the nightly run). */
export type WriteContext = Pick<RequestContext, 'ip' | 'auth' | 'today'> & { prisma: Prisma.TransactionClient; organisationId: string };

/** Told which endpoint the run reads and when a page of it was read, for the progress shown while it runs. */
export interface RunProgress {
  reading(endpoint: string): void;
  pageRead(): void;
}

export interface SourceRead {
  connection: SourceConnection;
  token: string;
  tally: ImportTally;
  progress: RunProgress;
  /**
   * A later run reads persons, groups and calendar events changed since then (ISO timestamp) and is told what the
   * source deleted; null: a run that reads everything, and ends what it did not find.
   */
  changedAfter: string | null;
  /** the ids the source deleted since changedAfter, per endpoint; empty in a run that reads everything */
  deleted: Map<string, Set<string>>;
}

export const PAGE = 500;

/** The query of a later run's changed records (SS 12000's meta.modified.after); none in a run that reads everything. */
export const changedQuery = (read: SourceRead): Record<string, string> =>
  read.changedAfter ? { 'meta.modified.after': read.changedAfter } : {};

/** The fields of `next` that differ from `before`. */
export const differing = <T extends Record<string, unknown>>(before: T, next: T): (keyof T & string)[] =>
  (Object.keys(next) as (keyof T & string)[]).filter((key) => before[key] !== next[key]);

export async function linksOf(ctx: WriteContext, kind: Ss12000LinkKind, sourceIds: string[]): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const links = await ctx.prisma.ss12000Link.findMany({ where: { organisationId: ctx.organisationId, kind, sourceId: { in: sourceIds } } });
  return new Map(links.map((link) => [link.sourceId, link.insynId]));
}

/** Every link of a kind: source id → Insyn id. */
export async function allLinks(ctx: WriteContext, kind: Ss12000LinkKind): Promise<Map<string, string>> {
  const links = await ctx.prisma.ss12000Link.findMany({ where: { organisationId: ctx.organisationId, kind } });
  return new Map(links.map((link) => [link.sourceId, link.insynId]));
}

/** Of these Insyn records, those some source record is linked to already. */
export async function alreadyLinked(ctx: WriteContext, kind: Ss12000LinkKind, insynIds: string[]): Promise<Set<string>> {
  if (insynIds.length === 0) return new Set();
  const links = await ctx.prisma.ss12000Link.findMany({
    where: { organisationId: ctx.organisationId, kind, insynId: { in: insynIds } },
    select: { insynId: true },
  });
  return new Set(links.map((one) => one.insynId));
}

export const link = (ctx: WriteContext, kind: Ss12000LinkKind, rows: { sourceId: string; insynId: string }[]) =>
  rows.length === 0
    ? Promise.resolve()
    : ctx.prisma.ss12000Link.createMany({ data: rows.map((row) => ({ organisationId: ctx.organisationId, kind, ...row })) });

interface Shape<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * Reads every page of an endpoint (with changedOnly, of what changed since read.changedAfter), each record checked
 * against its shape; a misshapen one is a problem, and so is an id seen before when `seen` is given. An optional
 * endpoint the source does not offer (404 or 403 on its first page) reads as empty and `offered` says so.
 */
export async function* records<T>(
  read: SourceRead,
  endpoint: string,
  shape: Shape<T>,
  seen: Set<string> | null,
  options: { optional?: { offered: boolean }; changedOnly?: boolean } = {},
): AsyncGenerator<T[]> {
  read.progress.reading(endpoint);
  let first = true;
  const pages = sourcePages(read.connection, read.token, endpoint, options.changedOnly ? changedQuery(read) : {}, PAGE);
  for (;;) {
    let next: IteratorResult<unknown[]>;
    try {
      next = await pages.next();
    } catch (error) {
      if (first && options.optional && error instanceof SourceProblem && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
        options.optional.offered = false;
        return;
      }
      throw error;
    }
    if (next.done) return;
    first = false;
    const valid: T[] = [];
    for (const raw of next.value) {
      const parsed = shape.safeParse(raw);
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
      if (!parsed.success) {
        read.tally.problem({ endpoint, sourceId: id, code: 'INVALID_RECORD' });
        continue;
      }
      if (seen && id !== null) {
        if (seen.has(id)) {
          read.tally.problem({ endpoint, sourceId: id, code: 'DUPLICATE_ID' });
          continue;
        }
        seen.add(id);
      }
      valid.push(parsed.data);
    }
    read.progress.pageRead();
    yield valid;
  }
}
