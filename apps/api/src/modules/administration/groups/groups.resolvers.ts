import type { Resolvers } from '../../../generated/graphql.ts';
import {
  administeredCourses,
  administeredGroup,
  administeredGroupOptions,
  administeredGroups,
  administeredSubjects,
  createCourse,
  createGroup,
  createSubject,
  endMembership,
  enrolInGroup,
  enrolmentCandidates,
  groupMemberships,
  moveToClass,
  updateCourse,
  updateGroup,
  updateSubject,
} from './groups.service.ts';

export const administrationGroupsResolvers: Resolvers = {
  Query: {
    administeredGroups: (_parent, args, ctx) => administeredGroups(ctx, args),
    administeredGroup: (_parent, { id }, ctx) => administeredGroup(ctx, id),
    administeredGroupOptions: (_parent, _args, ctx) => administeredGroupOptions(ctx),
    enrolmentCandidates: (_parent, { groupId, search }, ctx) => enrolmentCandidates(ctx, groupId, search),
    administeredSubjects: (_parent, args, ctx) => administeredSubjects(ctx, args),
    administeredCourses: (_parent, args, ctx) => administeredCourses(ctx, args),
  },
  Mutation: {
    createGroup: (_parent, { input }, ctx) => createGroup(ctx, input),
    updateGroup: (_parent, { id, input }, ctx) => updateGroup(ctx, id, input),
    enrolInGroup: (_parent, { input }, ctx) => enrolInGroup(ctx, input),
    moveToClass: (_parent, { input }, ctx) => moveToClass(ctx, input),
    endMembership: (_parent, { input }, ctx) => endMembership(ctx, input),
    createSubject: (_parent, { input }, ctx) => createSubject(ctx, input),
    updateSubject: (_parent, { id, input }, ctx) => updateSubject(ctx, id, input),
    createCourse: (_parent, { input }, ctx) => createCourse(ctx, input),
    updateCourse: (_parent, { id, input }, ctx) => updateCourse(ctx, id, input),
  },
  AdministeredGroup: {
    memberships: (group, _args, ctx) => groupMemberships(ctx, group.id),
  },
};
