import gql from 'graphql-tag';

export const gradeWarningsTypeDefs = gql`
  "How the school reached the home."
  enum ContactMethod {
    PHONE
    MEETING
    DIGITAL_MEETING
    EMAIL
    LETTER
  }

  type GradeWarningStudent {
    id: ID!
    name: String!
  }

  "One contact with the home about a grade warning."
  type GradeWarningContact {
    id: ID!
    "ISO 8601 instant"
    contactedAt: String!
    method: ContactMethod!
    withWhom: String!
    agreed: String!
    "the staff member who made the contact"
    contactedBy: String!
  }

  "varning för underkänt betyg: the student risks an F in the subject of a teaching group"
  type GradeWarning {
    id: ID!
    student: GradeWarningStudent!
    "In the given locale (default: the viewer's)."
    subjectName(locale: Locale): String!
    "the teaching group the warning was issued in"
    groupId: ID!
    groupName: String!
    "what the student must still show or hand in"
    missing: String!
    issuedAt: String!
    issuedBy: String!
    "oldest first"
    contacts: [GradeWarningContact!]!
    "Open, no contact recorded, and more than the school's number of school days since it was issued."
    overdue: Boolean!
    closedAt: String
    closedBy: String
    closeNote: String
  }

  "A class's open grade warnings; class null for students without a class."
  type ClassGradeWarnings {
    classId: ID
    className: String
    open: Int!
    withoutContact: Int!
    overdue: Int!
  }

  "The principal's follow-up: every open warning must lead to contact with the home in time."
  type GradeWarningRoutine {
    schoolId: ID!
    "School days the school has to contact the home (School.gradeWarningContactDays)."
    contactDays: Int!
    open: Int!
    withoutContact: Int!
    overdue: Int!
    "by class name"
    classes: [ClassGradeWarnings!]!
    "oldest first"
    overdueWarnings: [GradeWarning!]!
  }

  input GradeWarningInput {
    studentId: ID!
    "a teaching group the student belongs to and the viewer teaches; the warning is for its subject"
    groupId: ID!
    missing: String!
  }

  input GradeWarningContactInput {
    warningId: ID!
    "ISO 8601 instant, e.g. 2026-11-25T14:30:00+01:00"
    contactedAt: String!
    method: ContactMethod!
    withWhom: String!
    agreed: String!
  }

  extend type Query {
    "The student's grade warnings, newest first: the student, guardians under rule 2, the mentor, principal, administrators."
    studentGradeWarnings(studentId: ID!): [GradeWarning!]! @access(rule: SIGNED_IN)
    "A teaching group's warnings (its teachers), or a class's students' warnings (its mentor); the principal and administrators see both."
    groupGradeWarnings(groupId: ID!): [GradeWarning!]! @access(rule: STAFF)
    "For the school's principal and administrators."
    schoolGradeWarningRoutine(schoolId: ID!): GradeWarningRoutine! @access(rule: STAFF)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: NOT_A_TEACHING_GROUP, GROUP_WITHOUT_SUBJECT, MISSING_REQUIRED,
  # MISSING_TOO_LONG (issuing); INVALID_TIME, IN_THE_FUTURE, BEFORE_WARNING, UNKNOWN_METHOD, WITH_WHOM_REQUIRED,
  # WITH_WHOM_TOO_LONG, AGREED_REQUIRED, AGREED_TOO_LONG (contact); NOTE_REQUIRED, NOTE_TOO_LONG, ALREADY_CLOSED (closing).
  # Someone who may not act on the student or warning gets NOT_FOUND, as for one that does not exist.
  extend type Mutation {
    "A teacher of the group warns; the guardians are told at once."
    issueGradeWarning(input: GradeWarningInput!): GradeWarning! @access(rule: STAFF)
    "The group's teachers, the student's mentor or the principal record a contact with the home."
    recordGradeWarningContact(input: GradeWarningContactInput!): GradeWarning! @access(rule: STAFF)
    "Resolved or withdrawn, with a note saying which and why; by those who may record contacts."
    closeGradeWarning(warningId: ID!, note: String!): GradeWarning! @access(rule: STAFF)
  }
`;
