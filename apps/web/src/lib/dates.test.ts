import { describe, expect, it } from 'vitest';
import {
  currentIsoWeek,
  formatDateRange,
  formatDateSpan,
  formatSchoolDateTime,
  formatSchoolDayTime,
  formatSchoolTime,
  formatShortDate,
  formatShortWeekday,
  formatWeekday,
  schoolToday,
} from './dates';

describe('school dates and times', () => {
  it('shows instants in Swedish time, whatever the device time zone', () => {
    expect(formatSchoolTime('2026-11-27T07:10:00.000Z')).toBe('08:10'); // CET, UTC+1
    expect(formatSchoolTime('2026-06-01T06:10:00.000Z')).toBe('08:10'); // CEST, UTC+2
  });

  it('takes today and this week from the school calendar day', () => {
    // 23:30 UTC on Sunday 29 November is already Monday 30 November in Stockholm: week 49.
    const lateSunday = new Date('2026-11-29T23:30:00.000Z');
    expect(schoolToday(lateSunday)).toBe('2026-11-30');
    expect(currentIsoWeek(lateSunday)).toEqual({ isoYear: 2026, isoWeek: 49 });
    // 1 January 2027 is a Friday: ISO week 53 of 2026.
    expect(currentIsoWeek(new Date('2027-01-01T12:00:00.000Z'))).toEqual({ isoYear: 2026, isoWeek: 53 });
  });

  it('names days in the interface language', () => {
    expect(formatWeekday('2026-11-23', 'sv')).toBe('Måndag');
    expect(formatWeekday('2026-11-23', 'en')).toBe('Monday');
    expect(formatShortWeekday('2026-11-26', 'sv')).toBe('Tors');
    expect(formatShortDate('2026-11-23', 'sv')).toBe('23 nov');
    expect(formatShortDate('2026-11-23', 'en')).toBe('23 Nov');
  });

  it('writes a week as a compact range', () => {
    expect(formatDateRange('2026-11-23', '2026-11-27', 'sv')).toBe('23–27 november 2026');
    expect(formatDateRange('2026-11-30', '2026-12-04', 'en')).toBe('30 November – 4 December 2026');
    expect(formatDateRange('2026-12-28', '2027-01-01', 'sv')).toBe('28 december 2026 – 1 januari 2027');
  });

  it('shows a span of days, or one day, and an instant with its date', () => {
    expect(formatDateSpan('2026-11-25', '2026-11-25', 'sv')).toBe('25 november 2026');
    expect(formatDateSpan('2026-11-30', '2026-12-01', 'sv')).toBe('30 november – 1 december 2026');
    expect(formatDateSpan('2026-11-25', '2026-11-27', 'en')).toBe('25–27 November 2026');
    expect(formatSchoolDateTime('2026-11-25T07:45:00.000Z', 'sv')).toBe('25 nov 2026 08:45');
    expect(formatSchoolDateTime('2026-06-01T06:10:00.000Z', 'en')).toBe('1 Jun 2026 08:10');
    expect(formatSchoolDayTime('2026-11-25T09:05:00.000Z', 'sv')).toBe('25 nov 10:05');
    expect(formatSchoolDayTime('2026-11-26T06:40:00.000Z', 'en')).toBe('26 Nov 07:40');
  });
});
