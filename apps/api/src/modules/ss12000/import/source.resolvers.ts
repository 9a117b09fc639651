import type { Resolvers } from '../../../generated/graphql.ts';
import { checkSs12000SourceConnection, saveSs12000Source, ss12000Source } from './source.service.ts';

export const ss12000SourceResolvers: Resolvers = {
  Query: {
    ss12000Source: (_parent, _args, ctx) => ss12000Source(ctx),
  },
  Mutation: {
    saveSs12000Source: (_parent, { input }, ctx) => saveSs12000Source(ctx, input),
    checkSs12000Source: (_parent, _args, ctx) => checkSs12000SourceConnection(ctx),
  },
};
