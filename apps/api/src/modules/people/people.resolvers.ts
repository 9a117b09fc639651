import type { Resolvers } from '../../generated/graphql.ts';
import { getStudent, isAdultStudent } from './people.service.ts';

export const peopleResolvers: Resolvers = {
  Query: {
    student: (_parent, args, ctx) => getStudent(ctx, args.id),
  },
  Viewer: {
    isAdultStudent: (viewer, _args, ctx) => isAdultStudent(ctx, viewer),
  },
};
