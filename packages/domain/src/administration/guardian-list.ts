// The school's guardian list (vårdnadshavarlista): one row per guardian and child, with the guardian's contact
// details and postal address. A guardian of two children is on two rows, with the same details.
import { listCell, listFlag, listProblemOf, listTemplate, type ListColumn, type ListProblem } from './lists.ts';
import { checkGuardian, type CheckedGuardian } from './people.ts';
import { parsePersonnummer } from '../personnummer.ts';

export const GUARDIAN_LIST_COLUMNS = [
  { key: 'studentPersonalIdentityNumber', sv: 'Elevens personnummer', en: "Student's personal identity number", required: true },
  { key: 'personalIdentityNumber', sv: 'Personnummer', en: 'Personal identity number', required: true },
  { key: 'firstName', sv: 'Förnamn', en: 'First name', required: true },
  { key: 'lastName', sv: 'Efternamn', en: 'Last name', required: true },
  { key: 'mobilePhone', sv: 'Mobilnummer', en: 'Mobile phone', required: false },
  { key: 'email', sv: 'E-post', en: 'E-mail', required: false },
  { key: 'streetAddress', sv: 'Gatuadress', en: 'Street address', required: false },
  { key: 'postalCode', sv: 'Postnummer', en: 'Postal code', required: false },
  { key: 'city', sv: 'Ort', en: 'City', required: false },
  { key: 'protectedIdentity', sv: 'Skyddad identitet', en: 'Protected identity', required: false },
] as const satisfies readonly ListColumn<string>[];

export type GuardianListColumn = (typeof GUARDIAN_LIST_COLUMNS)[number]['key'];

/** Which of a listed guardian's details an import changes (`guardianship`: becomes the child's guardian). */
export const GUARDIAN_IMPORT_CHANGES = [
  'firstName',
  'lastName',
  'mobilePhone',
  'email',
  'address',
  'protectedIdentity',
  'guardianship',
] as const;
export type GuardianImportChange = (typeof GUARDIAN_IMPORT_CHANGES)[number];

export const guardianListTemplate = (): string =>
  listTemplate(GUARDIAN_LIST_COLUMNS, [
    '19121212-1212',
    '19800101-0001',
    'Tolva',
    'Tolvansson',
    '070-123 45 67',
    'tolva@example.se',
    'Skolvägen 1',
    '123 45',
    'Exempelby',
    'nej',
  ]);

export interface GuardianListRow {
  line: number;
  studentPersonalIdentityNumber: string;
  guardian: CheckedGuardian & { personalIdentityNumber: string };
  /** null where the list has no such column: the guardian's flag stays as it is */
  protectedIdentity: boolean | null;
}

/** One data row, checked by the form's rules; the guardian's personnummer is required here, to know them again. */
export function readGuardianListRow(
  line: number,
  columns: readonly (GuardianListColumn | null)[],
  cells: readonly string[],
): { ok: true; row: GuardianListRow } | { ok: false; problems: ListProblem[] } {
  const value = (key: GuardianListColumn) => listCell(columns, cells, key);
  const problems: ListProblem[] = [];
  const protectedIdentity = listFlag(columns, cells, 'protectedIdentity', line, problems);
  const child = parsePersonnummer(value('studentPersonalIdentityNumber'));
  if (!child.ok) {
    problems.push({
      line,
      column: 'studentPersonalIdentityNumber',
      code: value('studentPersonalIdentityNumber') ? child.error : 'REQUIRED',
    });
  }
  if (!value('personalIdentityNumber')) problems.push({ line, column: 'personalIdentityNumber', code: 'REQUIRED' });
  const checked = checkGuardian({
    personalIdentityNumber: value('personalIdentityNumber'),
    firstName: value('firstName'),
    lastName: value('lastName'),
    mobilePhone: value('mobilePhone'),
    email: value('email'),
    streetAddress: value('streetAddress'),
    postalCode: value('postalCode'),
    city: value('city'),
    protectedIdentity: protectedIdentity ?? false,
  });
  if (!checked.ok) problems.push(...checked.problems.map((problem) => listProblemOf(line, problem)));
  if (!checked.ok || !child.ok || problems.length > 0 || checked.value.personalIdentityNumber === null) return { ok: false, problems };
  return {
    ok: true,
    row: {
      line,
      studentPersonalIdentityNumber: child.value.canonical,
      guardian: { ...checked.value, personalIdentityNumber: checked.value.personalIdentityNumber },
      protectedIdentity,
    },
  };
}
