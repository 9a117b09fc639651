import gql from 'graphql-tag';

export const leaveTypeDefs = gql`
  enum LeaveStatus {
    PENDING
    APPROVED
    REJECTED
    WITHDRAWN
  }

  "Who decides: the mentor up to the school's limit of school days, the principal above it."
  enum LeaveDecider {
    MENTOR
    PRINCIPAL
  }

  "ledighetsansökan"
  type LeaveApplication {
    id: ID!
    studentId: ID!
    studentName: String!
    className: String
    "YYYY-MM-DD, inclusive"
    fromDate: String!
    toDate: String!
    schoolDays: Int!
    reason: String!
    status: LeaveStatus!
    decider: LeaveDecider!
    appliedBy: String!
    createdAt: String!
    decidedBy: String
    decidedAt: String
    decisionNote: String
    "The home may withdraw a pending application, or approved leave before its first day."
    canWithdraw: Boolean!
    "Whether the viewer may decide it now."
    canDecide: Boolean!
  }

  "How the student's school decides leave, for the home before it applies."
  type LeaveRules {
    "The mentor decides leave of up to this many school days; the principal decides longer leave."
    mentorDayLimit: Int!
  }

  input LeaveApplicationInput {
    studentId: ID!
    fromDate: String!
    toDate: String!
    reason: String!
  }

  extend type Query {
    "A student's leave applications, newest first."
    leaveApplications(studentId: ID!): [LeaveApplication!]! @access(rule: SIGNED_IN)
    "For those who may read the student's leave applications; others get NOT_FOUND, as for an unknown id."
    leaveRules(studentId: ID!): LeaveRules! @access(rule: SIGNED_IN)
    "Pending applications the logged-in mentor or principal may decide, oldest first."
    leaveApplicationsToDecide: [LeaveApplication!]! @access(rule: STAFF)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: INVALID_DATE, END_BEFORE_START, TOO_FAR_BACK, TOO_FAR_AHEAD,
  # TOO_LONG, NO_SCHOOL_DAYS, REASON_REQUIRED, REASON_TOO_LONG, OVERLAPPING_LEAVE (applying); NOT_WITHDRAWABLE;
  # NOTE_REQUIRED, NOTE_TOO_LONG, ALREADY_DECIDED (deciding). A mentor asked to decide the principal's leave gets FORBIDDEN.
  extend type Mutation {
    applyForLeave(input: LeaveApplicationInput!): LeaveApplication! @access(rule: SIGNED_IN)
    withdrawLeaveApplication(id: ID!): LeaveApplication! @access(rule: SIGNED_IN)
    "Approves or rejects; the guardians are told. A note is required when rejecting."
    decideLeaveApplication(id: ID!, approve: Boolean!, note: String): LeaveApplication! @access(rule: STAFF)
  }
`;
