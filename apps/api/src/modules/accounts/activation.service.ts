// Activation: the username and the one-time code from a letter or a class sheet lead to choosing a password and
// being logged in. Throttled as a login is: the attempt is counted before the code is looked up.
import { normaliseActivationCode } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { appError } from '../../errors.ts';
import { audit } from '../audit/audit.service.ts';
import {
  attemptFailed,
  attemptSucceeded,
  claimProofAttempt,
  normaliseUsername,
  openSession,
  type SessionTokens,
} from '../auth/auth.service.ts';
import { hashPassword, passwordRuleViolation } from '../auth/password.ts';
import { hashActivationCode } from './accounts.service.ts';

export interface ActivationInput {
  username: string;
  code: string;
  newPassword: string;
}

const WRONG = () => appError('INVALID_ACTIVATION_CODE', 'The username or activation code is wrong');

export async function activateAccount(ctx: RequestContext, input: ActivationInput): Promise<SessionTokens> {
  const username = normaliseUsername(input.username);
  if (!username || username.length > 100) throw WRONG();
  await claimProofAttempt(ctx, username);
  const code = normaliseActivationCode(input.code);
  const found = code
    ? await ctx.prisma.activationCode.findUnique({
        where: { codeHash: hashActivationCode(code) },
        include: {
          user: {
            include: {
              student: { select: { firstName: true, lastName: true } },
              guardian: { select: { firstName: true, lastName: true } },
              staff: { select: { firstName: true, lastName: true } },
            },
          },
        },
      })
    : null;
  if (!found || found.user.username !== username) {
    await attemptFailed(ctx, username, undefined);
    throw WRONG();
  }
  // Whoever holds the code for this username may be told why it no longer works.
  if (found.usedAt) throw appError('ACTIVATION_CODE_USED', 'This activation code has been used; log in with your password');
  if (found.voidedAt) throw appError('ACTIVATION_CODE_REPLACED', 'A newer activation code has been issued; use that one');
  if (found.expiresAt <= ctx.now)
    throw appError('ACTIVATION_CODE_EXPIRED', 'This activation code has expired; ask the school for a new one');
  if (found.user.disabledAt) throw appError('ACCOUNT_LOCKED', 'This account is locked; ask the school');
  // The code is right: a password that breaks the rule is not a guess, and may be tried again at once.
  await attemptSucceeded(ctx, username);

  const person = found.user.student ?? found.user.guardian ?? found.user.staff;
  const violation = passwordRuleViolation(input.newPassword, [person?.firstName ?? '', person?.lastName ?? '', username]);
  if (violation) {
    throw appError('BAD_USER_INPUT', `The new password ${violation.message}`, { field: 'newPassword', problem: violation.code });
  }
  const passwordHash = await ctx.passwords.run(() => hashPassword(input.newPassword));
  const userId = found.userId;
  const used = await ctx.prisma.$transaction(async (tx) => {
    // Of two uses of one code at once, one gets it.
    const claimed = await tx.activationCode.updateMany({
      where: { id: found.id, usedAt: null, voidedAt: null },
      data: { usedAt: ctx.now },
    });
    if (claimed.count === 0) return false;
    const account = await tx.userAccount.findUniqueOrThrow({ where: { id: userId }, select: { activatedAt: true } });
    await tx.userAccount.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: ctx.now, activatedAt: account.activatedAt ?? ctx.now },
    });
    // A code also serves as a reset from the school: whoever was logged in with the old password is not any more.
    await tx.authSession.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: ctx.now, revokedReason: 'account activated' },
    });
    await audit({ ...ctx, prisma: tx }, 'account.activated', { userId, entityType: 'ActivationCode', entityId: found.id });
    return true;
  });
  if (!used) throw appError('ACTIVATION_CODE_USED', 'This activation code has been used; log in with your password');
  return openSession(ctx, userId);
}
