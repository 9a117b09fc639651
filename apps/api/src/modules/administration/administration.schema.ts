import gql from 'graphql-tag';

// Shared by every administration list: offset paging with the total, so a list can show "51–100 of 10 000".
export const administrationTypeDefs = gql`
  input PageInput {
    "rows to skip, 0 or more"
    offset: Int! = 0
    "rows per page, 1–200"
    limit: Int! = 50
  }

  type PageInfo {
    offset: Int!
    limit: Int!
    "rows matching the search and filters, on all pages"
    total: Int!
  }

  enum SortDirection {
    ASC
    DESC
  }

  "The organisation (huvudman) an administrator administers, and its schools."
  type AdministeredOrganisation {
    id: ID!
    name: String!
    schools: [AdministeredSchoolSummary!]!
  }

  type AdministeredSchoolSummary {
    id: ID!
    name: String!
    unitCode: String!
  }

  extend type Query {
    "The viewer's organisation if they administer one today; null for everyone else (the web app hides administration)."
    administeredOrganisation: AdministeredOrganisation @access(rule: STAFF)
  }
`;
