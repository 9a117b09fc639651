import gql from 'graphql-tag';

export const authTypeDefs = gql`
  enum Locale {
    sv
    en
  }

  enum ViewerRole {
    STUDENT
    GUARDIAN
    STAFF
  }

  enum StaffDutyKind {
    TEACHER
    MENTOR
    PRINCIPAL
    ADMINISTRATOR
  }

  "The logged-in user. Rights are worked out on every request, never carried in the token."
  type Viewer {
    userId: ID!
    username: String!
    displayName: String!
    role: ViewerRole!
    locale: Locale!
    "Set for a staff member: their duties (teacher, mentor, principal, administrator)."
    duties: [StaffDutyKind!]!
    "The students whose data the viewer may see as a student or guardian (self, or consenting/under-18 children)."
    students: [StudentSummary!]!
  }

  type AuthPayload {
    "Short-lived access token; send as 'Authorization: Bearer <token>'. Keep it in memory only."
    accessToken: String!
    "When the access token expires (ISO 8601)."
    expiresAt: String!
    viewer: Viewer!
  }

  type Query {
    me: Viewer! @access(rule: SIGNED_IN)
  }

  type Mutation {
    "Starts a session: returns an access token and sets the HttpOnly renewal cookie."
    login(username: String!, password: String!): AuthPayload! @access(rule: PUBLIC)
    "Renews the access token with the renewal cookie; the cookie is rotated on every use."
    refreshSession: AuthPayload! @access(rule: PUBLIC)
    "Ends this session and clears the renewal cookie."
    logout: Boolean! @access(rule: PUBLIC)
    "Changes the password and ends every session of the user, this one included."
    changePassword(currentPassword: String!, newPassword: String!): Boolean! @access(rule: SIGNED_IN)
    setLocale(locale: Locale!): Viewer! @access(rule: SIGNED_IN)
  }
`;
