import { describe, expect, it } from 'vitest';
import { schoolMinuteInstant } from '../iso-week.ts';
import {
  changeNoteProblems,
  endSeriesProblems,
  formatClockTime,
  isChangedByHand,
  lessonMoveProblems,
  lessonSeriesProblems,
  originalValuesAfterChange,
  parseClockTime,
  planLessonGeneration,
  plannedLessons,
  seriesLessonDates,
  seriesSlotDate,
  type ExistingLesson,
  type LessonSeriesFields,
  type SeriesForGeneration,
} from './schedule.ts';

// HT 2026: 17 August – 18 December, höstlov in week 44 and a studiedag on Friday 23 October.
const term = {
  startDate: '2026-08-17',
  endDate: '2026-12-18',
  breaks: [
    { startDate: '2026-10-23', endDate: '2026-10-23' },
    { startDate: '2026-10-26', endDate: '2026-10-30' },
  ],
};

const series: LessonSeriesFields = {
  weekday: 3,
  startTime: '08:30',
  durationMinutes: 60,
  room: 'B12',
  validFrom: '2026-08-17',
  validTo: '2026-12-18',
  teacherIds: ['t1'],
};

describe('clock times', () => {
  it('reads HH:MM and H:MM, and nothing else', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(parseClockTime('8:05')).toBe(485);
    expect(parseClockTime(' 14:00 ')).toBe(840);
    for (const bad of ['24:00', '8.30', '08:60', '', '0830', 'åtta']) expect(parseClockTime(bad)).toBeNull();
  });

  it('writes minutes as HH:MM', () => {
    expect(formatClockTime(510)).toBe('08:30');
    expect(formatClockTime(0)).toBe('00:00');
  });
});

describe('lesson series fields', () => {
  it('accepts a series inside its term', () => {
    expect(lessonSeriesProblems(series, term)).toEqual([]);
  });

  it('names every wrong field with its code', () => {
    expect(
      lessonSeriesProblems(
        {
          ...series,
          weekday: 6,
          startTime: '25:00',
          durationMinutes: 5,
          room: 'x'.repeat(41),
          validFrom: '2026-08-10',
          validTo: '2027-01-10',
        },
        term,
      ),
    ).toEqual([
      { field: 'weekday', code: 'NOT_A_WEEKDAY' },
      { field: 'startTime', code: 'INVALID_TIME' },
      { field: 'durationMinutes', code: 'OUT_OF_RANGE' },
      { field: 'room', code: 'TOO_LONG' },
      { field: 'validFrom', code: 'OUTSIDE_TERM' },
      { field: 'validTo', code: 'OUTSIDE_TERM' },
    ]);
  });

  it('refuses an end before the start, an impossible date, school hours overrun and too many teachers', () => {
    expect(lessonSeriesProblems({ ...series, validFrom: '2026-09-10', validTo: '2026-09-09' }, term)).toEqual([
      { field: 'validTo', code: 'BEFORE_START' },
    ]);
    expect(lessonSeriesProblems({ ...series, validFrom: '2026-02-30' }, term)).toEqual([{ field: 'validFrom', code: 'INVALID_DATE' }]);
    expect(lessonSeriesProblems({ ...series, startTime: '21:30' }, term)).toEqual([{ field: 'startTime', code: 'OUTSIDE_SCHOOL_DAY' }]);
    expect(lessonSeriesProblems({ ...series, startTime: '05:45' }, term)).toEqual([{ field: 'startTime', code: 'OUTSIDE_SCHOOL_DAY' }]);
    expect(lessonSeriesProblems({ ...series, teacherIds: Array.from({ length: 11 }, (_, i) => `t${i}`) }, term)).toEqual([
      { field: 'teacherIds', code: 'TOO_MANY' },
    ]);
  });

  it('ends a series on a day inside it only', () => {
    expect(endSeriesProblems(series, '2026-10-01')).toEqual([]);
    expect(endSeriesProblems(series, '2026-08-16')).toEqual([{ field: 'lastDate', code: 'BEFORE_START' }]);
    expect(endSeriesProblems(series, '2026-12-19')).toEqual([{ field: 'lastDate', code: 'AFTER_END' }]);
    expect(endSeriesProblems(series, 'igår')).toEqual([{ field: 'lastDate', code: 'INVALID_DATE' }]);
  });
});

describe('dates of a series', () => {
  it('are its weekday on school days, none in höstlov', () => {
    const dates = seriesLessonDates(series, term);
    expect(dates[0]).toBe('2026-08-19');
    expect(dates).not.toContain('2026-10-28');
    expect(dates).toHaveLength(17);
  });

  it('start at the later of its start and the given date, and stop at its end', () => {
    expect(seriesLessonDates({ ...series, validTo: '2026-09-09' }, term, '2026-09-01')).toEqual(['2026-09-02', '2026-09-09']);
    expect(seriesLessonDates({ weekday: 5, validFrom: '2026-10-19', validTo: '2026-11-06' }, term)).toEqual(['2026-11-06']);
  });
});

describe('moving a lesson', () => {
  const move = { date: '2026-11-26', startTime: '10:00', durationMinutes: 60, room: 'B14' };
  it('accepts a school day of the term', () => expect(lessonMoveProblems(move, term)).toEqual([]));
  it('refuses a break, a weekend, outside the term and a bad date', () => {
    expect(lessonMoveProblems({ ...move, date: '2026-10-28' }, term)).toEqual([{ field: 'date', code: 'ON_BREAK' }]);
    expect(lessonMoveProblems({ ...move, date: '2026-10-23' }, term)).toEqual([{ field: 'date', code: 'ON_BREAK' }]);
    expect(lessonMoveProblems({ ...move, date: '2026-11-28' }, term)).toEqual([{ field: 'date', code: 'NOT_A_WEEKDAY' }]);
    expect(lessonMoveProblems({ ...move, date: '2027-01-11' }, term)).toEqual([{ field: 'date', code: 'OUTSIDE_TERM' }]);
    expect(lessonMoveProblems({ ...move, date: '26/11' }, term)).toEqual([{ field: 'date', code: 'INVALID_DATE' }]);
  });
  it('needs a note, not too long', () => {
    expect(changeNoteProblems('  ')).toEqual([{ field: 'note', code: 'REQUIRED' }]);
    expect(changeNoteProblems('x'.repeat(301), 'reason')).toEqual([{ field: 'reason', code: 'TOO_LONG' }]);
    expect(changeNoteProblems('Vikarie')).toEqual([]);
  });
});

describe('original values of a changed lesson', () => {
  const start = schoolMinuteInstant('2026-11-25', 510);
  const lesson = {
    startsAt: start,
    endsAt: schoolMinuteInstant('2026-11-25', 570),
    room: 'B12',
    originalStartsAt: null,
    originalRoom: null,
  };
  const later = schoolMinuteInstant('2026-11-26', 600);

  it('keeps the planned time and room on the first change, and still on the next', () => {
    const first = originalValuesAfterChange(lesson, { startsAt: later, endsAt: later, room: 'B14' });
    expect(first).toEqual({ originalStartsAt: start, originalRoom: 'B12' });
    const second = originalValuesAfterChange(
      { ...lesson, startsAt: later, room: 'B14', ...first },
      { startsAt: start, endsAt: start, room: 'B15' },
    );
    expect(second).toEqual({ originalStartsAt: null, originalRoom: 'B12' });
  });

  it('finds the series date of a moved lesson, and what counts as changed by hand', () => {
    expect(seriesSlotDate({ date: '2026-11-26', originalStartsAt: start })).toBe('2026-11-25');
    expect(seriesSlotDate({ date: '2026-11-26', originalStartsAt: null })).toBe('2026-11-26');
    const plain = { status: 'SCHEDULED', originalStartsAt: null, originalRoom: null, changeNote: null };
    expect(isChangedByHand(plain)).toBe(false);
    expect(isChangedByHand({ ...plain, status: 'CANCELLED' })).toBe(true);
    expect(isChangedByHand({ ...plain, changeNote: 'Vikarie' })).toBe(true);
  });
});

describe('generating lessons', () => {
  const math: SeriesForGeneration = {
    id: 's1',
    groupId: 'g1',
    subjectId: 'MA',
    weekday: 3,
    startMinute: 510,
    durationMinutes: 60,
    room: 'B12',
    validFrom: '2026-08-17',
    validTo: '2026-12-18',
    teacherIds: ['t1'],
  };
  const planned = plannedLessons([math], term, '2026-11-25');
  const existingOf = (date: string, overrides: Partial<ExistingLesson> = {}): ExistingLesson => {
    const lesson = planned.find((p) => p.date === date)!;
    return {
      id: `l-${date}`,
      seriesId: 's1',
      slotDate: date,
      subjectId: 'MA',
      startsAt: lesson.startsAt,
      endsAt: lesson.endsAt,
      room: 'B12',
      teacherIds: ['t1'],
      hasAttendance: false,
      changedByHand: false,
      ...overrides,
    };
  };

  it('plans local times across the change to winter time', () => {
    const early = plannedLessons([math], term, '2026-10-21');
    expect(early[0]!.startsAt.toISOString()).toBe('2026-10-21T06:30:00.000Z');
    expect(early[1]!.startsAt.toISOString()).toBe('2026-11-04T07:30:00.000Z');
    expect(planned.map((p) => p.date)).toEqual(['2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16']);
  });

  it('creates what is missing, and nothing the second time', () => {
    const first = planLessonGeneration(planned, []);
    expect(first.create).toHaveLength(4);
    const again = planLessonGeneration(
      planned,
      planned.map((p) => existingOf(p.date)),
    );
    expect(again).toEqual({ create: [], update: [], remove: [], unchanged: 4, keptWithAttendance: 0, keptChanged: 0 });
  });

  it('updates lessons to a changed series, keeps those with attendance or changed by hand, removes duplicates and dropped dates', () => {
    const moved = plannedLessons([{ ...math, startMinute: 600, teacherIds: ['t2'] }], term, '2026-11-25').slice(0, 3);
    const plan = planLessonGeneration(moved, [
      existingOf('2026-11-25', { hasAttendance: true }),
      existingOf('2026-12-02', { changedByHand: true }),
      existingOf('2026-12-09'),
      existingOf('2026-12-09', { id: 'duplicate' }),
      existingOf('2026-12-16'),
    ]);
    expect(plan.keptWithAttendance).toBe(1);
    expect(plan.keptChanged).toBe(1);
    expect(plan.update).toEqual([{ id: 'l-2026-12-09', lesson: moved[2], teachersChanged: true }]);
    expect(plan.remove.sort()).toEqual(['duplicate', 'l-2026-12-16']);
    expect(plan.create).toEqual([]);
  });

  it('never removes a lesson with attendance whose date the series no longer has', () => {
    const plan = planLessonGeneration([], [existingOf('2026-11-25', { hasAttendance: true })]);
    expect(plan).toMatchObject({ remove: [], keptWithAttendance: 1 });
  });
});
