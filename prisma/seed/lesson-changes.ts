// Cancelled and moved lessons: a few spread over the term, and some in the week of `today` and the
// next one for the demo student's class, so that the schedule shows them.
import { termSchoolDays } from '@insyn/domain';
import type { CalendarTerm } from '@insyn/domain';
import { CANCELLATION_NOTES, MOVE_NOTES, ROOM_CHANGE_NOTES, SPARE_ROOMS } from './catalogue.ts';
import { addDaysIso, isoWeekday, mondayOf, schoolInstant } from './dates.ts';
import type { ClassRecord, GroupRecord, LessonChange, SeriesRecord } from './model.ts';
import type { SeededRandom } from './random.ts';
import { periodsOverlap } from './timetable.ts';
import type { Period } from './timetable.ts';

/** Shares of all lessons of class-bound groups. */
const CANCELLED_SHARE = 0.0025;
const MOVED_SHARE = 0.0015;
const ROOM_CHANGED_SHARE = 0.001;
/** moved lessons must end by 16:30 */
const LATEST_END = 16 * 60 + 30;

export interface LessonChangesInput {
  random: SeededRandom;
  term: CalendarTerm;
  today: string;
  classes: readonly ClassRecord[];
  groups: readonly GroupRecord[];
  series: readonly SeriesRecord[];
  focusClassId: string;
}

type ChangeKind = 'CANCEL' | 'MOVE' | 'ROOM';

export function planLessonChanges(input: LessonChangesInput): LessonChange[] {
  const { random, term, today, classes, groups, series } = input;
  const days = termSchoolDays(term);
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const classById = new Map(classes.map((c) => [c.id, c]));
  const classSeries = series.filter((s) => groupById.get(s.groupId)?.classId);
  const classOfSeries = (s: SeriesRecord): ClassRecord => classById.get(groupById.get(s.groupId)?.classId as string) as ClassRecord;

  /** What occupies a class on a weekday: its own groups and its year level's mixed groups (språkval). */
  const occupied = (classRecord: ClassRecord, weekday: number): Period[] =>
    series.filter((s) => {
      if (s.weekday !== weekday) return false;
      const group = groupById.get(s.groupId) as GroupRecord;
      return (
        group.classId === classRecord.id ||
        (group.classId === null &&
          group.kind === 'TEACHING' &&
          group.schoolId === classRecord.schoolId &&
          group.yearLevel === classRecord.yearLevel)
      );
    });
  const teacherBusy = new Map<string, Period[]>();
  for (const s of series) for (const staffId of s.teacherIds) teacherBusy.set(staffId, [...(teacherBusy.get(staffId) ?? []), s]);

  const changes: LessonChange[] = [];
  const changed = new Set<string>();
  // Periods taken by earlier changes on a date, per class, teacher and spare room.
  const takenOn = new Map<string, Period[]>();
  const isFreeOn = (key: string, period: Period) => !(takenOn.get(key) ?? []).some((p) => periodsOverlap(p, period));
  const take = (key: string, period: Period) => takenOn.set(key, [...(takenOn.get(key) ?? []), period]);

  const change = (s: SeriesRecord, date: string, kind: ChangeKind): void => {
    const key = `${s.id}:${date}`;
    if (changed.has(key)) return;
    const classRecord = classOfSeries(s);
    if (kind === 'CANCEL') {
      changed.add(key);
      changes.push({
        seriesId: s.id,
        date,
        cancelled: true,
        startsAt: null,
        endsAt: null,
        room: null,
        note: random.pick(CANCELLATION_NOTES),
      });
      return;
    }
    // A lesson in the class's own room moves to after the class's last lesson of the day, if its
    // teachers are free then; anything else changes room instead.
    if (kind === 'MOVE' && s.room === classRecord.homeRoom) {
      const dayPeriods = [...occupied(classRecord, s.weekday), ...(takenOn.get(`class:${classRecord.id}:${date}`) ?? [])];
      const moved = laterPeriod(s, dayPeriods, teacherBusy);
      const keys = [`class:${classRecord.id}:${date}`, ...s.teacherIds.map((staffId) => `staff:${staffId}:${date}`)];
      if (moved && keys.every((k) => isFreeOn(k, moved))) {
        for (const k of keys) take(k, moved);
        changed.add(key);
        changes.push({
          seriesId: s.id,
          date,
          cancelled: false,
          startsAt: schoolInstant(date, moved.startMinute),
          endsAt: schoolInstant(date, moved.startMinute + moved.durationMinutes),
          room: null,
          note: random.pick(MOVE_NOTES),
        });
        return;
      }
    }
    const room = random.shuffle(SPARE_ROOMS).find((r) => r !== s.room && isFreeOn(`room:${r}:${date}`, s));
    if (!room) return;
    take(`room:${room}:${date}`, s);
    changed.add(key);
    changes.push({ seriesId: s.id, date, cancelled: false, startsAt: null, endsAt: null, room, note: random.pick(ROOM_CHANGE_NOTES) });
  };

  const daysByWeekday = new Map<number, string[]>();
  for (const day of days) daysByWeekday.set(isoWeekday(day), [...(daysByWeekday.get(isoWeekday(day)) ?? []), day]);
  for (const s of classSeries) {
    for (const date of daysByWeekday.get(s.weekday) ?? []) {
      const draw = random.faker.number.float({ min: 0, max: 1 });
      if (draw < CANCELLED_SHARE) change(s, date, 'CANCEL');
      else if (draw < CANCELLED_SHARE + MOVED_SHARE) change(s, date, 'MOVE');
      else if (draw < CANCELLED_SHARE + MOVED_SHARE + ROOM_CHANGED_SHARE) change(s, date, 'ROOM');
    }
  }

  // The demo student's class: one of each kind this week and next week, on days still to come where possible.
  const focusSeries = classSeries.filter((s) => classOfSeries(s).id === input.focusClassId);
  for (const monday of [mondayOf(today), addDaysIso(mondayOf(today), 7)]) {
    const weekDays = days.filter((d) => d >= monday && d <= addDaysIso(monday, 4));
    const upcoming = weekDays.filter((d) => d >= today);
    const pool = upcoming.length > 0 ? upcoming : weekDays;
    const lessons = pool.flatMap((date) => focusSeries.filter((s) => s.weekday === isoWeekday(date)).map((s) => ({ s, date })));
    const picked = random.shuffle(lessons).filter(({ s, date }) => !changed.has(`${s.id}:${date}`));
    (['CANCEL', 'MOVE', 'ROOM'] as const).forEach((kind, index) => {
      const lesson = picked[index];
      if (lesson) change(lesson.s, lesson.date, kind);
    });
  }
  return changes;
}

function laterPeriod(s: SeriesRecord, dayPeriods: readonly Period[], teacherBusy: ReadonlyMap<string, Period[]>): Period | null {
  const lastEnd = Math.max(...dayPeriods.map((p) => p.startMinute + p.durationMinutes));
  const moved: Period = { weekday: s.weekday, startMinute: Math.ceil((lastEnd + 10) / 5) * 5, durationMinutes: s.durationMinutes };
  if (moved.startMinute + moved.durationMinutes > LATEST_END) return null;
  const free = s.teacherIds.every((staffId) => !(teacherBusy.get(staffId) ?? []).some((busy) => periodsOverlap(busy, moved)));
  return free ? moved : null;
}
