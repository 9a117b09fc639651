import { percentOf } from '@insyn/domain';
import type { Resolvers } from '../../generated/graphql.ts';
import { requireViewer } from '../access/viewer.ts';
import {
  absenceSchools,
  classAbsenceStatistics,
  csnReport,
  schoolAbsenceStatistics,
  studentAbsenceStatistics,
} from './statistics.service.ts';
import { lessonsWithoutRollCall } from './missing-roll-calls.ts';
import { studentAbsenceLessons } from './absence-lessons.ts';

export const statisticsResolvers: Resolvers = {
  Query: {
    absenceSchools: (_parent, _args, ctx) => absenceSchools(ctx),
    studentAbsenceStatistics: (_parent, args, ctx) => studentAbsenceStatistics(ctx, args.studentId, args.range),
    studentAbsenceLessons: (_parent, args, ctx) => studentAbsenceLessons(ctx, args.studentId, args.range, args.filter, args.locale),
    classAbsenceStatistics: (_parent, args, ctx) => classAbsenceStatistics(ctx, args.classId, args.range),
    schoolAbsenceStatistics: (_parent, args, ctx) => schoolAbsenceStatistics(ctx, args.schoolId, args.range),
    csnReport: (_parent, args, ctx) => csnReport(ctx, args.schoolId, args.month),
    lessonsWithoutRollCall: (_parent, args, ctx) => lessonsWithoutRollCall(ctx, args.scope, args.range, args.locale),
  },
  AbsenceFigures: {
    absencePercent: (figures) => percentOf(figures.absentMinutes, figures),
    validPercent: (figures) => percentOf(figures.validAbsentMinutes, figures),
    unexcusedPercent: (figures) => percentOf(figures.unexcusedAbsentMinutes, figures),
  },
  SubjectAbsence: {
    subjectName: async (subject, args, ctx) =>
      (args.locale ?? (await requireViewer(ctx)).locale) === 'en' ? subject.nameEn : subject.nameSv,
  },
};
