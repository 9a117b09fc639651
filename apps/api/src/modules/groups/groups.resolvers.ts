import type { Resolvers } from '../../generated/graphql.ts';
import { getGroup, myGroups } from './groups.service.ts';

export const groupsResolvers: Resolvers = {
  Query: {
    group: (_parent, args, ctx) => getGroup(ctx, args.id),
    myGroups: (_parent, _args, ctx) => myGroups(ctx),
  },
};
