import { describe, expect, it } from 'vitest';
import { decodeListFile, readListHeader } from './lists.ts';
import { STUDENT_LIST_COLUMNS } from './student-list.ts';

describe('decodeListFile', () => {
  it('reads UTF-8 with and without a byte-order mark, and Windows-1252 as Excel saves it', () => {
    const text = 'Förnamn;Efternamn\r\nÅsa;Öberg\r\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeListFile(utf8)).toBe(text);
    expect(decodeListFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    // Windows-1252: ö = 0xF6, Å = 0xC5, Ö = 0xD6; not valid UTF-8.
    const cp1252 = Uint8Array.from([...'F\xf6rnamn;Efternamn\r\n\xc5sa;\xd6berg\r\n'].map((c) => c.charCodeAt(0)));
    expect(decodeListFile(cp1252)).toBe(text);
  });
});

describe('readListHeader', () => {
  it('knows the columns by their Swedish or English names, in any order and any case', () => {
    const { columns, problems } = readListHeader(STUDENT_LIST_COLUMNS, [
      'efternamn',
      ' FÖRNAMN ',
      'Personal identity number',
      'Skolenhetskod',
      'Klass',
    ]);
    expect(problems).toEqual([]);
    expect(columns).toEqual(['lastName', 'firstName', 'personalIdentityNumber', 'schoolUnitCode', 'className']);
  });

  it('names unknown, repeated and missing columns', () => {
    expect(readListHeader(STUDENT_LIST_COLUMNS, ['Personnummer', 'Förnamn', 'Förnamn', 'Skostorlek']).problems).toEqual([
      { line: 1, column: 'firstName', code: 'DUPLICATE_COLUMN' },
      { line: 1, column: null, code: 'UNKNOWN_COLUMN' },
      { line: 1, column: 'lastName', code: 'MISSING_COLUMN' },
      { line: 1, column: 'schoolUnitCode', code: 'MISSING_COLUMN' },
    ]);
  });
});
