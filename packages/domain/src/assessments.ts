// Assessments (omdömen, domain rule 6): a teacher records results on a task (a test or an assignment) and
// a subject assessment per student and term for a teaching group. Both are drafts until published; then
// the student and the guardians see them and guardians who opted in are told.
//
// The scale follows the group's school form and year: compulsory school years 1–5 are assessed in knowledge
// levels (no grades are given before year 6), years 6–9 and upper secondary on the grade scale A–F, where F
// fails. Förskoleklass (year 0) has no assessments.
//
// Who may change what: any active teacher of the teaching group records results and subject assessments for
// its current members, while they are drafts. Only a task's creator publishes it, and a subject assessment is
// published by its author (the teacher who last saved the draft). Once published, only that author may correct
// it; the correction shows through its updatedAt and sends no new message (a result saved for the first time
// on a published task is told like the others).
import { isIsoDate } from './iso-week.ts';

export const KNOWLEDGE_LEVELS = ['INSUFFICIENT', 'ACCEPTABLE', 'MORE_THAN_ACCEPTABLE'] as const;
export const LETTER_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type KnowledgeLevel = (typeof KNOWLEDGE_LEVELS)[number];
export type LetterGrade = (typeof LETTER_GRADES)[number];

export type GradeScale = 'KNOWLEDGE_LEVELS' | 'GRADES';

export const MAX_TASK_TITLE_LENGTH = 200;
export const MAX_TASK_DESCRIPTION_LENGTH = 2000;
export const MAX_ASSESSMENT_COMMENT_LENGTH = 2000;

export type SchoolFormKind = 'COMPULSORY' | 'UPPER_SECONDARY';

/** The scale of a group's year in its school form; null where nothing is assessed (förskoleklass, no year). */
export function gradeScaleFor(form: SchoolFormKind, yearLevel: number | null): GradeScale | null {
  if (form === 'UPPER_SECONDARY') return 'GRADES';
  if (yearLevel === null || yearLevel < 1 || yearLevel > 9) return null;
  return yearLevel <= 5 ? 'KNOWLEDGE_LEVELS' : 'GRADES';
}

/** The marks of a scale, best last for knowledge levels and best first for grades, as each is usually listed. */
export function gradesOf(scale: GradeScale): readonly string[] {
  return scale === 'GRADES' ? LETTER_GRADES : KNOWLEDGE_LEVELS;
}

export type AssessmentProblem =
  | 'NOT_A_TEACHING_GROUP'
  | 'GROUP_WITHOUT_SUBJECT'
  | 'NO_GRADE_SCALE'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'DESCRIPTION_TOO_LONG'
  | 'INVALID_DATE'
  | 'DATE_OUTSIDE_SCHOOL_YEAR'
  | 'GRADE_OUTSIDE_SCALE'
  | 'GRADE_REQUIRED'
  | 'GRADE_OR_COMMENT_REQUIRED'
  | 'COMMENT_TOO_LONG'
  | 'NOT_IN_GROUP'
  | 'DUPLICATE_STUDENT'
  | 'NOT_YOUR_DRAFT'
  | 'NOT_AUTHOR'
  | 'NOTHING_TO_PUBLISH'
  | 'ALREADY_PUBLISHED';

export interface AssessmentGroup {
  kind: 'CLASS' | 'TEACHING';
  subjectId: string | null;
  yearLevel: number | null;
  schoolForm: SchoolFormKind;
}

/** Tasks and subject assessments belong to a teaching group with a subject, in a year that is assessed. */
export function checkAssessmentGroup(group: AssessmentGroup): AssessmentProblem[] {
  if (group.kind !== 'TEACHING') return ['NOT_A_TEACHING_GROUP'];
  if (!group.subjectId) return ['GROUP_WITHOUT_SUBJECT'];
  return gradeScaleFor(group.schoolForm, group.yearLevel) === null ? ['NO_GRADE_SCALE'] : [];
}

export interface TaskInput {
  title: string;
  description?: string | null;
  /** `YYYY-MM-DD` */
  date: string;
}

/** The first and last day of a school year, `YYYY-MM-DD`. */
export interface SchoolYearSpan {
  startDate: string;
  endDate: string;
}

/**
 * A task is dated within its group's school year: a group is of one school year, and a year typed wrong (2025 for
 * 2026) would put the task among another year's, in the lists and for retention, which reckons from its date.
 */
export function checkTask(input: TaskInput, schoolYear: SchoolYearSpan): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push('TITLE_REQUIRED');
  else if (title.length > MAX_TASK_TITLE_LENGTH) problems.push('TITLE_TOO_LONG');
  if ((input.description ?? '').trim().length > MAX_TASK_DESCRIPTION_LENGTH) problems.push('DESCRIPTION_TOO_LONG');
  if (!isIsoDate(input.date)) problems.push('INVALID_DATE');
  else if (input.date < schoolYear.startDate || input.date > schoolYear.endDate) problems.push('DATE_OUTSIDE_SCHOOL_YEAR');
  return problems;
}

export interface AssessmentRow {
  studentId: string;
  /** a mark of the scale, or blank */
  grade?: string | null;
  comment?: string | null;
}

/** Blank text is no text: a comment of spaces is no comment. */
export const cleanText = (value: string | null | undefined): string | null => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};

function checkMarks(row: AssessmentRow, scale: GradeScale, gradeRequired: boolean): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const grade = cleanText(row.grade);
  const comment = cleanText(row.comment);
  if (grade !== null && !gradesOf(scale).includes(grade)) problems.push('GRADE_OUTSIDE_SCALE');
  if (gradeRequired && grade === null) problems.push('GRADE_REQUIRED');
  if (!gradeRequired && grade === null && comment === null) problems.push('GRADE_OR_COMMENT_REQUIRED');
  if (comment !== null && comment.length > MAX_ASSESSMENT_COMMENT_LENGTH) problems.push('COMMENT_TOO_LONG');
  return problems;
}

export interface RowProblems {
  studentId: string;
  problems: AssessmentProblem[];
}

/**
 * Problems of each row of a group's results (`gradeRequired` false: a grade or a comment) or subject
 * assessments (a grade, and perhaps a comment). Each student once, and only the group's current members.
 */
export function checkAssessmentRows(
  rows: readonly AssessmentRow[],
  scale: GradeScale,
  memberIds: readonly string[],
  gradeRequired: boolean,
): RowProblems[] {
  const members = new Set(memberIds);
  const seen = new Set<string>();
  const found: RowProblems[] = [];
  for (const row of rows) {
    const problems: AssessmentProblem[] = [];
    if (!members.has(row.studentId)) problems.push('NOT_IN_GROUP');
    if (seen.has(row.studentId)) problems.push('DUPLICATE_STUDENT');
    seen.add(row.studentId);
    problems.push(...checkMarks(row, scale, gradeRequired));
    if (problems.length > 0) found.push({ studentId: row.studentId, problems });
  }
  return found;
}

export interface OwnedItem {
  /** the task's creator, or the subject assessment's author */
  authorStaffId: string;
  published: boolean;
}

/** A draft is the group's teachers' to change; a published item only its author's (a correction). */
export function checkChange(item: OwnedItem, staffId: string): AssessmentProblem[] {
  return item.published && item.authorStaffId !== staffId ? ['NOT_AUTHOR'] : [];
}

/** Only the author publishes, once. */
export function checkPublish(item: OwnedItem, staffId: string): AssessmentProblem[] {
  if (item.authorStaffId !== staffId) return ['NOT_YOUR_DRAFT'];
  return item.published ? ['ALREADY_PUBLISHED'] : [];
}
