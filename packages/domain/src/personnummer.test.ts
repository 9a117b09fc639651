import { describe, it, expect } from 'vitest';
import {
  birthDateOf,
  formatPersonnummer,
  isValidPersonnummer,
  luhnCheckDigit,
  parsePersonnummer,
  personnummerFor,
} from './personnummer.ts';

describe('luhnCheckDigit', () => {
  it('computes the check digit of known numbers (worked by hand)', () => {
    // 811218987: 16→7, 1, 2, 2, 2, 8, 18→9, 8, 14→5 = 44 → 6
    expect(luhnCheckDigit('811218987')).toBe(6);
    // 121212121: nine digits that each count 2 → 18 → 2
    expect(luhnCheckDigit('121212121')).toBe(2);
    // 701063239: 14→5, 0, 2, 0, 12→3, 3, 4, 3, 18→9 = 29 → 1
    expect(luhnCheckDigit('701063239')).toBe(1);
  });

  it('gives 0 when the sum is a multiple of ten', () => {
    // 000000000 sums to 0
    expect(luhnCheckDigit('000000000')).toBe(0);
  });

  it('refuses anything but nine digits', () => {
    expect(() => luhnCheckDigit('12345678')).toThrow(RangeError);
    expect(() => luhnCheckDigit('12345678a')).toThrow(RangeError);
  });
});

describe('parsePersonnummer, 12-digit forms', () => {
  it('accepts a valid number with and without the hyphen and gives the canonical form', () => {
    for (const input of ['19811218-9876', '198112189876', '  19811218-9876 ']) {
      expect(parsePersonnummer(input)).toEqual({
        ok: true,
        value: { canonical: '19811218-9876', birthDate: '1981-12-18', isCoordinationNumber: false },
      });
    }
    expect(isValidPersonnummer('19121212-1212')).toBe(true);
  });

  it('refuses a check digit one off in either direction', () => {
    expect(parsePersonnummer('19811218-9875')).toEqual({ ok: false, error: 'CHECK_DIGIT' });
    expect(parsePersonnummer('19811218-9877')).toEqual({ ok: false, error: 'CHECK_DIGIT' });
    expect(parsePersonnummer('19121212-1211')).toEqual({ ok: false, error: 'CHECK_DIGIT' });
    expect(parsePersonnummer('19121212-1213')).toEqual({ ok: false, error: 'CHECK_DIGIT' });
  });

  it('refuses swapped digits in the serial', () => {
    expect(parsePersonnummer('19811218-8976').ok).toBe(false);
  });

  it('refuses dates that do not exist', () => {
    expect(parsePersonnummer('19811318-9876')).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer('19810018-9876')).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer('19810431-9876')).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer('19810100-9876')).toEqual({ ok: false, error: 'DATE' });
  });

  it('knows 29 February only in leap years (2000 yes, 1900 no)', () => {
    expect(parsePersonnummer(personnummerFor('2024-02-29', 123))).toMatchObject({ ok: true, value: { birthDate: '2024-02-29' } });
    expect(parsePersonnummer(personnummerFor('2000-02-29', 456))).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
    // The date is checked before the check digit, so any last digit shows the reason.
    expect(parsePersonnummer('20230229-1234')).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer('19000229-1234')).toEqual({ ok: false, error: 'DATE' });
  });

  it('refuses other shapes', () => {
    for (const input of [
      '',
      '1981121898',
      '19811218-987',
      '19811218+9876',
      '19811218 9876',
      '1981-12-18-9876',
      'abcdefgh-ijkl',
      '19811218--9876',
    ]) {
      expect(parsePersonnummer(input)).toEqual({ ok: false, error: 'FORMAT' });
    }
  });

  it('refuses a birth date after the reference date when one is given', () => {
    expect(parsePersonnummer(personnummerFor('2026-12-01', 100), { referenceDate: '2026-11-27' })).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer(personnummerFor('2026-11-27', 100), { referenceDate: '2026-11-27' }).ok).toBe(true);
  });
});

describe('parsePersonnummer, samordningsnummer', () => {
  it('accepts day + 60, keeps it in the canonical form and gives the real birth date', () => {
    expect(parsePersonnummer('19701063-2391')).toEqual({
      ok: true,
      value: { canonical: '19701063-2391', birthDate: '1970-10-03', isCoordinationNumber: true },
    });
  });

  it('checks the real date and the check digit', () => {
    expect(parsePersonnummer('19700292-0000')).toEqual({ ok: false, error: 'DATE' }); // 31 February
    expect(parsePersonnummer('19701063-2392')).toEqual({ ok: false, error: 'CHECK_DIGIT' });
  });
});

describe('parsePersonnummer, 10-digit forms', () => {
  const referenceDate = '2026-11-27';

  it('needs a reference date to settle the century', () => {
    expect(parsePersonnummer('811218-9876')).toEqual({ ok: false, error: 'FORMAT' });
  });

  it('reads "-" as under 100 years old', () => {
    expect(parsePersonnummer('811218-9876', { referenceDate })).toMatchObject({ ok: true, value: { canonical: '19811218-9876' } });
    expect(parsePersonnummer('121212-1212', { referenceDate })).toMatchObject({ ok: true, value: { canonical: '20121212-1212' } });
    expect(parsePersonnummer('8112189876', { referenceDate })).toMatchObject({ ok: true, value: { canonical: '19811218-9876' } });
  });

  it('reads "+" as 100 or older', () => {
    expect(parsePersonnummer('121212+1212', { referenceDate })).toMatchObject({ ok: true, value: { canonical: '19121212-1212' } });
  });

  it('switches to "+" on 1 January of the year of the 100th birthday', () => {
    const born1926 = personnummerFor('1926-12-01', 234).slice(2); // 261201-234x
    expect(parsePersonnummer(born1926.replace('-', '+'), { referenceDate: '2026-03-01' })).toMatchObject({
      ok: true,
      value: { birthDate: '1926-12-01' },
    });
    // With "-" in 2026 the number would mean a child born later this year.
    expect(parsePersonnummer(born1926, { referenceDate: '2026-03-01' })).toEqual({ ok: false, error: 'DATE' });
    expect(parsePersonnummer(born1926, { referenceDate: '2025-12-31' })).toMatchObject({ ok: true, value: { birthDate: '1926-12-01' } });
  });

  it('checks the Luhn digit over the same ten digits', () => {
    expect(parsePersonnummer('811218-9877', { referenceDate })).toEqual({ ok: false, error: 'CHECK_DIGIT' });
  });

  it('refuses a malformed reference date', () => {
    expect(() => parsePersonnummer('811218-9876', { referenceDate: '27/11/2026' })).toThrow(RangeError);
  });
});

describe('birthDateOf and formatPersonnummer', () => {
  it('give the birth date and canonical form of valid input', () => {
    expect(birthDateOf('198112189876')).toBe('1981-12-18');
    expect(birthDateOf('19701063-2391')).toBe('1970-10-03');
    expect(formatPersonnummer('198112189876')).toBe('19811218-9876');
    expect(formatPersonnummer('811218-9876', { referenceDate: '2026-11-27' })).toBe('19811218-9876');
  });

  it('throw with the reason, without echoing the number', () => {
    expect(() => birthDateOf('19811218-9875')).toThrow(/CHECK_DIGIT/);
    expect(() => birthDateOf('19811218-9875')).not.toThrow(/9875/);
  });
});

describe('personnummerFor', () => {
  it('computes the check digit', () => {
    expect(personnummerFor('1981-12-18', 987)).toBe('19811218-9876');
    expect(personnummerFor('1912-12-12', 121)).toBe('19121212-1212');
    expect(personnummerFor('2009-01-05', 7)).toMatch(/^20090105-007\d$/);
  });

  it('builds samordningsnummer', () => {
    expect(personnummerFor('1970-10-03', 239, { coordinationNumber: true })).toBe('19701063-2391');
  });

  it('round-trips through the parser for every day of a leap year', () => {
    for (let dayOfYear = 0; dayOfYear < 366; dayOfYear++) {
      const date = new Date(Date.UTC(2016, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
      const serial = (dayOfYear * 37) % 1000;
      const pnr = personnummerFor(date, serial);
      expect(parsePersonnummer(pnr)).toEqual({ ok: true, value: { canonical: pnr, birthDate: date, isCoordinationNumber: false } });
    }
  });

  it('refuses impossible dates and serials', () => {
    expect(() => personnummerFor('2023-02-29', 1)).toThrow(RangeError);
    expect(() => personnummerFor('2023-2-1', 1)).toThrow(RangeError);
    expect(() => personnummerFor('2023-02-01', 1000)).toThrow(RangeError);
    expect(() => personnummerFor('2023-02-01', 1.5)).toThrow(RangeError);
  });
});
