// The check of an uploaded PDF on its own (the upload route's tests are in support-decisions.test.ts): real
// writers' files pass; JavaScript, actions and attachments are found however they are hidden; what is not a
// well-formed PDF is refused, and pdf.js's look finds what it is asked to on its own.
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../../../../../prisma/seed/support-decisions.ts';
import { noise, objectStreamPdf, onePagePdf, pdfFile, streamObject } from '../../test/pdf-files.ts';
import { inspectPdf, pdfReaderProblems } from './pdf-inspection.ts';
import { PdfSyntaxError, readPdfObjects } from './pdf-objects.ts';

/** A document as the app's own letters are written (pdfkit: compressed page contents, a font, a link). */
function pdfkitDocument(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Beslut om åtgärdsprogram' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(14).text('Beslut om åtgärdsprogram');
    doc.font('Helvetica').fontSize(11).text('Läs mer om åtgärdsprogram hos Skolverket.', { link: 'https://www.skolverket.se/' });
    doc.addPage().text('Rektor, Bergaskolan');
    doc.end();
  });
}

const link = (uri: string) =>
  onePagePdf({ page: '/Annots[5 0 R]', objects: [`<</Type/Annot/Subtype/Link/Rect[0 0 595 842]/A<</S/URI/URI${uri}>>>>`] });

describe('inspectPdf', () => {
  it('passes what real writers save: pdfkit, the demo decisions, object streams, a web link', async () => {
    expect(await inspectPdf(await pdfkitDocument())).toEqual([]);
    expect(await inspectPdf(demoPdf(['Bergaskolan', 'Beslut om särskilt stöd', 'Ella Ek (2012)']))).toEqual([]);
    expect(await inspectPdf(onePagePdf())).toEqual([]);
    expect(await inspectPdf(objectStreamPdf(''))).toEqual([]);
    expect(await inspectPdf(link('(https://www.skolverket.se/)'))).toEqual([]);
    // An incremental update, as a signing program saves one: the page gets a title the second time.
    const signed = Buffer.concat([onePagePdf(), Buffer.from('3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n%%EOF\n')]);
    expect(await inspectPdf(signed)).toEqual([]);
  });

  it('finds JavaScript however it is written or hidden', async () => {
    const cases = [
      onePagePdf({ catalog: '/OpenAction 5 0 R', objects: ['<</S/JavaScript/JS(app.alert\\(1\\))>>'] }),
      onePagePdf({ catalog: '/Names<</JavaScript<</Names[(a) 5 0 R]>>>>', objects: ['<</S/JavaScript/JS(app.alert\\(1\\))>>'] }),
      onePagePdf({ page: '/AA<</O<</S/JavaScript/JS 5 0 R>>>>', objects: ['(app.alert\\(1\\))'] }),
      onePagePdf({ page: '/Annots[5 0 R]', objects: ['<</Type/Annot/Subtype/Widget/Rect[0 0 9 9]/AA<</Fo<</S/JavaScript/JS(x)>>>>>>'] }),
      // Names spelt with #xx escapes are the same names to a reader.
      onePagePdf({ catalog: '/OpenAction<</S/J#61vaScript/J#53(app.alert\\(1\\))>>' }),
      // Inside a compressed object stream.
      objectStreamPdf('/OpenAction 4 0 R', ['<</S/JavaScript/JS(app.alert\\(1\\))>>']),
      // In an object nothing refers to, and in an earlier revision since replaced.
      onePagePdf({ objects: ['<</S/JavaScript/JS(app.alert\\(1\\))>>'] }),
      Buffer.concat([
        onePagePdf({ catalog: '/OpenAction<</S/JavaScript/JS(x)>>' }),
        Buffer.from('1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF\n'),
      ]),
      // An XFA form, which carries scripts of its own.
      onePagePdf({ catalog: '/AcroForm<</Fields[]/XFA 5 0 R>>', objects: [streamObject('', '<xdp:xdp/>')] }),
    ];
    for (const pdf of cases) expect(await inspectPdf(pdf)).toEqual(['PDF_JAVASCRIPT']);
  });

  it('finds actions that leave the document, and links other than to the web, mail or phone', async () => {
    const cases = [
      onePagePdf({ catalog: '/OpenAction<</S/Launch/Win<</F(cmd.exe)/P(/c calc)>>>>' }),
      onePagePdf({
        page: '/Annots[5 0 R]',
        objects: ['<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/SubmitForm/F<</FS/URL/F(https://evil.example/)>>>>>>'],
      }),
      onePagePdf({ catalog: '/OpenAction<</S/ImportData/F(data.fdf)>>' }),
      onePagePdf({ catalog: '/OpenAction<</S/GoToR/F(\\\\\\\\fileserver\\\\share\\\\x.pdf)/D[0/Fit]>>' }),
      link('(javascript:app.alert\\(1\\))'),
      link('<6A617661736372697074 3A616C6572742831 29>'),
      link('(file:///C:/Windows/System32/calc.exe)'),
      link('(\\\\\\\\fileserver\\\\share)'),
      // The target in an object of its own.
      onePagePdf({
        page: '/Annots[5 0 R]',
        objects: ['<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/URI/URI 6 0 R>>>>', '(javascript:x)'],
      }),
    ];
    for (const pdf of cases) expect(await inspectPdf(pdf)).toEqual(['PDF_UNSAFE_ACTION']);
  });

  it('finds embedded files: the name tree, attachment annotations, embedded file streams', async () => {
    const cases = [
      onePagePdf({
        catalog: '/Names<</EmbeddedFiles<</Names[(a.exe) 5 0 R]>>>>',
        objects: ['<</Type/Filespec/F(a.exe)/EF<</F 6 0 R>>>>', streamObject('/Type/EmbeddedFile', 'MZ')],
      }),
      onePagePdf({
        page: '/Annots[5 0 R]',
        objects: ['<</Type/Annot/Subtype/FileAttachment/Rect[0 0 9 9]/FS<</F(a.txt)/EF<</F 6 0 R>>>>>>', streamObject('', 'x')],
      }),
    ];
    for (const pdf of cases) expect(await inspectPdf(pdf)).toEqual(['PDF_EMBEDDED_FILE']);
  });

  it('refuses an encrypted file, which cannot be checked', async () => {
    expect(await inspectPdf(onePagePdf({ trailer: '/Encrypt<</Filter/Standard/V 1/R 2/O<00>/U<00>/P -4>>' }))).toEqual(['PDF_ENCRYPTED']);
  });

  it('refuses what is not a well-formed PDF, and what is around one', async () => {
    const clean = onePagePdf();
    expect(await inspectPdf(Buffer.from('<html>not a pdf</html>'))).toEqual(['NOT_A_PDF']);
    expect(await inspectPdf(Buffer.concat([Buffer.from('<html><body><!--'), clean, Buffer.from('--></body></html>')]))).toEqual([
      'NOT_A_PDF',
    ]);
    expect(await inspectPdf(Buffer.concat([clean, Buffer.from('<html><script>alert(1)</script></html>')]))).toEqual(['PDF_EXTRA_CONTENT']);
    expect(await inspectPdf(clean.subarray(0, clean.length - 20))).toEqual(['PDF_UNREADABLE']);
    expect(await inspectPdf(Buffer.concat([clean.subarray(0, 200), Buffer.from('\n%%EOF\n')]))).toEqual(['PDF_UNREADABLE']);
    expect(await inspectPdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4000)]))).toEqual(['PDF_UNREADABLE']);
    expect(await inspectPdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4000), Buffer.from('\n%%EOF\n')]))).toEqual(['PDF_UNREADABLE']);
    // Well formed object by object, but without pages: pdf.js cannot open it.
    expect(await inspectPdf(pdfFile(['<</Type/Catalog>>']))).toEqual(['PDF_UNREADABLE']);
    // Nested deeper than a parser should follow.
    expect(await inspectPdf(pdfFile([`${'['.repeat(10_000)}${']'.repeat(10_000)}`]))).toEqual(['PDF_UNREADABLE']);
    // An object stream that is not what its filter says.
    expect(await inspectPdf(pdfFile([streamObject('/Type/ObjStm/N 1/First 4/Filter/FlateDecode', noise(300))]))).toEqual([
      'PDF_UNREADABLE',
    ]);
  });

  it('refuses more pages than a decision has, before reading them', async () => {
    const count = 501;
    const kids = Array.from({ length: count }, (_, index) => `${index + 3} 0 R`).join(' ');
    const pages = Array.from({ length: count }, () => '<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>');
    expect(await inspectPdf(pdfFile(['<</Type/Catalog/Pages 2 0 R>>', `<</Type/Pages/Kids[${kids}]/Count ${count}>>`, ...pages]))).toEqual([
      'PDF_TOO_MANY_PAGES',
    ]);
  });
});

describe("pdf.js's look on its own", () => {
  it('finds JavaScript, attachments and unsafe links as a reader sees them', async () => {
    expect(await pdfReaderProblems(onePagePdf())).toEqual([]);
    expect(await pdfReaderProblems(onePagePdf({ catalog: '/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>' }))).toEqual([
      'PDF_JAVASCRIPT',
    ]);
    expect(await pdfReaderProblems(onePagePdf({ page: '/AA<</O<</S/JavaScript/JS(x)>>>>' }))).toEqual(['PDF_JAVASCRIPT']);
    expect(
      await pdfReaderProblems(
        onePagePdf({
          catalog: '/Names<</EmbeddedFiles<</Names[(a.txt) 5 0 R]>>>>',
          objects: ['<</Type/Filespec/F(a.txt)/EF<</F 6 0 R>>>>', streamObject('/Type/EmbeddedFile', 'x')],
        }),
      ),
    ).toEqual(['PDF_EMBEDDED_FILE']);
    expect(await pdfReaderProblems(link('(javascript:app.alert\\(1\\))'))).toEqual(['PDF_UNSAFE_ACTION']);
  });

  it('refuses a page whose contents cannot be read, which pdf.js would otherwise skip', async () => {
    const broken = pdfFile([
      '<</Type/Catalog/Pages 2 0 R>>',
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>',
      streamObject('/Filter/FlateDecode', deflateSync(Buffer.from('BT /F9 12 Tf (x) Tj ET')).subarray(0, 6)),
    ]);
    expect(await pdfReaderProblems(broken)).toEqual(['PDF_UNREADABLE']);
  });
});

describe('readPdfObjects', () => {
  it('reads names, strings and references as a reader does', () => {
    const { values, byId } = readPdfObjects(
      Buffer.from('%PDF-1.7\n1 0 obj<</A#20B (x\\(y\\)\\101\\\nz) /C <4142 4> /D [1 0 R -2.5 true]>>endobj\n%%EOF\n', 'latin1'),
    );
    expect(values).toHaveLength(1);
    expect(byId.get('1 0')).toEqual({
      kind: 'dict',
      entries: [
        ['A B', { kind: 'string', bytes: Uint8Array.from(Buffer.from('x(y)Az')) }],
        ['C', { kind: 'string', bytes: Uint8Array.from([0x41, 0x42, 0x40]) }],
        [
          'D',
          {
            kind: 'array',
            items: [
              { kind: 'ref', id: '1 0' },
              { kind: 'number', value: -2.5 },
              { kind: 'keyword', word: 'true' },
            ],
          },
        ],
      ],
    });
  });

  it('throws on what is not well formed', () => {
    for (const broken of ['1 0 obj<</A (x>>endobj', '1 0 obj<</A 1>>', '1 0 obj<</A 1>>>>endobj', '1 0 obj<</A <zz>>>endobj', 'endobj']) {
      expect(() => readPdfObjects(Buffer.from(`%PDF-1.7\n${broken}\n%%EOF\n`, 'latin1'))).toThrow(PdfSyntaxError);
    }
  });
});
