import { describe, expect, it } from 'vitest';
import type { DutyFacts } from './access.ts';
import {
  checkAbsenceReason,
  checkRollCall,
  effectiveRollCallDay,
  isUnexcused,
  rollCallAuthority,
  type RollCallEntry,
} from './attendance.ts';

const lesson = { status: 'SCHEDULED' as const, durationMinutes: 60 };
const members = new Set(['a', 'b', 'c']);

describe('isUnexcused', () => {
  it('absence and lateness are unexcused unless a valid reason covers them', () => {
    expect(isUnexcused('ABSENT', null)).toBe(true);
    expect(isUnexcused('LATE', null)).toBe(true);
    expect(isUnexcused('ABSENT', 'SICK')).toBe(false);
    expect(isUnexcused('LATE', 'LEAVE')).toBe(false);
    expect(isUnexcused('PRESENT', null)).toBe(false);
  });
});

describe('checkRollCall', () => {
  it('accepts a correct submission', () => {
    const entries: RollCallEntry[] = [
      { studentId: 'a', status: 'PRESENT' },
      { studentId: 'b', status: 'ABSENT', note: 'no word from home' },
      { studentId: 'c', status: 'LATE', lateMinutes: 60 },
    ];
    expect(checkRollCall(lesson, members, entries)).toEqual([]);
  });

  it('has no roll call for a cancelled lesson', () => {
    expect(checkRollCall({ ...lesson, status: 'CANCELLED' }, members, [{ studentId: 'a', status: 'PRESENT' }])).toEqual([
      { code: 'LESSON_CANCELLED' },
    ]);
  });

  it('reports every problem at once', () => {
    const problems = checkRollCall(lesson, members, [
      { studentId: 'a', status: 'PRESENT' },
      { studentId: 'a', status: 'ABSENT' },
      { studentId: 'x', status: 'PRESENT' },
      { studentId: 'b', status: 'LATE', lateMinutes: 61 },
      { studentId: 'c', status: 'LATE', lateMinutes: -5 },
    ]);
    expect(problems).toEqual([
      { code: 'DUPLICATE_STUDENT', studentId: 'a' },
      { code: 'STUDENT_NOT_IN_GROUP', studentId: 'x' },
      { code: 'LATE_MINUTES_OUT_OF_RANGE', studentId: 'b', max: 60 },
      { code: 'LATE_MINUTES_OUT_OF_RANGE', studentId: 'c', max: 60 },
    ]);
  });

  it('needs whole late minutes for LATE and none otherwise', () => {
    expect(checkRollCall(lesson, members, [{ studentId: 'a', status: 'LATE' }])).toEqual([
      { code: 'LATE_MINUTES_REQUIRED', studentId: 'a' },
    ]);
    expect(checkRollCall(lesson, members, [{ studentId: 'a', status: 'LATE', lateMinutes: 2.5 }])[0]?.code).toBe(
      'LATE_MINUTES_OUT_OF_RANGE',
    );
    expect(checkRollCall(lesson, members, [{ studentId: 'a', status: 'LATE', lateMinutes: 0 }])[0]?.code).toBe('LATE_MINUTES_OUT_OF_RANGE');
    expect(checkRollCall(lesson, members, [{ studentId: 'a', status: 'ABSENT', lateMinutes: 5 }])).toEqual([
      { code: 'LATE_MINUTES_NOT_ALLOWED', studentId: 'a' },
    ]);
  });

  it('refuses an empty submission and an overlong note', () => {
    expect(checkRollCall(lesson, members, [])).toEqual([{ code: 'EMPTY_SUBMISSION' }]);
    expect(checkRollCall(lesson, members, [{ studentId: 'a', status: 'ABSENT', note: 'x'.repeat(501) }])[0]?.code).toBe('NOTE_TOO_LONG');
  });
});

describe('rollCallAuthority', () => {
  const facts = {
    lessonDate: '2026-11-25',
    schoolId: 'schoolA',
    organisationId: 'orgA',
    teacherStaffIds: ['teacher'],
    studentClassIds: ['class7B'],
  };
  const duty = (kind: DutyFacts['kind'], groupId: string | null = null): DutyFacts => ({
    kind,
    organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
    groupId,
    schoolId: null,
    validFrom: '2026-08-01',
    validTo: null,
  });
  const teacher = (today: string) => rollCallAuthority('teacher', [duty('TEACHER', 'ma7B')], facts, today);
  const mentor = (today: string) => rollCallAuthority('mentor', [duty('MENTOR', 'class7B')], facts, today);
  const admin = (today: string) => rollCallAuthority('admin', [duty('ADMINISTRATOR')], facts, today);

  it('on the day: the teacher, the mentor and the administrator, no reason needed', () => {
    for (const authority of [teacher('2026-11-25'), mentor('2026-11-25'), admin('2026-11-25')]) {
      expect(authority).toEqual({ allowed: true, reasonRequired: false });
    }
  });
  it('afterwards: the mentor and the administrator with a reason, not the teacher', () => {
    expect(teacher('2026-11-26')).toEqual({ allowed: false, why: 'TOO_LATE_FOR_TEACHER' });
    expect(mentor('2026-11-26')).toEqual({ allowed: true, reasonRequired: true });
    expect(admin('2026-12-01')).toEqual({ allowed: true, reasonRequired: true });
  });
  it('never before the lesson day', () => {
    expect(teacher('2026-11-24')).toEqual({ allowed: false, why: 'TOO_EARLY' });
  });
  it('nobody else: another teacher, another class mentor, a principal', () => {
    expect(rollCallAuthority('other', [duty('TEACHER', 'ma7B')], facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
    expect(rollCallAuthority('m2', [duty('MENTOR', 'class7A')], facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
    expect(rollCallAuthority('p', [duty('PRINCIPAL')], facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
  });
  it("nor another organisation's administrator", () => {
    const otherAdmin = { ...duty('ADMINISTRATOR'), organisationId: 'orgB' };
    expect(rollCallAuthority('a2', [otherAdmin], facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
  });
});

describe('effectiveRollCallDay', () => {
  const received = new Date('2026-11-26T07:00:00Z'); // Thursday 08:00 in Sweden
  it('counts a roll call kept offline for the day it was taken', () => {
    expect(effectiveRollCallDay(new Date('2026-11-25T14:00:00Z'), received)).toBe('2026-11-25');
  });
  it('uses the arrival day without a device time, or with one in the future or too old', () => {
    expect(effectiveRollCallDay(null, received)).toBe('2026-11-26');
    expect(effectiveRollCallDay(new Date('2026-11-27T07:00:00Z'), received)).toBe('2026-11-26');
    expect(effectiveRollCallDay(new Date('2026-11-20T07:00:00Z'), received)).toBe('2026-11-26');
  });
  it('tolerates a device clock a little ahead', () => {
    expect(effectiveRollCallDay(new Date('2026-11-26T07:03:00Z'), received)).toBe('2026-11-26');
  });
});

describe('checkAbsenceReason', () => {
  const absent = { status: 'ABSENT' as const, validReason: null };
  it('lets staff record a school activity, another reason with a note, or make it unexcused again', () => {
    expect(checkAbsenceReason(absent, 'SCHOOL_ACTIVITY', null)).toEqual([]);
    expect(checkAbsenceReason({ status: 'LATE', validReason: 'OTHER' }, 'OTHER', 'Tandläkare')).toEqual([]);
    expect(checkAbsenceReason({ status: 'ABSENT', validReason: 'SCHOOL_ACTIVITY' }, null, null)).toEqual([]);
  });
  it('refuses presence, a report from the home, an unknown reason, and "other" without a note or with too long a one', () => {
    expect(checkAbsenceReason({ status: 'PRESENT', validReason: null }, 'SCHOOL_ACTIVITY', null)).toEqual(['NOT_ABSENT']);
    expect(checkAbsenceReason({ status: 'ABSENT', validReason: 'SICK' }, null, null)).toEqual(['REPORTED_BY_HOME']);
    expect(checkAbsenceReason({ status: 'ABSENT', validReason: 'LEAVE' }, 'OTHER', 'x')).toEqual(['REPORTED_BY_HOME']);
    expect(checkAbsenceReason(absent, 'SICK', null)).toEqual(['UNKNOWN_REASON']);
    expect(checkAbsenceReason(absent, 'OTHER', '  ')).toEqual(['NOTE_REQUIRED']);
    expect(checkAbsenceReason(absent, 'OTHER', 'x'.repeat(501))).toEqual(['NOTE_TOO_LONG']);
  });
});
