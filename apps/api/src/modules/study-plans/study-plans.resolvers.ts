import type { Resolvers } from '../../generated/graphql.ts';
import { requireViewer } from '../access/viewer.ts';
import { ownPlans, planStudyPlanCourse, plannableCourses, removeStudyPlanCourse, studyPlan } from './study-plans.service.ts';

export const studyPlansResolvers: Resolvers = {
  Query: {
    studyPlan: (_parent, args, ctx) => studyPlan(ctx, args.studentId),
  },
  Mutation: {
    planStudyPlanCourse: (_parent, args, ctx) => planStudyPlanCourse(ctx, args.studentId, args.courseId, args.planYear),
    removeStudyPlanCourse: (_parent, args, ctx) => removeStudyPlanCourse(ctx, args.studentId, args.courseId),
  },
  Viewer: {
    ownPlans: (viewer, _args, ctx) => ownPlans(ctx, viewer),
  },
  StudyPlan: {
    plannableCourses: (plan, _args, ctx) => plannableCourses(ctx, plan),
    programmeName: async (plan, args, ctx) =>
      (args.locale ?? (await requireViewer(ctx)).locale) === 'en' ? plan.programmeEn : plan.programmeSv,
  },
};
