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
import type { ListKind, Prisma } from '@insyn/db';
import { CsvError, parse } from 'csv-parse/sync';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../../context.ts';
import { appError } from '../../../errors.ts';
import { requireAdministration, type Administration } from '../administration.access.ts';
import { recordChanges, type RecordedChange } from '../administration.changes.ts';

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
function listReport<Change extends string>(
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

/** Who imports which list: the run to record, in the organisation's history. */
interface ListImportRun {
  administration: Administration;
  kind: ListKind;
}

/** Records an applied import, in the transaction that wrote it. */
async function recordAppliedImport(
  ctx: Pick<RequestContext, 'now'>,
  prisma: Prisma.TransactionClient,
  run: ListImportRun,
  report: Pick<ListReport<string>, 'added' | 'changed' | 'unchanged'>,
): Promise<void> {
  await prisma.listImport.create({
    data: {
      organisationId: run.administration.organisationId,
      importedByStaffId: run.administration.staffId,
      kind: run.kind,
      createdAt: ctx.now,
      applied: true,
      added: report.added,
      changed: report.changed,
      unchanged: report.unchanged,
      problems: [],
    },
  });
}

/**
 * Runs an import; an import meant to be written that is refused for its problems (the file's, the header's or
 * the rows') is recorded in the history with them before the refusal goes on. A dry run is not recorded.
 */
async function recordingRefusals<T>(ctx: RequestContext, run: ListImportRun, apply: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const problems = error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT' ? error.extensions.problems : undefined;
    if (apply && Array.isArray(problems)) {
      await ctx.prisma.listImport.create({
        data: {
          organisationId: run.administration.organisationId,
          importedByStaffId: run.administration.staffId,
          kind: run.kind,
          createdAt: ctx.now,
          applied: false,
          added: 0,
          changed: 0,
          unchanged: 0,
          problems: problems as Prisma.InputJsonArray,
        },
      });
    }
    throw error;
  }
}

/** The organisation's latest imports, newest first, with who made them. */
export async function listImportHistory(ctx: RequestContext, organisationId: string) {
  const runs = await ctx.prisma.listImport.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    include: { importedBy: { select: { firstName: true, lastName: true } } },
  });
  return runs.map((run) => ({
    id: run.id,
    kind: run.kind,
    at: run.createdAt.toISOString(),
    by: `${run.importedBy.firstName} ${run.importedBy.lastName}`,
    applied: run.applied,
    added: run.added,
    changed: run.changed,
    unchanged: run.unchanged,
    problems: Array.isArray(run.problems) ? run.problems.length : 0,
  }));
}

/** Where a list's writing has got to: the line being written, 0 once the rows go in bulk. */
export interface WriteCursor {
  line: number;
}

/**
 * One import of a list, the same for every kind: the administrator's organisation, the plan and its report;
 * with `apply`, the plan written in one transaction with its audit rows and its place in the history, or refused
 * with every problem and nothing written. `refusalOf` turns what the database refused at the cursor's line (a
 * person entered by hand meanwhile) into the list's problem.
 */
export async function runListImport<Change extends string, Plan extends ListReportRow<Change>>(
  ctx: RequestContext,
  kind: ListKind,
  apply: boolean,
  steps: {
    plan: (organisationId: string) => Promise<{ planned: Plan[]; problems: ListProblem[] }>;
    write: (
      prisma: Prisma.TransactionClient,
      organisationId: string,
      planned: readonly Plan[],
      cursor: WriteCursor,
    ) => Promise<RecordedChange[]>;
    refusalOf: (error: unknown, line: number) => ListProblem | null;
  },
): Promise<ListReport<Change>> {
  const administration = await requireAdministration(ctx);
  const { organisationId } = administration;
  const run: ListImportRun = { administration, kind };
  return recordingRefusals(ctx, run, apply, async () => {
    const { planned, problems } = await steps.plan(organisationId);
    if (apply && problems.length > 0) throw refusedList(problems);
    const report = listReport(apply, planned, problems);
    if (!apply) return report;
    const cursor: WriteCursor = { line: 0 };
    try {
      await ctx.prisma.$transaction(
        async (prisma) => {
          const changes = await steps.write(prisma, organisationId, planned, cursor);
          await recordChanges({ ...ctx, prisma }, changes);
          await recordAppliedImport(ctx, prisma, run, report);
        },
        // A school's list is hundreds of rows; the default five seconds is for a form.
        { timeout: 300_000, maxWait: 10_000 },
      );
    } catch (error) {
      const problem = steps.refusalOf(error, cursor.line);
      if (problem) throw refusedList([problem]);
      throw error;
    }
    return report;
  });
}
