import { describe, it, expect } from 'vitest';
import { easterSunday, isSchoolDay, schoolYearCalendar, schoolYearStartFor, termFor, termSchoolDays } from './school-calendar.ts';

describe('easterSunday', () => {
  it('matches known Easter dates, including the earliest and latest possible', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
});

describe('schoolYearCalendar 2026/27', () => {
  const calendar = schoolYearCalendar(2026);
  const [autumn, spring] = calendar.terms;

  it('names the year and spans August to June', () => {
    expect(calendar.name).toBe('2026/27');
    expect(calendar.startYear).toBe(2026);
    expect(calendar.startDate).toBe('2026-08-17');
    expect(calendar.endDate).toBe('2027-06-11');
  });

  it('has the autumn term with höstlov in week 44 and a studiedag before it', () => {
    expect(autumn).toEqual({
      kind: 'AUTUMN',
      startDate: '2026-08-17',
      endDate: '2026-12-18',
      breaks: [
        { name: 'Studiedag', nameEn: 'Staff development day', startDate: '2026-10-23', endDate: '2026-10-23' },
        { name: 'Höstlov', nameEn: 'Autumn break', startDate: '2026-10-26', endDate: '2026-10-30' },
      ],
    });
  });

  it('has the spring term with sportlov, Easter (28 March 2027) and Ascension', () => {
    expect(spring.kind).toBe('SPRING');
    expect(spring.startDate).toBe('2027-01-08');
    expect(spring.endDate).toBe('2027-06-11');
    expect(spring.breaks.map((b) => [b.name, b.startDate, b.endDate])).toEqual([
      ['Studiedag', '2027-02-19', '2027-02-19'],
      ['Sportlov', '2027-02-22', '2027-02-26'],
      ['Långfredag', '2027-03-26', '2027-03-26'],
      // holds annandag påsk, 29 March
      ['Påsklov', '2027-03-29', '2027-04-02'],
      // 1 May and 6 June 2027 are on a Saturday and a Sunday
      ['Kristi himmelsfärdsdag', '2027-05-06', '2027-05-06'],
      ['Klämdag', '2027-05-07', '2027-05-07'],
    ]);
  });

  it('puts jullov between the terms', () => {
    expect(calendar.holidayBetweenTerms).toEqual({
      name: 'Jullov',
      nameEn: 'Christmas break',
      startDate: '2026-12-19',
      endDate: '2027-01-07',
    });
  });

  it('counts school days within the 178–190 of skolförordningen', () => {
    expect(termSchoolDays(autumn)).toHaveLength(84);
    expect(termSchoolDays(spring)).toHaveLength(97);
  });

  it('tells school days from lov, holidays, weekends and days outside the terms', () => {
    const expectations: Record<string, boolean> = {
      '2026-08-14': false, // before the term
      '2026-08-17': true, // first day
      '2026-10-22': true,
      '2026-10-23': false, // studiedag
      '2026-10-27': false, // höstlov
      '2026-11-27': true,
      '2026-11-28': false, // Saturday
      '2026-12-18': true, // last day of HT
      '2026-12-21': false, // jullov
      '2027-01-08': true,
      '2027-02-24': false, // sportlov
      '2027-03-26': false, // långfredag
      '2027-03-29': false, // annandag påsk
      '2027-04-05': true,
      '2027-05-06': false,
      '2027-05-07': false,
      '2027-06-11': true,
      '2027-06-14': false, // sommarlov
    };
    for (const [date, expected] of Object.entries(expectations)) expect([date, isSchoolDay(date, calendar)]).toEqual([date, expected]);
  });

  it('lists term school days that agree with isSchoolDay', () => {
    const days = termSchoolDays(autumn);
    expect(days[0]).toBe('2026-08-17');
    expect(days.at(-1)).toBe('2026-12-18');
    expect(days.every((date) => isSchoolDay(date, calendar))).toBe(true);
    expect(days).not.toContain('2026-10-26');
  });

  it('finds the term of a date', () => {
    expect(termFor('2026-11-27', calendar)?.kind).toBe('AUTUMN');
    expect(termFor('2027-03-01', calendar)?.kind).toBe('SPRING');
    expect(termFor('2027-01-01', calendar)).toBeNull();
  });
});

describe('schoolYearCalendar rules in other years', () => {
  it('keeps första maj and nationaldagen when they fall on weekdays (2027/28)', () => {
    const spring = schoolYearCalendar(2027).terms[1];
    const names = spring.breaks.map((b) => `${b.name} ${b.startDate}`);
    expect(names).toContain('Första maj 2028-05-01');
    expect(names).toContain('Sveriges nationaldag 2028-06-06');
    expect(names).toContain('Påsklov 2028-04-17');
    expect(names).toContain('Kristi himmelsfärdsdag 2028-05-25');
  });

  it('starts the autumn term on 15 August when that is a Monday', () => {
    expect(schoolYearCalendar(2033).startDate).toBe('2033-08-15');
    expect(schoolYearCalendar(2025).startDate).toBe('2025-08-18');
  });

  it('never lets breaks overlap, and keeps them inside their terms on weekdays', () => {
    for (let year = 2020; year <= 2060; year++) {
      const calendar = schoolYearCalendar(year);
      for (const term of calendar.terms) {
        let previousEnd = '';
        for (const b of term.breaks) {
          expect(b.startDate > previousEnd).toBe(true);
          expect(b.startDate >= term.startDate && b.endDate <= term.endDate).toBe(true);
          previousEnd = b.endDate;
        }
      }
      const total = termSchoolDays(calendar.terms[0]).length + termSchoolDays(calendar.terms[1]).length;
      expect(total).toBeGreaterThanOrEqual(175);
      expect(total).toBeLessThanOrEqual(190);
    }
  });

  it('takes the municipality’s lov weeks', () => {
    const calendar = schoolYearCalendar(2026, { winterBreakIsoWeek: 9, autumnBreakIsoWeek: 43 });
    expect(calendar.terms[1].breaks.find((b) => b.name === 'Sportlov')).toMatchObject({ startDate: '2027-03-01', endDate: '2027-03-05' });
    expect(calendar.terms[0].breaks.find((b) => b.name === 'Höstlov')).toMatchObject({ startDate: '2026-10-19', endDate: '2026-10-23' });
  });

  it('refuses bad years and lov weeks outside the term', () => {
    expect(() => schoolYearCalendar(2026.5)).toThrow(RangeError);
    expect(() => schoolYearCalendar(2026, { winterBreakIsoWeek: 0 })).toThrow(RangeError);
    expect(() => schoolYearCalendar(2026, { autumnBreakIsoWeek: 52 })).toThrow(/Höstlov/);
  });
});

describe('schoolYearStartFor', () => {
  it('puts August–December in that year’s läsår and January–July in the previous', () => {
    expect(schoolYearStartFor('2026-11-27')).toBe(2026);
    expect(schoolYearStartFor('2026-08-01')).toBe(2026);
    expect(schoolYearStartFor('2027-03-01')).toBe(2026);
    expect(schoolYearStartFor('2027-07-31')).toBe(2026);
  });

  it('refuses malformed dates', () => {
    expect(() => schoolYearStartFor('2026-13-01')).toThrow(RangeError);
    expect(() => schoolYearStartFor('26-11-27')).toThrow(RangeError);
  });
});
