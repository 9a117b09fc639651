import type { Resolvers } from '../../../generated/graphql.ts';
import { runSs12000Import, ss12000ImportRuns } from './import.service.ts';
import { checkSs12000SourceConnection, saveSs12000Source, ss12000Source } from './source.service.ts';

export const ss12000SourceResolvers: Resolvers = {
  Query: {
    ss12000Source: (_parent, _args, ctx) => ss12000Source(ctx),
    ss12000ImportRuns: (_parent, _args, ctx) => ss12000ImportRuns(ctx),
  },
  Mutation: {
    saveSs12000Source: (_parent, { input }, ctx) => saveSs12000Source(ctx, input),
    checkSs12000Source: (_parent, _args, ctx) => checkSs12000SourceConnection(ctx),
    runSs12000Import: (_parent, { apply }, ctx) => runSs12000Import(ctx, apply),
  },
};
