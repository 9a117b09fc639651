/**
 * Age in whole years on a date; dates are `YYYY-MM-DD`. Someone born on 29 February has their
 * birthday on 28 February in other years: a period that ends on a day the month lacks ends on the
 * month's last day (lag (1930:173) om beräkning av lagstadgad tid).
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = splitDate(birthDate);
  const [y, m, d] = splitDate(on);
  let age = y - by;
  const birthdayThisYear = bm === 2 && bd === 29 && !isLeapYear(y) ? [2, 28] : [bm, bd];
  if (m < (birthdayThisYear[0] as number) || (m === birthdayThisYear[0] && d < (birthdayThisYear[1] as number))) age -= 1;
  return age;
}

export const ADULT_AGE = 18;

/** myndig: from the day of the 18th birthday. */
export const isAdultOn = (birthDate: string, on: string): boolean => ageOn(birthDate, on) >= ADULT_AGE;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function splitDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
