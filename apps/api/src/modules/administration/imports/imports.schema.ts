import gql from 'graphql-tag';

// What an administrator must look at first about the imports: the sources whose latest import did not go through.
export const importsTypeDefs = gql`
  "Where people, groups and lessons are imported from: the school's three lists, or the school administration system."
  enum ImportSource {
    STUDENT_LIST
    GUARDIAN_LIST
    STAFF_LIST
    SS12000
  }

  "REFUSED: stopped by problems in the list or at the source; FAILED: stopped by an error of Insyn's own. Either way nothing was written."
  enum StoppedImportOutcome {
    REFUSED
    FAILED
  }

  """
  The latest import from a source when it did not go through: nothing of it was written, and nothing from that source has
  been imported since. For a list, the latest import that was meant to be written (trial runs are not kept); for SS 12000,
  the latest finished run, dry runs too (a dry run that goes through clears it).
  """
  type StoppedImport {
    "the list import's or the SS 12000 run's id"
    id: ID!
    source: ImportSource!
    outcome: StoppedImportOutcome!
    "ISO timestamp: when the list was sent, or the run started"
    at: String!
    "who sent the list or started the run; null for the nightly SS 12000 run"
    byName: String
    "the problems that stopped it; 0 when it failed"
    problems: Int!
  }

  extend type Query {
    "Administrators only (FORBIDDEN for others): the sources of their organisation whose latest import was stopped, lists first; empty when all went through."
    stoppedImports: [StoppedImport!]! @access(rule: STAFF)
  }
`;
