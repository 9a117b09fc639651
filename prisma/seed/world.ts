// Builds the whole demo municipality in memory, from the seed alone: nothing here touches the database.
import { isAdultOn, schoolYearCalendar, schoolYearStartFor, termFor, termSchoolDays } from '@insyn/domain';
import type { CalendarTerm, SchoolYearCalendar } from '@insyn/domain';
import { COURSES, PROGRAMMES, SUBJECTS } from './catalogue.ts';
import type { CourseDefinition, SubjectDefinition } from './catalogue.ts';
import { addDaysIso, daysBetween, eighteenthBirthday, schoolInstant } from './dates.ts';
import { buildFamilies } from './families.ts';
import { planLessonChanges } from './lesson-changes.ts';
import type {
  AccountRecord,
  ClassRecord,
  ConsentRecord,
  DemoLogin,
  DutyRecord,
  GroupRecord,
  GuardianRecord,
  LessonChange,
  MembershipRecord,
  SchoolRecord,
  SeriesRecord,
  StaffRecord,
  StudentRecord,
} from './model.ts';
import { PersonFactory, SignatureRegistry, UsernameRegistry } from './people.ts';
import { SeededRandom, uuidFromText } from './random.ts';
import { buildSchoolTeaching } from './schools.ts';
import type { SchoolTeaching } from './schools.ts';

export interface WorldOptions {
  students: number;
  seed: number;
  /** `YYYY-MM-DD`: the school year and term around it are generated, with history up to the day before */
  today: string;
}

export interface World {
  organisation: { id: string; name: string };
  schools: SchoolRecord[];
  calendar: SchoolYearCalendar;
  schoolYearId: string;
  terms: { id: string; term: CalendarTerm; breakIds: string[] }[];
  /** the term around `today` */
  currentTerm: { id: string; term: CalendarTerm };
  /**
   * The terms that get lesson series and lessons: from the start of the school year up to the current
   * one, each with the same weekly schedule. The current term's series are `series`; an earlier term's
   * have ids derived from those and the term's, so that adding a term changes no other id.
   */
  lessonTerms: { id: string; term: CalendarTerm; series: SeriesRecord[] }[];
  subjects: (SubjectDefinition & { id: string })[];
  courses: (CourseDefinition & { id: string; subjectId: string })[];
  classes: ClassRecord[];
  students: StudentRecord[];
  guardians: GuardianRecord[];
  guardianships: { studentId: string; guardianId: string }[];
  consents: ConsentRecord[];
  staff: StaffRecord[];
  duties: DutyRecord[];
  groups: GroupRecord[];
  memberships: MembershipRecord[];
  /** the weekly schedule: the current term's lesson series */
  series: SeriesRecord[];
  accounts: AccountRecord[];
  demoLogins: DemoLogin[];
  lessonChanges: LessonChange[];
}

export const MUNICIPALITY_NAME = 'Insyns kommun';
const STAFF_EMAIL_DOMAIN = 'insyns-kommun.example';
const COMPULSORY_SHARE = 0.6;
const COMPULSORY_CLASS_SIZE = 25;
const UPPER_SECONDARY_CLASS_SIZE = 28;
const LATE_JOINER_SHARE = 0.01;
const LEAVER_SHARE = 0.006;
const CLASS_CHANGER_SHARE = 0.005;
const CONSENT_SHARE = 0.25;

export function buildWorld(options: WorldOptions): World {
  const root = new SeededRandom(options.seed);
  const structure = root.fork('structure');
  const { today } = options;
  const startYear = schoolYearStartFor(today);
  const calendar = schoolYearCalendar(startYear);
  const current = currentTermOf(calendar, today);

  const organisation = { id: structure.uuid(), name: MUNICIPALITY_NAME };
  const compulsorySchool: SchoolRecord = { id: structure.uuid(), name: 'Ekbackeskolan', unitCode: unitCode(structure), form: 'COMPULSORY' };
  const upperSchool: SchoolRecord = {
    id: structure.uuid(),
    name: 'Insyns gymnasium',
    unitCode: unitCode(structure),
    form: 'UPPER_SECONDARY',
  };
  const schoolYearId = structure.uuid();
  const terms = calendar.terms.map((term) => ({ id: structure.uuid(), term, breakIds: term.breaks.map(() => structure.uuid()) }));
  const currentTerm = terms[current] as World['terms'][number];
  const subjects = SUBJECTS.map((subject) => ({ ...subject, id: structure.uuid() }));
  const subjectIds = new Map(subjects.map((s) => [s.code, s.id]));
  const courses = COURSES.map((course) => ({ ...course, id: structure.uuid(), subjectId: subjectIds.get(course.subjectCode) as string }));

  const classPlaces = layOutClasses(options.students, startYear, compulsorySchool, upperSchool, structure);
  const classes = classPlaces.map((c) => c.classRecord);
  const families = buildFamilies({
    random: root.fork('families'),
    people: new PersonFactory(root.fork('people')),
    classes: classPlaces,
    startYear,
    today,
  });
  const studentById = new Map(families.students.map((s) => [s.id, s]));

  const staffRandom = root.fork('staff');
  const staffPeople = new PersonFactory(staffRandom);
  const signatures = new SignatureRegistry();
  const emailNames = new UsernameRegistry();
  const staff: StaffRecord[] = [];
  const hire = (): StaffRecord => {
    const name = staffPeople.name();
    const member: StaffRecord = {
      id: staffRandom.uuid(),
      firstName: name.firstName,
      lastName: name.lastName,
      signature: signatures.forName(name.firstName, name.lastName),
      email: `${emailNames.forName(name.firstName, name.lastName)}@${STAFF_EMAIL_DOMAIN}`,
    };
    staff.push(member);
    return member;
  };

  const principals = new Map([compulsorySchool, upperSchool].map((school) => [school.id, hire()]));
  const administrator = hire();
  const courseRefs = new Map(courses.map((c) => [c.code, { id: c.id, subjectCode: c.subjectCode, short: c.short }]));
  const teaching = new Map<string, SchoolTeaching>();
  for (const school of [compulsorySchool, upperSchool]) {
    teaching.set(
      school.id,
      buildSchoolTeaching({
        random: root.fork(`teaching:${school.form}`),
        school,
        classes: classes.filter((c) => c.schoolId === school.id),
        students: studentById,
        subjectIds,
        courses: courseRefs,
        hireTeacher: () => hire().id,
      }),
    );
  }
  const allTeaching = [...teaching.values()];

  const dutyRandom = root.fork('duties');
  const duties: DutyRecord[] = [
    ...[...principals].map(([schoolId, principal]) => ({
      id: dutyRandom.uuid(),
      staffId: principal.id,
      kind: 'PRINCIPAL' as const,
      schoolId,
      groupId: null,
    })),
    { id: dutyRandom.uuid(), staffId: administrator.id, kind: 'ADMINISTRATOR', schoolId: null, groupId: null },
    ...allTeaching.flatMap((t) => [
      ...[...t.mentors].flatMap(([classId, staffIds]) =>
        staffIds.map((staffId) => ({ id: dutyRandom.uuid(), staffId, kind: 'MENTOR' as const, schoolId: null, groupId: classId })),
      ),
      ...t.teacherDuties.map(({ staffId, groupId }) => ({
        id: dutyRandom.uuid(),
        staffId,
        kind: 'TEACHER' as const,
        schoolId: null,
        groupId,
      })),
    ]),
  ];

  const classGroups: GroupRecord[] = classes.map((c) => ({
    id: c.id,
    schoolId: c.schoolId,
    kind: 'CLASS',
    name: c.name,
    yearLevel: c.yearLevel,
    subjectId: null,
    courseId: null,
    classId: null,
  }));
  const groups = [...classGroups, ...allTeaching.flatMap((t) => t.groups)];
  const series = allTeaching.flatMap((t) => t.series);

  const demo = chooseDemoPeople({
    today,
    classes,
    students: families.students,
    guardianships: families.guardianships,
    duties,
    groups,
    compulsorySchool,
    upperSchool,
    principals,
    administrator,
  });

  const consents = giveConsents(root.fork('consents'), families.students, families.guardianships, demo.adultStudent, today, upperSchool.id);
  const memberships = buildMemberships({
    random: root.fork('memberships'),
    calendar,
    term: currentTerm.term,
    today,
    classes,
    groups,
    groupStudentIds: new Map(allTeaching.flatMap((t) => [...t.groupStudentIds])),
    studentById,
    protectedStudentIds: demo.protectedStudentIds,
  });

  const lessonTerms = terms.slice(0, current + 1).map((t, index) => ({
    id: t.id,
    term: t.term,
    series: index === current ? series : series.map((s) => ({ ...s, id: uuidFromText(`series:${s.id}:${t.id}`) })),
  }));

  const { accounts, demoLogins } = createAccounts(root.fork('accounts'), families.students, families.guardians, staff, demo);
  const lessonChanges = planLessonChanges({
    random: root.fork('lesson-changes'),
    term: currentTerm.term,
    today,
    classes,
    groups,
    series,
    focusClassId: demo.student.classId,
  });

  return {
    organisation,
    schools: [compulsorySchool, upperSchool],
    calendar,
    schoolYearId,
    terms,
    currentTerm: { id: currentTerm.id, term: currentTerm.term },
    lessonTerms,
    subjects,
    courses,
    classes,
    students: families.students,
    guardians: families.guardians,
    guardianships: families.guardianships,
    consents,
    staff,
    duties,
    groups,
    memberships,
    series,
    accounts,
    demoLogins,
    lessonChanges,
  };
}

/**
 * The term around `today`; in jullov and the summer the one that just ended (so there is history),
 * in early August the coming autumn term.
 */
function currentTermOf(calendar: SchoolYearCalendar, today: string): number {
  const containing = termFor(today, calendar);
  if (containing) return calendar.terms.indexOf(containing);
  const started = calendar.terms.filter((term) => term.startDate <= today);
  return started.length === 0 ? 0 : calendar.terms.indexOf(started[started.length - 1] as CalendarTerm);
}

/** Skolverket's skolenhetskod: eight digits. */
const unitCode = (random: SeededRandom): string => String(random.int(10_000_000, 99_999_999));

function layOutClasses(students: number, startYear: number, compulsory: SchoolRecord, upper: SchoolRecord, random: SeededRandom) {
  const compulsoryPlaces = Math.round(students * COMPULSORY_SHARE);
  const upperPlaces = students - compulsoryPlaces;
  const classesPerLevel = Math.max(1, Math.round(compulsoryPlaces / (10 * COMPULSORY_CLASS_SIZE)));
  const classesPerProgrammeYear = Math.max(1, Math.round(upperPlaces / (3 * PROGRAMMES.length * UPPER_SECONDARY_CLASS_SIZE)));

  const specs: { name: string; yearLevel: number; programmeCode: string | null; schoolId: string; homeRoom: string }[] = [];
  const roomCounters = new Map<string, number>();
  const homeRoom = (building: string): string => {
    const index = roomCounters.get(building) ?? 0;
    roomCounters.set(building, index + 1);
    return `${building}${1 + Math.floor(index / 10)}${String(1 + (index % 10)).padStart(2, '0')}`;
  };
  for (let level = 0; level <= 9; level++) {
    const building = level <= 3 ? 'A' : level <= 6 ? 'B' : 'C';
    for (let i = 0; i < classesPerLevel; i++) {
      specs.push({
        name: `${level === 0 ? 'F' : level}${classLetters(i)}`,
        yearLevel: level,
        programmeCode: null,
        schoolId: compulsory.id,
        homeRoom: homeRoom(building),
      });
    }
  }
  for (const programme of PROGRAMMES) {
    for (let year = 1; year <= 3; year++) {
      const startedYear = String((startYear - (year - 1)) % 100).padStart(2, '0');
      for (let i = 0; i < classesPerProgrammeYear; i++) {
        const suffix = classesPerProgrammeYear === 1 ? '' : classLetters(i);
        specs.push({
          name: `${programme.code}${startedYear}${suffix}`,
          yearLevel: 9 + year,
          programmeCode: programme.code,
          schoolId: upper.id,
          homeRoom: homeRoom(programme.building),
        });
      }
    }
  }
  const compulsorySpecs = specs.filter((s) => s.schoolId === compulsory.id);
  const upperSpecs = specs.filter((s) => s.schoolId === upper.id);
  const places = [...spread(compulsoryPlaces, compulsorySpecs.length), ...spread(upperPlaces, upperSpecs.length)];
  return [...compulsorySpecs, ...upperSpecs].map((spec, index) => ({
    classRecord: { id: random.uuid(), ...spec, studentIds: [] } satisfies ClassRecord,
    places: places[index] as number,
  }));
}

/** A, B, …, Z, AA, AB, … */
function classLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

interface DemoPeople {
  student: StudentRecord;
  adultStudent: StudentRecord;
  guardianId: string;
  mentorId: string;
  teacherId: string;
  principalId: string;
  administratorId: string;
  /** students whose memberships stay as they are, so the demo logins show a plain picture */
  protectedStudentIds: Set<string>;
}

function chooseDemoPeople(input: {
  today: string;
  classes: readonly ClassRecord[];
  students: readonly StudentRecord[];
  guardianships: readonly { studentId: string; guardianId: string }[];
  duties: readonly DutyRecord[];
  groups: readonly GroupRecord[];
  compulsorySchool: SchoolRecord;
  upperSchool: SchoolRecord;
  principals: ReadonlyMap<string, StaffRecord>;
  administrator: StaffRecord;
}): DemoPeople {
  const { today, students, guardianships, duties, groups } = input;
  const guardiansOf = groupBy(
    guardianships,
    (g) => g.studentId,
    (g) => g.guardianId,
  );
  const childrenOf = groupBy(
    guardianships,
    (g) => g.guardianId,
    (g) => g.studentId,
  );
  const studentById = new Map(students.map((s) => [s.id, s]));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const teachingGroupsOf = groupBy(
    duties.filter((d) => d.kind === 'TEACHER'),
    (d) => d.staffId,
    (d) => d.groupId as string,
  );
  const mentorStaffIds = new Set(duties.filter((d) => d.kind === 'MENTOR').map((d) => d.staffId));

  // elev: years 7–9, two guardians, in a class whose mentor also teaches the class.
  let student: StudentRecord | undefined;
  let mentorId: string | undefined;
  const seniorClasses = input.classes.filter((c) => c.schoolId === input.compulsorySchool.id && c.yearLevel >= 7 && c.yearLevel <= 9);
  for (const classRecord of [...seniorClasses].sort((a, b) => Math.abs(a.yearLevel - 8) - Math.abs(b.yearLevel - 8))) {
    const mentor = duties.find(
      (d) =>
        d.kind === 'MENTOR' &&
        d.groupId === classRecord.id &&
        (teachingGroupsOf.get(d.staffId) ?? []).some((groupId) => groupById.get(groupId)?.classId === classRecord.id),
    );
    const candidate = classRecord.studentIds
      .map((id) => studentById.get(id) as StudentRecord)
      .find((s) => guardiansOf.get(s.id)?.length === 2 && (guardiansOf.get(s.id) ?? []).every((g) => childrenOf.get(g)?.length === 1));
    if (mentor && candidate) {
      student = candidate;
      mentorId = mentor.staffId;
      break;
    }
  }
  if (!student || !mentorId) throw new Error('No student in years 7–9 with two guardians and a teaching mentor; seed more students');
  const elev = student;

  // vårdnadshavare: two children under 18, in different classes; preferably one in elev's class, so that
  // the demo mentor is the one who decides this family's short leave.
  const families = [...childrenOf].filter(([, children]) => {
    if (children.length !== 2) return false;
    const [a, b] = children.map((id) => studentById.get(id) as StudentRecord) as [StudentRecord, StudentRecord];
    return a.classId !== b.classId && !isAdultOn(a.birthDate, today) && !isAdultOn(b.birthDate, today);
  });
  const inElevsClass = ([, children]: [string, string[]]) => children.some((id) => studentById.get(id)?.classId === elev.classId);
  const guardianId = (families.find(inElevsClass) ?? families[0])?.[0];
  if (!guardianId) throw new Error('No guardian with two children under 18; seed more students');

  // lärare: several teaching groups, mentor of none; preferably one who teaches elev's class.
  const teaches = (staffId: string, classId: string) =>
    (teachingGroupsOf.get(staffId) ?? []).some((g) => groupById.get(g)?.classId === classId);
  const compulsoryTeachers = [...teachingGroupsOf]
    .filter(
      ([staffId, groupIds]) =>
        !mentorStaffIds.has(staffId) &&
        groupIds.length >= 3 &&
        groupById.get(groupIds[0] as string)?.schoolId === input.compulsorySchool.id,
    )
    .sort((a, b) => Number(teaches(b[0], elev.classId)) - Number(teaches(a[0], elev.classId)) || b[1].length - a[1].length);
  const teacherId = compulsoryTeachers[0]?.[0];
  if (!teacherId) throw new Error('No teacher without a mentorship; seed more students');

  // myndig: an upper-secondary student of 18 or more with two guardians.
  const adultStudent = students.find(
    (s) => s.schoolId === input.upperSchool.id && isAdultOn(s.birthDate, today) && guardiansOf.get(s.id)?.length === 2,
  );
  if (!adultStudent) throw new Error('No adult student with two guardians; seed more students');

  return {
    student,
    adultStudent,
    guardianId,
    mentorId,
    teacherId,
    principalId: (input.principals.get(input.compulsorySchool.id) as StaffRecord).id,
    administratorId: input.administrator.id,
    protectedStudentIds: new Set([student.id, adultStudent.id, ...(childrenOf.get(guardianId) ?? [])]),
  };
}

/**
 * A quarter of the adult students consent to their first guardian; one other withdrew a consent.
 * `myndig` consents to the first of two guardians.
 */
function giveConsents(
  random: SeededRandom,
  students: readonly StudentRecord[],
  guardianships: readonly { studentId: string; guardianId: string }[],
  adultStudent: StudentRecord,
  today: string,
  upperSchoolId: string,
): ConsentRecord[] {
  const guardiansOf = groupBy(
    guardianships,
    (g) => g.studentId,
    (g) => g.guardianId,
  );
  const adults = students.filter((s) => s.schoolId === upperSchoolId && s.id !== adultStudent.id && isAdultOn(s.birthDate, today));
  const shuffled = random.shuffle(adults);
  const consenting = shuffled.slice(0, Math.max(2, Math.round(adults.length * CONSENT_SHARE)));
  const withdrawing = shuffled.slice(consenting.length, consenting.length + 1);

  const consentOf = (student: StudentRecord, withdrawn: boolean): ConsentRecord => {
    const from = eighteenthBirthday(student.birthDate);
    const span = Math.max(0, daysBetween(from, addDaysIso(today, -1)));
    const givenDay = addDaysIso(from, random.int(0, Math.min(span, 120)));
    const givenAt = schoolInstant(givenDay, random.int(8 * 60, 21 * 60));
    const withdrawnDay = addDaysIso(givenDay, random.int(0, Math.max(0, daysBetween(givenDay, today) - 1)));
    return {
      id: random.uuid(),
      studentId: student.id,
      guardianId: (guardiansOf.get(student.id) ?? [])[0] as string,
      givenAt,
      withdrawnAt: withdrawn
        ? new Date(Math.max(givenAt.getTime() + 3_600_000, schoolInstant(withdrawnDay, random.int(8 * 60, 21 * 60)).getTime()))
        : null,
    };
  };
  return [consentOf(adultStudent, false), ...consenting.map((s) => consentOf(s, false)), ...withdrawing.map((s) => consentOf(s, true))];
}

function buildMemberships(input: {
  random: SeededRandom;
  calendar: SchoolYearCalendar;
  term: CalendarTerm;
  today: string;
  classes: readonly ClassRecord[];
  groups: readonly GroupRecord[];
  groupStudentIds: ReadonlyMap<string, readonly string[]>;
  studentById: ReadonlyMap<string, StudentRecord>;
  protectedStudentIds: ReadonlySet<string>;
}): MembershipRecord[] {
  const { random, calendar, term, today, classes, groups, groupStudentIds, studentById } = input;

  // Changes happen on school days after the first week of the term and before today where possible.
  const days = termSchoolDays(term);
  const pastDays = days.slice(5).filter((d) => d < today);
  const changeDays = pastDays.length > 0 ? pastDays : days.slice(5, Math.max(6, Math.floor(days.length / 2)));
  const changeDay = () => random.pick(changeDays);

  const candidates = random.shuffle([...studentById.values()].filter((s) => !input.protectedStudentIds.has(s.id)));
  const take = (share: number, accept: (s: StudentRecord) => boolean = () => true): StudentRecord[] => {
    const wanted = Math.max(1, Math.round(studentById.size * share));
    const chosen: StudentRecord[] = [];
    for (let i = 0; i < candidates.length && chosen.length < wanted; i++) {
      const student = candidates[i] as StudentRecord;
      if (!accept(student)) continue;
      chosen.push(student);
      candidates.splice(i--, 1);
    }
    return chosen;
  };
  const parallelClass = (s: StudentRecord) =>
    classes.find(
      (c) => c.schoolId === s.schoolId && c.yearLevel === s.yearLevel && c.id !== s.classId && c.programmeCode === s.programmeCode,
    );

  const joinedOn = new Map(take(LATE_JOINER_SHARE).map((s) => [s.id, changeDay()]));
  const leftOn = new Map(take(LEAVER_SHARE).map((s) => [s.id, changeDay()]));
  /** student → [day of the move, the class they move to] */
  const movedOn = new Map(
    take(CLASS_CHANGER_SHARE, (s) => parallelClass(s) !== undefined).map((s) => [
      s.id,
      [changeDay(), parallelClass(s) as ClassRecord] as const,
    ]),
  );

  const memberships: MembershipRecord[] = [];
  const add = (groupId: string, studentId: string, validFrom: string, validTo: string | null) =>
    memberships.push({ id: random.uuid(), groupId, studentId, validFrom, validTo });

  const groupsOfClass = groupBy(
    groups.filter((g) => g.kind === 'TEACHING' && g.classId !== null),
    (g) => g.classId as string,
    (g) => g,
  );
  const classById = new Map(classes.map((c) => [c.id, c]));
  for (const group of groups) {
    const isClass = group.kind === 'CLASS';
    const members = isClass ? (classById.get(group.id) as ClassRecord).studentIds : (groupStudentIds.get(group.id) ?? []);
    // Teaching groups too from the start of the year: earlier terms have their lessons and roll calls.
    const from = calendar.startDate;
    for (const studentId of members) {
      const move = group.classId !== null || isClass ? movedOn.get(studentId) : undefined;
      add(group.id, studentId, joinedOn.get(studentId) ?? from, move ? addDaysIso(move[0], -1) : (leftOn.get(studentId) ?? null));
    }
  }
  // A class change: into the new class and its teaching groups on the day of the move.
  for (const [studentId, [day, target]] of movedOn) {
    add(target.id, studentId, day, null);
    for (const group of groupsOfClass.get(target.id) ?? []) add(group.id, studentId, day, null);
  }
  return memberships;
}

function createAccounts(
  random: SeededRandom,
  students: readonly StudentRecord[],
  guardians: readonly GuardianRecord[],
  staff: readonly StaffRecord[],
  demo: DemoPeople,
): { accounts: AccountRecord[]; demoLogins: DemoLogin[] } {
  const usernames = new UsernameRegistry();
  const fixed = new Map<string, string>([
    [demo.student.id, usernames.reserve('elev')],
    [demo.adultStudent.id, usernames.reserve('myndig')],
    [demo.guardianId, usernames.reserve('vardnadshavare')],
    [demo.mentorId, usernames.reserve('mentor')],
    [demo.teacherId, usernames.reserve('larare')],
    [demo.principalId, usernames.reserve('rektor')],
    [demo.administratorId, usernames.reserve('admin')],
  ]);
  const accounts: AccountRecord[] = [];
  const names = new Map<string, string>();
  const add = (person: { id: string; firstName: string; lastName: string }, link: Omit<AccountRecord, 'id' | 'username'>) => {
    const username = fixed.get(person.id) ?? usernames.forName(person.firstName, person.lastName);
    names.set(person.id, `${person.firstName} ${person.lastName}`);
    accounts.push({ id: random.uuid(), username, ...link });
  };
  for (const s of students) add(s, { studentId: s.id });
  for (const g of guardians) add(g, { guardianId: g.id });
  for (const s of staff) add(s, { staffId: s.id });

  const login = (id: string, role: DemoLogin['role'], description: string, descriptionEn: string): DemoLogin => ({
    role,
    username: fixed.get(id) as string,
    displayName: names.get(id) as string,
    description,
    descriptionEn,
  });
  return {
    accounts,
    demoLogins: [
      login(
        demo.student.id,
        'student',
        'Elev i grundskolans högstadium med två vårdnadshavare',
        'Lower-secondary student with two guardians',
      ),
      login(demo.guardianId, 'guardian', 'Vårdnadshavare till två barn i olika klasser', 'Guardian of two children in different classes'),
      login(
        demo.mentorId,
        'mentor',
        'Mentor för elevens klass, undervisar också klassen',
        'Mentor of the student’s class, also teaches it',
      ),
      login(
        demo.teacherId,
        'teacher',
        'Lärare i flera undervisningsgrupper, inte mentor',
        'Teacher of several teaching groups, not a mentor',
      ),
      login(demo.principalId, 'principal', 'Rektor för grundskolan', 'Principal of the compulsory school'),
      login(demo.administratorId, 'administrator', 'Administratör för hela kommunen', 'Administrator of the whole municipality'),
      login(
        demo.adultStudent.id,
        'adult-student',
        'Myndig gymnasieelev som gett samtycke till en av två vårdnadshavare',
        'Adult upper-secondary student who consented to one of two guardians',
      ),
    ],
  };
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}
