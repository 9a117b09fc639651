import { describe, expect, it } from 'vitest';
import { canAccessStudent, type DutyFacts, type StudentFacts, type ViewerFacts } from './access/index.ts';
import { consentChanges, consentRefusal, guardianConsentStates, type ConsentRecord } from './consent.ts';

const today = '2026-11-27';
// Turned 18 today; a day younger is 17 until tomorrow.
const adult = { id: 'adult', birthDate: '2008-11-27' };
const minor = { id: 'minor', birthDate: '2008-11-28' };

describe('consentRefusal: who may give or withdraw consent', () => {
  it('the student themself, from the day they turn 18', () => {
    expect(consentRefusal({ kind: 'STUDENT', studentId: 'adult' }, adult, today)).toBeNull();
    expect(consentRefusal({ kind: 'STUDENT', studentId: 'adult' }, adult, '2026-11-26')).toBe('NOT_ADULT');
  });
  it('not a student under 18', () => {
    expect(consentRefusal({ kind: 'STUDENT', studentId: 'minor' }, minor, today)).toBe('NOT_ADULT');
    expect(consentRefusal({ kind: 'STUDENT', studentId: 'minor' }, minor, '2026-11-28')).toBeNull();
  });
  it('nobody else: another student, a guardian, staff', () => {
    const mentor: DutyFacts = {
      kind: 'MENTOR',
      organisationId: null,
      schoolId: null,
      groupId: 'c',
      validFrom: '2026-08-01',
      validTo: null,
    };
    const others: ViewerFacts[] = [
      { kind: 'STUDENT', studentId: 'minor' },
      { kind: 'GUARDIAN', guardianId: 'mum' },
      { kind: 'STAFF', staffId: 's', duties: [mentor] },
    ];
    for (const viewer of others) expect(consentRefusal(viewer, adult, today)).toBe('NOT_STUDENT');
  });
});

describe('guardianConsentStates: the state and history per guardian', () => {
  const records: ConsentRecord[] = [
    { guardianId: 'mum', givenAt: '2026-01-10T08:00:00.000Z', withdrawnAt: '2026-03-01T18:30:00.000Z' },
    { guardianId: 'mum', givenAt: '2026-05-02T09:15:00.000Z', withdrawnAt: null },
    { guardianId: 'dad', givenAt: '2026-02-01T10:00:00.000Z', withdrawnAt: '2026-02-01T10:00:00.000Z' },
    { guardianId: 'former', givenAt: '2026-02-01T10:00:00.000Z', withdrawnAt: null },
  ];

  it('given while a giving is not withdrawn; the history newest first', () => {
    const [mum, dad, gran] = guardianConsentStates(['mum', 'dad', 'gran'], records);
    expect(mum).toEqual({
      guardianId: 'mum',
      given: true,
      history: [
        { kind: 'GIVEN', at: '2026-05-02T09:15:00.000Z' },
        { kind: 'WITHDRAWN', at: '2026-03-01T18:30:00.000Z' },
        { kind: 'GIVEN', at: '2026-01-10T08:00:00.000Z' },
      ],
    });
    // Withdrawn in the same instant: still after the giving.
    expect(dad).toEqual({
      guardianId: 'dad',
      given: false,
      history: [
        { kind: 'WITHDRAWN', at: '2026-02-01T10:00:00.000Z' },
        { kind: 'GIVEN', at: '2026-02-01T10:00:00.000Z' },
      ],
    });
    expect(gran).toEqual({ guardianId: 'gran', given: false, history: [] });
  });

  it('only the guardians asked about, in their order', () => {
    expect(guardianConsentStates(['dad', 'mum'], records).map((state) => state.guardianId)).toEqual(['dad', 'mum']);
    expect(guardianConsentStates([], records)).toEqual([]);
  });
});

describe('consentChanges: a wish that is already so changes nothing', () => {
  it.each([
    [false, 'GIVE', true],
    [true, 'GIVE', false],
    [true, 'WITHDRAW', true],
    [false, 'WITHDRAW', false],
  ] as const)('given %s, %s: %s', (given, wish, changes) => {
    expect(consentChanges({ given }, wish)).toBe(changes);
  });
});

describe('student:readGuardianConsents', () => {
  const student: StudentFacts = {
    ...adult,
    schoolId: 'school',
    organisationId: 'org',
    groupIds: ['class'],
    guardianIds: ['mum', 'dad'],
    consentingGuardianIds: ['mum'],
  };
  const staff = (kind: DutyFacts['kind'], ref: Partial<DutyFacts>): ViewerFacts => ({
    kind: 'STAFF',
    staffId: kind,
    duties: [{ kind, organisationId: null, schoolId: null, groupId: null, validFrom: '2026-08-01', validTo: null, ...ref }],
  });
  const may = (viewer: ViewerFacts) => canAccessStudent(viewer, 'student:readGuardianConsents', student, today);

  it("is for the student's mentor, principal and administrators", () => {
    expect(may(staff('MENTOR', { groupId: 'class' }))).toBe(true);
    expect(may(staff('PRINCIPAL', { schoolId: 'school' }))).toBe(true);
    expect(may(staff('ADMINISTRATOR', { organisationId: 'org' }))).toBe(true);
  });
  it('not for a teacher, another class’s mentor, the student or a guardian (even one let in)', () => {
    expect(may(staff('TEACHER', { groupId: 'class' }))).toBe(false);
    expect(may(staff('MENTOR', { groupId: 'other' }))).toBe(false);
    expect(may({ kind: 'STUDENT', studentId: 'adult' })).toBe(false);
    expect(may({ kind: 'GUARDIAN', guardianId: 'mum' })).toBe(false);
  });
});
