// The weekly schedule (grundschema): which period each lesson of a class takes, which teacher and
// which room, without double-booking anyone.
import type { PeriodDefinition, RoomKind } from './catalogue.ts';
import { ROOMS } from './catalogue.ts';
import type { SeededRandom } from './random.ts';

export type Period = PeriodDefinition;

export const periodsOverlap = (a: Period, b: Period): boolean =>
  a.weekday === b.weekday && a.startMinute < b.startMinute + b.durationMinutes && b.startMinute < a.startMinute + a.durationMinutes;

/** Practical subjects get the long periods. */
const LONG_PERIOD_SUBJECTS = new Set(['SL', 'HKK', 'BL', 'IDH', 'EL', 'GA', 'FSK']);

export interface PlacedLesson {
  /** subject code, or course code in the upper-secondary school */
  key: string;
  period: Period;
}

/**
 * Spreads a class's lessons over the free periods of its grid: one subject at most once a day where
 * possible, long periods to practical subjects. Periods left over are cut from the ends of days
 * (Fridays first), so that a class rarely has a free period in the middle of its day.
 */
export function placeLessons(
  units: readonly { key: string; subjectCode: string }[],
  grid: readonly Period[],
  reserved: readonly Period[],
  random: SeededRandom,
): PlacedLesson[] {
  const free = grid.filter((period) => !reserved.some((taken) => periodsOverlap(taken, period)));
  if (units.length > free.length) throw new Error(`${units.length} lessons do not fit in ${free.length} periods`);
  trimDays(free, reserved, free.length - units.length);

  const ordered = random
    .shuffle(units)
    .sort((a, b) => Number(LONG_PERIOD_SUBJECTS.has(b.subjectCode)) - Number(LONG_PERIOD_SUBJECTS.has(a.subjectCode)));
  const placed: PlacedLesson[] = [];
  const open = [...free];
  for (const unit of ordered) {
    let bestIndex = 0;
    let bestScore = -Infinity;
    open.forEach((period, index) => {
      const sameDay = placed.some((p) => p.key === unit.key && p.period.weekday === period.weekday);
      const score = (sameDay ? 0 : 1000) + (LONG_PERIOD_SUBJECTS.has(unit.subjectCode) ? period.durationMinutes : 0) + random.int(0, 30);
      if (score > bestScore) {
        bestScore = score;
        bestIndex = index;
      }
    });
    const [period] = open.splice(bestIndex, 1);
    placed.push({ key: unit.key, period: period as Period });
  }
  return placed;
}

function trimDays(free: Period[], reserved: readonly Period[], count: number): void {
  for (let removed = 0; removed < count; removed++) {
    let victim = -1;
    let victimDayLength = -1;
    for (let weekday = 5; weekday >= 1; weekday--) {
      const day = free.filter((period) => period.weekday === weekday);
      const last = day.reduce<Period | undefined>((latest, p) => (!latest || p.startMinute > latest.startMinute ? p : latest), undefined);
      if (!last) continue;
      // Cutting a period that a reserved one follows would leave a hole before it.
      if (reserved.some((r) => r.weekday === weekday && r.startMinute > last.startMinute)) continue;
      if (day.length > victimDayLength) {
        victimDayLength = day.length;
        victim = free.indexOf(last);
      }
    }
    if (victim < 0) return;
    free.splice(victim, 1);
  }
}

export interface RosterTeacher {
  staffId: string;
  profile: readonly string[];
  /** subject teachers stop taking groups at the weekly limit; class teachers do not */
  capped: boolean;
  minutes: number;
  busy: Period[];
  classIds: Set<string>;
}

/** Hands out teaching groups to teachers who can teach the subject and are free, hiring when none is. */
export class TeacherRoster {
  readonly teachers: RosterTeacher[] = [];
  private readonly hiredPerProfile = new Map<readonly string[], number>();

  constructor(
    private readonly profiles: readonly (readonly string[])[],
    private readonly weeklyMinutes: number,
    private readonly hire: (profile: readonly string[]) => string,
  ) {}

  add(staffId: string, profile: readonly string[], capped: boolean): RosterTeacher {
    const teacher: RosterTeacher = { staffId, profile, capped, minutes: 0, busy: [], classIds: new Set() };
    this.teachers.push(teacher);
    return teacher;
  }

  isFree(teacher: RosterTeacher, periods: readonly Period[]): boolean {
    const minutes = periods.reduce((sum, p) => sum + p.durationMinutes, 0);
    if (teacher.capped && teacher.minutes + minutes > this.weeklyMinutes) return false;
    return periods.every((period) => !teacher.busy.some((busy) => periodsOverlap(busy, period)));
  }

  book(teacher: RosterTeacher, periods: readonly Period[], classId: string | null): void {
    teacher.busy.push(...periods);
    teacher.minutes += periods.reduce((sum, p) => sum + p.durationMinutes, 0);
    if (classId) teacher.classIds.add(classId);
  }

  /** A free teacher of the subject, preferring one who already teaches the class; hires one if needed. */
  assign(subjectCode: string, periods: readonly Period[], classId: string | null): RosterTeacher {
    const teacher = this.findFree(subjectCode, periods, classId) ?? this.hireFor(subjectCode);
    this.book(teacher, periods, classId);
    return teacher;
  }

  findFree(subjectCode: string, periods: readonly Period[], classId: string | null, exclude: readonly string[] = []): RosterTeacher | null {
    let fallback: RosterTeacher | null = null;
    for (const teacher of this.teachers) {
      if (!teacher.capped || !teacher.profile.includes(subjectCode) || exclude.includes(teacher.staffId)) continue;
      if (!this.isFree(teacher, periods)) continue;
      if (classId === null || teacher.classIds.has(classId)) return teacher;
      fallback ??= teacher;
    }
    return fallback;
  }

  private hireFor(subjectCode: string): RosterTeacher {
    const fitting = this.profiles.filter((profile) => profile.includes(subjectCode));
    if (fitting.length === 0) throw new Error(`No teacher profile covers ${subjectCode}`);
    const profile = fitting.reduce((least, p) => ((this.hiredPerProfile.get(p) ?? 0) < (this.hiredPerProfile.get(least) ?? 0) ? p : least));
    this.hiredPerProfile.set(profile, (this.hiredPerProfile.get(profile) ?? 0) + 1);
    return this.add(this.hire(profile), profile, true);
  }
}

/** Special rooms of one school, booked per period. */
export class RoomPool {
  private readonly bookings = new Map<string, Period[]>();

  book(kind: Exclude<RoomKind, 'HOME'>, periods: readonly Period[]): string {
    const { names, numbered } = ROOMS[kind];
    for (let index = 0; ; index++) {
      const name = names[index] ?? `${numbered} ${index + 1}`;
      const taken = this.bookings.get(name) ?? [];
      if (periods.every((period) => !taken.some((busy) => periodsOverlap(busy, period)))) {
        this.bookings.set(name, [...taken, ...periods]);
        return name;
      }
    }
  }
}
