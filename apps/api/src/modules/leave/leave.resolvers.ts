import type { Resolvers } from '../../generated/graphql.ts';
import { isoDate } from '../access/viewer.ts';
import {
  applyForLeave,
  decideLeaveApplication,
  leaveApplicationsToDecide,
  leaveRules,
  listLeaveApplications,
  withdrawLeaveApplication,
} from './leave.service.ts';

export const leaveResolvers: Resolvers = {
  Query: {
    leaveApplications: (_parent, args, ctx) => listLeaveApplications(ctx, args.studentId),
    leaveApplicationsToDecide: (_parent, _args, ctx) => leaveApplicationsToDecide(ctx),
    leaveRules: (_parent, args, ctx) => leaveRules(ctx, args.studentId),
  },
  Mutation: {
    applyForLeave: (_parent, args, ctx) => applyForLeave(ctx, args.input),
    withdrawLeaveApplication: (_parent, args, ctx) => withdrawLeaveApplication(ctx, args.id),
    decideLeaveApplication: (_parent, args, ctx) => decideLeaveApplication(ctx, args.id, args.approve, args.note),
  },
  LeaveApplication: {
    studentName: (leave) => `${leave.student.firstName} ${leave.student.lastName}`,
    fromDate: (leave) => isoDate(leave.fromDate),
    toDate: (leave) => isoDate(leave.toDate),
    createdAt: (leave) => leave.createdAt.toISOString(),
    decidedAt: (leave) => leave.decidedAt?.toISOString() ?? null,
  },
};
