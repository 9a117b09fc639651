import { describe, expect, it } from 'vitest';
import { readListHeader } from './lists.ts';
import { readStaffListRow, STAFF_LIST_COLUMNS, staffListTemplate } from './staff-list.ts';

describe('readStaffListRow', () => {
  const { columns } = readListHeader(
    STAFF_LIST_COLUMNS,
    STAFF_LIST_COLUMNS.map((column) => column.sv),
  );

  it('reads a staff member with a duty named in Swedish or English, and one without a duty', () => {
    expect(readStaffListRow(2, columns, ['anli', 'Anna', 'Lind', '', 'Lärare', '12345678', 'Ma 7A', '2026-08-17', ''])).toEqual({
      ok: true,
      row: {
        line: 2,
        staff: { signature: 'ANLI', firstName: 'Anna', lastName: 'Lind', email: null },
        duty: { kind: 'TEACHER', schoolUnitCode: '12345678', groupName: 'Ma 7A', validFrom: '2026-08-17', validTo: null },
      },
    });
    const principal = readStaffListRow(3, columns, ['BOBE', 'Bo', 'Berg', '', 'principal', '12345678', '', '2026-08-01', '2027-06-30']);
    expect(principal.ok && principal.row.duty?.kind).toBe('PRINCIPAL');
    const without = readStaffListRow(4, columns, ['CIEK', 'Cia', 'Ek', 'cia@example.se', '', '', '', '', '']);
    expect(without.ok && without.row.duty).toBeNull();
  });

  it('asks for what the duty needs and nothing else, and gives every problem at its column', () => {
    expect(readStaffListRow(5, columns, ['A', 'Anna', 'Lind', '', 'Mentor', '', '', '2026-08-17', '2026-08-01'])).toEqual({
      ok: false,
      problems: [
        { line: 5, column: 'signature', code: 'FORMAT' },
        { line: 5, column: 'schoolUnitCode', code: 'REQUIRED' },
        { line: 5, column: 'groupName', code: 'REQUIRED' },
        { line: 5, column: 'validTo', code: 'END_BEFORE_START' },
      ],
    });
    expect(readStaffListRow(6, columns, ['ANLI', 'Anna', 'Lind', '', 'Administratör', '12345678', '7A', '', ''])).toEqual({
      ok: false,
      problems: [
        { line: 6, column: 'schoolUnitCode', code: 'NOT_ALLOWED' },
        { line: 6, column: 'groupName', code: 'NOT_ALLOWED' },
        { line: 6, column: 'validFrom', code: 'REQUIRED' },
      ],
    });
    expect(readStaffListRow(7, columns, ['ANLI', 'Anna', 'Lind', '', 'Vaktmästare', '', '', '', ''])).toEqual({
      ok: false,
      problems: [{ line: 7, column: 'duty', code: 'UNKNOWN_DUTY' }],
    });
    expect(readStaffListRow(8, columns, ['ANLI', 'Anna', 'Lind', '', '', '12345678', '', '', ''])).toEqual({
      ok: false,
      problems: [{ line: 8, column: 'duty', code: 'REQUIRED' }],
    });
  });

  it('has a template the reader takes', () => {
    const [header, example] = staffListTemplate()
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const read = readListHeader(STAFF_LIST_COLUMNS, header!);
    expect(read.problems).toEqual([]);
    expect(readStaffListRow(2, read.columns, example!).ok).toBe(true);
  });
});
