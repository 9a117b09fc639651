import type { RequestContext } from '../../context.ts';
import { appError, badInput, unauthenticated } from '../../errors.ts';
import { requireViewer, type Viewer } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { MAX_PASSWORD_LENGTH } from '@insyn/domain/password-rule';
import { dummyPasswordHash, hashPassword, passwordRuleViolation, verifyPassword } from './password.ts';
import { addressKey, addressPolicy, claimAttempt, clearFailures, lockedFor, recordFailure, userKey } from './throttle.ts';
import { hashRandomToken, newRefreshToken, signAccessToken } from './tokens.ts';

export const REFRESH_COOKIE = 'insyn_refresh';
const COOKIE_PATH = '/graphql';

export interface SessionTokens {
  accessToken: string;
  expiresAt: Date;
  viewer: Viewer;
}

/** Usernames are stored lower-case; login and account creation compare them like this. */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

export async function login(ctx: RequestContext, input: { username: string; password: string }): Promise<SessionTokens> {
  const username = normaliseUsername(input.username);
  if (!username || username.length > 100 || !input.password || input.password.length > MAX_PASSWORD_LENGTH) {
    throw appError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  const user = await checkPassword(ctx, username, input.password, (found) => found !== null && !found.disabledAt);
  if (!user) {
    throw appError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  return openSession(ctx, user.id);
}

/**
 * A new session for a user who has just proved who they are. Every way in ends here: a password, an activation
 * code, and later a federated login (OIDC through Skolfederation, BankID or Freja eID via a broker) that finds the
 * account by its verified identity; sessions, renewal and rights do not depend on how the user got in.
 */
export async function openSession(ctx: RequestContext, userId: string): Promise<SessionTokens> {
  const session = await ctx.prisma.authSession.create({
    data: { userId, userAgent: ctx.userAgent?.slice(0, 300) ?? null },
  });
  await ctx.prisma.userAccount.update({ where: { id: userId }, data: { lastLoginAt: ctx.now } });
  await issueRefreshToken(ctx, session.id);
  await audit(ctx, 'auth.login', { userId });
  return startRequestAs(ctx, userId, session.id);
}

type StoredAccount = NonNullable<Awaited<ReturnType<RequestContext['prisma']['userAccount']['findUnique']>>>;

/**
 * Before a password or activation code for `username` is checked: a locked client address or username is
 * refused before anything is verified, and the username's attempt is counted first (so parallel guesses
 * cannot outrun the limit; `attemptSucceeded` clears it).
 */
export async function claimProofAttempt(ctx: RequestContext, username: string): Promise<void> {
  const address = ctx.ip ? addressKey(ctx.ip) : null;
  const addressWait = address ? await lockedFor(ctx.prisma, address, ctx.now) : 0;
  const wait = addressWait || (await claimAttempt(ctx.prisma, userKey(username), ctx.now));
  if (wait > 0) {
    throw appError('TOO_MANY_ATTEMPTS', `Too many failed attempts; try again in ${wait} seconds`, { retryAfterSeconds: wait });
  }
}

/** After a failed proof: the client address counts it, and it is audited. */
export async function attemptFailed(ctx: RequestContext, username: string, userId: string | undefined): Promise<void> {
  if (ctx.ip) await recordFailure(ctx.prisma, addressKey(ctx.ip), ctx.now, addressPolicy(ctx.config.loginFailuresPerAddress));
  await audit(ctx, 'auth.loginFailed', { userId, details: { username } });
}

export const attemptSucceeded = (ctx: RequestContext, username: string) => clearFailures(ctx.prisma, userKey(username));

/**
 * Checks a password under both throttles, within the process's bound on hashing: a request beyond it is refused
 * before it costs even a database round trip. Returns the account when the password is right and `usable` accepts
 * it, else null (counted and audited).
 */
function checkPassword(
  ctx: RequestContext,
  username: string,
  password: string,
  usable: (user: StoredAccount | null) => boolean,
): Promise<StoredAccount | null> {
  return ctx.passwords.run(async () => {
    await claimProofAttempt(ctx, username);
    const user = await ctx.prisma.userAccount.findUnique({ where: { username } });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!valid || !usable(user)) {
      await attemptFailed(ctx, username, user?.id);
      return null;
    }
    await attemptSucceeded(ctx, username);
    return user;
  });
}

/**
 * Rotates the renewal token. A token used twice means it was copied: the whole session chain
 * is revoked, so neither the thief nor the owner can go on with it.
 */
export async function refreshSession(ctx: RequestContext): Promise<SessionTokens> {
  const presented = ctx.cookies.get(REFRESH_COOKIE);
  if (!presented) throw unauthenticated('No session to renew');
  const stored = await ctx.prisma.refreshToken.findUnique({
    where: { tokenHash: hashRandomToken(presented) },
    include: { session: { include: { user: true } } },
  });
  if (!stored) {
    ctx.cookies.clear(REFRESH_COOKIE, COOKIE_PATH);
    throw unauthenticated('Your session has ended; log in again');
  }
  // Claim the token atomically: of two concurrent uses, only one gets the row.
  const claimed = await ctx.prisma.refreshToken.updateMany({ where: { id: stored.id, usedAt: null }, data: { usedAt: ctx.now } });
  if (claimed.count === 0) {
    await ctx.prisma.authSession.update({
      where: { id: stored.sessionId },
      data: { revokedAt: ctx.now, revokedReason: 'refresh token reused' },
    });
    await audit(ctx, 'auth.refreshReuse', { userId: stored.session.userId, entityType: 'AuthSession', entityId: stored.sessionId });
    ctx.cookies.clear(REFRESH_COOKIE, COOKIE_PATH);
    throw unauthenticated('Your session has ended; log in again');
  }
  const { session } = stored;
  if (stored.expiresAt <= ctx.now || session.revokedAt || session.user.disabledAt) {
    ctx.cookies.clear(REFRESH_COOKIE, COOKIE_PATH);
    throw unauthenticated('Your session has ended; log in again');
  }
  await ctx.prisma.authSession.update({ where: { id: session.id }, data: { lastUsedAt: ctx.now } });
  await issueRefreshToken(ctx, session.id);
  return startRequestAs(ctx, session.userId, session.id);
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  const presented = ctx.cookies.get(REFRESH_COOKIE);
  const sessionIds = new Set<string>();
  if (ctx.auth) sessionIds.add(ctx.auth.sessionId);
  if (presented) {
    const stored = await ctx.prisma.refreshToken.findUnique({ where: { tokenHash: hashRandomToken(presented) } });
    if (stored) sessionIds.add(stored.sessionId);
  }
  if (sessionIds.size > 0) {
    await ctx.prisma.authSession.updateMany({
      where: { id: { in: [...sessionIds] }, revokedAt: null },
      data: { revokedAt: ctx.now, revokedReason: 'logout' },
    });
    await audit(ctx, 'auth.logout', { details: { sessions: sessionIds.size } });
  }
  ctx.cookies.clear(REFRESH_COOKIE, COOKIE_PATH);
  return true;
}

/** A new password ends every session of the user, this one included. A wrong current password counts as a failed login. */
export async function changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const viewer = await requireViewer(ctx);
  const violation = passwordRuleViolation(input.newPassword, [viewer.displayName, viewer.username]);
  if (violation) {
    throw appError('BAD_USER_INPUT', `The new password ${violation.message}`, { field: 'newPassword', problem: violation.code });
  }
  if (input.newPassword === input.currentPassword) throw badInput('The new password must differ from the current one', 'newPassword');
  const user =
    input.currentPassword.length > MAX_PASSWORD_LENGTH
      ? null
      : await checkPassword(ctx, viewer.username, input.currentPassword, (found) => found?.id === viewer.userId);
  if (!user) throw appError('INVALID_CREDENTIALS', 'The current password is wrong');
  const passwordHash = await ctx.passwords.run(() => hashPassword(input.newPassword));
  await ctx.prisma.$transaction([
    ctx.prisma.userAccount.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: ctx.now } }),
    ctx.prisma.authSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: ctx.now, revokedReason: 'password changed' },
    }),
  ]);
  await audit(ctx, 'auth.passwordChanged');
  ctx.cookies.clear(REFRESH_COOKIE, COOKIE_PATH);
  return true;
}

export async function setLocale(ctx: RequestContext, locale: 'sv' | 'en'): Promise<Viewer> {
  const viewer = await requireViewer(ctx);
  await ctx.prisma.userAccount.update({ where: { id: viewer.userId }, data: { locale } });
  return { ...viewer, locale };
}

async function issueRefreshToken(ctx: RequestContext, sessionId: string): Promise<void> {
  const { token, tokenHash } = newRefreshToken();
  const ttl = ctx.config.refreshTokenTtlSeconds;
  await ctx.prisma.refreshToken.create({ data: { sessionId, tokenHash, expiresAt: new Date(ctx.now.getTime() + ttl * 1000) } });
  ctx.cookies.set(REFRESH_COOKIE, token, { maxAgeSeconds: ttl, path: COOKIE_PATH });
}

/** From here on this request acts as the user, e.g. to answer `viewer` in the login payload. */
async function startRequestAs(ctx: RequestContext, userId: string, sessionId: string): Promise<SessionTokens> {
  ctx.auth = { userId, sessionId };
  ctx.viewer = undefined;
  const { token, expiresAt } = signAccessToken({ sub: userId, sid: sessionId }, ctx.config.jwtSecret, ctx.config.accessTokenTtlSeconds);
  return { accessToken: token, expiresAt, viewer: await requireViewer(ctx) };
}
