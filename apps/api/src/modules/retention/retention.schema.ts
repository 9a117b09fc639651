import gql from 'graphql-tag';

// Gallring (retention), for the organisation's administrators: how long each kind of record is kept, what would go
// today, the nightly deletion, a run by hand, and the runs so far. Refusals: BAD_USER_INPUT with `problems` per kind —
// NOT_A_WHOLE_NUMBER / OUT_OF_RANGE / REQUIRED (a kind that is never kept) / DUPLICATE; a run while one is under way,
// `{ field: 'run', code: 'ALREADY_RUNNING' }`, and one not confirmed, `{ field: 'confirm', code: 'REQUIRED' }`.
export const retentionTypeDefs = gql`
  "A kind of record the policy sets a period for."
  enum RetentionKind {
    "närvaro och frånvaro: roll calls, their history and the absence figures"
    ATTENDANCE
    SICK_REPORTS
    LEAVE_APPLICATIONS
    NEWS
    "tasks' results and subject assessments"
    ASSESSMENTS
    "grade warnings and the contacts with the home"
    GRADE_WARNINGS
    "IUPs"
    DEVELOPMENT_PLANS
    SUPPORT_DECISIONS
    "messages to the home, sent or given up"
    MESSAGES
    AUDIT_EVENTS
    "other systems' calls over SS 12000 (the API clients' log)"
    API_CALLS
    "student-list imports and SS 12000 runs, with the records each changed; the latest stay"
    IMPORTS
    "expired sessions, and expired activation codes and password links"
    SESSIONS
    """
    students who have left, with their account, classes and guardianships, and the guardians of none but them: school
    years after the one in which the student's last class or group ended, once nothing else of theirs is kept
    """
    FORMER_STUDENTS
  }

  enum RetentionUnit {
    "after the school year the record belongs to (August–July) ends"
    SCHOOL_YEARS
    "after the record's date"
    MONTHS
  }

  type RetentionPeriod {
    kind: RetentionKind!
    unit: RetentionUnit!
    "null: kept, never deleted by Insyn"
    keep: Int
    "the period of a policy nobody has changed; null: kept"
    defaultKeep: Int
    min: Int!
    max: Int!
    "false: the kind must have a period"
    mayKeep: Boolean!
  }

  type RetentionPolicy {
    periods: [RetentionPeriod!]!
    "deletion every night, from 03:00 school time"
    nightlyDeletion: Boolean!
    "null while the defaults have never been changed"
    changedAt: String
    changedByName: String
  }

  input RetentionPeriodInput {
    kind: RetentionKind!
    "null: kept"
    keep: Int
  }

  "The periods to change; kinds not given stay as they are."
  input RetentionPolicyInput {
    periods: [RetentionPeriodInput!]!
  }

  type RetentionYearCount {
    "e.g. 2022/23"
    schoolYear: String!
    count: Int!
    "YYYY-MM-DD"
    oldest: String!
    newest: String!
  }

  type RetentionDueKind {
    kind: RetentionKind!
    unit: RetentionUnit!
    keep: Int
    "records dated before this day go; null: kept"
    cutoff: String
    "records that would go now"
    total: Int!
    years: [RetentionYearCount!]!
  }

  "What a run would delete now: nothing is deleted by asking."
  type RetentionDryRun {
    today: String!
    total: Int!
    kinds: [RetentionDueKind!]!
  }

  enum RetentionRunOutcome {
    RUNNING
    COMPLETED
    "stopped: what it had deleted is gone, the rest is left for the next run"
    FAILED
  }

  type RetentionRunCount {
    kind: RetentionKind!
    "the table, e.g. Attendance, AttendanceChange, AbsenceDay"
    table: String!
    deleted: Int!
  }

  type RetentionRun {
    id: ID!
    startedAt: String!
    finishedAt: String
    "null: the nightly run"
    startedByName: String
    nightly: Boolean!
    outcome: RetentionRunOutcome!
    deleted: Int!
    counts: [RetentionRunCount!]!
  }

  extend type Query {
    retentionPolicy: RetentionPolicy! @access(rule: STAFF)
    retentionDryRun: RetentionDryRun! @access(rule: STAFF)
    "The latest runs, newest first."
    retentionRuns: [RetentionRun!]! @access(rule: STAFF)
  }

  extend type Mutation {
    updateRetentionPolicy(input: RetentionPolicyInput!): RetentionPolicy! @access(rule: STAFF)
    setRetentionNightly(on: Boolean!): RetentionPolicy! @access(rule: STAFF)
    "Starts deleting what is due now (confirm must be true); answers at once, RUNNING: follow it with retentionRuns."
    runRetention(confirm: Boolean!): RetentionRun! @access(rule: STAFF)
  }
`;
