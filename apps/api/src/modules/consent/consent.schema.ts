import gql from 'graphql-tag';

export const consentTypeDefs = gql`
  enum ConsentChoiceKind {
    GIVEN
    WITHDRAWN
  }

  "One choice an adult student made for a guardian."
  type ConsentChoice {
    kind: ConsentChoiceKind!
    "ISO 8601 instant"
    at: String!
  }

  "One of the adult student's guardians, with whether they may see the student's data and the student's choices."
  type GuardianConsentState {
    guardianId: ID!
    firstName: String!
    lastName: String!
    "the guardian sees the student's data now"
    given: Boolean!
    "newest first"
    history: [ConsentChoice!]!
  }

  "Whether an adult student lets a guardian see their data, for the staff who keep in touch with the home: read-only."
  type GuardianConsentStatus {
    guardianId: ID!
    given: Boolean!
  }

  extend type Query {
    """
    The logged-in student's guardians and their access. From the 18th birthday only: a younger student gets NOT_ADULT,
    anyone but a student FORBIDDEN.
    """
    myGuardianConsents: [GuardianConsentState!]! @access(rule: SIGNED_IN)
    """
    Whether an adult student lets each of their guardians in: for the mentor, the principal and administrators, who
    cannot change it. Empty for a student under 18, whose guardians see everything.
    """
    guardianConsents(studentId: ID!): [GuardianConsentStatus!]! @access(rule: STAFF)
  }

  extend type Mutation {
    """
    The adult student lets one of their guardians see their data, from the next request; the guardian is told, by the
    channels they chose, and nothing more. Giving what is given changes nothing and tells no one: the answer is the
    state. NOT_ADULT under 18, NOT_FOUND for someone who is not the student's guardian, FORBIDDEN for anyone but a
    student.
    """
    giveGuardianConsent(guardianId: ID!): GuardianConsentState! @access(rule: SIGNED_IN)
    "The opposite of giveGuardianConsent, with the same answers; withdrawing what is not given changes nothing."
    withdrawGuardianConsent(guardianId: ID!): GuardianConsentState! @access(rule: SIGNED_IN)
  }
`;
