import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import { type DutyFacts, mayIssueGradeWarning, mayRecordGradeWarningContact } from './access/index.ts';
import {
  checkClose,
  checkContact,
  checkGradeWarning,
  contactOverdue,
  MAX_AGREED_LENGTH,
  MAX_MISSING_LENGTH,
  MAX_WITH_WHOM_LENGTH,
} from './grade-warnings.ts';

const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }, validTo: string | null = null): DutyFacts => ({
  kind,
  organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
  schoolId: ref.schoolId ?? null,
  groupId: ref.groupId ?? null,
  validFrom: '2026-08-01',
  validTo,
});
const today = '2026-11-25';
const ma7B = { id: 'ma7B', kind: 'TEACHING' as const, subjectId: 'math' };

describe('checkGradeWarning', () => {
  it('accepts a teaching group with a subject and a description of what is missing', () => {
    expect(checkGradeWarning({ group: ma7B, missing: 'Provet i algebra och inlämningsuppgift 2' })).toEqual([]);
  });
  it('needs a teaching group with a subject', () => {
    expect(checkGradeWarning({ group: { id: '7B', kind: 'CLASS', subjectId: null }, missing: 'x' })).toEqual(['NOT_A_TEACHING_GROUP']);
    expect(checkGradeWarning({ group: { ...ma7B, subjectId: null }, missing: 'x' })).toEqual(['GROUP_WITHOUT_SUBJECT']);
  });
  it('needs what is missing, within the limit', () => {
    expect(checkGradeWarning({ group: ma7B, missing: '  ' })).toEqual(['MISSING_REQUIRED']);
    expect(checkGradeWarning({ group: ma7B, missing: 'x'.repeat(MAX_MISSING_LENGTH + 1) })).toEqual(['MISSING_TOO_LONG']);
    expect(checkGradeWarning({ group: ma7B, missing: 'x'.repeat(MAX_MISSING_LENGTH) })).toEqual([]);
  });
});

describe('checkContact', () => {
  const issuedAt = new Date('2026-11-20T10:00:00Z');
  const now = new Date('2026-11-25T09:30:00Z');
  const contact = { contactedAt: '2026-11-24T15:00:00Z', method: 'PHONE', withWhom: 'Mamma Anna', agreed: 'Extra stöd tisdagar' };

  it('accepts a past contact after the warning, by a known method', () => {
    expect(checkContact(contact, issuedAt, now)).toEqual([]);
    expect(checkContact({ ...contact, contactedAt: '2026-11-24T16:00:00+01:00', method: 'DIGITAL_MEETING' }, issuedAt, now)).toEqual([]);
  });
  it('refuses a time in the future (beyond a little clock skew), before the warning, or not a time', () => {
    expect(checkContact({ ...contact, contactedAt: '2026-11-25T09:33:00Z' }, issuedAt, now)).toEqual([]);
    expect(checkContact({ ...contact, contactedAt: '2026-11-25T10:00:00Z' }, issuedAt, now)).toEqual(['IN_THE_FUTURE']);
    expect(checkContact({ ...contact, contactedAt: '2026-11-20T09:59:00Z' }, issuedAt, now)).toEqual(['BEFORE_WARNING']);
    expect(checkContact({ ...contact, contactedAt: 'igår' }, issuedAt, now)).toEqual(['INVALID_TIME']);
    expect(checkContact({ ...contact, contactedAt: '2026-11-24' }, issuedAt, now)).toEqual(['INVALID_TIME']);
    expect(checkContact({ ...contact, contactedAt: '2026-13-40T10:00:00Z' }, issuedAt, now)).toEqual(['INVALID_TIME']);
  });
  it('refuses an unknown method and empty or long texts, all at once', () => {
    expect(checkContact({ ...contact, method: 'PIGEON', withWhom: ' ', agreed: '' }, issuedAt, now)).toEqual([
      'UNKNOWN_METHOD',
      'WITH_WHOM_REQUIRED',
      'AGREED_REQUIRED',
    ]);
    expect(
      checkContact(
        { ...contact, withWhom: 'x'.repeat(MAX_WITH_WHOM_LENGTH + 1), agreed: 'x'.repeat(MAX_AGREED_LENGTH + 1) },
        issuedAt,
        now,
      ),
    ).toEqual(['WITH_WHOM_TOO_LONG', 'AGREED_TOO_LONG']);
  });
});

describe('checkClose', () => {
  it('needs a note and an open warning', () => {
    expect(checkClose('Godkänt efter komplettering', false)).toEqual([]);
    expect(checkClose(' ', false)).toEqual(['NOTE_REQUIRED']);
    expect(checkClose('x', true)).toEqual(['ALREADY_CLOSED']);
  });
});

describe('mayIssueGradeWarning', () => {
  const studentGroups = ['class7B', 'ma7B'];
  it('a teacher of the group warns its members', () => {
    expect(mayIssueGradeWarning(staffWith([duty('TEACHER', { groupId: 'ma7B' })]), 'ma7B', studentGroups, today)).toBe(true);
  });
  it('not for a student outside the group, nor by a former teacher, mentor or principal', () => {
    expect(mayIssueGradeWarning(staffWith([duty('TEACHER', { groupId: 'ma7B' })]), 'ma7B', ['class7A'], today)).toBe(false);
    expect(mayIssueGradeWarning(staffWith([duty('TEACHER', { groupId: 'ma7B' }, '2026-11-24')]), 'ma7B', studentGroups, today)).toBe(false);
    expect(mayIssueGradeWarning(staffWith([duty('TEACHER', { groupId: 'en7B' })]), 'ma7B', studentGroups, today)).toBe(false);
    expect(mayIssueGradeWarning(staffWith([duty('MENTOR', { groupId: 'class7B' })]), 'ma7B', studentGroups, today)).toBe(false);
    expect(mayIssueGradeWarning(staffWith([duty('PRINCIPAL', { schoolId: 'A' })]), 'ma7B', studentGroups, today)).toBe(false);
  });
});

describe('mayRecordGradeWarningContact', () => {
  const warning = { groupId: 'ma7B', schoolId: 'A', studentGroupIds: ['class7B', 'ma7B'] };
  it.each([
    ['the group teacher', duty('TEACHER', { groupId: 'ma7B' }), true],
    ['the class mentor', duty('MENTOR', { groupId: 'class7B' }), true],
    ['the principal', duty('PRINCIPAL', { schoolId: 'A' }), true],
    ['another teacher', duty('TEACHER', { groupId: 'en7B' }), false],
    ['another mentor', duty('MENTOR', { groupId: 'class7A' }), false],
    ['another principal', duty('PRINCIPAL', { schoolId: 'B' }), false],
    ['an administrator', duty('ADMINISTRATOR', {}), false],
    ['a former mentor', duty('MENTOR', { groupId: 'class7B' }, '2026-11-01'), false],
  ])('%s: %s', (_name, given, expected) => {
    expect(mayRecordGradeWarningContact(staffWith([given]), warning, today)).toBe(expected);
  });
});

describe('contactOverdue', () => {
  // Monday 23 November 2026; the school days after it are 24, 25, 26, 27 and 30 November.
  const issuedOn = '2026-11-23';
  it('is not overdue until more than the limit of school days have passed', () => {
    expect(contactOverdue(issuedOn, null, '2026-11-23', 5, [])).toBe(false);
    expect(contactOverdue(issuedOn, null, '2026-11-30', 5, [])).toBe(false);
    expect(contactOverdue(issuedOn, null, '2026-12-01', 5, [])).toBe(true);
  });
  it('weekends and breaks do not count', () => {
    expect(contactOverdue(issuedOn, null, '2026-12-01', 5, [{ startDate: '2026-11-26', endDate: '2026-11-27' }])).toBe(false);
    expect(contactOverdue(issuedOn, null, '2026-12-03', 5, [{ startDate: '2026-11-26', endDate: '2026-11-27' }])).toBe(true);
  });
  it('a recorded contact ends it, whenever it was', () => {
    expect(contactOverdue(issuedOn, '2026-12-10', '2026-12-20', 5, [])).toBe(false);
  });
  it('follows the school setting', () => {
    expect(contactOverdue(issuedOn, null, '2026-11-25', 1, [])).toBe(true);
    expect(contactOverdue(issuedOn, null, '2026-11-24', 0, [])).toBe(true);
  });
});
