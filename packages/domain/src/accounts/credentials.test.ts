import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CODE_ALPHABET,
  ACTIVATION_CODE_LENGTH,
  activationCodeFrom,
  formatActivationCode,
  freeUsername,
  normaliseActivationCode,
  usernameBase,
} from './credentials.ts';

describe('activation codes', () => {
  it('uses no characters that look alike, and at least ten of them', () => {
    for (const lookAlike of '0OQD1ILJ2Z5S8BUVG') expect(ACTIVATION_CODE_ALPHABET).not.toContain(lookAlike);
    expect(ACTIVATION_CODE_LENGTH).toBeGreaterThanOrEqual(10);
  });

  it('draws each character from the alphabet, skipping bytes that would favour some', () => {
    let calls = 0;
    // 255 is beyond the fair share of 256 for a 19-letter alphabet and must be skipped.
    const code = activationCodeFrom(() => (calls++ === 0 ? new Uint8Array([255, 0, 1, 18, 19]) : new Uint8Array(16).fill(2)));
    expect(code).toHaveLength(ACTIVATION_CODE_LENGTH);
    expect(code.slice(0, 4)).toBe(
      `${ACTIVATION_CODE_ALPHABET[0]}${ACTIVATION_CODE_ALPHABET[1]}${ACTIVATION_CODE_ALPHABET[18]}${ACTIVATION_CODE_ALPHABET[0]}`,
    );
    expect([...code].every((char) => ACTIVATION_CODE_ALPHABET.includes(char))).toBe(true);
  });

  it('is printed in groups of four and read back however it was typed', () => {
    const code = 'ACEFHKMNPRTW';
    expect(formatActivationCode(code)).toBe('ACEF-HKMN-PRTW');
    expect(normaliseActivationCode(' acef hkmn-prtw ')).toBe(code);
    expect(normaliseActivationCode('ACEF-HKMN-PRT')).toBeNull();
    expect(normaliseActivationCode('ACEF-HKMN-PRT0')).toBeNull();
    expect(normaliseActivationCode('')).toBeNull();
  });
});

describe('usernames', () => {
  it('are the first given name and the family name in plain lower case letters', () => {
    expect(usernameBase('Åsa Maria', 'Öberg-Lindén')).toBe('asa.oberg-linden');
    expect(usernameBase('Zoë', "O'Brien")).toBe('zoe.o-brien');
    expect(usernameBase('Søren', 'Æbelø')).toBe('soren.aebelo');
    expect(usernameBase('  ', '')).toBe('anvandare');
  });

  it('never carry digits, whatever the name holds', () => {
    expect(usernameBase('Anna 19120212', '3991')).toBe('anna');
  });

  it('take the first free number when the name is taken', () => {
    const taken = new Set(['anna.ek', 'anna.ek2']);
    expect(freeUsername('anna.ek', (candidate) => taken.has(candidate))).toBe('anna.ek3');
    expect(freeUsername('bo.ek', (candidate) => taken.has(candidate))).toBe('bo.ek');
  });
});
