import type { Resolvers } from '../../generated/graphql.ts';
import { apiClients, createApiClient, revokeApiClient } from './api-clients.service.ts';

export const apiClientsResolvers: Resolvers = {
  Query: {
    apiClients: (_parent, _args, ctx) => apiClients(ctx),
  },
  Mutation: {
    createApiClient: (_parent, { input }, ctx) => createApiClient(ctx, input),
    revokeApiClient: (_parent, { id }, ctx) => revokeApiClient(ctx, id),
  },
};
