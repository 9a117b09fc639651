import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import { type DutyFacts, mayRecordAssessments } from './access/index.ts';
import {
  checkAssessmentGroup,
  checkAssessmentRows,
  checkChange,
  checkPublish,
  checkTask,
  cleanText,
  gradeScaleFor,
  gradesOf,
  MAX_ASSESSMENT_COMMENT_LENGTH,
  MAX_TASK_DESCRIPTION_LENGTH,
  MAX_TASK_TITLE_LENGTH,
} from './assessments.ts';

const duty = (kind: DutyFacts['kind'], groupId: string | null, validTo: string | null = null): DutyFacts => ({
  kind,
  organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
  schoolId: kind === 'PRINCIPAL' ? 'school' : null,
  groupId,
  validFrom: '2026-08-01',
  validTo,
});
const today = '2026-11-25';

describe('gradeScaleFor', () => {
  it('gives knowledge levels in years 1–5 and grades A–F in years 6–9 of the compulsory school', () => {
    expect([1, 3, 5].map((year) => gradeScaleFor('COMPULSORY', year))).toEqual([
      'KNOWLEDGE_LEVELS',
      'KNOWLEDGE_LEVELS',
      'KNOWLEDGE_LEVELS',
    ]);
    expect([6, 8, 9].map((year) => gradeScaleFor('COMPULSORY', year))).toEqual(['GRADES', 'GRADES', 'GRADES']);
  });
  it('gives grades A–F in upper secondary, whatever the year', () => {
    expect([10, 11, 12].map((year) => gradeScaleFor('UPPER_SECONDARY', year))).toEqual(['GRADES', 'GRADES', 'GRADES']);
    expect(gradeScaleFor('UPPER_SECONDARY', null)).toBe('GRADES');
  });
  it('has no scale in förskoleklass or without a compulsory year', () => {
    expect(gradeScaleFor('COMPULSORY', 0)).toBeNull();
    expect(gradeScaleFor('COMPULSORY', null)).toBeNull();
    expect(gradeScaleFor('COMPULSORY', 10)).toBeNull();
  });
  it('lists the marks of each scale', () => {
    expect(gradesOf('GRADES')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(gradesOf('KNOWLEDGE_LEVELS')).toEqual(['INSUFFICIENT', 'ACCEPTABLE', 'MORE_THAN_ACCEPTABLE']);
  });
});

describe('checkAssessmentGroup', () => {
  const group = { kind: 'TEACHING' as const, subjectId: 'math', yearLevel: 8, schoolForm: 'COMPULSORY' as const };
  it('accepts a teaching group with a subject in an assessed year', () => {
    expect(checkAssessmentGroup(group)).toEqual([]);
  });
  it('refuses a class, a group without a subject and förskoleklass', () => {
    expect(checkAssessmentGroup({ ...group, kind: 'CLASS' })).toEqual(['NOT_A_TEACHING_GROUP']);
    expect(checkAssessmentGroup({ ...group, subjectId: null })).toEqual(['GROUP_WITHOUT_SUBJECT']);
    expect(checkAssessmentGroup({ ...group, yearLevel: 0 })).toEqual(['NO_GRADE_SCALE']);
  });
});

describe('checkTask', () => {
  const task = { title: 'Prov: algebra', description: null, date: '2026-11-20' };
  const year = { startDate: '2026-08-17', endDate: '2027-06-11' };
  it('accepts a title and a real date in the group’s school year, its first and last day too', () => {
    expect(checkTask(task, year)).toEqual([]);
    expect(checkTask({ ...task, description: 'x'.repeat(MAX_TASK_DESCRIPTION_LENGTH) }, year)).toEqual([]);
    expect(checkTask({ ...task, date: '2026-08-17' }, year)).toEqual([]);
    expect(checkTask({ ...task, date: '2027-06-11' }, year)).toEqual([]);
  });
  it('needs a title of reasonable length, a description within bounds and a date', () => {
    expect(checkTask({ ...task, title: '   ' }, year)).toEqual(['TITLE_REQUIRED']);
    expect(checkTask({ ...task, title: 'x'.repeat(MAX_TASK_TITLE_LENGTH + 1) }, year)).toEqual(['TITLE_TOO_LONG']);
    expect(checkTask({ ...task, description: 'x'.repeat(MAX_TASK_DESCRIPTION_LENGTH + 1) }, year)).toEqual(['DESCRIPTION_TOO_LONG']);
    expect(checkTask({ ...task, date: '2026-02-30' }, year)).toEqual(['INVALID_DATE']);
    expect(checkTask({ title: '', description: null, date: 'igår' }, year)).toEqual(['TITLE_REQUIRED', 'INVALID_DATE']);
  });
  it('refuses a date before or after the group’s school year (a year typed wrong)', () => {
    expect(checkTask({ ...task, date: '2025-11-20' }, year)).toEqual(['DATE_OUTSIDE_SCHOOL_YEAR']);
    expect(checkTask({ ...task, date: '2026-08-16' }, year)).toEqual(['DATE_OUTSIDE_SCHOOL_YEAR']);
    expect(checkTask({ ...task, date: '2027-06-12' }, year)).toEqual(['DATE_OUTSIDE_SCHOOL_YEAR']);
  });
});

describe('checkAssessmentRows', () => {
  const members = ['anna', 'bo', 'cia'];
  it('accepts a grade or a comment from the scale for each member once', () => {
    const rows = [
      { studentId: 'anna', grade: 'C', comment: null },
      { studentId: 'bo', grade: null, comment: 'Missade provet, gör det v. 49' },
      { studentId: 'cia', grade: 'F', comment: ' Saknar redovisning ' },
    ];
    expect(checkAssessmentRows(rows, 'GRADES', members, false)).toEqual([]);
  });
  it('refuses a grade outside the scale of the school form and year', () => {
    expect(checkAssessmentRows([{ studentId: 'anna', grade: 'A', comment: null }], 'KNOWLEDGE_LEVELS', members, false)).toEqual([
      { studentId: 'anna', problems: ['GRADE_OUTSIDE_SCALE'] },
    ]);
    expect(checkAssessmentRows([{ studentId: 'anna', grade: 'ACCEPTABLE', comment: null }], 'GRADES', members, false)).toEqual([
      { studentId: 'anna', problems: ['GRADE_OUTSIDE_SCALE'] },
    ]);
    expect(checkAssessmentRows([{ studentId: 'anna', grade: 'a', comment: null }], 'GRADES', members, false)).toEqual([
      { studentId: 'anna', problems: ['GRADE_OUTSIDE_SCALE'] },
    ]);
  });
  it('needs a grade or a comment on a result, and a grade on a subject assessment', () => {
    const blank = { studentId: 'bo', grade: ' ', comment: '  ' };
    expect(checkAssessmentRows([blank], 'GRADES', members, false)).toEqual([{ studentId: 'bo', problems: ['GRADE_OR_COMMENT_REQUIRED'] }]);
    expect(checkAssessmentRows([{ ...blank, comment: 'Bra jobbat' }], 'GRADES', members, true)).toEqual([
      { studentId: 'bo', problems: ['GRADE_REQUIRED'] },
    ]);
  });
  it('refuses an overlong comment, a student outside the group and a student twice, row by row', () => {
    const rows = [
      { studentId: 'anna', grade: 'B', comment: 'x'.repeat(MAX_ASSESSMENT_COMMENT_LENGTH + 1) },
      { studentId: 'dan', grade: 'B', comment: null },
      { studentId: 'bo', grade: 'E', comment: null },
      { studentId: 'bo', grade: 'D', comment: null },
    ];
    expect(checkAssessmentRows(rows, 'GRADES', members, false)).toEqual([
      { studentId: 'anna', problems: ['COMMENT_TOO_LONG'] },
      { studentId: 'dan', problems: ['NOT_IN_GROUP'] },
      { studentId: 'bo', problems: ['DUPLICATE_STUDENT'] },
    ]);
  });
  it('treats blank text as none', () => {
    expect(cleanText('  ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText(' Bra ')).toBe('Bra');
  });
});

describe('who records and publishes', () => {
  it('an active teacher of the group records; its mentor, the principal and a former teacher do not', () => {
    expect(mayRecordAssessments(staffWith([duty('TEACHER', 'ma8A')]), 'ma8A', today)).toBe(true);
    expect(mayRecordAssessments(staffWith([duty('TEACHER', 'sv8A')]), 'ma8A', today)).toBe(false);
    expect(mayRecordAssessments(staffWith([duty('TEACHER', 'ma8A', '2026-10-31')]), 'ma8A', today)).toBe(false);
    expect(
      mayRecordAssessments(staffWith([duty('MENTOR', 'ma8A'), duty('PRINCIPAL', null), duty('ADMINISTRATOR', null)]), 'ma8A', today),
    ).toBe(false);
  });
  it('a draft is any teacher of the group to change; a published item only its author to correct', () => {
    expect(checkChange({ authorStaffId: 'kim', published: false }, 'lo')).toEqual([]);
    expect(checkChange({ authorStaffId: 'kim', published: true }, 'kim')).toEqual([]);
    expect(checkChange({ authorStaffId: 'kim', published: true }, 'lo')).toEqual(['NOT_AUTHOR']);
  });
  it('only the author publishes a draft, once', () => {
    expect(checkPublish({ authorStaffId: 'kim', published: false }, 'kim')).toEqual([]);
    expect(checkPublish({ authorStaffId: 'kim', published: false }, 'lo')).toEqual(['NOT_YOUR_DRAFT']);
    expect(checkPublish({ authorStaffId: 'kim', published: true }, 'kim')).toEqual(['ALREADY_PUBLISHED']);
  });
});
