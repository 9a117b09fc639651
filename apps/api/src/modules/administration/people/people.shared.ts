// What the people services share: dates as school dates, logins as shown, unique violations as problems.
import { Prisma } from '@insyn/db';
import { refuse, type FieldProblem } from '../administration.problems.ts';

/** `YYYY-MM-DD` of a `@db.Date` column. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const isoDateOrNull = (date: Date | null): string | null => (date ? isoDate(date) : null);

/** What a person's page shows of their account. */
export const ACCOUNT_FIELDS = { username: true, disabledAt: true, activatedAt: true, lastLoginAt: true } as const;

interface AccountFields {
  username: string;
  disabledAt: Date | null;
  activatedAt: Date | null;
  lastLoginAt: Date | null;
}

export const loginRecord = (account: AccountFields) => ({
  username: account.username,
  disabled: account.disabledAt !== null,
  activated: account.activatedAt !== null,
  lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
});

export const loginOf = (account: AccountFields | null) => (account ? loginRecord(account) : null);

/**
 * Runs a write; a unique constraint that another request won in a race (after the checks found nothing)
 * comes back as the field's DUPLICATE problem, not as a server error.
 */
export async function withUniqueAsProblem<T>(write: () => Promise<T>, problemFor: (target: string) => FieldProblem): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw refuse([problemFor(JSON.stringify(error.meta ?? {}))]);
    }
    throw error;
  }
}

/** A search text split into words; each word must match somewhere (so "ella ek" finds Ella Ek). */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

/** A personnummer as typed (`201304051234`, `20130405-1234`, `130405-1234`) turned into the stored form's part. */
export function identityNumberPart(word: string): string | null {
  if (!/^[\d-]+$/.test(word)) return null;
  const digits = word.replace(/-/g, '');
  if (digits.length > 8) return `${digits.slice(0, 8)}-${digits.slice(8)}`;
  return word.includes('-') ? word : digits;
}
