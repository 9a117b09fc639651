import { describe, expect, it } from 'vitest';
import { deliveryTime, isQuietHour, DEFAULT_QUIET_HOURS } from './quiet-hours.ts';

const sms = { kind: 'ABSENCE', channel: 'SMS' as const, emailDuringQuietHours: false };
const local = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('holds an SMS due at 22:00 until 07:00 the next morning, in Swedish time', () => {
    // 22:00 in Stockholm in winter is 21:00 UTC; 07:00 is 06:00 UTC.
    expect(deliveryTime(local('2026-11-25T21:00:00Z'), sms, DEFAULT_QUIET_HOURS).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    // After midnight it waits until 07:00 the same day.
    expect(deliveryTime(local('2026-11-26T02:30:00Z'), sms, DEFAULT_QUIET_HOURS).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    // In summer time 07:00 is 05:00 UTC.
    expect(deliveryTime(local('2026-06-10T20:30:00Z'), sms, DEFAULT_QUIET_HOURS).toISOString()).toBe('2026-06-11T05:00:00.000Z');
  });

  it('sends at once outside the quiet hours, at their edges too', () => {
    for (const due of ['2026-11-25T06:00:00Z', '2026-11-25T12:00:00Z', '2026-11-25T18:59:59Z']) {
      expect(deliveryTime(local(due), sms, DEFAULT_QUIET_HOURS).toISOString()).toBe(local(due).toISOString());
    }
    expect(deliveryTime(local('2026-11-25T19:00:00Z'), sms, DEFAULT_QUIET_HOURS).toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  it("sends a confirmation of the guardian's own report at once, and e-mail when the guardian chose any hour", () => {
    const night = local('2026-11-25T22:00:00Z');
    expect(deliveryTime(night, { ...sms, kind: 'SICK_REPORT' }, DEFAULT_QUIET_HOURS)).toEqual(night);
    expect(deliveryTime(night, { ...sms, channel: 'EMAIL', emailDuringQuietHours: true }, DEFAULT_QUIET_HOURS)).toEqual(night);
    expect(deliveryTime(night, { ...sms, channel: 'EMAIL' }, DEFAULT_QUIET_HOURS).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    // SMS ignores the e-mail choice.
    expect(deliveryTime(night, { ...sms, emailDuringQuietHours: true }, DEFAULT_QUIET_HOURS).toISOString()).toBe(
      '2026-11-26T06:00:00.000Z',
    );
  });

  it('reads quiet hours within one day, across midnight, and none when the hours are equal', () => {
    expect(isQuietHour(13, { from: 12, until: 14 })).toBe(true);
    expect(isQuietHour(14, { from: 12, until: 14 })).toBe(false);
    expect(isQuietHour(23, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuietHour(6, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuietHour(7, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuietHour(3, { from: 0, until: 0 })).toBe(false);
    // A quiet lunch hour ends the same day.
    expect(deliveryTime(local('2026-11-25T11:30:00Z'), sms, { from: 12, until: 14 }).toISOString()).toBe('2026-11-25T13:00:00.000Z');
  });
});
