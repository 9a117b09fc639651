import gql from 'graphql-tag';

// The systems that read the organisation's data over SS 12000 (see ss12000.router.ts), made and revoked by an
// administrator. Refusals of createApiClient: BAD_USER_INPUT with `problems` — name REQUIRED/TOO_LONG/DUPLICATE,
// scopes REQUIRED.
export const apiClientsTypeDefs = gql`
  "What an API client may read: one SS 12000 endpoint each."
  enum ApiScope {
    ORGANISATIONS
    PERSONS
    GROUPS
    DUTIES
    SYLLABUSES
    ACTIVITIES
    CALENDAR_EVENTS
    ATTENDANCES
    ABSENCES
    AGGREGATED_ATTENDANCE
  }

  type ApiClient {
    id: ID!
    name: String!
    "public: sent with the secret for an access token"
    clientId: String!
    scopes: [ApiScope!]!
    "may read persons with protected identity; without it they are left out of every answer"
    protectedIdentity: Boolean!
    "ISO timestamp"
    createdAt: String!
    createdByName: String!
    "ISO timestamp; a revoked client gets no token and its tokens stop working"
    revokedAt: String
    revokedByName: String
    "the client's latest calls, newest first (at most 20)"
    recentCalls: [ApiClientCall!]!
  }

  "One call the client made: every call is kept."
  type ApiClientCall {
    "ISO timestamp"
    at: String!
    method: String!
    "path and query as asked"
    path: String!
    "the HTTP status of the answer"
    status: Int!
    "how many records the answer held"
    records: Int
  }

  "A new client with its secret, shown this once: only its hash is kept."
  type NewApiClient {
    client: ApiClient!
    secret: String!
  }

  input ApiClientInput {
    name: String!
    scopes: [ApiScope!]!
    protectedIdentity: Boolean!
  }

  extend type Query {
    "The organisation's API clients, revoked ones last. Administrators only."
    apiClients: [ApiClient!]! @access(rule: STAFF)
  }

  extend type Mutation {
    createApiClient(input: ApiClientInput!): NewApiClient! @access(rule: STAFF)
    "Revokes at once: no new token, and tokens already given stop working. Revoking twice changes nothing."
    revokeApiClient(id: ID!): ApiClient! @access(rule: STAFF)
  }
`;
