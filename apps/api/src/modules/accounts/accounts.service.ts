// Everyone the school has gets an account, made without a password: the person chooses one with a
// one-time activation code that reaches them on a letter sent home or on their mentor's class sheet.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Prisma } from '@insyn/db';
import { ACTIVATION_CODE_DAYS, activationCodeFrom, freeUsername, usernameBase } from '@insyn/domain';
import type { RecordedChange } from '../administration/administration.changes.ts';

export type AccountOwnerKind = 'STUDENT' | 'GUARDIAN' | 'STAFF';

export interface AccountOwner {
  kind: AccountOwnerKind;
  id: string;
  firstName: string;
  lastName: string;
}

export interface OwnedAccount {
  userId: string;
  username: string;
  activated: boolean;
}

const OWNER_COLUMN = { STUDENT: 'studentId', GUARDIAN: 'guardianId', STAFF: 'staffId' } as const;

export const hashActivationCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/**
 * The accounts of these people, made for those who have none, each with a username from their name that no
 * one has yet, and the audit records of those made. Made under one lock, so two transactions cannot hand out
 * the same username.
 */
export async function ensureAccounts(
  tx: Prisma.TransactionClient,
  people: readonly AccountOwner[],
): Promise<{ accounts: Map<string, OwnedAccount>; changes: RecordedChange[] }> {
  const accounts = new Map<string, OwnedAccount>();
  const idsOf = (kind: AccountOwnerKind) => people.filter((person) => person.kind === kind).map((person) => person.id);
  const existing = await tx.userAccount.findMany({
    where: { OR: (['STUDENT', 'GUARDIAN', 'STAFF'] as const).map((kind) => ({ [OWNER_COLUMN[kind]]: { in: idsOf(kind) } })) },
    select: { id: true, username: true, activatedAt: true, studentId: true, guardianId: true, staffId: true },
  });
  for (const account of existing) {
    const ownerId = account.studentId ?? account.guardianId ?? account.staffId;
    if (ownerId) accounts.set(ownerId, { userId: account.id, username: account.username, activated: account.activatedAt !== null });
  }
  const missing = people.filter((person) => !accounts.has(person.id));
  if (missing.length === 0) return { accounts, changes: [] };

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('insyn:usernames'))`;
  const bases = missing.map((person) => usernameBase(person.firstName, person.lastName));
  const takenRows = await tx.$queryRaw<{ username: string }[]>`
    SELECT username FROM "UserAccount" WHERE regexp_replace(username, '[0-9]+$', '') = ANY(${[...new Set(bases)]}::text[])`;
  const taken = new Set(takenRows.map((row) => row.username));
  const created = missing.map((person, index) => {
    const username = freeUsername(bases[index]!, (candidate) => taken.has(candidate));
    taken.add(username);
    return { id: randomUUID(), username, person };
  });
  await tx.userAccount.createMany({
    data: created.map(({ id, username, person }) => ({ id, username, [OWNER_COLUMN[person.kind]]: person.id })),
  });
  const changes = created.map(({ id, username, person }): RecordedChange => {
    accounts.set(person.id, { userId: id, username, activated: false });
    return {
      entity: 'account',
      kind: 'created',
      entityId: id,
      ...(person.kind === 'STUDENT' ? { studentId: person.id } : {}),
      before: null,
      after: { username, personKind: person.kind, personId: person.id, passwordSet: false },
    };
  });
  return { accounts, changes };
}

/** `ensureAccounts` for people a service has just made, of one kind: the audit records of the accounts it made. */
export async function ensureAccountsOf(
  tx: Prisma.TransactionClient,
  kind: AccountOwnerKind,
  people: readonly { id: string; firstName: string; lastName: string }[],
): Promise<RecordedChange[]> {
  const { changes } = await ensureAccounts(
    tx,
    people.map(({ id, firstName, lastName }) => ({ kind, id, firstName, lastName })),
  );
  return changes;
}

/**
 * A new activation code for each of these accounts, valid for 30 days; any earlier code of theirs that could
 * still be used is void from now. The codes themselves are returned, to be printed, and never stored.
 */
export async function issueActivationCodes(
  tx: Prisma.TransactionClient,
  userIds: readonly string[],
  issuedById: string,
  now: Date,
): Promise<Map<string, string>> {
  await tx.activationCode.updateMany({ where: { userId: { in: [...userIds] }, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
  const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_DAYS * 24 * 60 * 60 * 1000);
  const codes = new Map(userIds.map((userId) => [userId, activationCodeFrom(() => randomBytes(32))]));
  await tx.activationCode.createMany({
    data: [...codes].map(([userId, code]) => ({ userId, codeHash: hashActivationCode(code), issuedAt: now, issuedById, expiresAt })),
  });
  return codes;
}
