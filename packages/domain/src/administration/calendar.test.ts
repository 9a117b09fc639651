import { describe, expect, it } from 'vitest';
import { checkSchoolBreak, checkSchoolYear, checkTerm, schoolYearName, schoolYearNameStart, type TermDraft } from './calendar.ts';

const YEAR = { name: '2026/27', startDate: '2026-08-17', endDate: '2027-06-11' };
const AUTUMN: TermDraft = { kind: 'AUTUMN', startDate: '2026-08-17', endDate: '2026-12-18' };
const SPRING: TermDraft = { kind: 'SPRING', startDate: '2027-01-11', endDate: '2027-06-11' };
const NONE = { others: [], terms: [] };

describe('school year names', () => {
  it('names a year after its start, the next year in two digits, across a century', () => {
    expect(schoolYearName(2026)).toBe('2026/27');
    expect(schoolYearName(2099)).toBe('2099/00');
    expect(schoolYearNameStart('2026/27')).toBe(2026);
    expect(schoolYearNameStart('2099/00')).toBe(2099);
    expect(schoolYearNameStart('2026/28')).toBeNull();
    expect(schoolYearNameStart('2026-27')).toBeNull();
    expect(schoolYearNameStart('HT 2026')).toBeNull();
  });
});

describe('checkSchoolYear', () => {
  it('accepts a year from August to June', () => {
    expect(checkSchoolYear(YEAR, NONE)).toEqual([]);
  });

  it('refuses a missing or malformed name and one not of the start year', () => {
    expect(checkSchoolYear({ ...YEAR, name: ' ' }, NONE)).toEqual([{ field: 'name', code: 'REQUIRED' }]);
    expect(checkSchoolYear({ ...YEAR, name: '2026/28' }, NONE)).toEqual([{ field: 'name', code: 'INVALID_NAME' }]);
    expect(checkSchoolYear({ ...YEAR, name: '2025/26' }, NONE)).toEqual([{ field: 'name', code: 'NAME_NOT_START_YEAR' }]);
  });

  it('refuses bad dates, an end before the start, and a year longer than a year', () => {
    expect(checkSchoolYear({ ...YEAR, startDate: '2026-02-30', endDate: 'juni' }, NONE)).toEqual([
      { field: 'startDate', code: 'INVALID_DATE' },
      { field: 'endDate', code: 'INVALID_DATE' },
    ]);
    expect(checkSchoolYear({ ...YEAR, endDate: '2026-08-16' }, NONE)).toEqual([{ field: 'endDate', code: 'END_BEFORE_START' }]);
    expect(checkSchoolYear({ ...YEAR, endDate: '2027-08-18' }, NONE)).toEqual([{ field: 'endDate', code: 'TOO_LONG' }]);
  });

  it('refuses a name taken and dates overlapping another year of the organisation', () => {
    const other = { name: '2026/27', startDate: '2025-08-18', endDate: '2026-08-17' };
    expect(checkSchoolYear(YEAR, { others: [other], terms: [] })).toEqual([
      { field: 'name', code: 'DUPLICATE' },
      { field: 'startDate', code: 'OVERLAPS' },
    ]);
    expect(checkSchoolYear(YEAR, { others: [{ ...other, name: '2025/26', endDate: '2026-08-16' }], terms: [] })).toEqual([]);
  });

  it('refuses new dates that leave one of its terms outside', () => {
    expect(checkSchoolYear({ ...YEAR, startDate: '2026-09-01', endDate: '2027-06-01' }, { others: [], terms: [AUTUMN, SPRING] })).toEqual([
      { field: 'startDate', code: 'TERMS_OUTSIDE' },
      { field: 'endDate', code: 'TERMS_OUTSIDE' },
    ]);
  });
});

describe('checkTerm', () => {
  const context = { schoolYear: YEAR, others: [], breaks: [], lessonSeries: [] };

  it('accepts the autumn and the spring term inside the year', () => {
    expect(checkTerm(AUTUMN, context)).toEqual([]);
    expect(checkTerm(SPRING, { ...context, others: [AUTUMN] })).toEqual([]);
  });

  it('refuses bad dates and an end before the start', () => {
    expect(checkTerm({ ...AUTUMN, startDate: '2026-13-01' }, context)).toEqual([{ field: 'startDate', code: 'INVALID_DATE' }]);
    expect(checkTerm({ ...AUTUMN, endDate: '2026-08-01' }, context)).toEqual([{ field: 'endDate', code: 'END_BEFORE_START' }]);
  });

  it('refuses a term outside its school year, at the date that is outside', () => {
    expect(checkTerm({ ...AUTUMN, startDate: '2026-08-10' }, context)).toEqual([{ field: 'startDate', code: 'OUTSIDE_SCHOOL_YEAR' }]);
    expect(checkTerm({ ...SPRING, endDate: '2027-06-30' }, context)).toEqual([{ field: 'endDate', code: 'OUTSIDE_SCHOOL_YEAR' }]);
  });

  it('refuses a second term of a kind, an overlap with the other term, and a spring term before the autumn term', () => {
    expect(checkTerm(AUTUMN, { ...context, others: [AUTUMN] })).toEqual([{ field: 'kind', code: 'DUPLICATE' }]);
    expect(checkTerm({ ...SPRING, startDate: '2026-12-01' }, { ...context, others: [AUTUMN] })).toEqual([
      { field: 'startDate', code: 'OVERLAPS' },
    ]);
    expect(
      checkTerm(
        { kind: 'AUTUMN', startDate: '2027-01-11', endDate: '2027-06-11' },
        { ...context, others: [{ ...AUTUMN, kind: 'SPRING' }] },
      ),
    ).toEqual([{ field: 'kind', code: 'OUT_OF_ORDER' }]);
  });

  it('refuses new dates that leave its breaks or its lesson series outside', () => {
    const breaks = [{ startDate: '2026-08-17', endDate: '2026-08-17' }];
    const lessonSeries = [{ startDate: '2026-08-17', endDate: '2026-12-18' }];
    expect(checkTerm({ ...AUTUMN, startDate: '2026-08-18', endDate: '2026-12-17' }, { ...context, breaks, lessonSeries })).toEqual([
      { field: 'startDate', code: 'BREAKS_OUTSIDE' },
      { field: 'startDate', code: 'LESSONS_OUTSIDE' },
      { field: 'endDate', code: 'LESSONS_OUTSIDE' },
    ]);
  });
});

describe('checkSchoolBreak', () => {
  const context = { term: AUTUMN, others: [{ startDate: '2026-10-26', endDate: '2026-10-30' }] };

  it('accepts a named break inside its term, one day or several', () => {
    expect(checkSchoolBreak({ name: 'Studiedag', startDate: '2026-10-23', endDate: '2026-10-23' }, context)).toEqual([]);
    expect(checkSchoolBreak({ name: 'Höstlov', startDate: '2026-10-26', endDate: '2026-10-30' }, { ...context, others: [] })).toEqual([]);
  });

  it('refuses a blank or over-long name, bad dates and an end before the start', () => {
    expect(checkSchoolBreak({ name: '', startDate: 'x', endDate: '2026-10-23' }, context)).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'startDate', code: 'INVALID_DATE' },
    ]);
    expect(checkSchoolBreak({ name: 'x'.repeat(101), startDate: '2026-10-23', endDate: '2026-10-22' }, context)).toEqual([
      { field: 'name', code: 'TOO_LONG' },
      { field: 'endDate', code: 'END_BEFORE_START' },
    ]);
  });

  it('refuses a break outside its term and one overlapping another break', () => {
    expect(checkSchoolBreak({ name: 'Jullov', startDate: '2026-12-14', endDate: '2027-01-08' }, context)).toEqual([
      { field: 'endDate', code: 'OUTSIDE_TERM' },
    ]);
    expect(checkSchoolBreak({ name: 'Lov', startDate: '2026-08-01', endDate: '2026-08-20' }, context)).toEqual([
      { field: 'startDate', code: 'OUTSIDE_TERM' },
    ]);
    expect(checkSchoolBreak({ name: 'Lov', startDate: '2026-10-30', endDate: '2026-11-02' }, context)).toEqual([
      { field: 'startDate', code: 'OVERLAPS' },
    ]);
  });
});
