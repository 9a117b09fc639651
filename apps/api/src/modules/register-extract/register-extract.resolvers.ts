import type { Resolvers } from '../../generated/graphql.ts';
import { registerExtractContents } from './register-extract.service.ts';

export const registerExtractResolvers: Resolvers = {
  Query: {
    registerExtractContents: (_parent, { personId }, ctx) => registerExtractContents(ctx, personId),
  },
};
