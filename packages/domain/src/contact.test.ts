import { describe, expect, it } from 'vitest';
import { checkContactChoices, normaliseEmail, normaliseMobilePhone } from './contact.ts';

describe('normaliseMobilePhone', () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    [' 0701234567 ', '+46701234567'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMobilePhone(input)).toEqual({ ok: true, value: expected });
  });
  it('refuses a fixed-line number: it cannot take SMS', () => {
    expect(normaliseMobilePhone('08-123 456 78')).toEqual({ ok: false, code: 'NOT_A_MOBILE' });
  });
  it.each(['12', '+4670123', 'ring mig', ''])('refuses %j', (input) => {
    expect(normaliseMobilePhone(input)).toEqual({ ok: false, code: 'INVALID_PHONE' });
  });
});

describe('normaliseEmail', () => {
  it('trims a valid address', () => expect(normaliseEmail(' anna.svensson@example.se ')).toBe('anna.svensson@example.se'));
  it.each(['anna', 'anna@', '@example.se', 'anna svensson@example.se', `${'a'.repeat(250)}@x.se`])('refuses %j', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });
});

describe('checkContactChoices', () => {
  const base = { bySms: true, byEmail: true, mobilePhone: '070-123 45 67', email: 'anna@example.se', locale: 'sv' };
  it('normalises what is given', () => {
    expect(checkContactChoices(base)).toEqual({ ok: true, value: { ...base, mobilePhone: '+46701234567' } });
  });
  it('a channel that is on needs its number or address', () => {
    expect(checkContactChoices({ ...base, mobilePhone: ' ', email: null })).toEqual({
      ok: false,
      problems: [
        { field: 'mobilePhone', code: 'REQUIRED_FOR_SMS' },
        { field: 'email', code: 'REQUIRED_FOR_EMAIL' },
      ],
    });
  });
  it('no messages at all is a choice, and the contact details may still be kept', () => {
    expect(checkContactChoices({ ...base, bySms: false, byEmail: false, email: null })).toEqual({
      ok: true,
      value: { bySms: false, byEmail: false, mobilePhone: '+46701234567', email: null, locale: 'sv' },
    });
  });
  it('reports every problem at once', () => {
    const result = checkContactChoices({ ...base, mobilePhone: '12', email: 'nope', locale: 'de' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.code)).toEqual(['INVALID_PHONE', 'INVALID_EMAIL', 'UNKNOWN_LOCALE']);
  });
});
