import gql from 'graphql-tag';

export const statisticsTypeDefs = gql`
  enum StatisticsPeriod {
    WEEK
    MONTH
    TERM
    SCHOOL_YEAR
    CUSTOM
  }

  "WEEK and MONTH are around today; TERM and SCHOOL_YEAR are the current ones; CUSTOM needs from and to (at most 400 days)."
  input StatisticsRangeInput {
    period: StatisticsPeriod!
    from: String
    to: String
  }

  "At or above the school's thresholds (e.g. 10 % and 15 %)."
  enum AbsenceLevel {
    OK
    WARNING
    ALARM
  }

  """
  Sums over lessons that have ended in the range; cancelled lessons count for nothing. Percentages are of the
  minutes with a roll call: lessons without one are counted apart (notTaken…), never as presence.
  """
  type AbsenceFigures {
    lessons: Int!
    scheduledMinutes: Int!
    recordedMinutes: Int!
    absentMinutes: Int!
    validAbsentMinutes: Int!
    unexcusedAbsentMinutes: Int!
    lateCount: Int!
    lateMinutes: Int!
    notTakenLessons: Int!
    notTakenMinutes: Int!
    absencePercent: Float!
    validPercent: Float!
    unexcusedPercent: Float!
  }

  type SubjectAbsence {
    subjectCode: String!
    subjectName(locale: Locale): String!
    figures: AbsenceFigures!
  }

  type WeekAbsence {
    isoYear: Int!
    isoWeek: Int!
    "e.g. 2026-W48"
    label: String!
    figures: AbsenceFigures!
  }

  type WeekdayAbsence {
    "1 = Monday … 5 = Friday"
    weekday: Int!
    figures: AbsenceFigures!
  }

  type AbsenceThresholds {
    warningPercent: Int!
    alarmPercent: Int!
  }

  type StudentAbsenceStatistics {
    studentId: ID!
    from: String!
    to: String!
    total: AbsenceFigures!
    level: AbsenceLevel!
    thresholds: AbsenceThresholds!
    bySubject: [SubjectAbsence!]!
    byWeek: [WeekAbsence!]!
    byWeekday: [WeekdayAbsence!]!
  }

  type ClassStudentAbsence {
    studentId: ID!
    firstName: String!
    lastName: String!
    "The last day of the student's membership of the class, when it ended in the range (or before today): they left the class; null while a member."
    leftOn: String
    total: AbsenceFigures!
    level: AbsenceLevel!
    bySubject: [SubjectAbsence!]!
  }

  type ClassAbsenceStatistics {
    classId: ID!
    className: String!
    from: String!
    to: String!
    thresholds: AbsenceThresholds!
    total: AbsenceFigures!
    students: [ClassStudentAbsence!]!
  }

  type ClassAbsenceSummary {
    classId: ID!
    className: String!
    students: Int!
    figures: AbsenceFigures!
    level: AbsenceLevel!
  }

  type SchoolAbsenceStatistics {
    schoolId: ID!
    schoolName: String!
    from: String!
    to: String!
    thresholds: AbsenceThresholds!
    total: AbsenceFigures!
    byClass: [ClassAbsenceSummary!]!
    byWeek: [WeekAbsence!]!
  }

  type CsnStudent {
    studentId: ID!
    firstName: String!
    lastName: String!
    className: String
    unexcusedAbsentMinutes: Int!
    recordedMinutes: Int!
    notTakenLessons: Int!
  }

  "Upper secondary: students whose unexcused absence in the month reached the school's threshold (CSN)."
  type CsnReport {
    schoolId: ID!
    "YYYY-MM"
    month: String!
    thresholdMinutes: Int!
    students: [CsnStudent!]!
  }

  "A school whose absence the viewer may read (form: COMPULSORY or UPPER_SECONDARY; CSN is for upper secondary)."
  type StatisticsSchool {
    id: ID!
    name: String!
    form: String!
  }

  extend type Query {
    "The schools whose absence statistics the viewer may read: a principal's school, every school of their organisation for administrators."
    absenceSchools: [StatisticsSchool!]! @access(rule: STAFF)
    "For the student, their guardians (rule 2 applies), and the mentor, principal and administrators."
    studentAbsenceStatistics(studentId: ID!, range: StatisticsRangeInput!): StudentAbsenceStatistics! @access(rule: SIGNED_IN)
    "For the class's mentor, the school's principal and administrators."
    classAbsenceStatistics(classId: ID!, range: StatisticsRangeInput!): ClassAbsenceStatistics! @access(rule: STAFF)
    "For the school's principal and administrators."
    schoolAbsenceStatistics(schoolId: ID!, range: StatisticsRangeInput!): SchoolAbsenceStatistics! @access(rule: STAFF)
    csnReport(schoolId: ID!, month: String!): CsnReport! @access(rule: STAFF)
  }

  "Which of the student's absence marks: absent or late; valid (with a reason) or unexcused; one subject, ISO week or weekday."
  input AbsenceLessonFilter {
    "ABSENT or LATE; PRESENT is refused"
    status: AttendanceStatus
    "true: valid absence (a reason is recorded); false: unexcused"
    valid: Boolean
    subjectCode: String
    "e.g. 2026-W48"
    week: String
    "1 = Monday … 7 = Sunday"
    weekday: Int
  }

  "A lesson the student was marked absent or late in, as the absence figures count it."
  type AbsenceLesson {
    lessonId: ID!
    date: String!
    startsAt: String!
    endsAt: String!
    "The lesson's length."
    minutes: Int!
    "What the lesson adds to absentMinutes: all of it when absent, the minutes late (at most the lesson) when late."
    absentMinutes: Int!
    subjectCode: String!
    "In the query's locale (default: the viewer's)."
    subjectName: String!
    groupName: String!
    teacherNames: [String!]!
    "ABSENT or LATE"
    status: AttendanceStatus!
    lateMinutes: Int
    "A valid reason is recorded (counted in validAbsentMinutes); otherwise unexcused."
    valid: Boolean!
    validReason: ValidAbsenceReason
    "What staff wrote with a reason they recorded (OTHER needs one)."
    validReasonNote: String
    "The viewer may report the student sick for the lesson's day now: unexcused, reported by the home, not further back than the school allows."
    mayReportSick: Boolean!
    "The viewer may record a reason that makes it valid, or take one staff recorded back (setAbsenceReason): the student's mentor or an administrator, where no sick report or leave decides."
    mayExcuse: Boolean!
  }

  type StudentAbsenceLessons {
    studentId: ID!
    from: String!
    to: String!
    "Lessons that have ended, latest first: the rows behind AbsenceFigures for the same range and filter."
    lessons: [AbsenceLesson!]!
    "Marked absent or late in lessons that have not ended yet: in the figures once they end."
    notEnded: [AbsenceLesson!]!
  }

  extend type Query {
    "The lessons behind a student's absence figures; for those who may read the student's absence statistics."
    studentAbsenceLessons(
      studentId: ID!
      range: StatisticsRangeInput!
      filter: AbsenceLessonFilter
      locale: Locale
    ): StudentAbsenceLessons! @access(rule: SIGNED_IN)
  }

  "Exactly one: a class (the lessons of its students), a school, or mine: true (the viewer's own lessons as teacher)."
  input MissingRollCallScope {
    classId: ID
    schoolId: ID
    mine: Boolean
  }

  "A lesson that ended without a roll call for some of its students (counted as in AbsenceFigures.notTakenLessons)."
  type MissingRollCall {
    lessonId: ID!
    date: String!
    startsAt: String!
    endsAt: String!
    subjectCode: String!
    "In the query's locale (default: the viewer's)."
    subjectName: String!
    groupName: String!
    teacherNames: [String!]!
    "Students of the lesson without attendance; for a class, only the class's students."
    missingStudents: Int!
    "The viewer may save its roll call now (a mentor or administrator late, with a reason; a teacher only on the day)."
    mayTakeNow: Boolean!
  }

  type MissingRollCalls {
    "The class's or the school's name; null for mine."
    name: String
    from: String!
    to: String!
    "Latest first."
    lessons: [MissingRollCall!]!
    "More lessons than listed are missing a roll call."
    truncated: Boolean!
  }

  extend type Query {
    "Class: for those who may read its absence; school: its principal and administrators; mine: staff."
    lessonsWithoutRollCall(scope: MissingRollCallScope!, range: StatisticsRangeInput!, locale: Locale): MissingRollCalls!
      @access(rule: STAFF)
  }
`;
