import gql from 'graphql-tag';

// The register extract (GDPR art. 15) itself is a file, served by register-extract.router.ts; GraphQL tells the
// administration's page what an extract of the person holds.
export const registerExtractTypeDefs = gql`
  "What a register extract of a person holds: nothing of their data, only its sections in their order."
  type RegisterExtractContents {
    personKind: PersonKind!
    "section keys, in the order of the extract (the JSON file's sectionOrder)"
    sections: [String!]!
  }

  extend type Query {
    "the sections of the register extract of a student, guardian or staff member of the organisation (administrators)"
    registerExtractContents(personId: ID!): RegisterExtractContents! @access(rule: STAFF)
  }
`;
