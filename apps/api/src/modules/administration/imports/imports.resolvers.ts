import type { Resolvers } from '../../../generated/graphql.ts';
import { stoppedImports } from './stopped-imports.service.ts';

export const importsResolvers: Resolvers = {
  Query: {
    stoppedImports: (_parent, _args, ctx) => stoppedImports(ctx),
  },
};
