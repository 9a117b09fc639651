import type { Resolvers } from '../../../generated/graphql.ts';
import { administeredGuardian, administeredGuardians, createGuardian, updateGuardian } from './guardians.service.ts';
import { setLogin, setLoginLocked } from './logins.service.ts';
import {
  addStaffDuty,
  groupChoices,
  administeredStaff,
  administeredStaffMember,
  createStaff,
  endStaffDuty,
  updateStaff,
} from './staff.service.ts';
import {
  administeredStudent,
  administeredStudents,
  createStudent,
  endStudentMemberships,
  linkGuardian,
  unlinkGuardian,
  updateStudent,
} from './students.service.ts';

export const adminPeopleResolvers: Resolvers = {
  Query: {
    administeredStudents: (_parent, args, ctx) => administeredStudents(ctx, args),
    administeredStudent: (_parent, { id }, ctx) => administeredStudent(ctx, id),
    administeredGuardians: (_parent, args, ctx) => administeredGuardians(ctx, args),
    administeredGuardian: (_parent, { id }, ctx) => administeredGuardian(ctx, id),
    administeredStaff: (_parent, args, ctx) => administeredStaff(ctx, args),
    administeredStaffMember: (_parent, { id }, ctx) => administeredStaffMember(ctx, id),
    groupChoices: (_parent, { schoolId }, ctx) => groupChoices(ctx, schoolId),
  },
  Mutation: {
    createStudent: (_parent, { input }, ctx) => createStudent(ctx, input),
    updateStudent: (_parent, { id, input }, ctx) => updateStudent(ctx, id, input),
    createGuardian: (_parent, { studentId, input }, ctx) => createGuardian(ctx, studentId, input),
    updateGuardian: (_parent, { id, input }, ctx) => updateGuardian(ctx, id, input),
    linkGuardian: (_parent, { studentId, guardianId }, ctx) => linkGuardian(ctx, studentId, guardianId),
    unlinkGuardian: (_parent, { studentId, guardianId }, ctx) => unlinkGuardian(ctx, studentId, guardianId),
    endStudentMemberships: (_parent, { studentId, lastDay }, ctx) => endStudentMemberships(ctx, studentId, lastDay),
    createStaff: (_parent, { input }, ctx) => createStaff(ctx, input),
    updateStaff: (_parent, { id, input }, ctx) => updateStaff(ctx, id, input),
    addStaffDuty: (_parent, { staffId, input }, ctx) => addStaffDuty(ctx, staffId, input),
    endStaffDuty: (_parent, { dutyId, validTo }, ctx) => endStaffDuty(ctx, dutyId, validTo),
    setLogin: (_parent, { input }, ctx) => setLogin(ctx, input),
    setLoginLocked: (_parent, args, ctx) => setLoginLocked(ctx, args),
  },
};
