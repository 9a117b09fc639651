// The decision's PDF goes to and from the API outside GraphQL (see the API's support-decisions.router.ts).
import { PDF_PROBLEMS, SUPPORT_DECISION_KINDS, type SupportDecisionKind, type SupportDecisionProblem } from '@insyn/domain';
import { authorizedFetch } from '../../lib/authorized-fetch';
import { downloadFromApi } from '../../lib/download';

const ENDPOINT = '/api/support-decisions';

const PROBLEMS: readonly string[] = [
  'UNKNOWN_KIND',
  'SUMMARY_REQUIRED',
  'SUMMARY_TOO_LONG',
  'INVALID_DATE',
  'IN_THE_FUTURE',
  'DOCUMENT_REQUIRED',
  'DOCUMENT_TOO_LARGE',
  // NOT_A_PDF and what the API finds when it reads the whole file (JavaScript, attachments, …)
  ...PDF_PROBLEMS,
] satisfies SupportDecisionProblem[];

export const isSupportDecisionProblem = (value: unknown): value is SupportDecisionProblem =>
  typeof value === 'string' && PROBLEMS.includes(value);

export const isKind = (value: string): value is SupportDecisionKind => (SUPPORT_DECISION_KINDS as readonly string[]).includes(value);

/** Not the input's fault: the API could not be reached, refused (the viewer may not record for the student), or failed. */
export type Failure = 'unreachable' | 'gone' | 'failed';

export type UploadOutcome = { ok: true } | { ok: false; problems: SupportDecisionProblem[]; failure: Failure | null };

export interface DecisionUpload {
  studentId: string;
  kind: SupportDecisionKind;
  summary: string;
  decidedOn: string;
  file: File;
}

export async function uploadSupportDecision(input: DecisionUpload): Promise<UploadOutcome> {
  const form = new FormData();
  // The fields before the file: the API reads them even when it stops reading an oversized file.
  form.append('studentId', input.studentId);
  form.append('kind', input.kind);
  form.append('summary', input.summary);
  form.append('decidedOn', input.decidedOn);
  form.append('document', input.file, input.file.name);
  let response: Response;
  try {
    response = await authorizedFetch(ENDPOINT, { method: 'POST', body: form });
  } catch {
    return { ok: false, problems: [], failure: 'unreachable' };
  }
  if (response.ok) return { ok: true };
  const body: unknown = await response.json().catch(() => null);
  const listed = typeof body === 'object' && body !== null && 'problems' in body && Array.isArray(body.problems) ? body.problems : [];
  const problems = listed.filter(isSupportDecisionProblem);
  if (response.status === 400 && problems.length > 0) return { ok: false, problems, failure: null };
  return { ok: false, problems: [], failure: response.status === 404 ? 'gone' : response.status >= 500 ? 'unreachable' : 'failed' };
}

/** Fetches the PDF with the session's token and hands it to the browser as a download; false when that failed. */
export async function downloadSupportDecision(id: string, name: string): Promise<boolean> {
  return (await downloadFromApi(`${ENDPOINT}/${encodeURIComponent(id)}/document`, {}, name)).ok;
}
