import gql from 'graphql-tag';

export const calendarTypeDefs = gql`
  "HT (autumn) or VT (spring)"
  enum TermKind {
    AUTUMN
    SPRING
  }

  "termin"
  type Term {
    id: ID!
    kind: TermKind!
    "the calendar year the term is in (HT 2026, VT 2027)"
    year: Int!
    "YYYY-MM-DD"
    startDate: String!
    endDate: String!
    "the school year, e.g. 2026/27"
    schoolYear: String!
  }
`;
