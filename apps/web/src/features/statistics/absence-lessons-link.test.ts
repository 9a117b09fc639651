import { describe, expect, it } from 'vitest';
import { absenceLessonsFilterOf, absenceLessonsHref } from './absence-lessons-link';

describe('the address of the lessons behind a figure', () => {
  it('names the student, the period and the filter, and reads back the same filter', () => {
    const href = absenceLessonsHref(
      's1',
      { period: 'CUSTOM', from: '2026-09-01', to: '2026-09-30' },
      { subjectCode: 'MA', week: '2026-W38', weekday: 3, status: 'LATE', valid: false },
    );
    expect(href).toBe(
      '/franvaro/lektioner?elev=s1&period=CUSTOM&fran=2026-09-01&till=2026-09-30&amne=MA&vecka=2026-W38&veckodag=3&typ=sen&giltig=nej',
    );
    expect(absenceLessonsFilterOf(new URL(href, 'http://x').searchParams)).toEqual({
      subjectCode: 'MA',
      week: '2026-W38',
      weekday: 3,
      status: 'LATE',
      valid: false,
    });
  });

  it('a term leaves the dates out; unknown values are no filter', () => {
    expect(absenceLessonsHref('s1', { period: 'TERM', from: '', to: '' }, { valid: true })).toBe(
      '/franvaro/lektioner?elev=s1&period=TERM&giltig=ja',
    );
    expect(absenceLessonsFilterOf(new URLSearchParams('vecka=48&veckodag=9&typ=x&giltig=kanske'))).toEqual({});
  });
});
