import gql from 'graphql-tag';

export const groupsTypeDefs = gql`
  enum GroupKind {
    CLASS
    TEACHING
  }

  type GroupMentor {
    id: ID!
    name: String!
    email: String
  }

  type GroupMember {
    id: ID!
    firstName: String!
    lastName: String!
    "Shown only to staff whose duties cover the group."
    personalIdentityNumber: String
  }

  type Group {
    id: ID!
    name: String!
    kind: GroupKind!
    schoolName: String!
    yearLevel: Int
    mentors: [GroupMentor!]!
    "Current members, sorted by last name."
    students: [GroupMember!]!
  }

  type GroupSummary {
    id: ID!
    name: String!
    kind: GroupKind!
    schoolName: String!
    studentCount: Int!
  }

  extend type Query {
    "A class or teaching group with its list; an unknown id and a forbidden one give the same NOT_FOUND error."
    group(id: ID!): Group! @access(rule: SIGNED_IN)
    "The classes and groups the viewer may open, e.g. a mentor's class or a principal's school."
    myGroups: [GroupSummary!]! @access(rule: SIGNED_IN)
    """
    The mentors of the student's class today, whom the home and the student ask about absence and the school day.
    An unknown id and a forbidden one give the same NOT_FOUND error.
    """
    studentMentors(studentId: ID!): [GroupMentor!]! @access(rule: SIGNED_IN)
  }
`;
