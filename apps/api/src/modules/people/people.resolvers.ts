import type { Resolvers } from '../../generated/graphql.ts';
import { getStudent } from './people.service.ts';

export const peopleResolvers: Resolvers = {
  Query: {
    student: (_parent, args, ctx) => getStudent(ctx, args.id),
  },
};
