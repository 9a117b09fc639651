// What every kind's statements share: the cutoff they are given, the school's dates of stored instants, and the shape
// of one deletion step of a run.
import { SCHOOL_TIME_ZONE, type RetentionKind } from '@insyn/domain';
import { Prisma, type PrismaClient } from '@insyn/db';

/** A kind's cutoff: records dated before `date` go; `at` is the school's midnight starting it, for instants. */
export interface KindCutoff {
  date: string;
  at: Date;
}

/** What a kind's statements need: the organisation, and the first date it keeps (as a date and as its midnight). */
export interface Cutoff extends KindCutoff {
  organisationId: string;
  /** the run's clock: a session with a renewal token still valid is not expired */
  now: Date;
  /** the school's midnight before which audit events of no organisation go with the audit log's (null: kept) */
  unownedAuditAt: Date | null;
  /** every kind's cutoff (null: kept), for a person who goes only once nothing else of theirs is kept */
  kinds: Record<RetentionKind, KindCutoff | null>;
}

/** A school date of an instant column (timestamptz). */
export const localDate = (column: Prisma.Sql) => Prisma.sql`(${column} AT TIME ZONE ${SCHOOL_TIME_ZONE})::date`;
/** Prisma's plain DateTime columns (timestamp without time zone) hold UTC. */
export const localDateOfUtc = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${SCHOOL_TIME_ZONE})::date`;
export const utcOf = (at: Date) => Prisma.sql`(${at}::timestamptz AT TIME ZONE 'UTC')`;

/** The client a run's steps are given: most send one statement, the people's steps a transaction of several. */
export type Db = Pick<PrismaClient, '$executeRaw' | '$queryRaw' | '$transaction'>;

/** One step of a run: deletes at most `limit` records of one table and answers how many. */
export interface DeletionStep {
  kind: RetentionKind;
  table: string;
  run: (db: Db, c: Cutoff, limit: number) => Promise<number>;
}

/**
 * The transactions of a dry run and of the people's batches: counting a big organisation's years may take long, and
 * the nightly run may wait for a request's transaction on the embedded database's one connection. Prisma's defaults
 * (2 s to start, 5 s to finish) are for requests.
 */
export const RETENTION_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;
