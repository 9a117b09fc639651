// The basic schedule (grundschema) and changes to single lessons: what an administrator may enter, which
// dates a weekly series gives, and how generating a term's lessons again treats the lessons already there.
// Dates are `YYYY-MM-DD`; times of day are minutes after local midnight, shown as `HH:MM`.
import { isIsoDate, schoolDateOf, schoolMinuteInstant } from '../iso-week.ts';
import { termSchoolDays, type TermDays } from '../school-calendar.ts';

export interface ScheduleProblem {
  field: string;
  code: string;
}

/** Lessons lie inside these hours, so a typo like 02:30 for 14:30 is caught. */
export const SCHOOL_DAY_START_MINUTE = 6 * 60;
export const SCHOOL_DAY_END_MINUTE = 22 * 60;
export const MIN_LESSON_MINUTES = 10;
export const MAX_LESSON_MINUTES = 300;
export const MAX_ROOM_LENGTH = 40;
export const MAX_CHANGE_NOTE_LENGTH = 300;
export const MAX_SERIES_TEACHERS = 10;

const CLOCK_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `08:30` or `8:30` as minutes after midnight; null for anything else. */
export function parseClockTime(text: string): number | null {
  const match = CLOCK_PATTERN.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight as `HH:MM`. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function timeProblems(startTime: string, durationMinutes: number): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const start = parseClockTime(startTime);
  const durationOk = Number.isInteger(durationMinutes) && durationMinutes >= MIN_LESSON_MINUTES && durationMinutes <= MAX_LESSON_MINUTES;
  if (start === null) problems.push({ field: 'startTime', code: 'INVALID_TIME' });
  else if (start < SCHOOL_DAY_START_MINUTE || (durationOk && start + durationMinutes > SCHOOL_DAY_END_MINUTE)) {
    problems.push({ field: 'startTime', code: 'OUTSIDE_SCHOOL_DAY' });
  }
  if (!durationOk) problems.push({ field: 'durationMinutes', code: 'OUT_OF_RANGE' });
  return problems;
}

function roomProblems(room: string | null): ScheduleProblem[] {
  return room !== null && room.trim().length > MAX_ROOM_LENGTH ? [{ field: 'room', code: 'TOO_LONG' }] : [];
}

export interface LessonSeriesFields {
  weekday: number;
  startTime: string;
  durationMinutes: number;
  room: string | null;
  validFrom: string;
  validTo: string;
  teacherIds: readonly string[];
}

/** Everything wrong with a series' fields against its term, each field once. */
export function lessonSeriesProblems(series: LessonSeriesFields, term: { startDate: string; endDate: string }): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!Number.isInteger(series.weekday) || series.weekday < 1 || series.weekday > 5) {
    problems.push({ field: 'weekday', code: 'NOT_A_WEEKDAY' });
  }
  problems.push(...timeProblems(series.startTime, series.durationMinutes), ...roomProblems(series.room));
  const inTerm = (date: string) => term.startDate <= date && date <= term.endDate;
  for (const field of ['validFrom', 'validTo'] as const) {
    const date = series[field];
    if (!isIsoDate(date)) problems.push({ field, code: 'INVALID_DATE' });
    else if (!inTerm(date)) problems.push({ field, code: 'OUTSIDE_TERM' });
  }
  const datesOk = !problems.some((problem) => problem.field === 'validFrom' || problem.field === 'validTo');
  if (datesOk && series.validTo < series.validFrom) problems.push({ field: 'validTo', code: 'BEFORE_START' });
  if (new Set(series.teacherIds).size > MAX_SERIES_TEACHERS) problems.push({ field: 'teacherIds', code: 'TOO_MANY' });
  return problems;
}

/** Ending a series on a date: from its first day to its current last day. */
export function endSeriesProblems(series: { validFrom: string; validTo: string }, lastDate: string): ScheduleProblem[] {
  if (!isIsoDate(lastDate)) return [{ field: 'lastDate', code: 'INVALID_DATE' }];
  if (lastDate < series.validFrom) return [{ field: 'lastDate', code: 'BEFORE_START' }];
  if (lastDate > series.validTo) return [{ field: 'lastDate', code: 'AFTER_END' }];
  return [];
}

/** The dates a series has lessons: school days of its term on its weekday, while it runs, from `from` on. */
export function seriesLessonDates(
  series: { weekday: number; validFrom: string; validTo: string },
  term: TermDays,
  from: string = term.startDate,
): string[] {
  const first = series.validFrom > from ? series.validFrom : from;
  return termSchoolDays(term).filter((date) => date >= first && date <= series.validTo && isoWeekdayOf(date) === series.weekday);
}

export interface LessonMove {
  date: string;
  startTime: string;
  durationMinutes: number;
  room: string | null;
}

/** A lesson moved or given another room: onto a school day of its own term, within school hours. */
export function lessonMoveProblems(move: LessonMove, term: TermDays): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isIsoDate(move.date)) problems.push({ field: 'date', code: 'INVALID_DATE' });
  else if (move.date < term.startDate || move.date > term.endDate) problems.push({ field: 'date', code: 'OUTSIDE_TERM' });
  else if (isoWeekdayOf(move.date) > 5) problems.push({ field: 'date', code: 'NOT_A_WEEKDAY' });
  else if (term.breaks.some((b) => b.startDate <= move.date && move.date <= b.endDate)) problems.push({ field: 'date', code: 'ON_BREAK' });
  problems.push(...timeProblems(move.startTime, move.durationMinutes), ...roomProblems(move.room));
  return problems;
}

/** The note shown with a changed or cancelled lesson: required, and short enough for the schedule. */
export function changeNoteProblems(note: string, field = 'note'): ScheduleProblem[] {
  const trimmed = note.trim();
  if (trimmed === '') return [{ field, code: 'REQUIRED' }];
  if (trimmed.length > MAX_CHANGE_NOTE_LENGTH) return [{ field, code: 'TOO_LONG' }];
  return [];
}

export interface LessonPlacement {
  startsAt: Date;
  endsAt: Date;
  room: string | null;
}

/**
 * The original values to keep when a lesson is moved or changes room: the first change keeps the series'
 * value, later ones keep it still, and moving back clears it, so the schedule marks only real differences.
 */
export function originalValuesAfterChange(
  current: LessonPlacement & { originalStartsAt: Date | null; originalRoom: string | null },
  next: LessonPlacement,
): { originalStartsAt: Date | null; originalRoom: string | null } {
  const plannedStart = current.originalStartsAt ?? current.startsAt;
  const plannedRoom = current.originalRoom ?? current.room;
  return {
    originalStartsAt: plannedStart.getTime() === next.startsAt.getTime() ? null : plannedStart,
    originalRoom: plannedRoom === next.room ? null : plannedRoom,
  };
}

/** The date a lesson belongs to in its series: where the series put it, before any move. */
export function seriesSlotDate(lesson: { date: string; originalStartsAt: Date | null }): string {
  return lesson.originalStartsAt ? schoolDateOf(lesson.originalStartsAt) : lesson.date;
}

/** A lesson someone changed by hand (cancelled, moved, new room, or a note such as a substitute's). */
export function isChangedByHand(lesson: {
  status: string;
  originalStartsAt: Date | null;
  originalRoom: string | null;
  changeNote: string | null;
}): boolean {
  return lesson.status === 'CANCELLED' || lesson.originalStartsAt !== null || lesson.originalRoom !== null || lesson.changeNote !== null;
}

export interface SeriesForGeneration {
  id: string;
  groupId: string;
  subjectId: string;
  weekday: number;
  startMinute: number;
  durationMinutes: number;
  room: string | null;
  validFrom: string;
  validTo: string;
  teacherIds: readonly string[];
}

export interface PlannedLesson {
  seriesId: string;
  groupId: string;
  subjectId: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  teacherIds: readonly string[];
}

/** The lessons a term's series give from a date on; lov, holidays and studiedagar have none. */
export function plannedLessons(series: readonly SeriesForGeneration[], term: TermDays, from: string): PlannedLesson[] {
  const schoolDays = termSchoolDays(term).filter((date) => date >= from);
  return series.flatMap((s) =>
    schoolDays
      .filter((date) => date >= s.validFrom && date <= s.validTo && isoWeekdayOf(date) === s.weekday)
      .map((date) => ({
        seriesId: s.id,
        groupId: s.groupId,
        subjectId: s.subjectId,
        date,
        startsAt: schoolMinuteInstant(date, s.startMinute),
        endsAt: schoolMinuteInstant(date, s.startMinute + s.durationMinutes),
        room: s.room,
        teacherIds: s.teacherIds,
      })),
  );
}

export interface ExistingLesson {
  id: string;
  seriesId: string;
  /** the date the series put it on (seriesSlotDate) */
  slotDate: string;
  subjectId: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  teacherIds: readonly string[];
  /** a roll call was saved: never changed or removed by generation */
  hasAttendance: boolean;
  changedByHand: boolean;
}

export interface GenerationPlan {
  create: PlannedLesson[];
  update: { id: string; lesson: PlannedLesson; teachersChanged: boolean }[];
  remove: string[];
  unchanged: number;
  keptWithAttendance: number;
  keptChanged: number;
}

const sameTeachers = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * What generating from a date does to the lessons there from that date on (the caller passes only those).
 * A lesson with attendance is never touched, and fills its series' slot so no second lesson is made; a
 * lesson changed by hand stays while its slot is still planned; other lessons follow the series: updated
 * when the series changed, removed when the series no longer has that date. Running it twice changes nothing.
 */
export function planLessonGeneration(planned: readonly PlannedLesson[], existing: readonly ExistingLesson[]): GenerationPlan {
  const key = (seriesId: string, date: string) => `${seriesId}|${date}`;
  const wanted = new Map(planned.map((lesson) => [key(lesson.seriesId, lesson.date), lesson]));
  const bySlot = new Map<string, ExistingLesson[]>();
  for (const lesson of existing) {
    const slot = key(lesson.seriesId, lesson.slotDate);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), lesson]);
  }
  const plan: GenerationPlan = { create: [], update: [], remove: [], unchanged: 0, keptWithAttendance: 0, keptChanged: 0 };
  for (const [slot, lessons] of bySlot) {
    const target = wanted.get(slot);
    // Lessons with attendance first, then those changed by hand: the one kept for a slot is the one that matters most.
    const ordered = [...lessons].sort(
      (a, b) => Number(b.hasAttendance) - Number(a.hasAttendance) || Number(b.changedByHand) - Number(a.changedByHand),
    );
    ordered.forEach((lesson, index) => {
      if (lesson.hasAttendance) plan.keptWithAttendance += 1;
      else if (!target || index > 0) plan.remove.push(lesson.id);
      else if (lesson.changedByHand) plan.keptChanged += 1;
      else {
        const teachersChanged = !sameTeachers(lesson.teacherIds, target.teacherIds);
        const same =
          lesson.subjectId === target.subjectId &&
          lesson.startsAt.getTime() === target.startsAt.getTime() &&
          lesson.endsAt.getTime() === target.endsAt.getTime() &&
          lesson.room === target.room;
        if (same && !teachersChanged) plan.unchanged += 1;
        else plan.update.push({ id: lesson.id, lesson: target, teachersChanged });
      }
    });
  }
  for (const [slot, lesson] of wanted) if (!bySlot.has(slot)) plan.create.push(lesson);
  return plan;
}
