// Support decisions (beslut om särskilt stöd, åtgärdsprogram, anpassad studiegång): the school records the
// decision with its signed document (a PDF); it is published to the home at once, and the guardians (or the
// student) confirm that they have read it. Under the Education Act (skollagen 3 kap.) the principal decides
// all three, so the principal records them; the municipality's administrators may record on the principal's
// behalf. The mentor reads them but does not record.
import { isIsoDate } from './iso-week.ts';
import type { PdfProblem } from './pdf-safety.ts';

export const SUPPORT_DECISION_KINDS = ['SPECIAL_SUPPORT', 'ACTION_PROGRAMME', 'ADAPTED_STUDY_PATH'] as const;
export type SupportDecisionKind = (typeof SUPPORT_DECISION_KINDS)[number];

export const MAX_SUPPORT_SUMMARY_LENGTH = 2000;
/** A scanned, signed decision of a few pages fits well within this. */
export const MAX_SUPPORT_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_NAME_LENGTH = 120;
/** Every PDF file starts with these bytes; a name ending in .pdf or a MIME type says nothing. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
export const PDF_MAGIC_LENGTH = PDF_MAGIC.length;

export type SupportDecisionProblem =
  | 'UNKNOWN_KIND'
  | 'SUMMARY_REQUIRED'
  | 'SUMMARY_TOO_LONG'
  | 'INVALID_DATE'
  | 'IN_THE_FUTURE'
  | 'DOCUMENT_REQUIRED'
  | 'DOCUMENT_TOO_LARGE'
  /** NOT_A_PDF from the first bytes here; the others when the API has parsed the whole file (pdf-safety.ts) */
  | PdfProblem;

export const isSupportDecisionKind = (value: string): value is SupportDecisionKind =>
  (SUPPORT_DECISION_KINDS as readonly string[]).includes(value);

/** True when the bytes begin as a PDF does. */
export function looksLikePdf(head: Uint8Array): boolean {
  return head.length >= PDF_MAGIC.length && PDF_MAGIC.every((byte, index) => head[index] === byte);
}

export interface SupportDecisionInput {
  kind: string;
  summary: string;
  /** `YYYY-MM-DD`, the date on the decision */
  decidedOn: string;
  /** null when no file came; `head` is at least the file's first bytes (the whole file will do) */
  document: { size: number; head: Uint8Array } | null;
}

/** What is wrong with a decision before it is saved; empty when nothing is. */
export function checkSupportDecision(input: SupportDecisionInput, today: string): SupportDecisionProblem[] {
  const problems: SupportDecisionProblem[] = [];
  if (!isSupportDecisionKind(input.kind)) problems.push('UNKNOWN_KIND');
  const summary = input.summary.trim();
  if (!summary) problems.push('SUMMARY_REQUIRED');
  else if (summary.length > MAX_SUPPORT_SUMMARY_LENGTH) problems.push('SUMMARY_TOO_LONG');
  if (!isIsoDate(input.decidedOn)) problems.push('INVALID_DATE');
  else if (input.decidedOn > today) problems.push('IN_THE_FUTURE');
  const { document } = input;
  if (!document || document.size === 0) problems.push('DOCUMENT_REQUIRED');
  else if (document.size > MAX_SUPPORT_DOCUMENT_BYTES) problems.push('DOCUMENT_TOO_LARGE');
  else if (!looksLikePdf(document.head)) problems.push('NOT_A_PDF');
  return problems;
}

/**
 * The file name as stored and offered for download: no folders, no control or reserved characters
 * (it ends up in a Content-Disposition header and on the reader's disk), not too long, ending in .pdf.
 */
export function sanitizeDocumentName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|;]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const stem =
    cleaned
      .replace(/\.pdf$/i, '')
      .replace(/^\.+/, '')
      .trim() || 'beslut';
  return `${stem.slice(0, MAX_DOCUMENT_NAME_LENGTH - 4).trim()}.pdf`;
}
