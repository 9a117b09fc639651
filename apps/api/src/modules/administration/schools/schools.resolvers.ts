import type { Resolvers } from '../../../generated/graphql.ts';
import { administeredSchool, administeredSchools, createSchool, updateSchool, updateSchoolSettings } from './schools.service.ts';

export const schoolsResolvers: Resolvers = {
  Query: {
    administeredSchools: (_parent, args, ctx) => administeredSchools(ctx, args),
    administeredSchool: (_parent, { id }, ctx) => administeredSchool(ctx, id),
  },
  Mutation: {
    createSchool: (_parent, { input }, ctx) => createSchool(ctx, input),
    updateSchool: (_parent, { id, input }, ctx) => updateSchool(ctx, id, input),
    updateSchoolSettings: (_parent, { id, input }, ctx) => updateSchoolSettings(ctx, id, input),
  },
};
