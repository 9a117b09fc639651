import type { Resolvers } from '../../generated/graphql.ts';
import { isoDate } from '../access/viewer.ts';
import { checkSickReportSpan, listSickReports, proposedSickReportDate, reportSick, withdrawSickReport } from './sick-reports.service.ts';

export const sickReportsResolvers: Resolvers = {
  Query: {
    sickReports: (_parent, args, ctx) => listSickReports(ctx, args.studentId),
    checkSickReport: (_parent, args, ctx) => checkSickReportSpan(ctx, args.input),
    proposedSickReportDate: (_parent, args, ctx) => proposedSickReportDate(ctx, args.studentId),
  },
  Mutation: {
    reportSick: (_parent, args, ctx) => reportSick(ctx, args.input),
    withdrawSickReport: (_parent, args, ctx) => withdrawSickReport(ctx, args.id),
  },
  SickReport: {
    studentName: (report) => `${report.student.firstName} ${report.student.lastName}`,
    fromDate: (report) => isoDate(report.fromDate),
    toDate: (report) => isoDate(report.toDate),
    createdAt: (report) => report.createdAt.toISOString(),
    withdrawnAt: (report) => report.withdrawnAt?.toISOString() ?? null,
  },
};
