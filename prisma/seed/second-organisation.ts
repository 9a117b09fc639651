// A second, small school owner in the same database: one school, one class with a teaching group, a few
// students with guardians, a teacher who is also the class's mentor, a principal and an administrator of
// its own, and this week's mathematics lessons from today on (none yet to take a roll call for). It is there so that every school owner can be shown
// invisible to every other (issue 13). Its calendar is its own: sportlov in week 9, not week 8.
import type { PrismaClient } from '@insyn/db';
import { personnummerFor, schoolYearCalendar, schoolYearStartFor } from '@insyn/domain';
import { addDaysIso, dbDate, mondayOf, schoolInstant } from './dates.ts';
import { uuidFromText } from './random.ts';

export const SECOND_ORGANISATION_NAME = 'Grannby kommun';
/** Usernames start with this, so they never meet the first organisation's. */
export const SECOND_ORGANISATION_USERNAME_PREFIX = 'grannby.';
const WINTER_BREAK_ISO_WEEK = 9;

export interface SecondOrganisationCounts {
  schools: number;
  classes: number;
  teachingGroups: number;
  students: number;
  guardians: number;
  staff: number;
  lessons: number;
  accounts: number;
}

const STUDENTS = [
  { firstName: 'Alva', lastName: 'Grann', birthDate: '2013-02-11', guardians: ['Maria Grann', 'Petter Grann'] },
  { firstName: 'Nils', lastName: 'Backe', birthDate: '2013-05-23', guardians: ['Sara Backe'] },
  { firstName: 'Ebba', lastName: 'Strand', birthDate: '2013-08-30', guardians: ['Jonas Strand', 'Lena Strand'] },
  { firstName: 'Omar', lastName: 'Nour', birthDate: '2013-11-04', guardians: ['Amal Nour'] },
] as const;

const STAFF = [
  { key: 'admin', firstName: 'Gunilla', lastName: 'Grannberg', signature: 'GUGR' },
  { key: 'rektor', firstName: 'Rolf', lastName: 'Rektorsson', signature: 'RORE' },
  { key: 'larare', firstName: 'Linnea', lastName: 'Lärk', signature: 'LILA' },
] as const;

/**
 * Writes the second organisation; ids follow from the seed, and personnummer, phone numbers and the unit code
 * are the first ones the first organisation did not take, so one seed, size and `today` give one database.
 */
export async function writeSecondOrganisation(
  prisma: PrismaClient,
  options: { seed: number; today: string; passwordHash: string },
): Promise<SecondOrganisationCounts> {
  const { seed, today, passwordHash } = options;
  const id = (label: string) => uuidFromText(`${seed}:second-organisation:${label}`);
  const calendar = schoolYearCalendar(schoolYearStartFor(today), { winterBreakIsoWeek: WINTER_BREAK_ISO_WEEK });
  const organisationId = id('organisation');
  const schoolId = id('school');
  const schoolYearId = id('school-year');
  const classId = id('class');
  const groupId = id('teaching-group');
  const mathsId = id('subject:MA');

  const [students, guardians, schools] = await Promise.all([
    prisma.student.findMany({ select: { personalIdentityNumber: true } }),
    prisma.guardian.findMany({ select: { personalIdentityNumber: true, mobilePhone: true } }),
    prisma.school.findMany({ select: { unitCode: true } }),
  ]);
  const usedNumbers = new Set([...students, ...guardians].map((person) => person.personalIdentityNumber));
  const usedPhones = new Set(guardians.map((guardian) => guardian.mobilePhone));
  const freeNumber = (birthDate: string, serial: number): string => {
    for (let next = serial; ; next = (next + 10) % 1000) {
      const pnr = personnummerFor(birthDate, next);
      if (!usedNumbers.has(pnr)) {
        usedNumbers.add(pnr);
        return pnr;
      }
    }
  };
  let phone = 70_990_0000;
  const freePhone = (): string => {
    while (usedPhones.has(`+46${phone}`)) phone += 1;
    usedPhones.add(`+46${phone}`);
    return `+46${phone}`;
  };
  let unitCode = 99_000_001;
  while (schools.some((school) => school.unitCode === String(unitCode))) unitCode += 1;

  await prisma.organisation.create({ data: { id: organisationId, name: SECOND_ORGANISATION_NAME } });
  await prisma.school.create({
    data: { id: schoolId, organisationId, name: 'Grannby skola', unitCode: String(unitCode), form: 'COMPULSORY' },
  });
  await prisma.schoolYear.create({
    data: {
      id: schoolYearId,
      organisationId,
      name: calendar.name,
      startDate: dbDate(calendar.startDate),
      endDate: dbDate(calendar.endDate),
    },
  });
  for (const term of calendar.terms) {
    await prisma.term.create({
      data: {
        id: id(`term:${term.kind}`),
        schoolYearId,
        kind: term.kind,
        startDate: dbDate(term.startDate),
        endDate: dbDate(term.endDate),
        breaks: {
          create: term.breaks.map((range) => ({
            id: id(`break:${range.startDate}`),
            name: range.name,
            startDate: dbDate(range.startDate),
            endDate: dbDate(range.endDate),
          })),
        },
      },
    });
  }
  await prisma.subject.createMany({
    data: [
      { id: mathsId, organisationId, code: 'MA', nameSv: 'Matematik', nameEn: 'Mathematics' },
      { id: id('subject:SV'), organisationId, code: 'SV', nameSv: 'Svenska', nameEn: 'Swedish' },
    ],
  });
  await prisma.group.createMany({
    data: [
      { id: classId, schoolId, schoolYearId, kind: 'CLASS', name: '7G', yearLevel: 7 },
      { id: groupId, schoolId, schoolYearId, kind: 'TEACHING', name: 'Ma7G', yearLevel: 7, subjectId: mathsId },
    ],
  });

  const validFrom = dbDate(calendar.startDate);
  const accounts: { id: string; username: string; passwordHash: string; studentId?: string; guardianId?: string; staffId?: string }[] = [];
  await prisma.staff.createMany({
    data: STAFF.map((person) => ({
      id: id(`staff:${person.key}`),
      organisationId,
      firstName: person.firstName,
      lastName: person.lastName,
      signature: person.signature,
      email: `${person.firstName.toLowerCase()}.${person.key}@grannby.example`,
    })),
  });
  const larareId = id('staff:larare');
  await prisma.staffDuty.createMany({
    data: [
      { id: id('duty:admin'), staffId: id('staff:admin'), kind: 'ADMINISTRATOR', validFrom },
      { id: id('duty:rektor'), staffId: id('staff:rektor'), kind: 'PRINCIPAL', schoolId, validFrom },
      { id: id('duty:mentor'), staffId: larareId, kind: 'MENTOR', groupId: classId, validFrom },
      { id: id('duty:teacher'), staffId: larareId, kind: 'TEACHER', groupId, validFrom },
    ],
  });
  for (const person of STAFF) {
    accounts.push({
      id: id(`account:${person.key}`),
      username: `${SECOND_ORGANISATION_USERNAME_PREFIX}${person.key}`,
      passwordHash,
      staffId: id(`staff:${person.key}`),
    });
  }

  let guardianCount = 0;
  for (const [index, student] of STUDENTS.entries()) {
    const studentId = id(`student:${index}`);
    await prisma.student.create({
      data: {
        id: studentId,
        personalIdentityNumber: freeNumber(student.birthDate, 20 + index * 2),
        firstName: student.firstName,
        lastName: student.lastName,
        birthDate: dbDate(student.birthDate),
        schoolId,
        organisationId,
        memberships: {
          create: [classId, groupId].map((group) => ({ id: id(`membership:${index}:${group}`), groupId: group, validFrom })),
        },
      },
    });
    accounts.push({
      id: id(`account:student:${index}`),
      username: `${SECOND_ORGANISATION_USERNAME_PREFIX}elev${index + 1}`,
      passwordHash,
      studentId,
    });
    for (const [position, name] of student.guardians.entries()) {
      const [firstName, lastName] = name.split(' ') as [string, string];
      const guardianId = id(`guardian:${index}:${position}`);
      guardianCount += 1;
      await prisma.guardian.create({
        data: {
          id: guardianId,
          personalIdentityNumber: freeNumber(`198${index}-0${position + 3}-1${index}`, 30 + position * 2),
          firstName,
          lastName,
          mobilePhone: freePhone(),
          email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@grannby.example`,
          notifyBySms: true,
          notifyByEmail: true,
          organisationId,
          guardianships: { create: { studentId } },
        },
      });
      accounts.push({
        id: id(`account:guardian:${index}:${position}`),
        username: `${SECOND_ORGANISATION_USERNAME_PREFIX}vh${guardianCount}`,
        passwordHash,
        guardianId,
      });
    }
  }
  await prisma.userAccount.createMany({ data: accounts });

  // Mathematics 08:00–09:00 from today to Friday, taught by the mentor: lessons before today would lack a roll call.
  const monday = mondayOf(today);
  const lessonDays = [0, 1, 2, 3, 4].map((offset) => addDaysIso(monday, offset)).filter((date) => date >= today);
  for (const date of lessonDays) {
    await prisma.lesson.create({
      data: {
        id: id(`lesson:${date}`),
        groupId,
        subjectId: mathsId,
        date: dbDate(date),
        startsAt: schoolInstant(date, 8 * 60),
        endsAt: schoolInstant(date, 9 * 60),
        room: 'G1',
        teachers: { create: { staffId: larareId } },
      },
    });
  }
  return {
    schools: 1,
    classes: 1,
    teachingGroups: 1,
    students: STUDENTS.length,
    guardians: guardianCount,
    staff: STAFF.length,
    lessons: lessonDays.length,
    accounts: accounts.length,
  };
}
