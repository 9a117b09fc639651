// Whether an uploaded PDF may be stored and handed to the home (issue 17, item 4; the rules are the domain's
// pdf-safety.ts). Three looks, each refusing on its own:
// 1. the outline: `%PDF-` first, nothing but white space after the last `%%EOF`;
// 2. every object of the file as its bytes stand (pdf-objects.ts): earlier revisions, objects nothing refers
//    to and the insides of compressed object streams included, so that no reader finds what was not checked;
// 3. pdf.js, Mozilla's PDF reader (the one in Firefox): the file opens, has at most MAX_PDF_PAGES pages, every
//    page with its annotations and its text loads with pdf.js's error recovery turned off, and pdf.js sees no
//    JavaScript, attachment or unsafe link.
// A PDF that passes does nothing but show its pages.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_PDF_PAGES, pdfEnvelopeProblem, pdfLinkProblem, pdfObjectProblems, PDF_PROBLEMS, type PdfProblem } from '@insyn/domain';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdfObjects } from './pdf-objects.ts';

let pdfjs: Promise<typeof PdfJsModule> | undefined;
/** pdf.js is loaded at the first upload, not when the server starts. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's own files (character maps, the standard fonts, its WebAssembly), read from the package: nothing is fetched. */
const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const packaged = (folder: string) => `${join(pdfjsFolder, folder)}/`;

const ordered = (problems: Iterable<PdfProblem>): PdfProblem[] => {
  const found = new Set(problems);
  return PDF_PROBLEMS.filter((problem) => found.has(problem));
};

/** What is wrong with the file as a support decision's document; empty when it may be stored. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfProblem[]> {
  const envelope = pdfEnvelopeProblem(bytes);
  if (envelope) return [envelope];
  let problems: PdfProblem[];
  try {
    const { values, byId } = readPdfObjects(bytes);
    problems = pdfObjectProblems(values, (id) => byId.get(id));
  } catch {
    // PdfSyntaxError, or anything else the bytes brought about: a file that cannot be read through is refused.
    return ['PDF_UNREADABLE'];
  }
  // What is already refused need not be opened.
  return problems.length > 0 ? problems : pdfReaderProblems(bytes);
}

/** The file as pdf.js opens it (exported for the tests, which check this look on its own). */
export async function pdfReaderProblems(bytes: Uint8Array): Promise<PdfProblem[]> {
  const { AnnotationType, getDocument } = await loadPdfJs();
  const task = getDocument({
    // A copy: pdf.js takes the bytes over.
    data: new Uint8Array(bytes),
    // No repairs: what pdf.js would have to guess at is not a well-formed PDF.
    stopAtErrors: true,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: packaged('cmaps'),
    standardFontDataUrl: packaged('standard_fonts'),
    wasmUrl: packaged('wasm'),
    // Errors only: a broken file is an answer here, not something to log.
    verbosity: 0,
  });
  const found = new Set<PdfProblem>();
  try {
    const document = await task.promise;
    if (document.numPages < 1) return ['PDF_UNREADABLE'];
    // Before reading them: pdf.js takes time for each page, and more with each page of a flat page tree.
    if (document.numPages > MAX_PDF_PAGES) return ['PDF_TOO_MANY_PAGES'];
    if ((await document.hasJSActions()) || hasEntries(await document.getJSActions())) found.add('PDF_JAVASCRIPT');
    if (hasEntries(await document.getAttachments())) found.add('PDF_EMBEDDED_FILE');
    const fields = await document.getFieldObjects();
    if (fields && Object.values(fields).some((widgets) => widgets.some((widget) => hasActions(widget)))) found.add('PDF_JAVASCRIPT');
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      if (hasEntries(await page.getJSActions())) found.add('PDF_JAVASCRIPT');
      for (const annotation of (await page.getAnnotations()) as Record<string, unknown>[]) {
        if (annotation.annotationType === AnnotationType.FILEATTACHMENT || annotation.attachment) found.add('PDF_EMBEDDED_FILE');
        if (hasActions(annotation)) found.add('PDF_JAVASCRIPT');
        for (const link of [annotation.url, annotation.unsafeUrl]) {
          const problem = typeof link === 'string' ? pdfLinkProblem(link) : null;
          if (problem) found.add(problem);
        }
      }
      // Reads every content stream and font of the page.
      await page.getTextContent();
      page.cleanup();
    }
  } catch {
    // pdf.js's own errors (InvalidPDFException, PasswordException, FormatError, …): it cannot read the file.
    return ordered([...found, 'PDF_UNREADABLE']);
  } finally {
    await task.destroy();
  }
  return ordered(found);
}

/** An object with something in it (pdf.js answers null, or an object by name or trigger). */
const hasEntries = (value: unknown): boolean => typeof value === 'object' && value !== null && Object.keys(value).length > 0;

/** pdf.js lists an annotation's or a field's JavaScript actions under `actions`. */
const hasActions = (item: object): boolean => 'actions' in item && hasEntries(item.actions);
