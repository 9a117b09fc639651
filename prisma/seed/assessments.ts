// Demo assessments: in the teaching groups of the demo student and of the demo guardian's children, a task
// published a few weeks ago and a draft from last week, with results for the members, and published subject
// assessments for the current term in every other group. A few hundred rows, so the demo home has something
// to read and the teachers' tables something to continue.
import { gradeScaleFor, KNOWLEDGE_LEVELS, LETTER_GRADES, type GradeScale, type KnowledgeLevel, type LetterGrade } from '@insyn/domain';
import { insertRows, type Column, type Sql } from './sql.ts';
import { addDaysIso, schoolInstant } from './dates.ts';
import { SeededRandom } from './random.ts';
import type { World } from './world.ts';

const TITLES = ['Skriftligt prov', 'Inlämningsuppgift', 'Muntlig redovisning', 'Laboration', 'Läxförhör', 'Projektarbete'];
/** Teachers' comments, by how the mark stands on its scale: a top mark is not told to practise the basics. */
const COMMENTS = {
  strong: ['Visar god förståelse och resonerar väl.', 'Noggrant och väl genomfört.'],
  passing: ['Bra arbete, fortsätt att förklara dina slutsatser.', 'Delvis genomfört, komplettera de sista uppgifterna.'],
  failing: ['Behöver öva mer på grunderna; boka gärna stödtid.', 'Delvis genomfört, komplettera de sista uppgifterna.'],
} as const;

/** How each mark stands, on either scale. */
const STANDING: Record<KnowledgeLevel | LetterGrade, keyof typeof COMMENTS> = {
  A: 'strong',
  B: 'strong',
  C: 'strong',
  D: 'passing',
  E: 'passing',
  F: 'failing',
  MORE_THAN_ACCEPTABLE: 'strong',
  ACCEPTABLE: 'passing',
  INSUFFICIENT: 'failing',
};

const commentFor = (random: SeededRandom, grade: KnowledgeLevel | LetterGrade): string => random.pick(COMMENTS[STANDING[grade]]);

/** How often each mark is drawn, in the scale's order (A–F; insufficient, acceptable, more than acceptable). */
const WEIGHTS: Record<GradeScale, readonly number[]> = { GRADES: [10, 15, 30, 20, 18, 7], KNOWLEDGE_LEVELS: [10, 60, 30] };

function drawGrade(random: SeededRandom, scale: GradeScale): KnowledgeLevel | LetterGrade {
  const marks = scale === 'GRADES' ? LETTER_GRADES : KNOWLEDGE_LEVELS;
  const weights = WEIGHTS[scale];
  let draw = random.int(
    1,
    weights.reduce((sum, weight) => sum + weight, 0),
  );
  for (const [index, weight] of weights.entries()) {
    draw -= weight;
    if (draw <= 0) return marks[index]!;
  }
  return marks[marks.length - 1]!;
}

interface TaskRow {
  id: string;
  groupId: string;
  subjectId: string;
  title: string;
  date: string;
  staffId: string;
  createdAt: Date;
  publishedAt: Date | null;
}
interface ResultRow {
  taskId: string;
  studentId: string;
  grade: string | null;
  comment: string | null;
  staffId: string;
  updatedAt: Date;
}
interface SubjectRow {
  id: string;
  studentId: string;
  groupId: string;
  subjectId: string;
  grade: string;
  comment: string | null;
  staffId: string;
  updatedAt: Date;
  publishedAt: Date;
}

export async function writeAssessments(sql: Sql, world: World, seed: number, today: string): Promise<void> {
  const random = new SeededRandom(seed).fork('assessments');
  const accountOf = (username: string) => world.accounts.find((account) => account.username === username);
  const guardianId = accountOf('vardnadshavare')?.guardianId;
  const demoStudents = new Set([
    accountOf('elev')?.studentId,
    ...world.guardianships.filter((g) => g.guardianId === guardianId).map((g) => g.studentId),
  ]);
  const current = world.memberships.filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo >= today));
  const formOf = new Map(world.schools.map((school) => [school.id, school.form]));
  const groupIds = new Set(current.filter((m) => demoStudents.has(m.studentId)).map((m) => m.groupId));
  const groups = world.groups
    .filter((g) => groupIds.has(g.id) && g.kind === 'TEACHING' && g.subjectId !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  // Days within the term, before today.
  const termStart = world.currentTerm.term.startDate;
  const dayBefore = (days: number) => {
    const date = addDaysIso(today, -days);
    return date < termStart ? termStart : date;
  };
  const at = (date: string, hour: number) => {
    const instant = schoolInstant(date, hour * 60);
    const latest = schoolInstant(today, 7 * 60);
    return instant < latest ? instant : latest;
  };

  const tasks: TaskRow[] = [];
  const results: ResultRow[] = [];
  const subjectAssessments: SubjectRow[] = [];
  groups.forEach((group, index) => {
    const scale = gradeScaleFor(formOf.get(group.schoolId) ?? 'COMPULSORY', group.yearLevel);
    const staffId = world.duties.find((d) => d.kind === 'TEACHER' && d.groupId === group.id)?.staffId;
    if (!scale || !staffId || !group.subjectId) return;
    const members = current.filter((m) => m.groupId === group.id).map((m) => m.studentId);
    const [firstTitle, secondTitle] = random.shuffle(TITLES);
    const published = dayBefore(21);
    const draft = dayBefore(6);
    for (const [title, date, isPublished] of [
      [firstTitle, published, true],
      [secondTitle, draft, false],
    ] as const) {
      const task: TaskRow = {
        id: random.uuid(),
        groupId: group.id,
        subjectId: group.subjectId,
        title: title ?? 'Prov',
        date,
        staffId,
        createdAt: at(date, 8),
        publishedAt: isPublished ? at(addDaysIso(date, 4), 16) : null,
      };
      tasks.push(task);
      // A draft is still being marked: about two thirds have a result.
      for (const studentId of members) {
        if (!isPublished && !random.chance(0.65)) continue;
        const grade = drawGrade(random, scale);
        results.push({
          taskId: task.id,
          studentId,
          grade,
          comment: random.chance(0.4) ? commentFor(random, grade) : null,
          staffId,
          updatedAt: at(addDaysIso(date, 3), 15),
        });
      }
    }
    if (index % 2 === 0) {
      for (const studentId of members) {
        const grade = drawGrade(random, scale);
        subjectAssessments.push({
          id: random.uuid(),
          studentId,
          groupId: group.id,
          subjectId: group.subjectId,
          grade,
          comment: random.chance(0.5) ? commentFor(random, grade) : null,
          staffId,
          updatedAt: at(dayBefore(3), 15),
          publishedAt: at(dayBefore(2), 16),
        });
      }
    }
  });

  const uuid = <T>(name: string, value: (row: T) => string): Column<T> => ({ name, type: 'uuid', value });
  const text = <T>(name: string, value: (row: T) => string | null): Column<T> => ({ name, type: 'text', value });
  const instant = <T>(name: string, value: (row: T) => Date | null): Column<T> => ({
    name,
    type: 'timestamptz',
    value: (row) => value(row)?.toISOString() ?? null,
  });
  await insertRows(sql, 'AssessmentTask', tasks, [
    uuid('id', (t) => t.id),
    uuid('groupId', (t) => t.groupId),
    uuid('subjectId', (t) => t.subjectId),
    text('title', (t) => t.title),
    { name: 'date', type: 'date', value: (t) => t.date },
    uuid('createdByStaffId', (t) => t.staffId),
    instant('createdAt', (t) => t.createdAt),
    instant('publishedAt', (t) => t.publishedAt),
  ]);
  await insertRows(sql, 'AssessmentResult', results, [
    uuid('taskId', (r) => r.taskId),
    uuid('studentId', (r) => r.studentId),
    text('grade', (r) => r.grade),
    text('comment', (r) => r.comment),
    uuid('updatedByStaffId', (r) => r.staffId),
    instant('updatedAt', (r) => r.updatedAt),
  ]);
  await insertRows(sql, 'SubjectAssessment', subjectAssessments, [
    uuid('id', (s) => s.id),
    uuid('studentId', (s) => s.studentId),
    uuid('groupId', (s) => s.groupId),
    uuid('subjectId', (s) => s.subjectId),
    uuid('termId', () => world.currentTerm.id),
    text('grade', (s) => s.grade),
    text('comment', (s) => s.comment),
    uuid('authoredByStaffId', (s) => s.staffId),
    instant('updatedAt', (s) => s.updatedAt),
    instant('publishedAt', (s) => s.publishedAt),
  ]);
}
