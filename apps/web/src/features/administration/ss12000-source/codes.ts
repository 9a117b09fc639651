// The codes the SS 12000 source's API answers with, as the texts of this page know them. The API sends most of them as
// plain strings (its record codes come from several rules and grow), so each is checked against these lists before
// its text is looked up; a code not listed is shown as it came.
import { SS12000_IMPORTED_KINDS, type Ss12000ImportedKind } from '@insyn/domain';

/** What went wrong reaching the source (the API's source-reader.ts), in a check and in a run alike. */
export const SOURCE_PROBLEM_CODES = [
  'UNREACHABLE',
  'TIMEOUT',
  'TOKEN_REFUSED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'UNEXPECTED_STATUS',
  'MALFORMED_JSON',
  'NOT_A_PAGE',
  'PAGE_TOKEN_LOOP',
] as const;
export type SourceProblemCode = (typeof SOURCE_PROBLEM_CODES)[number];

/** A source record's problems in a run: the import's own, then those of the people rules it checks with. */
export const RECORD_PROBLEM_CODES = [
  'INVALID_RECORD',
  'DUPLICATE_ID',
  'INVALID_UNIT_CODE',
  'UNKNOWN_SCHOOL_TYPE',
  'UNIT_CODE_TAKEN',
  'UNKNOWN_SCHOOL',
  'OTHER_SCHOOL',
  'UNKNOWN_RESPONSIBLE',
  'SAME_PERSON_TWICE',
  'SIGNATURE_TAKEN',
  'REQUIRED',
  'TOO_LONG',
  'FORMAT',
  'DATE',
  'CHECK_DIGIT',
  'INVALID_PHONE',
  'NOT_A_MOBILE',
  'INVALID_EMAIL',
  'PROTECTED_IDENTITY',
] as const;
export type RecordProblemCode = (typeof RECORD_PROBLEM_CODES)[number];

/**
 * The problems of the groups, the duties and the syllabuses (subjects), each read with its endpoint: a code may mean
 * one thing for a group and another for a duty (UNKNOWN_SCHOOL, ENDS_BEFORE_START), so these are looked up first.
 */
export const ENDPOINT_PROBLEM_CODES = {
  groups: [
    'NO_SCHOOL_YEAR',
    'UNKNOWN_STUDENT',
    'OTHER_SCHOOL',
    'OVERLAPS',
    'ENDS_BEFORE_START',
    'IN_ANOTHER_CLASS',
    'NAME_TAKEN',
    'SAME_GROUP_TWICE',
    'REQUIRED',
    'TOO_LONG',
    'UNKNOWN_SCHOOL',
  ],
  duties: ['UNKNOWN_PERSON', 'UNKNOWN_GROUP', 'NOT_A_CLASS', 'ENDS_BEFORE_START', 'UNKNOWN_SCHOOL'],
  syllabuses: ['DUPLICATE', 'INVALID_CODE', 'REQUIRED', 'TOO_LONG'],
  calendarEvents: ['UNKNOWN_ACTIVITY', 'ENDS_BEFORE_START', 'NO_SUBJECT'],
} as const;
export type ProblemEndpoint = keyof typeof ENDPOINT_PROBLEM_CODES;
export const PROBLEM_ENDPOINTS = Object.keys(ENDPOINT_PROBLEM_CODES) as ProblemEndpoint[];

/** What an import covers, in the order of the report (the API's order). */
export const IMPORT_KINDS = SS12000_IMPORTED_KINDS;
export type ImportKind = Ss12000ImportedKind;

/** The source's endpoints a check or run reads, and its token endpoint. */
export const SOURCE_ENDPOINTS = [
  'token',
  'organisations',
  'persons',
  'duties',
  'syllabuses',
  'groups',
  'activities',
  'calendarEvents',
] as const;
export type SourceEndpoint = (typeof SOURCE_ENDPOINTS)[number];

/** What a running import reads, step by step (persons twice: who is who, then the people themselves). */
export const RUN_ENDPOINTS = ['organisations', 'duties', 'persons', 'syllabuses', 'activities', 'groups', 'calendarEvents'] as const;
export type RunEndpoint = (typeof RUN_ENDPOINTS)[number];

/** The fields a problem or a change names: the source's (schoolUnitCode) or Insyn's (personalIdentityNumber). */
export const RECORD_FIELDS = [
  'displayName',
  'schoolUnitCode',
  'schoolTypes',
  'enrolments',
  'responsibles',
  'name',
  'personalIdentityNumber',
  'firstName',
  'lastName',
  'protectedIdentity',
  'mobilePhone',
  'email',
  'streetAddress',
  'postalCode',
  'city',
  'signature',
  'civicNo',
  'organisation',
  'startDate',
  'endDate',
  'groupMemberships',
  'person',
  'dutyAt',
  'assignmentRole',
  'activities',
  'subjectCode',
  'subjectName',
  'kind',
  'yearLevel',
  'subjectId',
  'validFrom',
  'validTo',
  'code',
  'nameSv',
  'activity',
  'endTime',
  'teachers',
  'status',
] as const;

/** A membership's problem names the member: "groupMemberships:<the person's source id>". */
export const MEMBERSHIP_FIELD_PREFIX = 'groupMemberships:';
export type RecordField = (typeof RECORD_FIELDS)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  list.some((known) => known === value);
