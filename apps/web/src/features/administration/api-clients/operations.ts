import { graphql } from '../../../gql';

export const ApiClientFieldsFragment = graphql(`
  fragment ApiClientFields on ApiClient {
    id
    name
    clientId
    scopes
    protectedIdentity
    createdAt
    createdByName
    revokedAt
    revokedByName
    recentCalls {
      at
      method
      path
      status
      records
    }
  }
`);

export const ApiClientsDocument = graphql(`
  query ApiClients {
    apiClients {
      ...ApiClientFields
    }
  }
`);

export const CreateApiClientDocument = graphql(`
  mutation CreateApiClient($input: ApiClientInput!) {
    createApiClient(input: $input) {
      client {
        ...ApiClientFields
      }
      secret
    }
  }
`);

export const RevokeApiClientDocument = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      ...ApiClientFields
    }
  }
`);
