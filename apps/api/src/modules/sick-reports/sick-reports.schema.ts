import gql from 'graphql-tag';

export const sickReportsTypeDefs = gql`
  enum ReportChannel {
    WEB
    PHONE
    "The home told the school (a guardian called the mentor), and staff registered the report in its stead."
    STAFF
  }

  "sjukanmälan"
  type SickReport {
    id: ID!
    studentId: ID!
    studentName: String!
    "YYYY-MM-DD, inclusive"
    fromDate: String!
    toDate: String!
    "HH:MM, for part of a day; null for whole days"
    fromTime: String
    toTime: String
    channel: ReportChannel!
    "The guardian's or the student's name; for STAFF, the staff member who registered it."
    reportedBy: String!
    note: String
    createdAt: String!
    withdrawnAt: String
    "The student's lessons in the span."
    coveredLessonCount: Int!
    "Whether the viewer may withdraw it (made by mistake): the home, or staff who may report for it, until the span has ended."
    canWithdraw: Boolean!
  }

  input SickReportInput {
    studentId: ID!
    fromDate: String!
    toDate: String!
    fromTime: String
    toTime: String
    note: String
  }

  "What the sick-report form shows before a report is sent."
  type SickReportCheck {
    "The student's lessons in the span (cancelled ones not counted); none means no school then, e.g. a weekend or a break."
    lessonCount: Int!
    "A report that already covers the whole span: sending this one would be refused as ALREADY_REPORTED."
    coveringReport: SickReport
  }

  extend type Query {
    "A student's sick reports, newest first."
    sickReports(studentId: ID!): [SickReport!]! @access(rule: SIGNED_IN)
    "Checks a report before it is sent, with the same refusals as reportSick."
    checkSickReport(input: SickReportInput!): SickReportCheck! @access(rule: SIGNED_IN)
    "The date the form proposes: the day of the student's next lesson that has not ended (tomorrow after the school day), or today."
    proposedSickReportDate(studentId: ID!): String! @access(rule: SIGNED_IN)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: INVALID_DATE, INVALID_TIME, END_BEFORE_START, TOO_FAR_BACK (the
  # school's sickReportDaysBack), TOO_FAR_AHEAD, TOO_LONG, PART_OF_DAY_NEEDS_ONE_DATE; ALREADY_REPORTED (a report covers the
  # whole span; extensions.reportId is that report); ALREADY_WITHDRAWN, ALREADY_ENDED.
  extend type Mutation {
    """
    A guardian reports a child sick (or an adult student themself): today, days back the school allows, or up to a month
    ahead. The student's mentor or an administrator registers the report a guardian phoned in, with the same checks and
    the same confirmation to the guardians (channel STAFF). Anyone else: NOT_FOUND.
    """
    reportSick(input: SickReportInput!): SickReport! @access(rule: SIGNED_IN)
    withdrawSickReport(id: ID!): SickReport! @access(rule: SIGNED_IN)
  }
`;
