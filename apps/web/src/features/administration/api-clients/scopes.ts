import type { ApiScope } from '../../../gql/graphql';

/** The SS 12000 base path: the token, the endpoints and their description are all under it (the API's ss12000.router.ts). */
export const SS12000_PATH = '/ss12000/v2.1';

/** The endpoint each scope opens, in the order of the standard's description. */
export const SCOPE_ENDPOINTS: Record<ApiScope, string> = {
  ORGANISATIONS: 'organisations',
  PERSONS: 'persons',
  GROUPS: 'groups',
  DUTIES: 'duties',
  SYLLABUSES: 'syllabuses',
  ACTIVITIES: 'activities',
  CALENDAR_EVENTS: 'calendarEvents',
  ATTENDANCES: 'attendances',
  ABSENCES: 'absences',
  AGGREGATED_ATTENDANCE: 'aggregatedAttendance',
};

// A record's keys in their written order: every scope, each once, as the type above makes sure.
export const API_SCOPES = Object.keys(SCOPE_ENDPOINTS) as ApiScope[];
