// The source's records as the import reads them: SS 12000 shapes, with only the fields Insyn keeps checked and any
// other field let through unread.
import { isIsoDate } from '@insyn/domain';
import { z } from 'zod';

const reference = z.object({ id: z.string().min(1).max(200) });
const isoDate = z.string().refine(isIsoDate);

export const sourceOrganisation = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string(),
  organisationType: z.string().optional(),
  schoolUnitCode: z.string().optional(),
  schoolTypes: z.array(z.string()).optional(),
});

export const sourcePerson = z.object({
  id: z.string().min(1).max(200),
  givenName: z.string(),
  familyName: z.string(),
  civicNo: z.object({ value: z.string() }).optional(),
  securityMarking: z.string().optional(),
  emails: z.array(z.object({ value: z.string() })).optional(),
  phoneNumbers: z.array(z.object({ value: z.string(), mobile: z.boolean().optional() })).optional(),
  addresses: z
    .array(
      z.object({
        type: z.string().optional(),
        streetAddress: z.string().optional(),
        postalCode: z.string().optional(),
        locality: z.string().optional(),
      }),
    )
    .optional(),
  enrolments: z
    .array(
      z.object({
        enroledAt: reference,
        schoolYear: z.number().int().optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
        cancelled: z.boolean().optional(),
      }),
    )
    .optional(),
  responsibles: z.array(z.object({ person: reference, relationType: z.string().optional() })).optional(),
});
export type SourcePerson = z.infer<typeof sourcePerson>;

export const sourceDuty = z.object({
  id: z.string().min(1).max(200),
  person: reference,
  signature: z.string().optional(),
  dutyAt: reference.optional(),
  dutyRole: z.string().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  assignmentRole: z.array(z.object({ group: reference, assignmentRoleType: z.string() })).optional(),
});
export type SourceDuty = z.infer<typeof sourceDuty>;

export const sourceSyllabus = z.object({ id: z.string().min(1).max(200), subjectCode: z.string(), subjectName: z.string() });

export const sourceActivity = z.object({
  id: z.string().min(1).max(200),
  groups: z.array(reference).optional(),
  teachers: z.array(z.object({ duty: reference })).optional(),
  syllabus: reference.optional(),
});

export const sourceGroup = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string(),
  groupType: z.string(),
  organisation: reference,
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  groupMemberships: z.array(z.object({ person: reference, startDate: isoDate.optional(), endDate: isoDate.optional() })).optional(),
});
export type SourceGroup = z.infer<typeof sourceGroup>;

/** SS 12000 marks a protected identity as "Sekretessmarkering" or "Skyddad folkbokföring"; "Ingen" or nothing is none. */
export const isProtected = (person: SourcePerson) => person.securityMarking !== undefined && person.securityMarking !== 'Ingen';

/**
 * The enrolment that makes a person a student of the school on `today`: not cancelled and not ended (its end date, the
 * last day, before today). Of those, one already begun before one yet to begin: a student changing school at a new
 * term (as many do between years 6 and 7) is listed with both, in no set order; over the summer the old one has ended and
 * the new one not yet begun.
 */
export function enrolmentOf(person: SourcePerson, today: string) {
  const open = (person.enrolments ?? []).filter((enrolment) => !enrolment.cancelled && !(enrolment.endDate && enrolment.endDate < today));
  const begun = open.find((enrolment) => !enrolment.startDate || enrolment.startDate <= today);
  return begun ?? open.toSorted((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''))[0];
}

/**
 * The last day of a student who has left: enrolled before, with no enrolment open on `today` (a cancelled one was never
 * in force), the end of the last to end; undefined for anyone else.
 */
export function lastDayOf(person: SourcePerson, today: string): string | undefined {
  if (enrolmentOf(person, today)) return undefined;
  return (person.enrolments ?? [])
    .flatMap((enrolment) => (enrolment.cancelled || !enrolment.endDate ? [] : [enrolment.endDate]))
    .toSorted()
    .at(-1);
}

const instant = z.iso.datetime({ offset: true });

export const sourceCalendarEvent = z.object({
  id: z.string().min(1).max(200),
  activity: reference,
  startTime: instant,
  endTime: instant,
  cancelled: z.boolean().optional(),
});
export type SourceCalendarEvent = z.infer<typeof sourceCalendarEvent>;
