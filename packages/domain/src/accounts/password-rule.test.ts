import { describe, expect, it } from 'vitest';
import { judgePassword, MAX_PASSWORD_LENGTH } from './password-rule.ts';

const person = ['Astrid', 'Lindqvist', 'astrid.lindqvist'];

describe('the password rule (NIST SP 800-63B)', () => {
  it('asks for twelve characters, counted as characters, and no more than the maximum', () => {
    expect(judgePassword('kort-ord-9x', person).problem).toBe('TOO_SHORT');
    expect(judgePassword('åäöåäöåäöåä', person).problem).toBe('TOO_SHORT');
    expect(judgePassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), person).problem).toBe('TOO_LONG');
  });

  it('refuses common, leaked-looking and patterned passwords however long', () => {
    for (const weak of ['password1234', 'qwertyuiopå1', '123456789012', 'aaaaaaaaaaaa', 'lösenord2026!', 'Sommar2026!!', 'iloveyou1234']) {
      expect(judgePassword(weak, person), weak).toMatchObject({ problem: 'TOO_GUESSABLE' });
    }
  });

  it('refuses a password built from the person’s own name or username, in any case', () => {
    expect(judgePassword('LINDQVIST-grön-cykel-77', person).problem).toBe('CONTAINS_NAME');
    expect(judgePassword('astrid.lindqvist#2026', person).problem).toBe('CONTAINS_NAME');
    // Another person's name is no problem for this one.
    expect(judgePassword('Lindqvist-grön-cykel-77', ['Bo', 'Ek', 'bo.ek']).problem).toBeNull();
  });

  it('accepts a passphrase without any composition rule', () => {
    for (const strong of ['grön cykel under bron', 'korv med bröd och senap', 'Tåget-går-07.42-mot-Kiruna']) {
      expect(judgePassword(strong, person), strong).toMatchObject({ problem: null });
    }
    expect(judgePassword('grön cykel under bron', person).score).toBe(4);
  });
});
