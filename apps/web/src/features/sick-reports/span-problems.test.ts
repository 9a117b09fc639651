import { describe, expect, it } from 'vitest';
import { isSpanProblem, problemSlots } from './span-problems';

describe('where a problem with a span is shown', () => {
  it('knows the shared rules’ codes and nothing else', () => {
    expect(isSpanProblem('TOO_FAR_BACK')).toBe(true);
    expect(isSpanProblem('OVERLAPPING_LEAVE')).toBe(false);
    expect(isSpanProblem({ code: 'TOO_FAR_BACK' })).toBe(false);
  });

  it('puts each problem next to the field it is about', () => {
    const days = { fromDate: '2026-11-25' };
    expect(problemSlots('TOO_FAR_BACK', 'days', days)).toEqual(['from']);
    expect(problemSlots('END_BEFORE_START', 'days', days)).toEqual(['to']);
    expect(problemSlots('INVALID_DATE', 'days', days)).toEqual(['to']);
    expect(problemSlots('INVALID_DATE', 'days', { fromDate: '', toDate: '2026-11-26' })).toEqual(['from']);
    expect(problemSlots('REASON_REQUIRED', 'days', days)).toEqual(['reason']);
    // Part of a day has one date and two times.
    expect(problemSlots('TOO_FAR_AHEAD', 'part', days)).toEqual(['from']);
    expect(problemSlots('END_BEFORE_START', 'part', days)).toEqual(['toTime']);
    expect(problemSlots('INVALID_TIME', 'part', { fromDate: '2026-11-25', fromTime: '' })).toEqual(['fromTime']);
    expect(problemSlots('INVALID_TIME', 'part', { fromDate: '2026-11-25', fromTime: '08:00' })).toEqual(['toTime']);
  });

  it('flags both dates when neither is given, the first focused', () => {
    expect(problemSlots('INVALID_DATE', 'days', { fromDate: '', toDate: '' })).toEqual(['from', 'to']);
    expect(problemSlots('INVALID_DATE', 'part', { fromDate: '' })).toEqual(['from']);
  });
});
