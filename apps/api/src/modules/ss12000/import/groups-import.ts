// Bringing the source's subjects (syllabuses), groups with who is in them and when, and the staff's duties in.
// A class or teaching group is found again by its source id, else by its name in its school and school year; a
// membership by its student and start; a duty by what it became. What has gone from the source is ended with a
// date (endOfGone), never deleted with its history. Written in the run's transaction, like the people.
import { randomUUID } from 'node:crypto';
import {
  GROUP_NAME_MAX_LENGTH,
  SUBJECT_NAME_MAX_LENGTH,
  checkSubjectFields,
  commonYearLevel,
  endOfGone,
  importedDuties,
  insynGroupKind,
  insynYearLevel,
  membershipSpansOverlap,
  type ImportedDuty,
  type InsynGroupKind,
  type MembershipSpan,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import { dateValue } from '../../access/validity.ts';
import { isoDate } from '../../access/viewer.ts';
import { recordChanges, type RecordedChange } from '../../administration/administration.changes.ts';
import { groupSnapshot, membershipSnapshot } from '../../administration/groups/groups.service.ts';
import { dutySnapshot } from '../../administration/people/staff.service.ts';
import { allLinks, differing, link, linksOf, records, type SourceRead, type WriteContext } from './import-records.ts';
import type { ImportedPeople } from './people-import.ts';
import { importLessons } from './lessons-import.ts';
import { sourceActivity, sourceGroup, sourceSyllabus, type SourceGroup } from './source-records.ts';

const isoOrNull = (date: Date | null) => (date ? isoDate(date) : null);

/** The source's syllabuses as the organisation's subjects. Returns source id → Insyn subject id. */
async function importSubjects(ctx: WriteContext, read: SourceRead) {
  const { tally } = read;
  const subjects = new Map<string, string>();
  const optional = { offered: true };
  for await (const page of records(read, 'syllabuses', sourceSyllabus, new Set(), { optional })) {
    const linked = await linksOf(
      ctx,
      'SUBJECT',
      page.map((syllabus) => syllabus.id),
    );
    const existing = await ctx.prisma.subject.findMany({
      where: {
        organisationId: ctx.organisationId,
        OR: [{ id: { in: [...linked.values()] } }, { code: { in: page.map((syllabus) => syllabus.subjectCode.trim()) } }],
      },
    });
    const newLinks: { sourceId: string; insynId: string }[] = [];
    const changes: RecordedChange[] = [];
    for (const syllabus of page) {
      const code = syllabus.subjectCode.trim();
      const nameSv = syllabus.subjectName.trim().slice(0, SUBJECT_NAME_MAX_LENGTH);
      // The one name the source gives is both of Insyn's: its problem is said once.
      const problems = checkSubjectFields({ code, nameSv, nameEn: nameSv }).filter((problem) => problem.field !== 'nameEn');
      for (const problem of problems)
        tally.problem({
          endpoint: 'syllabuses',
          sourceId: syllabus.id,
          code: problem.code,
          field: problem.field === 'code' ? 'subjectCode' : 'subjectName',
        });
      if (problems.length > 0) continue;
      const linkedId = linked.get(syllabus.id);
      const found = existing.find((subject) => subject.id === linkedId) ?? existing.find((subject) => subject.code === code);
      if (!tally.claim(`subject:${code}`)) {
        tally.problem({ endpoint: 'syllabuses', sourceId: syllabus.id, code: 'DUPLICATE', field: 'subjectCode' });
        continue;
      }
      if (!found) {
        // The source names a subject in Swedish only; the English name starts as the Swedish, for the administrator to change.
        const created = await ctx.prisma.subject.create({ data: { organisationId: ctx.organisationId, code, nameSv, nameEn: nameSv } });
        newLinks.push({ sourceId: syllabus.id, insynId: created.id });
        changes.push({ entity: 'subject', kind: 'created', entityId: created.id, before: null, after: { code, nameSv, nameEn: nameSv } });
        tally.added('subjects', syllabus.id, `${code} ${nameSv}`);
        subjects.set(syllabus.id, created.id);
        continue;
      }
      if (!linkedId) newLinks.push({ sourceId: syllabus.id, insynId: found.id });
      subjects.set(syllabus.id, found.id);
      const differ = differing({ code: found.code, nameSv: found.nameSv }, { code, nameSv });
      if (differ.length === 0) {
        tally.unchanged('subjects');
        continue;
      }
      if (differ.includes('code') && existing.some((subject) => subject.code === code && subject.id !== found.id)) {
        tally.problem({ endpoint: 'syllabuses', sourceId: syllabus.id, code: 'DUPLICATE', field: 'subjectCode' });
        continue;
      }
      await ctx.prisma.subject.update({ where: { id: found.id }, data: { code, nameSv } });
      changes.push({
        entity: 'subject',
        kind: 'updated',
        entityId: found.id,
        before: { code: found.code, nameSv: found.nameSv },
        after: { code, nameSv },
      });
      tally.changed('subjects', syllabus.id, `${code} ${nameSv}`, differ);
    }
    await link(ctx, 'SUBJECT', newLinks);
    await recordChanges(ctx, changes);
  }
  return { offered: optional.offered, subjects };
}

/** An activity as the import keeps it: its groups, its syllabus and its teachers' duties (ids only). */
export interface ActivityIds {
  groups: string[];
  syllabus: string | null;
  teacherDuties: string[];
}

/** Who teaches which groups, and what each group is taught, from the activities. */
async function readActivities(read: SourceRead) {
  const activities = new Map<string, ActivityIds>();
  const taught = new Map<string, string[]>();
  const syllabusesOf = new Map<string, string[]>();
  const optional = { offered: true };
  for await (const page of records(read, 'activities', sourceActivity, new Set(), { optional })) {
    for (const activity of page) {
      const groups = (activity.groups ?? []).map((group) => group.id);
      const teacherDuties = (activity.teachers ?? []).map((teacher) => teacher.duty.id);
      activities.set(activity.id, { groups, syllabus: activity.syllabus?.id ?? null, teacherDuties });
      for (const duty of teacherDuties) taught.set(duty, [...(taught.get(duty) ?? []), ...groups]);
      if (activity.syllabus)
        for (const group of groups) syllabusesOf.set(group, [...(syllabusesOf.get(group) ?? []), activity.syllabus.id]);
    }
  }
  return { offered: optional.offered, activities, taught, syllabusesOf };
}

export interface ImportedGroup {
  id: string;
  kind: InsynGroupKind;
  schoolId: string;
  name: string;
}

interface SourceSpan extends MembershipSpan {
  studentId: string;
}

/** One group's memberships: the source's spans against Insyn's, matched per student by start, then by overlap. */
async function reconcileMemberships(
  ctx: WriteContext,
  read: SourceRead,
  group: ImportedGroup & { sourceId: string },
  wanted: SourceSpan[],
  existing: { id: string; studentId: string; validFrom: Date; validTo: Date | null }[],
  nameOf: (studentId: string) => string,
  changes: RecordedChange[],
) {
  const { tally } = read;
  const unmatched = new Map(existing.map((membership) => [membership.id, membership]));
  const creates: Prisma.GroupMembershipCreateManyInput[] = [];
  const label = (studentId: string) => `${nameOf(studentId)} – ${group.name}`;
  for (const span of wanted) {
    const own = [...unmatched.values()].filter((membership) => membership.studentId === span.studentId);
    const found =
      own.find((membership) => isoDate(membership.validFrom) === span.validFrom) ??
      own.find((membership) =>
        membershipSpansOverlap(span, { validFrom: isoDate(membership.validFrom), validTo: isoOrNull(membership.validTo) }),
      );
    if (!found) {
      const row = { id: randomUUID(), groupId: group.id, studentId: span.studentId, validFrom: span.validFrom, validTo: span.validTo };
      creates.push({ ...row, validFrom: dateValue(row.validFrom), validTo: row.validTo ? dateValue(row.validTo) : null });
      changes.push({
        entity: 'groupMembership',
        kind: 'created',
        entityId: row.id,
        studentId: row.studentId,
        before: null,
        after: membershipSnapshot(row),
      });
      tally.added('memberships', group.sourceId, label(span.studentId));
      continue;
    }
    unmatched.delete(found.id);
    const differ = differing(
      { validFrom: isoDate(found.validFrom), validTo: isoOrNull(found.validTo) },
      { validFrom: span.validFrom, validTo: span.validTo },
    );
    if (differ.length === 0) {
      tally.unchanged('memberships');
      continue;
    }
    await ctx.prisma.groupMembership.update({
      where: { id: found.id },
      data: { validFrom: dateValue(span.validFrom), validTo: span.validTo ? dateValue(span.validTo) : null },
    });
    changes.push({
      entity: 'groupMembership',
      kind: 'updated',
      entityId: found.id,
      studentId: found.studentId,
      before: membershipSnapshot({ ...found, groupId: group.id }),
      after: membershipSnapshot({ ...span, groupId: group.id }),
    });
    tally.changed('memberships', group.sourceId, label(span.studentId), differ);
  }
  if (creates.length > 0) await ctx.prisma.groupMembership.createMany({ data: creates });
  for (const gone of unmatched.values())
    await endMembership(ctx, read, { ...gone, groupId: group.id }, group.sourceId, label(gone.studentId), changes);
}

async function endMembership(
  ctx: WriteContext,
  read: SourceRead,
  membership: { id: string; groupId: string; studentId: string; validFrom: Date; validTo: Date | null },
  sourceId: string,
  name: string,
  changes: RecordedChange[],
) {
  const end = endOfGone({ validFrom: isoDate(membership.validFrom), validTo: isoOrNull(membership.validTo) }, ctx.today);
  if (end === null) return;
  if (end === 'REMOVE') {
    await ctx.prisma.groupMembership.delete({ where: { id: membership.id } });
    changes.push({
      entity: 'groupMembership',
      kind: 'deleted',
      entityId: membership.id,
      studentId: membership.studentId,
      before: membershipSnapshot(membership),
      after: null,
    });
  } else {
    await ctx.prisma.groupMembership.update({ where: { id: membership.id }, data: { validTo: dateValue(end.validTo) } });
    changes.push({
      entity: 'groupMembership',
      kind: 'ended',
      entityId: membership.id,
      studentId: membership.studentId,
      before: membershipSnapshot(membership),
      after: membershipSnapshot({ ...membership, validTo: end.validTo }),
    });
  }
  read.tally.ended('memberships', sourceId, name);
}

/** The source's classes and teaching groups with their memberships. Returns source id → the Insyn group. */
async function importGroups(
  ctx: WriteContext,
  read: SourceRead,
  people: ImportedPeople,
  subjectOfSyllabus: Map<string, string>,
  syllabusesOf: Map<string, string[]>,
) {
  const { tally } = read;
  // One statement at a time: a transaction's queries share one connection.
  const schools = await ctx.prisma.school.findMany({ where: { organisationId: ctx.organisationId }, select: { id: true, form: true } });
  const schoolYears = await ctx.prisma.schoolYear.findMany({
    where: { organisationId: ctx.organisationId },
    orderBy: { startDate: 'asc' },
  });
  const formOf = new Map(schools.map((school) => [school.id, school.form]));
  const groups = new Map<string, ImportedGroup>();
  /** groups of the source that are not Insyn groups (schedule groups, staff groups): activities may name them */
  const otherGroups = new Set<string>();
  const optional = { offered: true };
  for await (const page of records(read, 'groups', sourceGroup, new Set(), { optional, changedOnly: true })) {
    const checked: {
      source: SourceGroup;
      kind: InsynGroupKind;
      schoolId: string;
      schoolYear: (typeof schoolYears)[number];
      name: string;
    }[] = [];
    for (const source of page) {
      const kind = insynGroupKind(source.groupType);
      if (!kind) {
        otherGroups.add(source.id);
        continue;
      }
      const schoolId = people.schools.get(source.organisation.id);
      const day = source.startDate ?? ctx.today;
      const schoolYear = schoolYears.find((year) => isoDate(year.startDate) <= day && day <= isoDate(year.endDate));
      const name = source.displayName.trim();
      if (!schoolId) tally.problem({ endpoint: 'groups', sourceId: source.id, code: 'UNKNOWN_SCHOOL', field: 'organisation' });
      if (!schoolYear) tally.problem({ endpoint: 'groups', sourceId: source.id, code: 'NO_SCHOOL_YEAR', field: 'startDate' });
      if (name === '' || name.length > GROUP_NAME_MAX_LENGTH)
        tally.problem({ endpoint: 'groups', sourceId: source.id, code: name === '' ? 'REQUIRED' : 'TOO_LONG', field: 'displayName' });
      if (schoolId && schoolYear && name !== '' && name.length <= GROUP_NAME_MAX_LENGTH)
        checked.push({ source, kind, schoolId, schoolYear, name });
    }
    const linked = await linksOf(
      ctx,
      'GROUP',
      checked.map(({ source }) => source.id),
    );
    const existing = await ctx.prisma.group.findMany({
      where: {
        school: { organisationId: ctx.organisationId },
        OR: [
          { id: { in: [...linked.values()] } },
          ...checked.map(({ schoolId, schoolYear, name }) => ({ schoolId, schoolYearId: schoolYear.id, name })),
        ],
      },
    });
    const memberIds = [...new Set(checked.flatMap(({ source }) => (source.groupMemberships ?? []).map((member) => member.person.id)))];
    const studentLinks = await linksOf(ctx, 'STUDENT', memberIds);
    const students = await ctx.prisma.student.findMany({
      where: { id: { in: [...studentLinks.values()] } },
      select: { id: true, schoolId: true, firstName: true, lastName: true },
    });
    const studentOf = new Map(students.map((student) => [student.id, student]));
    const changes: RecordedChange[] = [];
    const newLinks: { sourceId: string; insynId: string }[] = [];
    const placed: { group: ImportedGroup & { sourceId: string }; wanted: SourceSpan[] }[] = [];
    for (const { source, kind, schoolId, schoolYear, name } of checked) {
      const linkedId = linked.get(source.id);
      const found =
        existing.find((group) => group.id === linkedId) ??
        existing.find((group) => group.schoolId === schoolId && group.schoolYearId === schoolYear.id && group.name === name);
      if (found && !tally.claim(`group:${found.id}`)) {
        tally.problem({ endpoint: 'groups', sourceId: source.id, code: 'SAME_GROUP_TWICE', field: 'displayName' });
        continue;
      }
      // The members' spans, within the school year: a span the source leaves open stays open.
      const yearStart = isoDate(schoolYear.startDate);
      const yearEnd = isoDate(schoolYear.endDate);
      const wanted: SourceSpan[] = [];
      let membersOk = true;
      for (const member of source.groupMemberships ?? []) {
        const studentId = studentLinks.get(member.person.id);
        const student = studentId ? studentOf.get(studentId) : undefined;
        const validFrom = member.startDate && member.startDate > yearStart ? member.startDate : yearStart;
        const listedTo = member.endDate === undefined ? null : member.endDate > yearEnd ? yearEnd : member.endDate;
        // A student who has left is in a group until their last day at the latest, whatever the group still says; one
        // who had left before Insyn knew them, or before the membership began, is not brought in by it.
        const lastDay = people.leftOn.get(member.person.id);
        if (lastDay !== undefined && (!student || lastDay < validFrom)) continue;
        const validTo = lastDay !== undefined && (listedTo === null || lastDay < listedTo) ? lastDay : listedTo;
        const problem = !student
          ? 'UNKNOWN_STUDENT'
          : student.schoolId !== schoolId
            ? 'OTHER_SCHOOL'
            : validTo !== null && validTo < validFrom
              ? 'ENDS_BEFORE_START'
              : wanted.some((other) => other.studentId === student.id && membershipSpansOverlap(other, { validFrom, validTo }))
                ? 'OVERLAPS'
                : null;
        if (problem || !student) {
          tally.problem({
            endpoint: 'groups',
            sourceId: source.id,
            code: problem ?? 'UNKNOWN_STUDENT',
            field: `groupMemberships:${member.person.id}`,
          });
          membersOk = false;
          continue;
        }
        wanted.push({ studentId: student.id, validFrom, validTo });
      }
      if (!membersOk) continue;
      const form = formOf.get(schoolId)!;
      // The årskurs of the students' enrolments is this school year's: it says nothing of a class of another year.
      const current = isoDate(schoolYear.startDate) <= ctx.today && ctx.today <= isoDate(schoolYear.endDate);
      const yearLevel =
        kind === 'CLASS' && current
          ? commonYearLevel(
              (source.groupMemberships ?? [])
                .map((member) => people.schoolYears.get(member.person.id))
                .map((year) => (year === undefined ? null : insynYearLevel(year, form)))
                .filter((level): level is number => level !== null),
            )
          : null;
      const subjectIds = (syllabusesOf.get(source.id) ?? [])
        .map((syllabus) => subjectOfSyllabus.get(syllabus))
        .filter((id): id is string => id !== undefined)
        .sort();
      const fields = { kind, name, yearLevel, subjectId: kind === 'TEACHING' ? (subjectIds[0] ?? null) : null };
      let group: ImportedGroup & { sourceId: string };
      if (!found) {
        const data = { id: randomUUID(), schoolId, schoolYearId: schoolYear.id, courseId: null, ...fields };
        await ctx.prisma.group.create({ data });
        newLinks.push({ sourceId: source.id, insynId: data.id });
        changes.push({ entity: 'group', kind: 'created', entityId: data.id, before: null, after: groupSnapshot(data) });
        tally.added('groups', source.id, name);
        group = { id: data.id, kind, schoolId, name, sourceId: source.id };
      } else {
        if (!linkedId) newLinks.push({ sourceId: source.id, insynId: found.id });
        // What the administrator set and the source does not say is kept: a class's year level (the source has none,
        // only its students' årskurs, which sets it when a class is new) and a teaching group's subject unless its
        // activities name others.
        const next = {
          ...fields,
          yearLevel: found.yearLevel ?? fields.yearLevel,
          // A group taught several subjects keeps its own if it is one of them.
          subjectId:
            kind !== 'TEACHING'
              ? null
              : found.subjectId && (subjectIds.length === 0 || subjectIds.includes(found.subjectId))
                ? found.subjectId
                : fields.subjectId,
        };
        const differ = differing({ kind: found.kind, name: found.name, yearLevel: found.yearLevel, subjectId: found.subjectId }, next);
        if (
          differ.includes('name') &&
          existing.some(
            (other) =>
              other.id !== found.id &&
              other.schoolId === found.schoolId &&
              other.schoolYearId === found.schoolYearId &&
              other.name === name,
          )
        ) {
          tally.problem({ endpoint: 'groups', sourceId: source.id, code: 'NAME_TAKEN', field: 'displayName' });
          continue;
        }
        if (differ.length > 0) {
          const data = { ...next, ...(kind === 'CLASS' ? { courseId: null } : {}) };
          await ctx.prisma.group.update({ where: { id: found.id }, data });
          changes.push({
            entity: 'group',
            kind: 'updated',
            entityId: found.id,
            before: groupSnapshot(found),
            after: groupSnapshot({ ...found, ...data }),
          });
          tally.changed('groups', source.id, name, differ);
        } else {
          tally.unchanged('groups');
        }
        group = { id: found.id, kind, schoolId, name, sourceId: source.id };
      }
      groups.set(source.id, group);
      placed.push({ group, wanted });
    }
    await link(ctx, 'GROUP', newLinks);
    const memberships = await ctx.prisma.groupMembership.findMany({
      where: { groupId: { in: placed.map(({ group }) => group.id) } },
      select: { id: true, groupId: true, studentId: true, validFrom: true, validTo: true },
    });
    const otherNames = await ctx.prisma.student.findMany({
      where: { id: { in: memberships.map((membership) => membership.studentId).filter((id) => !studentOf.has(id)) } },
      select: { id: true, firstName: true, lastName: true },
    });
    const names = new Map([...students, ...otherNames].map((student) => [student.id, `${student.firstName} ${student.lastName}`]));
    for (const { group, wanted } of placed) {
      await reconcileMemberships(
        ctx,
        read,
        group,
        wanted,
        memberships.filter((membership) => membership.groupId === group.id),
        (studentId) => names.get(studentId) ?? '',
        changes,
      );
    }
    await recordChanges(ctx, changes);
  }
  // A later run reads only the groups changed: the others, for the duties and lessons, are the links of earlier runs.
  if (read.changedAfter) {
    const unread = [...(await allLinks(ctx, 'GROUP'))].filter(([sourceId]) => !groups.has(sourceId));
    const rows = await ctx.prisma.group.findMany({
      where: { id: { in: unread.map(([, id]) => id) } },
      select: { id: true, kind: true, schoolId: true, name: true },
    });
    const rowOf = new Map(rows.map((row) => [row.id, row]));
    for (const [sourceId, id] of unread) {
      const row = rowOf.get(id);
      if (row) groups.set(sourceId, row);
    }
  }
  return { offered: optional.offered, groups, otherGroups };
}

/** A student in two classes on one day: refused, as by hand (a student has one home class at a time). */
async function classOverlaps(ctx: WriteContext, tally: SourceRead['tally']) {
  const overlaps = await ctx.prisma.$queryRaw<{ studentId: string }[]>`
    SELECT DISTINCT a."studentId"
    FROM "GroupMembership" a
    JOIN "GroupMembership" b ON b."studentId" = a."studentId" AND b."groupId" <> a."groupId"
    JOIN "Group" ga ON ga.id = a."groupId" AND ga.kind = 'CLASS'
    JOIN "Group" gb ON gb.id = b."groupId" AND gb.kind = 'CLASS'
    JOIN "Student" s ON s.id = a."studentId" AND s."organisationId" = ${ctx.organisationId}::uuid
    WHERE a."validFrom" <= COALESCE(b."validTo", 'infinity'::date) AND b."validFrom" <= COALESCE(a."validTo", 'infinity'::date)`;
  if (overlaps.length === 0) return;
  const links = await ctx.prisma.ss12000Link.findMany({
    where: { organisationId: ctx.organisationId, kind: 'STUDENT', insynId: { in: overlaps.map((row) => row.studentId) } },
  });
  const sourceOf = new Map(links.map((one) => [one.insynId, one.sourceId]));
  for (const { studentId } of overlaps)
    tally.problem({ endpoint: 'groups', sourceId: sourceOf.get(studentId) ?? null, code: 'IN_ANOTHER_CLASS', field: 'groupMemberships' });
}
/**
 * Students gone from the source, or whose enrolments have all ended, leave their groups: their memberships end (the
 * student and their history stay).
 */
async function endGoneStudents(ctx: WriteContext, read: SourceRead, people: ImportedPeople, changes: RecordedChange[]) {
  const links = await allLinks(ctx, 'STUDENT');
  const deleted = read.deleted.get('persons') ?? new Set<string>();
  const gone = [...links].filter(
    ([sourceId]) => people.leftOn.has(sourceId) || (read.changedAfter ? deleted.has(sourceId) : !people.studentIds.has(sourceId)),
  );
  if (gone.length === 0) return;
  const sourceOf = new Map(gone.map(([sourceId, insynId]) => [insynId, sourceId]));
  const memberships = await ctx.prisma.groupMembership.findMany({
    where: { studentId: { in: [...sourceOf.keys()] }, OR: [{ validTo: null }, { validTo: { gte: dateValue(ctx.today) } }] },
    include: { student: { select: { firstName: true, lastName: true } }, group: { select: { name: true } } },
  });
  for (const membership of memberships)
    await endMembership(
      ctx,
      read,
      membership,
      sourceOf.get(membership.studentId)!,
      `${membership.student.firstName} ${membership.student.lastName} – ${membership.group.name}`,
      changes,
    );
}

/** The staff's duties as Insyn duties, each linked as "<source duty id>:<kind>:<school or group source id>". */
async function importDuties(
  ctx: WriteContext,
  read: SourceRead,
  people: ImportedPeople,
  activities: { offered: boolean; taught: Map<string, string[]> },
  imported: { offered: boolean; groups: Map<string, ImportedGroup>; otherGroups: Set<string> },
) {
  const { tally } = read;
  const staffLinks = await allLinks(ctx, 'STAFF');
  const wanted = new Map<
    string,
    {
      staffId: string;
      kind: ImportedDuty['kind'];
      schoolId: string | null;
      groupId: string | null;
      validFrom: string;
      validTo: string | null;
      label: string;
    }
  >();
  const staff = await ctx.prisma.staff.findMany({
    where: { organisationId: ctx.organisationId },
    select: { id: true, firstName: true, lastName: true },
  });
  const staffName = new Map(staff.map((one) => [one.id, `${one.firstName} ${one.lastName}`]));
  const schoolNames = new Map(
    (await ctx.prisma.school.findMany({ where: { organisationId: ctx.organisationId }, select: { id: true, name: true } })).map(
      (school) => [school.id, school.name],
    ),
  );
  for (const duty of people.duties) {
    const staffId = staffLinks.get(duty.person.id);
    if (!staffId) {
      tally.problem({ endpoint: 'duties', sourceId: duty.id, code: 'UNKNOWN_PERSON', field: 'person' });
      continue;
    }
    const validFrom = duty.startDate ?? ctx.today;
    const validTo = duty.endDate ?? null;
    if (validTo !== null && validTo < validFrom) {
      tally.problem({ endpoint: 'duties', sourceId: duty.id, code: 'ENDS_BEFORE_START', field: 'endDate' });
      continue;
    }
    for (const one of importedDuties(duty, activities.taught.get(duty.id) ?? [])) {
      if (one.kind === 'PRINCIPAL') {
        const schoolId = people.schools.get(one.schoolSourceId);
        if (!schoolId) {
          tally.problem({ endpoint: 'duties', sourceId: duty.id, code: 'UNKNOWN_SCHOOL', field: 'dutyAt' });
          continue;
        }
        wanted.set(`${duty.id}:PRINCIPAL:${one.schoolSourceId}`, {
          staffId,
          kind: one.kind,
          schoolId,
          groupId: null,
          validFrom,
          validTo,
          label: `${staffName.get(staffId)} – ${schoolNames.get(schoolId)}`,
        });
        continue;
      }
      // A source that does not let us read its groups says nothing of mentors and teachers here.
      if (!imported.offered) continue;
      const group = imported.groups.get(one.groupSourceId);
      if (!group) {
        // A group of a type Insyn does not keep (a schedule group) is no one's duty here; a later run, which reads
        // only the groups changed, does not know such a group it has not read.
        if (!imported.otherGroups.has(one.groupSourceId) && !read.changedAfter)
          tally.problem({
            endpoint: 'duties',
            sourceId: duty.id,
            code: 'UNKNOWN_GROUP',
            field: one.kind === 'MENTOR' ? 'assignmentRole' : 'activities',
          });
        continue;
      }
      if (one.kind === 'MENTOR' && group.kind !== 'CLASS') {
        tally.problem({ endpoint: 'duties', sourceId: duty.id, code: 'NOT_A_CLASS', field: 'assignmentRole' });
        continue;
      }
      // A class's teachers are its lessons' teachers; Insyn's teaching duty is of a teaching group.
      if (one.kind === 'TEACHER' && group.kind !== 'TEACHING') continue;
      wanted.set(`${duty.id}:${one.kind}:${one.groupSourceId}`, {
        staffId,
        kind: one.kind,
        schoolId: null,
        groupId: group.id,
        validFrom,
        validTo,
        label: `${staffName.get(staffId)} – ${group.name}`,
      });
    }
  }

  const links = await allLinks(ctx, 'DUTY');
  const duties = await ctx.prisma.staffDuty.findMany({
    where: {
      OR: [
        { id: { in: [...links.values()] } },
        {
          staffId: { in: [...new Set([...wanted.values()].map((duty) => duty.staffId))] },
          kind: { in: ['PRINCIPAL', 'MENTOR', 'TEACHER'] },
        },
      ],
    },
  });
  const linkedIds = new Set(links.values());
  const changes: RecordedChange[] = [];
  const newLinks: { sourceId: string; insynId: string }[] = [];
  for (const [key, duty] of wanted) {
    const linkedId = links.get(key);
    const span = { validFrom: duty.validFrom, validTo: duty.validTo };
    // Not linked yet: a duty entered by hand for the same person and school or group, in force over the same days.
    const found =
      duties.find((one) => one.id === linkedId) ??
      duties.find(
        (one) =>
          !linkedIds.has(one.id) &&
          one.staffId === duty.staffId &&
          one.kind === duty.kind &&
          one.schoolId === duty.schoolId &&
          one.groupId === duty.groupId &&
          membershipSpansOverlap(span, { validFrom: isoDate(one.validFrom), validTo: isoOrNull(one.validTo) }),
      );
    if (!found) {
      const data = {
        id: randomUUID(),
        staffId: duty.staffId,
        kind: duty.kind,
        schoolId: duty.schoolId,
        groupId: duty.groupId,
        validFrom: dateValue(duty.validFrom),
        validTo: duty.validTo ? dateValue(duty.validTo) : null,
      };
      await ctx.prisma.staffDuty.create({ data });
      newLinks.push({ sourceId: key, insynId: data.id });
      changes.push({ entity: 'staffDuty', kind: 'created', entityId: data.id, before: null, after: dutySnapshot(data) });
      tally.added('duties', key.split(':')[0]!, duty.label);
      continue;
    }
    if (!linkedId) {
      newLinks.push({ sourceId: key, insynId: found.id });
      linkedIds.add(found.id);
    }
    const differ = differing({ validFrom: isoDate(found.validFrom), validTo: isoOrNull(found.validTo) }, span);
    if (differ.length === 0) {
      tally.unchanged('duties');
      continue;
    }
    const data = { validFrom: dateValue(duty.validFrom), validTo: duty.validTo ? dateValue(duty.validTo) : null };
    await ctx.prisma.staffDuty.update({ where: { id: found.id }, data });
    changes.push({
      entity: 'staffDuty',
      kind: 'updated',
      entityId: found.id,
      before: dutySnapshot(found),
      after: dutySnapshot({ ...found, ...data }),
    });
    tally.changed('duties', key.split(':')[0]!, duty.label, differ);
  }
  await link(ctx, 'DUTY', newLinks);

  // Gone from the source: ended. What the source could not say this run (no groups or activities offered) stays.
  for (const [key, insynId] of links) {
    if (wanted.has(key)) continue;
    const kind = key.split(':')[1];
    if ((kind === 'MENTOR' || kind === 'TEACHER') && !imported.offered) continue;
    if (kind === 'TEACHER' && !activities.offered) continue;
    const duty = duties.find((one) => one.id === insynId);
    if (!duty) continue;
    const end = endOfGone({ validFrom: isoDate(duty.validFrom), validTo: isoOrNull(duty.validTo) }, ctx.today);
    if (end === null) continue;
    const label = `${staffName.get(duty.staffId) ?? ''}`;
    if (end === 'REMOVE') {
      await ctx.prisma.ss12000Link.delete({
        where: { organisationId_kind_sourceId: { organisationId: ctx.organisationId, kind: 'DUTY', sourceId: key } },
      });
      await ctx.prisma.staffDuty.delete({ where: { id: duty.id } });
      changes.push({ entity: 'staffDuty', kind: 'deleted', entityId: duty.id, before: dutySnapshot(duty), after: null });
    } else {
      await ctx.prisma.staffDuty.update({ where: { id: duty.id }, data: { validTo: dateValue(end.validTo) } });
      changes.push({
        entity: 'staffDuty',
        kind: 'ended',
        entityId: duty.id,
        before: dutySnapshot(duty),
        after: dutySnapshot({ ...duty, validTo: dateValue(end.validTo) }),
      });
    }
    tally.ended('duties', key.split(':')[0]!, label);
  }
  await recordChanges(ctx, changes);
}

/** Groups gone from the source: their memberships end; the group and its history stay. */
async function endGoneGroups(ctx: WriteContext, read: SourceRead, seen: Map<string, ImportedGroup>, changes: RecordedChange[]) {
  const links = await allLinks(ctx, 'GROUP');
  const deleted = read.deleted.get('groups') ?? new Set<string>();
  const gone = [...links].filter(([sourceId]) => (read.changedAfter ? deleted.has(sourceId) : !seen.has(sourceId)));
  if (gone.length === 0) return;
  const sourceOf = new Map(gone.map(([sourceId, insynId]) => [insynId, sourceId]));
  const groups = await ctx.prisma.group.findMany({ where: { id: { in: [...sourceOf.keys()] } }, select: { id: true, name: true } });
  for (const group of groups) {
    const memberships = await ctx.prisma.groupMembership.findMany({
      where: { groupId: group.id, OR: [{ validTo: null }, { validTo: { gte: dateValue(ctx.today) } }] },
      include: { student: { select: { firstName: true, lastName: true } } },
    });
    for (const membership of memberships)
      await endMembership(
        ctx,
        read,
        membership,
        sourceOf.get(group.id)!,
        `${membership.student.firstName} ${membership.student.lastName} – ${group.name}`,
        changes,
      );
    if (memberships.length > 0) read.tally.ended('groups', sourceOf.get(group.id)!, group.name);
  }
}

/** After the people: subjects, activities, groups with memberships, duties, then the lessons; and what has gone ends. */
export async function importGroupsAndDuties(ctx: WriteContext, read: SourceRead, people: ImportedPeople): Promise<void> {
  const subjects = await importSubjects(ctx, read);
  const activities = await readActivities(read);
  const groups = await importGroups(ctx, read, people, subjects.subjects, activities.syllabusesOf);
  const changes: RecordedChange[] = [];
  if (groups.offered) await endGoneGroups(ctx, read, groups.groups, changes);
  await endGoneStudents(ctx, read, people, changes);
  await recordChanges(ctx, changes);
  await classOverlaps(ctx, read.tally);
  await importDuties(ctx, read, people, activities, groups);
  // Lessons need their group, subject and teachers: with a problem above, they are not read.
  if (read.tally.problems.length === 0 && groups.offered && activities.offered)
    await importLessons(ctx, read, {
      activities: activities.activities,
      groups: groups.groups,
      subjects: subjects.subjects,
      duties: people.duties,
    });
}
