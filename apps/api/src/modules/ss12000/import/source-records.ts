// The source's records as the import reads them: SS 12000 shapes, with only the fields Insyn keeps checked and any
// other field let through unread.
import { isIsoDate } from '@insyn/domain';
import { z } from 'zod';

const reference = z.object({ id: z.string().min(1).max(200) });

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
    .array(z.object({ enroledAt: reference, schoolYear: z.number().int().optional(), cancelled: z.boolean().optional() }))
    .optional(),
  responsibles: z.array(z.object({ person: reference, relationType: z.string().optional() })).optional(),
});
export type SourcePerson = z.infer<typeof sourcePerson>;

const isoDate = z.string().refine(isIsoDate);

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

/** The school a student is enrolled at: the first enrolment not cancelled. */
export const enrolmentOf = (person: SourcePerson) => person.enrolments?.find((enrolment) => !enrolment.cancelled);

const instant = z.iso.datetime({ offset: true });

export const sourceCalendarEvent = z.object({
  id: z.string().min(1).max(200),
  activity: reference,
  startTime: instant,
  endTime: instant,
  cancelled: z.boolean().optional(),
});
export type SourceCalendarEvent = z.infer<typeof sourceCalendarEvent>;
