import type { Resolvers } from '../../generated/graphql.ts';
import { currentDuties, ownStudents } from '../access/access.service.ts';
import { requireViewer } from '../access/viewer.ts';
import { studentSummaries } from '../people/people.service.ts';
import * as auth from './auth.service.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, ctx) => requireViewer(ctx),
  },
  Mutation: {
    login: (_parent, args, ctx) => auth.login(ctx, args),
    refreshSession: (_parent, _args, ctx) => auth.refreshSession(ctx),
    logout: (_parent, _args, ctx) => auth.logout(ctx),
    changePassword: (_parent, args, ctx) => auth.changePassword(ctx, args),
    setLocale: (_parent, args, ctx) => auth.setLocale(ctx, args.locale),
  },
  AuthPayload: {
    expiresAt: (payload) => payload.expiresAt.toISOString(),
  },
  Viewer: {
    role: (viewer) => viewer.facts.kind,
    duties: (viewer, _args, ctx) => [...new Set(currentDuties(viewer, ctx.today).map((duty) => duty.kind))],
    students: async (viewer, _args, ctx) =>
      studentSummaries(
        ctx,
        (await ownStudents(ctx, viewer)).map((student) => student.id),
      ),
  },
};
