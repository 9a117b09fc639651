import { attendanceResolvers } from '../modules/attendance/attendance.resolvers.ts';
import { attendanceTypeDefs } from '../modules/attendance/attendance.schema.ts';
import { authResolvers } from '../modules/auth/auth.resolvers.ts';
import { authTypeDefs } from '../modules/auth/auth.schema.ts';
import { gradeWarningsResolvers } from '../modules/grade-warnings/grade-warnings.resolvers.ts';
import { gradeWarningsTypeDefs } from '../modules/grade-warnings/grade-warnings.schema.ts';
import { groupsResolvers } from '../modules/groups/groups.resolvers.ts';
import { groupsTypeDefs } from '../modules/groups/groups.schema.ts';
import { leaveResolvers } from '../modules/leave/leave.resolvers.ts';
import { leaveTypeDefs } from '../modules/leave/leave.schema.ts';
import { notificationsResolvers } from '../modules/notifications/notifications.resolvers.ts';
import { notificationsTypeDefs } from '../modules/notifications/notifications.schema.ts';
import { statisticsResolvers } from '../modules/statistics/statistics.resolvers.ts';
import { statisticsTypeDefs } from '../modules/statistics/statistics.schema.ts';
import { peopleResolvers } from '../modules/people/people.resolvers.ts';
import { peopleTypeDefs } from '../modules/people/people.schema.ts';
import { scheduleResolvers } from '../modules/schedule/schedule.resolvers.ts';
import { scheduleTypeDefs } from '../modules/schedule/schedule.schema.ts';
import { sickReportsResolvers } from '../modules/sick-reports/sick-reports.resolvers.ts';
import { sickReportsTypeDefs } from '../modules/sick-reports/sick-reports.schema.ts';

export const typeDefs = [
  authTypeDefs,
  peopleTypeDefs,
  scheduleTypeDefs,
  groupsTypeDefs,
  attendanceTypeDefs,
  notificationsTypeDefs,
  sickReportsTypeDefs,
  leaveTypeDefs,
  statisticsTypeDefs,
  gradeWarningsTypeDefs,
];
export const resolvers = [
  authResolvers,
  peopleResolvers,
  scheduleResolvers,
  groupsResolvers,
  attendanceResolvers,
  notificationsResolvers,
  sickReportsResolvers,
  leaveResolvers,
  statisticsResolvers,
  gradeWarningsResolvers,
];
