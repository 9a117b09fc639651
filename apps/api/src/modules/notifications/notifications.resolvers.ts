import type { Resolvers } from '../../generated/graphql.ts';
import {
  changedByStaff,
  guardianContacts,
  myContactPreferences,
  outbox,
  retryMessage,
  updateGuardianContactPreferences,
  updateMyContactPreferences,
} from './notifications.service.ts';

export const notificationsResolvers: Resolvers = {
  Query: {
    myContactPreferences: (_parent, _args, ctx) => myContactPreferences(ctx),
    guardianContacts: (_parent, args, ctx) => guardianContacts(ctx, args.studentId),
    outbox: (_parent, args, ctx) => outbox(ctx, args),
  },
  Mutation: {
    updateMyContactPreferences: (_parent, args, ctx) => updateMyContactPreferences(ctx, args.input),
    updateGuardianContactPreferences: (_parent, args, ctx) =>
      updateGuardianContactPreferences(ctx, args.studentId, args.guardianId, args.input),
    retryMessage: (_parent, args, ctx) => retryMessage(ctx, args.id),
  },
  ContactPreferences: {
    guardianId: (guardian) => guardian.id,
    bySms: (guardian) => guardian.notifyBySms,
    byEmail: (guardian) => guardian.notifyByEmail,
    locale: (guardian) => (guardian.messageLocale === 'en' ? 'en' : 'sv'),
    changedAt: (guardian) => guardian.preferencesChangedAt?.toISOString() ?? null,
    changedByStaff: (guardian) => changedByStaff(guardian),
  },
  OutboundMessage: {
    guardianName: (message) => `${message.guardian.firstName} ${message.guardian.lastName}`,
    studentName: (message) => `${message.student.firstName} ${message.student.lastName}`,
    createdAt: (message) => message.createdAt.toISOString(),
    sentAt: (message) => message.sentAt?.toISOString() ?? null,
    nextAttemptAt: (message) => message.nextAttemptAt.toISOString(),
  },
};
