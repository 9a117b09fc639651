// Every school owner is invisible to every other (issue 13). The standard school has a second organisation,
// Grannby kommun; the first organisation's administrator (`admin`) tries every query and mutation that takes
// an id, and the support-decision routes, with Grannby's ids, and gets exactly what a made-up id gets. A new
// field that takes an id fails the coverage test below until it has a case here.
import { randomUUID } from 'node:crypto';
import { buildASTSchema, concatAST, getNamedType, isInputObjectType, isLeafType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../graphql/schema.ts';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';
import { onePagePdf } from '../../test/pdf-files.ts';

const schema: GraphQLSchema = buildASTSchema(concatAST(typeDefs));
const MISSING = '00000000-0000-4000-8000-000000000000';
/** A well-formed one-page PDF: an upload is read through before it is stored. */
const PDF = onePagePdf();

/** The ids a case may use: Grannby's, or (in the same shape) one of them replaced by MISSING. */
interface Ids {
  student: string;
  guardian: string;
  school: string;
  class: string;
  teachingGroup: string;
  lesson: string;
  term: string;
  schoolYear: string;
  schoolBreak: string;
  subject: string;
  course: string;
  sickReport: string;
  leave: string;
  decision: string;
  warning: string;
  task: string;
  newsPost: string;
  message: string;
  staff: string;
  duty: string;
  lessonSeries: string;
  apiClient: string;
  importRun: string;
  /** the first organisation's own: an upper-secondary student, a teaching group and one of its terms */
  ownStudent: string;
  ownGroup: string;
  ownTerm: string;
  /** a membership of Grannby's student; the first organisation's school, school year and class membership */
  membership: string;
  ownSchool: string;
  ownSchoolYear: string;
  ownMembership: string;
  ownStaff: string;
}

interface Case {
  /** `Query.field` or `Mutation.field` */
  field: string;
  /** what differs between cases of one field */
  label?: string;
  /** the id that is Grannby's in one request and MISSING in the other */
  probe: keyof Ids;
  variables: (ids: Ids) => Record<string, unknown>;
  /** the code both answers carry; NOT_FOUND unless the field answers a foreign id another way (then the same way) */
  code?: string | null;
}

const range = { period: 'TERM' };
const week = { isoYear: 2026, isoWeek: 48 };
const CASES: Case[] = [
  { field: 'Query.student', probe: 'student', variables: (id) => ({ id: id.student }) },
  { field: 'Query.studentWeekSchedule', probe: 'student', variables: (id) => ({ studentId: id.student, week }) },
  { field: 'Query.group', probe: 'class', variables: (id) => ({ id: id.class }) },
  { field: 'Query.classDay', probe: 'class', variables: (id) => ({ classId: id.class }) },
  { field: 'Query.rollCall', probe: 'lesson', variables: (id) => ({ lessonId: id.lesson }) },
  { field: 'Query.guardianContacts', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.sickReports', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  // The sick-report form's questions, and reporting: an administrator takes the home's report for their own
  // organisation's students only.
  {
    field: 'Query.checkSickReport',
    probe: 'student',
    variables: (id) => ({ input: { studentId: id.student, fromDate: '2026-11-26', toDate: '2026-11-26' } }),
    code: 'NOT_FOUND',
  },
  { field: 'Query.proposedSickReportDate', probe: 'student', variables: (id) => ({ studentId: id.student }), code: 'NOT_FOUND' },
  { field: 'Query.leaveApplications', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.leaveRules', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.studentMentors', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.studentAbsenceStatistics', probe: 'student', variables: (id) => ({ studentId: id.student, range }) },
  { field: 'Query.studentAbsenceLessons', probe: 'student', variables: (id) => ({ studentId: id.student, range }) },
  { field: 'Query.classAbsenceStatistics', probe: 'class', variables: (id) => ({ classId: id.class, range }) },
  { field: 'Query.schoolAbsenceStatistics', probe: 'school', variables: (id) => ({ schoolId: id.school, range }) },
  { field: 'Query.csnReport', probe: 'school', variables: (id) => ({ schoolId: id.school, month: '2026-11' }) },
  { field: 'Query.lessonsWithoutRollCall', label: 'class', probe: 'class', variables: (id) => ({ scope: { classId: id.class }, range }) },
  {
    field: 'Query.lessonsWithoutRollCall',
    label: 'school',
    probe: 'school',
    variables: (id) => ({ scope: { schoolId: id.school }, range }),
  },
  { field: 'Query.studentGradeWarnings', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.groupGradeWarnings', probe: 'teachingGroup', variables: (id) => ({ groupId: id.teachingGroup }) },
  { field: 'Query.schoolGradeWarningRoutine', probe: 'school', variables: (id) => ({ schoolId: id.school }) },
  { field: 'Query.studentSupportDecisions', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.studentDevelopmentPlans', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.developmentPlanWork', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.groupDevelopmentPlans', probe: 'class', variables: (id) => ({ groupId: id.class }) },
  { field: 'Query.studyPlan', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  { field: 'Query.groupAssessments', probe: 'teachingGroup', variables: (id) => ({ groupId: id.teachingGroup, termId: id.term }) },
  {
    field: 'Query.groupAssessments',
    label: "Grannby's term for an own group",
    probe: 'term',
    variables: (id) => ({ groupId: id.ownGroup, termId: id.term }),
  },
  { field: 'Query.studentAssessments', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  // Staff read no news as a reader: an empty list for any id.
  { field: 'Query.myNews', probe: 'student', variables: (id) => ({ studentId: id.student }), code: null },
  { field: 'Query.newsPost', probe: 'newsPost', variables: (id) => ({ id: id.newsPost }) },
  { field: 'Query.schoolRoutine', probe: 'school', variables: (id) => ({ schoolId: id.school }) },

  {
    field: 'Mutation.saveRollCall',
    probe: 'lesson',
    variables: (id) => ({
      input: { submissionId: randomUUID(), lessonId: id.lesson, entries: [{ studentId: id.student, status: 'ABSENT' }] },
    }),
  },
  {
    field: 'Mutation.setAbsenceReason',
    probe: 'student',
    variables: (id) => ({ input: { lessonId: id.lesson, studentId: id.student, reason: 'SCHOOL_ACTIVITY' } }),
  },
  {
    field: 'Mutation.applyForLeave',
    probe: 'student',
    variables: (id) => ({ input: { studentId: id.student, fromDate: '2026-12-07', toDate: '2026-12-08', reason: 'Resa' } }),
  },
  { field: 'Mutation.withdrawLeaveApplication', probe: 'leave', variables: (id) => ({ id: id.leave }) },
  { field: 'Mutation.decideLeaveApplication', probe: 'leave', variables: (id) => ({ id: id.leave, approve: true }) },
  {
    field: 'Mutation.reportSick',
    probe: 'student',
    variables: (id) => ({ input: { studentId: id.student, fromDate: '2026-11-26', toDate: '2026-11-26' } }),
  },
  { field: 'Mutation.withdrawSickReport', probe: 'sickReport', variables: (id) => ({ id: id.sickReport }) },
  {
    field: 'Mutation.updateGuardianContactPreferences',
    probe: 'student',
    variables: (id) => ({
      studentId: id.student,
      guardianId: id.guardian,
      input: { bySms: false, byEmail: false, locale: 'sv' },
    }),
  },
  { field: 'Mutation.retryMessage', probe: 'message', variables: (id) => ({ id: id.message }) },
  {
    field: 'Mutation.issueGradeWarning',
    probe: 'student',
    variables: (id) => ({ input: { studentId: id.student, groupId: id.teachingGroup, missing: 'Bråk' } }),
  },
  {
    field: 'Mutation.recordGradeWarningContact',
    probe: 'warning',
    variables: (id) => ({
      input: { warningId: id.warning, contactedAt: '2026-11-25T09:30:00+01:00', method: 'PHONE', withWhom: 'Mamma', agreed: 'Läxhjälp' },
    }),
  },
  { field: 'Mutation.closeGradeWarning', probe: 'warning', variables: (id) => ({ warningId: id.warning, note: 'Klart' }) },
  { field: 'Mutation.acknowledgeSupportDecision', probe: 'decision', variables: (id) => ({ id: id.decision }) },
  {
    field: 'Mutation.saveDevelopmentPlanEntry',
    probe: 'student',
    variables: (id) => ({ input: { studentId: id.student, subjectId: id.subject, standing: 'Bra', goals: 'Mer' } }),
  },
  { field: 'Mutation.saveDevelopmentPlanSummary', probe: 'student', variables: (id) => ({ studentId: id.student, summary: 'Bra' }) },
  { field: 'Mutation.publishDevelopmentPlan', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  {
    field: 'Mutation.planStudyPlanCourse',
    probe: 'student',
    variables: (id) => ({ studentId: id.student, courseId: id.course, planYear: 1 }),
  },
  {
    field: 'Mutation.planStudyPlanCourse',
    label: "Grannby's course for an own student",
    probe: 'course',
    variables: (id) => ({ studentId: id.ownStudent, courseId: id.course, planYear: 1 }),
    code: 'BAD_USER_INPUT',
  },
  { field: 'Mutation.removeStudyPlanCourse', probe: 'student', variables: (id) => ({ studentId: id.student, courseId: id.course }) },
  {
    field: 'Mutation.createAssessmentTask',
    probe: 'teachingGroup',
    variables: (id) => ({ groupId: id.teachingGroup, input: { title: 'Prov', date: '2026-11-25' } }),
  },
  {
    field: 'Mutation.updateAssessmentTask',
    probe: 'task',
    variables: (id) => ({ taskId: id.task, input: { title: 'Prov', date: '2026-11-25' } }),
  },
  { field: 'Mutation.saveAssessmentResults', probe: 'task', variables: (id) => ({ taskId: id.task, rows: [] }) },
  { field: 'Mutation.publishAssessmentTask', probe: 'task', variables: (id) => ({ taskId: id.task }) },
  {
    field: 'Mutation.saveSubjectAssessments',
    probe: 'teachingGroup',
    variables: (id) => ({ groupId: id.teachingGroup, termId: id.term, rows: [] }),
  },
  {
    field: 'Mutation.publishSubjectAssessments',
    probe: 'teachingGroup',
    variables: (id) => ({ groupId: id.teachingGroup, termId: id.term }),
  },
  {
    field: 'Mutation.postNews',
    label: 'to the school',
    probe: 'school',
    variables: (id) => ({ input: { schoolId: id.school, toGuardians: true, toStudents: true, title: 'Hej', body: 'Hej' } }),
  },
  {
    field: 'Mutation.postNews',
    label: 'to a class',
    probe: 'class',
    variables: (id) => ({
      input: { schoolId: id.school, groupId: id.class, toGuardians: true, toStudents: true, title: 'Hej', body: 'Hej' },
    }),
  },
  { field: 'Mutation.markNewsRead', probe: 'newsPost', variables: (id) => ({ id: id.newsPost }) },

  // Administration of classes, teaching groups, memberships, subjects and courses.
  { field: 'Query.administeredGroups', label: 'school', probe: 'school', variables: (id) => ({ filter: { schoolId: id.school } }) },
  {
    field: 'Query.administeredGroups',
    label: 'school year',
    probe: 'schoolYear',
    variables: (id) => ({ filter: { schoolYearId: id.schoolYear } }),
  },
  { field: 'Query.administeredGroup', probe: 'class', variables: (id) => ({ id: id.class }) },
  { field: 'Query.enrolmentCandidates', probe: 'class', variables: (id) => ({ groupId: id.class, search: 'an' }) },
  { field: 'Query.administeredCourses', probe: 'subject', variables: (id) => ({ subjectId: id.subject }) },
  {
    field: 'Mutation.createGroup',
    label: "in Grannby's school",
    probe: 'school',
    variables: (id) => ({ input: { schoolId: id.school, schoolYearId: id.ownSchoolYear, kind: 'CLASS', name: 'G1', yearLevel: 1 } }),
  },
  {
    field: 'Mutation.createGroup',
    label: "in Grannby's school year",
    probe: 'schoolYear',
    variables: (id) => ({ input: { schoolId: id.ownSchool, schoolYearId: id.schoolYear, kind: 'CLASS', name: 'G1', yearLevel: 1 } }),
  },
  {
    field: 'Mutation.createGroup',
    label: "with Grannby's subject",
    probe: 'subject',
    variables: (id) => ({
      input: { schoolId: id.ownSchool, schoolYearId: id.ownSchoolYear, kind: 'TEACHING', name: 'G1', subjectId: id.subject },
    }),
  },
  { field: 'Mutation.updateGroup', probe: 'class', variables: (id) => ({ id: id.class, input: { name: 'G1', yearLevel: 1 } }) },
  {
    field: 'Mutation.enrolInGroup',
    label: "Grannby's class",
    probe: 'class',
    variables: (id) => ({ input: { groupId: id.class, studentId: id.student, validFrom: '2026-11-30' } }),
  },
  {
    field: 'Mutation.enrolInGroup',
    label: "Grannby's student in an own group",
    probe: 'student',
    variables: (id) => ({ input: { groupId: id.ownGroup, studentId: id.student, validFrom: '2026-11-30' } }),
  },
  {
    field: 'Mutation.moveToClass',
    label: "Grannby's membership",
    probe: 'membership',
    variables: (id) => ({ input: { membershipId: id.membership, toGroupId: id.class, fromDate: '2026-11-30' } }),
  },
  {
    field: 'Mutation.moveToClass',
    label: "an own membership to Grannby's class",
    probe: 'class',
    variables: (id) => ({ input: { membershipId: id.ownMembership, toGroupId: id.class, fromDate: '2026-11-30' } }),
  },
  {
    field: 'Mutation.endMembership',
    probe: 'membership',
    variables: (id) => ({ input: { membershipId: id.membership, validTo: '2026-11-30' } }),
  },
  {
    field: 'Mutation.updateSubject',
    probe: 'subject',
    variables: (id) => ({ id: id.subject, input: { code: 'QQ', nameSv: 'Q', nameEn: 'Q' } }),
  },
  {
    field: 'Mutation.createCourse',
    probe: 'subject',
    variables: (id) => ({ input: { code: 'QQQ01', name: 'Q', points: 100, subjectId: id.subject } }),
  },
  {
    field: 'Mutation.updateCourse',
    probe: 'course',
    variables: (id) => ({ id: id.course, input: { code: 'QQQ01', name: 'Q', points: 100, subjectId: id.subject } }),
  },
  { field: 'Query.administeredSchool', probe: 'school', variables: (id) => ({ id: id.school }) },
  {
    field: 'Mutation.updateSchool',
    probe: 'school',
    variables: (id) => ({ id: id.school, input: { name: 'Vår skola', unitCode: '11223344', form: 'COMPULSORY' } }),
  },
  {
    field: 'Mutation.updateSchoolSettings',
    probe: 'school',
    variables: (id) => ({
      id: id.school,
      input: {
        mentorLeaveDayLimit: 9,
        sickReportDaysBack: 3,
        absenceWarningPercent: 5,
        absenceAlarmPercent: 6,
        csnThresholdMinutes: 60,
        gradeWarningContactDays: 2,
      },
    }),
  },
  { field: 'Query.administeredSchoolYear', probe: 'schoolYear', variables: (id) => ({ id: id.schoolYear }) },
  {
    field: 'Mutation.updateSchoolYear',
    probe: 'schoolYear',
    variables: (id) => ({ id: id.schoolYear, input: { name: '2030/31', startDate: '2030-08-19', endDate: '2031-06-13' } }),
  },
  { field: 'Mutation.deleteSchoolYear', probe: 'schoolYear', variables: (id) => ({ id: id.schoolYear }) },
  {
    field: 'Mutation.createTerm',
    probe: 'schoolYear',
    variables: (id) => ({ schoolYearId: id.schoolYear, input: { kind: 'AUTUMN', startDate: '2026-08-17', endDate: '2026-12-18' } }),
  },
  {
    field: 'Mutation.updateTerm',
    probe: 'term',
    variables: (id) => ({ id: id.term, input: { kind: 'AUTUMN', startDate: '2026-08-17', endDate: '2026-12-18' } }),
  },
  { field: 'Mutation.deleteTerm', probe: 'term', variables: (id) => ({ id: id.term }) },
  {
    field: 'Mutation.createSchoolBreak',
    probe: 'term',
    variables: (id) => ({ termId: id.term, input: { name: 'Lov', startDate: '2026-12-07', endDate: '2026-12-07' } }),
  },
  {
    field: 'Mutation.updateSchoolBreak',
    probe: 'schoolBreak',
    variables: (id) => ({ id: id.schoolBreak, input: { name: 'Lov', startDate: '2026-12-07', endDate: '2026-12-07' } }),
  },
  { field: 'Mutation.deleteSchoolBreak', probe: 'schoolBreak', variables: (id) => ({ id: id.schoolBreak }) },
  // People administration: a foreign id in a filter matches nothing, as a made-up one does.
  {
    field: 'Query.administeredStudents',
    label: 'class filter',
    probe: 'class',
    variables: (id) => ({ filter: { classId: id.class } }),
    code: null,
  },
  {
    field: 'Query.administeredStudents',
    label: 'school filter',
    probe: 'school',
    variables: (id) => ({ filter: { schoolId: id.school } }),
    code: null,
  },
  { field: 'Query.administeredStudent', probe: 'student', variables: (id) => ({ id: id.student }) },
  { field: 'Query.administeredGuardian', probe: 'guardian', variables: (id) => ({ id: id.guardian }) },
  { field: 'Query.administeredStaffMember', probe: 'staff', variables: (id) => ({ id: id.staff }) },
  { field: 'Query.groupChoices', probe: 'school', variables: (id) => ({ schoolId: id.school }), code: null },
  {
    field: 'Mutation.createStudent',
    probe: 'school',
    variables: (id) => ({ input: { personalIdentityNumber: '20140309-4218', firstName: 'Ny', lastName: 'Elev', schoolId: id.school } }),
    code: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.updateStudent',
    probe: 'student',
    variables: (id) => ({
      id: id.student,
      input: { personalIdentityNumber: '20140309-4218', firstName: 'Ny', lastName: 'Elev', schoolId: id.school },
    }),
  },
  {
    field: 'Mutation.createGuardian',
    probe: 'student',
    variables: (id) => ({ studentId: id.student, input: { firstName: 'Ny', lastName: 'Vh' } }),
  },
  {
    field: 'Mutation.updateGuardian',
    probe: 'guardian',
    variables: (id) => ({ id: id.guardian, input: { firstName: 'Ny', lastName: 'Vh' } }),
  },
  { field: 'Mutation.linkGuardian', probe: 'student', variables: (id) => ({ studentId: id.student, guardianId: id.guardian }) },
  {
    field: 'Mutation.linkGuardian',
    label: "Grannby's guardian for an own student",
    probe: 'guardian',
    variables: (id) => ({ studentId: id.ownStudent, guardianId: id.guardian }),
  },
  { field: 'Mutation.unlinkGuardian', probe: 'student', variables: (id) => ({ studentId: id.student, guardianId: id.guardian }) },
  {
    field: 'Mutation.unlinkGuardian',
    label: "Grannby's guardian for an own student",
    probe: 'guardian',
    variables: (id) => ({ studentId: id.ownStudent, guardianId: id.guardian }),
  },
  { field: 'Mutation.endStudentMemberships', probe: 'student', variables: (id) => ({ studentId: id.student, lastDay: '2026-12-18' }) },
  {
    field: 'Mutation.updateStaff',
    probe: 'staff',
    variables: (id) => ({ id: id.staff, input: { firstName: 'Ny', lastName: 'Lärare', signature: 'NYLA' } }),
  },
  {
    field: 'Mutation.addStaffDuty',
    probe: 'staff',
    variables: (id) => ({ staffId: id.staff, input: { kind: 'MENTOR', groupId: id.class, validFrom: '2026-11-25' } }),
  },
  {
    field: 'Mutation.addStaffDuty',
    label: "Grannby's class for own staff",
    probe: 'class',
    variables: (id) => ({ staffId: id.ownStaff, input: { kind: 'MENTOR', groupId: id.class, validFrom: '2026-11-25' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.addStaffDuty',
    label: "Grannby's school for own staff",
    probe: 'school',
    variables: (id) => ({ staffId: id.ownStaff, input: { kind: 'PRINCIPAL', schoolId: id.school, validFrom: '2026-11-25' } }),
    code: 'BAD_USER_INPUT',
  },
  { field: 'Mutation.endStaffDuty', probe: 'duty', variables: (id) => ({ dutyId: id.duty, validTo: '2026-12-31' }) },
  { field: 'Mutation.revokeApiClient', probe: 'apiClient', variables: (id) => ({ id: id.apiClient }) },
  { field: 'Query.ss12000ImportRun', probe: 'importRun', variables: (id) => ({ id: id.importRun }) },
  {
    field: 'Mutation.setLogin',
    label: 'student',
    probe: 'student',
    variables: (id) => ({ input: { personKind: 'STUDENT', personId: id.student, username: 'ny.elev', password: 'ett-långt-lösenord' } }),
  },
  {
    field: 'Mutation.setLogin',
    label: 'guardian',
    probe: 'guardian',
    variables: (id) => ({ input: { personKind: 'GUARDIAN', personId: id.guardian, username: 'ny.vh', password: 'ett-långt-lösenord' } }),
  },
  {
    field: 'Mutation.setLogin',
    label: 'staff',
    probe: 'staff',
    variables: (id) => ({ input: { personKind: 'STAFF', personId: id.staff, username: 'ny.larare', password: 'ett-långt-lösenord' } }),
  },
  {
    field: 'Mutation.setLoginLocked',
    probe: 'student',
    variables: (id) => ({ personKind: 'STUDENT', personId: id.student, locked: true }),
  },
  { field: 'Mutation.deleteGroup', probe: 'class', variables: (id) => ({ id: id.class }) },
  { field: 'Mutation.deleteSubject', probe: 'subject', variables: (id) => ({ id: id.subject }) },
  { field: 'Mutation.deleteCourse', probe: 'course', variables: (id) => ({ id: id.course }) },

  // Accounts and consent.
  {
    field: 'Query.guardianLetterPlan',
    label: 'school',
    probe: 'school',
    variables: (id) => ({ choice: { schoolId: id.school, onlyWithoutActivatedAccount: false } }),
  },
  {
    field: 'Query.guardianLetterPlan',
    label: "Grannby's class at an own school",
    probe: 'class',
    variables: (id) => ({ choice: { schoolId: id.ownSchool, groupId: id.class, onlyWithoutActivatedAccount: false } }),
    // Said outright: Grannby's own administrator does not run the other school either.
    code: 'NOT_FOUND',
  },
  { field: 'Query.guardianConsents', probe: 'student', variables: (id) => ({ studentId: id.student }) },
  // Only an adult student manages consent: an administrator is refused alike for any guardian.
  { field: 'Mutation.giveGuardianConsent', probe: 'guardian', variables: (id) => ({ guardianId: id.guardian }), code: 'FORBIDDEN' },
  { field: 'Mutation.withdrawGuardianConsent', probe: 'guardian', variables: (id) => ({ guardianId: id.guardian }), code: 'FORBIDDEN' },
  { field: 'Query.scheduleOptions', probe: 'school', variables: (id) => ({ schoolId: id.school, termId: id.term }) },
  {
    field: 'Query.scheduleOptions',
    label: "Grannby's term at an own school",
    probe: 'term',
    variables: (id) => ({ schoolId: id.ownSchool, termId: id.term }),
  },
  { field: 'Query.lessonSeriesList', probe: 'school', variables: (id) => ({ schoolId: id.school, termId: id.term }) },
  {
    field: 'Query.lessonSeriesList',
    label: "Grannby's term at an own school",
    probe: 'term',
    variables: (id) => ({ schoolId: id.ownSchool, termId: id.term }),
  },
  { field: 'Query.scheduleGroupLessons', probe: 'teachingGroup', variables: (id) => ({ groupId: id.teachingGroup, week }) },
  { field: 'Query.administeredLesson', probe: 'lesson', variables: (id) => ({ id: id.lesson }) },
  {
    field: 'Mutation.createLessonSeries',
    probe: 'term',
    variables: (id) => ({ termId: id.term, input: seriesInput(id.ownGroup, id.subject) }),
  },
  {
    field: 'Mutation.createLessonSeries',
    label: "Grannby's group and subject in an own term",
    probe: 'teachingGroup',
    variables: (id) => ({ termId: id.ownTerm, input: seriesInput(id.teachingGroup, id.subject) }),
    code: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.updateLessonSeries',
    probe: 'lessonSeries',
    variables: (id) => ({ id: id.lessonSeries, input: seriesInput(id.teachingGroup, id.subject) }),
  },
  { field: 'Mutation.endLessonSeries', probe: 'lessonSeries', variables: (id) => ({ id: id.lessonSeries, lastDate: '2026-12-01' }) },
  { field: 'Mutation.generateTermLessons', probe: 'term', variables: (id) => ({ termId: id.term, schoolId: id.ownSchool }) },
  {
    field: 'Mutation.generateTermLessons',
    label: "Grannby's school in an own term",
    probe: 'school',
    variables: (id) => ({ termId: id.ownTerm, schoolId: id.school }),
  },
  { field: 'Mutation.cancelLesson', probe: 'lesson', variables: (id) => ({ id: id.lesson, reason: 'Studiedag' }) },
  { field: 'Mutation.restoreLesson', probe: 'lesson', variables: (id) => ({ id: id.lesson }) },
  {
    field: 'Mutation.changeLesson',
    probe: 'lesson',
    variables: (id) => ({ id: id.lesson, input: { date: '2026-11-26', startTime: '10:00', teacherIds: [], note: 'Flyttad' } }),
  },

  // The audit log: a person of another organisation in the filter is not found, as a made-up one.
  { field: 'Query.auditLog', label: 'student', probe: 'student', variables: (id) => ({ filter: { personId: id.student } }) },
  { field: 'Query.auditLog', label: 'guardian', probe: 'guardian', variables: (id) => ({ filter: { personId: id.guardian } }) },
  { field: 'Query.auditLog', label: 'staff', probe: 'staff', variables: (id) => ({ filter: { personId: id.staff } }) },
  { field: 'Query.auditLogExport', probe: 'student', variables: (id) => ({ filter: { personId: id.student } }) },

  // The register extract: another organisation's person is not found, as a made-up one.
  { field: 'Query.registerExtractContents', label: 'student', probe: 'student', variables: (id) => ({ personId: id.student }) },
  { field: 'Query.registerExtractContents', label: 'guardian', probe: 'guardian', variables: (id) => ({ personId: id.guardian }) },
  { field: 'Query.registerExtractContents', label: 'staff', probe: 'staff', variables: (id) => ({ personId: id.staff }) },
];

/** A lesson series' input; the dates are in the autumn term 2026 of both organisations. */
function seriesInput(groupId: string, subjectId: string) {
  return {
    groupId,
    subjectId,
    weekday: 2,
    startTime: '13:00',
    durationMinutes: 60,
    teacherIds: [],
    validFrom: '2026-11-30',
    validTo: '2026-12-18',
  };
}

/** Whether a type carries an id, itself or in an input object's fields. */
function carriesId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => carriesId(field.type, seen));
}

function rootFields(): { name: string; operation: 'query' | 'mutation'; args: { name: string; type: string }[]; leaf: boolean }[] {
  return (['query', 'mutation'] as const).flatMap((operation) => {
    const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {})
      .filter((field) => field.args.some((arg) => carriesId(arg.type)))
      .map((field) => ({
        name: `${operation === 'query' ? 'Query' : 'Mutation'}.${field.name}`,
        operation,
        args: field.args.map((arg) => ({ name: arg.name, type: arg.type.toString() })),
        leaf: isLeafType(getNamedType(field.type)),
      }));
  });
}

/** The operation for a root field with all its arguments as variables; the answer's type name is enough. */
function operationFor(field: string): string {
  const root = rootFields().find((candidate) => candidate.name === field);
  if (!root) throw new Error(`no root field ${field} that takes an id`);
  const name = field.split('.')[1] as string;
  const variables = root.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const args = root.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${root.operation}(${variables}) { ${name}(${args})${root.leaf ? '' : ' { __typename }'} }`;
}

const caseName = (c: Case) => `${c.field}${c.label ? ` (${c.label})` : ''}`;

describe('every root field that takes an id', () => {
  it('has a case in this test, and every case names such a field', () => {
    const covered = new Set(CASES.map((c) => c.field));
    expect(
      rootFields()
        .map((field) => field.name)
        .filter((name) => !covered.has(name)),
    ).toEqual([]);
    const known = new Set(rootFields().map((field) => field.name));
    expect([...covered].filter((name) => !known.has(name))).toEqual([]);
  });
});

describe.each(SERVER_DATABASE)('organisation scope, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let ids: Ids;
  let otherSchoolName: string;

  const graphql = <T>(client: TestClient, query: string, variables: Record<string, unknown> = {}) => client.request<T>(query, variables);
  const data = <T>(result: GraphQLResult<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  async function uploadDecision(client: TestClient, studentId: string) {
    const form = new FormData();
    form.append('studentId', studentId);
    form.append('kind', 'SPECIAL_SUPPORT');
    form.append('summary', 'Särskilt stöd i matematik');
    form.append('decidedOn', server.today);
    form.append('document', new Blob([PDF], { type: 'application/pdf' }), 'beslut.pdf');
    const response = await fetch(`${server.url}/api/support-decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { id?: string; code?: string; message?: string } };
  }

  const download = async (client: TestClient, id: string) => {
    const response = await fetch(`${server.url}/api/support-decisions/${id}/document`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const prisma = server.db.prisma;
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const principal = await loggedIn(server, 'grannby.rektor');
    const teacher = await loggedIn(server, 'grannby.larare');
    const guardian = await loggedIn(server, 'grannby.vh1');
    const organisation = await prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'grannby.admin' } } } },
      include: { schools: true, subjects: { where: { code: 'MA' } }, schoolYears: { include: { terms: true } } },
    });
    const school = organisation.schools[0]!;
    otherSchoolName = school.name;
    const student = await prisma.student.findFirstOrThrow({ where: { account: { username: 'grannby.elev1' } } });
    const guardianAccount = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'grannby.vh1' } });
    const groups = await prisma.group.findMany({ where: { schoolId: school.id } });
    const classId = groups.find((g) => g.kind === 'CLASS')!.id;
    const teachingGroup = groups.find((g) => g.kind === 'TEACHING')!.id;
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { groupId: teachingGroup, date: new Date(server.today) } });
    const subject = organisation.subjects[0]!;
    const course = await prisma.course.create({
      // The code our own organisation has too: course codes are Skolverket's, unique per organisation only.
      data: { subjectId: subject.id, organisationId: organisation.id, code: 'MATMAT01c', name: 'Matematik 1c', points: 100 },
    });
    const term = organisation.schoolYears[0]!.terms.find(
      (t) => t.startDate <= new Date(server.today) && t.endDate >= new Date(server.today),
    )!;

    // Grannby's own people make its data through the API.
    const sick = data(
      await graphql<{ reportSick: { id: string } }>(guardian, 'mutation($input: SickReportInput!) { reportSick(input: $input) { id } }', {
        input: { studentId: student.id, fromDate: server.today, toDate: server.today },
      }),
    );
    const leave = data(
      await graphql<{ applyForLeave: { id: string } }>(
        guardian,
        'mutation($input: LeaveApplicationInput!) { applyForLeave(input: $input) { id } }',
        { input: { studentId: student.id, fromDate: '2026-12-07', toDate: '2026-12-08', reason: 'Släktkalas' } },
      ),
    );
    const decision = await uploadDecision(otherAdmin, student.id);
    expect(decision.status).toBe(201);
    const news = data(
      await graphql<{ postNews: { id: string } }>(principal, 'mutation($input: NewsPostInput!) { postNews(input: $input) { id } }', {
        input: { schoolId: school.id, toGuardians: true, toStudents: true, title: 'Välkomna', body: 'Julfest på fredag.' },
      }),
    );
    const task = data(
      await graphql<{ createAssessmentTask: { id: string } }>(
        teacher,
        'mutation($g: ID!, $input: AssessmentTaskInput!) { createAssessmentTask(groupId: $g, input: $input) { id } }',
        { g: teachingGroup, input: { title: 'Bråkprov', date: server.today } },
      ),
    );
    const warning = data(
      await graphql<{ issueGradeWarning: { id: string } }>(
        teacher,
        'mutation($input: GradeWarningInput!) { issueGradeWarning(input: $input) { id } }',
        { input: { studentId: student.id, groupId: teachingGroup, missing: 'Bråkräkning' } },
      ),
    );
    // A message that gave up, so that retrying it would succeed if the scope let it through.
    const message = await prisma.outboundMessage.findFirstOrThrow({ where: { studentId: student.id } });
    await prisma.outboundMessage.update({ where: { id: message.id }, data: { status: 'FAILED' } });

    const myndig = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'myndig' }, include: { student: true } });
    const ownGroup = await prisma.group.findFirstOrThrow({
      where: { kind: 'TEACHING', school: { organisation: { staff: { some: { account: { username: 'admin' } } } } } },
      include: { schoolYear: { include: { terms: true } } },
    });
    const membership = await prisma.groupMembership.findFirstOrThrow({ where: { studentId: student.id, groupId: classId } });
    const ownMembership = await prisma.groupMembership.findFirstOrThrow({
      where: { validTo: null, group: { kind: 'CLASS', schoolId: ownGroup.schoolId, schoolYearId: ownGroup.schoolYearId } },
    });
    const teacherStaff = await prisma.staff.findFirstOrThrow({
      where: { account: { username: 'grannby.larare' } },
      include: { duties: { take: 1 } },
    });
    const ownStaff = await prisma.staff.findFirstOrThrow({ where: { account: { username: 'larare' } } });
    const larare = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'grannby.larare' } });
    const lessonSeries = await prisma.lessonSeries.create({
      data: {
        termId: term.id,
        groupId: teachingGroup,
        subjectId: subject.id,
        weekday: 1,
        startMinute: 8 * 60,
        durationMinutes: 60,
        room: 'G1',
        validFrom: term.startDate,
        validTo: term.endDate,
        teachers: { create: { staffId: larare.staffId! } },
      },
    });
    const apiClient = data(
      await graphql<{ createApiClient: { client: { id: string } } }>(
        otherAdmin,
        'mutation($input: ApiClientInput!) { createApiClient(input: $input) { client { id } } }',
        { input: { name: 'Grannbys statistik', scopes: ['AGGREGATED_ATTENDANCE'], protectedIdentity: false } },
      ),
    );
    // A run of Grannby's, as an import refused at its source leaves it.
    const importRun = await prisma.ss12000ImportRun.create({
      data: {
        organisationId: organisation.id,
        startedById: (await prisma.staff.findFirstOrThrow({ where: { account: { username: 'grannby.admin' } } })).id,
        startedAt: new Date(),
        finishedAt: new Date(),
        outcome: 'REFUSED',
        counts: [],
        problems: [{ endpoint: 'token', sourceId: null, code: 'UNREACHABLE' }],
      },
    });
    ids = {
      apiClient: apiClient.createApiClient.client.id,
      importRun: importRun.id,
      staff: teacherStaff.id,
      duty: teacherStaff.duties[0]!.id,
      ownStaff: ownStaff.id,
      student: student.id,
      guardian: guardianAccount.guardianId!,
      school: school.id,
      class: classId,
      teachingGroup,
      lesson: lesson.id,
      term: term.id,
      schoolYear: organisation.schoolYears[0]!.id,
      schoolBreak: (await prisma.schoolBreak.findFirstOrThrow({ where: { term: { schoolYear: { organisationId: organisation.id } } } })).id,
      subject: subject.id,
      course: course.id,
      sickReport: sick.reportSick.id,
      leave: leave.applyForLeave.id,
      decision: decision.body.id!,
      warning: warning.issueGradeWarning.id,
      task: task.createAssessmentTask.id,
      newsPost: news.postNews.id,
      message: message.id,
      ownStudent: myndig.studentId!,
      ownGroup: ownGroup.id,
      ownTerm: ownGroup.schoolYear.terms[0]!.id,
      membership: membership.id,
      ownSchool: ownGroup.schoolId,
      ownSchoolYear: ownGroup.schoolYearId,
      ownMembership: ownMembership.id,
      lessonSeries: lessonSeries.id,
    };
  });
  afterAll(() => server?.stop());

  describe("the first organisation's administrator", () => {
    it.each(CASES.map((c) => [caseName(c), c] as const))("gets for Grannby's id what a made-up id gets: %s", async (_name, c) => {
      const operation = operationFor(c.field);
      const auditBefore = await server.db.prisma.auditEvent.count({ where: { studentId: ids.student } });
      const foreign = await graphql(admin, operation, c.variables(ids));
      const missing = await graphql(admin, operation, c.variables({ ...ids, [c.probe]: MISSING }));
      const expected = c.code === undefined ? 'NOT_FOUND' : c.code;
      expect(errorCode(foreign) ?? null).toBe(expected);
      expect(foreign.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.problems])).toEqual(
        missing.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.problems]),
      );
      expect(foreign.data).toEqual(missing.data);
      // Nothing about Grannby's student was read or written on the administrator's behalf.
      expect(await server.db.prisma.auditEvent.count({ where: { studentId: ids.student } })).toBe(auditBefore);
    });

    it('cannot record a support decision for a Grannby student, nor download its document: 404 as for a made-up id', async () => {
      const foreign = await uploadDecision(admin, ids.student);
      const missing = await uploadDecision(admin, MISSING);
      expect([foreign.status, foreign.body]).toEqual([404, missing.body]);
      expect(missing.status).toBe(404);
      expect(await server.db.prisma.supportDecision.count({ where: { studentId: ids.student } })).toBe(1);
      const document = await download(admin, ids.decision);
      expect([document.status, document.body]).toEqual([404, (await download(admin, MISSING)).body]);
      expect(document.body).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('finds nothing of Grannby in the lists: schools, routines, news targets and posts, groups, outbox, leave to decide, stopped imports', async () => {
      const lists = data(
        await graphql<{
          absenceSchools: { id: string; name: string }[];
          schoolRoutines: { schoolId: string }[];
          newsTargets: { schoolId: string }[];
          sentNews: { id: string }[];
          myGroups: { id: string }[];
          outbox: { messages: { id: string }[]; totalCount: number; failedCount: number };
          leaveApplicationsToDecide: { id: string }[];
          stoppedImports: { id: string }[];
        }>(
          admin,
          `
            {
              absenceSchools {
                id
                name
              }
              schoolRoutines {
                schoolId
              }
              newsTargets {
                schoolId
              }
              sentNews {
                id
              }
              myGroups {
                id
              }
              outbox(limit: 200) {
                messages {
                  id
                }
                totalCount
                failedCount
              }
              leaveApplicationsToDecide {
                id
              }
              stoppedImports {
                id
              }
            }
          `,
        ),
      );
      expect(lists.absenceSchools.length).toBe(2);
      expect(lists.absenceSchools.map((s) => s.id)).not.toContain(ids.school);
      expect(lists.absenceSchools.map((s) => s.name)).not.toContain(otherSchoolName);
      expect(lists.schoolRoutines.length).toBe(2);
      expect(lists.schoolRoutines.map((s) => s.schoolId)).not.toContain(ids.school);
      expect(lists.newsTargets.length).toBeGreaterThan(2);
      expect(lists.newsTargets.map((t) => t.schoolId)).not.toContain(ids.school);
      expect(lists.sentNews.map((p) => p.id)).not.toContain(ids.newsPost);
      expect(lists.myGroups.length).toBeGreaterThan(0);
      expect(lists.myGroups.map((g) => g.id)).not.toContain(ids.class);
      const grannbyMessages = await server.db.prisma.outboundMessage.count({ where: { student: { schoolId: ids.school } } });
      const allMessages = await server.db.prisma.outboundMessage.count();
      expect(lists.outbox.totalCount).toBe(allMessages - grannbyMessages);
      expect(lists.outbox.messages.map((m) => m.id)).not.toContain(ids.message);
      expect(lists.outbox.failedCount).toBe(
        await server.db.prisma.outboundMessage.count({ where: { status: 'FAILED', student: { schoolId: { not: ids.school } } } }),
      );
      expect(lists.leaveApplicationsToDecide.map((l) => l.id)).not.toContain(ids.leave);
      expect(lists.stoppedImports.map((i) => i.id)).not.toContain(ids.importRun);
    });
  });

  describe("Grannby's own administrator", () => {
    const reads = CASES.filter((c) => c.field.startsWith('Query.') && c.probe !== 'term' && c.code === undefined);

    it.each(reads.map((c) => [caseName(c), c] as const))('reads its own organisation: %s', async (_name, c) => {
      const result = await graphql(otherAdmin, operationFor(c.field), c.variables(ids));
      expect(errorCode(result)).not.toBe('NOT_FOUND');
    });

    it('downloads its own decision, and sees its own school, messages and post in the lists', async () => {
      expect((await download(otherAdmin, ids.decision)).status).toBe(200);
      const lists = data(
        await graphql<{
          absenceSchools: { id: string }[];
          schoolRoutines: { schoolId: string }[];
          newsTargets: { schoolId: string }[];
          sentNews: { id: string }[];
          myGroups: { id: string }[];
          outbox: { messages: { id: string }[] };
          stoppedImports: { id: string }[];
        }>(
          otherAdmin,
          '{ absenceSchools { id } schoolRoutines { schoolId } newsTargets { schoolId } sentNews { id } myGroups { id } outbox(limit: 200) { messages { id } } stoppedImports { id } }',
        ),
      );
      expect(lists.absenceSchools.map((s) => s.id)).toEqual([ids.school]);
      expect(lists.schoolRoutines.map((s) => s.schoolId)).toEqual([ids.school]);
      expect(new Set(lists.newsTargets.map((t) => t.schoolId))).toEqual(new Set([ids.school]));
      expect(lists.sentNews.map((p) => p.id)).toEqual([ids.newsPost]);
      expect(lists.myGroups.map((g) => g.id)).toEqual([ids.class]);
      const own = await server.db.prisma.outboundMessage.findMany({ where: { student: { schoolId: ids.school } }, select: { id: true } });
      expect(new Set(lists.outbox.messages.map((m) => m.id))).toEqual(new Set(own.map((m) => m.id)));
      // Its refused run is the latest of its source: the one stopped import it has.
      expect(lists.stoppedImports.map((i) => i.id)).toEqual([ids.importRun]);
    });

    it("takes today's roll call of its own lesson and posts news to its own school", async () => {
      const rollCall = await graphql(
        otherAdmin,
        operationFor('Mutation.saveRollCall'),
        CASES.find((c) => c.field === 'Mutation.saveRollCall')!.variables(ids),
      );
      expect(rollCall.errors).toBeUndefined();
      const post = await graphql(
        otherAdmin,
        operationFor('Mutation.postNews'),
        CASES.find((c) => c.label === 'to the school')!.variables(ids),
      );
      expect(post.errors).toBeUndefined();
    });
  });

  describe('school days of a leave', () => {
    it("count the student's own organisation's breaks only: Grannby's sportlov (week 9) is a school week for the first", async () => {
      const guardian = await loggedIn(server, 'vardnadshavare');
      const me = data(await graphql<{ me: { students: { id: string }[] } }>(guardian, '{ me { students { id } } }'));
      const leave = 'mutation($input: LeaveApplicationInput!) { applyForLeave(input: $input) { schoolDays decider } }';
      const own = data(
        await graphql<{ applyForLeave: { schoolDays: number; decider: string } }>(guardian, leave, {
          input: { studentId: me.me.students[0]!.id, fromDate: '2027-03-01', toDate: '2027-03-05', reason: 'Fjällresa' },
        }),
      );
      expect(own.applyForLeave).toEqual({ schoolDays: 5, decider: 'PRINCIPAL' });
      const grannby = await loggedIn(server, 'grannby.vh1');
      const refused = await graphql(grannby, leave, {
        input: { studentId: ids.student, fromDate: '2027-03-01', toDate: '2027-03-05', reason: 'Fjällresa' },
      });
      expect(refused.errors?.[0]?.extensions?.problems).toEqual(['NO_SCHOOL_DAYS']);
    });
  });
});
