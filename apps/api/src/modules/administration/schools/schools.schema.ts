import gql from 'graphql-tag';

// The administrator's schools (skolenheter) and the rules each sets for leave, sick reports, absence
// statistics, the CSN list and grade warnings. Refusals: BAD_USER_INPUT with `problems` per field —
// name REQUIRED/TOO_LONG, unitCode INVALID_UNIT_CODE/DUPLICATE; each setting NOT_A_WHOLE_NUMBER/OUT_OF_RANGE,
// absenceWarningPercent WARNING_ABOVE_ALARM.
export const schoolsTypeDefs = gql`
  enum SchoolForm {
    "grundskola"
    COMPULSORY
    "gymnasieskola"
    UPPER_SECONDARY
  }

  "A school of the administrator's organisation, with its settings."
  type AdministeredSchool {
    id: ID!
    name: String!
    "Skolverket's skolenhetskod, eight digits"
    unitCode: String!
    form: SchoolForm!
    "students registered at the school"
    studentCount: Int!
    settings: SchoolSettings!
  }

  type SchoolSettings {
    "leave of up to this many school days is decided by the mentor, longer by the principal"
    mentorLeaveDayLimit: Int!
    "how many days back a guardian may report sickness (0: from today only)"
    sickReportDaysBack: Int!
    "absence statistics mark students at or above these percentages"
    absenceWarningPercent: Int!
    absenceAlarmPercent: Int!
    "unexcused absence in a month at or above this is listed for the report to CSN"
    csnThresholdMinutes: Int!
    "school days the school has to contact the home after a grade warning"
    gradeWarningContactDays: Int!
    "messages home (but confirmations of the guardian's own reports) wait from this whole local hour (0–23) until quietHoursUntil; equal hours: none"
    quietHoursFrom: Int!
    quietHoursUntil: Int!
  }

  input SchoolInput {
    name: String!
    unitCode: String!
    form: SchoolForm!
  }

  input SchoolSettingsInput {
    mentorLeaveDayLimit: Int!
    sickReportDaysBack: Int!
    absenceWarningPercent: Int!
    absenceAlarmPercent: Int!
    csnThresholdMinutes: Int!
    gradeWarningContactDays: Int!
    "left as they are when not given"
    quietHoursFrom: Int
    quietHoursUntil: Int
  }

  enum SchoolSortField {
    NAME
    UNIT_CODE
    FORM
    STUDENT_COUNT
  }

  input SchoolSort {
    field: SchoolSortField!
    direction: SortDirection!
  }

  type AdministeredSchoolPage {
    items: [AdministeredSchool!]!
    pageInfo: PageInfo!
  }

  extend type Query {
    "The organisation's schools; search matches the name or the unit code."
    administeredSchools(search: String, sort: SchoolSort, page: PageInput): AdministeredSchoolPage! @access(rule: STAFF)
    administeredSchool(id: ID!): AdministeredSchool! @access(rule: STAFF)
  }

  extend type Mutation {
    createSchool(input: SchoolInput!): AdministeredSchool! @access(rule: STAFF)
    updateSchool(id: ID!, input: SchoolInput!): AdministeredSchool! @access(rule: STAFF)
    updateSchoolSettings(id: ID!, input: SchoolSettingsInput!): AdministeredSchool! @access(rule: STAFF)
  }
`;
