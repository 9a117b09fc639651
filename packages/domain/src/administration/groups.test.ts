import { describe, expect, it } from 'vitest';
import {
  checkCourseFields,
  checkGroupFields,
  checkMembershipSpan,
  checkMove,
  checkSubjectFields,
  dayBefore,
  inForce,
  leavingMemberships,
  enrolmentEndedOn,
  leftOn,
  membershipSpansOverlap,
} from './groups.ts';

const year = { startDate: '2026-08-17', endDate: '2027-06-11' };

describe('groups', () => {
  it('a class needs a year level 0–12 and no subject; a teaching group a subject and no year level', () => {
    expect(checkGroupFields({ kind: 'CLASS', name: '7A', yearLevel: 7 })).toEqual([]);
    expect(checkGroupFields({ kind: 'CLASS', name: 'F', yearLevel: 0 })).toEqual([]);
    expect(checkGroupFields({ kind: 'CLASS', name: ' ', yearLevel: 13, subjectId: 's' })).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'yearLevel', code: 'OUT_OF_RANGE' },
      { field: 'subjectId', code: 'NOT_FOR_KIND' },
    ]);
    expect(checkGroupFields({ kind: 'CLASS', name: 'x'.repeat(61), yearLevel: null })).toEqual([
      { field: 'name', code: 'TOO_LONG' },
      { field: 'yearLevel', code: 'REQUIRED' },
    ]);
    expect(checkGroupFields({ kind: 'CLASS', name: '7A', yearLevel: 1.5 })).toEqual([{ field: 'yearLevel', code: 'OUT_OF_RANGE' }]);
    expect(checkGroupFields({ kind: 'TEACHING', name: 'Ma 7A', subjectId: 's', courseId: 'c' })).toEqual([]);
    expect(checkGroupFields({ kind: 'TEACHING', name: 'Ma 7A', yearLevel: 7 })).toEqual([
      { field: 'yearLevel', code: 'NOT_FOR_KIND' },
      { field: 'subjectId', code: 'REQUIRED' },
    ]);
  });

  it('memberships: real dates, ending on or after the start, within the school year', () => {
    expect(checkMembershipSpan({ validFrom: '2026-08-17', validTo: null }, year)).toEqual([]);
    expect(checkMembershipSpan({ validFrom: '2026-09-01', validTo: '2026-09-01' }, year)).toEqual([]);
    expect(checkMembershipSpan({ validFrom: '2026-02-30', validTo: 'x' }, year)).toEqual([
      { field: 'validFrom', code: 'INVALID_DATE' },
      { field: 'validTo', code: 'INVALID_DATE' },
    ]);
    expect(checkMembershipSpan({ validFrom: '2026-09-02', validTo: '2026-09-01' }, year)).toEqual([
      { field: 'validTo', code: 'ENDS_BEFORE_START' },
    ]);
    expect(checkMembershipSpan({ validFrom: '2026-08-16', validTo: '2027-06-12' }, year)).toEqual([
      { field: 'validFrom', code: 'OUTSIDE_SCHOOL_YEAR' },
      { field: 'validTo', code: 'OUTSIDE_SCHOOL_YEAR' },
    ]);
  });

  it('overlap and being in force count both ends, open ends run on', () => {
    const autumn = { validFrom: '2026-08-17', validTo: '2026-12-31' };
    expect(membershipSpansOverlap(autumn, { validFrom: '2026-12-31', validTo: null })).toBe(true);
    expect(membershipSpansOverlap(autumn, { validFrom: '2027-01-01', validTo: null })).toBe(false);
    expect(membershipSpansOverlap({ validFrom: '2027-01-01', validTo: null }, autumn)).toBe(false);
    expect(membershipSpansOverlap({ validFrom: '2026-01-01', validTo: null }, { validFrom: '2030-01-01', validTo: null })).toBe(true);
    expect(inForce(autumn, '2026-12-31')).toBe(true);
    expect(inForce(autumn, '2027-01-01')).toBe(false);
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('a move goes to another class, from a day after the old membership starts and no later than it ends', () => {
    const current = { groupId: 'a', validFrom: '2026-08-17', validTo: null };
    expect(checkMove(current, { groupId: 'b', kind: 'CLASS' }, '2026-11-02')).toEqual([]);
    expect(checkMove(current, { groupId: 'a', kind: 'CLASS' }, '2026-08-17')).toEqual([
      { field: 'toGroupId', code: 'SAME_GROUP' },
      { field: 'fromDate', code: 'NOT_AFTER_START' },
    ]);
    expect(checkMove({ ...current, validTo: '2026-10-01' }, { groupId: 'b', kind: 'TEACHING' }, '2026-10-02')).toEqual([
      { field: 'toGroupId', code: 'NOT_A_CLASS' },
      { field: 'fromDate', code: 'AFTER_END' },
    ]);
    expect(checkMove(current, { groupId: 'b', kind: 'CLASS' }, '2026-13-01')).toEqual([{ field: 'fromDate', code: 'INVALID_DATE' }]);
  });

  it('subjects and courses', () => {
    expect(checkSubjectFields({ code: 'MA', nameSv: 'Matematik', nameEn: 'Mathematics' })).toEqual([]);
    expect(checkSubjectFields({ code: 'ma-1', nameSv: '', nameEn: 'x'.repeat(81) })).toEqual([
      { field: 'code', code: 'INVALID_CODE' },
      { field: 'nameSv', code: 'REQUIRED' },
      { field: 'nameEn', code: 'TOO_LONG' },
    ]);
    expect(checkCourseFields({ code: 'MATMAT01c', name: 'Matematik 1c', points: 100, subjectId: 's' })).toEqual([]);
    expect(checkCourseFields({ code: '', name: ' ', points: 0, subjectId: '' })).toEqual([
      { field: 'code', code: 'REQUIRED' },
      { field: 'name', code: 'REQUIRED' },
      { field: 'points', code: 'OUT_OF_RANGE' },
      { field: 'subjectId', code: 'REQUIRED' },
    ]);
    expect(checkCourseFields({ code: 'MA 1', name: 'x', points: 2.5, subjectId: 's' })).toEqual([
      { field: 'code', code: 'INVALID_CODE' },
      { field: 'points', code: 'OUT_OF_RANGE' },
    ]);
  });
});

describe('a student leaving', () => {
  const memberships = [
    { id: 'last year', validFrom: '2025-08-18', validTo: '2026-06-12' },
    { id: 'class', validFrom: '2026-08-17', validTo: null },
    { id: 'group', validFrom: '2026-08-17', validTo: '2027-06-11' },
    { id: 'ends that day', validFrom: '2026-08-17', validTo: '2026-12-18' },
    { id: 'begins after', validFrom: '2027-01-11', validTo: null },
  ];

  it('ends what is in force after the last day, removes what has not begun by then and leaves what has ended', () => {
    const leaving = leavingMemberships(memberships, '2026-12-18', '2026-11-25');
    expect(leaving.ok).toBe(true);
    if (!leaving.ok) return;
    expect(leaving.end.map((one) => one.id)).toEqual(['class', 'group']);
    expect(leaving.remove.map((one) => one.id)).toEqual(['begins after']);
  });

  it('refuses a day that is not a date, and a leaving that changes nothing', () => {
    expect(leavingMemberships(memberships, '2026-02-30', '2026-11-25')).toEqual({
      ok: false,
      problems: [{ field: 'lastDay', code: 'INVALID_DATE' }],
    });
    expect(leavingMemberships([memberships[0]!], '2026-06-12', '2026-11-25')).toEqual({
      ok: false,
      problems: [{ field: 'lastDay', code: 'NOTHING_TO_END' }],
    });
    expect(leavingMemberships([], '2026-12-18', '2026-11-25')).toMatchObject({ ok: false });
  });

  it('refuses a last day before a class or group the student is in already began: a mistake, not a leaving', () => {
    // The class began on 17 August: a last day in the summer would remove it and the class's history of the student.
    expect(leavingMemberships(memberships, '2026-08-10', '2026-11-25')).toEqual({
      ok: false,
      problems: [{ field: 'lastDay', code: 'BEFORE_BEGUN' }],
    });
    // A placement that has not begun today may go, whatever the last day.
    const placed = [{ id: 'next term', validFrom: '2027-01-11', validTo: null }];
    expect(leavingMemberships(placed, '2026-12-18', '2026-11-25')).toMatchObject({ ok: true, remove: placed });
  });
});

describe('a student who has left', () => {
  const ended = { validFrom: '2025-08-18', validTo: '2026-06-12' };

  it('left on the last day of their last class or group, once all have ended', () => {
    expect(leftOn([ended, { validFrom: '2026-08-17', validTo: '2026-11-20' }], '2026-11-25')).toBe('2026-11-20');
  });

  it('has not left while a class goes on, ends today or later, or begins later, nor without any', () => {
    expect(leftOn([ended, { validFrom: '2026-08-17', validTo: null }], '2026-11-25')).toBeNull();
    expect(leftOn([ended, { validFrom: '2026-08-17', validTo: '2026-11-25' }], '2026-11-25')).toBeNull();
    expect(leftOn([ended, { validFrom: '2027-01-11', validTo: '2027-06-11' }], '2026-11-25')).toBeNull();
    expect(leftOn([], '2026-11-25')).toBeNull();
  });
});

describe("the end of a student's enrolment", () => {
  const years = [
    { startDate: '2025-07-01', endDate: '2026-06-30', teachingEndsOn: '2026-06-12' },
    { startDate: '2026-07-01', endDate: '2027-06-30', teachingEndsOn: '2027-06-11' },
  ];
  const lastYear = { validFrom: '2025-08-18', validTo: '2026-06-12' };

  it('is the last day in a class for one who left during the year', () => {
    expect(enrolmentEndedOn([lastYear, { validFrom: '2026-08-17', validTo: '2026-11-20' }], '2026-11-25', years)).toBe('2026-11-20');
  });

  it('is not known between school years for one whose classes ended with the teaching, until the next year begins', () => {
    expect(enrolmentEndedOn([lastYear], '2026-06-20', years)).toBeNull();
    expect(enrolmentEndedOn([lastYear], '2026-06-30', years)).toBeNull();
    expect(enrolmentEndedOn([lastYear], '2026-07-01', years)).toBe('2026-06-12');
    // Without a later school year entered, it stays unknown.
    expect(enrolmentEndedOn([lastYear], '2027-09-01', years.slice(0, 1))).toBeNull();
  });

  it('is none while a class goes on or lies ahead, nor without any', () => {
    expect(enrolmentEndedOn([lastYear, { validFrom: '2026-08-17', validTo: null }], '2026-11-25', years)).toBeNull();
    expect(enrolmentEndedOn([{ validFrom: '2027-01-11', validTo: '2027-06-11' }], '2026-11-25', years)).toBeNull();
    expect(enrolmentEndedOn([], '2026-11-25', years)).toBeNull();
  });
});
