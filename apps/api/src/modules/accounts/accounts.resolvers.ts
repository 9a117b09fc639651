import type { Resolvers } from '../../generated/graphql.ts';
import { activateAccount } from './activation.service.ts';
import { planGuardianLetters } from './credentials.service.ts';
import { requestPasswordReset, resetPassword } from './password-reset.service.ts';

export const accountsResolvers: Resolvers = {
  Query: {
    guardianLetterPlan: async (_parent, { choice }, ctx) => {
      const plan = await planGuardianLetters(ctx, choice);
      return { schoolName: plan.schoolName, letterCount: plan.recipients.length, skipped: plan.skipped };
    },
  },
  Mutation: {
    activateAccount: (_parent, args, ctx) => activateAccount(ctx, args),
    requestPasswordReset: (_parent, args, ctx) => requestPasswordReset(ctx, args),
    resetPassword: (_parent, args, ctx) => resetPassword(ctx, args),
  },
};
