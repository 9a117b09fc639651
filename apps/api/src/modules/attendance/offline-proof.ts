// The offline proof: a short token the server signs into a roll call it hands out on the lesson's day, which the device
// keeps with its copy and sends with a save. A save that reaches the server after the lesson's day counts for that day
// only with a proof issued on that day (rollCallTiming in @insyn/domain). HMAC-SHA256 with a key derived from
// JWT_SECRET, which every API process shares, so any process reads what another signed; it is not a JWT, so that no
// proof can be taken for an access token or the other way round.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIsoDate, type OfflineProofClaims } from '@insyn/domain';
import { isId } from '../access/ids.ts';

const VERSION = 'rc1';
/** The token's largest length: a longer string is not read at all. */
const MAX_LENGTH = 400;

const keys = new Map<string, Buffer>();
/** A key of its own, derived from the secret: a proof's signature is never one the secret makes elsewhere. */
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createHmac('sha256', secret).update('insyn:roll-call-offline-proof:v1').digest()));
  return key;
}

const signatureOf = (body: string, secret: string): Buffer => createHmac('sha256', keyFor(secret)).update(`${VERSION}.${body}`).digest();

/** `rc1.<claims as base64url JSON>.<signature, base64url>` */
export function signOfflineProof(claims: OfflineProofClaims, secret: string): string {
  const body = Buffer.from(
    JSON.stringify({ l: claims.lessonId, u: claims.userId, d: claims.issuedOn, e: claims.expiresAt.getTime() }),
    'utf8',
  ).toString('base64url');
  return `${VERSION}.${body}.${signatureOf(body, secret).toString('base64url')}`;
}

/**
 * The claims of a proof this server (or another process with the same secret) signed, or UNREADABLE for anything
 * else: another format, a changed claim, another secret. Whether it still proves anything (its day, its expiry, its
 * lesson and user) is the domain rule's to say.
 */
export function readOfflineProof(token: string, secret: string): OfflineProofClaims | 'UNREADABLE' {
  if (token.length > MAX_LENGTH) return 'UNREADABLE';
  const [version, body, signature, ...rest] = token.split('.');
  if (version !== VERSION || !body || !signature || rest.length > 0) return 'UNREADABLE';
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'UNREADABLE';
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'UNREADABLE';
  }
  if (typeof claims !== 'object' || claims === null) return 'UNREADABLE';
  const { l, u, d, e } = claims as Record<string, unknown>;
  if (typeof l !== 'string' || typeof u !== 'string' || typeof d !== 'string' || typeof e !== 'number') return 'UNREADABLE';
  if (!isId(l) || !isId(u) || !isIsoDate(d) || !Number.isFinite(e)) return 'UNREADABLE';
  return { lessonId: l, userId: u, issuedOn: d, expiresAt: new Date(e) };
}
