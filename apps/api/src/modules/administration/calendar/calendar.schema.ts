import gql from 'graphql-tag';

// The organisation's school calendar, which leave, sick reports and grade warnings count school days by:
// school years (läsår), their autumn and spring terms, and the breaks inside a term (lov, studiedagar).
// Refusals: BAD_USER_INPUT with `problems` per field — name REQUIRED/INVALID_NAME/NAME_NOT_START_YEAR/
// DUPLICATE/TOO_LONG; kind DUPLICATE/OUT_OF_ORDER; startDate/endDate INVALID_DATE, END_BEFORE_START, TOO_LONG,
// OVERLAPS, OUTSIDE_SCHOOL_YEAR, OUTSIDE_TERM, TERMS_OUTSIDE, BREAKS_OUTSIDE, LESSONS_OUTSIDE; deleting a year
// or term with groups, lessons, assessments or IUPs: id IN_USE.
export const schoolCalendarTypeDefs = gql`
  "A school year of the administrator's organisation, with its terms."
  type AdministeredSchoolYear {
    id: ID!
    "e.g. 2026/27"
    name: String!
    "YYYY-MM-DD"
    startDate: String!
    endDate: String!
    "autumn term first"
    terms: [AdministeredTerm!]!
    "whether groups, lessons or records belong to it, so it cannot be deleted"
    inUse: Boolean!
  }

  type AdministeredTerm {
    id: ID!
    kind: TermKind!
    startDate: String!
    endDate: String!
    "in date order"
    breaks: [AdministeredSchoolBreak!]!
    "whether lessons, a basic schedule, assessments or IUPs belong to it, so it cannot be deleted"
    inUse: Boolean!
  }

  "lov or studiedag: days inside a term without lessons"
  type AdministeredSchoolBreak {
    id: ID!
    name: String!
    startDate: String!
    endDate: String!
  }

  input SchoolYearInput {
    name: String!
    startDate: String!
    endDate: String!
  }

  input TermInput {
    kind: TermKind!
    startDate: String!
    endDate: String!
  }

  input SchoolBreakInput {
    name: String!
    startDate: String!
    endDate: String!
  }

  extend type Query {
    "The organisation's school years, the latest first, with their terms and breaks."
    schoolCalendar: [AdministeredSchoolYear!]! @access(rule: STAFF)
    administeredSchoolYear(id: ID!): AdministeredSchoolYear! @access(rule: STAFF)
  }

  extend type Mutation {
    createSchoolYear(input: SchoolYearInput!): AdministeredSchoolYear! @access(rule: STAFF)
    updateSchoolYear(id: ID!, input: SchoolYearInput!): AdministeredSchoolYear! @access(rule: STAFF)
    "Deletes a school year not in use, with its terms and breaks; answers the id."
    deleteSchoolYear(id: ID!): ID! @access(rule: STAFF)
    "Terms and breaks answer the school year they belong to, as it now is."
    createTerm(schoolYearId: ID!, input: TermInput!): AdministeredSchoolYear! @access(rule: STAFF)
    updateTerm(id: ID!, input: TermInput!): AdministeredSchoolYear! @access(rule: STAFF)
    "Deletes a term not in use, with its breaks."
    deleteTerm(id: ID!): AdministeredSchoolYear! @access(rule: STAFF)
    createSchoolBreak(termId: ID!, input: SchoolBreakInput!): AdministeredSchoolYear! @access(rule: STAFF)
    updateSchoolBreak(id: ID!, input: SchoolBreakInput!): AdministeredSchoolYear! @access(rule: STAFF)
    deleteSchoolBreak(id: ID!): AdministeredSchoolYear! @access(rule: STAFF)
  }
`;
