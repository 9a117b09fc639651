import type { Resolvers } from '../../generated/graphql.ts';
import { auditLog, auditLogActions, auditLogExport, auditLogPeople } from './audit-log.service.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_parent, { filter, page }, ctx) => auditLog(ctx, filter, page),
    auditLogExport: (_parent, { filter }, ctx) => auditLogExport(ctx, filter),
    auditLogActions: (_parent, _args, ctx) => auditLogActions(ctx).then((actions) => [...actions]),
    auditLogPeople: (_parent, { search }, ctx) => auditLogPeople(ctx, search),
  },
};
