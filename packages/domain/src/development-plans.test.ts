import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import {
  type DutyFacts,
  type StudentFacts,
  mayEditStudyPlan,
  mayPublishDevelopmentPlan,
  mayReadDevelopmentPlanDraft,
  mayWritePlanEntry,
  writableSubjectIds,
} from './access/index.ts';
import {
  checkPlanEntry,
  checkPlanSummary,
  checkPlanPublish,
  hasDevelopmentPlan,
  isPlanYear,
  MAX_GOALS_LENGTH,
  MAX_STANDING_LENGTH,
  MAX_SUMMARY_LENGTH,
  studyPlanProgress,
  updatedAfterPublishing,
} from './development-plans.ts';

const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }, validTo: string | null = null): DutyFacts => ({
  kind,
  organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
  schoolId: ref.schoolId ?? null,
  groupId: ref.groupId ?? null,
  validFrom: '2026-08-01',
  validTo,
});
const today = '2026-11-25';
/** the student's teaching groups today */
const groups = [
  { groupId: 'ma7B', subjectId: 'math' },
  { groupId: 'sv7B', subjectId: 'swedish' },
  { groupId: 'spa7', subjectId: 'spanish' },
];
const student: StudentFacts = {
  id: 's1',
  birthDate: '2013-04-02',
  schoolId: 'school',
  organisationId: 'orgA',
  groupIds: ['7B', 'ma7B', 'sv7B', 'spa7'],
  guardianIds: ['g1'],
  consentingGuardianIds: [],
};

describe('hasDevelopmentPlan', () => {
  it('holds for compulsory school years 1–9 only', () => {
    expect(hasDevelopmentPlan({ schoolForm: 'COMPULSORY', yearLevel: 1 })).toBe(true);
    expect(hasDevelopmentPlan({ schoolForm: 'COMPULSORY', yearLevel: 9 })).toBe(true);
    expect(hasDevelopmentPlan({ schoolForm: 'COMPULSORY', yearLevel: 0 })).toBe(false);
    expect(hasDevelopmentPlan({ schoolForm: 'COMPULSORY', yearLevel: null })).toBe(false);
    expect(hasDevelopmentPlan({ schoolForm: 'UPPER_SECONDARY', yearLevel: 10 })).toBe(false);
  });
});

describe('checkPlanEntry and checkPlanSummary', () => {
  it('needs both texts, within their limits', () => {
    expect(checkPlanEntry({ standing: 'Löser ekvationer säkert', goals: 'Resonera om lösningar' })).toEqual([]);
    expect(checkPlanEntry({ standing: ' ', goals: '' })).toEqual(['STANDING_REQUIRED', 'GOALS_REQUIRED']);
    expect(checkPlanEntry({ standing: 'x'.repeat(MAX_STANDING_LENGTH + 1), goals: 'x'.repeat(MAX_GOALS_LENGTH + 1) })).toEqual([
      'STANDING_TOO_LONG',
      'GOALS_TOO_LONG',
    ]);
    expect(checkPlanEntry({ standing: 'x'.repeat(MAX_STANDING_LENGTH), goals: 'x'.repeat(MAX_GOALS_LENGTH) })).toEqual([]);
  });
  it('needs a summary within its limit', () => {
    expect(checkPlanSummary('Arbetar bra')).toEqual([]);
    expect(checkPlanSummary('\n')).toEqual(['SUMMARY_REQUIRED']);
    expect(checkPlanSummary('x'.repeat(MAX_SUMMARY_LENGTH + 1))).toEqual(['SUMMARY_TOO_LONG']);
  });
});

describe('publishing', () => {
  const draft = { summary: 'Bra början på terminen', updatedAt: new Date('2026-11-20T10:00:00Z'), publishedAt: null };
  it('needs the summary', () => {
    expect(checkPlanPublish(draft)).toEqual([]);
    expect(checkPlanPublish({ ...draft, summary: null })).toEqual(['SUMMARY_REQUIRED']);
    expect(checkPlanPublish({ ...draft, summary: '  ' })).toEqual(['SUMMARY_REQUIRED']);
  });
  it('publishes again only after a change', () => {
    const published = { ...draft, publishedAt: new Date('2026-11-21T10:00:00Z') };
    expect(updatedAfterPublishing(published)).toBe(false);
    expect(checkPlanPublish(published)).toEqual(['ALREADY_PUBLISHED']);
    const changed = { ...published, updatedAt: new Date('2026-11-22T08:00:00Z') };
    expect(updatedAfterPublishing(changed)).toBe(true);
    expect(checkPlanPublish(changed)).toEqual([]);
    expect(updatedAfterPublishing(draft)).toBe(false);
  });
});

describe('who writes and publishes', () => {
  it('a teacher writes the subjects of the groups they teach the student in, while the duty lasts', () => {
    const duties = [
      duty('TEACHER', { groupId: 'ma7B' }),
      duty('TEACHER', { groupId: 'ma8A' }),
      duty('TEACHER', { groupId: 'spa7' }, '2026-10-31'),
    ];
    expect(writableSubjectIds(staffWith(duties), groups, today)).toEqual(['math']);
    expect(mayWritePlanEntry(staffWith(duties), groups, 'math', today)).toBe(true);
    expect(mayWritePlanEntry(staffWith(duties), groups, 'swedish', today)).toBe(false);
    expect(mayWritePlanEntry(staffWith(duties), groups, 'spanish', today)).toBe(false);
  });
  it('the mentor of a class does not write subject entries through the mentorship, the principal none at all', () => {
    expect(
      writableSubjectIds(staffWith([duty('MENTOR', { groupId: '7B' }), duty('PRINCIPAL', { schoolId: 'school' })]), groups, today),
    ).toEqual([]);
  });
  it("only the mentor of the student's class publishes", () => {
    expect(mayPublishDevelopmentPlan(staffWith([duty('MENTOR', { groupId: '7B' })]), student.groupIds, today)).toBe(true);
    expect(mayPublishDevelopmentPlan(staffWith([duty('MENTOR', { groupId: '7A' })]), student.groupIds, today)).toBe(false);
    expect(mayPublishDevelopmentPlan(staffWith([duty('TEACHER', { groupId: 'ma7B' })]), student.groupIds, today)).toBe(false);
    expect(mayPublishDevelopmentPlan(staffWith([duty('PRINCIPAL', { schoolId: 'school' })]), student.groupIds, today)).toBe(false);
    expect(mayPublishDevelopmentPlan(staffWith([duty('MENTOR', { groupId: '7B' }, '2026-11-24')]), student.groupIds, today)).toBe(false);
  });
});

describe('mayReadDevelopmentPlanDraft', () => {
  const staff = (duties: DutyFacts[]) => ({ kind: 'STAFF' as const, staffId: 't', duties });
  it("is for the student's teachers, mentor, principal and administrators", () => {
    expect(mayReadDevelopmentPlanDraft(staff([duty('TEACHER', { groupId: 'sv7B' })]), student, today)).toBe(true);
    expect(mayReadDevelopmentPlanDraft(staff([duty('MENTOR', { groupId: '7B' })]), student, today)).toBe(true);
    expect(mayReadDevelopmentPlanDraft(staff([duty('PRINCIPAL', { schoolId: 'school' })]), student, today)).toBe(true);
    expect(mayReadDevelopmentPlanDraft(staff([duty('ADMINISTRATOR', {})]), student, today)).toBe(true);
  });
  it('is not for other staff, the student or the guardians', () => {
    expect(mayReadDevelopmentPlanDraft(staff([duty('TEACHER', { groupId: 'ma8A' })]), student, today)).toBe(false);
    expect(mayReadDevelopmentPlanDraft(staff([duty('PRINCIPAL', { schoolId: 'other' })]), student, today)).toBe(false);
    expect(mayReadDevelopmentPlanDraft({ kind: 'STUDENT', studentId: 's1' }, student, today)).toBe(false);
    expect(mayReadDevelopmentPlanDraft({ kind: 'GUARDIAN', guardianId: 'g1' }, student, today)).toBe(false);
  });
});

describe('studyPlanProgress', () => {
  const course = (courseId: string, points: number, planYear: number | null, publishedGrades: string[] = [], current = false) => ({
    courseId,
    points,
    planYear,
    publishedGrades,
    current,
  });
  it('counts the points of passed courses against those planned, with a status per course', () => {
    const progress = studyPlanProgress([
      course('ma1c', 100, 1, ['C']),
      course('fy1a', 150, 1, ['E']),
      course('sv1', 100, 1, ['F']),
      course('ma2c', 100, 2, [], true),
      course('ke2', 100, 2, ['F'], true),
      course('ma3c', 100, 3),
      course('ps1', 50, null, ['A']),
    ]);
    expect(progress.earnedPoints).toBe(100 + 150 + 50);
    expect(progress.plannedPoints).toBe(100 + 150 + 100 + 100 + 100 + 100);
    expect(progress.courses.map((c) => [c.courseId, c.status, c.grade, c.earned])).toEqual([
      ['ma1c', 'GRADED', 'C', true],
      ['fy1a', 'GRADED', 'E', true],
      ['sv1', 'GRADED', 'F', false],
      ['ma2c', 'IN_PROGRESS', null, false],
      ['ke2', 'IN_PROGRESS', 'F', false],
      ['ma3c', 'PLANNED', null, false],
      ['ps1', 'GRADED', 'A', true],
    ]);
  });
  it('takes the best published grade of a course read twice', () => {
    expect(studyPlanProgress([course('en5', 100, 1, ['F', 'D', 'B'])]).courses[0]).toMatchObject({ grade: 'B', earned: true });
    expect(studyPlanProgress([]).earnedPoints).toBe(0);
  });
  it("is changed by the student's mentor and administrators", () => {
    expect(mayEditStudyPlan(staffWith([duty('MENTOR', { groupId: '7B' })]), student, today)).toBe(true);
    expect(mayEditStudyPlan(staffWith([duty('ADMINISTRATOR', {})]), student, today)).toBe(true);
    expect(mayEditStudyPlan(staffWith([{ ...duty('ADMINISTRATOR', {}), organisationId: 'orgB' }]), student, today)).toBe(false);
    expect(mayEditStudyPlan(staffWith([duty('MENTOR', { groupId: '7A' })]), student, today)).toBe(false);
    expect(
      mayEditStudyPlan(staffWith([duty('TEACHER', { groupId: 'ma7B' }), duty('PRINCIPAL', { schoolId: 'school' })]), student, today),
    ).toBe(false);
  });
  it('knows the plan years', () => {
    expect([0, 1, 2, 3, 4, 1.5].map(isPlanYear)).toEqual([false, true, true, true, false, false]);
  });
});
