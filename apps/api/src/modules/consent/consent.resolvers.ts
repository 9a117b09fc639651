import type { Resolvers } from '../../generated/graphql.ts';
import { changeGuardianConsent, guardianConsents, myGuardianConsents } from './consent.service.ts';

export const consentResolvers: Resolvers = {
  Query: {
    myGuardianConsents: (_parent, _args, ctx) => myGuardianConsents(ctx),
    guardianConsents: (_parent, args, ctx) => guardianConsents(ctx, args.studentId),
  },
  Mutation: {
    giveGuardianConsent: (_parent, args, ctx) => changeGuardianConsent(ctx, args.guardianId, 'GIVE'),
    withdrawGuardianConsent: (_parent, args, ctx) => changeGuardianConsent(ctx, args.guardianId, 'WITHDRAW'),
  },
};
