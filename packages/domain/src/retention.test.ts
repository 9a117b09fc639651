import { describe, expect, it } from 'vitest';
import {
  checkRetentionPeriods,
  DEFAULT_RETENTION_POLICY,
  isDueForDeletion,
  RETENTION_KINDS,
  RETENTION_RULES,
  retentionCutoff,
  retentionCutoffs,
  schoolYearEnd,
  unownedAuditCutoff,
} from './retention.ts';

/** The calendar of an organisation that entered its last two school years, ending on the last day of the spring term. */
const CALENDAR = [
  { startDate: '2024-08-19', endDate: '2025-06-13' },
  { startDate: '2025-08-18', endDate: '2026-06-12' },
];

describe('school years for retention', () => {
  it("ends a school year on its spring term's last day where the calendar has it, else on 30 June", () => {
    expect(schoolYearEnd(2025, CALENDAR)).toBe('2026-06-12');
    expect(schoolYearEnd(2024, CALENDAR)).toBe('2025-06-13');
    expect(schoolYearEnd(2022, CALENDAR)).toBe('2023-06-30');
    expect(schoolYearEnd(2026, [])).toBe('2027-06-30');
  });
});

describe('what is due for deletion', () => {
  it('keeps three school years after the one a record belongs to, the common template', () => {
    // On 25 November 2026 the years 2023/24, 2024/25 and 2025/26 have followed 2022/23 and ended: it goes.
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-11-25', CALENDAR)).toBe('2023-08-01');
    expect(isDueForDeletion('SCHOOL_YEARS', 3, '2023-07-31', '2026-11-25', CALENDAR)).toBe(true);
    expect(isDueForDeletion('SCHOOL_YEARS', 3, '2022-08-15', '2026-11-25', CALENDAR)).toBe(true);
    expect(isDueForDeletion('SCHOOL_YEARS', 3, '2023-08-01', '2026-11-25', CALENDAR)).toBe(false);
    expect(isDueForDeletion('SCHOOL_YEARS', 3, '2024-03-12', '2026-11-25', CALENDAR)).toBe(false);
  });

  it('lets a school year go the day after the third year after it ends, by the calendar or on 30 June', () => {
    // The calendar ends 2025/26 on 12 June: 2022/23 goes from 13 June.
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-06-12', CALENDAR)).toBe('2022-08-01');
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-06-13', CALENDAR)).toBe('2023-08-01');
    // Without a calendar the year ends on 30 June.
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-06-30', [])).toBe('2022-08-01');
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-07-01', [])).toBe('2023-08-01');
    // In the summer and in the autumn after it nothing more is due.
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2026-08-01', [])).toBe('2023-08-01');
    expect(retentionCutoff('SCHOOL_YEARS', 3, '2027-06-29', [])).toBe('2023-08-01');
  });

  it('lets a record of a school year kept for 0 years go once its own year has ended', () => {
    expect(retentionCutoff('SCHOOL_YEARS', 0, '2026-11-25', CALENDAR)).toBe('2026-08-01');
    expect(isDueForDeletion('SCHOOL_YEARS', 0, '2026-06-01', '2026-11-25', CALENDAR)).toBe(true);
    expect(isDueForDeletion('SCHOOL_YEARS', 0, '2026-09-01', '2026-11-25', CALENDAR)).toBe(false);
    expect(retentionCutoff('SCHOOL_YEARS', 1, '2026-11-25', CALENDAR)).toBe('2025-08-01');
  });

  it('counts months from the date, the 31st of a shorter month being its last day', () => {
    expect(retentionCutoff('MONTHS', 12, '2026-11-25', [])).toBe('2025-11-25');
    expect(retentionCutoff('MONTHS', 1, '2026-03-31', [])).toBe('2026-02-28');
    expect(isDueForDeletion('MONTHS', 12, '2025-11-24', '2026-11-25', [])).toBe(true);
    expect(isDueForDeletion('MONTHS', 12, '2025-11-25', '2026-11-25', [])).toBe(false);
  });

  it('never lets a kept record go', () => {
    expect(retentionCutoff('SCHOOL_YEARS', null, '2026-11-25', CALENDAR)).toBeNull();
    expect(isDueForDeletion('SCHOOL_YEARS', null, '1990-01-01', '2026-11-25', CALENDAR)).toBe(false);
    expect(isDueForDeletion('MONTHS', null, '1990-01-01', '2026-11-25', CALENDAR)).toBe(false);
  });

  it('refuses a date that is not one, and a negative period', () => {
    expect(() => retentionCutoff('MONTHS', 1, '2026-02-30', [])).toThrow(RangeError);
    expect(() => isDueForDeletion('MONTHS', 1, '2026-13-01', '2026-11-25', [])).toThrow(RangeError);
    expect(() => retentionCutoff('SCHOOL_YEARS', -1, '2026-11-25', [])).toThrow(RangeError);
  });

  it('gives every kind of the default policy its cutoff, or none for what is kept', () => {
    expect(retentionCutoffs(DEFAULT_RETENTION_POLICY, '2026-11-25', CALENDAR)).toEqual({
      ATTENDANCE: '2023-08-01',
      SICK_REPORTS: '2023-08-01',
      LEAVE_APPLICATIONS: '2023-08-01',
      NEWS: '2025-08-01',
      ASSESSMENTS: null,
      GRADE_WARNINGS: null,
      DEVELOPMENT_PLANS: null,
      SUPPORT_DECISIONS: null,
      MESSAGES: '2025-11-25',
      AUDIT_EVENTS: '2023-11-25',
      API_CALLS: '2025-11-25',
      IMPORTS: '2025-11-25',
      SESSIONS: '2026-10-25',
      FORMER_STUDENTS: null,
    });
  });
});

describe('audit events of no organisation', () => {
  const keeping = (months: number | null) => ({ ...DEFAULT_RETENTION_POLICY, AUDIT_EVENTS: months });

  it("go with the longest of the organisations' audit periods", () => {
    expect(unownedAuditCutoff([keeping(12)], '2026-11-25')).toBe('2025-11-25');
    expect(unownedAuditCutoff([keeping(12), keeping(48), keeping(36)], '2026-11-25')).toBe('2022-11-25');
    expect(unownedAuditCutoff([DEFAULT_RETENTION_POLICY], '2026-03-31')).toBe('2023-03-31');
  });

  it('stay while any organisation keeps its log, or with no organisation at all', () => {
    expect(unownedAuditCutoff([keeping(12), keeping(null)], '2026-11-25')).toBeNull();
    expect(unownedAuditCutoff([], '2026-11-25')).toBeNull();
  });
});

describe('the policy an administrator sets', () => {
  it('keeps the template by default: three school years of absence, support and assessments kept', () => {
    expect(DEFAULT_RETENTION_POLICY.ATTENDANCE).toBe(3);
    expect(DEFAULT_RETENTION_POLICY.SUPPORT_DECISIONS).toBeNull();
    for (const kind of RETENTION_KINDS) {
      const { defaultKeep, min, max, mayKeep } = RETENTION_RULES[kind];
      // Every default is one the administrator could have chosen.
      expect(defaultKeep === null ? mayKeep : defaultKeep >= min && defaultKeep <= max, kind).toBe(true);
    }
  });

  it('keeps students who have left until the administrator sets a period, and deletes them last', () => {
    expect(DEFAULT_RETENTION_POLICY.FORMER_STUDENTS).toBeNull();
    expect(RETENTION_KINDS.at(-1)).toBe('FORMER_STUDENTS');
    expect(checkRetentionPeriods([{ kind: 'FORMER_STUDENTS', keep: 1 }], DEFAULT_RETENTION_POLICY)).toEqual({
      ok: true,
      value: { ...DEFAULT_RETENTION_POLICY, FORMER_STUDENTS: 1 },
    });
    expect(checkRetentionPeriods([{ kind: 'FORMER_STUDENTS', keep: 0 }], DEFAULT_RETENTION_POLICY)).toEqual({
      ok: false,
      problems: [{ field: 'FORMER_STUDENTS', code: 'OUT_OF_RANGE' }],
    });
  });

  it('takes the periods given and leaves the others as they are', () => {
    const checked = checkRetentionPeriods(
      [
        { kind: 'ATTENDANCE', keep: 5 },
        { kind: 'SUPPORT_DECISIONS', keep: 10 },
        { kind: 'NEWS', keep: null },
      ],
      DEFAULT_RETENTION_POLICY,
    );
    expect(checked).toEqual({ ok: true, value: { ...DEFAULT_RETENTION_POLICY, ATTENDANCE: 5, SUPPORT_DECISIONS: 10, NEWS: null } });
  });

  it('refuses each bad period at its kind', () => {
    const checked = checkRetentionPeriods(
      [
        { kind: 'ATTENDANCE', keep: 0 },
        { kind: 'SICK_REPORTS', keep: 51 },
        { kind: 'MESSAGES', keep: 1.5 },
        { kind: 'SESSIONS', keep: null },
        { kind: 'AUDIT_EVENTS', keep: 11 },
        { kind: 'API_CALLS', keep: 601 },
        { kind: 'NEWS', keep: 0 },
        { kind: 'NEWS', keep: 2 },
      ],
      DEFAULT_RETENTION_POLICY,
    );
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'ATTENDANCE', code: 'OUT_OF_RANGE' },
        { field: 'SICK_REPORTS', code: 'OUT_OF_RANGE' },
        { field: 'MESSAGES', code: 'NOT_A_WHOLE_NUMBER' },
        { field: 'SESSIONS', code: 'REQUIRED' },
        { field: 'AUDIT_EVENTS', code: 'OUT_OF_RANGE' },
        { field: 'API_CALLS', code: 'OUT_OF_RANGE' },
        { field: 'NEWS', code: 'DUPLICATE' },
      ],
    });
  });
});
