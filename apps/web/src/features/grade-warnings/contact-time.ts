import { TZDate } from '@date-fns/tz';
import { SCHOOL_TIME_ZONE } from '@insyn/domain';
import { format } from 'date-fns';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant as a datetime-local value at the school ("2026-11-25T10:30"), whatever the device's time zone. */
export function toSchoolDateTimeLocal(instant: Date): string {
  return format(new TZDate(instant, SCHOOL_TIME_ZONE), "yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local value read as the school's clock time, as the ISO instant the API takes; null when incomplete. */
export function fromSchoolDateTimeLocal(value: string): string | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const at = new TZDate(year, month - 1, day, hours, minutes, SCHOOL_TIME_ZONE);
  return Number.isNaN(at.getTime()) ? null : new Date(at.getTime()).toISOString();
}

/**
 * The instant of a contact entered in whole minutes: a contact in the minute the warning was issued
 * counts from the warning itself, as the input cannot say "08:45:30" and the API refuses one before it.
 */
export function contactInstant(value: string, issuedAt: string): string | null {
  const at = fromSchoolDateTimeLocal(value);
  if (at === null) return null;
  const issued = new Date(issuedAt);
  const sameMinute = Math.floor(issued.getTime() / 60_000) === Math.floor(new Date(at).getTime() / 60_000);
  return sameMinute && at < issued.toISOString() ? issued.toISOString() : at;
}
