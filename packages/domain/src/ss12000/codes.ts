// How Insyn's records read in SS 12000 (version 2.1): the standard's code lists for what Insyn keeps, used by the
// export and (read the other way) by the import. The Swedish values are the standard's, not translations.

/** SS 12000 Code_SchoolType for Insyn's school forms. */
export const SS12000_SCHOOL_TYPES = { COMPULSORY: 'GR', UPPER_SECONDARY: 'GY' } as const;
export type InsynSchoolForm = keyof typeof SS12000_SCHOOL_TYPES;
export type Ss12000SchoolType = (typeof SS12000_SCHOOL_TYPES)[InsynSchoolForm];

/** SS 12000 Code_GroupType: a class is "Klass", a teaching group "Undervisning". */
export const SS12000_GROUP_TYPES = { CLASS: 'Klass', TEACHING: 'Undervisning' } as const;
export type InsynGroupKind = keyof typeof SS12000_GROUP_TYPES;

export type InsynDutyKind = 'TEACHER' | 'MENTOR' | 'PRINCIPAL' | 'ADMINISTRATOR';
export type Ss12000DutyRole = 'Lärare' | 'Rektor' | 'Skoladministratör';

/**
 * One Insyn duty as an SS 12000 duty. A mentor is a teacher whose duty has the class as an assignment role
 * "Mentor" (the standard has no mentor duty role); an administrator's duty is at the organisation itself.
 */
export function ss12000Duty(kind: InsynDutyKind): { dutyRole: Ss12000DutyRole; mentor: boolean; atOrganisation: boolean } {
  switch (kind) {
    case 'TEACHER':
      return { dutyRole: 'Lärare', mentor: false, atOrganisation: false };
    case 'MENTOR':
      return { dutyRole: 'Lärare', mentor: true, atOrganisation: false };
    case 'PRINCIPAL':
      return { dutyRole: 'Rektor', mentor: false, atOrganisation: false };
    case 'ADMINISTRATOR':
      return { dutyRole: 'Skoladministratör', mentor: false, atOrganisation: true };
  }
}

/**
 * The enrolment's school year (årskurs) from the year level of the student's class: 0–9 in compulsory school
 * (0 is förskoleklass), 1–3 in upper secondary, where Insyn counts 10–12. Null when the class has none.
 */
export function ss12000SchoolYear(yearLevel: number | null): number | null {
  if (yearLevel === null) return null;
  return yearLevel >= 10 ? yearLevel - 9 : yearLevel;
}

/** SS 12000 writes a personnummer as twelve digits, no separator: 20100315-1234 is "201003151234". */
export const ss12000CivicNo = (personnummer: string): string => personnummer.replace(/\D/g, '');

/** Code_AbsenceType for what Insyn keeps as an absence reported beforehand. */
export const SS12000_ABSENCE_TYPES = { SICK_REPORT: 'Anmäld frånvaro', APPROVED_LEAVE: 'Beviljad ledighet' } as const;
