import gql from 'graphql-tag';

// Accounts a person activates with a one-time code, and the letters that carry the codes home.
export const accountsTypeDefs = gql`
  "Why a guardian gets no letter: the school reaches them another way."
  enum LetterSkipReason {
    "no letters for a person with protected identity (skyddad personuppgift): no address is stored"
    PROTECTED_IDENTITY
    "no postal address"
    NO_ADDRESS
    "their only children at the school are 18 or older and have not consented"
    ADULT_CHILD_WITHOUT_CONSENT
  }

  type SkippedGuardian {
    guardianId: ID!
    name: String!
    reason: LetterSkipReason!
  }

  "What a batch of letters would hold, before it is printed: POST /api/accounts/guardian-letters prints it."
  type GuardianLetterPlan {
    schoolName: String!
    letterCount: Int!
    skipped: [SkippedGuardian!]!
  }

  input GuardianLetterChoice {
    schoolId: ID!
    "one class of the school; none for the whole school"
    groupId: ID
    "leave out guardians who have already chosen a password"
    onlyWithoutActivatedAccount: Boolean!
  }

  extend type Query {
    "For the organisation's administrators and the school's principal. Writes nothing."
    guardianLetterPlan(choice: GuardianLetterChoice!): GuardianLetterPlan! @access(rule: STAFF)
  }

  extend type Mutation {
    """
    Chooses the first password with the activation code from a letter or a class sheet, and logs in. Refusals:
    INVALID_ACTIVATION_CODE (also for an unknown username), ACTIVATION_CODE_USED, ACTIVATION_CODE_REPLACED,
    ACTIVATION_CODE_EXPIRED, ACCOUNT_LOCKED, BAD_USER_INPUT (the password rule), TOO_MANY_ATTEMPTS.
    """
    activateAccount(username: String!, code: String!, newPassword: String!): AuthPayload! @access(rule: PUBLIC)
    """
    Forgot password: e-mails each account with this address (staff, guardians) a link to choose a new password,
    valid an hour and usable once. Always true, known address or not; BAD_USER_INPUT for what is not an address,
    TOO_MANY_ATTEMPTS for a client that asks too often.
    """
    requestPasswordReset(email: String!): Boolean! @access(rule: PUBLIC)
    """
    Chooses a new password with the token from the link (the part after #), ends every session of the person and
    logs in. Refusals: INVALID_RESET_LINK, RESET_LINK_USED, RESET_LINK_EXPIRED, ACCOUNT_LOCKED, BAD_USER_INPUT.
    """
    resetPassword(token: String!, newPassword: String!): AuthPayload! @access(rule: PUBLIC)
  }
`;
