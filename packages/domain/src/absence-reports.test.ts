import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import { type DutyFacts, mayDecideLeave } from './access/index.ts';
import {
  checkLeaveRequest,
  checkSickReport,
  leaveDecider,
  schoolDaysIn,
  schoolInstant,
  spanInstants,
  spansOverlap,
} from './absence-reports.ts';

const today = '2026-11-25'; // a Wednesday

describe('checkSickReport', () => {
  it('accepts today, a span ahead, and part of a day', () => {
    expect(checkSickReport({ fromDate: today, toDate: today }, today, 0)).toEqual([]);
    expect(checkSickReport({ fromDate: '2026-11-30', toDate: '2026-12-04' }, today, 0)).toEqual([]);
    expect(checkSickReport({ fromDate: today, toDate: today, fromTime: '08:00', toTime: '11:30' }, today, 0)).toEqual([]);
  });
  it('goes back only as far as the school allows', () => {
    expect(checkSickReport({ fromDate: '2026-11-24', toDate: today }, today, 1)).toEqual([]);
    expect(checkSickReport({ fromDate: '2026-11-23', toDate: today }, today, 1)).toEqual(['TOO_FAR_BACK']);
    expect(checkSickReport({ fromDate: '2026-11-24', toDate: today }, today, 0)).toEqual(['TOO_FAR_BACK']);
  });
  it('refuses bad dates and times', () => {
    expect(checkSickReport({ fromDate: '2026-02-30', toDate: today }, today, 0)).toEqual(['INVALID_DATE']);
    expect(checkSickReport({ fromDate: '2026-11-27', toDate: '2026-11-26' }, today, 0)).toEqual(['END_BEFORE_START']);
    expect(checkSickReport({ fromDate: today, toDate: today, fromTime: '11:00', toTime: '09:00' }, today, 0)).toEqual(['END_BEFORE_START']);
    expect(checkSickReport({ fromDate: today, toDate: today, fromTime: '25:00', toTime: '26:00' }, today, 0)).toEqual(['INVALID_TIME']);
    expect(checkSickReport({ fromDate: today, toDate: today, fromTime: '08:00' }, today, 0)).toEqual(['INVALID_TIME']);
    expect(checkSickReport({ fromDate: today, toDate: '2026-11-26', fromTime: '08:00', toTime: '10:00' }, today, 0)).toEqual([
      'PART_OF_DAY_NEEDS_ONE_DATE',
    ]);
  });
  it('refuses a report too far ahead or too long', () => {
    expect(checkSickReport({ fromDate: '2026-12-27', toDate: '2026-12-27' }, today, 0)).toEqual(['TOO_FAR_AHEAD']);
    expect(checkSickReport({ fromDate: '2026-11-25', toDate: '2026-12-26' }, today, 0)).toEqual(['TOO_LONG']);
  });
});

describe('spans as instants (Europe/Stockholm)', () => {
  it('whole days run from local midnight to the midnight after the last day', () => {
    expect(spanInstants({ fromDate: '2026-11-25', toDate: '2026-11-26' })).toEqual({
      startsAt: new Date('2026-11-24T23:00:00Z'),
      endsAt: new Date('2026-11-26T23:00:00Z'),
    });
  });
  it('part of a day uses local times, in summer time too', () => {
    expect(spanInstants({ fromDate: '2026-06-01', toDate: '2026-06-01', fromTime: '08:00', toTime: '12:00' })).toEqual({
      startsAt: new Date('2026-06-01T06:00:00Z'),
      endsAt: new Date('2026-06-01T10:00:00Z'),
    });
    expect(schoolInstant('2026-11-25', '08:15')).toEqual(new Date('2026-11-25T07:15:00Z'));
  });
});

describe('leave', () => {
  const breaks = [{ startDate: '2026-12-21', endDate: '2027-01-07' }];
  it('counts the weekdays outside breaks', () => {
    expect(schoolDaysIn('2026-11-23', '2026-11-29', [])).toBe(5);
    expect(schoolDaysIn('2026-11-28', '2026-11-29', [])).toBe(0);
    expect(schoolDaysIn('2026-12-17', '2027-01-11', breaks)).toBe(2 + 2);
  });
  it('the mentor decides up to the limit, the principal above it', () => {
    expect(leaveDecider(2, 2)).toBe('MENTOR');
    expect(leaveDecider(3, 2)).toBe('PRINCIPAL');
    expect(leaveDecider(5, 5)).toBe('MENTOR');
  });
  it('is applied for before it starts, on school days, with a reason', () => {
    expect(checkLeaveRequest({ fromDate: '2026-11-26', toDate: '2026-11-27', reason: 'Släktbröllop' }, today, 2)).toEqual([]);
    expect(checkLeaveRequest({ fromDate: '2026-11-24', toDate: '2026-11-27', reason: 'x' }, today, 3)).toEqual(['TOO_FAR_BACK']);
    expect(checkLeaveRequest({ fromDate: '2026-11-28', toDate: '2026-11-29', reason: 'x' }, today, 0)).toEqual(['NO_SCHOOL_DAYS']);
    expect(checkLeaveRequest({ fromDate: '2026-11-26', toDate: '2026-11-26', reason: '  ' }, today, 1)).toEqual(['REASON_REQUIRED']);
    expect(checkLeaveRequest({ fromDate: '2026-11-26', toDate: '2027-03-01', reason: 'x' }, today, 50)).toEqual(['TOO_LONG']);
    expect(checkLeaveRequest({ fromDate: '2027-12-01', toDate: '2027-12-01', reason: 'x' }, today, 1)).toEqual(['TOO_FAR_AHEAD']);
  });
  it('finds a missing reason beside missing or reversed dates', () => {
    expect(checkLeaveRequest({ fromDate: '', toDate: '', reason: '' }, today, 1)).toEqual(['INVALID_DATE', 'REASON_REQUIRED']);
    expect(checkLeaveRequest({ fromDate: '2026-11-27', toDate: '2026-11-26', reason: ' ' }, today, 1)).toEqual([
      'END_BEFORE_START',
      'REASON_REQUIRED',
    ]);
  });
  it('spans overlap when they share a day', () => {
    expect(spansOverlap({ startDate: '2026-12-01', endDate: '2026-12-03' }, { startDate: '2026-12-03', endDate: '2026-12-04' })).toBe(true);
    expect(spansOverlap({ startDate: '2026-12-01', endDate: '2026-12-02' }, { startDate: '2026-12-03', endDate: '2026-12-04' })).toBe(
      false,
    );
  });
});

describe('mayDecideLeave', () => {
  const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }): DutyFacts => ({
    kind,
    organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
    schoolId: ref.schoolId ?? null,
    groupId: ref.groupId ?? null,
    validFrom: '2026-08-01',
    validTo: null,
  });
  const mentorLeave = { decider: 'MENTOR' as const, schoolId: 'schoolA', studentClassIds: ['class7B'] };
  const principalLeave = { ...mentorLeave, decider: 'PRINCIPAL' as const };
  it('the class mentor decides short leave, not long', () => {
    expect(mayDecideLeave(staffWith([duty('MENTOR', { groupId: 'class7B' })]), mentorLeave, today)).toBe(true);
    expect(mayDecideLeave(staffWith([duty('MENTOR', { groupId: 'class7B' })]), principalLeave, today)).toBe(false);
    expect(mayDecideLeave(staffWith([duty('MENTOR', { groupId: 'class7A' })]), mentorLeave, today)).toBe(false);
  });
  it("the school's principal decides both; a teacher, an administrator or another school's principal neither", () => {
    expect(mayDecideLeave(staffWith([duty('PRINCIPAL', { schoolId: 'schoolA' })]), principalLeave, today)).toBe(true);
    expect(mayDecideLeave(staffWith([duty('PRINCIPAL', { schoolId: 'schoolA' })]), mentorLeave, today)).toBe(true);
    expect(mayDecideLeave(staffWith([duty('PRINCIPAL', { schoolId: 'schoolB' })]), principalLeave, today)).toBe(false);
    expect(mayDecideLeave(staffWith([duty('TEACHER', { groupId: 'class7B' }), duty('ADMINISTRATOR', {})]), mentorLeave, today)).toBe(false);
  });
});
