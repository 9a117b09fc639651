// A login set by the administrator for a student, guardian or staff member of the organisation, so that a new
// teacher can log in on the first day (letters with activation codes come with the accounts issue).
import type { RequestContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { normaliseUsername } from '../../auth/auth.service.ts';
import { hashPassword, passwordRuleViolation } from '../../auth/password.ts';
import { recordChange } from '../administration.changes.ts';
import { refuseIfAny, type FieldProblem } from '../administration.problems.ts';
import { administeredGuardian } from './guardians.service.ts';
import { loginRecord, withUniqueAsProblem } from './people.shared.ts';
import { requireAdministeredStaff } from './staff.service.ts';
import { requireAdministeredStudent } from './students.service.ts';

const MAX_USERNAME_LENGTH = 100;

export interface LoginInputArgs {
  personKind: 'STUDENT' | 'GUARDIAN' | 'STAFF';
  personId: string;
  username: string;
  password: string;
}

/** The account's owner column for each kind of person. */
const OWNER = { STUDENT: 'studentId', GUARDIAN: 'guardianId', STAFF: 'staffId' } as const;

/**
 * The person, if the administrator's organisation has them (NOT_FOUND otherwise): their names, which their
 * password may not contain, and their student id for the audit.
 */
async function requirePerson(
  ctx: RequestContext,
  kind: LoginInputArgs['personKind'],
  id: string,
): Promise<{ names: string[]; studentId?: string }> {
  switch (kind) {
    case 'STUDENT': {
      const { record } = await requireAdministeredStudent(ctx, id);
      return { names: [record.firstName, record.lastName], studentId: record.id };
    }
    case 'GUARDIAN': {
      const guardian = await administeredGuardian(ctx, id);
      return { names: [guardian.firstName, guardian.lastName] };
    }
    case 'STAFF': {
      const { record } = await requireAdministeredStaff(ctx, id);
      return { names: [record.firstName, record.lastName] };
    }
  }
}

/**
 * Sets the username and password, making the account if there is none. A new password ends the person's
 * open sessions, as a changed one does. The password follows the rule of a changed password.
 */
export async function setLogin(ctx: RequestContext, input: LoginInputArgs) {
  const { names, studentId } = await requirePerson(ctx, input.personKind, input.personId);
  const owner = { [OWNER[input.personKind]]: input.personId };
  const problems: FieldProblem[] = [];
  const username = normaliseUsername(input.username);
  if (!username) problems.push({ field: 'username', code: 'REQUIRED' });
  else if (username.length > MAX_USERNAME_LENGTH) problems.push({ field: 'username', code: 'TOO_LONG' });
  // Login trims what is typed, so a username with a space inside could never be typed in whole.
  else if (/\s/.test(username)) problems.push({ field: 'username', code: 'FORMAT' });
  const violation = passwordRuleViolation(input.password, [...names, username]);
  if (violation) problems.push({ field: 'password', code: violation.code });
  const existing = await ctx.prisma.userAccount.findFirst({ where: owner });
  if (username) {
    const holder = await ctx.prisma.userAccount.findUnique({ where: { username }, select: { id: true } });
    if (holder && holder.id !== existing?.id) problems.push({ field: 'username', code: 'DUPLICATE' });
  }
  refuseIfAny(problems);
  // Argon2id takes a while; done before the transaction so that it is short.
  const passwordHash = await ctx.passwords.run(() => hashPassword(input.password));
  const account = await withUniqueAsProblem(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const now = ctx.now;
        const saved = existing
          ? await tx.userAccount.update({
              where: { id: existing.id },
              data: { username, passwordHash, passwordChangedAt: now, activatedAt: existing.activatedAt ?? now },
            })
          : await tx.userAccount.create({ data: { username, passwordHash, passwordChangedAt: now, activatedAt: now, ...owner } });
        if (existing) {
          await tx.authSession.updateMany({
            where: { userId: existing.id, revokedAt: null },
            data: { revokedAt: now, revokedReason: 'password set by administrator' },
          });
        }
        await recordChange(
          { ...ctx, prisma: tx },
          {
            entity: 'account',
            kind: existing ? 'updated' : 'created',
            entityId: saved.id,
            ...(studentId ? { studentId } : {}),
            before: existing ? { username: existing.username, personKind: input.personKind, personId: input.personId } : null,
            after: { username, personKind: input.personKind, personId: input.personId, passwordSet: true },
          },
        );
        return saved;
      }),
    () => ({ field: 'username', code: 'DUPLICATE' }),
  );
  return loginRecord(account);
}

/** Locks or unlocks a person's account; a lock ends their sessions at once and stops activation too. */
export async function setLoginLocked(
  ctx: RequestContext,
  input: { personKind: LoginInputArgs['personKind']; personId: string; locked: boolean },
) {
  const { studentId } = await requirePerson(ctx, input.personKind, input.personId);
  const account = await ctx.prisma.userAccount.findFirst({ where: { [OWNER[input.personKind]]: input.personId } });
  if (!account) throw notFound('Login');
  if ((account.disabledAt !== null) === input.locked) return loginRecord(account);
  const saved = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.userAccount.update({ where: { id: account.id }, data: { disabledAt: input.locked ? ctx.now : null } });
    if (input.locked) {
      await tx.authSession.updateMany({
        where: { userId: account.id, revokedAt: null },
        data: { revokedAt: ctx.now, revokedReason: 'locked by administrator' },
      });
    }
    await recordChange(
      { ...ctx, prisma: tx },
      {
        entity: 'account',
        kind: 'updated',
        entityId: account.id,
        ...(studentId ? { studentId } : {}),
        before: { username: account.username, locked: !input.locked },
        after: { username: account.username, locked: input.locked },
      },
    );
    return updated;
  });
  return loginRecord(saved);
}
