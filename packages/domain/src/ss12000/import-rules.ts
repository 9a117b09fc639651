// How the records of a school administration system read in Insyn when imported over SS 12000: the group types,
// duty roles and year levels Insyn keeps, and what ending a record gone from the source means.
import { dayBefore } from '../administration/groups.ts';
import type { InsynDutyKind, InsynGroupKind, InsynSchoolForm } from './codes.ts';

/** What an import from SS 12000 brings in, per kind of record, in the order a run reports them. */
export const SS12000_IMPORTED_KINDS = [
  'schools',
  'students',
  'guardians',
  'staff',
  'guardianships',
  'subjects',
  'groups',
  'memberships',
  'duties',
  'lessons',
] as const;
export type Ss12000ImportedKind = (typeof SS12000_IMPORTED_KINDS)[number];

/** Classes and teaching groups are Insyn's groups; the standard's other group types (schedule, mentor, staff groups) are not. */
export function insynGroupKind(groupType: string): InsynGroupKind | null {
  if (groupType === 'Klass') return 'CLASS';
  if (groupType === 'Undervisning') return 'TEACHING';
  return null;
}

/** A class's year level from its students' årskurs: 0–9 in compulsory school, 1–3 in upper secondary (10–12 in Insyn). */
export function insynYearLevel(schoolYear: number, form: InsynSchoolForm): number | null {
  if (!Number.isInteger(schoolYear)) return null;
  if (form === 'UPPER_SECONDARY') return schoolYear >= 1 && schoolYear <= 3 ? schoolYear + 9 : null;
  return schoolYear >= 0 && schoolYear <= 9 ? schoolYear : null;
}

/** The most common of the year levels, the lowest on a tie; null when there are none. */
export function commonYearLevel(levels: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  let best: number | null = null;
  for (const [level, count] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && best !== null && level < best)) best = level;
  }
  return best;
}

export type ImportedDuty =
  | { kind: Extract<InsynDutyKind, 'PRINCIPAL'>; schoolSourceId: string }
  | { kind: Extract<InsynDutyKind, 'MENTOR' | 'TEACHER'>; groupSourceId: string };

/**
 * The Insyn duties one SS 12000 duty gives: a principal (Rektor) of the school the duty is at; a teacher (Lärare) is
 * mentor of the classes their assignment roles name "Mentor" and teacher of the groups the activities name them for.
 * Other roles — a school administrator among them, whose rights in Insyn an administrator gives by hand — give none.
 */
export function importedDuties(
  duty: { dutyRole?: string; dutyAt?: { id: string }; assignmentRole?: readonly { group: { id: string }; assignmentRoleType: string }[] },
  taughtGroupSourceIds: readonly string[],
): ImportedDuty[] {
  if (duty.dutyRole === 'Rektor') return duty.dutyAt ? [{ kind: 'PRINCIPAL', schoolSourceId: duty.dutyAt.id }] : [];
  if (duty.dutyRole !== 'Lärare') return [];
  const mentor = (duty.assignmentRole ?? [])
    .filter((role) => role.assignmentRoleType === 'Mentor')
    .map((role) => ({ kind: 'MENTOR' as const, groupSourceId: role.group.id }));
  const teacher = [...new Set(taughtGroupSourceIds)].map((groupSourceId) => ({ kind: 'TEACHER' as const, groupSourceId }));
  return [...mentor, ...teacher];
}

/**
 * Ending a dated record (a membership, a duty) that has gone from the source on `today`: it ends yesterday, so its
 * history stays; one that has not begun by today has no history and is removed.
 */
export function endOfGone(span: { validFrom: string; validTo: string | null }, today: string): { validTo: string } | 'REMOVE' | null {
  const yesterday = dayBefore(today);
  if (span.validTo !== null && span.validTo <= yesterday) return null;
  return span.validFrom <= yesterday ? { validTo: yesterday } : 'REMOVE';
}
