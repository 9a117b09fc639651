import { describe, expect, it } from 'vitest';
import { type StudentFacts, type ViewerFacts, mayNameGuardian, mayNameStudent } from '../access/index.ts';
import { personnummerFor } from '../personnummer.ts';
import { checkDateRange, checkDutyTarget, checkGuardian, checkStaff, checkStudent } from './people.ts';

const PNR = personnummerFor('2013-04-05', 123);
const COORDINATION = personnummerFor('2012-09-20', 45, { coordinationNumber: true });

describe('checkStudent', () => {
  const base = { personalIdentityNumber: PNR, firstName: ' Ella ', lastName: 'Ek  Berg', protectedIdentity: false };

  it('normalises the number and names, and reads the birth date from the number', () => {
    expect(checkStudent({ ...base, personalIdentityNumber: PNR.replace('-', ''), programmeCode: ' na ' })).toEqual({
      ok: true,
      value: {
        personalIdentityNumber: PNR,
        firstName: 'Ella',
        lastName: 'Ek Berg',
        birthDate: '2013-04-05',
        programmeCode: 'NA',
        protectedIdentity: false,
      },
    });
  });

  it('accepts a samordningsnummer with the real day of birth', () => {
    const checked = checkStudent({ ...base, personalIdentityNumber: COORDINATION });
    expect(checked.ok && checked.value.birthDate).toBe('2012-09-20');
  });

  it('names every problem with its code', () => {
    const wrongDigit = PNR.slice(0, -1) + String((Number(PNR.slice(-1)) + 1) % 10);
    expect(checkStudent({ ...base, personalIdentityNumber: wrongDigit })).toEqual({
      ok: false,
      problems: [{ field: 'personalIdentityNumber', code: 'CHECK_DIGIT' }],
    });
    expect(
      checkStudent({ ...base, personalIdentityNumber: '20130230-1234', firstName: ' ', lastName: 'x'.repeat(101), programmeCode: 'N4' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'personalIdentityNumber', code: 'DATE' },
        { field: 'firstName', code: 'REQUIRED' },
        { field: 'lastName', code: 'TOO_LONG' },
        { field: 'programmeCode', code: 'FORMAT' },
      ],
    });
    expect(checkStudent({ ...base, personalIdentityNumber: ' ' })).toEqual({
      ok: false,
      problems: [{ field: 'personalIdentityNumber', code: 'REQUIRED' }],
    });
    expect(checkStudent({ ...base, personalIdentityNumber: '1304051234' })).toEqual({
      ok: false,
      problems: [{ field: 'personalIdentityNumber', code: 'FORMAT' }],
    });
  });
});

describe('checkGuardian', () => {
  const base = { firstName: 'Eva', lastName: 'Ek', protectedIdentity: false };

  it('normalises the phone to E.164, the e-mail and the postal code', () => {
    expect(
      checkGuardian({
        ...base,
        mobilePhone: '070-123 45 67',
        email: ' eva@example.se ',
        streetAddress: 'Storgatan 1',
        postalCode: '12345',
        city: 'Ort',
      }),
    ).toEqual({
      ok: true,
      value: {
        ...base,
        personalIdentityNumber: null,
        mobilePhone: '+46701234567',
        email: 'eva@example.se',
        streetAddress: 'Storgatan 1',
        postalCode: '123 45',
        city: 'Ort',
      },
    });
  });

  it('refuses a fixed-line number, a bad e-mail, half an address and a bad postal code', () => {
    expect(
      checkGuardian({ ...base, mobilePhone: '08-123 456 78', email: 'nope', streetAddress: 'Storgatan 1', postalCode: '1234' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'mobilePhone', code: 'NOT_A_MOBILE' },
        { field: 'email', code: 'INVALID_EMAIL' },
        { field: 'city', code: 'REQUIRED' },
        { field: 'postalCode', code: 'FORMAT' },
      ],
    });
  });

  it('stores no address for a protected identity', () => {
    expect(checkGuardian({ ...base, protectedIdentity: true, city: 'Ort' })).toEqual({
      ok: false,
      problems: [{ field: 'city', code: 'PROTECTED_IDENTITY' }],
    });
    expect(checkGuardian({ ...base, protectedIdentity: true, streetAddress: ' ', postalCode: '' }).ok).toBe(true);
  });
});

describe('checkStaff', () => {
  it('upper-cases the signature and refuses a bad one', () => {
    expect(checkStaff({ firstName: 'Bo', lastName: 'Ek', signature: ' boek ' })).toEqual({
      ok: true,
      value: { firstName: 'Bo', lastName: 'Ek', signature: 'BOEK', email: null },
    });
    expect(checkStaff({ firstName: 'Bo', lastName: 'Ek', signature: 'B', email: 'x@' })).toEqual({
      ok: false,
      problems: [
        { field: 'signature', code: 'FORMAT' },
        { field: 'email', code: 'INVALID_EMAIL' },
      ],
    });
  });
});

describe('duties', () => {
  it('refuses an end before the start and dates that do not exist', () => {
    expect(checkDateRange('2026-08-01', null)).toEqual([]);
    expect(checkDateRange('2026-08-01', '2026-08-01')).toEqual([]);
    expect(checkDateRange('2026-08-01', '2026-07-31')).toEqual([{ field: 'validTo', code: 'END_BEFORE_START' }]);
    expect(checkDateRange('2026-02-30', '2026-13-01')).toEqual([
      { field: 'validFrom', code: 'DATE' },
      { field: 'validTo', code: 'DATE' },
    ]);
  });

  it('needs the target of its kind', () => {
    expect(checkDutyTarget('TEACHER', { schoolId: null, groupId: 'g', groupKind: 'TEACHING' })).toEqual([]);
    expect(checkDutyTarget('TEACHER', { schoolId: null, groupId: 'g', groupKind: 'CLASS' })).toEqual([
      { field: 'groupId', code: 'WRONG_GROUP_KIND' },
    ]);
    expect(checkDutyTarget('MENTOR', { schoolId: null, groupId: 'g', groupKind: 'TEACHING' })).toEqual([
      { field: 'groupId', code: 'WRONG_GROUP_KIND' },
    ]);
    expect(checkDutyTarget('MENTOR', { schoolId: 's', groupId: null, groupKind: null })).toEqual([
      { field: 'schoolId', code: 'NOT_ALLOWED' },
      { field: 'groupId', code: 'REQUIRED' },
    ]);
    expect(checkDutyTarget('PRINCIPAL', { schoolId: null, groupId: null, groupKind: null })).toEqual([
      { field: 'schoolId', code: 'REQUIRED' },
    ]);
    expect(checkDutyTarget('ADMINISTRATOR', { schoolId: 's', groupId: null, groupKind: null })).toEqual([
      { field: 'schoolId', code: 'NOT_ALLOWED' },
    ]);
    expect(checkDutyTarget('ADMINISTRATOR', { schoolId: null, groupId: null, groupKind: null })).toEqual([]);
  });
});

describe('mayNameStudent', () => {
  const student: StudentFacts & { protectedIdentity: boolean } = {
    id: 'st',
    schoolId: 'sc',
    organisationId: 'o',
    birthDate: '2013-04-05',
    groupIds: ['class'],
    guardianIds: ['g'],
    consentingGuardianIds: [],
    protectedIdentity: true,
  };
  const today = '2026-12-05';
  const duty = (groupId: string) => ({
    kind: 'MENTOR' as const,
    organisationId: null,
    schoolId: null,
    groupId,
    validFrom: '2026-08-01',
    validTo: null,
  });

  it('names a protected student only to the student, their guardians and staff with a duty for them', () => {
    const yes: ViewerFacts[] = [
      { kind: 'STUDENT', studentId: 'st' },
      { kind: 'GUARDIAN', guardianId: 'g' },
      { kind: 'STAFF', staffId: 's', duties: [duty('class')] },
    ];
    const no: ViewerFacts[] = [
      { kind: 'STUDENT', studentId: 'classmate' },
      { kind: 'GUARDIAN', guardianId: 'other' },
      { kind: 'STAFF', staffId: 's', duties: [duty('other')] },
    ];
    expect(yes.map((viewer) => mayNameStudent(viewer, student, today))).toEqual([true, true, true]);
    expect(no.map((viewer) => mayNameStudent(viewer, student, today))).toEqual([false, false, false]);
    expect(no.map((viewer) => mayNameStudent(viewer, { ...student, protectedIdentity: false }, today))).toEqual([true, true, true]);
  });

  it('names a protected guardian only to themself, their children and staff with a duty for a child', () => {
    const guardian = { id: 'g', protectedIdentity: true, children: [student] };
    expect(mayNameGuardian({ kind: 'GUARDIAN', guardianId: 'g' }, guardian, today)).toBe(true);
    expect(mayNameGuardian({ kind: 'STUDENT', studentId: 'st' }, guardian, today)).toBe(true);
    expect(mayNameGuardian({ kind: 'STAFF', staffId: 's', duties: [duty('class')] }, guardian, today)).toBe(true);
    expect(mayNameGuardian({ kind: 'GUARDIAN', guardianId: 'other' }, guardian, today)).toBe(false);
    expect(mayNameGuardian({ kind: 'STUDENT', studentId: 'classmate' }, guardian, today)).toBe(false);
    expect(mayNameGuardian({ kind: 'STAFF', staffId: 's', duties: [duty('other')] }, guardian, today)).toBe(false);
    expect(mayNameGuardian({ kind: 'STUDENT', studentId: 'classmate' }, { ...guardian, protectedIdentity: false }, today)).toBe(true);
  });
});
