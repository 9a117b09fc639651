// What an uploaded PDF may hold before it is stored and handed to the home (issue 17, item 4): a support
// decision's document is opened by guardians in whatever reader they have, so it may do nothing but show its
// pages. The API parses the file (support-decisions/pdf-inspection.ts) into the objects below and asks these
// rules what is wrong with them; pdf.js then opens it as a reader would.
//
// Refused, each with a stable problem code:
// - NOT_A_PDF: the file does not start with `%PDF-` (a renamed file, or anything wrapped around a PDF, as an
//   HTML/PDF polyglot is).
// - PDF_UNREADABLE: it starts as a PDF but is not a well-formed one: cut off (no `%%EOF`), broken objects,
//   compressed objects that cannot be read, or pdf.js cannot open it or one of its pages.
// - PDF_EXTRA_CONTENT: something other than white space after the last `%%EOF` (a polyglot again).
// - PDF_TOO_MANY_PAGES: more than MAX_PDF_PAGES pages; a decision has a few, and reading each page costs time.
// - PDF_ENCRYPTED: encrypted (`/Encrypt`), even without an open password: its strings and compressed objects
//   cannot be checked.
// - PDF_JAVASCRIPT: JavaScript anywhere: the document's JavaScript name tree, an `/OpenAction`, page, field or
//   annotation action (`/JS`, `/JavaScript`), or an XFA form (`/XFA`), which carries scripts of its own.
// - PDF_UNSAFE_ACTION: actions that leave the document: `/Launch` (starts a program or opens a file),
//   `/SubmitForm`, `/ImportData`, `/GoToR` and `/GoToE` (open another file), `/RichMediaExecute`, and links
//   (`/URI`) other than http, https, mailto and tel: `javascript:`, `file:`, `data:`, a path to another
//   computer (`\\server\share`) and the like.
// - PDF_EMBEDDED_FILE: files inside the PDF: the `/EmbeddedFiles` name tree, `/EmbeddedFile` streams and a
//   file specification's `/EF`, `/FileAttachment` annotations, `/RichMedia`.
// A name counts wherever it stands in any object of the file, also in an earlier revision or an object nothing
// refers to, and however it is spelt (`/J#61vaScript` is `/JavaScript`): a reader that repairs a file may find
// what another one does not.
import { looksLikePdf } from './support-decisions.ts';

export const PDF_PROBLEMS = [
  'NOT_A_PDF',
  'PDF_UNREADABLE',
  'PDF_EXTRA_CONTENT',
  'PDF_TOO_MANY_PAGES',
  'PDF_ENCRYPTED',
  'PDF_JAVASCRIPT',
  'PDF_UNSAFE_ACTION',
  'PDF_EMBEDDED_FILE',
] as const;
export type PdfProblem = (typeof PDF_PROBLEMS)[number];

/** A signed decision with its appendices has a few pages; the check reads every one. */
export const MAX_PDF_PAGES = 500;

/** One value of a PDF object, as the API's parser reads it; names without their slash, `#xx` decoded. */
export type PdfValue =
  | { kind: 'name'; name: string }
  | { kind: 'string'; bytes: Uint8Array }
  | { kind: 'number'; value: number }
  /** `true`, `false`, `null` and any other bare word */
  | { kind: 'keyword'; word: string }
  /** `12 0 R`: the object `12 0` */
  | { kind: 'ref'; id: string }
  | { kind: 'array'; items: readonly PdfValue[] }
  /** every entry as written, a repeated key too */
  | { kind: 'dict'; entries: readonly (readonly [string, PdfValue])[] };

/** Names that refuse a file wherever they stand, as a key or as a value. */
const NAME_PROBLEMS: ReadonlyMap<string, PdfProblem> = new Map<string, PdfProblem>([
  ['JavaScript', 'PDF_JAVASCRIPT'],
  ['JS', 'PDF_JAVASCRIPT'],
  ['XFA', 'PDF_JAVASCRIPT'],
  ['Launch', 'PDF_UNSAFE_ACTION'],
  ['SubmitForm', 'PDF_UNSAFE_ACTION'],
  ['ImportData', 'PDF_UNSAFE_ACTION'],
  ['GoToR', 'PDF_UNSAFE_ACTION'],
  ['GoToE', 'PDF_UNSAFE_ACTION'],
  ['RichMediaExecute', 'PDF_UNSAFE_ACTION'],
  ['EmbeddedFiles', 'PDF_EMBEDDED_FILE'],
  ['EmbeddedFile', 'PDF_EMBEDDED_FILE'],
  ['FileAttachment', 'PDF_EMBEDDED_FILE'],
  ['RichMedia', 'PDF_EMBEDDED_FILE'],
  ['Encrypt', 'PDF_ENCRYPTED'],
]);
/** Keys too short to refuse as values: a file specification's embedded file streams. */
const KEY_PROBLEMS: ReadonlyMap<string, PdfProblem> = new Map<string, PdfProblem>([['EF', 'PDF_EMBEDDED_FILE']]);

/** The problem a name brings, if any. */
export function pdfNameProblem(name: string, asKey: boolean): PdfProblem | null {
  return NAME_PROBLEMS.get(name) ?? (asKey ? KEY_PROBLEMS.get(name) : undefined) ?? null;
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * What is wrong with a link's target (a `/URI` action, or what pdf.js reports for a link): any scheme but
 * http, https, mailto and tel, or a path to another computer. A relative link without a scheme stays in the
 * document's place and is let be.
 */
export function pdfLinkProblem(uri: string): PdfProblem | null {
  // Read as a browser reads a URL: controls and spaces around it dropped, tabs and line breaks anywhere.
  // eslint-disable-next-line no-control-regex
  const cleaned = uri.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  if (scheme !== undefined) return LINK_SCHEMES.has(scheme.toLowerCase()) ? null : 'PDF_UNSAFE_ACTION';
  return /^[\\/]{2}/.test(cleaned) ? 'PDF_UNSAFE_ACTION' : null;
}

/** A PDF text string: UTF-16BE or UTF-8 after their byte-order marks, otherwise one byte a character. */
export function pdfText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return String.fromCharCode(...bytes.subarray(0, 8192));
}

/**
 * What the file's objects hold that is refused: every value of every object (in the order of PDF_PROBLEMS,
 * each once). `resolve` finds an object by its id, for a link whose target is kept in an object of its own.
 */
export function pdfObjectProblems(values: readonly PdfValue[], resolve: (id: string) => PdfValue | undefined): PdfProblem[] {
  const found = new Set<PdfProblem>();
  const note = (problem: PdfProblem | null) => {
    if (problem) found.add(problem);
  };
  // A stack rather than recursion: the parser limits nesting, but this should not depend on it.
  const stack: PdfValue[] = [...values];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (value.kind === 'name') note(pdfNameProblem(value.name, false));
    else if (value.kind === 'array') stack.push(...value.items);
    else if (value.kind === 'dict') {
      for (const [key, entry] of value.entries) {
        note(pdfNameProblem(key, true));
        if (key === 'URI') {
          const target = entry.kind === 'ref' ? resolve(entry.id) : entry;
          if (target?.kind === 'string') note(pdfLinkProblem(pdfText(target.bytes)));
        }
        stack.push(entry);
      }
    }
  }
  return PDF_PROBLEMS.filter((problem) => found.has(problem));
}

const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const EOF_MARKER = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** Where the last `%%EOF` starts; -1 if there is none. */
function lastEofMarker(bytes: Uint8Array): number {
  for (let start = bytes.length - EOF_MARKER.length; start >= 0; start--) {
    if (bytes[start] === 0x25 && EOF_MARKER.every((byte, index) => bytes[start + index] === byte)) return start;
  }
  return -1;
}

/**
 * The file's outline: `%PDF-` first, and after the last `%%EOF` nothing but white space. A file that is
 * cut off has no `%%EOF`; HTML or anything else around the PDF makes it a polyglot that another program
 * would read as something else.
 */
export function pdfEnvelopeProblem(bytes: Uint8Array): PdfProblem | null {
  if (!looksLikePdf(bytes)) return 'NOT_A_PDF';
  const eof = lastEofMarker(bytes);
  if (eof < 0) return 'PDF_UNREADABLE';
  for (let index = eof + EOF_MARKER.length; index < bytes.length; index++) {
    if (!PDF_WHITESPACE.has(bytes[index]!)) return 'PDF_EXTRA_CONTENT';
  }
  return null;
}
