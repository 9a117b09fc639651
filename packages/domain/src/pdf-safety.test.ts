import { describe, expect, it } from 'vitest';
import { pdfEnvelopeProblem, pdfLinkProblem, pdfNameProblem, pdfObjectProblems, pdfText, type PdfValue } from './pdf-safety.ts';

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const name = (value: string): PdfValue => ({ kind: 'name', name: value });
const string = (value: string): PdfValue => ({ kind: 'string', bytes: bytes(value) });
const dict = (entries: Record<string, PdfValue>): PdfValue => ({ kind: 'dict', entries: Object.entries(entries) });
const ref = (id: string): PdfValue => ({ kind: 'ref', id });
const nothing = () => undefined;

const catalog = dict({ Type: name('Catalog'), Pages: ref('2 0') });
const page = dict({
  Type: name('Page'),
  Parent: ref('2 0'),
  MediaBox: { kind: 'array', items: [0, 0, 595, 842].map((value) => ({ kind: 'number', value })) },
});

describe('pdfEnvelopeProblem', () => {
  const pdf = '%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF';

  it('takes a file from %PDF- to its last %%EOF, with white space after it', () => {
    expect(pdfEnvelopeProblem(bytes(pdf))).toBeNull();
    expect(pdfEnvelopeProblem(bytes(`${pdf}\r\n \t\f\0`))).toBeNull();
    // An incremental update: the earlier revision's %%EOF is inside the file.
    expect(pdfEnvelopeProblem(bytes(`${pdf}\n2 0 obj<<>>endobj\n%%EOF\n`))).toBeNull();
  });

  it('refuses anything before %PDF- or after the last %%EOF, and a file cut off before it', () => {
    expect(pdfEnvelopeProblem(bytes(`<html><body>${pdf}</body></html>`))).toBe('NOT_A_PDF');
    expect(pdfEnvelopeProblem(bytes(` ${pdf}`))).toBe('NOT_A_PDF');
    expect(pdfEnvelopeProblem(bytes(`${pdf}\n<html><script>alert(1)</script></html>`))).toBe('PDF_EXTRA_CONTENT');
    expect(pdfEnvelopeProblem(bytes(`${pdf}\nx`))).toBe('PDF_EXTRA_CONTENT');
    expect(pdfEnvelopeProblem(bytes(pdf.slice(0, 30)))).toBe('PDF_UNREADABLE');
    expect(pdfEnvelopeProblem(bytes('%PDF-'))).toBe('PDF_UNREADABLE');
  });
});

describe('pdfLinkProblem', () => {
  it('lets web, mail and phone links be, and relative ones', () => {
    for (const uri of [
      'https://www.skolverket.se/',
      'HTTP://kommun.se',
      'mailto:rektor@kommun.se',
      'tel:+46701234567',
      'bilaga.html',
      '#sida2',
    ]) {
      expect(pdfLinkProblem(uri)).toBeNull();
    }
  });

  it('refuses every other scheme however it is written, and paths to another computer', () => {
    for (const uri of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      '\u0001java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///C:/Windows/System32/calc.exe',
      'C:\\Windows\\System32\\calc.exe',
      '\\\\fileserver\\share\\x.pdf',
      '//fileserver/share/x.pdf',
      'smb://fileserver/share',
    ]) {
      expect(pdfLinkProblem(uri)).toBe('PDF_UNSAFE_ACTION');
    }
  });
});

describe('pdfNameProblem', () => {
  it('names what each refused name is', () => {
    expect(pdfNameProblem('JavaScript', false)).toBe('PDF_JAVASCRIPT');
    expect(pdfNameProblem('JS', true)).toBe('PDF_JAVASCRIPT');
    expect(pdfNameProblem('XFA', true)).toBe('PDF_JAVASCRIPT');
    expect(pdfNameProblem('Launch', false)).toBe('PDF_UNSAFE_ACTION');
    expect(pdfNameProblem('SubmitForm', false)).toBe('PDF_UNSAFE_ACTION');
    expect(pdfNameProblem('ImportData', false)).toBe('PDF_UNSAFE_ACTION');
    expect(pdfNameProblem('GoToR', false)).toBe('PDF_UNSAFE_ACTION');
    expect(pdfNameProblem('EmbeddedFiles', true)).toBe('PDF_EMBEDDED_FILE');
    expect(pdfNameProblem('FileAttachment', false)).toBe('PDF_EMBEDDED_FILE');
    expect(pdfNameProblem('Encrypt', true)).toBe('PDF_ENCRYPTED');
  });

  it('lets the names of an ordinary document be, and EF only as a value', () => {
    for (const ordinary of ['Catalog', 'Pages', 'Page', 'Font', 'Link', 'URI', 'GoTo', 'Named', 'AcroForm', 'Sig', 'Annots', 'F1']) {
      expect(pdfNameProblem(ordinary, true)).toBeNull();
    }
    expect(pdfNameProblem('EF', true)).toBe('PDF_EMBEDDED_FILE');
    expect(pdfNameProblem('EF', false)).toBeNull();
  });
});

describe('pdfObjectProblems', () => {
  it('finds nothing in a plain document', () => {
    expect(pdfObjectProblems([catalog, page], nothing)).toEqual([]);
  });

  it('finds JavaScript as an open action, in a page action deep down and as a name tree', () => {
    const openAction = dict({ Type: name('Catalog'), OpenAction: dict({ S: name('JavaScript'), JS: string('app.alert(1)') }) });
    expect(pdfObjectProblems([openAction, page], nothing)).toEqual(['PDF_JAVASCRIPT']);
    const deep = dict({ AA: dict({ O: { kind: 'array', items: [dict({ Next: dict({ JS: ref('9 0') }) })] } }) });
    expect(pdfObjectProblems([catalog, deep], nothing)).toEqual(['PDF_JAVASCRIPT']);
    const names = dict({ Names: dict({ JavaScript: ref('7 0') }) });
    expect(pdfObjectProblems([names], nothing)).toEqual(['PDF_JAVASCRIPT']);
  });

  it('finds actions and attachments, each problem once and in a fixed order', () => {
    const annotations = [
      dict({ Subtype: name('FileAttachment'), FS: ref('8 0') }),
      dict({ Subtype: name('Link'), A: dict({ S: name('Launch'), F: string('calc.exe') }) }),
      dict({ Subtype: name('Widget'), A: dict({ S: name('SubmitForm'), F: string('https://evil.example/') }) }),
      dict({ Type: name('Filespec'), EF: dict({ F: ref('10 0') }) }),
    ];
    expect(pdfObjectProblems(annotations, nothing)).toEqual(['PDF_UNSAFE_ACTION', 'PDF_EMBEDDED_FILE']);
    expect(pdfObjectProblems([dict({ Root: ref('1 0'), Encrypt: ref('5 0') })], nothing)).toEqual(['PDF_ENCRYPTED']);
  });

  it('checks a link where it stands and in an object of its own', () => {
    const link = (uri: PdfValue) => dict({ Subtype: name('Link'), A: dict({ S: name('URI'), URI: uri }) });
    expect(pdfObjectProblems([link(string('https://www.skolverket.se/'))], nothing)).toEqual([]);
    expect(pdfObjectProblems([link(string('javascript:alert(1)'))], nothing)).toEqual(['PDF_UNSAFE_ACTION']);
    const kept = new Map([['6 0', string('file:///etc/passwd')]]);
    expect(pdfObjectProblems([link(ref('6 0'))], (id) => kept.get(id))).toEqual(['PDF_UNSAFE_ACTION']);
    // The catalog's /URI is a dictionary with the base of relative links, not a link.
    expect(pdfObjectProblems([dict({ URI: dict({ Base: string('https://kommun.se/') }) })], nothing)).toEqual([]);
  });
});

describe('pdfText', () => {
  it('reads UTF-16BE and UTF-8 after their marks, and single bytes otherwise', () => {
    expect(pdfText(Uint8Array.from([0xfe, 0xff, 0, 0x6a, 0, 0x73, 0, 0x3a]))).toBe('js:');
    expect(pdfText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa5]))).toBe('å');
    expect(pdfText(bytes('tel:123'))).toBe('tel:123');
  });
});
