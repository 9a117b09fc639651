// Every access rule against every kind of viewer, in one table: for each rule, exactly the viewers who may. A rule that
// starts to let one more viewer in, or keeps one out, fails here with the viewer's name.
import { describe, expect, it } from 'vitest';
import {
  canAccessGroup,
  canAccessSchool,
  canAccessStudent,
  canAdministerOrganisation,
  mayAcknowledgeSupportDecision,
  mayDecideLeave,
  mayEditStudyPlan,
  mayFollowNews,
  mayIssueGradeWarning,
  mayNameStudent,
  mayPostNews,
  mayPublishDevelopmentPlan,
  mayReadDevelopmentPlanDraft,
  mayReadRollCall,
  mayRecordAssessments,
  mayRecordGradeWarningContact,
  mayRecordSupportDecision,
  mayWritePlanEntry,
  rollCallAuthority,
  rootFieldRefusal,
  type DutyFacts,
  type GroupFacts,
  type StudentAction,
  type StudentFacts,
  type ViewerFacts,
} from './index.ts';

const today = '2026-03-11';
const yesterday = '2026-03-10';

// Organisation A runs North and South; organisation B runs Far.
const north = { schoolId: 'north', organisationId: 'orgA' };
const class7A: GroupFacts = { id: '7A', kind: 'CLASS', ...north };
const math7: GroupFacts = { id: 'MA7', kind: 'TEACHING', ...north };

/** A child of 13 in class 7A and the maths group, with two guardians. */
const child: StudentFacts = {
  id: 'child',
  birthDate: '2012-09-01',
  ...north,
  groupIds: ['7A', 'MA7'],
  guardianIds: ['guardian', 'otherGuardian'],
  consentingGuardianIds: [],
};
/** A student of 19 in the same groups, with the same guardian, who has not consented to them. */
const adult: StudentFacts = { ...child, id: 'adult', birthDate: '2006-05-01', guardianIds: ['guardian'] };

const duty = (kind: DutyFacts['kind'], at: Partial<Pick<DutyFacts, 'schoolId' | 'groupId' | 'organisationId' | 'validTo'>>): DutyFacts => ({
  kind,
  organisationId: at.organisationId ?? null,
  schoolId: at.schoolId ?? null,
  groupId: at.groupId ?? null,
  validFrom: '2025-08-01',
  validTo: at.validTo ?? null,
});
const staff = (staffId: string, ...duties: DutyFacts[]): ViewerFacts => ({ kind: 'STAFF', staffId, duties });

const VIEWERS = {
  theChild: { kind: 'STUDENT', studentId: 'child' },
  otherStudent: { kind: 'STUDENT', studentId: 'someoneElse' },
  guardian: { kind: 'GUARDIAN', guardianId: 'guardian' },
  otherFamilysGuardian: { kind: 'GUARDIAN', guardianId: 'stranger' },
  mathTeacher: staff('mathTeacher', duty('TEACHER', { groupId: 'MA7' })),
  otherTeacher: staff('otherTeacher', duty('TEACHER', { groupId: 'EN8' })),
  mentor: staff('mentor', duty('MENTOR', { groupId: '7A' })),
  otherMentor: staff('otherMentor', duty('MENTOR', { groupId: '7B' })),
  formerMentor: staff('formerMentor', duty('MENTOR', { groupId: '7A', validTo: '2026-01-31' })),
  principal: staff('principal', duty('PRINCIPAL', { schoolId: 'north' })),
  otherPrincipal: staff('otherPrincipal', duty('PRINCIPAL', { schoolId: 'south' })),
  administrator: staff('administrator', duty('ADMINISTRATOR', { organisationId: 'orgA' })),
  otherOrganisationsAdministrator: staff('otherAdmin', duty('ADMINISTRATOR', { organisationId: 'orgB' })),
} satisfies Record<string, ViewerFacts>;
type ViewerName = keyof typeof VIEWERS;

/** The lesson in the maths group: its teacher takes it; the students' class is 7A. */
const mathLesson = { ...north, lessonDate: today, teacherStaffIds: ['mathTeacher'], studentClassIds: ['7A'] };

const studentRule =
  (action: StudentAction, student: StudentFacts = child) =>
  (viewer: ViewerFacts) =>
    canAccessStudent(viewer, action, student, today);

const RULES: [string, (viewer: ViewerFacts) => boolean, ViewerName[]][] = [
  ['student:read', studentRule('student:read'), ['theChild', 'guardian', 'mathTeacher', 'mentor', 'principal', 'administrator']],
  [
    'student:read of an adult who has not consented',
    studentRule('student:read', adult),
    ['mathTeacher', 'mentor', 'principal', 'administrator'],
  ],
  [
    'student:readIdentityNumber',
    studentRule('student:readIdentityNumber'),
    ['theChild', 'guardian', 'mentor', 'principal', 'administrator'],
  ],
  [
    'student:readAbsenceReports',
    studentRule('student:readAbsenceReports'),
    ['theChild', 'guardian', 'mentor', 'principal', 'administrator'],
  ],
  ['student:reportAbsence of a child', studentRule('student:reportAbsence'), ['guardian']],
  ['student:excuseAbsence', studentRule('student:excuseAbsence'), ['mentor', 'administrator']],
  ['student:reportAbsenceForHome', studentRule('student:reportAbsenceForHome'), ['mentor', 'administrator']],
  ['student:manageGuardianContacts', studentRule('student:manageGuardianContacts'), ['mentor', 'principal', 'administrator']],
  ['student:readAssessments', studentRule('student:readAssessments'), ['theChild', 'guardian', 'mentor', 'principal', 'administrator']],
  [
    'student:readSupportDecisions',
    studentRule('student:readSupportDecisions'),
    ['theChild', 'guardian', 'mentor', 'principal', 'administrator'],
  ],
  [
    'a protected child is named',
    (viewer) => mayNameStudent(viewer, { ...child, protectedIdentity: true }, today),
    ['theChild', 'guardian', 'mathTeacher', 'mentor', 'principal', 'administrator'],
  ],
  [
    'group:readRoster of the class',
    (viewer) => canAccessGroup(viewer, 'group:readRoster', class7A, today, [child]),
    ['theChild', 'guardian', 'mentor', 'principal', 'administrator'],
  ],
  [
    'group:readRoster of the teaching group',
    (viewer) => canAccessGroup(viewer, 'group:readRoster', math7, today, [child]),
    ['theChild', 'mathTeacher', 'principal', 'administrator'],
  ],
  [
    'group:readAbsence of the class',
    (viewer) => canAccessGroup(viewer, 'group:readAbsence', class7A, today),
    ['mentor', 'principal', 'administrator'],
  ],
  [
    'group:readAssessments of the teaching group',
    (viewer) => canAccessGroup(viewer, 'group:readAssessments', math7, today),
    ['mathTeacher', 'principal', 'administrator'],
  ],
  ['school:readAbsence', (viewer) => canAccessSchool(viewer, 'school:readAbsence', north, today), ['principal', 'administrator']],
  ['administer the organisation', (viewer) => canAdministerOrganisation(viewer, 'orgA', today), ['administrator']],
  [
    'a STAFF root field',
    (viewer) => rootFieldRefusal('STAFF', viewer) === null,
    [
      'mathTeacher',
      'otherTeacher',
      'mentor',
      'otherMentor',
      'formerMentor',
      'principal',
      'otherPrincipal',
      'administrator',
      'otherOrganisationsAdministrator',
    ],
  ],
  ["take today's roll call", (viewer) => rollCallAuthority(viewer, mathLesson, today).allowed, ['mathTeacher', 'mentor', 'administrator']],
  [
    "correct yesterday's roll call",
    (viewer) => rollCallAuthority(viewer, { ...mathLesson, lessonDate: yesterday }, today).allowed,
    ['mentor', 'administrator'],
  ],
  ['read the roll call', (viewer) => mayReadRollCall(viewer, mathLesson, today), ['mathTeacher', 'mentor', 'principal', 'administrator']],
  ['record assessments in the teaching group', (viewer) => mayRecordAssessments(viewer, 'MA7', today), ['mathTeacher']],
  ['issue a grade warning', (viewer) => mayIssueGradeWarning(viewer, 'MA7', child.groupIds, today), ['mathTeacher']],
  [
    'follow a grade warning up',
    (viewer) => mayRecordGradeWarningContact(viewer, { groupId: 'MA7', schoolId: 'north', studentGroupIds: child.groupIds }, today),
    ['mathTeacher', 'mentor', 'principal'],
  ],
  [
    "write the IUP's maths entry",
    (viewer) => mayWritePlanEntry(viewer, [{ groupId: 'MA7', subjectId: 'maths' }], 'maths', today),
    ['mathTeacher'],
  ],
  ['publish the IUP', (viewer) => mayPublishDevelopmentPlan(viewer, child.groupIds, today), ['mentor']],
  [
    'read an IUP draft',
    (viewer) => mayReadDevelopmentPlanDraft(viewer, child, today),
    ['mathTeacher', 'mentor', 'principal', 'administrator'],
  ],
  ['change the study plan', (viewer) => mayEditStudyPlan(viewer, child, today), ['mentor', 'administrator']],
  ['post news to the school', (viewer) => mayPostNews(viewer, { ...north, group: null }, today), ['principal', 'administrator']],
  [
    'post news to the class',
    (viewer) => mayPostNews(viewer, { ...north, group: class7A }, today),
    ['mentor', 'principal', 'administrator'],
  ],
  [
    'post news to the teaching group',
    (viewer) => mayPostNews(viewer, { ...north, group: math7 }, today),
    ['mathTeacher', 'principal', 'administrator'],
  ],
  [
    "follow the maths teacher's post up",
    (viewer) => mayFollowNews(viewer, { ...north, authorStaffId: 'mathTeacher' }, today),
    ['mathTeacher', 'principal', 'administrator'],
  ],
  [
    "decide a mentor's leave",
    (viewer) => mayDecideLeave(viewer, { decider: 'MENTOR', schoolId: 'north', studentClassIds: ['7A'] }, today),
    ['mentor', 'principal'],
  ],
  [
    "decide a principal's leave",
    (viewer) => mayDecideLeave(viewer, { decider: 'PRINCIPAL', schoolId: 'north', studentClassIds: ['7A'] }, today),
    ['principal'],
  ],
  ['record a support decision', (viewer) => mayRecordSupportDecision(viewer, child, today), ['principal', 'administrator']],
  ['acknowledge a support decision', (viewer) => mayAcknowledgeSupportDecision(viewer, child, today), ['theChild', 'guardian']],
];

const allowedViewers = (rule: (viewer: ViewerFacts) => boolean): ViewerName[] =>
  (Object.keys(VIEWERS) as ViewerName[]).filter((name) => rule(VIEWERS[name]));

describe('the access matrix: who may, for every rule and every kind of viewer', () => {
  it.each(RULES)('%s', (_name, rule, expected) => {
    expect(allowedViewers(rule)).toEqual(expected);
  });

  it('nobody whose duty has ended, nor anyone of another family, school or organisation, is let in anywhere', () => {
    const outsiders: ViewerName[] = [
      'otherStudent',
      'otherFamilysGuardian',
      'otherTeacher',
      'otherMentor',
      'formerMentor',
      'otherPrincipal',
      'otherOrganisationsAdministrator',
    ];
    const staffOnlyRoot = 'a STAFF root field';
    for (const [name, rule] of RULES.filter(([name]) => name !== staffOnlyRoot)) {
      expect({ name, letIn: allowedViewers(rule).filter((viewer) => outsiders.includes(viewer)) }).toEqual({ name, letIn: [] });
    }
  });
});
