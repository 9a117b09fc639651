import { describe, expect, it } from 'vitest';
import { readListHeader } from './lists.ts';
import { readStudentListRow, studentListTemplate, STUDENT_LIST_COLUMNS } from './student-list.ts';

describe('readStudentListRow', () => {
  const { columns } = readListHeader(
    STUDENT_LIST_COLUMNS,
    STUDENT_LIST_COLUMNS.map((column) => column.sv),
  );

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
    const { columns: fewer } = readListHeader(STUDENT_LIST_COLUMNS, ['Personnummer', 'Förnamn', 'Efternamn', 'Skolenhetskod']);
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
    const { columns, problems } = readListHeader(STUDENT_LIST_COLUMNS, header!);
    expect(problems).toEqual([]);
    expect(readStudentListRow(2, columns, example!).ok).toBe(true);
  });
});
