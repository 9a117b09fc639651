// "Forgot password" for people with an e-mail address on record (staff and guardians): a single-use link, valid
// an hour, to choose a new password. The answer is the same whether or not the address is known, and the mail
// leaves after the answer, so neither words nor timing tell who has an account. Without an e-mail address the
// school prints a new letter.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import { appError, badInput } from '../../errors.ts';
import { audit } from '../audit/audit.service.ts';
import { openSession, type SessionTokens } from '../auth/auth.service.ts';
import { hashPassword, passwordRuleViolation } from '../auth/password.ts';
import { addressKey, addressPolicy, claimAttempt, lockedFor, recordFailure, type ThrottlePolicy } from '../auth/throttle.ts';

const LINK_MINUTES = 60;
/** Links one address may be sent in an hour: enough for a lost mail, too few to flood someone's inbox. */
const PER_EMAIL: ThrottlePolicy = { freeFailures: 3, firstLockSeconds: 15 * 60, maxLockSeconds: 60 * 60, windowSeconds: 60 * 60 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const emailSchema = z.email().max(254);

export async function requestPasswordReset(ctx: RequestContext, input: { email: string }): Promise<boolean> {
  const parsed = emailSchema.safeParse(input.email.trim().toLowerCase());
  if (!parsed.success) throw badInput('Not an e-mail address', 'email');
  const email = parsed.data;
  // Every request counts against the client's address, as a failed login does: no one sends links by the thousand.
  if (ctx.ip) {
    const wait = await lockedFor(ctx.prisma, addressKey(ctx.ip), ctx.now);
    if (wait > 0) throw appError('TOO_MANY_ATTEMPTS', `Too many attempts; try again in ${wait} seconds`, { retryAfterSeconds: wait });
    await recordFailure(ctx.prisma, addressKey(ctx.ip), ctx.now, addressPolicy(ctx.config.loginFailuresPerAddress));
  }
  // Past the limit for this e-mail address the answer is the same; only no more mail goes out.
  if ((await claimAttempt(ctx.prisma, `reset:${email}`, ctx.now, PER_EMAIL)) > 0) return true;

  const accounts = await ctx.prisma.userAccount.findMany({
    where: {
      disabledAt: null,
      OR: [{ staff: { email: { equals: email, mode: 'insensitive' } } }, { guardian: { email: { equals: email, mode: 'insensitive' } } }],
    },
    select: { id: true, username: true },
  });
  const links = accounts.map((account) => ({ account, token: randomBytes(32).toString('base64url') }));
  if (links.length > 0) {
    await ctx.prisma.$transaction(async (tx) => {
      // An earlier link stops working: only the newest mail counts.
      await tx.passwordReset.updateMany({
        where: { userId: { in: accounts.map((account) => account.id) }, usedAt: null, expiresAt: { gt: ctx.now } },
        data: { expiresAt: ctx.now },
      });
      await tx.passwordReset.createMany({
        data: links.map(({ account, token }) => ({
          userId: account.id,
          tokenHash: hashToken(token),
          createdAt: ctx.now,
          expiresAt: new Date(ctx.now.getTime() + LINK_MINUTES * 60 * 1000),
        })),
      });
      for (const { account } of links) await audit({ ...ctx, prisma: tx }, 'account.passwordResetRequested', { userId: account.id });
    });
  }
  const mailer = ctx.accountMail;
  if (mailer) {
    const publicUrl = ctx.config.notifications.publicUrl;
    // After the answer: a known address must not take longer to answer than an unknown one.
    setImmediate(() => {
      for (const { account, token } of links) {
        mailer
          .send({
            id: randomUUID(),
            idempotencyKey: `password-reset:${hashToken(token)}`,
            channel: 'EMAIL',
            recipient: email,
            subject: 'Nytt lösenord i Insyn / New password in Insyn',
            body: resetMail(account.username, `${publicUrl}/nytt-losenord#${token}`),
          })
          .catch((error: unknown) =>
            console.error(`Password reset mail not sent: ${error instanceof Error ? error.message : String(error)}`),
          );
      }
    });
  }
  return true;
}

const resetMail = (username: string, link: string) =>
  [
    `Någon, förhoppningsvis du, bad om ett nytt lösenord för användarnamnet ${username} i Insyn.`,
    `Öppna länken inom en timme och välj ett nytt lösenord. Länken fungerar en gång:`,
    link,
    'Var det inte du? Då kan du strunta i det här brevet; ditt lösenord är oförändrat.',
    '',
    `Someone, hopefully you, asked for a new password for the username ${username} in Insyn.`,
    'Open the link within an hour and choose a new password. The link works once. If it was not you, ignore this mail.',
  ].join('\n');

/** Chooses the new password with the link's token; every session of the person ends, and this one begins. */
export async function resetPassword(ctx: RequestContext, input: { token: string; newPassword: string }): Promise<SessionTokens> {
  const token = input.token.trim();
  const found =
    token.length > 0 && token.length <= 100
      ? await ctx.prisma.passwordReset.findUnique({
          where: { tokenHash: hashToken(token) },
          include: {
            user: {
              select: {
                id: true,
                username: true,
                disabledAt: true,
                activatedAt: true,
                guardian: { select: { firstName: true, lastName: true } },
                staff: { select: { firstName: true, lastName: true } },
              },
            },
          },
        })
      : null;
  if (!found) throw appError('INVALID_RESET_LINK', 'This link is not valid; ask for a new one');
  if (found.usedAt) throw appError('RESET_LINK_USED', 'This link has been used; ask for a new one if you need to');
  if (found.expiresAt <= ctx.now) throw appError('RESET_LINK_EXPIRED', 'This link has expired; ask for a new one');
  const { user } = found;
  if (user.disabledAt) throw appError('ACCOUNT_LOCKED', 'This account is locked; ask the school');
  const person = user.guardian ?? user.staff;
  const violation = passwordRuleViolation(input.newPassword, [person?.firstName ?? '', person?.lastName ?? '', user.username]);
  if (violation) {
    throw appError('BAD_USER_INPUT', `The new password ${violation.message}`, { field: 'newPassword', problem: violation.code });
  }
  const passwordHash = await ctx.passwords.run(() => hashPassword(input.newPassword));
  const used = await ctx.prisma.$transaction(async (tx) => {
    // Of two uses of one link at once, one gets it.
    const claimed = await tx.passwordReset.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: ctx.now } });
    if (claimed.count === 0) return false;
    await tx.userAccount.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: ctx.now, activatedAt: user.activatedAt ?? ctx.now },
    });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: ctx.now, revokedReason: 'password reset' },
    });
    await audit({ ...ctx, prisma: tx }, 'account.passwordReset', { userId: user.id, entityType: 'PasswordReset', entityId: found.id });
    return true;
  });
  if (!used) throw appError('RESET_LINK_USED', 'This link has been used; ask for a new one if you need to');
  return openSession(ctx, user.id);
}
