import type { Resolvers } from '../../generated/graphql.ts';
import {
  retentionDryRun,
  retentionPolicy,
  retentionRuns,
  runRetention,
  setRetentionNightly,
  updateRetentionPolicy,
} from './retention.service.ts';

export const retentionResolvers: Resolvers = {
  Query: {
    retentionPolicy: (_parent, _args, ctx) => retentionPolicy(ctx),
    retentionDryRun: (_parent, _args, ctx) => retentionDryRun(ctx),
    retentionRuns: (_parent, _args, ctx) => retentionRuns(ctx),
  },
  Mutation: {
    updateRetentionPolicy: (_parent, { input }, ctx) =>
      updateRetentionPolicy(ctx, { periods: input.periods.map(({ kind, keep }) => ({ kind, keep: keep ?? null })) }),
    setRetentionNightly: (_parent, { on }, ctx) => setRetentionNightly(ctx, on),
    runRetention: (_parent, { confirm }, ctx) => runRetention(ctx, confirm),
  },
};
