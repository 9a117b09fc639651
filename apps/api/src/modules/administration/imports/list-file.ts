// Reading an uploaded list (see @insyn/domain lists.ts): the file's size, encoding and CSV, the header, and each row
// by the list's own rule. Problems of the file or the header stop at once; a row's problems are collected.
import {
  decodeListFile,
  MAX_LIST_BYTES,
  MAX_LIST_ROWS,
  readListHeader,
  type ListColumn,
  type ListImportOutcome,
  type ListProblem,
} from '@insyn/domain';
import { CsvError, parse } from 'csv-parse/sync';
import { appError } from '../../../errors.ts';

/** Problems in the order of the file's lines (a stable sort keeps a line's problems in the order of its columns). */
const byLine = (problems: readonly ListProblem[]): ListProblem[] => [...problems].sort((a, b) => a.line - b.line);

export const refusedList = (problems: readonly ListProblem[]) =>
  appError('BAD_USER_INPUT', `The list was not imported: ${problems.length} problem(s)`, { problems: byLine(problems) });

/** What the import does with one row, in the report. */
export interface ListReportRow<Change extends string> {
  line: number;
  /** the personnummer of a student or guardian, the signature of a staff member */
  identifier: string;
  name: string;
  /** the student's class, or the guardian's child */
  detail: string | null;
  outcome: ListImportOutcome;
  changes: Change[];
}

export interface ListReport<Change extends string> {
  applied: boolean;
  added: number;
  changed: number;
  unchanged: number;
  rows: ListReportRow<Change>[];
  problems: ListProblem[];
}

/** The report of a plan: its rows' outcomes counted, and the problems by line. */
export function listReport<Change extends string>(
  applied: boolean,
  rows: readonly ListReportRow<Change>[],
  problems: readonly ListProblem[],
): ListReport<Change> {
  const count = (outcome: ListImportOutcome) => rows.filter((row) => row.outcome === outcome).length;
  return {
    applied,
    added: count('ADD'),
    changed: count('CHANGE'),
    unchanged: count('UNCHANGED'),
    rows: rows.map(({ line, identifier, name, detail, outcome, changes }) => ({
      line,
      identifier,
      name,
      detail,
      outcome,
      changes,
    })),
    problems: byLine(problems),
  };
}

/** The list's records with the line each ends on; a malformed file is one problem at the line where it broke. */
function parseList(text: string): { cells: string[]; line: number }[] {
  const lines: number[] = [];
  try {
    const records = parse(text, {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
    return records.map((cells, index) => ({ cells, line: lines[index] ?? 0 }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw refusedList([{ line: typeof error.lines === 'number' ? error.lines : 0, column: null, code: 'MALFORMED' }]);
    }
    throw error;
  }
}

/**
 * The rows of an uploaded list, each read by `readRow`; a row whose `keyOf` an earlier row had is DUPLICATE_IN_LIST
 * at the key's column. Also the columns the list has, so that absent ones change nothing.
 */
export function readListFile<Key extends string, Row>(
  bytes: Uint8Array,
  definitions: readonly ListColumn<Key>[],
  readRow: (
    line: number,
    columns: readonly (Key | null)[],
    cells: readonly string[],
  ) => { ok: true; row: Row } | { ok: false; problems: ListProblem[] },
  keyOf: (row: Row) => { key: string; column: Key },
): { rows: Row[]; columns: ReadonlySet<Key>; problems: ListProblem[] } {
  if (bytes.byteLength === 0) throw refusedList([{ line: 0, column: null, code: 'EMPTY' }]);
  if (bytes.byteLength > MAX_LIST_BYTES) throw refusedList([{ line: 0, column: null, code: 'TOO_LARGE' }]);
  const [header, ...records] = parseList(decodeListFile(bytes));
  if (!header) throw refusedList([{ line: 0, column: null, code: 'EMPTY' }]);
  if (records.length > MAX_LIST_ROWS) throw refusedList([{ line: 0, column: null, code: 'TOO_MANY_ROWS' }]);
  const { columns, problems } = readListHeader(definitions, header.cells);
  if (problems.length > 0) throw refusedList(problems);
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const read = readRow(record.line, columns, record.cells);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const { key, column } = keyOf(read.row);
    if (seen.has(key)) problems.push({ line: record.line, column, code: 'DUPLICATE_IN_LIST' });
    else seen.add(key);
    rows.push(read.row);
  }
  return { rows, columns: new Set(columns.flatMap((column) => (column ? [column] : []))), problems };
}
