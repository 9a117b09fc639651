import type { Resolvers } from '../../../generated/graphql.ts';
import { runSs12000Import, ss12000ImportRun, ss12000ImportRuns } from './import.service.ts';
import { checkSs12000SourceConnection, saveSs12000Source, setSs12000NightlyRun, ss12000Source } from './source.service.ts';

export const ss12000SourceResolvers: Resolvers = {
  Query: {
    ss12000Source: (_parent, _args, ctx) => ss12000Source(ctx),
    ss12000ImportRuns: (_parent, _args, ctx) => ss12000ImportRuns(ctx),
    ss12000ImportRun: (_parent, { id }, ctx) => ss12000ImportRun(ctx, id),
  },
  Mutation: {
    saveSs12000Source: (_parent, { input }, ctx) => saveSs12000Source(ctx, input),
    checkSs12000Source: (_parent, _args, ctx) => checkSs12000SourceConnection(ctx),
    runSs12000Import: (_parent, { apply, everything }, ctx) => runSs12000Import(ctx, apply, everything ?? false),
    setSs12000NightlyRun: (_parent, { on }, ctx) => setSs12000NightlyRun(ctx, on),
  },
};
