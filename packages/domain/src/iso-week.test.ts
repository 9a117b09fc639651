import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  formatIsoWeek,
  isIsoDate,
  isValidIsoWeek,
  isoWeekOf,
  parseIsoWeek,
  SCHOOL_TIME_ZONE,
  schoolClockTime,
  schoolDateOf,
  schoolMinuteOf,
  schoolDaysOfIsoWeek,
  shiftIsoWeek,
} from './iso-week.ts';

describe('ISO weeks', () => {
  it('finds the week of a date, also across the new year', () => {
    expect(isoWeekOf('2026-11-27')).toEqual({ isoYear: 2026, isoWeek: 48 });
    expect(isoWeekOf('2027-01-01')).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ isoYear: 2025, isoWeek: 1 });
  });
  it('lists Monday to Friday', () => {
    expect(schoolDaysOfIsoWeek({ isoYear: 2026, isoWeek: 48 })).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(schoolDaysOfIsoWeek({ isoYear: 2026, isoWeek: 53 })[0]).toBe('2026-12-28');
  });
  it('knows which years have week 53 and refuses out-of-range weeks', () => {
    expect(isValidIsoWeek({ isoYear: 2026, isoWeek: 53 })).toBe(true);
    expect(isValidIsoWeek({ isoYear: 2027, isoWeek: 53 })).toBe(false);
    expect(isValidIsoWeek({ isoYear: 2026, isoWeek: 0 })).toBe(false);
    expect(isValidIsoWeek({ isoYear: 1999, isoWeek: 10 })).toBe(false);
    expect(isValidIsoWeek({ isoYear: 2026, isoWeek: 1.5 })).toBe(false);
  });
  it('moves by weeks across years', () => {
    expect(shiftIsoWeek({ isoYear: 2026, isoWeek: 53 }, 1)).toEqual({ isoYear: 2027, isoWeek: 1 });
    expect(shiftIsoWeek({ isoYear: 2027, isoWeek: 1 }, -1)).toEqual({ isoYear: 2026, isoWeek: 53 });
  });
  it('formats and parses week labels', () => {
    expect(formatIsoWeek({ isoYear: 2026, isoWeek: 8 })).toBe('2026-W08');
    expect(parseIsoWeek('2026-W08')).toEqual({ isoYear: 2026, isoWeek: 8 });
    expect(parseIsoWeek('2027-W53')).toBeNull();
    expect(parseIsoWeek('2026-48')).toBeNull();
  });
  it('validates calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-02-01')).toBe(false);
  });
  it('gives the Swedish local date of an instant', () => {
    expect(schoolDateOf(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(schoolDateOf(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
  it('reads the school clock across the changes to and from summer time', () => {
    // Summer time starts 2027-03-28 at 01:00 UTC (02:00 → 03:00) and ends 2027-10-31 at 01:00 UTC (03:00 → 02:00).
    expect(schoolClockTime(new Date('2027-03-28T00:59:00Z'))).toBe('01:59');
    expect(schoolClockTime(new Date('2027-03-28T01:00:00Z'))).toBe('03:00');
    expect(schoolClockTime(new Date('2027-10-31T00:59:00Z'))).toBe('02:59');
    expect(schoolClockTime(new Date('2027-10-31T01:00:00Z'))).toBe('02:00');
    expect(schoolMinuteOf(new Date('2027-10-31T01:30:00Z'))).toBe(150);
    expect(schoolDateOf(new Date('2027-03-27T22:59:00Z'))).toBe('2027-03-27');
    expect(schoolDateOf(new Date('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
    expect(() => schoolDateOf(new Date('not a date'))).toThrow(RangeError);
  });
  it('keeps to ICU’s time zone data every hour of the weeks around each clock change and every noon, 1990–2105', () => {
    const mismatches: string[] = [];
    const check = (at: number) => {
      const instant = new Date(at);
      const clock = new Date(at + tzOffset(SCHOOL_TIME_ZONE, instant) * 60_000);
      const expected = `${clock.toISOString().slice(0, 10)} ${clock.toISOString().slice(11, 16)}`;
      const actual = `${schoolDateOf(instant)} ${schoolClockTime(instant)}`;
      if (actual !== expected) mismatches.push(`${instant.toISOString()}: ${actual}, not ${expected}`);
    };
    for (let year = 1990; year <= 2105; year++) {
      for (let day = Date.UTC(year, 0, 1, 12); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) check(day);
      for (const month of [2, 8, 9]) {
        for (let at = Date.UTC(year, month, 20); at < Date.UTC(year, month + 1, 3); at += 3_600_000) check(at);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
  it('agrees with date-fns’ TZDate at every quarter hour of the years around each clock change', () => {
    const mismatches: string[] = [];
    for (const year of [2000, 2027]) {
      for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += 15 * 60_000) {
        const instant = new Date(at);
        const local = new TZDate(at, SCHOOL_TIME_ZONE);
        const expected = `${format(local, 'yyyy-MM-dd')} ${format(local, 'HH:mm')} ${local.getHours() * 60 + local.getMinutes()}`;
        const actual = `${schoolDateOf(instant)} ${schoolClockTime(instant)} ${schoolMinuteOf(instant)}`;
        if (actual !== expected) mismatches.push(`${instant.toISOString()}: ${actual}, not ${expected}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
