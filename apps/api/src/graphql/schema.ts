import { guardRootFields } from './guard.ts';
import { accessTypeDefs } from '../modules/access/access.schema.ts';
import { accountsResolvers } from '../modules/accounts/accounts.resolvers.ts';
import { accountsTypeDefs } from '../modules/accounts/accounts.schema.ts';
import { administrationResolvers } from '../modules/administration/administration.resolvers.ts';
import { administrationTypeDefs } from '../modules/administration/administration.schema.ts';
import { administrationGroupsResolvers } from '../modules/administration/groups/groups.resolvers.ts';
import { administrationGroupsTypeDefs } from '../modules/administration/groups/groups.schema.ts';
import { importsResolvers } from '../modules/administration/imports/imports.resolvers.ts';
import { importsTypeDefs } from '../modules/administration/imports/imports.schema.ts';
import { schoolCalendarResolvers } from '../modules/administration/calendar/calendar.resolvers.ts';
import { schoolCalendarTypeDefs } from '../modules/administration/calendar/calendar.schema.ts';
import { schoolsResolvers } from '../modules/administration/schools/schools.resolvers.ts';
import { schoolsTypeDefs } from '../modules/administration/schools/schools.schema.ts';
import { adminScheduleResolvers } from '../modules/administration/schedule/schedule.resolvers.ts';
import { adminScheduleTypeDefs } from '../modules/administration/schedule/schedule.schema.ts';
import { assessmentsResolvers } from '../modules/assessments/assessments.resolvers.ts';
import { assessmentsTypeDefs } from '../modules/assessments/assessments.schema.ts';
import { attendanceResolvers } from '../modules/attendance/attendance.resolvers.ts';
import { attendanceTypeDefs } from '../modules/attendance/attendance.schema.ts';
import { auditResolvers } from '../modules/audit/audit.resolvers.ts';
import { auditTypeDefs } from '../modules/audit/audit.schema.ts';
import { registerExtractResolvers } from '../modules/register-extract/register-extract.resolvers.ts';
import { registerExtractTypeDefs } from '../modules/register-extract/register-extract.schema.ts';
import { authResolvers } from '../modules/auth/auth.resolvers.ts';
import { authTypeDefs } from '../modules/auth/auth.schema.ts';
import { calendarTypeDefs } from '../modules/calendar/calendar.schema.ts';
import { consentResolvers } from '../modules/consent/consent.resolvers.ts';
import { consentTypeDefs } from '../modules/consent/consent.schema.ts';
import { developmentPlansResolvers } from '../modules/development-plans/development-plans.resolvers.ts';
import { developmentPlansTypeDefs } from '../modules/development-plans/development-plans.schema.ts';
import { gradeWarningsResolvers } from '../modules/grade-warnings/grade-warnings.resolvers.ts';
import { gradeWarningsTypeDefs } from '../modules/grade-warnings/grade-warnings.schema.ts';
import { groupsResolvers } from '../modules/groups/groups.resolvers.ts';
import { groupsTypeDefs } from '../modules/groups/groups.schema.ts';
import { newsResolvers } from '../modules/news/news.resolvers.ts';
import { newsTypeDefs } from '../modules/news/news.schema.ts';
import { leaveResolvers } from '../modules/leave/leave.resolvers.ts';
import { leaveTypeDefs } from '../modules/leave/leave.schema.ts';
import { notificationsResolvers } from '../modules/notifications/notifications.resolvers.ts';
import { notificationsTypeDefs } from '../modules/notifications/notifications.schema.ts';
import { statisticsResolvers } from '../modules/statistics/statistics.resolvers.ts';
import { statisticsTypeDefs } from '../modules/statistics/statistics.schema.ts';
import { peopleResolvers } from '../modules/people/people.resolvers.ts';
import { peopleTypeDefs } from '../modules/people/people.schema.ts';
import { routinesResolvers } from '../modules/routines/routines.resolvers.ts';
import { routinesTypeDefs } from '../modules/routines/routines.schema.ts';
import { scheduleResolvers } from '../modules/schedule/schedule.resolvers.ts';
import { scheduleTypeDefs } from '../modules/schedule/schedule.schema.ts';
import { sickReportsResolvers } from '../modules/sick-reports/sick-reports.resolvers.ts';
import { sickReportsTypeDefs } from '../modules/sick-reports/sick-reports.schema.ts';
import { supportDecisionsResolvers } from '../modules/support-decisions/support-decisions.resolvers.ts';
import { supportDecisionsTypeDefs } from '../modules/support-decisions/support-decisions.schema.ts';
import { studyPlansResolvers } from '../modules/study-plans/study-plans.resolvers.ts';
import { studyPlansTypeDefs } from '../modules/study-plans/study-plans.schema.ts';
import { adminPeopleResolvers } from '../modules/administration/people/people.resolvers.ts';
import { adminPeopleTypeDefs } from '../modules/administration/people/people.schema.ts';
import { apiClientsResolvers } from '../modules/ss12000/api-clients.resolvers.ts';
import { apiClientsTypeDefs } from '../modules/ss12000/api-clients.schema.ts';
import { ss12000SourceResolvers } from '../modules/ss12000/import/source.resolvers.ts';
import { ss12000SourceTypeDefs } from '../modules/ss12000/import/source.schema.ts';
import { retentionResolvers } from '../modules/retention/retention.resolvers.ts';
import { retentionTypeDefs } from '../modules/retention/retention.schema.ts';

export const typeDefs = [
  accessTypeDefs,
  authTypeDefs,
  accountsTypeDefs,
  peopleTypeDefs,
  scheduleTypeDefs,
  groupsTypeDefs,
  attendanceTypeDefs,
  notificationsTypeDefs,
  consentTypeDefs,
  sickReportsTypeDefs,
  leaveTypeDefs,
  statisticsTypeDefs,
  gradeWarningsTypeDefs,
  supportDecisionsTypeDefs,
  developmentPlansTypeDefs,
  studyPlansTypeDefs,
  assessmentsTypeDefs,
  newsTypeDefs,
  calendarTypeDefs,
  routinesTypeDefs,
  administrationTypeDefs,
  administrationGroupsTypeDefs,
  schoolsTypeDefs,
  schoolCalendarTypeDefs,
  adminPeopleTypeDefs,
  adminScheduleTypeDefs,
  apiClientsTypeDefs,
  ss12000SourceTypeDefs,
  importsTypeDefs,
  auditTypeDefs,
  registerExtractTypeDefs,
  retentionTypeDefs,
];
/** Every root field guarded by its `@access` rule, its arguments' text checked (guard.ts). */
export const resolvers = guardRootFields(typeDefs, [
  authResolvers,
  accountsResolvers,
  peopleResolvers,
  scheduleResolvers,
  groupsResolvers,
  attendanceResolvers,
  notificationsResolvers,
  consentResolvers,
  sickReportsResolvers,
  leaveResolvers,
  statisticsResolvers,
  gradeWarningsResolvers,
  supportDecisionsResolvers,
  developmentPlansResolvers,
  studyPlansResolvers,
  assessmentsResolvers,
  newsResolvers,
  routinesResolvers,
  administrationResolvers,
  administrationGroupsResolvers,
  schoolsResolvers,
  schoolCalendarResolvers,
  adminPeopleResolvers,
  adminScheduleResolvers,
  apiClientsResolvers,
  ss12000SourceResolvers,
  importsResolvers,
  auditResolvers,
  registerExtractResolvers,
  retentionResolvers,
]);
