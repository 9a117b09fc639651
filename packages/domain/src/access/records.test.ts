import { describe, expect, it } from 'vitest';
import {
  absenceReportAction,
  canAccessGroup,
  canAdministerOrganisation,
  canAccessSchool,
  canAccessStudent,
  dutyCoversSchool,
  type DutyFacts,
  type StudentAction,
  type StudentFacts,
  type ViewerFacts,
} from './index.ts';

const today = '2026-11-27';
const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }, validTo: string | null = null): DutyFacts => ({
  kind,
  organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
  schoolId: ref.schoolId ?? null,
  groupId: ref.groupId ?? null,
  validFrom: '2026-08-01',
  validTo,
});

// Two schools of organisation A (`orgA`); `child` is 12 years old in class 7B and teaching group Ma7B at school A.
// Organisation B runs school Z: its administrator sees nothing of A.
const child: StudentFacts = {
  id: 'child',
  birthDate: '2014-03-02',
  schoolId: 'schoolA',
  organisationId: 'orgA',
  groupIds: ['class7B', 'ma7B'],
  guardianIds: ['mum', 'dad'],
  consentingGuardianIds: [],
};
// `adult` turned 18 on 2026-11-27 (today) and consented to mum only.
const adult: StudentFacts = {
  id: 'adult',
  birthDate: '2008-11-27',
  schoolId: 'schoolB',
  organisationId: 'orgA',
  groupIds: ['classNA24'],
  guardianIds: ['mum', 'dad'],
  consentingGuardianIds: ['mum'],
};

const viewers: Record<string, ViewerFacts> = {
  self: { kind: 'STUDENT', studentId: 'child' },
  classmate: { kind: 'STUDENT', studentId: 'other' },
  mum: { kind: 'GUARDIAN', guardianId: 'mum' },
  dad: { kind: 'GUARDIAN', guardianId: 'dad' },
  strangerGuardian: { kind: 'GUARDIAN', guardianId: 'stranger' },
  teacherOfGroup: { kind: 'STAFF', staffId: 't1', duties: [duty('TEACHER', { groupId: 'ma7B' })] },
  teacherElsewhere: { kind: 'STAFF', staffId: 't2', duties: [duty('TEACHER', { groupId: 'en8A' })] },
  formerTeacher: { kind: 'STAFF', staffId: 't3', duties: [duty('TEACHER', { groupId: 'ma7B' }, '2026-11-26')] },
  mentorOfClass: { kind: 'STAFF', staffId: 'm1', duties: [duty('MENTOR', { groupId: 'class7B' })] },
  mentorOfOtherClass: { kind: 'STAFF', staffId: 'm2', duties: [duty('MENTOR', { groupId: 'class7A' })] },
  principalA: { kind: 'STAFF', staffId: 'p1', duties: [duty('PRINCIPAL', { schoolId: 'schoolA' })] },
  principalB: { kind: 'STAFF', staffId: 'p2', duties: [duty('PRINCIPAL', { schoolId: 'schoolB' })] },
  admin: { kind: 'STAFF', staffId: 'a1', duties: [duty('ADMINISTRATOR', {})] },
  adminOfOtherOrganisation: { kind: 'STAFF', staffId: 'a2', duties: [{ ...duty('ADMINISTRATOR', {}), organisationId: 'orgB' }] },
  principalOfOtherOrganisation: { kind: 'STAFF', staffId: 'p3', duties: [duty('PRINCIPAL', { schoolId: 'schoolZ' })] },
  staffWithoutDuties: { kind: 'STAFF', staffId: 's0', duties: [] },
};

// The matrix: for each viewer, which actions on `child` are allowed.
const READ = [
  'student:read',
  'student:readSchedule',
  'student:readIdentityNumber',
  'student:readAbsenceReports',
  'student:readAssessments',
  'student:readSupportDecisions',
] as const;
const childMatrix: Record<string, StudentAction[]> = {
  // a 12-year-old does not report their own sickness; the guardians do
  self: [...READ],
  classmate: [],
  mum: [...READ, 'student:reportAbsence'],
  dad: [...READ, 'student:reportAbsence'],
  strangerGuardian: [],
  teacherOfGroup: ['student:read', 'student:readSchedule'],
  teacherElsewhere: [],
  formerTeacher: [],
  mentorOfClass: [...READ, 'student:manageGuardianContacts', 'student:excuseAbsence', 'student:reportAbsenceForHome'],
  mentorOfOtherClass: [],
  principalA: [...READ, 'student:manageGuardianContacts'],
  principalB: [],
  admin: [...READ, 'student:manageGuardianContacts', 'student:excuseAbsence', 'student:reportAbsenceForHome'],
  adminOfOtherOrganisation: [],
  principalOfOtherOrganisation: [],
  staffWithoutDuties: [],
};
const actions: StudentAction[] = [
  ...READ,
  'student:reportAbsence',
  'student:manageGuardianContacts',
  'student:excuseAbsence',
  'student:reportAbsenceForHome',
];

describe('canAccessStudent matrix', () => {
  for (const [name, allowed] of Object.entries(childMatrix)) {
    for (const action of actions) {
      const expected = allowed.includes(action);
      it(`${name} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(canAccessStudent(viewers[name] as ViewerFacts, action, child, today)).toBe(expected);
      });
    }
  }
});

describe('reporting absence', () => {
  it("the home reports in its own right; staff take the home's report, the mentor and administrators only", () => {
    const mayReport = (name: string) =>
      canAccessStudent(viewers[name] as ViewerFacts, absenceReportAction(viewers[name] as ViewerFacts), child, today);
    expect(Object.keys(viewers).filter(mayReport)).toEqual(['mum', 'dad', 'mentorOfClass', 'admin']);
    // A guardian or a student cannot claim the staff's right to report for a home that is not theirs.
    expect(canAccessStudent(viewers.strangerGuardian as ViewerFacts, 'student:reportAbsenceForHome', child, today)).toBe(false);
    expect(canAccessStudent(viewers.self as ViewerFacts, 'student:reportAbsenceForHome', child, today)).toBe(false);
  });
});

describe('adult students', () => {
  it('a guardian with consent still sees the adult child', () => {
    expect(canAccessStudent(viewers.mum as ViewerFacts, 'student:read', adult, today)).toBe(true);
  });
  it('a guardian without consent loses access on the 18th birthday', () => {
    expect(canAccessStudent(viewers.dad as ViewerFacts, 'student:read', adult, today)).toBe(false);
    expect(canAccessStudent(viewers.dad as ViewerFacts, 'student:readAssessments', adult, today)).toBe(false);
    expect(canAccessStudent(viewers.mum as ViewerFacts, 'student:readAssessments', adult, today)).toBe(true);
    expect(canAccessStudent(viewers.dad as ViewerFacts, 'student:readSupportDecisions', adult, today)).toBe(false);
    expect(canAccessStudent(viewers.mum as ViewerFacts, 'student:readSupportDecisions', adult, today)).toBe(true);
    expect(canAccessStudent(viewers.dad as ViewerFacts, 'student:read', adult, '2026-11-26')).toBe(true);
  });
  it('a withdrawn consent (no longer listed) ends access at once', () => {
    const withdrawn = { ...adult, consentingGuardianIds: [] };
    expect(canAccessStudent(viewers.mum as ViewerFacts, 'student:readSchedule', withdrawn, today)).toBe(false);
  });
  it('consent to someone who is not a guardian grants nothing', () => {
    const odd = { ...adult, consentingGuardianIds: ['stranger'] };
    expect(canAccessStudent(viewers.strangerGuardian as ViewerFacts, 'student:read', odd, today)).toBe(false);
  });
  it('the adult student reports their own absence; a guardian with consent may too, one without may not', () => {
    const adultSelf: ViewerFacts = { kind: 'STUDENT', studentId: 'adult' };
    expect(canAccessStudent(adultSelf, 'student:reportAbsence', adult, today)).toBe(true);
    expect(canAccessStudent(adultSelf, 'student:reportAbsence', adult, '2026-11-26')).toBe(false);
    expect(canAccessStudent(adultSelf, 'student:manageGuardianContacts', adult, today)).toBe(false);
    expect(canAccessStudent(viewers.mum as ViewerFacts, 'student:reportAbsence', adult, today)).toBe(true);
    expect(canAccessStudent(viewers.dad as ViewerFacts, 'student:reportAbsence', adult, today)).toBe(false);
  });
  it('staff access does not depend on age', () => {
    expect(canAccessStudent(viewers.principalB as ViewerFacts, 'student:readIdentityNumber', adult, today)).toBe(true);
    expect(canAccessStudent(viewers.principalA as ViewerFacts, 'student:read', adult, today)).toBe(false);
  });
});

describe('canAccessGroup', () => {
  const class7B = { id: 'class7B', schoolId: 'schoolA', organisationId: 'orgA', kind: 'CLASS' as const };
  const ma7B = { id: 'ma7B', schoolId: 'schoolA', organisationId: 'orgA', kind: 'TEACHING' as const };
  const classNA24 = { id: 'classNA24', schoolId: 'schoolB', organisationId: 'orgA', kind: 'CLASS' as const };
  const classZ = { id: 'classZ', schoolId: 'schoolZ', organisationId: 'orgB', kind: 'CLASS' as const };

  it('a student sees the list of their own groups, names only', () => {
    expect(canAccessGroup(viewers.self as ViewerFacts, 'group:readRoster', class7B, today, [child])).toBe(true);
    expect(canAccessGroup(viewers.self as ViewerFacts, 'group:readRoster', ma7B, today, [child])).toBe(true);
    expect(canAccessGroup(viewers.self as ViewerFacts, 'group:readIdentityNumbers', class7B, today, [child])).toBe(false);
    expect(canAccessGroup(viewers.self as ViewerFacts, 'group:readRoster', classNA24, today, [child])).toBe(false);
  });
  it('a student cannot borrow another student\u2019s memberships', () => {
    expect(canAccessGroup(viewers.classmate as ViewerFacts, 'group:readRoster', class7B, today, [child])).toBe(false);
  });
  it('a guardian sees the class of a child they may see, not its teaching groups', () => {
    expect(canAccessGroup(viewers.mum as ViewerFacts, 'group:readRoster', class7B, today, [child])).toBe(true);
    expect(canAccessGroup(viewers.mum as ViewerFacts, 'group:readRoster', ma7B, today, [child])).toBe(false);
    expect(canAccessGroup(viewers.strangerGuardian as ViewerFacts, 'group:readRoster', class7B, today, [child])).toBe(false);
  });
  it("a guardian without the adult child's consent does not see the child's class", () => {
    expect(canAccessGroup(viewers.dad as ViewerFacts, 'group:readRoster', classNA24, today, [adult])).toBe(false);
    expect(canAccessGroup(viewers.mum as ViewerFacts, 'group:readRoster', classNA24, today, [adult])).toBe(true);
  });
  it("a class's absence statistics are for its mentor, the school's principal and administrators", () => {
    const allowed = (name: string) => canAccessGroup(viewers[name] as ViewerFacts, 'group:readAbsence', class7B, today, [child]);
    expect(['mentorOfClass', 'principalA', 'admin'].map(allowed)).toEqual([true, true, true]);
    expect(['self', 'mum', 'teacherOfGroup', 'mentorOfOtherClass', 'principalB', 'staffWithoutDuties'].map(allowed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it("grade warnings: a teaching group's teachers, a class's mentor, the principal and administrators", () => {
    const allowed = (name: string, group: typeof ma7B | typeof class7B) =>
      canAccessGroup(viewers[name] as ViewerFacts, 'group:readAssessments', group, today, [child]);
    expect(['teacherOfGroup', 'principalA', 'admin'].map((name) => allowed(name, ma7B))).toEqual([true, true, true]);
    expect(['mentorOfClass', 'principalA', 'admin'].map((name) => allowed(name, class7B))).toEqual([true, true, true]);
    expect(['self', 'mum', 'teacherElsewhere', 'formerTeacher', 'mentorOfClass', 'principalB'].map((name) => allowed(name, ma7B))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['self', 'mum', 'teacherOfGroup', 'mentorOfOtherClass'].map((name) => allowed(name, class7B))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it("a class sheet of usernames and codes: the class's mentor, the principal and administrators; not a teacher", () => {
    const allowed = (name: string) => canAccessGroup(viewers[name] as ViewerFacts, 'group:issueCredentials', class7B, today, [child]);
    expect(['mentorOfClass', 'principalA', 'admin'].map(allowed)).toEqual([true, true, true]);
    expect(['self', 'mum', 'teacherOfGroup', 'mentorOfOtherClass', 'principalB', 'adminOfOtherOrganisation'].map(allowed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(canAccessGroup(viewers.teacherOfGroup as ViewerFacts, 'group:issueCredentials', ma7B, today)).toBe(false);
  });
  it('staff see the groups their duties cover', () => {
    expect(canAccessGroup(viewers.teacherOfGroup as ViewerFacts, 'group:readRoster', ma7B, today)).toBe(true);
    expect(canAccessGroup(viewers.teacherOfGroup as ViewerFacts, 'group:readIdentityNumbers', ma7B, today)).toBe(false);
    expect(canAccessGroup(viewers.teacherOfGroup as ViewerFacts, 'group:readRoster', class7B, today)).toBe(false);
    expect(canAccessGroup(viewers.formerTeacher as ViewerFacts, 'group:readRoster', ma7B, today)).toBe(false);
    expect(canAccessGroup(viewers.mentorOfClass as ViewerFacts, 'group:readIdentityNumbers', class7B, today)).toBe(true);
    expect(canAccessGroup(viewers.mentorOfOtherClass as ViewerFacts, 'group:readRoster', class7B, today)).toBe(false);
    expect(canAccessGroup(viewers.principalA as ViewerFacts, 'group:readIdentityNumbers', ma7B, today)).toBe(true);
    expect(canAccessGroup(viewers.principalB as ViewerFacts, 'group:readRoster', ma7B, today)).toBe(false);
    expect(canAccessGroup(viewers.admin as ViewerFacts, 'group:readIdentityNumbers', classNA24, today)).toBe(true);
    expect(canAccessGroup(viewers.staffWithoutDuties as ViewerFacts, 'group:readRoster', class7B, today)).toBe(false);
  });
  it("an administrator sees every group of their own organisation and none of another's", () => {
    for (const action of ['group:readRoster', 'group:readIdentityNumbers', 'group:readAbsence', 'group:readAssessments'] as const) {
      expect([class7B, ma7B, classNA24, classZ].map((group) => canAccessGroup(viewers.admin as ViewerFacts, action, group, today))).toEqual(
        [true, true, true, false],
      );
      const other = viewers.adminOfOtherOrganisation as ViewerFacts;
      expect([class7B, ma7B, classNA24, classZ].map((group) => canAccessGroup(other, action, group, today))).toEqual([
        false,
        false,
        false,
        true,
      ]);
    }
  });
});

describe('canAccessSchool', () => {
  const schoolA = { schoolId: 'schoolA', organisationId: 'orgA' };
  const schoolZ = { schoolId: 'schoolZ', organisationId: 'orgB' };
  it("the school's principal and its organisation's administrators; no one else", () => {
    const allowed = (name: string) => canAccessSchool(viewers[name] as ViewerFacts, 'school:readAbsence', schoolA, today);
    expect(['principalA', 'admin'].map(allowed)).toEqual([true, true]);
    expect(
      ['principalB', 'mentorOfClass', 'teacherOfGroup', 'mum', 'self', 'adminOfOtherOrganisation', 'principalOfOtherOrganisation'].map(
        allowed,
      ),
    ).toEqual([false, false, false, false, false, false, false]);
    for (const action of ['school:readGradeWarnings', 'school:readRoutines'] as const) {
      const routine = (name: string) => canAccessSchool(viewers[name] as ViewerFacts, action, schoolA, today);
      expect(['principalA', 'admin', 'principalB', 'mentorOfClass', 'teacherOfGroup', 'adminOfOtherOrganisation'].map(routine)).toEqual([
        true,
        true,
        false,
        false,
        false,
        false,
      ]);
    }
  });
  it("another organisation's school is its own administrator's and principal's, not this one's", () => {
    const allowed = (name: string) => canAccessSchool(viewers[name] as ViewerFacts, 'school:readRoutines', schoolZ, today);
    expect(['adminOfOtherOrganisation', 'principalOfOtherOrganisation', 'admin', 'principalA'].map(allowed)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('dutyCoversSchool', () => {
  const schoolA = { schoolId: 'schoolA', organisationId: 'orgA' };
  it('an administrator duty without an organisation covers nothing', () => {
    expect(dutyCoversSchool({ ...duty('ADMINISTRATOR', {}), organisationId: null }, schoolA)).toBe(false);
  });
  it('mentor and teacher duties cover groups, never a whole school', () => {
    expect(dutyCoversSchool(duty('MENTOR', { groupId: 'class7B', schoolId: 'schoolA' }), schoolA)).toBe(false);
    expect(dutyCoversSchool(duty('TEACHER', { groupId: 'ma7B', schoolId: 'schoolA' }), schoolA)).toBe(false);
  });
});

describe('canAdministerOrganisation', () => {
  it("its own organisation's administrators only, while the duty is in force", () => {
    const allowed = (name: string) => canAdministerOrganisation(viewers[name] as ViewerFacts, 'orgA', today);
    expect(['admin', 'principalA', 'mentorOfClass', 'teacherOfGroup', 'mum', 'self', 'adminOfOtherOrganisation'].map(allowed)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(canAdministerOrganisation(viewers.adminOfOtherOrganisation as ViewerFacts, 'orgB', today)).toBe(true);
  });
  it('an ended administrator duty administers nothing', () => {
    const ended: ViewerFacts = { kind: 'STAFF', staffId: 'former', duties: [duty('ADMINISTRATOR', {}, '2026-11-26')] };
    expect(canAdministerOrganisation(ended, 'orgA', today)).toBe(false);
  });
});
