import { randomBytes } from 'node:crypto';
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
  /** the built SPA to serve; absent in API-only development */
  webDistDir: string | undefined;
  /** the school's clock; shifted in tests and demos by INSYN_CLOCK_START, never in production */
  clock: () => Date;
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  INSYN_CLOCK_START: z.iso
    .datetime({ offset: true, message: 'INSYN_CLOCK_START must be an ISO 8601 instant, e.g. 2026-11-25T09:30:00Z' })
    .optional(),
});

/** Reads and validates the environment; every problem is reported at once, by variable name. */
export function loadConfig(env: NodeJS.ProcessEnv, webDistDir: string | undefined): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const vars = parsed.data;
  const database = databaseLocationFromEnv(env);
  const production = vars.NODE_ENV === 'production';
  // Several API processes on one PostgreSQL must share the secret; a single embedded process may make its own
  // (sessions survive a restart anyway: the renewal token lives in the database).
  if (!vars.JWT_SECRET && production && database.kind === 'postgres') {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required in production with DATABASE_URL (shared by all API processes)');
  }
  if (vars.INSYN_CLOCK_START && production) {
    throw new Error('Invalid configuration:\n  INSYN_CLOCK_START: only for tests and demos, not in production');
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
    webDistDir,
    clock: vars.INSYN_CLOCK_START ? shiftedClock(new Date(vars.INSYN_CLOCK_START)) : () => new Date(),
  };
}

/** A clock that starts at `start` and then runs in real time, so that tests see a school day with lessons. */
function shiftedClock(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
