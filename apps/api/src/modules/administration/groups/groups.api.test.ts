// Classes, teaching groups, dated memberships, subjects and courses through the API on both databases:
// only the organisation's administrator, every bad input refused at its field with nothing written,
// every change audited with before and after, and the database itself refusing overlapping memberships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../../test/harness.ts';
import { databaseRefusal } from './groups.service.ts';

const GROUP_FIELDS = `id kind name yearLevel currentStudents school { id name } schoolYear { id name startDate endDate }
  subject { id code } course { id code }`;
const MEMBERSHIP_FIELDS = 'id groupId validFrom validTo current student { id firstName lastName }';
const GROUPS = `query($filter: AdministeredGroupFilter, $sort: AdministeredGroupSort, $page: PageInput) {
  administeredGroups(filter: $filter, sort: $sort, page: $page) { groups { ${GROUP_FIELDS} } pageInfo { offset limit total } } }`;
const GROUP = `query($id: ID!) { administeredGroup(id: $id) { ${GROUP_FIELDS} memberships { ${MEMBERSHIP_FIELDS} } } }`;
const CREATE_GROUP = `mutation($input: GroupInput!) { createGroup(input: $input) { ${GROUP_FIELDS} } }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: GroupChangesInput!) { updateGroup(id: $id, input: $input) { ${GROUP_FIELDS} } }`;
const ENROL = `mutation($input: EnrolmentInput!) { enrolInGroup(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const MOVE = `mutation($input: ClassMoveInput!) { moveToClass(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const END = `mutation($input: MembershipEndInput!) { endMembership(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const CANDIDATES = 'query($g: ID!, $s: String!) { enrolmentCandidates(groupId: $g, search: $s) { id firstName lastName } }';
const SUBJECTS = `query($search: String, $sort: CatalogueSort, $page: PageInput) { administeredSubjects(search: $search, sort: $sort, page: $page) {
  subjects { id code nameSv nameEn courseCount } pageInfo { total } } }`;
const COURSES = `query($search: String, $subjectId: ID, $page: PageInput) { administeredCourses(search: $search, subjectId: $subjectId, page: $page) {
  courses { id code name points subject { id code } } pageInfo { total } } }`;
const CREATE_SUBJECT = 'mutation($input: SubjectInput!) { createSubject(input: $input) { id code nameSv nameEn courseCount } }';
const UPDATE_SUBJECT = 'mutation($id: ID!, $input: SubjectInput!) { updateSubject(id: $id, input: $input) { id code nameSv nameEn } }';
const CREATE_COURSE = 'mutation($input: CourseInput!) { createCourse(input: $input) { id code name points subject { id } } }';
const UPDATE_COURSE = 'mutation($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { id code name points } }';

interface Group {
  id: string;
  kind: 'CLASS' | 'TEACHING';
  name: string;
  yearLevel: number | null;
  currentStudents: number;
  school: { id: string; name: string };
  schoolYear: { id: string; name: string; startDate: string; endDate: string };
  subject: { id: string; code: string } | null;
  course: { id: string; code: string } | null;
}
interface Membership {
  id: string;
  groupId: string;
  validFrom: string;
  validTo: string | null;
  current: boolean;
  student: { id: string; firstName: string; lastName: string };
}

const problems = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.problems;

describe.each(DATABASE_KINDS)('administration of groups, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let organisationId: string;
  let school: { id: string; name: string };
  let otherSchool: { id: string };
  let year: { id: string; startDate: Date; endDate: Date };
  let subject: { id: string; code: string };
  let grannby: { school: string; year: string; subject: string; student: string; group: string };

  const ok = async <T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await client.request<T>(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data as T;
  };
  const latestAudit = (entityId: string) => server.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId }, orderBy: { id: 'desc' } });
  const counts = async () => ({
    groups: await server.db.prisma.group.count(),
    memberships: await server.db.prisma.groupMembership.count(),
    subjects: await server.db.prisma.subject.count(),
    courses: await server.db.prisma.course.count(),
    audit: await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } }),
  });
  /** A student of the school with no class membership at all (made here, as the student administration would). */
  async function newStudent(schoolId = school.id, suffix = String(Math.random()).slice(2, 8)) {
    return server.db.prisma.student.create({
      data: {
        personalIdentityNumber: `20150101-${suffix}`,
        firstName: 'Ny',
        lastName: `Elev${suffix}`,
        birthDate: new Date('2015-01-01'),
        schoolId,
        organisationId,
      },
    });
  }
  const createClass = (name: string, yearLevel = 7, schoolId = school.id) =>
    ok<{ createGroup: Group }>(admin, CREATE_GROUP, { input: { schoolId, schoolYearId: year.id, kind: 'CLASS', name, yearLevel } });

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    const prisma = server.db.prisma;
    const organisation = await prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'admin' } } } },
      include: { schools: { orderBy: { name: 'asc' } }, schoolYears: true, subjects: { where: { code: 'MA' } } },
    });
    organisationId = organisation.id;
    school = organisation.schools[0]!;
    otherSchool = organisation.schools[1]!;
    year = organisation.schoolYears.find((y) => y.startDate <= new Date(server.today) && y.endDate >= new Date(server.today))!;
    subject = organisation.subjects[0]!;
    const other = await prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'grannby.admin' } } } },
      include: { schools: true, schoolYears: true, subjects: true },
    });
    grannby = {
      school: other.schools[0]!.id,
      year: other.schoolYears[0]!.id,
      subject: other.subjects[0]!.id,
      student: (await prisma.student.findFirstOrThrow({ where: { schoolId: other.schools[0]!.id } })).id,
      group: (await prisma.group.findFirstOrThrow({ where: { schoolId: other.schools[0]!.id, kind: 'CLASS' } })).id,
    };
  });
  afterAll(() => server?.stop());

  it('only an administrator: principal, teacher, guardian and student are FORBIDDEN, nothing written', async () => {
    const before = await counts();
    for (const username of ['rektor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request(GROUPS)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request('{ administeredGroupOptions { schools { id } } }')), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(SUBJECTS)), username).toBe('FORBIDDEN');
      expect(
        errorCode(
          await client.request(CREATE_GROUP, {
            input: { schoolId: school.id, schoolYearId: year.id, kind: 'CLASS', name: 'X', yearLevel: 1 },
          }),
        ),
        username,
      ).toBe('FORBIDDEN');
      expect(errorCode(await client.request(CREATE_SUBJECT, { input: { code: 'XX', nameSv: 'X', nameEn: 'X' } })), username).toBe(
        'FORBIDDEN',
      );
    }
    expect(errorCode(await new (admin.constructor as new (s: TestServer) => TestClient)(server).request(GROUPS))).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it("lists the organisation's groups: filters, search, sorting and paging, with distinct students in force today", async () => {
    const prisma = server.db.prisma;
    const all = await ok<{ administeredGroups: { groups: Group[]; pageInfo: { total: number } } }>(admin, GROUPS, { page: { limit: 200 } });
    // The reference: the same rows in the database's own order of names.
    const own = await prisma.group.findMany({
      where: { school: { organisation: { schools: { some: { id: school.id } } } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    expect(all.administeredGroups.pageInfo.total).toBe(own.length);
    expect(all.administeredGroups.groups.map((g) => g.id)).toEqual(own.slice(0, 200).map((g) => g.id));
    expect(all.administeredGroups.groups.map((g) => g.id)).not.toContain(grannby.group);

    const classes = await ok<{ administeredGroups: { groups: Group[]; pageInfo: { total: number; offset: number; limit: number } } }>(
      admin,
      GROUPS,
      {
        filter: { schoolId: school.id, schoolYearId: year.id, kind: 'CLASS' },
        sort: { field: 'YEAR_LEVEL', direction: 'DESC' },
        page: { offset: 1, limit: 3 },
      },
    );
    const expectedClasses = await prisma.group.findMany({ where: { schoolId: school.id, schoolYearId: year.id, kind: 'CLASS' } });
    expect(classes.administeredGroups.pageInfo).toEqual({ total: expectedClasses.length, offset: 1, limit: 3 });
    const levels = classes.administeredGroups.groups.map((g) => g.yearLevel ?? -1);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(classes.administeredGroups.groups.every((g) => g.kind === 'CLASS' && g.school.id === school.id)).toBe(true);

    const sample = expectedClasses[0]!;
    const searched = await ok<{ administeredGroups: { groups: Group[] } }>(admin, GROUPS, {
      filter: { search: sample.name.toLowerCase(), schoolId: school.id, schoolYearId: year.id },
    });
    expect(searched.administeredGroups.groups.map((g) => g.name)).toContain(sample.name);
    expect(searched.administeredGroups.groups.every((g) => g.name.toLowerCase().includes(sample.name.toLowerCase()))).toBe(true);
    // The independent count: distinct students with a membership in force today.
    const today = new Date(server.today);
    const inForce = await prisma.groupMembership.findMany({
      where: { groupId: sample.id, validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
    });
    const found = searched.administeredGroups.groups.find((g) => g.id === sample.id)!;
    expect(found.currentStudents).toBe(new Set(inForce.map((m) => m.studentId)).size);

    expect(errorCode(await admin.request(GROUPS, { filter: { schoolId: grannby.school } }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(GROUPS, { filter: { schoolYearId: grannby.year } }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(GROUPS, { page: { limit: 500 } }))).toBe('BAD_USER_INPUT');
  });

  it('creates a class and a teaching group, audited; refuses every bad input at its field with nothing written', async () => {
    const created = (await createClass('7Ö')).createGroup;
    expect(created).toMatchObject({
      kind: 'CLASS',
      name: '7Ö',
      yearLevel: 7,
      currentStudents: 0,
      subject: null,
      school: { id: school.id },
    });
    const audit = await latestAudit(created.id);
    expect(audit.action).toBe('admin.group.created');
    expect(audit.details).toEqual({
      before: null,
      after: { schoolId: school.id, schoolYearId: year.id, kind: 'CLASS', name: '7Ö', yearLevel: 7, subjectId: null, courseId: null },
    });

    const course = await server.db.prisma.course.findFirst({ where: { subjectId: subject.id } });
    const teaching = await ok<{ createGroup: Group }>(admin, CREATE_GROUP, {
      input: {
        schoolId: school.id,
        schoolYearId: year.id,
        kind: 'TEACHING',
        name: 'Ma 7Ö',
        subjectId: subject.id,
        ...(course ? { courseId: course.id } : {}),
      },
    });
    expect(teaching.createGroup).toMatchObject({ kind: 'TEACHING', yearLevel: null, subject: { id: subject.id } });

    const before = await counts();
    const bad = async (input: Record<string, unknown>) =>
      admin.request(CREATE_GROUP, { input: { schoolId: school.id, schoolYearId: year.id, ...input } });
    const cases: [Record<string, unknown>, unknown][] = [
      [{ kind: 'CLASS', name: '7Ö', yearLevel: 7 }, [{ field: 'name', code: 'DUPLICATE' }]],
      [
        { kind: 'CLASS', name: '  ', yearLevel: 13 },
        [
          { field: 'name', code: 'REQUIRED' },
          { field: 'yearLevel', code: 'OUT_OF_RANGE' },
        ],
      ],
      [
        { kind: 'CLASS', name: 'x'.repeat(61), yearLevel: -1 },
        [
          { field: 'name', code: 'TOO_LONG' },
          { field: 'yearLevel', code: 'OUT_OF_RANGE' },
        ],
      ],
      [{ kind: 'CLASS', name: '8Ö' }, [{ field: 'yearLevel', code: 'REQUIRED' }]],
      [{ kind: 'CLASS', name: '8Ö', yearLevel: 8, subjectId: subject.id }, [{ field: 'subjectId', code: 'NOT_FOR_KIND' }]],
      [{ kind: 'TEACHING', name: 'Sv 8Ö' }, [{ field: 'subjectId', code: 'REQUIRED' }]],
      [{ kind: 'TEACHING', name: 'Sv 8Ö', yearLevel: 8, subjectId: subject.id }, [{ field: 'yearLevel', code: 'NOT_FOR_KIND' }]],
    ];
    for (const [input, expected] of cases) {
      const result = await bad(input);
      expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(problems(result), JSON.stringify(input)).toEqual(expected);
    }
    const otherSubject = await server.db.prisma.subject.findFirstOrThrow({
      where: { organisationId: (await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).organisationId, code: 'SV' },
    });
    const anyCourse = await server.db.prisma.course.findFirst({
      where: { subjectId: { not: otherSubject.id }, subject: { organisationId: otherSubject.organisationId } },
    });
    if (anyCourse) {
      expect(problems(await bad({ kind: 'TEACHING', name: 'Sv 8Ö', subjectId: otherSubject.id, courseId: anyCourse.id }))).toEqual([
        { field: 'courseId', code: 'OTHER_SUBJECT' },
      ]);
    }
    // Another organisation's school, school year or subject: the same NOT_FOUND as a made-up id.
    expect(
      errorCode(
        await admin.request(CREATE_GROUP, {
          input: { schoolId: grannby.school, schoolYearId: year.id, kind: 'CLASS', name: 'G', yearLevel: 1 },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await admin.request(CREATE_GROUP, {
          input: { schoolId: school.id, schoolYearId: grannby.year, kind: 'CLASS', name: 'G', yearLevel: 1 },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await bad({ kind: 'TEACHING', name: 'G', subjectId: grannby.subject }))).toBe('NOT_FOUND');
    expect(errorCode(await bad({ kind: 'TEACHING', name: 'G', subjectId: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('edits a group (kind, school and year stay), audited with before and after; a taken name is a DUPLICATE', async () => {
    const group = (await createClass('9X', 9)).createGroup;
    await createClass('9Y', 9);
    const edited = await ok<{ updateGroup: Group }>(admin, UPDATE_GROUP, { id: group.id, input: { name: '9Z', yearLevel: 8 } });
    expect(edited.updateGroup).toMatchObject({ id: group.id, name: '9Z', yearLevel: 8, kind: 'CLASS' });
    const audit = await latestAudit(group.id);
    expect(audit.action).toBe('admin.group.updated');
    expect(audit.details).toMatchObject({ before: { name: '9X', yearLevel: 9 }, after: { name: '9Z', yearLevel: 8 } });
    const before = await counts();
    expect(problems(await admin.request(UPDATE_GROUP, { id: group.id, input: { name: '9Y', yearLevel: 9 } }))).toEqual([
      { field: 'name', code: 'DUPLICATE' },
    ]);
    expect(problems(await admin.request(UPDATE_GROUP, { id: group.id, input: { name: '9Q', yearLevel: 99 } }))).toEqual([
      { field: 'yearLevel', code: 'OUT_OF_RANGE' },
    ]);
    expect(errorCode(await admin.request(UPDATE_GROUP, { id: grannby.group, input: { name: 'G', yearLevel: 1 } }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect((await server.db.prisma.group.findUniqueOrThrow({ where: { id: group.id } })).name).toBe('9Z');
  });

  it('enrols a student of the school from a date, audited with the student; refuses overlaps, other schools and bad dates', async () => {
    const group = (await createClass('6E', 6)).createGroup;
    const student = await newStudent();
    const candidates = await ok<{ enrolmentCandidates: { id: string }[] }>(admin, CANDIDATES, {
      g: group.id,
      s: student.lastName.toLowerCase(),
    });
    expect(candidates.enrolmentCandidates.map((c) => c.id)).toEqual([student.id]);
    expect((await ok<{ enrolmentCandidates: unknown[] }>(admin, CANDIDATES, { g: group.id, s: ' ' })).enrolmentCandidates).toEqual([]);

    const enrolled = await ok<{ enrolInGroup: Membership }>(admin, ENROL, {
      input: { groupId: group.id, studentId: student.id, validFrom: '2026-09-01' },
    });
    expect(enrolled.enrolInGroup).toMatchObject({
      groupId: group.id,
      validFrom: '2026-09-01',
      validTo: null,
      current: true,
      student: { id: student.id },
    });
    const audit = await latestAudit(enrolled.enrolInGroup.id);
    expect(audit).toMatchObject({ action: 'admin.groupMembership.created', studentId: student.id });
    expect(audit.details).toEqual({
      before: null,
      after: { groupId: group.id, studentId: student.id, validFrom: '2026-09-01', validTo: null },
    });

    const page = await ok<{ administeredGroup: Group & { memberships: Membership[] } }>(admin, GROUP, { id: group.id });
    expect(page.administeredGroup.currentStudents).toBe(1);
    expect(page.administeredGroup.memberships.map((m) => [m.student.id, m.validFrom, m.validTo])).toEqual([
      [student.id, '2026-09-01', null],
    ]);

    const other = (await createClass('6F', 6)).createGroup;
    const elsewhere = await newStudent(otherSchool.id);
    const before = await counts();
    const enrol = (input: Record<string, unknown>) =>
      admin.request(ENROL, { input: { groupId: group.id, studentId: student.id, ...input } });
    const cases: [Record<string, unknown>, unknown][] = [
      [{ validFrom: '2026-10-01' }, [{ field: 'validFrom', code: 'OVERLAPS' }]],
      [{ validFrom: '2026-08-20', validTo: '2026-09-01' }, [{ field: 'validFrom', code: 'OVERLAPS' }]],
      [{ validFrom: '2026-02-30' }, [{ field: 'validFrom', code: 'INVALID_DATE' }]],
      [{ validFrom: '2026-08-20', validTo: 'snart' }, [{ field: 'validTo', code: 'INVALID_DATE' }]],
      [{ validFrom: '2026-08-25', validTo: '2026-08-20' }, [{ field: 'validTo', code: 'ENDS_BEFORE_START' }]],
      [{ validFrom: '2020-01-01' }, [{ field: 'validFrom', code: 'OUTSIDE_SCHOOL_YEAR' }]],
    ];
    for (const [input, expected] of cases) {
      const result = await enrol(input);
      expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(problems(result), JSON.stringify(input)).toEqual(expected);
    }
    // One home class at a time: a second class on a shared day is refused; moving is the way.
    expect(problems(await admin.request(ENROL, { input: { groupId: other.id, studentId: student.id, validFrom: '2026-11-01' } }))).toEqual([
      { field: 'studentId', code: 'IN_ANOTHER_CLASS' },
    ]);
    expect(
      problems(await admin.request(ENROL, { input: { groupId: group.id, studentId: elsewhere.id, validFrom: '2026-09-01' } })),
    ).toEqual([{ field: 'studentId', code: 'OTHER_SCHOOL' }]);
    expect(
      errorCode(await admin.request(ENROL, { input: { groupId: group.id, studentId: grannby.student, validFrom: '2026-09-01' } })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await admin.request(ENROL, { input: { groupId: grannby.group, studentId: student.id, validFrom: '2026-09-01' } })),
    ).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    // A teaching group beside the class is fine.
    const teaching = await ok<{ createGroup: Group }>(admin, CREATE_GROUP, {
      input: { schoolId: school.id, schoolYearId: year.id, kind: 'TEACHING', name: 'Ma 6E', subjectId: subject.id },
    });
    await ok(admin, ENROL, { input: { groupId: teaching.createGroup.id, studentId: student.id, validFrom: '2026-09-01' } });
  });

  it('moves a student to another class from a date in one step: the old membership ends the day before; attendance stays', async () => {
    const prisma = server.db.prisma;
    // A seeded student with a class since the start of the year and attendance recorded in it.
    const membership = await prisma.groupMembership.findFirstOrThrow({
      where: {
        group: { kind: 'CLASS', schoolId: school.id, schoolYearId: year.id },
        validTo: null,
        student: { attendances: { some: {} } },
      },
      include: { group: true },
      orderBy: { id: 'asc' },
    });
    const attendanceBefore = await prisma.attendance.count({ where: { studentId: membership.studentId } });
    const target = (await createClass(`${membership.group.yearLevel ?? 1}Ny`, membership.group.yearLevel ?? 1)).createGroup;

    const before = await counts();
    const refusals: [Record<string, unknown>, unknown][] = [
      [{ toGroupId: membership.groupId, fromDate: '2026-11-02' }, [{ field: 'toGroupId', code: 'SAME_GROUP' }]],
      [
        { toGroupId: target.id, fromDate: membership.validFrom.toISOString().slice(0, 10) },
        [{ field: 'fromDate', code: 'NOT_AFTER_START' }],
      ],
      [{ toGroupId: target.id, fromDate: '2026-11-31' }, [{ field: 'fromDate', code: 'INVALID_DATE' }]],
      [{ toGroupId: target.id, fromDate: '2027-08-01' }, [{ field: 'fromDate', code: 'OUTSIDE_SCHOOL_YEAR' }]],
    ];
    const teachingGroup = await prisma.group.findFirstOrThrow({ where: { kind: 'TEACHING', schoolId: school.id, schoolYearId: year.id } });
    refusals.push([{ toGroupId: teachingGroup.id, fromDate: '2026-11-02' }, [{ field: 'toGroupId', code: 'NOT_A_CLASS' }]]);
    const otherSchoolClass = (await createClass('1Annan', 1, otherSchool.id)).createGroup;
    refusals.push([{ toGroupId: otherSchoolClass.id, fromDate: '2026-11-02' }, [{ field: 'toGroupId', code: 'OTHER_SCHOOL' }]]);
    const afterSetup = await counts();
    for (const [input, expected] of refusals) {
      const result = await admin.request(MOVE, { input: { membershipId: membership.id, ...input } });
      expect(problems(result), JSON.stringify(input)).toEqual(expected);
    }
    expect(
      errorCode(await admin.request(MOVE, { input: { membershipId: membership.id, toGroupId: grannby.group, fromDate: '2026-11-02' } })),
    ).toBe('NOT_FOUND');
    expect(await counts()).toEqual(afterSetup);
    expect(afterSetup.memberships).toBe(before.memberships);

    const moved = await ok<{ moveToClass: Membership }>(admin, MOVE, {
      input: { membershipId: membership.id, toGroupId: target.id, fromDate: '2026-11-02' },
    });
    expect(moved.moveToClass).toMatchObject({
      groupId: target.id,
      validFrom: '2026-11-02',
      validTo: null,
      current: true,
      student: { id: membership.studentId },
    });
    const old = await prisma.groupMembership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(old.validTo?.toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(await prisma.attendance.count({ where: { studentId: membership.studentId } })).toBe(attendanceBefore);
    const audits = await prisma.auditEvent.findMany({
      where: { studentId: membership.studentId, action: { startsWith: 'admin.' } },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ['admin.groupMembership.ended', membership.id],
      ['admin.groupMembership.created', moved.moveToClass.id],
    ]);
    expect(audits[0]!.details).toMatchObject({ before: { validTo: null }, after: { validTo: '2026-11-01' } });
    // The old class's page keeps the student, ended; the new one lists them from the date.
    const oldPage = await ok<{ administeredGroup: { memberships: Membership[] } }>(admin, GROUP, { id: membership.groupId });
    expect(oldPage.administeredGroup.memberships.find((m) => m.id === membership.id)).toMatchObject({
      validTo: '2026-11-01',
      current: false,
    });
    // Moving the ended membership again is refused: its last day is before the date.
    expect(
      problems(await admin.request(MOVE, { input: { membershipId: membership.id, toGroupId: target.id, fromDate: '2026-11-20' } })),
    ).toEqual([{ field: 'fromDate', code: 'AFTER_END' }]);
  });

  it('ends a membership on its last day, audited; attendance stays; a later end may not reach another membership', async () => {
    const prisma = server.db.prisma;
    const membership = await prisma.groupMembership.findFirstOrThrow({
      where: {
        group: { kind: 'TEACHING', schoolId: school.id, schoolYearId: year.id },
        validTo: null,
        student: { attendances: { some: {} } },
      },
      orderBy: { id: 'desc' },
    });
    const attendanceBefore = await prisma.attendance.count({ where: { studentId: membership.studentId } });
    const ended = await ok<{ endMembership: Membership }>(admin, END, { input: { membershipId: membership.id, validTo: '2026-10-30' } });
    expect(ended.endMembership).toMatchObject({ id: membership.id, validTo: '2026-10-30', current: false });
    expect(await prisma.attendance.count({ where: { studentId: membership.studentId } })).toBe(attendanceBefore);
    const audit = await latestAudit(membership.id);
    expect(audit).toMatchObject({ action: 'admin.groupMembership.ended', studentId: membership.studentId });
    expect(audit.details).toMatchObject({ before: { validTo: null }, after: { validTo: '2026-10-30' } });

    // Back in the group from December: a correction of the first end past that is an overlap.
    await ok(admin, ENROL, { input: { groupId: membership.groupId, studentId: membership.studentId, validFrom: '2026-12-01' } });
    const before = await counts();
    const end = (validTo: string) => admin.request(END, { input: { membershipId: membership.id, validTo } });
    expect(problems(await end('2026-12-05'))).toEqual([{ field: 'validFrom', code: 'OVERLAPS' }]);
    expect(problems(await end('2026-08-01'))).toEqual([{ field: 'validTo', code: 'ENDS_BEFORE_START' }]);
    expect(problems(await end('2030-01-01'))).toEqual([{ field: 'validTo', code: 'OUTSIDE_SCHOOL_YEAR' }]);
    expect(problems(await end('igår'))).toEqual([{ field: 'validTo', code: 'INVALID_DATE' }]);
    expect(errorCode(await admin.request(END, { input: { membershipId: 'nope', validTo: '2026-10-30' } }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    const others = await loggedIn(server, 'grannby.admin');
    expect(errorCode(await others.request(END, { input: { membershipId: membership.id, validTo: '2026-10-29' } }))).toBe('NOT_FOUND');
    expect(errorCode(await others.request(GROUP, { id: membership.groupId }))).toBe('NOT_FOUND');
  });

  it('the database refuses an overlapping membership itself (23P01), and the API names it OVERLAPS', async () => {
    const prisma = server.db.prisma;
    const group = (await createClass('5D', 5)).createGroup;
    const student = await newStudent();
    await prisma.groupMembership.create({ data: { groupId: group.id, studentId: student.id, validFrom: new Date('2026-09-01') } });
    const refused = await prisma.groupMembership
      .create({ data: { groupId: group.id, studentId: student.id, validFrom: new Date('2026-10-01'), validTo: new Date('2026-10-31') } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).not.toBeNull();
    expect(() => databaseRefusal(refused, 'validFrom')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ problems: [{ field: 'validFrom', code: 'OVERLAPS' }] }) }),
    );
    // Back to back is no overlap.
    const member = await prisma.groupMembership.findFirstOrThrow({ where: { studentId: student.id } });
    await prisma.groupMembership.update({ where: { id: member.id }, data: { validTo: new Date('2026-09-30') } });
    await prisma.groupMembership.create({ data: { groupId: group.id, studentId: student.id, validFrom: new Date('2026-10-01') } });
    expect(await prisma.groupMembership.count({ where: { studentId: student.id } })).toBe(2);
  });

  it('subjects: list, search, create and edit, audited; codes unique per organisation', async () => {
    const list = await ok<{ administeredSubjects: { subjects: { code: string; courseCount: number }[]; pageInfo: { total: number } } }>(
      admin,
      SUBJECTS,
      { page: { limit: 200 } },
    );
    const organisationId = (await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).organisationId;
    expect(list.administeredSubjects.pageInfo.total).toBe(await server.db.prisma.subject.count({ where: { organisationId } }));
    const codes = list.administeredSubjects.subjects.map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
    const searched = await ok<{ administeredSubjects: { subjects: { code: string }[] } }>(admin, SUBJECTS, { search: 'matem' });
    expect(searched.administeredSubjects.subjects.map((s) => s.code)).toContain('MA');

    const created = await ok<{ createSubject: { id: string; courseCount: number } }>(admin, CREATE_SUBJECT, {
      input: { code: 'MODX', nameSv: ' Modersmål X ', nameEn: 'Mother tongue X' },
    });
    expect(created.createSubject).toMatchObject({ code: 'MODX', nameSv: 'Modersmål X', courseCount: 0 });
    expect((await latestAudit(created.createSubject.id)).details).toEqual({
      before: null,
      after: { code: 'MODX', nameSv: 'Modersmål X', nameEn: 'Mother tongue X' },
    });
    const updated = await ok<{ updateSubject: { nameEn: string } }>(admin, UPDATE_SUBJECT, {
      id: created.createSubject.id,
      input: { code: 'MODX', nameSv: 'Modersmål X', nameEn: 'Mother tongue (X)' },
    });
    expect(updated.updateSubject.nameEn).toBe('Mother tongue (X)');
    expect((await latestAudit(created.createSubject.id)).details).toMatchObject({
      before: { nameEn: 'Mother tongue X' },
      after: { nameEn: 'Mother tongue (X)' },
    });

    const before = await counts();
    expect(problems(await admin.request(CREATE_SUBJECT, { input: { code: 'MA', nameSv: 'Matte', nameEn: 'Maths' } }))).toEqual([
      { field: 'code', code: 'DUPLICATE' },
    ]);
    expect(
      problems(await admin.request(UPDATE_SUBJECT, { id: created.createSubject.id, input: { code: 'MA', nameSv: 'a', nameEn: 'b' } })),
    ).toEqual([{ field: 'code', code: 'DUPLICATE' }]);
    expect(problems(await admin.request(CREATE_SUBJECT, { input: { code: 'ma x', nameSv: '', nameEn: ' ' } }))).toEqual([
      { field: 'code', code: 'INVALID_CODE' },
      { field: 'nameSv', code: 'REQUIRED' },
      { field: 'nameEn', code: 'REQUIRED' },
    ]);
    expect(errorCode(await admin.request(UPDATE_SUBJECT, { id: grannby.subject, input: { code: 'QQ', nameSv: 'a', nameEn: 'b' } }))).toBe(
      'NOT_FOUND',
    );
    expect(await counts()).toEqual(before);
    // Grannby's own code MA is no duplicate of ours: the code is unique per organisation.
    const others = await loggedIn(server, 'grannby.admin');
    expect(problems(await others.request(CREATE_SUBJECT, { input: { code: 'MODX', nameSv: 'Modersmål X', nameEn: 'X' } }))).toBeUndefined();
  });

  it('courses: list by subject, create and edit, audited; codes unique in the organisation, points 1–1000, the subject our own', async () => {
    const created = await ok<{ createCourse: { id: string; subject: { id: string } } }>(admin, CREATE_COURSE, {
      input: { code: 'MATTES01', name: 'Matematik test 1', points: 100, subjectId: subject.id },
    });
    expect(created.createCourse.subject.id).toBe(subject.id);
    expect((await latestAudit(created.createCourse.id)).details).toEqual({
      before: null,
      after: { code: 'MATTES01', name: 'Matematik test 1', points: 100, subjectId: subject.id },
    });
    const listed = await ok<{ administeredCourses: { courses: { code: string; subject: { id: string } }[]; pageInfo: { total: number } } }>(
      admin,
      COURSES,
      { subjectId: subject.id, page: { limit: 200 } },
    );
    expect(listed.administeredCourses.courses.map((c) => c.code)).toContain('MATTES01');
    expect(listed.administeredCourses.courses.every((c) => c.subject.id === subject.id)).toBe(true);
    expect(listed.administeredCourses.pageInfo.total).toBe(await server.db.prisma.course.count({ where: { subjectId: subject.id } }));
    const searched = await ok<{ administeredCourses: { courses: { code: string }[] } }>(admin, COURSES, { search: 'tes01' });
    expect(searched.administeredCourses.courses.map((c) => c.code)).toEqual(['MATTES01']);

    const updated = await ok<{ updateCourse: { points: number } }>(admin, UPDATE_COURSE, {
      id: created.createCourse.id,
      input: { code: 'MATTES01', name: 'Matematik test 1', points: 50, subjectId: subject.id },
    });
    expect(updated.updateCourse.points).toBe(50);
    expect((await latestAudit(created.createCourse.id)).details).toMatchObject({ before: { points: 100 }, after: { points: 50 } });

    const before = await counts();
    const create = (input: Record<string, unknown>) =>
      admin.request(CREATE_COURSE, { input: { code: 'MATTES02', name: 'Test 2', points: 100, subjectId: subject.id, ...input } });
    expect(problems(await create({ code: 'MATTES01' }))).toEqual([{ field: 'code', code: 'DUPLICATE' }]);
    expect(problems(await create({ code: 'M 1', name: '', points: 0 }))).toEqual([
      { field: 'code', code: 'INVALID_CODE' },
      { field: 'name', code: 'REQUIRED' },
      { field: 'points', code: 'OUT_OF_RANGE' },
    ]);
    expect(problems(await create({ points: 1001 }))).toEqual([{ field: 'points', code: 'OUT_OF_RANGE' }]);
    expect(errorCode(await create({ subjectId: grannby.subject }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(COURSES, { subjectId: grannby.subject }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    // Skolverket's codes are national: Grannby enters its own MATTES01, and a second one of its own is refused.
    const others = await loggedIn(server, 'grannby.admin');
    const theirs = { code: 'MATTES01', name: 'Grannbys matematik', points: 100, subjectId: grannby.subject };
    const grannbyCourse = await ok<{ createCourse: { id: string; code: string } }>(others, CREATE_COURSE, { input: theirs });
    expect(grannbyCourse.createCourse.code).toBe('MATTES01');
    expect(problems(await others.request(CREATE_COURSE, { input: theirs }))).toEqual([{ field: 'code', code: 'DUPLICATE' }]);
    const ours = await ok<{ administeredCourses: { courses: { id: string }[] } }>(admin, COURSES, { search: 'MATTES01' });
    expect(ours.administeredCourses.courses.map((c) => c.id)).toEqual([created.createCourse.id]);
  });
});
