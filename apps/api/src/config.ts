import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { databaseLocationFromEnv, type DatabaseLocation } from '@insyn/db';
import { z } from 'zod';

export interface AppConfig {
  production: boolean;
  host: string;
  port: number;
  database: DatabaseLocation;
  /** HS256 secret for access tokens */
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** undefined: follow the request (Secure over HTTPS, including behind a trusted proxy) */
  cookieSecure: boolean | undefined;
  trustProxy: boolean;
  /** failed logins from one client address within an hour before it is slowed down */
  loginFailuresPerAddress: number;
  /** password hashes computed at once by this process; more are refused with TOO_MANY_ATTEMPTS */
  passwordHashingConcurrency: number;
  /**
   * API processes serving the port (Node's cluster): the cores on a PostgreSQL server, one on the embedded database,
   * which lives inside its one process
   */
  apiProcesses: number;
  /** the built SPA to serve; absent in API-only development */
  webDistDir: string | undefined;
  /** the school's clock; shifted in tests and demos by INSYN_CLOCK_START, never in production */
  clock: () => Date;
  notifications: NotificationConfig;
  /** how long one request to an SS 12000 source may take */
  ss12000SourceTimeoutMs: number;
  /**
   * `persisted`: GraphQL runs only the web app's operations, sent by hash (graphql/persisted-operations.ts), as in
   * production; `any`: any query too, for tests and development
   */
  graphqlOperations: 'persisted' | 'any';
}

export interface NotificationConfig {
  /** a correction saved within this time after a roll call cancels the absence message */
  graceSeconds: number;
  /** where guardians reach Insyn; used in messages and in the phone service's links */
  publicUrl: string;
  /** the number guardians call to report sickness, E.164; named in absence messages */
  sickReportPhone: string | undefined;
  /** e-mail over SMTP; undefined: e-mail goes to the outbox */
  smtp: { url: string; from: string } | undefined;
  /** SMS over the 46elks API; undefined: SMS goes to the outbox */
  sms: { apiUrl: string; username: string; password: string; from: string } | undefined;
  /** HTTP Basic credentials 46elks sends with its voice webhooks; undefined: the phone service is off */
  voice: { username: string; password: string } | undefined;
  /** run the delivery worker in this process */
  worker: boolean;
  pollMs: number;
  maxAttempts: number;
  /** the first retry waits this long; each next one twice as long (capped at an hour) */
  retryBaseMs: number;
}

const envSchema = z.object({
  /** unset: production, unless the server was started for the demo (see loadConfig) */
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(60 * 60 * 24 * 30)
    .default(60 * 60 * 12),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // A school's pupils on a Monday morning may all come from one address, and mistype.
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
  PASSWORD_HASHING_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  API_PROCESSES: z.coerce.number().int().min(1).max(256).optional(),
  NOTIFY_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(180),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL, e.g. https://insyn.skola.se' }).optional(),
  SICK_REPORT_PHONE: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'SICK_REPORT_PHONE must be an E.164 number, e.g. +46766861004')
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…' }).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  ELKS_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.46elks.com/a1'),
  ELKS_API_USERNAME: z.string().min(1).optional(),
  ELKS_API_PASSWORD: z.string().min(1).optional(),
  ELKS_SMS_FROM: z
    .string()
    .regex(
      /^([A-Za-z][A-Za-z0-9]{2,10}|\+[1-9]\d{6,14})$/,
      'ELKS_SMS_FROM must be 3–11 letters and digits starting with a letter, or an E.164 number',
    )
    .default('Insyn'),
  ELKS_WEBHOOK_USERNAME: z.string().min(1).optional(),
  ELKS_WEBHOOK_PASSWORD: z.string().min(16, 'ELKS_WEBHOOK_PASSWORD must be at least 16 characters').optional(),
  DELIVERY_WORKER: z.enum(['true', 'false']).default('true'),
  DELIVERY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  SS12000_SOURCE_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  GRAPHQL_OPERATIONS: z.enum(['persisted', 'any']).optional(),
  INSYN_CLOCK_START: z.iso
    .datetime({ offset: true, message: 'INSYN_CLOCK_START must be an ISO 8601 instant, e.g. 2026-11-25T09:30:00Z' })
    .optional(),
});

/**
 * Reads and validates the environment; every problem is reported at once, by variable name. A server runs as in
 * production (introspection off, unexpected errors masked, no "did you mean" hints) unless NODE_ENV says development
 * or test, or it was started for the demo (`{ demo: true }`, `pnpm start:demo` and `pnpm dev`): forgetting NODE_ENV
 * must not open a school's server.
 */
export function loadConfig(env: NodeJS.ProcessEnv, webDistDir: string | undefined, { demo = false }: { demo?: boolean } = {}): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const vars = parsed.data;
  const database = databaseLocationFromEnv(env);
  const production = (vars.NODE_ENV ?? (demo ? 'development' : 'production')) === 'production';
  // Several API processes on one PostgreSQL must share the secret; a single embedded process may make its own
  // (sessions survive a restart anyway: the renewal token lives in the database).
  if (!vars.JWT_SECRET && production && database.kind === 'postgres') {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required in production with DATABASE_URL (shared by all API processes)');
  }
  if (vars.API_PROCESSES !== undefined && vars.API_PROCESSES > 1 && database.kind !== 'postgres') {
    throw new Error(
      'Invalid configuration:\n  API_PROCESSES: more than one needs DATABASE_URL (the embedded database lives in one process)',
    );
  }
  const apiProcesses = vars.API_PROCESSES ?? (database.kind === 'postgres' ? availableParallelism() : 1);
  if (vars.INSYN_CLOCK_START && production) {
    throw new Error('Invalid configuration:\n  INSYN_CLOCK_START: only for tests and demos, not in production');
  }
  if (vars.GRAPHQL_OPERATIONS === 'any' && production) {
    throw new Error(
      'Invalid configuration:\n  GRAPHQL_OPERATIONS: `any` is for tests and development; production runs only persisted operations',
    );
  }
  const pairs: [string, string | undefined, string, string | undefined][] = [
    ['SMTP_URL', vars.SMTP_URL, 'MAIL_FROM', vars.MAIL_FROM],
    ['ELKS_API_USERNAME', vars.ELKS_API_USERNAME, 'ELKS_API_PASSWORD', vars.ELKS_API_PASSWORD],
    ['ELKS_WEBHOOK_USERNAME', vars.ELKS_WEBHOOK_USERNAME, 'ELKS_WEBHOOK_PASSWORD', vars.ELKS_WEBHOOK_PASSWORD],
  ];
  const unpaired = pairs.filter(([, a, , b]) => (a === undefined) !== (b === undefined));
  if (unpaired.length > 0) {
    throw new Error(`Invalid configuration:\n${unpaired.map(([a, , b]) => `  ${a}, ${b}: set both or neither`).join('\n')}`);
  }
  if (vars.ELKS_WEBHOOK_USERNAME && !vars.PUBLIC_URL) {
    throw new Error('Invalid configuration:\n  PUBLIC_URL: required for the phone service (46elks calls back to it)');
  }
  return {
    production,
    host: vars.HOST,
    port: vars.PORT,
    database,
    jwtSecret: vars.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !vars.JWT_SECRET,
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
    cookieSecure: vars.COOKIE_SECURE === undefined ? undefined : vars.COOKIE_SECURE === 'true',
    trustProxy: vars.TRUST_PROXY === 'true',
    loginFailuresPerAddress: vars.LOGIN_FAILURES_PER_ADDRESS,
    // Argon2 runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise); one core is left for
    // everything else, so that a flood of logins cannot take the CPU from other users' requests.
    // With several processes the spare cores are shared out among them.
    passwordHashingConcurrency:
      vars.PASSWORD_HASHING_CONCURRENCY ?? Math.max(1, Math.min(Math.floor((availableParallelism() - 1) / apiProcesses), 4)),
    apiProcesses,
    webDistDir,
    ss12000SourceTimeoutMs: vars.SS12000_SOURCE_TIMEOUT_MS,
    graphqlOperations: vars.GRAPHQL_OPERATIONS ?? (production ? 'persisted' : 'any'),
    clock: vars.INSYN_CLOCK_START ? shiftedClock(new Date(vars.INSYN_CLOCK_START)) : () => new Date(),
    notifications: {
      graceSeconds: vars.NOTIFY_GRACE_SECONDS,
      publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
      sickReportPhone: vars.SICK_REPORT_PHONE,
      smtp: vars.SMTP_URL && vars.MAIL_FROM ? { url: vars.SMTP_URL, from: vars.MAIL_FROM } : undefined,
      sms:
        vars.ELKS_API_USERNAME && vars.ELKS_API_PASSWORD
          ? {
              apiUrl: vars.ELKS_API_URL.replace(/\/+$/, ''),
              username: vars.ELKS_API_USERNAME,
              password: vars.ELKS_API_PASSWORD,
              from: vars.ELKS_SMS_FROM,
            }
          : undefined,
      voice:
        vars.ELKS_WEBHOOK_USERNAME && vars.ELKS_WEBHOOK_PASSWORD
          ? { username: vars.ELKS_WEBHOOK_USERNAME, password: vars.ELKS_WEBHOOK_PASSWORD }
          : undefined,
      worker: vars.DELIVERY_WORKER === 'true',
      pollMs: vars.DELIVERY_POLL_MS,
      maxAttempts: vars.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: vars.DELIVERY_RETRY_BASE_MS,
    },
  };
}

/** A clock that starts at `start` and then runs in real time, so that tests see a school day with lessons. */
function shiftedClock(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
