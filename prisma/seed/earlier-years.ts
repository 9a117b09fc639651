// The upper-secondary students' earlier years, so that their study plans show progress: the school years
// before this one (with their terms), each year-2 and year-3 student's courses of the earlier programme years
// as teaching groups of that year, and a published course grade at the end of its spring term. Only what the
// study plan reads: no lessons, attendance or duties in those years.
import { schoolYearCalendar } from '@insyn/domain';
import { PROGRAMMES } from './catalogue.ts';
import { schoolInstant } from './dates.ts';
import { SeededRandom } from './random.ts';
import { insertRows, type Sql } from './sql.ts';
import type { World } from './world.ts';

/** Course grades as they fall in Swedish upper secondary school, roughly: most pass, a few F. */
const GRADES = [
  { value: 'A', weight: 10 },
  { value: 'B', weight: 14 },
  { value: 'C', weight: 30 },
  { value: 'D', weight: 20 },
  { value: 'E', weight: 20 },
  { value: 'F', weight: 6 },
];

interface GroupRow {
  id: string;
  schoolId: string;
  schoolYearId: string;
  name: string;
  yearLevel: number;
  subjectId: string;
  courseId: string;
}

export async function writeEarlierYears(sql: Sql, world: World, seed: number): Promise<void> {
  const random = new SeededRandom(seed).fork('earlier-years');
  const organisationId = world.organisation.id;
  const upper = world.students.filter((student) => student.programmeCode !== null && student.yearLevel >= 11);
  if (upper.length === 0) return;

  // The two school years before this one: a year-3 student read year 1 two years ago.
  const years = [1, 2].map((back) => {
    const calendar = schoolYearCalendar(world.calendar.startYear - back);
    return { back, calendar, id: random.uuid(), termIds: [random.uuid(), random.uuid()] as const };
  });
  await insertRows(sql, 'SchoolYear', years, [
    { name: 'id', type: 'uuid', value: (year) => year.id },
    { name: 'organisationId', type: 'uuid', value: () => organisationId },
    { name: 'name', type: 'text', value: (year) => year.calendar.name },
    { name: 'startDate', type: 'date', value: (year) => year.calendar.startDate },
    { name: 'endDate', type: 'date', value: (year) => year.calendar.endDate },
  ]);
  const terms = years.flatMap((year) =>
    year.calendar.terms.map((term, index) => ({ term, id: year.termIds[index] as string, yearId: year.id })),
  );
  await insertRows(sql, 'Term', terms, [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'schoolYearId', type: 'uuid', value: (row) => row.yearId },
    { name: 'kind', type: 'text', enumType: '"TermKind"', value: (row) => row.term.kind },
    { name: 'startDate', type: 'date', value: (row) => row.term.startDate },
    { name: 'endDate', type: 'date', value: (row) => row.term.endDate },
  ]);

  const courses = new Map(world.courses.map((course) => [course.code, course]));
  const classes = new Map(world.classes.map((schoolClass) => [schoolClass.id, schoolClass]));
  // Grades are set by a teacher of the subject at the school today (who may well have taught it then).
  const teacherOfSubject = new Map<string, string>();
  const groupsById = new Map(world.groups.map((group) => [group.id, group]));
  for (const duty of world.duties) {
    const group = duty.groupId ? groupsById.get(duty.groupId) : undefined;
    if (duty.kind === 'TEACHER' && group?.subjectId) teacherOfSubject.set(`${group.schoolId}:${group.subjectId}`, duty.staffId);
  }

  const groups = new Map<string, GroupRow>();
  const memberships: { id: string; groupId: string; studentId: string; validFrom: string; validTo: string }[] = [];
  const assessments: {
    id: string;
    studentId: string;
    groupId: string;
    subjectId: string;
    termId: string;
    grade: string;
    staffId: string;
    at: Date;
  }[] = [];
  for (const student of upper) {
    const programme = PROGRAMMES.find((candidate) => candidate.code === student.programmeCode);
    const schoolClass = classes.get(student.classId);
    if (!programme || !schoolClass) continue;
    const programmeYear = student.yearLevel - 9;
    // A course still read this year (e.g. one over two years) is in progress, not graded.
    const readNow = new Set(Object.keys(programme.plans[programmeYear - 1] ?? {}));
    for (let earlierYear = 1; earlierYear < programmeYear; earlierYear += 1) {
      const year = years.find((candidate) => candidate.back === programmeYear - earlierYear);
      if (!year) continue;
      const springTermId = year.termIds[1];
      for (const code of Object.keys(programme.plans[earlierYear - 1] ?? {})) {
        const course = courses.get(code);
        if (!course || readNow.has(code)) continue;
        const key = `${year.id}:${schoolClass.id}:${course.id}`;
        let group = groups.get(key);
        if (!group) {
          group = {
            id: random.uuid(),
            schoolId: student.schoolId,
            schoolYearId: year.id,
            name: `${course.short}-${schoolClass.name}`,
            yearLevel: 9 + earlierYear,
            subjectId: course.subjectId,
            courseId: course.id,
          };
          groups.set(key, group);
        }
        memberships.push({
          id: random.uuid(),
          groupId: group.id,
          studentId: student.id,
          validFrom: year.calendar.startDate,
          validTo: year.calendar.endDate,
        });
        const staffId = teacherOfSubject.get(`${student.schoolId}:${course.subjectId}`);
        if (!staffId) continue;
        assessments.push({
          id: random.uuid(),
          studentId: student.id,
          groupId: group.id,
          subjectId: course.subjectId,
          termId: springTermId,
          grade: random.faker.helpers.weightedArrayElement(GRADES),
          staffId,
          at: schoolInstant(year.calendar.terms[1].endDate, 15 * 60),
        });
      }
    }
  }

  await insertRows(
    sql,
    'Group',
    [...groups.values()],
    [
      { name: 'id', type: 'uuid', value: (group) => group.id },
      { name: 'schoolId', type: 'uuid', value: (group) => group.schoolId },
      { name: 'schoolYearId', type: 'uuid', value: (group) => group.schoolYearId },
      { name: 'kind', type: 'text', enumType: '"GroupKind"', value: () => 'TEACHING' },
      { name: 'name', type: 'text', value: (group) => group.name },
      { name: 'yearLevel', type: 'int', value: (group) => group.yearLevel },
      { name: 'subjectId', type: 'uuid', value: (group) => group.subjectId },
      { name: 'courseId', type: 'uuid', value: (group) => group.courseId },
    ],
  );
  await insertRows(sql, 'GroupMembership', memberships, [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'groupId', type: 'uuid', value: (row) => row.groupId },
    { name: 'studentId', type: 'uuid', value: (row) => row.studentId },
    { name: 'validFrom', type: 'date', value: (row) => row.validFrom },
    { name: 'validTo', type: 'date', value: (row) => row.validTo },
  ]);
  await insertRows(sql, 'SubjectAssessment', assessments, [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'studentId', type: 'uuid', value: (row) => row.studentId },
    { name: 'groupId', type: 'uuid', value: (row) => row.groupId },
    { name: 'subjectId', type: 'uuid', value: (row) => row.subjectId },
    { name: 'termId', type: 'uuid', value: (row) => row.termId },
    { name: 'grade', type: 'text', value: (row) => row.grade },
    { name: 'authoredByStaffId', type: 'uuid', value: (row) => row.staffId },
    { name: 'updatedAt', type: 'timestamptz', value: (row) => row.at.toISOString() },
    { name: 'publishedAt', type: 'timestamptz', value: (row) => row.at.toISOString() },
  ]);
}
