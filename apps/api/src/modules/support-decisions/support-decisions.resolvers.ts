import type { Resolvers } from '../../generated/graphql.ts';
import { acknowledgeSupportDecision, studentSupportDecisions } from './support-decisions.service.ts';

export const supportDecisionsResolvers: Resolvers = {
  Query: {
    studentSupportDecisions: (_parent, args, ctx) => studentSupportDecisions(ctx, args.studentId),
  },
  Mutation: {
    acknowledgeSupportDecision: (_parent, args, ctx) => acknowledgeSupportDecision(ctx, args.id),
  },
};
