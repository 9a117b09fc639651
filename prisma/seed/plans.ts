// Demo IUPs and study plans: the programmes of the catalogue, every upper-secondary student's planned
// courses from their programme's year plans, and IUPs for the demo student and the demo guardian's
// children in compulsory school: published ones, and a draft in the demo mentor's class for the mentor to
// finish and publish. Bulk inserts from the world already in memory: a few milliseconds.
import { hasDevelopmentPlan } from '@insyn/domain';
import { PROGRAMMES } from './catalogue.ts';
import { addDaysIso, schoolInstant } from './dates.ts';
import type { StudentRecord } from './model.ts';
import { SeededRandom } from './random.ts';
import { insertRows, type Sql } from './sql.ts';
import type { World } from './world.ts';

const PROGRAMME_NAMES_EN: Readonly<Record<string, string>> = {
  NA: 'Natural Science Programme',
  SA: 'Social Science Programme',
  TE: 'Technology Programme',
  EE: 'Electricity and Energy Programme',
};

const STANDINGS = [
  '{name} visar goda kunskaper i {subject} och tar ansvar för sitt arbete på lektionerna.',
  '{name} har utvecklats mycket i {subject} den här terminen, särskilt i att förklara hur hen tänker.',
  '{name} når kunskapskraven i {subject} men behöver arbeta jämnare under terminen.',
  '{name} deltar aktivt i {subject} och samarbetar väl med andra.',
];
const GOALS = [
  'Fortsätta att resonera kring och jämföra olika lösningar.',
  'Lämna in arbeten i tid och använda lärarens återkoppling i nästa uppgift.',
  'Träna på att använda ämnets begrepp i egna texter och muntliga redovisningar.',
  'Våga ta ordet oftare i diskussioner och ställa frågor när något är oklart.',
];
const SUMMARIES = [
  '{name} har haft en bra termin och trivs i klassen. Vi har kommit överens om att fokusera på att planera skolarbetet veckovis och att använda läxhjälpen på tisdagar.',
  '{name} arbetar bra och är en god kamrat. Målet till nästa termin är att bli säkrare i att redovisa muntligt och att lämna in alla uppgifter i tid.',
];

const fill = (text: string, name: string, subject = '') => text.replaceAll('{name}', name).replaceAll('{subject}', subject.toLowerCase());

interface PlanRow {
  id: string;
  studentId: string;
  termId: string;
  summary: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedByStaffId: string | null;
}

interface EntryRow {
  planId: string;
  subjectId: string;
  standing: string;
  goals: string;
  authoredByStaffId: string;
  updatedAt: Date;
}

export async function writePlans(sql: Sql, world: World, seed: number, today: string): Promise<void> {
  const random = new SeededRandom(seed).fork('plans');
  const organisationId = world.organisation.id;
  const programmes = PROGRAMMES.map((programme) => ({ ...programme, id: random.uuid() }));
  await insertRows(sql, 'Programme', programmes, [
    { name: 'id', type: 'uuid', value: (p) => p.id },
    { name: 'organisationId', type: 'uuid', value: () => organisationId },
    { name: 'code', type: 'text', value: (p) => p.code },
    { name: 'nameSv', type: 'text', value: (p) => p.name },
    { name: 'nameEn', type: 'text', value: (p) => PROGRAMME_NAMES_EN[p.code] ?? p.name },
  ]);

  // Each course once, in the first year its programme plans it (a course read over two years is one row).
  const courseIds = new Map(world.courses.map((course) => [course.code, course.id]));
  const yearPlans = new Map(
    PROGRAMMES.map((programme) => {
      const planned = new Map<string, number>();
      programme.plans.forEach((plan, index) => {
        for (const code of Object.keys(plan)) {
          const courseId = courseIds.get(code);
          if (courseId && !planned.has(courseId)) planned.set(courseId, index + 1);
        }
      });
      return [programme.code, [...planned]] as const;
    }),
  );
  const studyPlanCourses = world.students.flatMap((student) =>
    (yearPlans.get(student.programmeCode ?? '') ?? []).map(([courseId, planYear]) => ({ studentId: student.id, courseId, planYear })),
  );
  await insertRows(sql, 'StudyPlanCourse', studyPlanCourses, [
    { name: 'studentId', type: 'uuid', value: (row) => row.studentId },
    { name: 'courseId', type: 'uuid', value: (row) => row.courseId },
    { name: 'planYear', type: 'int', value: (row) => row.planYear },
  ]);

  const { plans, entries } = demoDevelopmentPlans(world, random, today);
  await insertRows(sql, 'DevelopmentPlan', plans, [
    { name: 'id', type: 'uuid', value: (p) => p.id },
    { name: 'studentId', type: 'uuid', value: (p) => p.studentId },
    { name: 'termId', type: 'uuid', value: (p) => p.termId },
    { name: 'summary', type: 'text', value: (p) => p.summary },
    { name: 'updatedAt', type: 'timestamptz', value: (p) => p.updatedAt.toISOString() },
    { name: 'publishedAt', type: 'timestamptz', value: (p) => p.publishedAt?.toISOString() ?? null },
    { name: 'publishedByStaffId', type: 'uuid', value: (p) => p.publishedByStaffId },
  ]);
  await insertRows(sql, 'DevelopmentPlanEntry', entries, [
    { name: 'planId', type: 'uuid', value: (e) => e.planId },
    { name: 'subjectId', type: 'uuid', value: (e) => e.subjectId },
    { name: 'standing', type: 'text', value: (e) => e.standing },
    { name: 'goals', type: 'text', value: (e) => e.goals },
    { name: 'authoredByStaffId', type: 'uuid', value: (e) => e.authoredByStaffId },
    { name: 'updatedAt', type: 'timestamptz', value: (e) => e.updatedAt.toISOString() },
  ]);
}

/**
 * This term's IUP for `elev` and the demo guardian's children in years 1–9: published, except a child in the
 * demo mentor's class, whose plan is a draft with half of the entries and no summary.
 */
function demoDevelopmentPlans(world: World, random: SeededRandom, today: string): { plans: PlanRow[]; entries: EntryRow[] } {
  const accountOf = (username: string) => world.accounts.find((account) => account.username === username);
  const guardianId = accountOf('vardnadshavare')?.guardianId;
  const elevId = accountOf('elev')?.studentId;
  const demoMentorId = accountOf('mentor')?.staffId;
  const childIds = new Set(world.guardianships.filter((g) => g.guardianId === guardianId).map((g) => g.studentId));
  const schoolForm = new Map(world.schools.map((school) => [school.id, school.form]));
  const students = world.students.filter(
    (student) =>
      (student.id === elevId || childIds.has(student.id)) &&
      hasDevelopmentPlan({ schoolForm: schoolForm.get(student.schoolId) ?? 'UPPER_SECONDARY', yearLevel: student.yearLevel }),
  );
  const groupById = new Map(world.groups.map((group) => [group.id, group]));
  const teacherOf = new Map(world.duties.filter((d) => d.kind === 'TEACHER').map((d) => [d.groupId, d.staffId]));
  const mentorsOf = (classId: string) => world.duties.filter((d) => d.kind === 'MENTOR' && d.groupId === classId).map((d) => d.staffId);
  const termId = world.currentTerm.id;
  const plans: PlanRow[] = [];
  const entries: EntryRow[] = [];
  for (const student of students) {
    const mentors = mentorsOf(student.classId);
    const draft = student.id !== elevId && demoMentorId !== undefined && mentors.includes(demoMentorId);
    const planId = random.uuid();
    const writtenOn = addDaysIso(today, -random.int(5, 12));
    const subjects = teachingSubjects(world, student, today)
      .map((groupId) => groupById.get(groupId))
      .flatMap((group) =>
        group?.subjectId && teacherOf.has(group.id) ? [{ subjectId: group.subjectId, staffId: teacherOf.get(group.id) as string }] : [],
      );
    const written = draft ? subjects.filter((_, index) => index % 2 === 0) : subjects;
    const subjectNames = new Map(world.subjects.map((subject) => [subject.id, subject.nameSv]));
    for (const subject of written) {
      entries.push({
        planId,
        subjectId: subject.subjectId,
        standing: fill(random.pick(STANDINGS), student.firstName, subjectNames.get(subject.subjectId)),
        goals: random.pick(GOALS),
        authoredByStaffId: subject.staffId,
        updatedAt: schoolInstant(writtenOn, random.int(13 * 60, 17 * 60)),
      });
    }
    const publishedOn = addDaysIso(today, -random.int(1, 4));
    plans.push({
      id: planId,
      studentId: student.id,
      termId,
      summary: draft ? null : fill(random.pick(SUMMARIES), student.firstName),
      updatedAt: schoolInstant(writtenOn, 17 * 60 + 30),
      publishedAt: draft ? null : schoolInstant(publishedOn, 16 * 60),
      publishedByStaffId: draft ? null : (mentors[0] ?? null),
    });
  }
  return { plans, entries };
}

/** The student's teaching groups today (one per subject). */
function teachingSubjects(world: World, student: StudentRecord, today: string): string[] {
  const seen = new Set<string>();
  const groupIds: string[] = [];
  const groups = new Map(world.groups.map((group) => [group.id, group]));
  for (const membership of world.memberships) {
    if (membership.studentId !== student.id || membership.validFrom > today || (membership.validTo !== null && membership.validTo < today))
      continue;
    const group = groups.get(membership.groupId);
    if (!group || group.kind !== 'TEACHING' || !group.subjectId || seen.has(group.subjectId)) continue;
    seen.add(group.subjectId);
    groupIds.push(group.id);
  }
  return groupIds;
}
