import gql from 'graphql-tag';

// The school administration system an organisation imports from over SS 12000. Refusals of saveSs12000Source:
// BAD_USER_INPUT with `problems` — baseUrl and tokenUrl REQUIRED/INVALID_URL/NOT_HTTPS/TOO_LONG, clientId
// REQUIRED/TOO_LONG, secret REQUIRED/TOO_LONG/NO_SERVER_SECRET (JWT_SECRET is not set).
export const ss12000SourceTypeDefs = gql`
  enum Ss12000SourceAuth {
    "a bearer token the source gave"
    BEARER_TOKEN
    "OAuth2 client credentials: a token endpoint, a client id and a secret"
    CLIENT_CREDENTIALS
  }

  "The source's settings; its token or secret is kept encrypted and never shown again."
  type Ss12000Source {
    baseUrl: String!
    auth: Ss12000SourceAuth!
    tokenUrl: String
    clientId: String
    "ISO timestamp"
    changedAt: String!
    changedByName: String!
    "whether the import is applied every night at 02:00"
    nightlyRun: Boolean!
  }

  input Ss12000SourceInput {
    "where the endpoints are, e.g. https://sis.example.se/ss12000/v2.1; HTTPS (plain HTTP to localhost only)"
    baseUrl: String!
    auth: Ss12000SourceAuth!
    tokenUrl: String
    clientId: String
    "the bearer token or client secret; empty keeps the one stored"
    secret: String
  }

  type Ss12000SourceEndpoint {
    "organisations, persons, duties, groups, activities, calendarEvents"
    endpoint: String!
    "false: the source does not have it or does not let us read it (404 or 403; allowed for syllabuses, groups, activities and calendarEvents)"
    offered: Boolean!
    "records on the first page (at most 100)"
    records: Int!
    morePages: Boolean!
  }

  "What went wrong reaching the source: a code (UNREACHABLE, TIMEOUT, TOKEN_REFUSED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, SERVER_ERROR, UNEXPECTED_STATUS, MALFORMED_JSON, NOT_A_PAGE, PAGE_TOKEN_LOOP), where, and the HTTP status."
  type Ss12000SourceProblem {
    code: String!
    "the endpoint, or token"
    endpoint: String!
    status: Int
  }

  type Ss12000SourceCheck {
    ok: Boolean!
    "the endpoints read before any problem"
    endpoints: [Ss12000SourceEndpoint!]!
    problem: Ss12000SourceProblem
  }

  enum Ss12000RunOutcome {
    "reading the source now; the counts so far and the progress are kept as it goes"
    RUNNING
    "read and checked, nothing written"
    DRY_RUN
    "written"
    APPLIED
    "stopped by its problems: nothing written"
    REFUSED
    "stopped by an error of Insyn's own (or the server stopping): nothing written"
    FAILED
  }

  "How far a running import has come: the step (1 to steps) and the endpoint it reads."
  type Ss12000ImportProgress {
    step: Int!
    steps: Int!
    endpoint: String!
  }

  "What a run did (or would do) to one kind: schools, students, guardians, staff, guardianships, subjects, groups, memberships, duties."
  type Ss12000ImportCount {
    kind: String!
    added: Int!
    changed: Int!
    "gone from the source: ended with a date (a membership, a duty; a group's or student's memberships), history kept"
    ended: Int!
    unchanged: Int!
  }

  """
  A problem that stops the run: the endpoint, the source record's id (null for the source as a whole), a code
  (INVALID_RECORD, DUPLICATE_ID, INVALID_UNIT_CODE, UNKNOWN_SCHOOL_TYPE, UNIT_CODE_TAKEN, UNKNOWN_SCHOOL,
  OTHER_SCHOOL, UNKNOWN_RESPONSIBLE, SAME_PERSON_TWICE, SIGNATURE_TAKEN, the personnummer's and contact fields' codes;
  for groups NO_SCHOOL_YEAR, UNKNOWN_STUDENT, OVERLAPS, ENDS_BEFORE_START, IN_ANOTHER_CLASS, NAME_TAKEN,
  SAME_GROUP_TWICE; for duties UNKNOWN_PERSON, UNKNOWN_GROUP, NOT_A_CLASS; for syllabuses DUPLICATE, INVALID_CODE;
  or the connection's: UNREACHABLE, TIMEOUT, UNAUTHORIZED, ...) and the field (a membership's is
  "groupMemberships:<person id>") or the HTTP status.
  """
  type Ss12000ImportProblem {
    endpoint: String!
    sourceId: String
    code: String!
    field: String
  }

  "One record the run adds, changes or ends, and which fields."
  type Ss12000ImportChange {
    kind: String!
    sourceId: String!
    name: String!
    "ADD, CHANGE or END"
    outcome: String!
    fields: [String!]!
  }

  type Ss12000ImportRun {
    id: ID!
    outcome: Ss12000RunOutcome!
    "ISO timestamps"
    startedAt: String!
    "null while it runs"
    finishedAt: String
    "null for the nightly run"
    startedByName: String
    "so far, while it runs"
    counts: [Ss12000ImportCount!]!
    problems: [Ss12000ImportProblem!]!
    "null once it has finished"
    progress: Ss12000ImportProgress
    "ISO timestamp: the run read only what the source changed after it (and what it deleted); null: it read everything"
    changesSince: String
    "the run's added, changed and ended records, at most 1000; empty in the history (ask for the run by its id)"
    changes: [Ss12000ImportChange!]!
  }

  extend type Query {
    "The organisation's source, null before one is set up. Administrators only."
    ss12000Source: Ss12000Source @access(rule: STAFF)
    "The latest 20 imports, dry runs too, newest first."
    ss12000ImportRuns: [Ss12000ImportRun!]! @access(rule: STAFF)
    "One import with its changes: while it runs, how far it has come. NOT_FOUND for another organisation's."
    ss12000ImportRun(id: ID!): Ss12000ImportRun! @access(rule: STAFF)
  }

  extend type Mutation {
    saveSs12000Source(input: Ss12000SourceInput!): Ss12000Source! @access(rule: STAFF)
    "Reaches the source and reads the first page of each endpoint; writes nothing but its audit row."
    checkSs12000Source: Ss12000SourceCheck! @access(rule: STAFF)
    """
    Starts an import of the source's schools, people, subjects, groups with their members, duties and lessons: apply false
    is a dry run. Answers at once with the run (RUNNING); follow it with ss12000ImportRun(id). All or nothing: a run
    with any problem, and every dry run, leaves the database as it was. Kept in the history either way. While
    another run of the organisation is under way: BAD_USER_INPUT with the problem { field: "run", code: "ALREADY_RUNNING" }.
    """
    runSs12000Import(
      apply: Boolean!
      """
      true: read everything and end what the source no longer has. Otherwise a run after an applied one reads only what
      changed since (meta.modified.after) and what the source deleted (deletedEntities), if the source offers that.
      """
      everything: Boolean
    ): Ss12000ImportRun! @access(rule: STAFF)
    "Switches the nightly import (applied at 02:00 school time) on or off. NOT_FOUND before a source is set up."
    setSs12000NightlyRun(on: Boolean!): Ss12000Source! @access(rule: STAFF)
  }
`;
