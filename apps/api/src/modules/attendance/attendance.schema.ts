import gql from 'graphql-tag';

export const attendanceTypeDefs = gql`
  enum AttendanceStatus {
    PRESENT
    ABSENT
    LATE
  }

  enum ValidAbsenceReason {
    SICK
    LEAVE
    SCHOOL_ACTIVITY
    OTHER
  }

  "not taken, taken, or changed after it was first taken"
  enum RollCallState {
    NOT_TAKEN
    TAKEN
    CHANGED
  }

  type TeacherLesson {
    id: ID!
    date: String!
    startsAt: String!
    endsAt: String!
    subjectCode: String!
    subjectName(locale: Locale): String!
    groupName: String!
    room: String
    status: LessonStatus!
    rollCallState: RollCallState!
    "True once the lesson has ended without a roll call."
    rollCallOverdue: Boolean!
    studentCount: Int!
  }

  "What the home said ahead for a span that covers a lesson: a sick report, or leave the school approved."
  type ReportedAbsence {
    "SICK or LEAVE"
    reason: ValidAbsenceReason!
    "Local school dates, inclusive."
    fromDate: String!
    toDate: String!
    "Part of one day: local times HH:MM on the one date; null for whole days."
    fromTime: String
    toTime: String
  }

  type RollCallStudent {
    id: ID!
    firstName: String!
    lastName: String!
    className: String
    "The saved attendance, or null while no roll call covers the student."
    status: AttendanceStatus
    lateMinutes: Int
    note: String
    "The saved reason that makes the absence valid."
    validReason: ValidAbsenceReason
    "A sick report or approved leave covering the lesson, known before the roll call is saved: the student is absent with that reason unless marked otherwise."
    reportedAbsence: ReportedAbsence
  }

  type RollCall {
    lesson: TeacherLesson!
    durationMinutes: Int!
    students: [RollCallStudent!]!
    "Whether saving now needs a reason (a correction after the lesson's day)."
    reasonRequired: Boolean!
    "Why the viewer may not save, if they may not: NOT_YOUR_LESSON, TOO_EARLY, TOO_LATE_FOR_TEACHER, LESSON_CANCELLED."
    cannotSaveBecause: String
    """
    A proof that the viewer held this roll call on the lesson's day: kept on the device with the roll call and sent
    (offlineProof) with a save, so that one taken offline that day still counts for it when it arrives later (within
    4 days). Given only on the lesson's day to those who may save then without a reason; null otherwise.
    """
    offlineProof: String
    history: [AttendanceChange!]!
  }

  type AttendanceChange {
    studentId: ID!
    studentName: String!
    changedAt: String!
    changedBy: String!
    beforeStatus: AttendanceStatus
    beforeLateMinutes: Int
    afterStatus: AttendanceStatus!
    afterLateMinutes: Int
    reason: String
    "Set when the change arrived after the lesson's day, taken offline on the day (a late arrival): when the device took it. changedAt is its arrival."
    takenOfflineAt: String
  }

  input RollCallEntryInput {
    studentId: ID!
    status: AttendanceStatus!
    lateMinutes: Int
    note: String
  }

  input SaveRollCallInput {
    "Made on the device; a resent submission with the same id changes nothing the second time."
    submissionId: ID!
    lessonId: ID!
    entries: [RollCallEntryInput!]!
    "Required for a correction after the lesson's day."
    reason: String
    """
    When the teacher saved it on the device (ISO 8601). Refused when later than its arrival (beyond 5 minutes of clock
    skew): BAD_USER_INPUT, problem TAKEN_AT_IN_FUTURE.
    """
    takenAt: String
    """
    The roll call's offlineProof as the device got it. A save arriving after the lesson's day counts for that day as a
    late arrival, without a reason, only with a proof for this lesson and user issued on the lesson's day, a takenAt on
    that day not before the lesson began (15 minutes' tolerance), and an arrival within 4 days; otherwise it is a
    correction after the day (a reason, the mentor or an administrator). A late save is refused (BAD_USER_INPUT,
    extensions.problems) with OFFLINE_PROOF_INVALID (not signed by the server), OFFLINE_PROOF_MISMATCH (another lesson or
    user) or TAKEN_AT_BEFORE_LESSON. On the lesson's day the proof is not needed and not read.
    """
    offlineProof: String
  }

  type SaveRollCallResult {
    submissionId: ID!
    "False when this submission had already been saved (a resend)."
    applied: Boolean!
    changedCount: Int!
    rollCall: RollCall!
  }

  type ClassDayLesson {
    lessonId: ID!
    subjectCode: String!
    startsAt: String!
    endsAt: String!
    status: LessonStatus!
    rollCallState: RollCallState!
    rollCallOverdue: Boolean!
    "Some of its roll call arrived after the lesson's day, taken offline on the day (a late arrival)."
    arrivedLate: Boolean!
  }

  type ClassDayMark {
    lessonId: ID!
    status: AttendanceStatus!
    lateMinutes: Int
    unexcused: Boolean!
  }

  type ClassDayStudent {
    id: ID!
    firstName: String!
    lastName: String!
    marks: [ClassDayMark!]!
    unexcusedAbsenceCount: Int!
    lateCount: Int!
    "Late twice or more today."
    repeatedLateness: Boolean!
    "Sick reports and approved leave covering any part of the day."
    reportedAbsences: [ReportedAbsence!]!
    "The viewer may register a sick report the home gives the school by phone (the student's mentor, an administrator)."
    mayReportSick: Boolean!
  }

  type ClassDay {
    classId: ID!
    className: String!
    date: String!
    lessons: [ClassDayLesson!]!
    students: [ClassDayStudent!]!
  }

  extend type Query {
    "The lessons the staff member teaches on a date (default today), with their roll-call state."
    myLessons(date: String): [TeacherLesson!]! @access(rule: STAFF)
    rollCall(lessonId: ID!): RollCall! @access(rule: STAFF)
    "A mentor's class across a day's lessons."
    classDay(classId: ID!, date: String): ClassDay! @access(rule: STAFF)
  }

  input AbsenceReasonInput {
    lessonId: ID!
    studentId: ID!
    "SCHOOL_ACTIVITY or OTHER (with a note); null makes the absence unexcused again. SICK and LEAVE come from the home's reports."
    reason: ValidAbsenceReason
    note: String
  }

  "A reason staff recorded for an absence or lateness."
  type AbsenceReason {
    lessonId: ID!
    studentId: ID!
    status: AttendanceStatus!
    reason: ValidAbsenceReason
    note: String
    unexcused: Boolean!
  }

  extend type Mutation {
    saveRollCall(input: SaveRollCallInput!): SaveRollCallResult! @access(rule: STAFF)
    """
    The student's mentor or an administrator records why an absence or lateness is valid (or that it is not, after
    all). Refusals: BAD_USER_INPUT with extensions.problems NOT_ABSENT, REPORTED_BY_HOME (a sick report or approved
    leave decides), UNKNOWN_REASON, NOTE_REQUIRED, NOTE_TOO_LONG; NOT_FOUND for a student the viewer may not excuse
    or a lesson without the student's mark.
    """
    setAbsenceReason(input: AbsenceReasonInput!): AbsenceReason! @access(rule: STAFF)
  }
`;
