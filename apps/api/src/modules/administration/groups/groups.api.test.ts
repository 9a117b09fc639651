// Classes, teaching groups, dated memberships, subjects and courses through the API on both databases:
// only the organisation's administrator, every bad input refused at its field with nothing written,
// every change audited with before and after, and the database itself refusing overlapping memberships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  errorCode,
  eventually,
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
const DELETE_GROUP = 'mutation($id: ID!) { deleteGroup(id: $id) }';
const DELETE_SUBJECT = 'mutation($id: ID!) { deleteSubject(id: $id) }';
const DELETE_COURSE = 'mutation($id: ID!) { deleteCourse(id: $id) }';
const ADD_DUTY = 'mutation($staffId: ID!, $input: StaffDutyInput!) { addStaffDuty(staffId: $staffId, input: $input) { id } }';

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
const extension = (result: GraphQLResult<unknown>, key: string) => result.errors?.[0]?.extensions?.[key];
/** What a refused deletion says keeps the record, in a stable order. */
const usedBy = (result: GraphQLResult<unknown>) =>
  (extension(result, 'usedBy') as { kind: string; count: number }[] | undefined)?.toSorted((a, b) => a.kind.localeCompare(b.kind));

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
    lessons: await server.db.prisma.lesson.count(),
    lessonSeries: await server.db.prisma.lessonSeries.count(),
    duties: await server.db.prisma.staffDuty.count(),
    attendance: await server.db.prisma.attendance.count(),
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
  const createTeaching = (name: string, input: Record<string, unknown> = {}) =>
    ok<{ createGroup: Group }>(admin, CREATE_GROUP, {
      input: { schoolId: school.id, schoolYearId: year.id, kind: 'TEACHING', name, subjectId: subject.id, ...input },
    });
  const enrol = (groupId: string, studentId: string, validFrom: string, validTo?: string) =>
    ok<{ enrolInGroup: Membership }>(admin, ENROL, { input: { groupId, studentId, validFrom, ...(validTo ? { validTo } : {}) } });
  /** A lesson of the group from 08:00 to 09:00 (school time, near enough) on the day. */
  const newLesson = (groupId: string, date: string, data: { seriesId?: string; attendanceTakenAt?: Date } = {}) =>
    server.db.prisma.lesson.create({
      data: {
        groupId,
        subjectId: subject.id,
        date: new Date(date),
        startsAt: new Date(`${date}T07:00:00Z`),
        endsAt: new Date(`${date}T08:00:00Z`),
        ...data,
      },
    });
  const aTeacher = () => server.db.prisma.staff.findFirstOrThrow({ where: { organisationId, account: { username: 'larare' } } });
  const present = async (lessonId: string, studentId: string) =>
    server.db.prisma.attendance.create({
      data: { lessonId, studentId, status: 'PRESENT', markedById: (await aTeacher()).id, markedAt: new Date(`${server.today}T08:00:00Z`) },
    });

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
  it('deletes a group made by mistake with its memberships, duties, lesson series and lessons, each audited', async () => {
    const prisma = server.db.prisma;
    const group = (await createClass('8Fel', 8)).createGroup;
    const [mistaken, later] = [await newStudent(), await newStudent()];
    // Enrolled by mistake and ended today (the deliberate step), and one who would start next month.
    const ended = (await enrol(group.id, mistaken.id, '2026-11-02')).enrolInGroup;
    await ok(admin, END, { input: { membershipId: ended.id, validTo: server.today } });
    const coming = (await enrol(group.id, later.id, '2026-12-01')).enrolInGroup;
    const teacher = await aTeacher();
    await ok(admin, ADD_DUTY, { staffId: teacher.id, input: { kind: 'MENTOR', groupId: group.id, validFrom: '2026-11-02' } });
    const term = await prisma.term.findFirstOrThrow({ where: { schoolYearId: year.id, kind: 'AUTUMN' } });
    const series = await prisma.lessonSeries.create({
      data: {
        termId: term.id,
        groupId: group.id,
        subjectId: subject.id,
        weekday: 1,
        startMinute: 480,
        durationMinutes: 60,
        validFrom: new Date('2026-11-02'),
        validTo: new Date('2026-12-18'),
        teachers: { create: { staffId: teacher.id } },
      },
    });
    const lesson = await newLesson(group.id, '2026-11-23', { seriesId: series.id });
    await prisma.lessonTeacher.create({ data: { lessonId: lesson.id, staffId: teacher.id } });
    // The lesson nobody took a roll call of counts in the class's statistics as not taken, until the class goes.
    expect(await prisma.absenceDay.count({ where: { classId: group.id } })).toBe(1);
    const duty = await prisma.staffDuty.findFirstOrThrow({ where: { groupId: group.id } });

    expect(await ok<{ deleteGroup: string }>(admin, DELETE_GROUP, { id: group.id })).toEqual({ deleteGroup: group.id });
    expect(await prisma.group.findUnique({ where: { id: group.id } })).toBeNull();
    expect(await prisma.groupMembership.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.lesson.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.lessonSeries.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.staffDuty.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.absenceDay.count({ where: { classId: group.id } })).toBe(0);
    expect(await prisma.absenceClassDay.count({ where: { classId: group.id } })).toBe(0);
    expect(errorCode(await admin.request(GROUP, { id: group.id }))).toBe('NOT_FOUND');

    const audits = await prisma.auditEvent.findMany({
      where: { action: { endsWith: '.deleted' }, entityId: { in: [group.id, ended.id, coming.id, duty.id, series.id, lesson.id] } },
    });
    const byId = new Map(audits.map((audit) => [audit.entityId, audit]));
    expect(byId.get(group.id)).toMatchObject({
      action: 'admin.group.deleted',
      details: {
        before: { schoolId: school.id, schoolYearId: year.id, kind: 'CLASS', name: '8Fel', yearLevel: 8, subjectId: null, courseId: null },
        after: null,
      },
    });
    expect(byId.get(ended.id)).toMatchObject({
      action: 'admin.groupMembership.deleted',
      studentId: mistaken.id,
      details: { before: { groupId: group.id, studentId: mistaken.id, validFrom: '2026-11-02', validTo: server.today }, after: null },
    });
    expect(byId.get(coming.id)).toMatchObject({ action: 'admin.groupMembership.deleted', studentId: later.id });
    expect(byId.get(duty.id)).toMatchObject({
      action: 'admin.staffDuty.deleted',
      details: { before: { staffId: teacher.id, kind: 'MENTOR', groupId: group.id }, after: null },
    });
    expect(byId.get(series.id)).toMatchObject({
      action: 'admin.lessonSeries.deleted',
      details: { before: { groupId: group.id, weekday: 1, startTime: '08:00', teacherIds: [teacher.id] }, after: null },
    });
    expect(byId.get(lesson.id)).toMatchObject({
      action: 'admin.lesson.deleted',
      details: { before: { groupId: group.id, seriesId: series.id, date: '2026-11-23', teacherIds: [teacher.id] }, after: null },
    });
    expect(audits).toHaveLength(6);
  });

  it('refuses to delete a group with a roll call of its lessons (IN_USE) or a class with students today (HAS_STUDENTS), writing nothing', async () => {
    const prisma = server.db.prisma;
    const teaching = (await createTeaching('Ma Närvaro')).createGroup;
    const student = await newStudent();
    await enrol(teaching.id, student.id, '2026-11-02');
    await present((await newLesson(teaching.id, '2026-11-23')).id, student.id);
    // A roll call of an empty lesson leaves no attendance, only the stamp that it was taken.
    await newLesson(teaching.id, '2026-11-24', { attendanceTakenAt: new Date('2026-11-24T07:10:00Z') });
    await newLesson(teaching.id, '2026-11-30');

    const klass = (await createClass('8Kvar', 8)).createGroup;
    const [staying, leaving] = [await newStudent(), await newStudent()];
    const stays = (await enrol(klass.id, staying.id, '2026-11-02')).enrolInGroup;
    await enrol(klass.id, leaving.id, '2026-11-02', server.today);

    const before = await counts();
    const refused = await admin.request(DELETE_GROUP, { id: teaching.id });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(problems(refused)).toEqual([{ field: 'id', code: 'IN_USE' }]);
    expect(usedBy(refused)).toEqual([{ kind: 'ROLL_CALLS', count: 2 }]);

    const full = await admin.request(DELETE_GROUP, { id: klass.id });
    expect(problems(full)).toEqual([{ field: 'id', code: 'HAS_STUDENTS' }]);
    // The one whose membership ends today is leaving: only the one who stays keeps the class.
    expect(extension(full, 'currentStudents')).toBe(1);
    expect(await counts()).toEqual(before);
    expect(await prisma.group.count({ where: { id: { in: [teaching.id, klass.id] } } })).toBe(2);

    // Ending the membership is how the administrator says the class is empty: then it goes.
    await ok(admin, END, { input: { membershipId: stays.id, validTo: server.today } });
    await ok(admin, DELETE_GROUP, { id: klass.id });
    expect(await prisma.group.findUnique({ where: { id: klass.id } })).toBeNull();
  });

  it("refuses to delete a class whose students' roll calls in other groups counted in it, and a group that school work refers to", async () => {
    const prisma = server.db.prisma;
    const student = await newStudent();
    // In the class until 20 November, with a roll call in a teaching group on the 16th.
    const klass = (await createClass('8Förr', 8)).createGroup;
    await enrol(klass.id, student.id, '2026-11-02', '2026-11-20');
    const teaching = (await createTeaching('Ma Förr')).createGroup;
    await enrol(teaching.id, student.id, '2026-11-02');
    await present((await newLesson(teaching.id, '2026-11-16')).id, student.id);
    // The same with today's roll call, which the day figures do not hold until the day is settled.
    const pupil = await newStudent();
    const classOfToday = (await createClass('8Idag', 8)).createGroup;
    await enrol(classOfToday.id, pupil.id, '2026-11-02', server.today);
    await enrol(teaching.id, pupil.id, '2026-11-02');
    await present((await newLesson(teaching.id, server.today)).id, pupil.id);

    // A group that assessments, a grade warning, a news post and the SS 12000 source refer to.
    const used = (await createTeaching('Ma Använd')).createGroup;
    const teacher = await aTeacher();
    const term = await prisma.term.findFirstOrThrow({ where: { schoolYearId: year.id, kind: 'AUTUMN' } });
    const at = new Date(`${server.today}T08:00:00Z`);
    const common = { groupId: used.id, subjectId: subject.id };
    await prisma.assessmentTask.create({ data: { ...common, title: 'Prov', date: at, createdByStaffId: teacher.id, createdAt: at } });
    await prisma.subjectAssessment.create({
      data: { ...common, studentId: student.id, termId: term.id, grade: 'C', authoredByStaffId: teacher.id, updatedAt: at },
    });
    await prisma.gradeWarning.create({
      data: { ...common, studentId: student.id, missing: 'Prov', issuedByStaffId: teacher.id, issuedAt: at },
    });
    await prisma.newsPost.create({
      data: {
        schoolId: school.id,
        groupId: used.id,
        toGuardians: true,
        toStudents: false,
        title: 'Utflykt',
        body: 'I morgon',
        authorStaffId: teacher.id,
        publishedAt: at,
      },
    });
    await prisma.ss12000Link.create({ data: { organisationId, kind: 'GROUP', sourceId: 'source-group-1', insynId: used.id } });

    const before = await counts();
    const refusedClass = await admin.request(DELETE_GROUP, { id: klass.id });
    expect(problems(refusedClass)).toEqual([{ field: 'id', code: 'IN_USE' }]);
    expect(usedBy(refusedClass)).toEqual([{ kind: 'CLASS_ATTENDANCE', count: 1 }]);
    expect(usedBy(await admin.request(DELETE_GROUP, { id: classOfToday.id }))).toEqual([{ kind: 'CLASS_ATTENDANCE', count: 1 }]);
    expect(usedBy(await admin.request(DELETE_GROUP, { id: used.id }))).toEqual([
      { kind: 'ASSESSMENT_TASKS', count: 1 },
      { kind: 'GRADE_WARNINGS', count: 1 },
      { kind: 'NEWS_POSTS', count: 1 },
      { kind: 'SS12000_LINKS', count: 1 },
      { kind: 'SUBJECT_ASSESSMENTS', count: 1 },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a roll call saved while the deletion waits for its lesson is seen: IN_USE, the roll call kept', async ({ skip }) => {
    // PGlite answers one statement at a time: no two transactions to race.
    if (kind !== 'postgres') skip();
    const prisma = server.db.prisma;
    const group = (await createTeaching('Ma Samtidigt')).createGroup;
    const student = await newStudent();
    const lesson = await newLesson(group.id, '2026-11-24');
    const markedById = (await aTeacher()).id;
    let saving = false;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // The roll call as attendance.service saves one: the lesson's row locked first, then its attendance.
    const rollCall = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Lesson" WHERE id = ${lesson.id}::uuid FOR UPDATE`;
        await tx.attendance.create({
          data: { lessonId: lesson.id, studentId: student.id, status: 'ABSENT', markedById, markedAt: new Date() },
        });
        saving = true;
        await released;
      },
      { timeout: 60_000 },
    );
    await eventually(async () => (saving ? true : undefined), 'the roll call to lock its lesson');
    const deletion = admin.request(DELETE_GROUP, { id: group.id });
    await eventually(async () => {
      const [waiting] = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return waiting && waiting.count > 0 ? true : undefined;
    }, 'the deletion to wait for the lesson');
    release();
    await rollCall;
    const refused = await deletion;
    expect(usedBy(refused)).toEqual([{ kind: 'ROLL_CALLS', count: 1 }]);
    expect(await prisma.attendance.count({ where: { lessonId: lesson.id } })).toBe(1);
  });

  it('deletes a subject or course nothing refers to, audited; refuses one in use (IN_USE) with nothing written', async () => {
    const prisma = server.db.prisma;
    const free = (
      await ok<{ createSubject: { id: string } }>(admin, CREATE_SUBJECT, { input: { code: 'FEL', nameSv: 'Fel', nameEn: 'Wrong' } })
    ).createSubject;
    const withCourse = (
      await ok<{ createSubject: { id: string } }>(admin, CREATE_SUBJECT, { input: { code: 'KURSAD', nameSv: 'Kursad', nameEn: 'Coursed' } })
    ).createSubject;
    const course = (
      await ok<{ createCourse: { id: string } }>(admin, CREATE_COURSE, {
        input: { code: 'KURKUR01', name: 'Kurs', points: 100, subjectId: withCourse.id },
      })
    ).createCourse;
    const linked = (
      await ok<{ createSubject: { id: string } }>(admin, CREATE_SUBJECT, { input: { code: 'LANK', nameSv: 'Länk', nameEn: 'Link' } })
    ).createSubject;
    await prisma.ss12000Link.create({ data: { organisationId, kind: 'SUBJECT', sourceId: 'source-subject-1', insynId: linked.id } });
    const inGroup = (
      await ok<{ createCourse: { id: string } }>(admin, CREATE_COURSE, {
        input: { code: 'MATGRP01', name: 'I grupp', points: 100, subjectId: subject.id },
      })
    ).createCourse;
    await createTeaching('Ma Kurs', { courseId: inGroup.id });
    const planned = (
      await ok<{ createCourse: { id: string } }>(admin, CREATE_COURSE, {
        input: { code: 'MATPLN01', name: 'Planerad', points: 100, subjectId: subject.id },
      })
    ).createCourse;
    await prisma.studyPlanCourse.create({ data: { studentId: (await newStudent()).id, courseId: planned.id, planYear: 1 } });

    const before = await counts();
    const refusals: [string, string, unknown][] = [
      [DELETE_SUBJECT, withCourse.id, [{ kind: 'COURSES', count: 1 }]],
      [DELETE_SUBJECT, linked.id, [{ kind: 'SS12000_LINKS', count: 1 }]],
      [DELETE_COURSE, inGroup.id, [{ kind: 'GROUPS', count: 1 }]],
      [DELETE_COURSE, planned.id, [{ kind: 'STUDY_PLANS', count: 1 }]],
    ];
    for (const [mutation, id, expected] of refusals) {
      const result = await admin.request(mutation, { id });
      expect(problems(result), id).toEqual([{ field: 'id', code: 'IN_USE' }]);
      expect(usedBy(result), id).toEqual(expected);
    }
    // A subject the school works in: every use counted as the database has it.
    const taught = await admin.request(DELETE_SUBJECT, { id: subject.id });
    const uses = new Map(usedBy(taught)?.map((use) => [use.kind, use.count]));
    expect(uses.get('GROUPS')).toBe(await prisma.group.count({ where: { subjectId: subject.id } }));
    expect(uses.get('LESSONS')).toBe(await prisma.lesson.count({ where: { subjectId: subject.id } }));
    expect(uses.get('ABSENCE_STATISTICS')).toBe(await prisma.absenceDay.count({ where: { subjectId: subject.id } }));
    expect(await counts()).toEqual(before);

    expect(await ok(admin, DELETE_COURSE, { id: course.id })).toEqual({ deleteCourse: course.id });
    expect(await latestAudit(course.id)).toMatchObject({
      action: 'admin.course.deleted',
      details: { before: { code: 'KURKUR01', name: 'Kurs', points: 100, subjectId: withCourse.id }, after: null },
    });
    // Its only course gone, the subject goes too.
    for (const id of [free.id, withCourse.id]) expect(await ok(admin, DELETE_SUBJECT, { id })).toEqual({ deleteSubject: id });
    expect(await latestAudit(free.id)).toMatchObject({
      action: 'admin.subject.deleted',
      details: { before: { code: 'FEL', nameSv: 'Fel', nameEn: 'Wrong' }, after: null },
    });
    expect(await prisma.subject.count({ where: { id: { in: [free.id, withCourse.id] } } })).toBe(0);
    expect(await prisma.course.findUnique({ where: { id: course.id } })).toBeNull();
  });

  it("deleting: another organisation's or a made-up id is NOT_FOUND, anyone but an administrator FORBIDDEN; nothing written", async () => {
    const others = await loggedIn(server, 'grannby.admin');
    const grannbyCourse = (
      await ok<{ createCourse: { id: string } }>(others, CREATE_COURSE, {
        input: { code: 'GRBDEL01', name: 'Grannbys kurs', points: 100, subjectId: grannby.subject },
      })
    ).createCourse;
    const ours = (await createClass('8Skydd', 8)).createGroup;
    const ourSubject = (
      await ok<{ createSubject: { id: string } }>(admin, CREATE_SUBJECT, { input: { code: 'SKYDD', nameSv: 'Skydd', nameEn: 'Guard' } })
    ).createSubject;
    const before = await counts();
    for (const [mutation, id] of [
      [DELETE_GROUP, grannby.group],
      [DELETE_SUBJECT, grannby.subject],
      [DELETE_COURSE, grannbyCourse.id],
      [DELETE_GROUP, 'nope'],
      [DELETE_SUBJECT, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      expect(errorCode(await admin.request(mutation, { id })), `${mutation} ${id}`).toBe('NOT_FOUND');
    }
    // Grannby's administrator cannot reach ours either.
    expect(errorCode(await others.request(DELETE_GROUP, { id: ours.id }))).toBe('NOT_FOUND');
    for (const username of ['rektor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      for (const [mutation, id] of [
        [DELETE_GROUP, ours.id],
        [DELETE_SUBJECT, ourSubject.id],
        [DELETE_COURSE, grannbyCourse.id],
      ] as const) {
        expect(errorCode(await client.request(mutation, { id })), `${username} ${mutation}`).toBe('FORBIDDEN');
      }
    }
    expect(await counts()).toEqual(before);
  });
});
