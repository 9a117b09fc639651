import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import { type DutyFacts, type GroupFacts, type StudentFacts, mayFollowNews, mayPostNews } from './access/index.ts';
import {
  checkNewsPost,
  MAX_NEWS_BODY_LENGTH,
  MAX_NEWS_TITLE_LENGTH,
  newsReachesGuardian,
  newsReachesStudent,
  studentInAudience,
} from './news.ts';

const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }, validTo: string | null = null): DutyFacts => ({
  kind,
  organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
  schoolId: ref.schoolId ?? null,
  groupId: ref.groupId ?? null,
  validFrom: '2026-08-01',
  validTo,
});
const today = '2026-11-25';
// North and south belong to organisation A; far to organisation B.
const class7B: GroupFacts = { id: '7B', schoolId: 'north', organisationId: 'orgA', kind: 'CLASS' };
const ma7B: GroupFacts = { id: 'ma7B', schoolId: 'north', organisationId: 'orgA', kind: 'TEACHING' };
const class8A: GroupFacts = { id: '8A', schoolId: 'north', organisationId: 'orgA', kind: 'CLASS' };
const southClass: GroupFacts = { id: 'S1', schoolId: 'south', organisationId: 'orgA', kind: 'CLASS' };
const farClass: GroupFacts = { id: 'F1', schoolId: 'far', organisationId: 'orgB', kind: 'CLASS' };

describe('checkNewsPost', () => {
  const post = { title: 'Studiedag fredag', body: 'Skolan är stängd på fredag.', toGuardians: true, toStudents: false };
  it('accepts a title, a text and at least one audience', () => {
    expect(checkNewsPost(post)).toEqual([]);
    expect(checkNewsPost({ ...post, toGuardians: false, toStudents: true })).toEqual([]);
    expect(checkNewsPost({ ...post, toStudents: true })).toEqual([]);
  });
  it('refuses no audience, empty or long texts, all at once', () => {
    expect(checkNewsPost({ title: ' ', body: '', toGuardians: false, toStudents: false })).toEqual([
      'NO_AUDIENCE',
      'TITLE_REQUIRED',
      'BODY_REQUIRED',
    ]);
    expect(checkNewsPost({ ...post, title: 'x'.repeat(MAX_NEWS_TITLE_LENGTH + 1), body: 'x'.repeat(MAX_NEWS_BODY_LENGTH + 1) })).toEqual([
      'TITLE_TOO_LONG',
      'BODY_TOO_LONG',
    ]);
    expect(checkNewsPost({ ...post, title: 'x'.repeat(MAX_NEWS_TITLE_LENGTH), body: 'x'.repeat(MAX_NEWS_BODY_LENGTH) })).toEqual([]);
  });
});

describe('mayPostNews', () => {
  const school = (schoolId: string, organisationId = 'orgA') => ({ schoolId, organisationId, group: null });
  const group = (g: GroupFacts) => ({ schoolId: g.schoolId, organisationId: g.organisationId, group: g });

  it('the principal posts to the whole school and any of its groups, not to another school', () => {
    const principal = [duty('PRINCIPAL', { schoolId: 'north' })];
    expect(mayPostNews(staffWith(principal), school('north'), today)).toBe(true);
    expect(mayPostNews(staffWith(principal), group(class8A), today)).toBe(true);
    expect(mayPostNews(staffWith(principal), group(ma7B), today)).toBe(true);
    expect(mayPostNews(staffWith(principal), school('south'), today)).toBe(false);
    expect(mayPostNews(staffWith(principal), group(southClass), today)).toBe(false);
  });
  it('an administrator posts anywhere in their organisation, nowhere in another', () => {
    const admin = [duty('ADMINISTRATOR', {})];
    expect(mayPostNews(staffWith(admin), school('south'), today)).toBe(true);
    expect(mayPostNews(staffWith(admin), group(class7B), today)).toBe(true);
    expect(mayPostNews(staffWith(admin), school('far', 'orgB'), today)).toBe(false);
    expect(mayPostNews(staffWith(admin), group(farClass), today)).toBe(false);
  });
  it('a mentor posts to their class only, not to the school nor another class', () => {
    const mentor = [duty('MENTOR', { groupId: '7B' })];
    expect(mayPostNews(staffWith(mentor), group(class7B), today)).toBe(true);
    expect(mayPostNews(staffWith(mentor), group(class8A), today)).toBe(false);
    expect(mayPostNews(staffWith(mentor), school('north'), today)).toBe(false);
  });
  it('a teacher posts to a teaching group they teach, not to a class', () => {
    const teacher = [duty('TEACHER', { groupId: 'ma7B' })];
    expect(mayPostNews(staffWith(teacher), group(ma7B), today)).toBe(true);
    expect(mayPostNews(staffWith(teacher), group(class7B), today)).toBe(false);
    expect(mayPostNews(staffWith(teacher), school('north'), today)).toBe(false);
  });
  it('an ended duty gives nothing, and a group must be in the named school', () => {
    expect(mayPostNews(staffWith([duty('MENTOR', { groupId: '7B' }, '2026-10-31')]), group(class7B), today)).toBe(false);
    expect(mayPostNews(staffWith([duty('PRINCIPAL', { schoolId: 'north' })]), { ...school('north'), group: southClass }, today)).toBe(
      false,
    );
  });
});

describe('mayFollowNews', () => {
  const post = { schoolId: 'north', organisationId: 'orgA', authorStaffId: 'mentor-1' };
  it('the author, the school’s principal and administrators follow a post; other staff do not', () => {
    expect(mayFollowNews(staffWith([{ ...duty('ADMINISTRATOR', {}), organisationId: 'orgB' }], 'admin-b'), post, today)).toBe(false);
    expect(mayFollowNews(staffWith([duty('MENTOR', { groupId: '7B' })], 'mentor-1'), post, today)).toBe(true);
    expect(mayFollowNews(staffWith([duty('PRINCIPAL', { schoolId: 'north' })], 'principal'), post, today)).toBe(true);
    expect(mayFollowNews(staffWith([duty('ADMINISTRATOR', {})], 'admin'), post, today)).toBe(true);
    expect(mayFollowNews(staffWith([duty('PRINCIPAL', { schoolId: 'south' })], 'other-principal'), post, today)).toBe(false);
    expect(mayFollowNews(staffWith([duty('MENTOR', { groupId: '7B' })], 'mentor-2'), post, today)).toBe(false);
  });
});

describe('who receives a post', () => {
  const child: StudentFacts = {
    id: 'child',
    birthDate: '2013-04-01',
    schoolId: 'north',
    organisationId: 'orgA',
    groupIds: ['7B', 'ma7B'],
    guardianIds: ['mum', 'dad'],
    consentingGuardianIds: [],
  };
  const adult: StudentFacts = { ...child, id: 'adult', birthDate: '2008-01-10', consentingGuardianIds: ['mum'] };
  const left: StudentFacts = { ...child, id: 'left', groupIds: [] };
  const toSchool = { schoolId: 'north', groupId: null, toGuardians: true, toStudents: true };
  const toClass = { ...toSchool, groupId: '7B' };

  it('a school post reaches the school’s students who belong to a group today; a group post its members', () => {
    expect(studentInAudience(toSchool, child)).toBe(true);
    expect(studentInAudience(toSchool, left)).toBe(false);
    expect(studentInAudience({ schoolId: 'south', groupId: null }, child)).toBe(false);
    expect(studentInAudience(toClass, child)).toBe(true);
    expect(studentInAudience({ ...toClass, groupId: '8A' }, child)).toBe(false);
  });
  it('students receive it only when it is for students', () => {
    expect(newsReachesStudent(toClass, child)).toBe(true);
    expect(newsReachesStudent({ ...toClass, toStudents: false }, child)).toBe(false);
  });
  it('guardians receive it only when it is for guardians, and an adult student’s only with consent', () => {
    expect(newsReachesGuardian(toClass, child, 'dad', today)).toBe(true);
    expect(newsReachesGuardian({ ...toClass, toGuardians: false }, child, 'dad', today)).toBe(false);
    expect(newsReachesGuardian(toClass, child, 'stranger', today)).toBe(false);
    expect(newsReachesGuardian(toSchool, adult, 'mum', today)).toBe(true);
    expect(newsReachesGuardian(toSchool, adult, 'dad', today)).toBe(false);
  });
});
