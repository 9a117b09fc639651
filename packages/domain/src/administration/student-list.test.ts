import { describe, expect, it } from 'vitest';
import { decodeListFile, readListHeader, readStudentListRow, studentListTemplate, STUDENT_LIST_COLUMNS } from './student-list.ts';

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
    const { columns, problems } = readListHeader(['efternamn', ' FÖRNAMN ', 'Personal identity number', 'Skolenhetskod', 'Klass']);
    expect(problems).toEqual([]);
    expect(columns).toEqual(['lastName', 'firstName', 'personalIdentityNumber', 'schoolUnitCode', 'className']);
  });

  it('names unknown, repeated and missing columns', () => {
    expect(readListHeader(['Personnummer', 'Förnamn', 'Förnamn', 'Skostorlek']).problems).toEqual([
      { line: 1, column: 'firstName', code: 'DUPLICATE_COLUMN' },
      { line: 1, column: null, code: 'UNKNOWN_COLUMN' },
      { line: 1, column: 'lastName', code: 'MISSING_COLUMN' },
      { line: 1, column: 'schoolUnitCode', code: 'MISSING_COLUMN' },
    ]);
  });
});

describe('readStudentListRow', () => {
  const { columns } = readListHeader(STUDENT_LIST_COLUMNS.map((column) => column.sv));

  it('checks a row by the form’s rules: the personnummer made canonical, the birth date read from it', () => {
    const read = readStudentListRow(2, columns, ['201403092388', ' Alva ', 'Ek', '12345678', '7A', 'na', 'ja']);
    expect(read).toEqual({
      ok: true,
      row: {
        line: 2,
        schoolUnitCode: '12345678',
        className: '7A',
        protectedIdentity: true,
        student: {
          personalIdentityNumber: '20140309-2388',
          firstName: 'Alva',
          lastName: 'Ek',
          birthDate: '2014-03-09',
          programmeCode: 'NA',
          protectedIdentity: true,
        },
      },
    });
  });

  it('gives every problem of a row with its line and column', () => {
    expect(readStudentListRow(7, columns, ['20140309-2389', '', 'Ek', '', '', '', 'kanske'])).toEqual({
      ok: false,
      problems: [
        { line: 7, column: 'protectedIdentity', code: 'YES_OR_NO' },
        { line: 7, column: 'schoolUnitCode', code: 'REQUIRED' },
        { line: 7, column: 'personalIdentityNumber', code: 'CHECK_DIGIT' },
        { line: 7, column: 'firstName', code: 'REQUIRED' },
      ],
    });
  });

  it('leaves the protected-identity flag alone when the list has no such column', () => {
    const { columns: fewer } = readListHeader(['Personnummer', 'Förnamn', 'Efternamn', 'Skolenhetskod']);
    const read = readStudentListRow(2, fewer, ['20140309-2388', 'Alva', 'Ek', '12345678']);
    expect(read.ok && read.row.protectedIdentity).toBeNull();
    expect(read.ok && read.row.className).toBeNull();
  });
});

describe('studentListTemplate', () => {
  it('is a list the reader takes: every column, and an example row that passes', () => {
    const [header, example] = studentListTemplate()
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const { columns, problems } = readListHeader(header!);
    expect(problems).toEqual([]);
    expect(readStudentListRow(2, columns, example!).ok).toBe(true);
  });
});
