import { describe, expect, it } from 'vitest';
import {
  absenceLevel,
  absentMinutesOf,
  addMark,
  emptyFigures,
  exceedsCsnThreshold,
  percentOf,
  statisticsRange,
  type LessonMark,
} from './absence-statistics.ts';

const mark = (status: LessonMark['status'], extra: Partial<LessonMark> = {}): LessonMark => ({
  minutes: 60,
  status,
  lateMinutes: null,
  validReason: null,
  ...extra,
});

describe('absence minutes', () => {
  it('a whole lesson when absent, the minutes late (at most the lesson) when late, none when present', () => {
    expect(absentMinutesOf(mark('ABSENT'))).toBe(60);
    expect(absentMinutesOf(mark('LATE', { lateMinutes: 15 }))).toBe(15);
    expect(absentMinutesOf(mark('LATE', { lateMinutes: 90 }))).toBe(60);
    expect(absentMinutesOf(mark('PRESENT'))).toBe(0);
    expect(absentMinutesOf(mark(null))).toBe(0);
  });
});

describe('figures', () => {
  const figures = [
    mark('PRESENT'),
    mark('ABSENT', { validReason: 'SICK' }),
    mark('ABSENT', { minutes: 40 }),
    mark('LATE', { lateMinutes: 10 }),
    mark(null, { minutes: 50 }),
  ].reduce(addMark, emptyFigures());

  it('adds up valid and unexcused absence, lateness and lessons not taken', () => {
    expect(figures).toEqual({
      lessons: 5,
      scheduledMinutes: 270,
      recordedMinutes: 220,
      absentMinutes: 110,
      validAbsentMinutes: 60,
      unexcusedAbsentMinutes: 50,
      lateCount: 1,
      lateMinutes: 10,
      notTakenLessons: 1,
      notTakenMinutes: 50,
    });
  });
  it('takes percentages of the recorded minutes only: a lesson not taken is not presence', () => {
    expect(percentOf(figures.absentMinutes, figures)).toBe(50);
    expect(percentOf(figures.unexcusedAbsentMinutes, figures)).toBe(22.7);
    expect(percentOf(10, emptyFigures())).toBe(0);
  });
  it('classifies against the school thresholds', () => {
    const thresholds = { warningPercent: 10, alarmPercent: 15 };
    expect(absenceLevel(9.9, thresholds)).toBe('OK');
    expect(absenceLevel(10, thresholds)).toBe('WARNING');
    expect(absenceLevel(15, thresholds)).toBe('ALARM');
  });
});

describe('statisticsRange', () => {
  const today = '2026-11-25';
  it('this week and this month', () => {
    expect(statisticsRange('WEEK', today, {})).toEqual({ ok: true, value: { from: '2026-11-23', to: '2026-11-29' } });
    expect(statisticsRange('MONTH', today, {})).toEqual({ ok: true, value: { from: '2026-11-01', to: '2026-11-30' } });
  });
  it('the term and school year given', () => {
    const term = { from: '2026-08-17', to: '2026-12-18' };
    expect(statisticsRange('TERM', today, { term })).toEqual({ ok: true, value: term });
    expect(statisticsRange('SCHOOL_YEAR', today, {})).toEqual({ ok: false, problem: 'RANGE_REQUIRED' });
  });
  it('checks a custom range', () => {
    expect(statisticsRange('CUSTOM', today, { custom: { from: '2026-11-01', to: '2026-11-10' } })).toEqual({
      ok: true,
      value: { from: '2026-11-01', to: '2026-11-10' },
    });
    expect(statisticsRange('CUSTOM', today, { custom: { from: '2026-11-10', to: '2026-11-01' } })).toEqual({
      ok: false,
      problem: 'END_BEFORE_START',
    });
    expect(statisticsRange('CUSTOM', today, { custom: { from: '2025-01-01', to: '2026-11-01' } })).toEqual({
      ok: false,
      problem: 'TOO_LONG',
    });
    expect(statisticsRange('CUSTOM', today, { custom: { from: '2026-11-31', to: '2026-12-01' } })).toEqual({
      ok: false,
      problem: 'INVALID_DATE',
    });
    expect(statisticsRange('CUSTOM', today, { custom: { from: '2026-11-01' } })).toEqual({ ok: false, problem: 'RANGE_REQUIRED' });
  });
});

describe('CSN', () => {
  it('four hours of unexcused absence in a month reaches the threshold', () => {
    expect(exceedsCsnThreshold(240, 240)).toBe(true);
    expect(exceedsCsnThreshold(239, 240)).toBe(false);
  });
});
