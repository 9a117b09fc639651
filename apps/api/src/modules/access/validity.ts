/** The value of a `@db.Date` column for a school date (`YYYY-MM-DD`). */
export const dateValue = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** Rows in force on a day (memberships, duties): from validFrom through validTo, open-ended while validTo is null. */
export const inForceOn = (day: Date) => ({ validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] });
