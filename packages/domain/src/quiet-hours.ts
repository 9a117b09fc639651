// Quiet hours for messages to the home (issue 16): no SMS at night. A message due while the school's quiet hours
// last waits until they end, unless it confirms what a guardian just did (they are awake and waiting for it).
// E-mail waits too, unless the guardian chose to have e-mail at any hour.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { SCHOOL_TIME_ZONE } from './iso-week.ts';

/** Whole local hours 0–23: quiet from `from` o'clock until `until` o'clock, across midnight when from > until. */
export interface QuietHours {
  from: number;
  until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 20, until: 7 };

/** Message kinds that confirm what a guardian just did: sent at once, whatever the hour. */
export const CONFIRMATION_KINDS: readonly string[] = ['SICK_REPORT', 'SICK_REPORT_WITHDRAWN'];

/** Whether a local hour lies in the quiet hours; equal hours mean there are none. */
export function isQuietHour(hour: number, quiet: QuietHours): boolean {
  if (quiet.from === quiet.until) return false;
  return quiet.from < quiet.until ? hour >= quiet.from && hour < quiet.until : hour >= quiet.from || hour < quiet.until;
}

/**
 * When a message due at `due` may be sent: at once, or when the quiet hours it falls in end (the next
 * `until` o'clock, local school time).
 */
export function deliveryTime(
  due: Date,
  message: { kind: string; channel: 'SMS' | 'EMAIL'; emailDuringQuietHours: boolean },
  quiet: QuietHours,
): Date {
  if (CONFIRMATION_KINDS.includes(message.kind)) return due;
  if (message.channel === 'EMAIL' && message.emailDuringQuietHours) return due;
  const local = new TZDate(due.getTime(), SCHOOL_TIME_ZONE);
  if (!isQuietHour(local.getHours(), quiet)) return due;
  // The quiet hours end today at `until` if that is still to come, else tomorrow.
  const day = local.getHours() < quiet.until ? local : addDays(local, 1);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), quiet.until, 0, SCHOOL_TIME_ZONE).getTime());
}
