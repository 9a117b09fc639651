// What a person is handed to get into Insyn the first time: a username they can read aloud and a one-time
// activation code they can type from paper without mistaking one character for another.

/**
 * Capitals and digits that cannot be taken for one another on paper or on a screen: of 0/O/Q/D, 1/I/L/J,
 * 2/Z, 5/S, 8/B, U/V and 6/G none or one is kept. 19 characters; 12 of them hold 51 bits.
 */
export const ACTIVATION_CODE_ALPHABET = 'ACEFHKMNPRTWXY34679';
export const ACTIVATION_CODE_LENGTH = 12;
/** days a code may be used */
export const ACTIVATION_CODE_DAYS = 30;

/** A code from random bytes (one byte a character; bytes beyond an even share of the alphabet are skipped). */
export function activationCodeFrom(randomBytes: () => Uint8Array): string {
  const alphabet = ACTIVATION_CODE_ALPHABET;
  const fair = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < ACTIVATION_CODE_LENGTH) {
    for (const byte of randomBytes()) {
      if (byte < fair && code.length < ACTIVATION_CODE_LENGTH) code += alphabet[byte % alphabet.length];
    }
  }
  return code;
}

/** As printed: in groups of four, "ACEF-HKMN-PRTW". */
export const formatActivationCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/**
 * What was typed, as it was issued: spaces and dashes go, any case. Null when it cannot be a code (another
 * length or a character outside the alphabet), so that it is refused without a lookup.
 */
export function normaliseActivationCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (code.length !== ACTIVATION_CODE_LENGTH) return null;
  return [...code].every((char) => ACTIVATION_CODE_ALPHABET.includes(char)) ? code : null;
}

const MAX_USERNAME_BASE = 40;

/**
 * The readable part of a username: "förnamn.efternamn" in lower case ASCII (å ä → a, ö → o, é → e …),
 * other characters dropped; never digits from a personnummer. Falls back to "anvandare" for a name
 * with no letters left.
 */
export function usernameBase(firstName: string, lastName: string): string {
  const part = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = [part(firstName.split(/\s+/)[0] ?? ''), part(lastName)].filter(Boolean).join('.');
  return (base || 'anvandare').slice(0, MAX_USERNAME_BASE).replace(/[.-]+$/, '');
}

/** The first of base, base2, base3 … that `taken` does not hold. */
export function freeUsername(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}
