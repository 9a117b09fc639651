// The school's lists go to the API outside GraphQL (see the API's imports.router.ts): a dry run, then the same file
// applied. What each list is (its columns, template and changes) is the domain's.
import {
  GUARDIAN_IMPORT_CHANGES,
  GUARDIAN_LIST_COLUMNS,
  guardianListTemplate,
  LIST_IMPORT_OUTCOMES,
  LIST_PROBLEMS,
  STAFF_IMPORT_CHANGES,
  STAFF_LIST_COLUMNS,
  staffListTemplate,
  STUDENT_IMPORT_CHANGES,
  STUDENT_LIST_COLUMNS,
  studentListTemplate,
  type ListColumn,
} from '@insyn/domain';
import { z } from 'zod';
import { authorizedFetch } from '../../../lib/authorized-fetch';

export type ListKind = 'students' | 'guardians' | 'staff';

export const LISTS: Record<ListKind, { columns: readonly ListColumn<string>[]; template: () => string; path: string }> = {
  students: { columns: STUDENT_LIST_COLUMNS, template: studentListTemplate, path: '/administration/elevlista' },
  guardians: { columns: GUARDIAN_LIST_COLUMNS, template: guardianListTemplate, path: '/administration/vardnadshavarlista' },
  staff: { columns: STAFF_LIST_COLUMNS, template: staffListTemplate, path: '/administration/personallista' },
};

const COLUMN_KEYS = [...new Set([...STUDENT_LIST_COLUMNS, ...GUARDIAN_LIST_COLUMNS, ...STAFF_LIST_COLUMNS].map((column) => column.key))];

const listProblem = z.object({
  line: z.number(),
  column: z.enum(COLUMN_KEYS).nullable(),
  code: z.enum(LIST_PROBLEMS),
});

const report = z.object({
  applied: z.boolean(),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      line: z.number(),
      name: z.string(),
      detail: z.string().nullable(),
      outcome: z.enum(LIST_IMPORT_OUTCOMES),
      changes: z.array(z.enum([...new Set([...STUDENT_IMPORT_CHANGES, ...GUARDIAN_IMPORT_CHANGES, ...STAFF_IMPORT_CHANGES])])),
    }),
  ),
  problems: z.array(listProblem),
});

export type ListProblem = z.infer<typeof listProblem>;
export type ListImportReport = z.infer<typeof report>;

export type ImportOutcome =
  { ok: true; report: ListImportReport } | { ok: false; problems: ListProblem[]; failure: 'unreachable' | 'failed' | null };

const refusal = z.object({ problems: z.array(listProblem).min(1) });

export async function sendList(kind: ListKind, input: { file: File; fromDate: string; apply: boolean }): Promise<ImportOutcome> {
  const form = new FormData();
  // The fields before the file: the API reads them even when it stops reading an oversized file.
  form.append('fromDate', input.fromDate);
  form.append('apply', input.apply ? 'true' : 'false');
  form.append('list', input.file, input.file.name);
  let response: Response;
  try {
    response = await authorizedFetch(`/api/administration/imports/${kind}`, { method: 'POST', body: form });
  } catch {
    return { ok: false, problems: [], failure: 'unreachable' };
  }
  const body: unknown = await response.json().catch(() => null);
  const answered = report.safeParse(body);
  if (response.ok && answered.success) return { ok: true, report: answered.data };
  const refused = refusal.safeParse(body);
  if (response.status === 400 && refused.success) return { ok: false, problems: refused.data.problems, failure: null };
  return { ok: false, problems: [], failure: response.status >= 500 ? 'unreachable' : 'failed' };
}

const history = z.object({
  runs: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['STUDENTS', 'GUARDIANS', 'STAFF']),
      at: z.string(),
      by: z.string(),
      applied: z.boolean(),
      added: z.number(),
      changed: z.number(),
      unchanged: z.number(),
      problems: z.number(),
    }),
  ),
});

export type ImportRun = z.infer<typeof history>['runs'][number];

/** The organisation's latest imports meant to be written; null when they could not be read. */
export async function fetchImportHistory(): Promise<ImportRun[] | null> {
  try {
    const response = await authorizedFetch('/api/administration/imports/history');
    const parsed = history.safeParse(await response.json());
    return response.ok && parsed.success ? parsed.data.runs : null;
  } catch {
    return null;
  }
}
