import gql from 'graphql-tag';

export const peopleTypeDefs = gql`
  type StudentSummary {
    id: ID!
    firstName: String!
    lastName: String!
    "The student's home class, e.g. 7B."
    className: String
    classId: ID
    schoolName: String!
  }

  type Student {
    id: ID!
    firstName: String!
    lastName: String!
    "Shown only to staff whose duties cover the student; null for everyone else."
    personalIdentityNumber: String
    isAdult: Boolean!
    className: String
    classId: ID
    schoolName: String!
  }

  extend type Viewer {
    "A student of age (18 or over), who reports their own sickness and decides their guardians' access; false for anyone else."
    isAdultStudent: Boolean!
  }

  extend type Query {
    "One student the viewer may see; an unknown id and a forbidden one give the same NOT_FOUND error."
    student(id: ID!): Student! @access(rule: SIGNED_IN)
  }
`;
