import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import { type DutyFacts, rollCallAuthority } from './access/index.ts';
import {
  checkAbsenceReason,
  checkRollCall,
  isUnexcused,
  offlineProofClaims,
  rollCallTiming,
  type RollCallTimingFacts,
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
  const teacher = (today: string) => rollCallAuthority(staffWith([duty('TEACHER', 'ma7B')], 'teacher'), facts, today);
  const mentor = (today: string) => rollCallAuthority(staffWith([duty('MENTOR', 'class7B')], 'mentor'), facts, today);
  const admin = (today: string) => rollCallAuthority(staffWith([duty('ADMINISTRATOR')], 'admin'), facts, today);

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
    expect(rollCallAuthority(staffWith([duty('TEACHER', 'ma7B')], 'other'), facts, '2026-11-25')).toEqual({
      allowed: false,
      why: 'NOT_YOUR_LESSON',
    });
    expect(rollCallAuthority(staffWith([duty('MENTOR', 'class7A')], 'm2'), facts, '2026-11-25')).toEqual({
      allowed: false,
      why: 'NOT_YOUR_LESSON',
    });
    expect(rollCallAuthority(staffWith([duty('PRINCIPAL')], 'p'), facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
  });
  it("nor another organisation's administrator", () => {
    const otherAdmin = { ...duty('ADMINISTRATOR'), organisationId: 'orgB' };
    expect(rollCallAuthority(staffWith([otherAdmin], 'a2'), facts, '2026-11-25')).toEqual({ allowed: false, why: 'NOT_YOUR_LESSON' });
  });
});

describe('rollCallTiming', () => {
  // Wednesday 25 November 2026, a lesson 10:00–11:00 in Sweden (09:00Z); the teacher's proof from the morning.
  const lessonStartsAt = new Date('2026-11-25T09:00:00Z');
  const proof = offlineProofClaims('lesson', 'user', new Date('2026-11-25T07:30:00Z'));
  const timing = (changes: Partial<RollCallTimingFacts>) =>
    rollCallTiming({
      lessonId: 'lesson',
      lessonDate: '2026-11-25',
      lessonStartsAt,
      userId: 'user',
      takenAt: new Date('2026-11-25T09:05:00Z'),
      proof,
      receivedAt: new Date('2026-11-26T06:40:00Z'), // Thursday 07:40
      ...changes,
    });
  const onTheDay = { ok: true, countsOn: '2026-11-25', lateArrival: false };
  const correction = { ok: true, countsOn: '2026-11-26', lateArrival: false };

  it("the proof's claims: the day it was issued, and the end of the offline window", () => {
    expect(proof).toEqual({ lessonId: 'lesson', userId: 'user', issuedOn: '2026-11-25', expiresAt: new Date('2026-11-29T07:30:00Z') });
    // 00:30 in Sweden is already the next school day.
    expect(offlineProofClaims('lesson', 'user', new Date('2026-11-25T23:30:00Z')).issuedOn).toBe('2026-11-26');
  });

  it("on the lesson's day the arrival decides: with or without a proof, whatever the proof, and before the lesson began", () => {
    const receivedAt = new Date('2026-11-25T09:10:00Z');
    expect(timing({ receivedAt })).toEqual(onTheDay);
    expect(timing({ receivedAt, proof: null, takenAt: null })).toEqual(onTheDay);
    expect(timing({ receivedAt, proof: 'UNREADABLE' })).toEqual(onTheDay);
    expect(timing({ receivedAt, proof: { ...proof, lessonId: 'other' } })).toEqual(onTheDay);
    // Prepared before the lesson on its day (a known absence), as the server's clock shows.
    expect(timing({ receivedAt: new Date('2026-11-25T07:00:00Z'), takenAt: new Date('2026-11-25T07:00:00Z') })).toEqual(onTheDay);
    // Before the lesson's day the arrival day counts too (rollCallAuthority says it is too early).
    expect(timing({ receivedAt: new Date('2026-11-24T12:00:00Z'), takenAt: new Date('2026-11-24T12:00:00Z') })).toEqual({
      ok: true,
      countsOn: '2026-11-24',
      lateArrival: false,
    });
  });

  it("a late arrival with the day's proof counts for the lesson's day, up to the end of the offline window", () => {
    expect(timing({})).toEqual({ ok: true, countsOn: '2026-11-25', lateArrival: true });
    // Taken as the lesson began, on a device whose clock lags a little.
    expect(timing({ takenAt: new Date('2026-11-25T08:50:00Z') })).toEqual({ ok: true, countsOn: '2026-11-25', lateArrival: true });
    // Taken late in the evening of the lesson's day.
    expect(timing({ takenAt: new Date('2026-11-25T22:30:00Z') })).toMatchObject({ lateArrival: true });
    expect(timing({ receivedAt: new Date('2026-11-29T07:30:00Z') })).toMatchObject({ lateArrival: true });
  });

  it('without a proof, or with one of another day, it is a correction after the day', () => {
    expect(timing({ proof: null })).toEqual(correction);
    expect(timing({ takenAt: null })).toEqual(correction);
    expect(timing({ proof: offlineProofClaims('lesson', 'user', new Date('2026-11-26T06:00:00Z')) })).toEqual(correction);
    expect(timing({ proof: offlineProofClaims('lesson', 'user', new Date('2026-11-24T15:00:00Z')) })).toEqual(correction);
  });

  it('taken on another day than the lesson, it is a correction after the day', () => {
    // The next morning, on the device that still held the roll call, before it reached the network.
    expect(timing({ takenAt: new Date('2026-11-26T06:30:00Z') })).toEqual(correction);
  });

  it('outside the offline window, it is a correction after the day', () => {
    expect(timing({ receivedAt: new Date('2026-11-29T07:31:00Z') })).toMatchObject({ countsOn: '2026-11-29', lateArrival: false });
    // The proof is still valid, but the roll call says it was taken more than four days before it arrived.
    const lateProof = offlineProofClaims('lesson', 'user', new Date('2026-11-25T22:00:00Z'));
    expect(timing({ proof: lateProof, receivedAt: new Date('2026-11-29T09:06:00Z') })).toMatchObject({ lateArrival: false });
  });

  it('refuses a proof of another lesson or user, or one the server did not sign', () => {
    expect(timing({ proof: { ...proof, lessonId: 'other' } })).toEqual({ ok: false, problem: 'OFFLINE_PROOF_MISMATCH' });
    expect(timing({ proof: { ...proof, userId: 'other' } })).toEqual({ ok: false, problem: 'OFFLINE_PROOF_MISMATCH' });
    expect(timing({ proof: 'UNREADABLE' })).toEqual({ ok: false, problem: 'OFFLINE_PROOF_INVALID' });
  });

  it('refuses a takenAt before the lesson began, or after the arrival', () => {
    expect(timing({ takenAt: new Date('2026-11-25T08:44:00Z') })).toEqual({ ok: false, problem: 'TAKEN_AT_BEFORE_LESSON' });
    expect(timing({ takenAt: new Date('2026-11-24T13:00:00Z'), proof: null })).toEqual({ ok: false, problem: 'TAKEN_AT_BEFORE_LESSON' });
    expect(timing({ takenAt: new Date('2026-11-26T06:50:00Z') })).toEqual({ ok: false, problem: 'TAKEN_AT_IN_FUTURE' });
    // In the future on the lesson's day too; a device clock a little ahead is tolerated.
    const receivedAt = new Date('2026-11-25T09:10:00Z');
    expect(timing({ receivedAt, takenAt: new Date('2026-11-25T09:16:00Z') })).toEqual({ ok: false, problem: 'TAKEN_AT_IN_FUTURE' });
    expect(timing({ receivedAt, takenAt: new Date('2026-11-25T09:14:00Z') })).toEqual(onTheDay);
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
