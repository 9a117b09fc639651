// Small PDF files written byte by byte for the tests of what an upload may hold: a clean one-page document,
// and the same with JavaScript, actions, attachments or bytes around it.
import { deflateSync } from 'node:zlib';

/** An object with a stream: its dictionary entries and its data, `/Length` filled in. */
export const streamObject = (entries: string, data: string | Buffer): string => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return `<<${entries}/Length ${bytes.length}>>\nstream\n${bytes.toString('latin1')}\nendstream`;
};

/**
 * A PDF of these objects (the first is `1 0 obj`, and so on) with a correct cross-reference table; the
 * trailer's /Root is object 1 and `trailer` adds to it.
 */
export function pdfFile(objects: readonly string[], trailer = ''): Buffer {
  let pdf = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export interface OnePage {
  /** more entries of the catalog (object 1) */
  catalog?: string;
  /** more entries of the page (object 3) */
  page?: string;
  /** more objects, from `5 0 obj` on */
  objects?: readonly string[];
  trailer?: string;
}

/** A one-page A4 document with a line of text, and whatever the test adds. */
export function onePagePdf({ catalog = '', page = '', objects = [], trailer = '' }: OnePage = {}): Buffer {
  return pdfFile(
    [
      `<</Type/Catalog/Pages 2 0 R${catalog}>>`,
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>${page}>>`,
      streamObject('', 'BT /F1 12 Tf 56 780 Td (Beslut om \\345tg\\344rdsprogram) Tj ET'),
      ...objects,
    ],
    trailer,
  );
}

/**
 * A PDF 1.5 document as current writers save it: the catalog, the page tree, the page and `extra` (objects 1,
 * 2, 3, 4, …) compressed in one object stream, found through a cross-reference stream.
 */
export function objectStreamPdf(catalog: string, extra: readonly string[] = []): Buffer {
  const inner = [
    `<</Type/Catalog/Pages 2 0 R${catalog}>>`,
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>',
    ...extra,
  ];
  let header = '';
  let body = '';
  inner.forEach((object, index) => {
    header += `${index + 1} ${body.length} `;
    body += `${object}\n`;
  });
  const stream = inner.length + 1;
  const xref = stream + 1;
  let pdf = `%PDF-1.5\n%\xe2\xe3\xcf\xd3\n`;
  const streamOffset = pdf.length;
  const data = deflateSync(Buffer.from(header + body, 'latin1'));
  pdf += `${stream} 0 obj\n${streamObject(`/Type/ObjStm/N ${inner.length}/First ${header.length}/Filter/FlateDecode`, data)}\nendobj\n`;
  const xrefOffset = pdf.length;
  // Entries of 1 + 4 + 2 bytes: type (0 free, 1 in the file, 2 in an object stream), offset or stream, generation or index.
  const entry = (type: number, field: number, last: number) => {
    const bytes = Buffer.alloc(7);
    bytes.writeUInt8(type, 0);
    bytes.writeUInt32BE(field, 1);
    bytes.writeUInt16BE(last, 5);
    return bytes;
  };
  const entries = Buffer.concat([
    entry(0, 0, 65535),
    ...inner.map((_, index) => entry(2, stream, index)),
    entry(1, streamOffset, 0),
    entry(1, xrefOffset, 0),
  ]);
  pdf += `${xref} 0 obj\n${streamObject(`/Type/XRef/Size ${xref + 1}/W[1 4 2]/Root 1 0 R`, entries)}\nendobj\n`;
  pdf += `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Bytes that look random but are the same on every run, from a small linear congruential generator. */
export function noise(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }
  return bytes;
}
