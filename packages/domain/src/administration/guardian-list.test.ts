import { describe, expect, it } from 'vitest';
import { GUARDIAN_LIST_COLUMNS, guardianListTemplate, readGuardianListRow } from './guardian-list.ts';
import { readListHeader } from './lists.ts';

describe('readGuardianListRow', () => {
  const { columns } = readListHeader(
    GUARDIAN_LIST_COLUMNS,
    GUARDIAN_LIST_COLUMNS.map((column) => column.sv),
  );

  it('checks a row by the form’s rules: numbers canonical, the phone as E.164, the postal code spaced', () => {
    expect(
      readGuardianListRow(2, columns, [
        '201403092388',
        '198001010001',
        'Anna',
        'Ek',
        '070-123 45 67',
        'Anna.Ek@Example.se',
        'Storgatan 1',
        '12345',
        'Exempelby',
        '',
      ]),
    ).toEqual({
      ok: true,
      row: {
        line: 2,
        studentPersonalIdentityNumber: '20140309-2388',
        protectedIdentity: false,
        guardian: {
          personalIdentityNumber: '19800101-0001',
          firstName: 'Anna',
          lastName: 'Ek',
          mobilePhone: '+46701234567',
          email: 'Anna.Ek@Example.se',
          streetAddress: 'Storgatan 1',
          postalCode: '123 45',
          city: 'Exempelby',
          protectedIdentity: false,
        },
      },
    });
  });

  it('requires both personnummer, and gives every other problem at its column', () => {
    expect(readGuardianListRow(5, columns, ['', '', 'Anna', '', '0701', 'nej', 'Storgatan 1', '', '', 'ja'])).toEqual({
      ok: false,
      problems: [
        { line: 5, column: 'studentPersonalIdentityNumber', code: 'REQUIRED' },
        { line: 5, column: 'personalIdentityNumber', code: 'REQUIRED' },
        { line: 5, column: 'lastName', code: 'REQUIRED' },
        { line: 5, column: 'mobilePhone', code: 'INVALID_PHONE' },
        { line: 5, column: 'email', code: 'INVALID_EMAIL' },
        // No address is stored for a person with protected identity.
        { line: 5, column: 'streetAddress', code: 'PROTECTED_IDENTITY' },
      ],
    });
  });

  it('has a template the reader takes', () => {
    const [header, example] = guardianListTemplate()
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const read = readListHeader(GUARDIAN_LIST_COLUMNS, header!);
    expect(read.problems).toEqual([]);
    expect(readGuardianListRow(2, read.columns, example!).ok).toBe(true);
  });
});
