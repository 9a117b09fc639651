import { describe, expect, it } from 'vitest';
import { checkSchoolDetails, checkSchoolSettings, SCHOOL_SETTING_BOUNDS, type SchoolSettings } from './school-settings.ts';

const DEFAULTS: SchoolSettings = {
  mentorLeaveDayLimit: 2,
  sickReportDaysBack: 1,
  absenceWarningPercent: 10,
  absenceAlarmPercent: 15,
  csnThresholdMinutes: 240,
  gradeWarningContactDays: 5,
  quietHoursFrom: 20,
  quietHoursUntil: 7,
};

describe('checkSchoolDetails', () => {
  it('trims the name and drops spaces typed inside the unit code', () => {
    expect(checkSchoolDetails({ name: '  Norrskolan ', unitCode: '1234 5678', form: 'COMPULSORY' })).toEqual({
      ok: true,
      value: { name: 'Norrskolan', unitCode: '12345678', form: 'COMPULSORY' },
    });
  });

  it('refuses a blank or over-long name, a unit code that is not eight digits, and an unknown form, each at its field', () => {
    expect(checkSchoolDetails({ name: ' ', unitCode: '1234567', form: 'COMPULSORY' })).toEqual({
      ok: false,
      problems: [
        { field: 'name', code: 'REQUIRED' },
        { field: 'unitCode', code: 'INVALID_UNIT_CODE' },
      ],
    });
    expect(checkSchoolDetails({ name: 'x'.repeat(101), unitCode: '1234567a', form: 'PRESCHOOL' as 'COMPULSORY' })).toEqual({
      ok: false,
      problems: [
        { field: 'name', code: 'TOO_LONG' },
        { field: 'unitCode', code: 'INVALID_UNIT_CODE' },
        { field: 'form', code: 'UNKNOWN_FORM' },
      ],
    });
    expect(checkSchoolDetails({ name: 'x', unitCode: '123456789', form: 'UPPER_SECONDARY' })).toMatchObject({ ok: false });
  });
});

describe('checkSchoolSettings', () => {
  it('accepts the defaults and every bound itself', () => {
    expect(checkSchoolSettings(DEFAULTS)).toEqual([]);
    const lowest = Object.fromEntries(
      Object.entries(SCHOOL_SETTING_BOUNDS).map(([field, { min }]) => [field, min]),
    ) as unknown as SchoolSettings;
    const highest = Object.fromEntries(
      Object.entries(SCHOOL_SETTING_BOUNDS).map(([field, { max }]) => [field, max]),
    ) as unknown as SchoolSettings;
    expect(checkSchoolSettings(lowest)).toEqual([]);
    expect(checkSchoolSettings(highest)).toEqual([]);
  });

  it('refuses each setting below or above its bounds, or not whole, at its field', () => {
    expect(
      checkSchoolSettings({
        mentorLeaveDayLimit: -1,
        sickReportDaysBack: 32,
        absenceWarningPercent: 1.5,
        absenceAlarmPercent: 101,
        csnThresholdMinutes: 0,
        gradeWarningContactDays: 31,
        quietHoursFrom: 24,
        quietHoursUntil: -1,
      }),
    ).toEqual([
      { field: 'mentorLeaveDayLimit', code: 'OUT_OF_RANGE' },
      { field: 'sickReportDaysBack', code: 'OUT_OF_RANGE' },
      { field: 'absenceWarningPercent', code: 'NOT_A_WHOLE_NUMBER' },
      { field: 'absenceAlarmPercent', code: 'OUT_OF_RANGE' },
      { field: 'csnThresholdMinutes', code: 'OUT_OF_RANGE' },
      { field: 'gradeWarningContactDays', code: 'OUT_OF_RANGE' },
      { field: 'quietHoursFrom', code: 'OUT_OF_RANGE' },
      { field: 'quietHoursUntil', code: 'OUT_OF_RANGE' },
    ]);
  });

  it('refuses a warning above the alarm, and allows them equal', () => {
    expect(checkSchoolSettings({ ...DEFAULTS, absenceWarningPercent: 20, absenceAlarmPercent: 15 })).toEqual([
      { field: 'absenceWarningPercent', code: 'WARNING_ABOVE_ALARM' },
    ]);
    expect(checkSchoolSettings({ ...DEFAULTS, absenceWarningPercent: 15, absenceAlarmPercent: 15 })).toEqual([]);
    // An alarm out of range is the one problem to fix; comparing with it would say nothing more.
    expect(checkSchoolSettings({ ...DEFAULTS, absenceWarningPercent: 20, absenceAlarmPercent: 150 })).toEqual([
      { field: 'absenceAlarmPercent', code: 'OUT_OF_RANGE' },
    ]);
  });
});
