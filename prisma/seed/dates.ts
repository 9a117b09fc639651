// Date helpers for the generator. Calendar dates are `YYYY-MM-DD`; instants are Dates.

const DAY_MS = 86_400_000;

export const addDaysIso = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date is in. */
export const mondayOf = (date: string): string => addDaysIso(date, 1 - isoWeekday(date));

// The domain's, shared with the administration's lesson generation.
export { schoolMinuteInstant as schoolInstant } from '@insyn/domain';

/** A `@db.Date` value: Prisma stores the UTC calendar date of the Date it is given. */
export const dbDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);

/** The day someone turns 18; born 29 February, on 28 February (as in age.ts). */
export function eighteenthBirthday(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 18;
  const monthDay = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}
