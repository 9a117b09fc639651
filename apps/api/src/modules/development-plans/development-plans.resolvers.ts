import type { Resolvers } from '../../generated/graphql.ts';
import { requireViewer } from '../access/viewer.ts';
import type { RequestContext } from '../../context.ts';
import {
  developmentPlanWork,
  groupDevelopmentPlans,
  publishDevelopmentPlan,
  saveDevelopmentPlanEntry,
  saveDevelopmentPlanSummary,
  studentDevelopmentPlans,
} from './development-plans.service.ts';

const subjectName = async (
  subject: { subjectSv: string; subjectEn: string },
  locale: 'sv' | 'en' | null | undefined,
  ctx: RequestContext,
) => ((locale ?? (await requireViewer(ctx)).locale) === 'en' ? subject.subjectEn : subject.subjectSv);

export const developmentPlansResolvers: Resolvers = {
  Query: {
    studentDevelopmentPlans: (_parent, args, ctx) => studentDevelopmentPlans(ctx, args.studentId),
    developmentPlanWork: (_parent, args, ctx) => developmentPlanWork(ctx, args.studentId),
    groupDevelopmentPlans: (_parent, args, ctx) => groupDevelopmentPlans(ctx, args.groupId),
  },
  Mutation: {
    saveDevelopmentPlanEntry: (_parent, args, ctx) => saveDevelopmentPlanEntry(ctx, args.input),
    saveDevelopmentPlanSummary: (_parent, args, ctx) => saveDevelopmentPlanSummary(ctx, args.studentId, args.summary),
    publishDevelopmentPlan: (_parent, args, ctx) => publishDevelopmentPlan(ctx, args.studentId),
  },
  DevelopmentPlanEntry: {
    subjectName: (entry, args, ctx) => subjectName(entry, args.locale, ctx),
  },
  DevelopmentPlanSubject: {
    subjectName: (subject, args, ctx) => subjectName(subject, args.locale, ctx),
  },
};
