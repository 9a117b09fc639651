// Slows down guessing. Two counters, kept in the database so that every API process shares them:
// - per username (known or not, so the answer does not reveal which exist): an attempt is counted *before*
//   the password is verified, in one atomic statement that also sets the lock the attempt would earn if it
//   failed. Of any number of parallel attempts, only those the limit allows are verified; success clears it.
// - per client address: failures only, generous, since a school's whole network may share one address.
import type { PrismaClient } from '@insyn/db';
import type { AppConfig } from '../../config.ts';
import { lookEveryMinute, type MinuteLook } from '../../look-every-minute.ts';

export interface ThrottlePolicy {
  /** failures allowed within the window before each further one locks */
  freeFailures: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** failures older than this are forgotten */
  windowSeconds: number;
}

/** Both counters forget failures an hour old. */
const WINDOW_SECONDS = 60 * 60;

export const USER_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  windowSeconds: WINDOW_SECONDS,
};
/** Per client address: set high (LOGIN_FAILURES_PER_ADDRESS), since a school's pupils may share one address. */
export const addressPolicy = (freeFailures: number): ThrottlePolicy => ({
  freeFailures,
  firstLockSeconds: 60,
  maxLockSeconds: 15 * 60,
  windowSeconds: WINDOW_SECONDS,
});

export const userKey = (username: string) => `user:${username}`;
export const addressKey = (address: string) => `address:${address}`;

export function lockSecondsAfter(failures: number, policy: ThrottlePolicy = USER_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstLockSeconds * 2 ** (failures - policy.freeFailures), policy.maxLockSeconds);
}

/** Seconds until the key may try again; 0 when it is not locked. */
export async function lockedFor(prisma: PrismaClient, key: string, now: Date): Promise<number> {
  const row = await prisma.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return secondsUntil(row?.lockedUntil ?? null, now);
}

const secondsUntil = (until: Date | null, now: Date) => (until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0);

/** SQL for "the failures after this one": a failure after the window starts the count again. */
const failureCountSql = (windowSeconds: number) => `CASE
    WHEN "LoginThrottle"."lastFailureAt" IS NULL OR "LoginThrottle"."lastFailureAt" < $2 - make_interval(secs => ${windowSeconds})
    THEN 1 ELSE "LoginThrottle".failures + 1 END`;
const lockSql = (failures: string, policy: ThrottlePolicy) => `CASE WHEN ${failures} >= ${policy.freeFailures}
    THEN $2 + make_interval(secs => least(${policy.firstLockSeconds} * power(2, ${failures} - ${policy.freeFailures}), ${policy.maxLockSeconds}))
    END`;

/**
 * Counts a failure for the key, atomically. With `unlessLocked`, a key that is locked counts nothing and the
 * answer is how long it still is; otherwise the answer is 0 once counted.
 */
async function countFailure(prisma: PrismaClient, key: string, now: Date, policy: ThrottlePolicy, unlessLocked: boolean): Promise<number> {
  const failures = failureCountSql(policy.windowSeconds);
  const counted = await prisma.$queryRawUnsafe<{ failures: number }[]>(
    `INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt", "lockedUntil")
     VALUES ($1, 1, $2, ${policy.freeFailures <= 1 ? `$2 + make_interval(secs => ${policy.firstLockSeconds})` : 'NULL'})
     ON CONFLICT (key) DO UPDATE SET failures = ${failures}, "lastFailureAt" = $2, "lockedUntil" = ${lockSql(failures, policy)}
     ${unlessLocked ? `WHERE "LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= $2` : ''}
     RETURNING failures`,
    key,
    now,
  );
  if (counted.length > 0) return 0;
  return Math.max(1, await lockedFor(prisma, key, now));
}

/**
 * Before a password or code is checked: counts the attempt as if it failed, and answers how long the key is
 * locked (0: go on and verify). The attempt that verifies successfully then calls `clearFailures`.
 */
export const claimAttempt = (prisma: PrismaClient, key: string, now: Date, policy: ThrottlePolicy = USER_POLICY) =>
  countFailure(prisma, key, now, policy, true);

/** After a failure that was not claimed beforehand (the per-address counter). */
export async function recordFailure(prisma: PrismaClient, key: string, now: Date, policy: ThrottlePolicy): Promise<void> {
  await countFailure(prisma, key, now, policy, false);
}

export async function clearFailures(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}

/**
 * Deletes the counters that no longer count: the last failure outside the window and no lock in force. They hold
 * usernames and client addresses, personal data with no use left. A failure racing the deletion is counted as the
 * first of a new window, which is what the window would have made of it.
 */
export async function forgetExpiredFailures(prisma: Pick<PrismaClient, 'loginThrottle'>, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_SECONDS * 1000);
  const { count } = await prisma.loginThrottle.deleteMany({
    where: {
      AND: [
        { OR: [{ lastFailureAt: null }, { lastFailureAt: { lt: windowStart } }] },
        { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      ],
    },
  });
  return count;
}

/** Every API process looks once a minute; whichever deletes a counter first, the others find it gone. */
export function startForgettingExpiredFailures(options: {
  prisma: PrismaClient;
  config: AppConfig;
  log: (message: string) => void;
}): MinuteLook {
  return lookEveryMinute({
    name: 'Forgetting expired login failures',
    look: async () => {
      await forgetExpiredFailures(options.prisma, options.config.clock());
    },
    log: options.log,
    atStart: true,
  });
}
