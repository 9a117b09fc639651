// Bringing the organisation's schools and people in from its SS 12000 source: schools (skolenheter, by unit code),
// students (by their enrolment), their guardians (the students' responsibles), staff (the persons with duties) and
// who is whose guardian. Every record keeps its source id (Ss12000Link), so an import run again finds it and
// changes nothing that has not changed; a person already in Insyn is found by personnummer, a school by unit code.
// Everything is written in the caller's transaction; problems are collected, each naming the source record.
import { randomUUID } from 'node:crypto';
import {
  checkGuardian,
  checkStaff,
  checkStudent,
  isUnitCode,
  normaliseUnitCode,
  type CheckedGuardian,
  type CheckedStaff,
  type CheckedStudent,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import { recordChanges, type RecordedChange } from '../../administration/administration.changes.ts';
import { guardianSnapshot } from '../../administration/people/guardians.service.ts';
import { staffSnapshot } from '../../administration/people/staff.service.ts';
import { guardianshipSnapshot, studentSnapshot } from '../../administration/people/students.service.ts';
import { dateValue } from '../../access/validity.ts';
import {
  PAGE,
  allLinks,
  alreadyLinked,
  changedQuery,
  differing,
  link,
  linksOf,
  records,
  type SourceRead,
  type WriteContext,
} from './import-records.ts';
import type { ImportTally, ImportedKind } from './import-tally.ts';
import {
  enrolmentOf,
  lastDayOf,
  isProtected,
  sourceDuty,
  sourceOrganisation,
  sourcePerson,
  type SourceDuty,
  type SourcePerson,
} from './source-records.ts';
import { sourcePages } from './source-reader.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

/**
 * Whether the source record may become this Insyn record: not when another source record of this run, or of an
 * earlier one, is it already (two records of one person in the source), which is a problem of the record.
 */
function mayBecome(
  tally: ImportTally,
  kind: ImportedKind,
  personId: string,
  insynId: string,
  linkedBefore: boolean,
  taken: Set<string>,
): boolean {
  if (tally.claim(`${kind}:${insynId}`) && (linkedBefore || !taken.has(insynId))) return true;
  tally.problem({ endpoint: 'persons', sourceId: personId, code: 'SAME_PERSON_TWICE' });
  return false;
}

/** The source's schools, found by link or unit code, else added. Returns source id → Insyn school id. */
async function importSchools(ctx: WriteContext, read: SourceRead) {
  const { tally } = read;
  const schools = new Map<string, string>();
  for await (const page of records(read, 'organisations', sourceOrganisation, new Set())) {
    for (const organisation of page) {
      // The huvudman itself, and units without a unit code (a department), are not schools.
      if (organisation.organisationType === 'Huvudman' || organisation.schoolUnitCode === undefined) continue;
      const unitCode = normaliseUnitCode(organisation.schoolUnitCode);
      const form = organisation.schoolTypes?.includes('GY')
        ? 'UPPER_SECONDARY'
        : organisation.schoolTypes?.includes('GR')
          ? 'COMPULSORY'
          : null;
      const name = organisation.displayName.trim();
      if (!isUnitCode(unitCode))
        tally.problem({ endpoint: 'organisations', sourceId: organisation.id, code: 'INVALID_UNIT_CODE', field: 'schoolUnitCode' });
      if (!form) tally.problem({ endpoint: 'organisations', sourceId: organisation.id, code: 'UNKNOWN_SCHOOL_TYPE', field: 'schoolTypes' });
      if (name === '') tally.problem({ endpoint: 'organisations', sourceId: organisation.id, code: 'REQUIRED', field: 'displayName' });
      if (!isUnitCode(unitCode) || !form || name === '') continue;

      const linked = (await linksOf(ctx, 'SCHOOL', [organisation.id])).get(organisation.id);
      const existing = linked
        ? await ctx.prisma.school.findUnique({ where: { id: linked } })
        : await ctx.prisma.school.findUnique({ where: { unitCode } });
      if (existing && existing.organisationId !== ctx.organisationId) {
        tally.problem({ endpoint: 'organisations', sourceId: organisation.id, code: 'UNIT_CODE_TAKEN', field: 'schoolUnitCode' });
        continue;
      }
      if (!existing) {
        const created = await ctx.prisma.school.create({ data: { organisationId: ctx.organisationId, name, unitCode, form } });
        await link(ctx, 'SCHOOL', [{ sourceId: organisation.id, insynId: created.id }]);
        await recordChanges(ctx, [
          { entity: 'school', kind: 'created', entityId: created.id, before: null, after: { name, unitCode, form } },
        ]);
        tally.added('schools', organisation.id, name);
        schools.set(organisation.id, created.id);
        continue;
      }
      if (!linked) await link(ctx, 'SCHOOL', [{ sourceId: organisation.id, insynId: existing.id }]);
      schools.set(organisation.id, existing.id);
      if (existing.name !== name) {
        await ctx.prisma.school.update({ where: { id: existing.id }, data: { name } });
        await recordChanges(ctx, [
          { entity: 'school', kind: 'updated', entityId: existing.id, before: { name: existing.name }, after: { name } },
        ]);
        tally.changed('schools', organisation.id, name, ['name']);
      } else {
        tally.unchanged('schools');
      }
    }
  }
  return schools;
}

/** Who the people are, from a first read: staff are the persons with duties, guardians the students' responsibles. */
async function surveyPeople(read: SourceRead, today: string) {
  const staffSignatures = new Map<string, string | undefined>();
  // The duties are few (one or two per staff member) and kept for the duties' own import at the end.
  const duties: SourceDuty[] = [];
  for await (const page of records(read, 'duties', sourceDuty, new Set())) {
    for (const duty of page) {
      duties.push(duty);
      if (!staffSignatures.get(duty.person.id)) staffSignatures.set(duty.person.id, duty.signature);
    }
  }
  const persons = new Set<string>();
  const responsibles = new Set<string>();
  // Shape problems and duplicates are reported by the second read, which writes.
  read.progress.reading('persons');
  for await (const page of sourcePages(read.connection, read.token, 'persons', changedQuery(read), PAGE)) {
    read.progress.pageRead();
    for (const raw of page) {
      const parsed = sourcePerson.safeParse(raw);
      if (!parsed.success) continue;
      persons.add(parsed.data.id);
      if (enrolmentOf(parsed.data, today))
        for (const responsible of parsed.data.responsibles ?? []) responsibles.add(responsible.person.id);
    }
  }
  return { staffSignatures, duties, persons, responsibles };
}

const civicNoOf = (person: SourcePerson) => person.civicNo?.value ?? '';
const fullName = (person: SourcePerson) => `${person.givenName} ${person.familyName}`.trim();

/** A person's problems as import problems of the persons endpoint. */
function reportProblems(tally: ImportTally, person: SourcePerson, problems: readonly { field: string; code: string }[]) {
  for (const problem of problems) tally.problem({ endpoint: 'persons', sourceId: person.id, code: problem.code, field: problem.field });
}

async function importStudents(ctx: WriteContext, page: SourcePerson[], schools: Map<string, string>, tally: ImportTally) {
  const checked: { person: SourcePerson; student: CheckedStudent; schoolId: string }[] = [];
  for (const person of page) {
    const result = checkStudent({
      personalIdentityNumber: civicNoOf(person),
      firstName: person.givenName,
      lastName: person.familyName,
      protectedIdentity: isProtected(person),
    });
    const schoolId = schools.get(enrolmentOf(person, ctx.today)!.enroledAt.id);
    if (!schoolId) tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'UNKNOWN_SCHOOL', field: 'enrolments' });
    if (!result.ok) reportProblems(tally, person, result.problems);
    if (result.ok && schoolId) checked.push({ person, student: result.value, schoolId });
  }
  const linked = await linksOf(
    ctx,
    'STUDENT',
    checked.map(({ person }) => person.id),
  );
  const existing = await ctx.prisma.student.findMany({
    where: {
      organisationId: ctx.organisationId,
      OR: [
        { id: { in: [...linked.values()] } },
        { personalIdentityNumber: { in: checked.map(({ student }) => student.personalIdentityNumber) } },
      ],
    },
  });
  const byId = new Map(existing.map((student) => [student.id, student]));
  const byNumber = new Map(existing.map((student) => [student.personalIdentityNumber, student]));
  const creates: (Prisma.StudentCreateManyInput & { id: string })[] = [];
  const newLinks: { sourceId: string; insynId: string }[] = [];
  const changes: RecordedChange[] = [];
  const taken = await alreadyLinked(
    ctx,
    'STUDENT',
    existing.map((student) => student.id),
  );
  for (const { person, student, schoolId } of checked) {
    const linkedId = linked.get(person.id);
    const found = (linkedId && byId.get(linkedId)) || byNumber.get(student.personalIdentityNumber);
    if (!tally.claim(`student-number:${student.personalIdentityNumber}`)) {
      tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'SAME_PERSON_TWICE', field: 'civicNo' });
      continue;
    }
    if (found && !mayBecome(tally, 'students', person.id, found.id, linkedId === found.id, taken)) continue;
    const fields = {
      personalIdentityNumber: student.personalIdentityNumber,
      firstName: student.firstName,
      lastName: student.lastName,
      protectedIdentity: student.protectedIdentity,
    };
    if (!found) {
      const id = randomUUID();
      const row = {
        id,
        organisationId: ctx.organisationId,
        schoolId,
        birthDate: dateValue(student.birthDate),
        programmeCode: null,
        ...fields,
      };
      creates.push(row);
      newLinks.push({ sourceId: person.id, insynId: id });
      changes.push({ entity: 'student', kind: 'created', entityId: id, studentId: id, before: null, after: studentSnapshot(row) });
      tally.added('students', person.id, fullName(person));
      continue;
    }
    if (!linkedId) newLinks.push({ sourceId: person.id, insynId: found.id });
    // Moving a student to another school is a change of its own (its classes, its reports); not by import.
    if (found.schoolId !== schoolId) {
      tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'OTHER_SCHOOL', field: 'enrolments' });
      continue;
    }
    const before = {
      personalIdentityNumber: found.personalIdentityNumber,
      firstName: found.firstName,
      lastName: found.lastName,
      protectedIdentity: found.protectedIdentity,
    };
    const differ = differing(before, fields);
    if (differ.length === 0) {
      tally.unchanged('students');
      continue;
    }
    await ctx.prisma.student.update({ where: { id: found.id }, data: { ...fields, birthDate: dateValue(student.birthDate) } });
    changes.push({
      entity: 'student',
      kind: 'updated',
      entityId: found.id,
      studentId: found.id,
      before: studentSnapshot(found),
      after: studentSnapshot({ ...found, ...fields, birthDate: student.birthDate }),
    });
    tally.changed('students', person.id, fullName(person), differ);
  }
  if (creates.length > 0) await ctx.prisma.student.createMany({ data: creates });
  changes.push(...(await ensureAccountsOf(ctx.prisma, 'STUDENT', creates)));
  await link(ctx, 'STUDENT', newLinks);
  await recordChanges(ctx, changes);
}

function guardianInput(person: SourcePerson) {
  const protectedIdentity = isProtected(person);
  const phone = person.phoneNumbers?.find((number) => number.mobile !== false) ?? person.phoneNumbers?.[0];
  const address = person.addresses?.find((one) => one.type === 'Folkbokföring') ?? person.addresses?.[0];
  return checkGuardian({
    personalIdentityNumber: person.civicNo?.value ?? null,
    firstName: person.givenName,
    lastName: person.familyName,
    mobilePhone: phone?.value ?? null,
    email: person.emails?.[0]?.value ?? null,
    // No address is kept for a protected identity, whatever the source sends.
    ...(protectedIdentity || !address
      ? {}
      : { streetAddress: address.streetAddress, postalCode: address.postalCode, city: address.locality }),
    protectedIdentity,
  });
}

async function importGuardians(ctx: WriteContext, page: SourcePerson[], tally: ImportTally) {
  const checked: { person: SourcePerson; guardian: CheckedGuardian }[] = [];
  for (const person of page) {
    const result = guardianInput(person);
    if (result.ok) checked.push({ person, guardian: result.value });
    else reportProblems(tally, person, result.problems);
  }
  const linked = await linksOf(
    ctx,
    'GUARDIAN',
    checked.map(({ person }) => person.id),
  );
  const numbers = checked.map(({ guardian }) => guardian.personalIdentityNumber).filter((number): number is string => number !== null);
  // A guardian without personnummer (a parent abroad) is known again by name and e-mail or mobile, if by nothing else.
  const unnumbered = checked.filter(({ person, guardian }) => !linked.has(person.id) && guardian.personalIdentityNumber === null);
  const existing = await ctx.prisma.guardian.findMany({
    where: {
      organisationId: ctx.organisationId,
      OR: [
        { id: { in: [...linked.values()] } },
        { personalIdentityNumber: { in: numbers } },
        ...unnumbered.map(({ guardian }) => ({
          personalIdentityNumber: null,
          firstName: guardian.firstName,
          lastName: guardian.lastName,
          OR: [
            ...(guardian.email ? [{ email: { equals: guardian.email, mode: 'insensitive' as const } }] : []),
            ...(guardian.mobilePhone ? [{ mobilePhone: guardian.mobilePhone }] : []),
          ],
        })),
      ],
    },
  });
  const byId = new Map(existing.map((guardian) => [guardian.id, guardian]));
  const byNumber = new Map(existing.map((guardian) => [guardian.personalIdentityNumber, guardian]));
  const byContact = (guardian: CheckedGuardian) => {
    const matches = existing.filter(
      (one) =>
        one.personalIdentityNumber === null &&
        one.firstName === guardian.firstName &&
        one.lastName === guardian.lastName &&
        ((guardian.email !== null && one.email?.toLowerCase() === guardian.email.toLowerCase()) ||
          (guardian.mobilePhone !== null && one.mobilePhone === guardian.mobilePhone)),
    );
    return matches.length === 1 ? matches[0] : undefined;
  };
  const creates: (Prisma.GuardianCreateManyInput & { id: string })[] = [];
  const newLinks: { sourceId: string; insynId: string }[] = [];
  const changes: RecordedChange[] = [];
  const taken = await alreadyLinked(
    ctx,
    'GUARDIAN',
    existing.map((guardian) => guardian.id),
  );
  for (const { person, guardian } of checked) {
    const linkedId = linked.get(person.id);
    if (guardian.personalIdentityNumber && !tally.claim(`guardian-number:${guardian.personalIdentityNumber}`)) {
      tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'SAME_PERSON_TWICE', field: 'civicNo' });
      continue;
    }
    const found =
      (linkedId && byId.get(linkedId)) ||
      (guardian.personalIdentityNumber ? byNumber.get(guardian.personalIdentityNumber) : byContact(guardian));
    if (found && !mayBecome(tally, 'guardians', person.id, found.id, linkedId === found.id, taken)) continue;
    if (!found) {
      const id = randomUUID();
      creates.push({ id, organisationId: ctx.organisationId, ...guardian });
      newLinks.push({ sourceId: person.id, insynId: id });
      changes.push({ entity: 'guardian', kind: 'created', entityId: id, before: null, after: guardianSnapshot(guardian) });
      tally.added('guardians', person.id, fullName(person));
      continue;
    }
    if (!linkedId) newLinks.push({ sourceId: person.id, insynId: found.id });
    const differ = differing(
      {
        personalIdentityNumber: found.personalIdentityNumber,
        firstName: found.firstName,
        lastName: found.lastName,
        mobilePhone: found.mobilePhone,
        email: found.email,
        streetAddress: found.streetAddress,
        postalCode: found.postalCode,
        city: found.city,
        protectedIdentity: found.protectedIdentity,
      },
      guardian,
    );
    if (differ.length === 0) {
      tally.unchanged('guardians');
      continue;
    }
    await ctx.prisma.guardian.update({ where: { id: found.id }, data: guardian });
    changes.push({
      entity: 'guardian',
      kind: 'updated',
      entityId: found.id,
      before: guardianSnapshot(found),
      after: guardianSnapshot(guardian),
    });
    tally.changed('guardians', person.id, fullName(person), differ);
  }
  if (creates.length > 0) await ctx.prisma.guardian.createMany({ data: creates });
  changes.push(...(await ensureAccountsOf(ctx.prisma, 'GUARDIAN', creates)));
  await link(ctx, 'GUARDIAN', newLinks);
  await recordChanges(ctx, changes);
}

/** A signature for a person the source gives none: initials, then a digit while taken. */
function freeSignature(person: SourcePerson, taken: Set<string>): string {
  const letters = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase();
  const base = `${letters(person.givenName).slice(0, 2)}${letters(person.familyName).slice(0, 2)}`.padEnd(2, 'X');
  for (let n = 0; ; n += 1) {
    const candidate = n === 0 ? base : `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function importStaff(
  ctx: WriteContext,
  page: SourcePerson[],
  signatures: Map<string, string | undefined>,
  taken: Set<string>,
  tally: ImportTally,
) {
  const linked = await linksOf(
    ctx,
    'STAFF',
    page.map((person) => person.id),
  );
  // Staff have no personnummer in Insyn: someone not linked yet is known again by the signature the source gives.
  const givenSignatures = page
    .map((person) => signatures.get(person.id)?.trim().toUpperCase())
    .filter((signature): signature is string => !!signature);
  const existing = await ctx.prisma.staff.findMany({
    where: { organisationId: ctx.organisationId, OR: [{ id: { in: [...linked.values()] } }, { signature: { in: givenSignatures } }] },
  });
  const byId = new Map(existing.map((staff) => [staff.id, staff]));
  const bySignature = new Map(existing.map((staff) => [staff.signature, staff]));
  const alreadyTaken = await alreadyLinked(
    ctx,
    'STAFF',
    existing.map((staff) => staff.id),
  );
  const changes: RecordedChange[] = [];
  const newLinks: { sourceId: string; insynId: string }[] = [];
  const createdStaff: { id: string; firstName: string; lastName: string }[] = [];
  for (const person of page) {
    const linkedId = linked.get(person.id);
    const given = signatures.get(person.id)?.trim().toUpperCase();
    const found = (linkedId && byId.get(linkedId)) || (given ? bySignature.get(given) : undefined);
    if (found && !mayBecome(tally, 'staff', person.id, found.id, linkedId === found.id, alreadyTaken)) continue;
    const signature = signatures.get(person.id) ?? found?.signature ?? freeSignature(person, taken);
    const result = checkStaff({
      firstName: person.givenName,
      lastName: person.familyName,
      signature,
      email: person.emails?.[0]?.value ?? null,
    });
    if (!result.ok) {
      reportProblems(tally, person, result.problems);
      continue;
    }
    const staff: CheckedStaff = result.value;
    if (!found) {
      if (taken.has(staff.signature)) {
        tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'SIGNATURE_TAKEN', field: 'signature' });
        continue;
      }
      taken.add(staff.signature);
      const created = await ctx.prisma.staff.create({ data: { organisationId: ctx.organisationId, ...staff } });
      createdStaff.push(created);
      newLinks.push({ sourceId: person.id, insynId: created.id });
      changes.push({ entity: 'staff', kind: 'created', entityId: created.id, before: null, after: staffSnapshot(staff) });
      tally.added('staff', person.id, fullName(person));
      continue;
    }
    if (!linkedId) newLinks.push({ sourceId: person.id, insynId: found.id });
    const differ = differing(
      { firstName: found.firstName, lastName: found.lastName, signature: found.signature, email: found.email },
      staff,
    );
    if (differ.includes('signature') && taken.has(staff.signature)) {
      tally.problem({ endpoint: 'persons', sourceId: person.id, code: 'SIGNATURE_TAKEN', field: 'signature' });
      continue;
    }
    if (differ.length === 0) {
      tally.unchanged('staff');
      continue;
    }
    taken.add(staff.signature);
    await ctx.prisma.staff.update({ where: { id: found.id }, data: staff });
    changes.push({ entity: 'staff', kind: 'updated', entityId: found.id, before: staffSnapshot(found), after: staffSnapshot(staff) });
    tally.changed('staff', person.id, fullName(person), differ);
  }
  changes.push(...(await ensureAccountsOf(ctx.prisma, 'STAFF', createdStaff)));
  await link(ctx, 'STAFF', newLinks);
  await recordChanges(ctx, changes);
}

/** Who is whose guardian, as the students' responsibles say. */
async function importGuardianships(ctx: WriteContext, pairs: [string, string][], tally: ImportTally) {
  for (let start = 0; start < pairs.length; start += PAGE) {
    const chunk = pairs.slice(start, start + PAGE);
    const students = await linksOf(ctx, 'STUDENT', [...new Set(chunk.map(([student]) => student))]);
    const guardians = await linksOf(ctx, 'GUARDIAN', [...new Set(chunk.map(([, guardian]) => guardian))]);
    const wanted = chunk
      .map(([student, guardian]) => ({ studentId: students.get(student), guardianId: guardians.get(guardian), sourceId: student }))
      .filter(
        (pair): pair is { studentId: string; guardianId: string; sourceId: string } =>
          pair.studentId !== undefined && pair.guardianId !== undefined,
      );
    const existing = await ctx.prisma.guardianship.findMany({
      where: { OR: wanted.map(({ studentId, guardianId }) => ({ studentId, guardianId })) },
      select: { studentId: true, guardianId: true },
    });
    const have = new Set(existing.map((pair) => `${pair.studentId}:${pair.guardianId}`));
    const added = wanted.filter((pair) => !have.has(`${pair.studentId}:${pair.guardianId}`));
    for (let n = wanted.length - added.length; n > 0; n -= 1) tally.unchanged('guardianships');
    if (added.length === 0) continue;
    await ctx.prisma.guardianship.createMany({
      data: added.map(({ studentId, guardianId }) => ({ studentId, guardianId, organisationId: ctx.organisationId })),
    });
    await recordChanges(
      ctx,
      added.map(({ studentId, guardianId }) => ({
        entity: 'guardianship',
        kind: 'created',
        entityId: `${studentId}:${guardianId}`,
        studentId,
        before: null,
        after: guardianshipSnapshot(studentId, guardianId),
      })),
    );
    // Named as an administrator knows them: the student, then the guardian.
    // One statement at a time: a transaction's queries share one connection.
    const studentNames = await ctx.prisma.student.findMany({
      where: { id: { in: added.map((pair) => pair.studentId) } },
      select: { id: true, firstName: true, lastName: true },
    });
    const guardianNames = await ctx.prisma.guardian.findMany({
      where: { id: { in: added.map((pair) => pair.guardianId) } },
      select: { id: true, firstName: true, lastName: true },
    });
    const nameOf = new Map([...studentNames, ...guardianNames].map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
    for (const pair of added) tally.added('guardianships', pair.sourceId, `${nameOf.get(pair.studentId)} – ${nameOf.get(pair.guardianId)}`);
  }
}

/**
 * A guardian the source no longer names among a student's responsibles (custody has changed) is their guardian no
 * more: the guardianship is removed, audited, so that they no longer see the student. Only for the students read, and
 * only guardians that came from the source: one entered by hand in Insyn is the school's to remove.
 */
async function endGoneGuardianships(ctx: WriteContext, studentIds: Set<string>, pairs: [string, string][], tally: ImportTally) {
  const named = new Set(pairs.map(([student, guardian]) => `${student}:${guardian}`));
  const students = [...studentIds];
  for (let start = 0; start < students.length; start += PAGE) {
    const linked = await linksOf(ctx, 'STUDENT', students.slice(start, start + PAGE));
    const studentSource = new Map([...linked].map(([sourceId, insynId]) => [insynId, sourceId]));
    const rows = await ctx.prisma.guardianship.findMany({
      where: { studentId: { in: [...linked.values()] } },
      select: {
        studentId: true,
        guardianId: true,
        student: { select: { firstName: true, lastName: true } },
        guardian: { select: { firstName: true, lastName: true } },
      },
    });
    const guardianLinks = await ctx.prisma.ss12000Link.findMany({
      where: { organisationId: ctx.organisationId, kind: 'GUARDIAN', insynId: { in: rows.map((row) => row.guardianId) } },
    });
    const guardianSource = new Map(guardianLinks.map((one) => [one.insynId, one.sourceId]));
    const gone = rows.filter((row) => {
      const guardian = guardianSource.get(row.guardianId);
      return guardian !== undefined && !named.has(`${studentSource.get(row.studentId)}:${guardian}`);
    });
    for (const row of gone) {
      await ctx.prisma.guardianship.delete({ where: { studentId_guardianId: { studentId: row.studentId, guardianId: row.guardianId } } });
      tally.ended(
        'guardianships',
        studentSource.get(row.studentId)!,
        `${row.student.firstName} ${row.student.lastName} – ${row.guardian.firstName} ${row.guardian.lastName}`,
      );
    }
    await recordChanges(
      ctx,
      gone.map((row) => ({
        entity: 'guardianship',
        kind: 'deleted',
        entityId: row.guardianId,
        studentId: row.studentId,
        before: guardianshipSnapshot(row.studentId, row.guardianId),
        after: null,
      })),
    );
  }
}

/** What the people's import found that the groups' and duties' import goes on from. */
export interface ImportedPeople {
  /** source organisation id → Insyn school id */
  schools: Map<string, string>;
  duties: SourceDuty[];
  /** source person id → the årskurs of the student's enrolment, where the source gives one */
  schoolYears: Map<string, number>;
  /** the source ids of the students read (in a later run, of those changed) */
  studentIds: Set<string>;
  /** source person id → the last day of a student whose every enrolment has ended (of those read): they leave their groups */
  leftOn: Map<string, string>;
}

/** Reads the source and writes its schools and people with `ctx.prisma` (the run's transaction). */
export async function importPeople(ctx: WriteContext, read: SourceRead): Promise<ImportedPeople> {
  const { tally } = read;
  const schools = await importSchools(ctx, read);
  const { staffSignatures, duties, persons, responsibles } = await surveyPeople(read, ctx.today);
  // A later run reads only the persons changed: a guardian it does not read is known by the link of an earlier one.
  const guardianLinks = read.changedAfter ? await allLinks(ctx, 'GUARDIAN') : new Map<string, string>();
  const taken = new Set(
    (await ctx.prisma.staff.findMany({ where: { organisationId: ctx.organisationId }, select: { signature: true } })).map(
      (staff) => staff.signature,
    ),
  );
  const pairs: [string, string][] = [];
  const schoolYears = new Map<string, number>();
  const studentIds = new Set<string>();
  const leftOn = new Map<string, string>();
  for await (const page of records(read, 'persons', sourcePerson, new Set(), { changedOnly: true })) {
    for (const person of page) {
      const lastDay = lastDayOf(person, ctx.today);
      if (lastDay) leftOn.set(person.id, lastDay);
    }
    const students = page.filter((person) => enrolmentOf(person, ctx.today));
    for (const student of students) {
      studentIds.add(student.id);
      const year = enrolmentOf(student, ctx.today)?.schoolYear;
      if (year !== undefined) schoolYears.set(student.id, year);
      for (const responsible of student.responsibles ?? []) {
        if (persons.has(responsible.person.id) || guardianLinks.has(responsible.person.id)) pairs.push([student.id, responsible.person.id]);
        else tally.problem({ endpoint: 'persons', sourceId: student.id, code: 'UNKNOWN_RESPONSIBLE', field: 'responsibles' });
      }
    }
    await importStudents(ctx, students, schools, tally);
    await importGuardians(
      ctx,
      page.filter((person) => !enrolmentOf(person, ctx.today) && (responsibles.has(person.id) || guardianLinks.has(person.id))),
      tally,
    );
    await importStaff(
      ctx,
      page.filter((person) => !enrolmentOf(person, ctx.today) && staffSignatures.has(person.id)),
      staffSignatures,
      taken,
      tally,
    );
  }
  await importGuardianships(ctx, pairs, tally);
  await endGoneGuardianships(ctx, studentIds, pairs, tally);
  return { schools, duties, schoolYears, studentIds, leftOn };
}
