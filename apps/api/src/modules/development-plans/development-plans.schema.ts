import gql from 'graphql-tag';

export const developmentPlansTypeDefs = gql`
  "One subject's part of an IUP, written by a teacher of the subject."
  type DevelopmentPlanEntry {
    subjectId: ID!
    "In the given locale (default: the viewer's)."
    subjectName(locale: Locale): String!
    "where the student stands now"
    standing: String!
    "the goals ahead"
    goals: String!
    authoredBy: String!
    updatedAt: String!
  }

  "IUP, individuell utvecklingsplan: compulsory school years 1–9, one per student and term."
  type DevelopmentPlan {
    "null while nothing has been written this term"
    id: ID
    studentId: ID!
    studentName: String!
    term: Term!
    "the mentor's summary and overall goals"
    summary: String
    "by subject name"
    entries: [DevelopmentPlanEntry!]!
    updatedAt: String
    publishedAt: String
    publishedBy: String
    "Changed after it was last published; the home sees the change at once."
    updatedAfterPublishing: Boolean!
  }

  "A subject the student is taught this term (or has an entry in), and whether the viewer writes its entry."
  type DevelopmentPlanSubject {
    subjectId: ID!
    subjectName(locale: Locale): String!
    "the student's current teaching groups in the subject"
    groupNames: [String!]!
    entry: DevelopmentPlanEntry
    canWrite: Boolean!
  }

  "The current term's IUP as the staff who write it see it."
  type DevelopmentPlanWork {
    plan: DevelopmentPlan!
    subjects: [DevelopmentPlanSubject!]!
    "the viewer is the mentor of the student's class: writes the summary and publishes"
    isMentor: Boolean!
  }

  "A student's published IUPs; applies is false for students without an IUP (upper secondary, förskoleklass)."
  type StudentDevelopmentPlans {
    studentId: ID!
    applies: Boolean!
    "newest term first"
    plans: [DevelopmentPlan!]!
  }

  "A student of a group with the state of their IUP this term."
  type DevelopmentPlanStatus {
    studentId: ID!
    firstName: String!
    lastName: String!
    applies: Boolean!
    "entries written this term"
    entries: Int!
    hasSummary: Boolean!
    publishedAt: String
    updatedAfterPublishing: Boolean!
  }

  input DevelopmentPlanEntryInput {
    studentId: ID!
    subjectId: ID!
    standing: String!
    goals: String!
  }

  extend type Query {
    "Published IUPs: the student, guardians under rule 2, the mentor, principal and administrators."
    studentDevelopmentPlans(studentId: ID!): StudentDevelopmentPlans! @access(rule: SIGNED_IN)
    "This term's IUP, drafts included: the student's teachers, mentor, principal and administrators. Upper secondary: BAD_USER_INPUT NOT_COMPULSORY_SCHOOL."
    developmentPlanWork(studentId: ID!): DevelopmentPlanWork! @access(rule: STAFF)
    "The members of a class or teaching group with their IUP's state this term; for those who read the group's assessments."
    groupDevelopmentPlans(groupId: ID!): [DevelopmentPlanStatus!]! @access(rule: STAFF)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: NOT_COMPULSORY_SCHOOL, STANDING_REQUIRED, STANDING_TOO_LONG,
  # GOALS_REQUIRED, GOALS_TOO_LONG (entry); SUMMARY_REQUIRED, SUMMARY_TOO_LONG (summary, publishing); ALREADY_PUBLISHED.
  # Someone who may not write the entry or publish gets NOT_FOUND, as for a student who does not exist.
  extend type Mutation {
    "A teacher of the subject's group writes this term's entry for the subject (also after publishing)."
    saveDevelopmentPlanEntry(input: DevelopmentPlanEntryInput!): DevelopmentPlanWork! @access(rule: STAFF)
    "The mentor writes this term's summary."
    saveDevelopmentPlanSummary(studentId: ID!, summary: String!): DevelopmentPlanWork! @access(rule: STAFF)
    "The mentor publishes this term's plan (again, after changes); guardians who opted in are told."
    publishDevelopmentPlan(studentId: ID!): DevelopmentPlanWork! @access(rule: STAFF)
  }
`;
