// Rules for the people an administrator enters by hand: students, guardians, staff and their dated duties.
// The API refuses with these problems (one stable code per field) and the web form shows the same codes.
import { normaliseEmail, normaliseMobilePhone } from '../contact.ts';
import { parsePersonnummer } from '../personnummer.ts';
import { isIsoDate } from '../iso-week.ts';

export interface PersonProblem {
  field: string;
  code: string;
}

export const MAX_PERSON_NAME_LENGTH = 100;

/** A name as stored: trimmed, inner white space collapsed; REQUIRED when blank, TOO_LONG over the limit. */
function checkName(field: string, value: string, problems: PersonProblem[]): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field, code: 'REQUIRED' });
  else if (name.length > MAX_PERSON_NAME_LENGTH) problems.push({ field, code: 'TOO_LONG' });
  return name;
}

function checkOptionalEmail(value: string | null | undefined, problems: PersonProblem[]): string | null {
  if (!value?.trim()) return null;
  const email = normaliseEmail(value);
  if (!email) problems.push({ field: 'email', code: 'INVALID_EMAIL' });
  return email;
}

export interface StudentInput {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  programmeCode?: string | null;
  protectedIdentity?: boolean | null;
}

export interface CheckedStudent {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD`, read from the personnummer (the real day for a samordningsnummer) */
  birthDate: string;
  programmeCode: string | null;
  protectedIdentity: boolean;
}

/** Upper-secondary programme codes are two to four letters (NA, TE, EE, IMYRK…). */
const PROGRAMME_CODE = /^[A-ZÅÄÖ]{2,6}$/;

export function checkStudent(input: StudentInput): { ok: true; value: CheckedStudent } | { ok: false; problems: PersonProblem[] } {
  const problems: PersonProblem[] = [];
  const parsed = parsePersonnummer(input.personalIdentityNumber);
  if (!parsed.ok) problems.push({ field: 'personalIdentityNumber', code: input.personalIdentityNumber.trim() ? parsed.error : 'REQUIRED' });
  const firstName = checkName('firstName', input.firstName, problems);
  const lastName = checkName('lastName', input.lastName, problems);
  const programmeCode = input.programmeCode?.trim().toUpperCase() || null;
  if (programmeCode && !PROGRAMME_CODE.test(programmeCode)) problems.push({ field: 'programmeCode', code: 'FORMAT' });
  if (!parsed.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      personalIdentityNumber: parsed.value.canonical,
      firstName,
      lastName,
      birthDate: parsed.value.birthDate,
      programmeCode,
      protectedIdentity: input.protectedIdentity ?? false,
    },
  };
}

export interface GuardianInput {
  personalIdentityNumber?: string | null;
  firstName: string;
  lastName: string;
  mobilePhone?: string | null;
  email?: string | null;
  streetAddress?: string | null;
  postalCode?: string | null;
  city?: string | null;
  protectedIdentity?: boolean | null;
}

export interface CheckedGuardian {
  personalIdentityNumber: string | null;
  firstName: string;
  lastName: string;
  mobilePhone: string | null;
  email: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: boolean;
}

const POSTAL_CODE = /^(\d{3}) ?(\d{2})$/;

/**
 * A guardian's details. The phone is checked as the contact choices check it (E.164, a mobile); the
 * postal address is all three parts or none, and none at all for a protected identity (rule 9).
 */
export function checkGuardian(input: GuardianInput): { ok: true; value: CheckedGuardian } | { ok: false; problems: PersonProblem[] } {
  const problems: PersonProblem[] = [];
  let personalIdentityNumber: string | null = null;
  if (input.personalIdentityNumber?.trim()) {
    const parsed = parsePersonnummer(input.personalIdentityNumber);
    if (parsed.ok) personalIdentityNumber = parsed.value.canonical;
    else problems.push({ field: 'personalIdentityNumber', code: parsed.error });
  }
  const firstName = checkName('firstName', input.firstName, problems);
  const lastName = checkName('lastName', input.lastName, problems);
  let mobilePhone: string | null = null;
  if (input.mobilePhone?.trim()) {
    const phone = normaliseMobilePhone(input.mobilePhone);
    if (phone.ok) mobilePhone = phone.value;
    else problems.push({ field: 'mobilePhone', code: phone.code });
  }
  const email = checkOptionalEmail(input.email, problems);

  const streetAddress = input.streetAddress?.trim().replace(/\s+/g, ' ') || null;
  const city = input.city?.trim().replace(/\s+/g, ' ') || null;
  let postalCode = input.postalCode?.trim() || null;
  const address = { streetAddress, postalCode, city };
  const given = (Object.keys(address) as (keyof typeof address)[]).filter((field) => address[field] !== null);
  if (given.length > 0 && input.protectedIdentity) {
    for (const field of given) problems.push({ field, code: 'PROTECTED_IDENTITY' });
  } else if (given.length > 0) {
    for (const field of ['streetAddress', 'postalCode', 'city'] as const) {
      if (address[field] === null) problems.push({ field, code: 'REQUIRED' });
    }
    if (postalCode) {
      const match = POSTAL_CODE.exec(postalCode);
      if (match) postalCode = `${match[1]} ${match[2]}`;
      else problems.push({ field: 'postalCode', code: 'FORMAT' });
    }
    if (streetAddress && streetAddress.length > 200) problems.push({ field: 'streetAddress', code: 'TOO_LONG' });
    if (city && city.length > MAX_PERSON_NAME_LENGTH) problems.push({ field: 'city', code: 'TOO_LONG' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      personalIdentityNumber,
      firstName,
      lastName,
      mobilePhone,
      email,
      streetAddress,
      postalCode,
      city,
      protectedIdentity: input.protectedIdentity ?? false,
    },
  };
}

export interface StaffInput {
  firstName: string;
  lastName: string;
  signature: string;
  email?: string | null;
}

export interface CheckedStaff {
  firstName: string;
  lastName: string;
  /** upper-case, as on the schedule */
  signature: string;
  email: string | null;
}

/** Schedules show the signature in a narrow column: two to eight letters or digits. */
const SIGNATURE = /^[\p{Lu}\d]{2,8}$/u;

export function checkStaff(input: StaffInput): { ok: true; value: CheckedStaff } | { ok: false; problems: PersonProblem[] } {
  const problems: PersonProblem[] = [];
  const firstName = checkName('firstName', input.firstName, problems);
  const lastName = checkName('lastName', input.lastName, problems);
  const signature = input.signature.trim().toUpperCase();
  if (!signature) problems.push({ field: 'signature', code: 'REQUIRED' });
  else if (!SIGNATURE.test(signature)) problems.push({ field: 'signature', code: 'FORMAT' });
  const email = checkOptionalEmail(input.email, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { firstName, lastName, signature, email } };
}

export type DutyKindName = 'TEACHER' | 'MENTOR' | 'PRINCIPAL' | 'ADMINISTRATOR';

/** What a duty is of: a teaching group, a class, a school or the whole organisation. */
export const DUTY_TARGET: Record<DutyKindName, 'TEACHING' | 'CLASS' | 'SCHOOL' | 'ORGANISATION'> = {
  TEACHER: 'TEACHING',
  MENTOR: 'CLASS',
  PRINCIPAL: 'SCHOOL',
  ADMINISTRATOR: 'ORGANISATION',
};

/** A dated range: real dates, and an end (inclusive) that is not before the start. */
export function checkDateRange(validFrom: string, validTo: string | null | undefined): PersonProblem[] {
  const problems: PersonProblem[] = [];
  if (!isIsoDate(validFrom)) problems.push({ field: 'validFrom', code: 'DATE' });
  if (validTo != null && !isIsoDate(validTo)) problems.push({ field: 'validTo', code: 'DATE' });
  if (problems.length === 0 && validTo != null && validTo < validFrom) problems.push({ field: 'validTo', code: 'END_BEFORE_START' });
  return problems;
}

/**
 * The target a duty needs, given what was sent: a TEACHER duty needs a teaching group, a MENTOR duty a class,
 * a PRINCIPAL duty a school; an ADMINISTRATOR duty is of the organisation and takes neither.
 * `groupKind` is the kind of the group sent, once the API has found it in the organisation.
 */
export function checkDutyTarget(
  kind: DutyKindName,
  sent: { schoolId: string | null; groupId: string | null; groupKind: 'CLASS' | 'TEACHING' | null },
): PersonProblem[] {
  const target = DUTY_TARGET[kind];
  if (target === 'ORGANISATION') {
    return [
      ...(sent.schoolId ? [{ field: 'schoolId', code: 'NOT_ALLOWED' }] : []),
      ...(sent.groupId ? [{ field: 'groupId', code: 'NOT_ALLOWED' }] : []),
    ];
  }
  if (target === 'SCHOOL') {
    return [
      ...(sent.schoolId ? [] : [{ field: 'schoolId', code: 'REQUIRED' }]),
      ...(sent.groupId ? [{ field: 'groupId', code: 'NOT_ALLOWED' }] : []),
    ];
  }
  const problems = sent.schoolId ? [{ field: 'schoolId', code: 'NOT_ALLOWED' }] : [];
  if (!sent.groupId) return [...problems, { field: 'groupId', code: 'REQUIRED' }];
  if (sent.groupKind !== null && sent.groupKind !== target) return [...problems, { field: 'groupId', code: 'WRONG_GROUP_KIND' }];
  return problems;
}
