// The school's own student list (elevlista) as Swedish Excel saves it: semicolon-separated, a header row, in UTF-8
// with or without a byte-order mark, or in Windows-1252. The columns are named in Swedish or English, in any order.
// The API reads an uploaded list with these rules; the web app offers the template.
import { checkStudent, type CheckedStudent, type PersonProblem } from './people.ts';

export const STUDENT_LIST_COLUMNS = [
  { key: 'personalIdentityNumber', sv: 'Personnummer', en: 'Personal identity number', required: true },
  { key: 'firstName', sv: 'Förnamn', en: 'First name', required: true },
  { key: 'lastName', sv: 'Efternamn', en: 'Last name', required: true },
  { key: 'schoolUnitCode', sv: 'Skolenhetskod', en: 'School unit code', required: true },
  { key: 'className', sv: 'Klass', en: 'Class', required: false },
  { key: 'programmeCode', sv: 'Program', en: 'Programme', required: false },
  { key: 'protectedIdentity', sv: 'Skyddad identitet', en: 'Protected identity', required: false },
] as const;

export type StudentListColumn = (typeof STUDENT_LIST_COLUMNS)[number]['key'];

/** A list may hold at most this many students: a municipality's largest school, with room to spare. */
export const MAX_STUDENT_LIST_ROWS = 20_000;
export const MAX_STUDENT_LIST_BYTES = 5 * 1024 * 1024;

/** Every problem a list can have, for the web app to name: the file's, the header's, a row's, and the organisation's. */
export const STUDENT_LIST_PROBLEMS = [
  'EMPTY',
  'TOO_LARGE',
  'TOO_MANY_ROWS',
  'MALFORMED',
  'FROM_DATE',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'MISSING_COLUMN',
  'REQUIRED',
  'TOO_LONG',
  'FORMAT',
  'DATE',
  'CHECK_DIGIT',
  'YES_OR_NO',
  'DUPLICATE_IN_LIST',
  'UNKNOWN_SCHOOL',
  'OTHER_SCHOOL',
  'NO_SCHOOL_YEAR',
  'UNKNOWN_CLASS',
  'CLASS_STARTS_LATER',
  'DUPLICATE',
  'OVERLAPS',
] as const;
export type StudentListProblemCode = (typeof STUDENT_LIST_PROBLEMS)[number];
export const isStudentListProblemCode = (code: unknown): code is StudentListProblemCode =>
  typeof code === 'string' && (STUDENT_LIST_PROBLEMS as readonly string[]).includes(code);

/** What an import does with a student of the list, and which of their details it changes (`class`: enrols or moves). */
export const STUDENT_IMPORT_OUTCOMES = ['ADD', 'CHANGE', 'UNCHANGED'] as const;
export type StudentImportOutcome = (typeof STUDENT_IMPORT_OUTCOMES)[number];
export const STUDENT_IMPORT_CHANGES = ['firstName', 'lastName', 'programmeCode', 'protectedIdentity', 'class'] as const;
export type StudentImportChange = (typeof STUDENT_IMPORT_CHANGES)[number];

/** A problem of the list: its line in the file (the header is line 1; 0 for the file as a whole) and column. */
export interface ListProblem {
  line: number;
  column: StudentListColumn | null;
  code: string;
}

/** The template a school fills in: the Swedish header and one example row (a test personnummer). */
export function studentListTemplate(): string {
  const header = STUDENT_LIST_COLUMNS.map((column) => column.sv).join(';');
  return `${header}\r\n19121212-1212;Tolvan;Tolvansson;12345678;7A;;nej\r\n`;
}

/**
 * The text of an uploaded list. UTF-8 where the bytes are UTF-8 (its byte-order mark dropped); otherwise the
 * Windows-1252 that Excel on Swedish Windows saves "CSV (semikolonavgränsad)" in.
 */
export function decodeListFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const normalisedHeader = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Which column each header cell is; unknown and repeated headers are problems on line 1. */
export function readListHeader(cells: readonly string[]): { columns: (StudentListColumn | null)[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const seen = new Set<StudentListColumn>();
  const columns = cells.map((cell) => {
    const name = normalisedHeader(cell);
    if (name === '') return null;
    const column = STUDENT_LIST_COLUMNS.find(
      (candidate) => normalisedHeader(candidate.sv) === name || normalisedHeader(candidate.en) === name,
    );
    if (!column) {
      problems.push({ line: 1, column: null, code: 'UNKNOWN_COLUMN' });
      return null;
    }
    if (seen.has(column.key)) problems.push({ line: 1, column: column.key, code: 'DUPLICATE_COLUMN' });
    seen.add(column.key);
    return column.key;
  });
  for (const column of STUDENT_LIST_COLUMNS) {
    if (column.required && !seen.has(column.key)) problems.push({ line: 1, column: column.key, code: 'MISSING_COLUMN' });
  }
  return { columns, problems };
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', '1', 'sant', 'true']);
const NO = new Set(['', 'nej', 'n', 'no', '0', 'falskt', 'false']);

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
  const value = (key: StudentListColumn): string => {
    const index = columns.indexOf(key);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const problems: ListProblem[] = [];
  const flag = value('protectedIdentity').toLowerCase();
  const protectedIdentity = columns.includes('protectedIdentity') ? (YES.has(flag) ? true : NO.has(flag) ? false : null) : null;
  if (columns.includes('protectedIdentity') && protectedIdentity === null) {
    problems.push({ line, column: 'protectedIdentity', code: 'YES_OR_NO' });
  }
  const schoolUnitCode = value('schoolUnitCode');
  if (!schoolUnitCode) problems.push({ line, column: 'schoolUnitCode', code: 'REQUIRED' });
  const checked = checkStudent({
    personalIdentityNumber: value('personalIdentityNumber'),
    firstName: value('firstName'),
    lastName: value('lastName'),
    programmeCode: value('programmeCode'),
    protectedIdentity: protectedIdentity ?? false,
  });
  if (!checked.ok) problems.push(...checked.problems.map((problem) => listProblem(line, problem)));
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { line, student: checked.value, schoolUnitCode, className: value('className') || null, protectedIdentity } };
}

function listProblem(line: number, problem: PersonProblem): ListProblem {
  const column = STUDENT_LIST_COLUMNS.find((candidate) => candidate.key === problem.field)?.key ?? null;
  return { line, column, code: problem.code };
}
