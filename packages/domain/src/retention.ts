// Gallring (retention): how long each kind of record is kept, per organisation, and what is due for deletion given
// that policy, a record's date and today. There is no single national period for absence records: each municipality
// decides in its dokumenthanteringsplan (gallringsbeslut); a common template keeps them three school years, which is
// the default here. Records that follow a student for longer (assessments, grade warnings, IUPs, support decisions)
// are often kept longer or archived: Insyn keeps them until the administrator sets a period.
//
// A record belongs to the school year of its date, August to July (a June sick report belongs to the year that ends
// that June). A school year ends on the last day of its spring term where the organisation's calendar has it, else on
// 30 June. "Kept N school years" means kept through the N school years after its own; it is due once the Nth has
// ended. A period in months counts from the record's date. Dates are `YYYY-MM-DD` strings.
import { format, parseISO, subMonths } from 'date-fns';
import { isIsoDate } from './iso-week.ts';
import { schoolYearStartFor } from './school-calendar.ts';

export type RetentionKind =
  | 'ATTENDANCE'
  | 'SICK_REPORTS'
  | 'LEAVE_APPLICATIONS'
  | 'NEWS'
  | 'ASSESSMENTS'
  | 'GRADE_WARNINGS'
  | 'DEVELOPMENT_PLANS'
  | 'SUPPORT_DECISIONS'
  | 'MESSAGES'
  | 'AUDIT_EVENTS'
  | 'API_CALLS'
  | 'IMPORTS'
  | 'SESSIONS'
  | 'FORMER_STUDENTS';

export type RetentionUnit = 'SCHOOL_YEARS' | 'MONTHS';

export interface RetentionRule {
  unit: RetentionUnit;
  /** the period of a policy nobody has changed; null: kept, never deleted by Insyn */
  defaultKeep: number | null;
  min: number;
  max: number;
  /** whether the administrator may keep them (never deleted by Insyn) */
  mayKeep: boolean;
}

/**
 * The kinds in the order the policy lists them, and the order a run deletes them in: attendance before the reports,
 * and the people who have left last, once the run has deleted whatever else of theirs was due.
 */
export const RETENTION_KINDS: readonly RetentionKind[] = [
  'ATTENDANCE',
  'SICK_REPORTS',
  'LEAVE_APPLICATIONS',
  'NEWS',
  'ASSESSMENTS',
  'GRADE_WARNINGS',
  'DEVELOPMENT_PLANS',
  'SUPPORT_DECISIONS',
  'MESSAGES',
  'AUDIT_EVENTS',
  'API_CALLS',
  'IMPORTS',
  'SESSIONS',
  'FORMER_STUDENTS',
];

/**
 * An audit event is never deleted younger than this, whatever the policy: the database's purge function
 * (migration retention) holds the same floor, so that not even the API itself can empty the recent log.
 */
export const AUDIT_EVENT_MIN_MONTHS = 12;

/**
 * The defaults and bounds, and why:
 * - attendance, sick reports and leave: the common template's three school years (CSN and guardians ask about earlier
 *   terms, so at least one); the reports explain the absence and go with it;
 * - news: the school year after its own, by when nobody looks for last year's letters home;
 * - assessments, grade warnings, IUPs and support decisions: kept, as most plans keep or archive them (a grade
 *   warning shows the school told the home, a support decision may be appealed and asked for years later);
 * - messages to the home: a year after sent or given up, the proof that the home was told through the next school year;
 * - audit events: three years, like what they record, never under a year;
 * - other systems' calls (SS 12000 API clients): a year, long enough to answer what a system read and when;
 * - imports (student lists, SS 12000 runs, with the names of what each changed): a year, to answer where a record came from;
 * - expired sessions and used or expired codes and links: a month; they protect nothing once expired and are never kept;
 * - students who have left, with their account, classes and guardianships, and the guardians who were guardians of
 *   none but them: kept until the administrator sets a period, so that nobody is deleted by an update. Counted from the
 *   school year in which the student's last class or group ended, and only once nothing else of theirs is kept under
 *   its own period (attendance, reports, assessments, messages, the log of who read their data): a person goes last.
 */
export const RETENTION_RULES: Record<RetentionKind, RetentionRule> = {
  ATTENDANCE: { unit: 'SCHOOL_YEARS', defaultKeep: 3, min: 1, max: 50, mayKeep: true },
  SICK_REPORTS: { unit: 'SCHOOL_YEARS', defaultKeep: 3, min: 1, max: 50, mayKeep: true },
  LEAVE_APPLICATIONS: { unit: 'SCHOOL_YEARS', defaultKeep: 3, min: 1, max: 50, mayKeep: true },
  NEWS: { unit: 'SCHOOL_YEARS', defaultKeep: 1, min: 0, max: 50, mayKeep: true },
  ASSESSMENTS: { unit: 'SCHOOL_YEARS', defaultKeep: null, min: 1, max: 50, mayKeep: true },
  GRADE_WARNINGS: { unit: 'SCHOOL_YEARS', defaultKeep: null, min: 1, max: 50, mayKeep: true },
  DEVELOPMENT_PLANS: { unit: 'SCHOOL_YEARS', defaultKeep: null, min: 1, max: 50, mayKeep: true },
  SUPPORT_DECISIONS: { unit: 'SCHOOL_YEARS', defaultKeep: null, min: 1, max: 50, mayKeep: true },
  MESSAGES: { unit: 'MONTHS', defaultKeep: 12, min: 1, max: 600, mayKeep: true },
  AUDIT_EVENTS: { unit: 'MONTHS', defaultKeep: 36, min: AUDIT_EVENT_MIN_MONTHS, max: 600, mayKeep: true },
  API_CALLS: { unit: 'MONTHS', defaultKeep: 12, min: 1, max: 600, mayKeep: true },
  IMPORTS: { unit: 'MONTHS', defaultKeep: 12, min: 1, max: 600, mayKeep: true },
  SESSIONS: { unit: 'MONTHS', defaultKeep: 1, min: 1, max: 24, mayKeep: false },
  FORMER_STUDENTS: { unit: 'SCHOOL_YEARS', defaultKeep: null, min: 1, max: 50, mayKeep: true },
};

/** Per kind, the school years or months a record is kept; null: kept, never deleted by Insyn. */
export type RetentionPolicy = Record<RetentionKind, number | null>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = Object.fromEntries(
  RETENTION_KINDS.map((kind) => [kind, RETENTION_RULES[kind].defaultKeep]),
) as RetentionPolicy;

export const isRetentionKind = (value: string): value is RetentionKind => (RETENTION_KINDS as readonly string[]).includes(value);

export type RetentionProblemCode = 'NOT_A_WHOLE_NUMBER' | 'OUT_OF_RANGE' | 'REQUIRED' | 'DUPLICATE';
export interface RetentionProblem {
  /** the kind whose period is wrong */
  field: RetentionKind;
  code: RetentionProblemCode;
}

/** One kind's period as the administrator sends it. */
export interface RetentionPeriodInput {
  kind: RetentionKind;
  keep: number | null;
}

/**
 * The policy with the given periods in place of the current ones (kinds not given stay as they are), or every
 * problem: a period that is not a whole number within its kind's bounds, "keep" where the kind must go, a kind twice.
 */
export function checkRetentionPeriods(
  periods: readonly RetentionPeriodInput[],
  current: RetentionPolicy,
): { ok: true; value: RetentionPolicy } | { ok: false; problems: RetentionProblem[] } {
  const problems: RetentionProblem[] = [];
  const value: RetentionPolicy = { ...current };
  const seen = new Set<RetentionKind>();
  for (const { kind, keep } of periods) {
    if (seen.has(kind)) {
      problems.push({ field: kind, code: 'DUPLICATE' });
      continue;
    }
    seen.add(kind);
    const rule = RETENTION_RULES[kind];
    if (keep === null) {
      if (!rule.mayKeep) problems.push({ field: kind, code: 'REQUIRED' });
    } else if (!Number.isInteger(keep)) problems.push({ field: kind, code: 'NOT_A_WHOLE_NUMBER' });
    else if (keep < rule.min || keep > rule.max) problems.push({ field: kind, code: 'OUT_OF_RANGE' });
    value[kind] = keep;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** A school year as the organisation's calendar has it (Administration → Kalender). */
export interface SchoolYearDates {
  startDate: string;
  endDate: string;
}

/** The last day of the school year starting in `startYear`: the calendar's, where it has the year; else 30 June. */
export function schoolYearEnd(startYear: number, calendar: readonly SchoolYearDates[]): string {
  const ends = calendar.filter((year) => schoolYearStartFor(year.startDate) === startYear).map((year) => year.endDate);
  return ends.sort().at(-1) ?? `${startYear + 1}-06-30`;
}

/**
 * The first date whose records a kind still keeps on `today`: records dated before it are due for deletion. Null when
 * the kind is kept. School years: every school year whose Nth following year has ended goes, so the cutoff is the
 * first of August after the last of them. Months: `today` less the months (the 31st of a shorter month is its last day).
 */
export function retentionCutoff(
  unit: RetentionUnit,
  keep: number | null,
  today: string,
  calendar: readonly SchoolYearDates[],
): string | null {
  assertIsoDate(today);
  if (keep === null) return null;
  if (!Number.isInteger(keep) || keep < 0) throw new RangeError(`A retention period is a whole number of 0 or more, got ${keep}`);
  if (unit === 'MONTHS') return format(subMonths(parseISO(today), keep), 'yyyy-MM-dd');
  // Stored years end before August, so this looks at most two years back; a year without a stored end ends in June.
  let last = schoolYearStartFor(today) - keep;
  while (schoolYearEnd(last + keep, calendar) >= today) last -= 1;
  return `${last + 1}-08-01`;
}

/** Whether a record dated `date` is due for deletion on `today` under the kind's period. */
export function isDueForDeletion(
  unit: RetentionUnit,
  keep: number | null,
  date: string,
  today: string,
  calendar: readonly SchoolYearDates[],
): boolean {
  assertIsoDate(date);
  const cutoff = retentionCutoff(unit, keep, today, calendar);
  return cutoff !== null && date < cutoff;
}

/** The cutoff of every kind of the policy (null: kept). */
export function retentionCutoffs(
  policy: RetentionPolicy,
  today: string,
  calendar: readonly SchoolYearDates[],
): Record<RetentionKind, string | null> {
  return Object.fromEntries(
    RETENTION_KINDS.map((kind) => [kind, retentionCutoff(RETENTION_RULES[kind].unit, policy[kind], today, calendar)]),
  ) as Record<RetentionKind, string | null>;
}

/**
 * The cutoff for audit events of no organisation (a sign-in with a username no account has, a call from a number no
 * guardian has): they go with the longest audit period of all the organisations' policies, so that none loses an event
 * it would keep, and stay while any organisation keeps its log, or while there is no organisation. Null: kept.
 */
export function unownedAuditCutoff(policies: readonly RetentionPolicy[], today: string): string | null {
  const periods = policies.map((policy) => policy.AUDIT_EVENTS);
  if (periods.length === 0 || periods.some((months) => months === null)) return null;
  return retentionCutoff('MONTHS', Math.max(...(periods as number[])), today, []);
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
}
