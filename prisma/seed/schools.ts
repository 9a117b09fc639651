// One school's teaching: teaching groups, the weekly lesson series with rooms and teachers, and mentors.
import {
  MODERN_LANGUAGE_FIRST_YEAR,
  MODERN_LANGUAGE_GROUP_MAX,
  MODERN_LANGUAGE_PERIODS,
  PROGRAMMES,
  SUBJECTS,
  TEACHER_PROFILES,
  TEACHING_MINUTES_PER_WEEK,
  classTeacherSubjects,
  compulsoryPlan,
  periodGrid,
  roomKindFor,
} from './catalogue.ts';
import type { WeeklyPlan } from './catalogue.ts';
import type { ClassRecord, GroupRecord, SchoolRecord, SeriesRecord, StudentRecord } from './model.ts';
import type { SeededRandom } from './random.ts';
import { RoomPool, TeacherRoster, placeLessons } from './timetable.ts';
import type { Period, RosterTeacher } from './timetable.ts';

export interface CourseRef {
  id: string;
  subjectCode: string;
  short: string;
}

export interface SchoolBuildInput {
  random: SeededRandom;
  school: SchoolRecord;
  classes: readonly ClassRecord[];
  students: ReadonlyMap<string, StudentRecord>;
  subjectIds: ReadonlyMap<string, string>;
  courses: ReadonlyMap<string, CourseRef>;
  /** creates a staff member and returns their id */
  hireTeacher: () => string;
}

export interface SchoolTeaching {
  /** teaching groups; class groups are the input's classes */
  groups: GroupRecord[];
  /** the students of each teaching group at the start of the term */
  groupStudentIds: Map<string, readonly string[]>;
  series: SeriesRecord[];
  /** every teacher of a teaching group, once */
  teacherDuties: { staffId: string; groupId: string }[];
  /** class id → its mentors' staff ids */
  mentors: Map<string, string[]>;
}

const SPECIAL_TEACHER_PROFILE: readonly string[] = ['MA', 'SV', 'EN'];
const SPECIAL_TEACHER_SHARE = 0.12;
const SECOND_SPORTS_TEACHER_SHARE = 0.25;
const RESOURCE_TEACHER_SHARE = 0.3;

interface PendingGroup {
  group: GroupRecord;
  subjectCode: string;
  periods: Period[];
  classRecord: ClassRecord | null;
}

export function buildSchoolTeaching(input: SchoolBuildInput): SchoolTeaching {
  const { random, school, classes, students, subjectIds } = input;
  const form = school.form;
  const roster = new TeacherRoster(TEACHER_PROFILES[form], TEACHING_MINUTES_PER_WEEK, input.hireTeacher);
  const specialRoster = new TeacherRoster([SPECIAL_TEACHER_PROFILE], TEACHING_MINUTES_PER_WEEK, input.hireTeacher);
  const rooms = new RoomPool();
  const subjectShort = new Map(SUBJECTS.map((s) => [s.code, s.short]));

  const groups: GroupRecord[] = [];
  const groupStudentIds = new Map<string, readonly string[]>();
  const series: SeriesRecord[] = [];
  const mentors = new Map<string, string[]>();
  const teachersOfGroup = new Map<string, Set<string>>();

  const newGroup = (
    name: string,
    yearLevel: number,
    subjectCode: string,
    courseId: string | null,
    classRecord: ClassRecord | null,
    studentIds: readonly string[],
  ): GroupRecord => {
    const group: GroupRecord = {
      id: random.uuid(),
      schoolId: school.id,
      kind: 'TEACHING',
      name,
      yearLevel,
      subjectId: required(subjectIds.get(subjectCode), subjectCode),
      courseId,
      classId: classRecord?.id ?? null,
    };
    groups.push(group);
    groupStudentIds.set(group.id, studentIds);
    teachersOfGroup.set(group.id, new Set());
    return group;
  };

  const addSeries = (pending: PendingGroup, period: Period, teachers: RosterTeacher[], room: string): void => {
    series.push({
      id: random.uuid(),
      groupId: pending.group.id,
      subjectId: required(pending.group.subjectId, pending.group.name),
      weekday: period.weekday,
      startMinute: period.startMinute,
      durationMinutes: period.durationMinutes,
      room,
      teacherIds: teachers.map((t) => t.staffId),
    });
    for (const teacher of teachers) teachersOfGroup.get(pending.group.id)?.add(teacher.staffId);
  };

  const roomFor = (subjectCode: string, yearLevel: number, homeRoom: string, period: Period): string => {
    const kind = roomKindFor(subjectCode, yearLevel);
    return kind === 'HOME' ? homeRoom : rooms.book(kind, [period]);
  };

  // Class teachers (klasslärare) of the younger years come first: they teach most of their class's lessons.
  const classTeachers = new Map<string, RosterTeacher[]>();
  for (const classRecord of classes) {
    const subjects = form === 'COMPULSORY' ? classTeacherSubjects(classRecord.yearLevel) : [];
    if (subjects.length === 0) continue;
    const team = [roster.add(input.hireTeacher(), subjects, false)];
    if (classRecord.yearLevel > 0 && random.chance(RESOURCE_TEACHER_SHARE)) team.push(roster.add(input.hireTeacher(), subjects, false));
    classTeachers.set(classRecord.id, team);
  }

  for (const yearLevel of [...new Set(classes.map((c) => c.yearLevel))].sort((a, b) => a - b)) {
    const levelClasses = classes.filter((c) => c.yearLevel === yearLevel);
    const grid = periodGrid(yearLevel);
    const withLanguages = form === 'COMPULSORY' && yearLevel >= MODERN_LANGUAGE_FIRST_YEAR;
    const languagePeriods = withLanguages
      ? (MODERN_LANGUAGE_PERIODS[yearLevel] ?? []).map(({ weekday, period }) =>
          required(grid.filter((p) => p.weekday === weekday)[period], 'language period'),
        )
      : [];

    for (const classRecord of levelClasses) {
      const plan = form === 'COMPULSORY' ? compulsoryPlan(yearLevel) : programmePlan(classRecord);
      const units = Object.entries(plan).flatMap(([key, count]) => {
        const subjectCode = form === 'COMPULSORY' ? key : required(input.courses.get(key), key).subjectCode;
        return Array.from({ length: count }, () => ({ key, subjectCode }));
      });
      const placed = placeLessons(units, grid, languagePeriods, random);

      const pendingByKey = new Map<string, PendingGroup>();
      for (const key of Object.keys(plan)) {
        const course = form === 'COMPULSORY' ? null : required(input.courses.get(key), key);
        const subjectCode = course ? course.subjectCode : key;
        const name = course ? `${course.short}-${classRecord.name}` : `${subjectShort.get(key)}${classRecord.name}`;
        const group = newGroup(name, yearLevel, subjectCode, course?.id ?? null, classRecord, classRecord.studentIds);
        pendingByKey.set(key, { group, subjectCode, periods: [], classRecord });
      }
      for (const { key, period } of placed) required(pendingByKey.get(key), key).periods.push(period);

      const team = classTeachers.get(classRecord.id) ?? [];
      for (const pending of pendingByKey.values()) {
        const classTeacher = team[0];
        const byClassTeacher = classTeacher !== undefined && classTeacher.profile.includes(pending.subjectCode);
        const teacher = byClassTeacher ? classTeacher : roster.assign(pending.subjectCode, pending.periods, classRecord.id);
        if (byClassTeacher) roster.book(classTeacher, pending.periods, classRecord.id);
        for (const period of pending.periods) {
          const teachers = [teacher, ...coTeachers(pending, period, teacher, team)];
          addSeries(pending, period, teachers, roomFor(pending.subjectCode, yearLevel, classRecord.homeRoom, period));
        }
      }
      mentors.set(classRecord.id, chooseMentors(classRecord, team));
    }

    if (withLanguages) buildLanguageGroups(yearLevel, levelClasses, languagePeriods);
  }

  /** A resource teacher in Svenska and Matematik, a special teacher or a second PE teacher now and then. */
  function coTeachers(pending: PendingGroup, period: Period, primary: RosterTeacher, team: readonly RosterTeacher[]): RosterTeacher[] {
    const classId = pending.classRecord?.id ?? null;
    const resourceTeacher = team[1];
    if (resourceTeacher && ['SV', 'MA'].includes(pending.subjectCode) && roster.isFree(resourceTeacher, [period])) {
      roster.book(resourceTeacher, [period], classId);
      return [resourceTeacher];
    }
    if (SPECIAL_TEACHER_PROFILE.includes(pending.subjectCode) && pending.group.yearLevel >= 4 && random.chance(SPECIAL_TEACHER_SHARE)) {
      return [specialRoster.assign(pending.subjectCode, [period], classId)];
    }
    if (pending.subjectCode === 'IDH' && pending.group.yearLevel >= 7 && random.chance(SECOND_SPORTS_TEACHER_SHARE)) {
      const second = roster.findFree('IDH', [period], classId, [primary.staffId]);
      if (second) {
        roster.book(second, [period], classId);
        return [second];
      }
    }
    return [];
  }

  function buildLanguageGroups(yearLevel: number, levelClasses: readonly ClassRecord[], periods: readonly Period[]): void {
    const levelStudents = levelClasses.flatMap((c) => c.studentIds).map((id) => required(students.get(id), id));
    for (const subjectCode of [...new Set(levelStudents.map((s) => s.modernLanguage))].sort()) {
      if (subjectCode === null) continue;
      const chosen = levelStudents.filter((s) => s.modernLanguage === subjectCode).map((s) => s.id);
      const groupCount = Math.ceil(chosen.length / MODERN_LANGUAGE_GROUP_MAX);
      for (let index = 0; index < groupCount; index++) {
        const suffix = groupCount === 1 ? '' : String.fromCharCode(97 + index);
        const members = chosen.filter((_, i) => i % groupCount === index);
        const group = newGroup(`${subjectShort.get(subjectCode)}${yearLevel}${suffix}`, yearLevel, subjectCode, null, null, members);
        const pending: PendingGroup = { group, subjectCode, periods: [...periods], classRecord: null };
        const teacher = roster.assign(subjectCode, periods, null);
        for (const period of periods) addSeries(pending, period, [teacher], rooms.book('LANGUAGE', [period]));
      }
    }
  }

  /**
   * The class teacher (and resource teacher) in the younger years; otherwise one or two of the
   * teachers with the most lessons in the class who mentor no other class.
   */
  function chooseMentors(classRecord: ClassRecord, team: readonly RosterTeacher[]): string[] {
    if (team.length > 0) return team.map((t) => t.staffId);
    const minutes = new Map<string, number>();
    const classGroupIds = new Set(groups.filter((g) => g.classId === classRecord.id).map((g) => g.id));
    for (const s of series) {
      if (!classGroupIds.has(s.groupId)) continue;
      for (const staffId of s.teacherIds) minutes.set(staffId, (minutes.get(staffId) ?? 0) + s.durationMinutes);
    }
    const mentoring = new Set([...mentors.values()].flat());
    const ranked = [...minutes.entries()].sort((a, b) => b[1] - a[1]).map(([staffId]) => staffId);
    const available = ranked.filter((staffId) => !mentoring.has(staffId));
    const wanted = random.chance(0.6) ? 2 : 1;
    const chosen = available.slice(0, wanted);
    return chosen.length > 0 ? chosen : ranked.slice(0, 1);
  }

  const teacherDuties = [...teachersOfGroup.entries()].flatMap(([groupId, staffIds]) =>
    [...staffIds].map((staffId) => ({ staffId, groupId })),
  );
  return { groups, groupStudentIds, series, teacherDuties, mentors };
}

function programmePlan(classRecord: ClassRecord): WeeklyPlan {
  const programme = PROGRAMMES.find((p) => p.code === classRecord.programmeCode);
  if (!programme) throw new Error(`Unknown programme ${classRecord.programmeCode}`);
  return programme.plans[classRecord.yearLevel - 10] ?? {};
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Missing ${what}`);
  return value;
}
