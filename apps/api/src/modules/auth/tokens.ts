import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isId } from '../access/ids.ts';

const ALGORITHM = 'HS256';
const ISSUER = 'insyn';
const AUDIENCE = 'insyn-api';

export interface AccessClaims {
  /** user account id */
  sub: string;
  /** auth session id, so a revoked session stops its access tokens too */
  sid: string;
}

export function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign({ sid: claims.sid }, secret, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: claims.sub,
    expiresIn: ttlSeconds,
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

// jsonwebtoken turns a string secret into a key object on every call; one per secret is enough.
const keys = new Map<string, KeyObject>();
const keyFor = (secret: string): KeyObject => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
};

/** Returns the claims, or null for anything expired, forged, or signed any other way. */
export function verifyAccessToken(token: string, secret: string): AccessClaims | null {
  try {
    // The algorithm is fixed: a token that says "none" or RS256 is refused, not obeyed.
    const payload = jwt.verify(token, keyFor(secret), { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
    // Signed by us, yet ids that are not UUIDs cannot name a session: refused as no token, not passed to the database.
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    if (!isId(payload.sub) || !isId(payload.sid)) return null;
    return { sub: payload.sub, sid: payload.sid };
  } catch {
    return null;
  }
}

/** The renewal token: random, only its hash is stored. */
export function newRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRandomToken(token) };
}

export const hashRandomToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** An SS 12000 client's access token: its own audience, so that neither kind of token opens the other's API. */
const CLIENT_AUDIENCE = 'insyn-ss12000';

export function signApiClientToken(apiClientId: string, secret: string, ttlSeconds: number): string {
  return jwt.sign({}, secret, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: CLIENT_AUDIENCE,
    subject: apiClientId,
    expiresIn: ttlSeconds,
  });
}

/** The API client's id, or null for anything expired, forged, or a user's token. */
export function verifyApiClientToken(token: string, secret: string): string | null {
  try {
    const payload = jwt.verify(token, keyFor(secret), { algorithms: [ALGORITHM], issuer: ISSUER, audience: CLIENT_AUDIENCE });
    return typeof payload === 'string' || typeof payload.sub !== 'string' ? null : payload.sub;
  } catch {
    return null;
  }
}
