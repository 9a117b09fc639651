import { describe, expect, it } from 'vitest';
import { isSpanProblem, problemSlot } from './span-problems';

describe('where a problem with a span is shown', () => {
  it('knows the shared rules’ codes and nothing else', () => {
    expect(isSpanProblem('TOO_FAR_BACK')).toBe(true);
    expect(isSpanProblem('OVERLAPPING_LEAVE')).toBe(false);
    expect(isSpanProblem({ code: 'TOO_FAR_BACK' })).toBe(false);
  });

  it('puts each problem next to the field it is about', () => {
    const days = { fromDate: '2026-11-25' };
    expect(problemSlot('TOO_FAR_BACK', 'days', days)).toBe('from');
    expect(problemSlot('END_BEFORE_START', 'days', days)).toBe('to');
    expect(problemSlot('INVALID_DATE', 'days', days)).toBe('to');
    expect(problemSlot('INVALID_DATE', 'days', { fromDate: '' })).toBe('from');
    expect(problemSlot('REASON_REQUIRED', 'days', days)).toBe('reason');
    // Part of a day has one date and two times.
    expect(problemSlot('TOO_FAR_AHEAD', 'part', days)).toBe('from');
    expect(problemSlot('END_BEFORE_START', 'part', days)).toBe('toTime');
    expect(problemSlot('INVALID_TIME', 'part', { fromDate: '2026-11-25', fromTime: '' })).toBe('fromTime');
    expect(problemSlot('INVALID_TIME', 'part', { fromDate: '2026-11-25', fromTime: '08:00' })).toBe('toTime');
  });
});
