import type { Resolvers } from '../../generated/graphql.ts';
import { schoolRoutine, schoolRoutines } from './routines.service.ts';

export const routinesResolvers: Resolvers = {
  Query: {
    schoolRoutine: (_parent, args, ctx) => schoolRoutine(ctx, args.schoolId),
    schoolRoutines: (_parent, _args, ctx) => schoolRoutines(ctx),
  },
};
