import type { Resolvers } from '../../generated/graphql.ts';
import { administeredOrganisation } from './administration.service.ts';

export const administrationResolvers: Resolvers = {
  Query: {
    administeredOrganisation: (_parent, _args, ctx) => administeredOrganisation(ctx),
  },
};
