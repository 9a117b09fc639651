// The codes the SS 12000 source's API answers with, as the texts of this page know them. The API sends most of them as
// plain strings (its record codes come from several rules and grow), so each is checked against these lists before
// its text is looked up; a code not listed is shown as it came.

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

/** What an import covers for now, in the order of the report. */
export const IMPORT_KINDS = ['schools', 'students', 'guardians', 'staff', 'guardianships'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The source's endpoints a check or run reads, and its token endpoint. */
export const SOURCE_ENDPOINTS = ['token', 'organisations', 'persons', 'groups', 'duties', 'activities', 'calendarEvents'] as const;
export type SourceEndpoint = (typeof SOURCE_ENDPOINTS)[number];

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
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  list.some((known) => known === value);
