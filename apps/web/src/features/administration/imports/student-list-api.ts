// The student list goes to the API outside GraphQL (see the API's imports.router.ts): a dry run, then the same
// file applied.
import { STUDENT_IMPORT_CHANGES, STUDENT_IMPORT_OUTCOMES, STUDENT_LIST_COLUMNS, STUDENT_LIST_PROBLEMS } from '@insyn/domain';
import { z } from 'zod';
import { authorizedFetch } from '../../../lib/authorized-fetch';

const ENDPOINT = '/api/administration/imports/students';

const listProblem = z.object({
  line: z.number(),
  column: z.enum(STUDENT_LIST_COLUMNS.map((column) => column.key)).nullable(),
  code: z.enum(STUDENT_LIST_PROBLEMS),
});

const report = z.object({
  applied: z.boolean(),
  fromDate: z.string(),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      line: z.number(),
      personalIdentityNumber: z.string(),
      name: z.string(),
      className: z.string().nullable(),
      outcome: z.enum(STUDENT_IMPORT_OUTCOMES),
      changes: z.array(z.enum(STUDENT_IMPORT_CHANGES)),
    }),
  ),
  problems: z.array(listProblem),
});

export type ListProblem = z.infer<typeof listProblem>;
export type StudentImportReport = z.infer<typeof report>;

export type ImportOutcome =
  { ok: true; report: StudentImportReport } | { ok: false; problems: ListProblem[]; failure: 'unreachable' | 'failed' | null };

const refusal = z.object({ problems: z.array(listProblem).min(1) });

export async function sendStudentList(input: { file: File; fromDate: string; apply: boolean }): Promise<ImportOutcome> {
  const form = new FormData();
  // The fields before the file: the API reads them even when it stops reading an oversized file.
  form.append('fromDate', input.fromDate);
  form.append('apply', input.apply ? 'true' : 'false');
  form.append('list', input.file, input.file.name);
  let response: Response;
  try {
    response = await authorizedFetch(ENDPOINT, { method: 'POST', body: form });
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
