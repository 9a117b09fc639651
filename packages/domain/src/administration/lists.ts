// The school's own lists (elevlista, vårdnadshavarlista) as Swedish Excel saves them: semicolon-separated, a header
// row, in UTF-8 with or without a byte-order mark, or in Windows-1252. The columns are named in Swedish or English,
// in any order. The API reads an uploaded list with these rules; the web app offers each list's template.
import { neutraliseCsvText } from '../csv.ts';
import type { PersonProblem } from './people.ts';

export interface ListColumn<Key extends string> {
  key: Key;
  sv: string;
  en: string;
  required: boolean;
}

/** A list may hold at most this many rows: a municipality's largest school, with room to spare. */
export const MAX_LIST_ROWS = 20_000;
export const MAX_LIST_BYTES = 5 * 1024 * 1024;

/** Every problem a list can have, for the web app to name: the file's, the header's, a row's, and the organisation's. */
export const LIST_PROBLEMS = [
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
  'INVALID_PHONE',
  'NOT_A_MOBILE',
  'INVALID_EMAIL',
  'PROTECTED_IDENTITY',
  'DUPLICATE_IN_LIST',
  'UNKNOWN_SCHOOL',
  'OTHER_SCHOOL',
  'NO_SCHOOL_YEAR',
  'UNKNOWN_CLASS',
  'CLASS_STARTS_LATER',
  'UNKNOWN_STUDENT',
  'CONFLICTING_DETAILS',
  'UNKNOWN_DUTY',
  'NOT_ALLOWED',
  'END_BEFORE_START',
  'UNKNOWN_GROUP',
  'WRONG_GROUP_KIND',
  'DUPLICATE',
  'OVERLAPS',
] as const;
export type ListProblemCode = (typeof LIST_PROBLEMS)[number];

/** A problem of a list: its line in the file (the header is line 1; 0 for the file as a whole) and column. */
export interface ListProblem {
  line: number;
  column: string | null;
  code: string;
}

/** What an import does with a person of the list. */
export const LIST_IMPORT_OUTCOMES = ['ADD', 'CHANGE', 'UNCHANGED'] as const;
export type ListImportOutcome = (typeof LIST_IMPORT_OUTCOMES)[number];

/** A list's template: the Swedish header and an example row (no cell a formula, as in every CSV Insyn writes). */
export const listTemplate = (columns: readonly ListColumn<string>[], example: readonly string[]): string =>
  `${columns.map((column) => neutraliseCsvText(column.sv)).join(';')}\r\n${example.map(neutraliseCsvText).join(';')}\r\n`;

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

/** Which column each header cell is; unknown, repeated and missing required columns are problems on line 1. */
export function readListHeader<Key extends string>(
  definitions: readonly ListColumn<Key>[],
  cells: readonly string[],
): { columns: (Key | null)[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const seen = new Set<Key>();
  const columns = cells.map((cell) => {
    const name = normalisedHeader(cell);
    if (name === '') return null;
    const column = definitions.find((candidate) => normalisedHeader(candidate.sv) === name || normalisedHeader(candidate.en) === name);
    if (!column) {
      problems.push({ line: 1, column: null, code: 'UNKNOWN_COLUMN' });
      return null;
    }
    if (seen.has(column.key)) problems.push({ line: 1, column: column.key, code: 'DUPLICATE_COLUMN' });
    seen.add(column.key);
    return column.key;
  });
  for (const column of definitions) {
    if (column.required && !seen.has(column.key)) problems.push({ line: 1, column: column.key, code: 'MISSING_COLUMN' });
  }
  return { columns, problems };
}

/** A row's cell of a column, trimmed; blank where the list has no such column. */
export function listCell<Key extends string>(columns: readonly (Key | null)[], cells: readonly string[], key: Key): string {
  const index = columns.indexOf(key);
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', '1', 'sant', 'true']);
const NO = new Set(['', 'nej', 'n', 'no', '0', 'falskt', 'false']);

/**
 * A yes-or-no column: null where the list has no such column (the flag stays as it is); a cell that is neither is
 * a YES_OR_NO problem.
 */
export function listFlag<Key extends string>(
  columns: readonly (Key | null)[],
  cells: readonly string[],
  key: Key,
  line: number,
  problems: ListProblem[],
): boolean | null {
  if (!columns.includes(key)) return null;
  const value = listCell(columns, cells, key).toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  problems.push({ line, column: key, code: 'YES_OR_NO' });
  return null;
}

/** A problem of the form's rules on a row: the form's field is the list's column of the same key. */
export const listProblemOf = (line: number, problem: PersonProblem): ListProblem => ({ line, column: problem.field, code: problem.code });
