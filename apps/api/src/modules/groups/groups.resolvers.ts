import type { Resolvers } from '../../generated/graphql.ts';
import { getGroup, myGroups, studentMentors } from './groups.service.ts';

export const groupsResolvers: Resolvers = {
  Query: {
    group: (_parent, args, ctx) => getGroup(ctx, args.id),
    myGroups: (_parent, _args, ctx) => myGroups(ctx),
    studentMentors: (_parent, args, ctx) => studentMentors(ctx, args.studentId),
  },
};
