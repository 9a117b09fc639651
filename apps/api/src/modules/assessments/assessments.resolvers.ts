import type { Resolvers } from '../../generated/graphql.ts';
import {
  createAssessmentTask,
  groupAssessments,
  publishAssessmentTask,
  publishSubjectAssessments,
  saveAssessmentResults,
  saveSubjectAssessments,
  studentAssessments,
  updateAssessmentTask,
} from './assessments.service.ts';

export const assessmentsResolvers: Resolvers = {
  Query: {
    groupAssessments: (_parent, args, ctx) => groupAssessments(ctx, args.groupId, args.termId),
    studentAssessments: (_parent, args, ctx) => studentAssessments(ctx, args.studentId),
  },
  Mutation: {
    createAssessmentTask: (_parent, args, ctx) => createAssessmentTask(ctx, args.groupId, args.input),
    updateAssessmentTask: (_parent, args, ctx) => updateAssessmentTask(ctx, args.taskId, args.input),
    saveAssessmentResults: (_parent, args, ctx) => saveAssessmentResults(ctx, args.taskId, args.rows),
    publishAssessmentTask: (_parent, args, ctx) => publishAssessmentTask(ctx, args.taskId),
    saveSubjectAssessments: (_parent, args, ctx) => saveSubjectAssessments(ctx, args.groupId, args.termId, args.rows),
    publishSubjectAssessments: (_parent, args, ctx) => publishSubjectAssessments(ctx, args.groupId, args.termId),
  },
};
