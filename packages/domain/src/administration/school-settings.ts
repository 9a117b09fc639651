// A school (skolenhet) as the administrator enters it, and the school's own rules that leave, sick reports,
// absence statistics, the CSN list and grade warnings read.
import { LEAVE_MAX_SPAN_DAYS, SICK_REPORT_MAX_SPAN_DAYS } from '../absence-reports.ts';
import type { SchoolFormKind } from '../assessments.ts';

export const SCHOOL_FORMS: readonly SchoolFormKind[] = ['COMPULSORY', 'UPPER_SECONDARY'];

export const SCHOOL_NAME_MAX_LENGTH = 100;

export interface SchoolDetails {
  name: string;
  /** Skolverket's skolenhetskod */
  unitCode: string;
  form: SchoolFormKind;
}

export type SchoolProblem =
  | { field: 'name'; code: 'REQUIRED' | 'TOO_LONG' }
  | { field: 'unitCode'; code: 'INVALID_UNIT_CODE' | 'DUPLICATE' }
  | { field: 'form'; code: 'UNKNOWN_FORM' };

/** Skolverket's codes are eight digits; spaces typed in between groups of digits are dropped. */
export const normaliseUnitCode = (value: string): string => value.replace(/\s+/g, '');
export const isUnitCode = (value: string): boolean => /^\d{8}$/.test(value);

/**
 * The school's name and code as stored (trimmed, code without spaces), or every problem. Whether the
 * code is taken is the database's to say (`DUPLICATE`).
 */
export function checkSchoolDetails(input: SchoolDetails): { ok: true; value: SchoolDetails } | { ok: false; problems: SchoolProblem[] } {
  const problems: SchoolProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'name', code: 'REQUIRED' });
  else if (name.length > SCHOOL_NAME_MAX_LENGTH) problems.push({ field: 'name', code: 'TOO_LONG' });
  const unitCode = normaliseUnitCode(input.unitCode);
  if (!isUnitCode(unitCode)) problems.push({ field: 'unitCode', code: 'INVALID_UNIT_CODE' });
  if (!SCHOOL_FORMS.includes(input.form)) problems.push({ field: 'form', code: 'UNKNOWN_FORM' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { name, unitCode, form: input.form } };
}

export interface SchoolSettings {
  /** leave of up to this many school days is decided by the mentor, longer by the principal */
  mentorLeaveDayLimit: number;
  /** how many days back a guardian may report sickness (0: from today only) */
  sickReportDaysBack: number;
  /** absence statistics mark students at or above these percentages */
  absenceWarningPercent: number;
  absenceAlarmPercent: number;
  /** unexcused absence in a month at or above this is listed for the report to CSN */
  csnThresholdMinutes: number;
  /** school days the school has to contact the home after a grade warning */
  gradeWarningContactDays: number;
  /** messages home wait from this whole local hour until `quietHoursUntil` (see quiet-hours.ts); equal: no quiet hours */
  quietHoursFrom: number;
  quietHoursUntil: number;
}

export type SchoolSettingField = keyof SchoolSettings;
export const SCHOOL_SETTING_FIELDS: readonly SchoolSettingField[] = [
  'mentorLeaveDayLimit',
  'sickReportDaysBack',
  'absenceWarningPercent',
  'absenceAlarmPercent',
  'csnThresholdMinutes',
  'gradeWarningContactDays',
  'quietHoursFrom',
  'quietHoursUntil',
];

/**
 * What each setting may be, and why:
 * - a mentor's limit of 0 sends every leave to the principal; no leave is longer than an application may be;
 * - sick reports reach back at most as far as one report may be long;
 * - percentages of scheduled time are 0–100;
 * - the CSN threshold must be above 0 (0 would list every student); 100 hours a month is more than a full timetable;
 * - the school needs at least a day to contact the home, and more than a quarter of a term defeats the warning;
 * - quiet hours begin and end on a whole hour of the day.
 */
export const SCHOOL_SETTING_BOUNDS: Record<SchoolSettingField, { min: number; max: number }> = {
  mentorLeaveDayLimit: { min: 0, max: LEAVE_MAX_SPAN_DAYS },
  sickReportDaysBack: { min: 0, max: SICK_REPORT_MAX_SPAN_DAYS },
  absenceWarningPercent: { min: 0, max: 100 },
  absenceAlarmPercent: { min: 0, max: 100 },
  csnThresholdMinutes: { min: 1, max: 6000 },
  gradeWarningContactDays: { min: 1, max: 30 },
  quietHoursFrom: { min: 0, max: 23 },
  quietHoursUntil: { min: 0, max: 23 },
};

export type SchoolSettingsProblem =
  | { field: SchoolSettingField; code: 'NOT_A_WHOLE_NUMBER' | 'OUT_OF_RANGE' }
  | { field: 'absenceWarningPercent'; code: 'WARNING_ABOVE_ALARM' };

/** Every setting a whole number within its bounds, and the warning at or below the alarm. */
export function checkSchoolSettings(settings: SchoolSettings): SchoolSettingsProblem[] {
  const problems: SchoolSettingsProblem[] = [];
  for (const field of SCHOOL_SETTING_FIELDS) {
    const value = settings[field];
    const { min, max } = SCHOOL_SETTING_BOUNDS[field];
    if (!Number.isInteger(value)) problems.push({ field, code: 'NOT_A_WHOLE_NUMBER' });
    else if (value < min || value > max) problems.push({ field, code: 'OUT_OF_RANGE' });
  }
  const percentsValid = !problems.some((p) => p.field === 'absenceWarningPercent' || p.field === 'absenceAlarmPercent');
  if (percentsValid && settings.absenceWarningPercent > settings.absenceAlarmPercent) {
    problems.push({ field: 'absenceWarningPercent', code: 'WARNING_ABOVE_ALARM' });
  }
  return problems;
}
