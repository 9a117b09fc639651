import { authorizedFetch } from './authorized-fetch';

/** Lets the browser save the blob as a file named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL is not needed after this task.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A download from the API: saved, or refused with the HTTP status and the `code` of the API's JSON answer
 * (status null: the API could not be reached).
 */
export type DownloadOutcome = { ok: true } | { ok: false; status: number | null; code: string | null };

/** The file name the API gives in `Content-Disposition: attachment; filename="…"`. */
function attachmentName(response: Response): string | null {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
}

async function refusalCode(response: Response): Promise<string | null> {
  const body: unknown = await response.json().catch(() => null);
  return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : null;
}

/**
 * Fetches a file from one of the API's routes outside GraphQL with the session's token and hands it to the browser
 * as a download, named `filename` or else as the API names it.
 */
export async function downloadFromApi(url: string, init: RequestInit = {}, filename?: string): Promise<DownloadOutcome> {
  let response: Response;
  try {
    response = await authorizedFetch(url, init);
  } catch {
    return { ok: false, status: null, code: null };
  }
  if (!response.ok) return { ok: false, status: response.status, code: await refusalCode(response) };
  try {
    downloadBlob(await response.blob(), filename ?? attachmentName(response) ?? 'download');
  } catch {
    return { ok: false, status: null, code: null }; // the connection broke off mid-file
  }
  return { ok: true };
}
