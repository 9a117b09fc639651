import type { Resolvers } from '../../../generated/graphql.ts';
import {
  administeredSchoolYear,
  createSchoolBreak,
  createSchoolYear,
  createTerm,
  deleteSchoolBreak,
  deleteSchoolYear,
  deleteTerm,
  schoolCalendar,
  updateSchoolBreak,
  updateSchoolYear,
  updateTerm,
} from './calendar.service.ts';

export const schoolCalendarResolvers: Resolvers = {
  Query: {
    schoolCalendar: (_parent, _args, ctx) => schoolCalendar(ctx),
    administeredSchoolYear: (_parent, { id }, ctx) => administeredSchoolYear(ctx, id),
  },
  Mutation: {
    createSchoolYear: (_parent, { input }, ctx) => createSchoolYear(ctx, input),
    updateSchoolYear: (_parent, { id, input }, ctx) => updateSchoolYear(ctx, id, input),
    deleteSchoolYear: (_parent, { id }, ctx) => deleteSchoolYear(ctx, id),
    createTerm: (_parent, { schoolYearId, input }, ctx) => createTerm(ctx, schoolYearId, input),
    updateTerm: (_parent, { id, input }, ctx) => updateTerm(ctx, id, input),
    deleteTerm: (_parent, { id }, ctx) => deleteTerm(ctx, id),
    createSchoolBreak: (_parent, { termId, input }, ctx) => createSchoolBreak(ctx, termId, input),
    updateSchoolBreak: (_parent, { id, input }, ctx) => updateSchoolBreak(ctx, id, input),
    deleteSchoolBreak: (_parent, { id }, ctx) => deleteSchoolBreak(ctx, id),
  },
};
