// Slows down guessing: after a few failures for a username (known or not, so the answer does not
// reveal which exist) every further attempt waits, doubling up to a ceiling. Kept in the database
// so that all API processes share it.
import type { PrismaClient } from '@insyn/db';

export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;
/** failures older than this are forgotten */
const WINDOW_SECONDS = 60 * 60;

export async function lockedFor(prisma: PrismaClient, username: string, now: Date): Promise<number> {
  const row = await prisma.loginThrottle.findUnique({ where: { username } });
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

export async function recordFailure(prisma: PrismaClient, username: string, now: Date): Promise<void> {
  const row = await prisma.loginThrottle.findUnique({ where: { username } });
  const stale = !row?.lastFailureAt || now.getTime() - row.lastFailureAt.getTime() > WINDOW_SECONDS * 1000;
  const failures = stale ? 1 : (row?.failures ?? 0) + 1;
  const lock = lockSecondsAfter(failures);
  const data = { failures, lastFailureAt: now, lockedUntil: lock ? new Date(now.getTime() + lock * 1000) : null };
  await prisma.loginThrottle.upsert({ where: { username }, create: { username, ...data }, update: data });
}

export async function clearFailures(prisma: PrismaClient, username: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { username } });
}
