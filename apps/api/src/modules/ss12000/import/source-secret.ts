// The source's token or client secret is sent to the source on every import, so it is kept encrypted rather than
// hashed: AES-256-GCM with a key derived (HKDF) from JWT_SECRET. A database copy alone does not reveal it; a new
// JWT_SECRET means entering the secret again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const keyFor = (serverSecret: string) => Buffer.from(hkdfSync('sha256', serverSecret, 'insyn', 'ss12000-source-secret', 32));

export function encryptSourceSecret(secret: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** The secret, or null when it was encrypted under another JWT_SECRET (or altered). */
export function decryptSourceSecret(stored: string, serverSecret: string): string | null {
  const [version, payload] = stored.split(':');
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
