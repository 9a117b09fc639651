import gql from 'graphql-tag';

export const routinesTypeDefs = gql`
  "A class's figures; class null for the school's students without a class."
  type ClassRoutine {
    classId: ID
    className: String
    "Subject assessments expected this term: one per current member of each teaching group whose year is assessed."
    expectedAssessments: Int!
    "Of those, published to the home."
    publishedAssessments: Int!
    openWarnings: Int!
    "open grade warnings with no recorded contact with the home"
    warningsWithoutContact: Int!
    "open, without contact, and past the school's number of school days"
    overdueWarnings: Int!
    "support decisions of the students (all, not only this term's)"
    supportDecisions: Int!
    "support decisions no guardian, nor the student, has confirmed reading"
    unacknowledgedDecisions: Int!
  }

  "Whether the routines of rule 6 (the home must know in time) were kept this term; the figures as for a class."
  type SchoolRoutine {
    schoolId: ID!
    schoolName: String!
    "the term the assessment figures are for (the current one); null before the first term"
    term: Term
    expectedAssessments: Int!
    publishedAssessments: Int!
    openWarnings: Int!
    warningsWithoutContact: Int!
    overdueWarnings: Int!
    supportDecisions: Int!
    unacknowledgedDecisions: Int!
    "by class name; students without a class last"
    classes: [ClassRoutine!]!
  }

  extend type Query {
    "One school's routine: its principal and administrators; NOT_FOUND for anyone else."
    schoolRoutine(schoolId: ID!): SchoolRoutine! @access(rule: STAFF)
    "Every school the viewer follows up, side by side: their organisation's for administrators, their own for principals; empty for others."
    schoolRoutines: [SchoolRoutine!]! @access(rule: STAFF)
  }
`;
