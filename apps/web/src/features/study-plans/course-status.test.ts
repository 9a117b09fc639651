import { describe, expect, it } from 'vitest';
import { courseStatusLook } from './course-status';

describe("a study plan course's status", () => {
  it('shows a passing grade (A–E) as passed, with a check mark', () => {
    for (const grade of ['A', 'C', 'E']) {
      expect(courseStatusLook({ status: 'GRADED', grade })).toEqual({ symbol: '✓', tone: 'approved', key: 'GRADED_grade' });
    }
  });

  it('shows an F as not passed: no check mark, not the passed tone', () => {
    expect(courseStatusLook({ status: 'GRADED', grade: 'F' })).toEqual({ symbol: '✗', tone: 'rejected', key: 'GRADED_failed' });
  });

  it('keeps the symbols of a course in progress and a planned one, with an earlier grade in words', () => {
    expect(courseStatusLook({ status: 'IN_PROGRESS', grade: 'F' })).toEqual({ symbol: '…', tone: 'pending', key: 'IN_PROGRESS_grade' });
    expect(courseStatusLook({ status: 'IN_PROGRESS', grade: null })).toEqual({ symbol: '…', tone: 'pending', key: 'IN_PROGRESS' });
    expect(courseStatusLook({ status: 'PLANNED' })).toEqual({ symbol: '○', tone: 'withdrawn', key: 'PLANNED' });
  });
});
