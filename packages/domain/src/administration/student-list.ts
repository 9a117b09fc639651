// The school's student list (elevlista): one row per student with their school and class.
import { listCell, listFlag, listProblemOf, listTemplate, type ListColumn, type ListProblem } from './lists.ts';
import { checkStudent, type CheckedStudent } from './people.ts';

export const STUDENT_LIST_COLUMNS = [
  { key: 'personalIdentityNumber', sv: 'Personnummer', en: 'Personal identity number', required: true },
  { key: 'firstName', sv: 'Förnamn', en: 'First name', required: true },
  { key: 'lastName', sv: 'Efternamn', en: 'Last name', required: true },
  { key: 'schoolUnitCode', sv: 'Skolenhetskod', en: 'School unit code', required: true },
  { key: 'className', sv: 'Klass', en: 'Class', required: false },
  { key: 'programmeCode', sv: 'Program', en: 'Programme', required: false },
  { key: 'protectedIdentity', sv: 'Skyddad identitet', en: 'Protected identity', required: false },
] as const satisfies readonly ListColumn<string>[];

export type StudentListColumn = (typeof STUDENT_LIST_COLUMNS)[number]['key'];

/** Which of a listed student's details an import changes (`class`: enrols or moves). */
export const STUDENT_IMPORT_CHANGES = ['firstName', 'lastName', 'programmeCode', 'protectedIdentity', 'class'] as const;
export type StudentImportChange = (typeof STUDENT_IMPORT_CHANGES)[number];

/** The template a school fills in, with one example row (Skatteverket's test personnummer). */
export const studentListTemplate = (): string =>
  listTemplate(STUDENT_LIST_COLUMNS, ['19121212-1212', 'Tolvan', 'Tolvansson', '12345678', '7A', '', 'nej']);

export interface StudentListRow {
  line: number;
  student: CheckedStudent;
  schoolUnitCode: string;
  /** blank: the list says nothing of the class */
  className: string | null;
  /** null where the list has no such column: the student's flag stays as it is */
  protectedIdentity: boolean | null;
}

/** One data row, checked by the same rules as the form: the student, or the problems at their columns. */
export function readStudentListRow(
  line: number,
  columns: readonly (StudentListColumn | null)[],
  cells: readonly string[],
): { ok: true; row: StudentListRow } | { ok: false; problems: ListProblem[] } {
  const value = (key: StudentListColumn) => listCell(columns, cells, key);
  const problems: ListProblem[] = [];
  const protectedIdentity = listFlag(columns, cells, 'protectedIdentity', line, problems);
  const schoolUnitCode = value('schoolUnitCode');
  if (!schoolUnitCode) problems.push({ line, column: 'schoolUnitCode', code: 'REQUIRED' });
  const checked = checkStudent({
    personalIdentityNumber: value('personalIdentityNumber'),
    firstName: value('firstName'),
    lastName: value('lastName'),
    programmeCode: value('programmeCode'),
    protectedIdentity: protectedIdentity ?? false,
  });
  if (!checked.ok) problems.push(...checked.problems.map((problem) => listProblemOf(line, problem)));
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { line, student: checked.value, schoolUnitCode, className: value('className') || null, protectedIdentity } };
}
