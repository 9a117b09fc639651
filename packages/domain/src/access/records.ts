// Who may see what (domain rules 1 and 2): a student's, a group's and a school's records, and the root fields of the API.
// The API gathers the facts for each request from the database, so an 18th birthday, a withdrawn consent or an
// ended duty takes effect on the next request; rights are never carried in a token.
import { isAdultOn } from '../age.ts';

export type DutyKind = 'TEACHER' | 'MENTOR' | 'PRINCIPAL' | 'ADMINISTRATOR';

export interface DutyFacts {
  kind: DutyKind;
  /** the organisation (huvudman) of an ADMINISTRATOR duty: the staff member's own; it covers that one only */
  organisationId: string | null;
  /** the school of a PRINCIPAL duty */
  schoolId: string | null;
  /** the teaching group of a TEACHER duty, the class of a MENTOR duty */
  groupId: string | null;
  /** `YYYY-MM-DD`; the duty holds from validFrom through validTo */
  validFrom: string;
  validTo: string | null;
}

/** A school and the organisation that runs it: what a PRINCIPAL or an ADMINISTRATOR duty is compared with. */
export interface SchoolFacts {
  schoolId: string;
  organisationId: string;
}

export interface StudentFacts extends SchoolFacts {
  id: string;
  birthDate: string;
  /** groups the student belongs to today (class and teaching groups) */
  groupIds: readonly string[];
  guardianIds: readonly string[];
  /** guardians the student has consented to, with the consent not withdrawn */
  consentingGuardianIds: readonly string[];
}

export interface GroupFacts extends SchoolFacts {
  id: string;
  kind: 'CLASS' | 'TEACHING';
}

export type ViewerFacts =
  | { kind: 'STUDENT'; studentId: string }
  | { kind: 'GUARDIAN'; guardianId: string }
  | { kind: 'STAFF'; staffId: string; duties: readonly DutyFacts[] };

export type StudentAction =
  /** name, class, school */
  | 'student:read'
  | 'student:readSchedule'
  /** the personnummer: only where a role needs it */
  | 'student:readIdentityNumber'
  /** sick reports, leave applications and the messages sent home */
  | 'student:readAbsenceReports'
  /** report sickness, apply for leave: the guardians, or the adult student */
  | 'student:reportAbsence'
  /** record a reason that makes an absence valid (a school activity, another reason): the mentor, administrators */
  | 'student:excuseAbsence'
  /** take the home's sick report when a guardian calls or tells the school: the mentor, administrators */
  | 'student:reportAbsenceForHome'
  /** see and set the guardians' contact choices on their behalf */
  | 'student:manageGuardianContacts'
  /** whether an adult student lets each guardian in, read-only (the student manages it in consent.ts) */
  | 'student:readGuardianConsents'
  /** assessments and grade warnings in all subjects; a teacher reads those of their own groups through the group */
  | 'student:readAssessments'
  /** decisions on special support, action programmes and adapted study paths, with their documents */
  | 'student:readSupportDecisions';

export type GroupAction =
  /** the members' names and the mentors */
  | 'group:readRoster'
  /** the members' personnummer */
  | 'group:readIdentityNumbers'
  /** the members' absence statistics: the class's mentor, the principal, administrators */
  | 'group:readAbsence'
  /** grade warnings and assessments: a teaching group's teachers, a class's mentor, the principal, administrators */
  | 'group:readAssessments'
  /** the members' usernames and new activation codes on a class sheet: a class's mentor, the principal, administrators */
  | 'group:issueCredentials';

/** Duties in force on a date. */
export function activeDuties(duties: readonly DutyFacts[], today: string): DutyFacts[] {
  return duties.filter((duty) => duty.validFrom <= today && (duty.validTo === null || duty.validTo >= today));
}

/** A staff viewer's duties in force on a date; a student or guardian has none, so every duty rule refuses them. */
export const staffDuties = (viewer: ViewerFacts, today: string): DutyFacts[] =>
  viewer.kind === 'STAFF' ? activeDuties(viewer.duties, today) : [];

/**
 * A PRINCIPAL duty covers its school; an ADMINISTRATOR duty every school of its organisation and no
 * other: every school owner is invisible to every other.
 */
export function dutyCoversSchool(duty: DutyFacts, school: SchoolFacts): boolean {
  switch (duty.kind) {
    case 'ADMINISTRATOR':
      return duty.organisationId !== null && duty.organisationId === school.organisationId;
    case 'PRINCIPAL':
      return duty.schoolId === school.schoolId;
    case 'MENTOR':
    case 'TEACHER':
      return false;
  }
}

/**
 * A guardian sees a child's data while the child is under 18, and afterwards only with the
 * child's consent to that guardian.
 */
export function guardianMaySee(
  student: Pick<StudentFacts, 'birthDate' | 'guardianIds' | 'consentingGuardianIds'>,
  guardianId: string,
  today: string,
): boolean {
  if (!student.guardianIds.includes(guardianId)) return false;
  return !isAdultOn(student.birthDate, today) || student.consentingGuardianIds.includes(guardianId);
}

function staffCoversStudent(duties: readonly DutyFacts[], student: StudentFacts, kinds: readonly DutyKind[]): boolean {
  return duties.some((duty) => {
    if (!kinds.includes(duty.kind)) return false;
    switch (duty.kind) {
      case 'ADMINISTRATOR':
      case 'PRINCIPAL':
        return dutyCoversSchool(duty, student);
      case 'MENTOR':
      case 'TEACHER':
        return duty.groupId !== null && student.groupIds.includes(duty.groupId);
    }
  });
}

const ALL_DUTIES: readonly DutyKind[] = ['TEACHER', 'MENTOR', 'PRINCIPAL', 'ADMINISTRATOR'];
/** Teachers know their students by name; the personnummer is for those who contact the home or report. */
const IDENTITY_NUMBER_DUTIES: readonly DutyKind[] = ['MENTOR', 'PRINCIPAL', 'ADMINISTRATOR'];

/** Which duties cover each action; reporting absence is the home's, which the mentor may take down for it. */
const DUTIES_FOR: Record<StudentAction, readonly DutyKind[]> = {
  'student:read': ALL_DUTIES,
  'student:readSchedule': ALL_DUTIES,
  'student:readIdentityNumber': IDENTITY_NUMBER_DUTIES,
  'student:readAbsenceReports': IDENTITY_NUMBER_DUTIES,
  'student:reportAbsence': [],
  'student:excuseAbsence': ['MENTOR', 'ADMINISTRATOR'],
  'student:reportAbsenceForHome': ['MENTOR', 'ADMINISTRATOR'],
  'student:manageGuardianContacts': IDENTITY_NUMBER_DUTIES,
  'student:readGuardianConsents': IDENTITY_NUMBER_DUTIES,
  'student:readAssessments': IDENTITY_NUMBER_DUTIES,
  // A teacher is told what support to give by the mentor, not by reading the decision.
  'student:readSupportDecisions': IDENTITY_NUMBER_DUTIES,
};

/** What the school keeps about the home, for staff: not for the home itself. */
const STAFF_ONLY: readonly StudentAction[] = [
  'student:manageGuardianContacts',
  'student:readGuardianConsents',
  'student:excuseAbsence',
  'student:reportAbsenceForHome',
];

export function canAccessStudent(viewer: ViewerFacts, action: StudentAction, student: StudentFacts, today: string): boolean {
  switch (viewer.kind) {
    case 'STUDENT':
      if (viewer.studentId !== student.id) return false;
      if (STAFF_ONLY.includes(action)) return false;
      // A child's sickness is reported by the guardians; from 18 the student reports for themself.
      return action !== 'student:reportAbsence' || isAdultOn(student.birthDate, today);
    case 'GUARDIAN':
      return !STAFF_ONLY.includes(action) && guardianMaySee(student, viewer.guardianId, today);
    case 'STAFF':
      return staffCoversStudent(activeDuties(viewer.duties, today), student, DUTIES_FOR[action]);
  }
}

/**
 * What reporting a student's absence (a sick report, withdrawing it) asks of the viewer: the home reports in its own
 * right; staff take the report down for the home (a guardian calls the school), which only the mentor and
 * administrators may. One rule for every path that reports, so that no path grants more than another.
 */
export const absenceReportAction = (viewer: ViewerFacts): StudentAction =>
  viewer.kind === 'STAFF' ? 'student:reportAbsenceForHome' : 'student:reportAbsence';

/**
 * Group lists. A student sees the lists of their own groups and a guardian the classes of the
 * children they may see (names only); staff see the groups their duties cover.
 * `viewerStudents` are the student viewer themself or the guardian's children.
 */
export function canAccessGroup(
  viewer: ViewerFacts,
  action: GroupAction,
  group: GroupFacts,
  today: string,
  viewerStudents: readonly StudentFacts[] = [],
): boolean {
  switch (viewer.kind) {
    case 'STUDENT':
      return (
        action === 'group:readRoster' &&
        viewerStudents.some((student) => student.id === viewer.studentId && student.groupIds.includes(group.id))
      );
    case 'GUARDIAN':
      return (
        action === 'group:readRoster' &&
        group.kind === 'CLASS' &&
        viewerStudents.some((student) => student.groupIds.includes(group.id) && guardianMaySee(student, viewer.guardianId, today))
      );
    case 'STAFF':
      return activeDuties(viewer.duties, today).some((duty) => {
        switch (duty.kind) {
          case 'ADMINISTRATOR':
          case 'PRINCIPAL':
            return dutyCoversSchool(duty, group);
          case 'MENTOR':
            return duty.groupId === group.id;
          case 'TEACHER':
            return duty.groupId === group.id && (action === 'group:readRoster' || action === 'group:readAssessments');
        }
      });
  }
}

export type SchoolAction =
  /** the school's absence by class and week, and the CSN list */
  | 'school:readAbsence'
  /** the routine for grade warnings: open, without contact, overdue */
  | 'school:readGradeWarnings'
  /** the routine view: published assessments, grade warnings, unacknowledged support decisions */
  | 'school:readRoutines'
  /** letters with activation codes to the school's guardians */
  | 'school:issueCredentials';

/** A school's figures, and its guardians' letters, are for its principal and the organisation's administrators. */
export function canAccessSchool(viewer: ViewerFacts, _action: SchoolAction, school: SchoolFacts, today: string): boolean {
  if (viewer.kind !== 'STAFF') return false;
  return activeDuties(viewer.duties, today).some((duty) => dutyCoversSchool(duty, school));
}

/**
 * Administration (people, classes, calendar, schedule) is for the organisation's administrators: an
 * ADMINISTRATOR duty in force today, of that organisation. A principal runs a school, not its register.
 */
export function canAdministerOrganisation(viewer: ViewerFacts, organisationId: string, today: string): boolean {
  if (viewer.kind !== 'STAFF') return false;
  return activeDuties(viewer.duties, today).some((duty) => duty.kind === 'ADMINISTRATOR' && duty.organisationId === organisationId);
}

/**
 * Who may call a root field of the API at all, before any rule about the records it touches (every Query and
 * Mutation field names one with `@access(rule: …)`): anyone (logging in, renewing, activating, resetting a password),
 * anyone signed in (the field's own rules decide per record), or staff only (students and guardians never reach it).
 */
export type RootFieldRule = 'PUBLIC' | 'SIGNED_IN' | 'STAFF';

/** Why a viewer (null: nobody signed in) may not call a root field with this rule, or null when they may. */
export function rootFieldRefusal(rule: RootFieldRule, viewer: ViewerFacts | null): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (rule === 'PUBLIC') return null;
  if (viewer === null) return 'UNAUTHENTICATED';
  if (rule === 'STAFF' && viewer.kind !== 'STAFF') return 'FORBIDDEN';
  return null;
}
