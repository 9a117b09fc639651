import { graphql } from '../../../gql';

export const RegisterExtractContentsDocument = graphql(`
  query RegisterExtractContents($personId: ID!) {
    registerExtractContents(personId: $personId) {
      personKind
      sections
    }
  }
`);
