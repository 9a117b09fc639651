// The school calendar of a läsår: terms, and the lov, holidays and studiedagar inside them.
// Municipalities set their own dates; these rules give a typical Swedish calendar:
// - autumn term (HT): the first Monday on or after 15 August to the last weekday on or before 20 December;
// - spring term (VT): the first weekday on or after 8 January to the last weekday on or before 12 June;
// - höstlov: Monday–Friday of ISO week 44; sportlov: Monday–Friday of ISO week 8 (both settable);
// - påsklov: Monday–Friday after Easter Sunday (so it holds annandag påsk);
// - public holidays on weekdays inside a term: långfredag, första maj, Kristi himmelsfärdsdag,
//   nationaldagen 6 June (and annandag påsk when no lov covers it), plus the klämdag after
//   Kristi himmelsfärdsdag;
// - two studiedagar: the Fridays before höstlov and before sportlov.
// Dates are `YYYY-MM-DD` strings throughout.
import { addDays, format, getISODay, parseISO } from 'date-fns';
import { isIsoDate, schoolDaysOfIsoWeek } from './iso-week.ts';

export type CalendarTermKind = 'AUTUMN' | 'SPRING';

/** Days inside a term without lessons. */
export interface CalendarBreak {
  name: string;
  nameEn: string;
  startDate: string;
  endDate: string;
}

export interface CalendarTerm {
  kind: CalendarTermKind;
  startDate: string;
  endDate: string;
  /** ordered by date, not overlapping */
  breaks: CalendarBreak[];
}

export interface SchoolYearCalendar {
  /** e.g. `2026/27` */
  name: string;
  startYear: number;
  /** the first day of the autumn term */
  startDate: string;
  /** the last day of the spring term */
  endDate: string;
  terms: [CalendarTerm, CalendarTerm];
  /** jullov, between the terms */
  holidayBetweenTerms: CalendarBreak;
}

export interface SchoolCalendarOptions {
  /** ISO week of höstlov, in the autumn term; default 44 */
  autumnBreakIsoWeek?: number;
  /** ISO week of sportlov, in the spring term; set per municipality (weeks 7–10); default 8 */
  winterBreakIsoWeek?: number;
}

const MONDAY = 1;
const FRIDAY = 5;

export function schoolYearCalendar(startYear: number, options: SchoolCalendarOptions = {}): SchoolYearCalendar {
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 2200) {
    throw new RangeError(`The school year must start in a year from 1900 to 2200, got ${startYear}`);
  }
  const autumnBreakWeek = isoWeekOption(options.autumnBreakIsoWeek, 44, 'autumnBreakIsoWeek');
  const winterBreakWeek = isoWeekOption(options.winterBreakIsoWeek, 8, 'winterBreakIsoWeek');
  const springYear = startYear + 1;

  const autumnStart = firstDayOnOrAfter(`${startYear}-08-15`, (date) => getISODay(parseISO(date)) === MONDAY);
  const autumnEnd = lastWeekdayOnOrBefore(`${startYear}-12-20`);
  const springStart = firstDayOnOrAfter(`${springYear}-01-08`, isWeekday);
  const springEnd = lastWeekdayOnOrBefore(`${springYear}-06-12`);

  const autumnBreak = weekBreak(startYear, autumnBreakWeek, 'Höstlov', 'Autumn break');
  const autumn = buildTerm('AUTUMN', autumnStart, autumnEnd, [autumnBreak, studyDay(addDaysTo(autumnBreak.startDate, -3))]);

  const easter = easterSunday(springYear);
  const ascension = addDaysTo(easter, 39);
  const winterBreak = weekBreak(springYear, winterBreakWeek, 'Sportlov', 'Winter sports break');
  const spring = buildTerm('SPRING', springStart, springEnd, [
    winterBreak,
    studyDay(addDaysTo(winterBreak.startDate, -3)),
    day(addDaysTo(easter, -2), 'Långfredag', 'Good Friday'),
    { name: 'Påsklov', nameEn: 'Easter break', startDate: addDaysTo(easter, 1), endDate: addDaysTo(easter, 5) },
    day(addDaysTo(easter, 1), 'Annandag påsk', 'Easter Monday'),
    day(`${springYear}-05-01`, 'Första maj', 'May Day'),
    day(ascension, 'Kristi himmelsfärdsdag', 'Ascension Day'),
    day(addDaysTo(ascension, 1), 'Klämdag', 'Bridge day'),
    day(`${springYear}-06-06`, 'Sveriges nationaldag', 'National Day of Sweden'),
  ]);

  return {
    name: `${startYear}/${String(springYear % 100).padStart(2, '0')}`,
    startYear,
    startDate: autumnStart,
    endDate: springEnd,
    terms: [autumn, spring],
    holidayBetweenTerms: {
      name: 'Jullov',
      nameEn: 'Christmas break',
      startDate: addDaysTo(autumnEnd, 1),
      endDate: addDaysTo(springStart, -1),
    },
  };
}

/** The year the school year of a date started: August–December belong to that year's läsår, January–July to the previous one's. */
export function schoolYearStartFor(date: string): number {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? year : year - 1;
}

/** The term a date lies in (from its first to its last day, breaks included), or null. */
export function termFor(date: string, calendar: SchoolYearCalendar): CalendarTerm | null {
  assertIsoDate(date);
  return calendar.terms.find((term) => term.startDate <= date && date <= term.endDate) ?? null;
}

/** A weekday inside a term and outside its breaks. */
export function isSchoolDay(date: string, calendar: SchoolYearCalendar): boolean {
  const term = termFor(date, calendar);
  return term !== null && isWeekday(date) && !term.breaks.some((b) => b.startDate <= date && date <= b.endDate);
}

/** The dates a term runs and its breaks: a CalendarTerm, or a term as stored. */
export interface TermDays {
  startDate: string;
  endDate: string;
  breaks: readonly { startDate: string; endDate: string }[];
}

/** Every school day of a term, in order. */
export function termSchoolDays(term: TermDays): string[] {
  const days: string[] = [];
  for (let date = term.startDate; date <= term.endDate; date = addDaysTo(date, 1)) {
    if (isWeekday(date) && !term.breaks.some((b) => b.startDate <= date && date <= b.endDate)) days.push(date);
  }
  return days;
}

/** Easter Sunday of a year (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/**
 * Keeps the candidates that fall on school weekdays of the term. Lov weeks must lie inside the term;
 * a single day that a lov already covers (annandag påsk in påsklov) or that falls on a weekend
 * (första maj on a Saturday) is left out.
 */
function buildTerm(kind: CalendarTermKind, startDate: string, endDate: string, candidates: CalendarBreak[]): CalendarTerm {
  const breaks: CalendarBreak[] = [];
  for (const candidate of candidates) {
    const isSingleDay = candidate.startDate === candidate.endDate;
    if (!isSingleDay && (candidate.startDate < startDate || candidate.endDate > endDate)) {
      throw new RangeError(
        `${candidate.name} (${candidate.startDate}–${candidate.endDate}) is not inside the term ${startDate}–${endDate}`,
      );
    }
    if (isSingleDay) {
      const date = candidate.startDate;
      if (date < startDate || date > endDate || !isWeekday(date)) continue;
      if (breaks.some((b) => b.startDate <= date && date <= b.endDate)) continue;
    }
    breaks.push(candidate);
  }
  breaks.sort((x, y) => x.startDate.localeCompare(y.startDate));
  return { kind, startDate, endDate, breaks };
}

function weekBreak(isoYear: number, isoWeek: number, name: string, nameEn: string): CalendarBreak {
  const days = schoolDaysOfIsoWeek({ isoYear, isoWeek });
  return { name, nameEn, startDate: days[0] as string, endDate: days[4] as string };
}

const day = (date: string, name: string, nameEn: string): CalendarBreak => ({ name, nameEn, startDate: date, endDate: date });
const studyDay = (date: string): CalendarBreak => day(date, 'Studiedag', 'Staff development day');

function isoWeekOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 52) throw new RangeError(`${name} must be an ISO week from 1 to 52, got ${value}`);
  return value;
}

function isWeekday(date: string): boolean {
  const weekday = getISODay(parseISO(date));
  return weekday >= MONDAY && weekday <= FRIDAY;
}

function firstDayOnOrAfter(date: string, accept: (date: string) => boolean): string {
  let current = date;
  while (!accept(current)) current = addDaysTo(current, 1);
  return current;
}

function lastWeekdayOnOrBefore(date: string): string {
  let current = date;
  while (!isWeekday(current)) current = addDaysTo(current, -1);
  return current;
}

// date-fns works on local-time Dates; parsing and formatting in the same zone keeps calendar days exact.
const addDaysTo = (date: string, days: number): string => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
}
