// organisations and persons: the organisation (huvudman) with its schools, and its students, guardians and staff.
import { Prisma, type PrismaClient } from '@insyn/db';
import { enrolmentEndedOn, inForce, SS12000_SCHOOL_TYPES, ss12000CivicNo, ss12000SchoolYear, type SchoolYearTeaching } from '@insyn/domain';
import { isoDate } from '../access/viewer.ts';
import { meta, reference, visiblePerson, type ExportScope } from './export-scope.ts';
import { page, type ListQuery } from './paging.ts';

export async function exportOrganisations(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { id: scope.organisationId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      schools: { select: { id: true, name: true, unitCode: true, form: true, createdAt: true, modifiedAt: true } },
    },
  });
  const records = [
    {
      id: organisation.id,
      modifiedAt: organisation.createdAt,
      record: {
        id: organisation.id,
        meta: meta(organisation.createdAt, organisation.createdAt),
        displayName: organisation.name,
        organisationType: 'Huvudman',
      },
    },
    ...organisation.schools.map((school) => ({
      id: school.id,
      modifiedAt: school.modifiedAt,
      record: {
        id: school.id,
        meta: meta(school.createdAt, school.modifiedAt),
        displayName: school.name,
        organisationType: 'Skolenhet',
        schoolUnitCode: school.unitCode,
        schoolTypes: [SS12000_SCHOOL_TYPES[school.form]],
        parentOrganisation: reference(organisation.id),
      },
    })),
  ]
    .filter(
      ({ id, modifiedAt }) =>
        (!query.after || id > query.after) &&
        (!query.modifiedAfter || modifiedAt >= query.modifiedAfter) &&
        (!query.modifiedBefore || modifiedAt <= query.modifiedBefore),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, query.limit + 1)
    .map(({ record }) => record);
  return page('organisations', query, records);
}

type PersonKind = 'student' | 'guardian' | 'staff';

/** One page of person ids across the three registers, in id order. */
async function personIds(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const hidden = scope.protectedIdentity ? Prisma.empty : Prisma.sql`AND NOT "protectedIdentity"`;
  const after = query.after ? Prisma.sql`AND id > ${query.after}::uuid` : Prisma.empty;
  const modifiedAfter = query.modifiedAfter ? Prisma.sql`AND "modifiedAt" >= ${query.modifiedAfter}` : Prisma.empty;
  const modifiedBefore = query.modifiedBefore ? Prisma.sql`AND "modifiedAt" <= ${query.modifiedBefore}` : Prisma.empty;
  const filters = Prisma.sql`${after} ${modifiedAfter} ${modifiedBefore}`;
  return prisma.$queryRaw<{ id: string; kind: PersonKind }[]>`
    SELECT id, kind FROM (
      (SELECT id, 'student' AS kind FROM "Student" WHERE "organisationId" = ${scope.organisationId}::uuid ${hidden} ${filters} ORDER BY id LIMIT ${query.limit + 1})
      UNION ALL
      (SELECT id, 'guardian' AS kind FROM "Guardian" WHERE "organisationId" = ${scope.organisationId}::uuid ${hidden} ${filters} ORDER BY id LIMIT ${query.limit + 1})
      UNION ALL
      (SELECT id, 'staff' AS kind FROM "Staff" WHERE "organisationId" = ${scope.organisationId}::uuid ${filters} ORDER BY id LIMIT ${query.limit + 1})
    ) p ORDER BY id LIMIT ${query.limit + 1}`;
}

/** The organisation's school years, each with the day its teaching ends (the last term's last day). */
async function schoolYearSpans(prisma: PrismaClient, organisationId: string): Promise<SchoolYearTeaching[]> {
  const years = await prisma.schoolYear.findMany({
    where: { organisationId },
    select: { startDate: true, endDate: true, terms: { select: { endDate: true } } },
  });
  return years.map((year) => {
    const endDate = isoDate(year.endDate);
    const termEnds = year.terms.map((term) => isoDate(term.endDate)).sort();
    return { startDate: isoDate(year.startDate), endDate, teachingEndsOn: termEnds.at(-1) ?? endDate };
  });
}

const securityMarking = (isProtected: boolean) => (isProtected ? 'Sekretessmarkering' : 'Ingen');

export async function exportPersons(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const ids = await personIds(prisma, scope, query);
  const of = (kind: PersonKind) => ids.filter((row) => row.kind === kind).map((row) => row.id);
  const [students, guardians, staff, schoolYears] = await Promise.all([
    prisma.student.findMany({
      where: { id: { in: of('student') } },
      select: {
        id: true,
        personalIdentityNumber: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        protectedIdentity: true,
        createdAt: true,
        modifiedAt: true,
        school: { select: { id: true, form: true } },
        guardianships: { where: { guardian: visiblePerson(scope) }, select: { guardianId: true }, orderBy: { guardianId: 'asc' } },
        // All of them: the class today gives the school year (årskurs), the last one's end the enrolment's.
        memberships: { select: { validFrom: true, validTo: true, group: { select: { kind: true, yearLevel: true } } } },
      },
    }),
    prisma.guardian.findMany({
      where: { id: { in: of('guardian') } },
      select: {
        id: true,
        personalIdentityNumber: true,
        firstName: true,
        lastName: true,
        mobilePhone: true,
        email: true,
        streetAddress: true,
        postalCode: true,
        city: true,
        protectedIdentity: true,
        createdAt: true,
        modifiedAt: true,
      },
    }),
    prisma.staff.findMany({
      where: { id: { in: of('staff') } },
      select: { id: true, firstName: true, lastName: true, email: true, createdAt: true, modifiedAt: true },
    }),
    schoolYearSpans(prisma, scope.organisationId),
  ]);

  const records = new Map<string, object>();
  for (const student of students) {
    const memberships = student.memberships.map(({ validFrom, validTo, group }) => ({
      validFrom: isoDate(validFrom),
      validTo: validTo ? isoDate(validTo) : null,
      ...group,
    }));
    const classToday = memberships.find((membership) => membership.kind === 'CLASS' && inForce(membership, scope.today));
    const schoolYear = ss12000SchoolYear(classToday?.yearLevel ?? null);
    const endDate = enrolmentEndedOn(memberships, scope.today, schoolYears);
    records.set(student.id, {
      id: student.id,
      meta: meta(student.createdAt, student.modifiedAt),
      givenName: student.firstName,
      familyName: student.lastName,
      civicNo: { value: ss12000CivicNo(student.personalIdentityNumber), nationality: 'SE' },
      birthDate: isoDate(student.birthDate),
      securityMarking: securityMarking(student.protectedIdentity),
      enrolments: [
        {
          enroledAt: reference(student.school.id),
          schoolType: SS12000_SCHOOL_TYPES[student.school.form],
          ...(schoolYear === null ? {} : { schoolYear }),
          ...(endDate === null ? {} : { endDate }),
        },
      ],
      responsibles: student.guardianships.map(({ guardianId }) => ({ person: reference(guardianId), relationType: 'Vårdnadshavare' })),
    });
  }
  for (const guardian of guardians) {
    records.set(guardian.id, {
      id: guardian.id,
      meta: meta(guardian.createdAt, guardian.modifiedAt),
      givenName: guardian.firstName,
      familyName: guardian.lastName,
      ...(guardian.personalIdentityNumber
        ? { civicNo: { value: ss12000CivicNo(guardian.personalIdentityNumber), nationality: 'SE' } }
        : {}),
      securityMarking: securityMarking(guardian.protectedIdentity),
      emails: guardian.email ? [{ value: guardian.email, type: 'Privat' }] : [],
      phoneNumbers: guardian.mobilePhone ? [{ value: guardian.mobilePhone, type: 'Privat', mobile: true }] : [],
      addresses:
        guardian.streetAddress || guardian.postalCode || guardian.city
          ? [
              {
                type: 'Folkbokföring',
                ...(guardian.streetAddress ? { streetAddress: guardian.streetAddress } : {}),
                ...(guardian.postalCode ? { postalCode: guardian.postalCode } : {}),
                ...(guardian.city ? { locality: guardian.city } : {}),
              },
            ]
          : [],
    });
  }
  for (const member of staff) {
    records.set(member.id, {
      id: member.id,
      meta: meta(member.createdAt, member.modifiedAt),
      givenName: member.firstName,
      familyName: member.lastName,
      securityMarking: 'Ingen',
      emails: member.email ? [{ value: member.email, type: 'Skola personal' }] : [],
    });
  }
  return page(
    'persons',
    query,
    ids.map(({ id }) => ({ id, ...records.get(id) })),
  );
}
