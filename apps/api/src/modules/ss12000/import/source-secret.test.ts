import { describe, expect, it } from 'vitest';
import { decryptSourceSecret, encryptSourceSecret } from './source-secret.ts';

const SERVER_SECRET = 'a-server-secret-that-is-long-enough-for-hs256';

describe('the stored source secret', () => {
  it('is encrypted, differently each time, and read back with the same server secret', () => {
    const first = encryptSourceSecret('källans-hemlighet', SERVER_SECRET);
    const second = encryptSourceSecret('källans-hemlighet', SERVER_SECRET);
    expect(first).not.toContain('hemlighet');
    expect(first).not.toBe(second);
    expect(decryptSourceSecret(first, SERVER_SECRET)).toBe('källans-hemlighet');
  });

  it('cannot be read with another server secret, nor when altered', () => {
    const stored = encryptSourceSecret('hemlig', SERVER_SECRET);
    expect(decryptSourceSecret(stored, 'another-server-secret-that-is-long-enough')).toBeNull();
    // One bit of the ciphertext flipped (replacing a character could leave it as it was, one time in 64).
    const [version, payload] = stored.split(':');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    const altered = `${version}:${bytes.toString('base64url')}`;
    expect(altered).not.toBe(stored);
    expect(decryptSourceSecret(altered, SERVER_SECRET)).toBeNull();
    expect(decryptSourceSecret('v0:abc', SERVER_SECRET)).toBeNull();
  });
});
