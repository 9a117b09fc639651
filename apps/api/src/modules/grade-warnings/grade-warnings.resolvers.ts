import type { Resolvers } from '../../generated/graphql.ts';
import { requireViewer } from '../access/viewer.ts';
import {
  closeGradeWarning,
  groupGradeWarnings,
  issueGradeWarning,
  recordGradeWarningContact,
  schoolGradeWarningRoutine,
  studentGradeWarnings,
} from './grade-warnings.service.ts';

export const gradeWarningsResolvers: Resolvers = {
  Query: {
    studentGradeWarnings: (_parent, args, ctx) => studentGradeWarnings(ctx, args.studentId),
    groupGradeWarnings: (_parent, args, ctx) => groupGradeWarnings(ctx, args.groupId),
    schoolGradeWarningRoutine: (_parent, args, ctx) => schoolGradeWarningRoutine(ctx, args.schoolId),
  },
  Mutation: {
    issueGradeWarning: (_parent, args, ctx) => issueGradeWarning(ctx, args.input),
    recordGradeWarningContact: (_parent, args, ctx) => recordGradeWarningContact(ctx, args.input),
    closeGradeWarning: (_parent, args, ctx) => closeGradeWarning(ctx, args.warningId, args.note),
  },
  GradeWarning: {
    subjectName: async (warning, args, ctx) =>
      (args.locale ?? (await requireViewer(ctx)).locale) === 'en' ? warning.subjectEn : warning.subjectSv,
  },
};
