// The school's staff list (personallista): one row per staff member and duty, or a row without a duty. Staff are
// known again by their signature within the organisation; a teacher's or mentor's group is named within its school.
import { listCell, listProblemOf, listTemplate, type ListColumn, type ListProblem } from './lists.ts';
import { checkDateRange, checkStaff, DUTY_TARGET, type CheckedStaff, type DutyKindName } from './people.ts';

export const STAFF_LIST_COLUMNS = [
  { key: 'signature', sv: 'Signatur', en: 'Signature', required: true },
  { key: 'firstName', sv: 'Förnamn', en: 'First name', required: true },
  { key: 'lastName', sv: 'Efternamn', en: 'Last name', required: true },
  { key: 'email', sv: 'E-post', en: 'E-mail', required: false },
  { key: 'duty', sv: 'Uppdrag', en: 'Duty', required: false },
  { key: 'schoolUnitCode', sv: 'Skolenhetskod', en: 'School unit code', required: false },
  { key: 'groupName', sv: 'Grupp', en: 'Group', required: false },
  { key: 'validFrom', sv: 'Från och med', en: 'From', required: false },
  { key: 'validTo', sv: 'Till och med', en: 'Until', required: false },
] as const satisfies readonly ListColumn<string>[];

export type StaffListColumn = (typeof STAFF_LIST_COLUMNS)[number]['key'];

/** Which of a listed staff member's details an import changes (`duty`: a new dated duty). */
export const STAFF_IMPORT_CHANGES = ['firstName', 'lastName', 'email', 'duty'] as const;
export type StaffImportChange = (typeof STAFF_IMPORT_CHANGES)[number];

/** The duty's name in the list, in Swedish or English, as the school writes it. */
const DUTY_WORDS: Record<string, DutyKindName> = {
  lärare: 'TEACHER',
  teacher: 'TEACHER',
  mentor: 'MENTOR',
  rektor: 'PRINCIPAL',
  principal: 'PRINCIPAL',
  administratör: 'ADMINISTRATOR',
  administrator: 'ADMINISTRATOR',
};

export const staffListTemplate = (): string =>
  listTemplate(STAFF_LIST_COLUMNS, ['ANLI', 'Anna', 'Lind', 'anna.lind@example.se', 'Mentor', '12345678', '7A', '2026-08-17', '']);

export interface StaffListDuty {
  kind: DutyKindName;
  /** the school of a principal, or of a teacher's or mentor's group */
  schoolUnitCode: string | null;
  groupName: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface StaffListRow {
  line: number;
  staff: CheckedStaff;
  duty: StaffListDuty | null;
}

/** One data row, checked by the form's rules: the staff member, and the duty the row gives, if any. */
export function readStaffListRow(
  line: number,
  columns: readonly (StaffListColumn | null)[],
  cells: readonly string[],
): { ok: true; row: StaffListRow } | { ok: false; problems: ListProblem[] } {
  const value = (key: StaffListColumn) => listCell(columns, cells, key);
  const problems: ListProblem[] = [];
  const checked = checkStaff({
    signature: value('signature'),
    firstName: value('firstName'),
    lastName: value('lastName'),
    email: value('email'),
  });
  if (!checked.ok) problems.push(...checked.problems.map((problem) => listProblemOf(line, problem)));
  const word = value('duty').toLowerCase();
  const kind = word ? DUTY_WORDS[word] : undefined;
  if (word && !kind) problems.push({ line, column: 'duty', code: 'UNKNOWN_DUTY' });
  const schoolUnitCode = value('schoolUnitCode') || null;
  const groupName = value('groupName') || null;
  const validFrom = value('validFrom');
  const validTo = value('validTo') || null;
  if (kind) {
    const target = DUTY_TARGET[kind];
    const needs = { school: target !== 'ORGANISATION', group: target === 'CLASS' || target === 'TEACHING' };
    if (needs.school && !schoolUnitCode) problems.push({ line, column: 'schoolUnitCode', code: 'REQUIRED' });
    if (!needs.school && schoolUnitCode) problems.push({ line, column: 'schoolUnitCode', code: 'NOT_ALLOWED' });
    if (needs.group && !groupName) problems.push({ line, column: 'groupName', code: 'REQUIRED' });
    if (!needs.group && groupName) problems.push({ line, column: 'groupName', code: 'NOT_ALLOWED' });
    if (!validFrom) problems.push({ line, column: 'validFrom', code: 'REQUIRED' });
    else problems.push(...checkDateRange(validFrom, validTo).map((problem) => listProblemOf(line, problem)));
  } else if (!word && (schoolUnitCode || groupName || validFrom || validTo)) {
    problems.push({ line, column: 'duty', code: 'REQUIRED' });
  }
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: { line, staff: checked.value, duty: kind ? { kind, schoolUnitCode, groupName, validFrom, validTo } : null },
  };
}
