import gql from 'graphql-tag';

export const accessTypeDefs = gql`
  "Who may call a root field at all (RootFieldRule in @insyn/domain); the field's own rules then decide per record."
  enum RootFieldRule {
    "anyone: logging in, renewing a session, activating an account, resetting a password"
    PUBLIC
    "anyone signed in"
    SIGNED_IN
    "staff only: students and guardians are refused with FORBIDDEN, whatever the arguments"
    STAFF
  }

  "Every Query and Mutation field names its rule; the server does not start with a field that has none (apps/api/src/graphql/guard.ts)."
  directive @access(rule: RootFieldRule!) on FIELD_DEFINITION
`;
