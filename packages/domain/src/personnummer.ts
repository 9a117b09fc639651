// Swedish personal identity numbers (personnummer, Skatteverket SKV 704) and coordination numbers
// (samordningsnummer: the day of birth plus 60). Stored and shown as `YYYYMMDD-NNNN`.

export type PersonnummerError =
  /** not one of the accepted forms, or a 10-digit form without a reference date */
  | 'FORMAT'
  /** no such date, or born after the reference date */
  | 'DATE'
  /** the last digit is not the Luhn check digit of the other nine */
  | 'CHECK_DIGIT';

export interface Personnummer {
  /** `YYYYMMDD-NNNN`; a samordningsnummer keeps its day + 60 */
  canonical: string;
  /** the real date of birth, `YYYY-MM-DD` */
  birthDate: string;
  isCoordinationNumber: boolean;
}

export type PersonnummerResult = { ok: true; value: Personnummer } | { ok: false; error: PersonnummerError };

export interface ParsePersonnummerOptions {
  /**
   * `YYYY-MM-DD`: the day the 10-digit form is read on. It settles the century: `-` means under
   * 100 years old in that year, `+` 100 or older. Without it only the 12-digit forms are accepted.
   */
  referenceDate?: string;
}

const COORDINATION_DAY_OFFSET = 60;

const TWELVE_DIGITS = /^(\d{4})(\d{2})(\d{2})-?(\d{3})(\d)$/;
const TEN_DIGITS = /^(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Accepts `YYYYMMDDNNNN`, `YYYYMMDD-NNNN` and, with a reference date, `YYMMDD-NNNN`, `YYMMDD+NNNN`
 * and `YYMMDDNNNN` (read as `-`). Surrounding white space is ignored.
 */
export function parsePersonnummer(input: string, options: ParsePersonnummerOptions = {}): PersonnummerResult {
  const text = input.trim();
  let year: number;
  let month: number;
  let dayField: number;
  let serial: string;
  let checkDigit: number;

  const long = TWELVE_DIGITS.exec(text);
  const short = long ? null : TEN_DIGITS.exec(text);
  if (long) {
    year = Number(long[1]);
    month = Number(long[2]);
    dayField = Number(long[3]);
    serial = long[4] as string;
    checkDigit = Number(long[5]);
  } else if (short && options.referenceDate !== undefined) {
    const reference = splitIsoDate(options.referenceDate);
    if (!reference) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${options.referenceDate}"`);
    const centenarian = short[4] === '+';
    // The separator changes to `+` on 1 January of the year the person turns 100 (SKV 704), so the
    // century follows from the reference year alone.
    const latestYear = reference.year - (centenarian ? 100 : 0);
    const yy = Number(short[1]);
    year = latestYear - ((((latestYear - yy) % 100) + 100) % 100);
    month = Number(short[2]);
    dayField = Number(short[3]);
    serial = short[5] as string;
    checkDigit = Number(short[6]);
  } else {
    return { ok: false, error: 'FORMAT' };
  }

  const isCoordinationNumber = dayField > COORDINATION_DAY_OFFSET;
  const day = isCoordinationNumber ? dayField - COORDINATION_DAY_OFFSET : dayField;
  if (!isRealDate(year, month, day)) return { ok: false, error: 'DATE' };
  const birthDate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (options.referenceDate !== undefined && birthDate > options.referenceDate) return { ok: false, error: 'DATE' };

  const datePart = `${pad(year, 4)}${pad(month, 2)}${pad(dayField, 2)}`;
  if (luhnCheckDigit(`${datePart.slice(2)}${serial}`) !== checkDigit) return { ok: false, error: 'CHECK_DIGIT' };

  return { ok: true, value: { canonical: `${datePart}-${serial}${checkDigit}`, birthDate, isCoordinationNumber } };
}

export function isValidPersonnummer(input: string, options: ParsePersonnummerOptions = {}): boolean {
  return parsePersonnummer(input, options).ok;
}

/** `YYYYMMDD-NNNN`; throws a RangeError naming the reason when the input is not valid. */
export function formatPersonnummer(input: string, options: ParsePersonnummerOptions = {}): string {
  return parseOrThrow(input, options).canonical;
}

/** The date of birth, `YYYY-MM-DD` (for a samordningsnummer the real day); throws when not valid. */
export function birthDateOf(input: string, options: ParsePersonnummerOptions = {}): string {
  return parseOrThrow(input, options).birthDate;
}

/**
 * The Luhn (mod 10) check digit of the nine digits `YYMMDDNNN`: weights 2, 1, 2, …, the digits of
 * each product summed.
 */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError(`Expected nine digits, got "${nineDigits}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Builds a valid number for a date of birth (`YYYY-MM-DD`) and a birth serial 0–999 (its last digit
 * is odd for men, even for women), computing the check digit.
 */
export function personnummerFor(birthDate: string, serial: number, options: { coordinationNumber?: boolean } = {}): string {
  const date = splitIsoDate(birthDate);
  if (!date || !isRealDate(date.year, date.month, date.day)) {
    throw new RangeError(`Expected a real date as YYYY-MM-DD, got "${birthDate}"`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) {
    throw new RangeError(`The serial must be a whole number from 0 to 999, got ${serial}`);
  }
  const dayField = date.day + (options.coordinationNumber ? COORDINATION_DAY_OFFSET : 0);
  const datePart = `${pad(date.year, 4)}${pad(date.month, 2)}${pad(dayField, 2)}`;
  const serialPart = pad(serial, 3);
  return `${datePart}-${serialPart}${luhnCheckDigit(`${datePart.slice(2)}${serialPart}`)}`;
}

function parseOrThrow(input: string, options: ParsePersonnummerOptions): Personnummer {
  const result = parsePersonnummer(input, options);
  if (!result.ok) throw new RangeError(`Not a valid personnummer (${result.error})`);
  return result.value;
}

function splitIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
