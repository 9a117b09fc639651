// People administration from the outside, on both databases: who may, every bad input refused with its code
// and nothing written, the audit row of each change, and a login set by the administrator that works.
import { personnummerFor } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  startTestServer,
  TestClient,
  type GraphQLResult,
  type TestServer,
} from '../../../test/harness.ts';

const STUDENT_FIELDS = `id personalIdentityNumber firstName lastName birthDate programmeCode protectedIdentity school { id name }
  guardians { id firstName mobilePhone } memberships { groupName kind } login { username }`;
const GUARDIAN_FIELDS = `id personalIdentityNumber firstName lastName mobilePhone email streetAddress postalCode city protectedIdentity
  children { id firstName } login { username }`;
const STAFF_FIELDS = `id firstName lastName signature email duties { id kind validFrom validTo school { name } group { name kind } } login { username }`;

const LIST_STUDENTS = `query($filter: AdminStudentFilter, $sort: AdminStudentSort, $page: PageInput) {
  administeredStudents(filter: $filter, sort: $sort, page: $page) {
    rows { id firstName lastName personalIdentityNumber className leftOn school { id name } protectedIdentity }
    pageInfo { offset limit total }
  }
}`;
const CREATE_STUDENT = `mutation($input: StudentInput!) { createStudent(input: $input) { ${STUDENT_FIELDS} } }`;
const UPDATE_STUDENT = `mutation($id: ID!, $input: StudentInput!) { updateStudent(id: $id, input: $input) { ${STUDENT_FIELDS} } }`;
const CREATE_GUARDIAN = `mutation($studentId: ID!, $input: GuardianInput!) { createGuardian(studentId: $studentId, input: $input) { ${GUARDIAN_FIELDS} } }`;
const UPDATE_GUARDIAN = `mutation($id: ID!, $input: GuardianInput!) { updateGuardian(id: $id, input: $input) { ${GUARDIAN_FIELDS} } }`;
const LINK = `mutation($s: ID!, $g: ID!) { linkGuardian(studentId: $s, guardianId: $g) { guardians { id } } }`;
const UNLINK = `mutation($s: ID!, $g: ID!) { unlinkGuardian(studentId: $s, guardianId: $g) { guardians { id } } }`;
const LEAVE = `mutation($s: ID!, $day: String!) { endStudentMemberships(studentId: $s, lastDay: $day) {
  memberships { groupName kind validFrom validTo } leftOn } }`;
const CREATE_STAFF = `mutation($input: StaffInput!) { createStaff(input: $input) { ${STAFF_FIELDS} } }`;
const ADD_DUTY = `mutation($id: ID!, $input: StaffDutyInput!) { addStaffDuty(staffId: $id, input: $input) { ${STAFF_FIELDS} } }`;
const END_DUTY = `mutation($id: ID!, $to: String!) { endStaffDuty(dutyId: $id, validTo: $to) { ${STAFF_FIELDS} } }`;
const SET_LOGIN = `mutation($input: LoginInput!) { setLogin(input: $input) { username disabled } }`;

const problems = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.problems;

describe.each(SERVER_DATABASE)('people administration, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let schoolId: string;
  let otherSchoolId: string;
  let classId: string;
  let teachingGroupId: string;
  let otherClassId: string;

  const data = <T>(result: GraphQLResult<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const counts = async () => ({
    students: await server.db.prisma.student.count(),
    guardians: await server.db.prisma.guardian.count(),
    guardianships: await server.db.prisma.guardianship.count(),
    staff: await server.db.prisma.staff.count(),
    duties: await server.db.prisma.staffDuty.count(),
    accounts: await server.db.prisma.userAccount.count(),
    audits: await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } }),
  });
  const lastAudit = (action: string) => server.db.prisma.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: 'desc' } });
  const refused = async (client: TestClient, query: string, variables: Record<string, unknown>) => {
    const before = await counts();
    const result = await client.request(query, variables);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    return problems(result);
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const prisma = server.db.prisma;
    const own = await prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'admin' } } } },
      include: { schools: true },
    });
    const other = await prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'grannby.admin' } } } },
      include: { schools: true },
    });
    schoolId = own.schools.find((school) => school.form === 'COMPULSORY')!.id;
    otherSchoolId = other.schools[0]!.id;
    classId = (await prisma.group.findFirstOrThrow({ where: { schoolId, kind: 'CLASS' }, orderBy: { name: 'asc' } })).id;
    teachingGroupId = (await prisma.group.findFirstOrThrow({ where: { schoolId, kind: 'TEACHING' } })).id;
    otherClassId = (await prisma.group.findFirstOrThrow({ where: { schoolId: otherSchoolId, kind: 'CLASS' } })).id;
  });
  afterAll(() => server?.stop());

  it('is for administrators only: principal, teacher, mentor, guardian and student are FORBIDDEN', async () => {
    for (const username of ['rektor', 'larare', 'mentor', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request(LIST_STUDENTS)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request('{ administeredStaff { pageInfo { total } } }')), username).toBe('FORBIDDEN');
      const before = await counts();
      const create = await client.request(CREATE_STUDENT, {
        input: { personalIdentityNumber: personnummerFor('2014-01-01', 1), firstName: 'A', lastName: 'B', schoolId },
      });
      expect(errorCode(create), username).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    }
    expect(errorCode(await new TestClient(server).request(LIST_STUDENTS))).toBe('UNAUTHENTICATED');
  });

  it("lists the organisation's students only, searched, filtered, sorted and paged", async () => {
    type Page = {
      administeredStudents: {
        rows: {
          id: string;
          firstName: string;
          lastName: string;
          personalIdentityNumber: string;
          className: string | null;
          school: { id: string };
        }[];
        pageInfo: { total: number; offset: number; limit: number };
      };
    };
    const all = data(await admin.request<Page>(LIST_STUDENTS, { page: { offset: 0, limit: 10 } })).administeredStudents;
    const ownTotal = await server.db.prisma.student.count({
      where: { school: { organisation: { staff: { some: { account: { username: 'admin' } } } } } },
    });
    expect(all.pageInfo).toEqual({ offset: 0, limit: 10, total: ownTotal });
    expect(all.rows).toHaveLength(10);
    const lastNames = all.rows.map((row) => row.lastName);
    expect(lastNames).toEqual([...lastNames].sort((a, b) => a.localeCompare(b, 'sv')));
    const other = data(await otherAdmin.request<Page>(LIST_STUDENTS)).administeredStudents;
    expect(other.pageInfo.total).toBeLessThan(ownTotal);
    expect(other.rows.some((row) => all.rows.some((own) => own.id === row.id))).toBe(false);

    const someone = all.rows[3]!;
    const byName = data(
      await admin.request<Page>(LIST_STUDENTS, { filter: { search: `${someone.firstName.toUpperCase()} ${someone.lastName}` } }),
    );
    expect(byName.administeredStudents.rows.map((row) => row.id)).toContain(someone.id);
    const byNumber = data(
      await admin.request<Page>(LIST_STUDENTS, { filter: { search: someone.personalIdentityNumber.replace('-', '') } }),
    );
    expect(byNumber.administeredStudents.rows.map((row) => row.id)).toEqual([someone.id]);
    // Grannby's administrator does not find our student by number.
    expect(
      data(await otherAdmin.request<Page>(LIST_STUDENTS, { filter: { search: someone.personalIdentityNumber } })).administeredStudents
        .pageInfo.total,
    ).toBe(0);

    const inClass = data(await admin.request<Page>(LIST_STUDENTS, { filter: { classId }, page: { limit: 200 } })).administeredStudents;
    const className = (await server.db.prisma.group.findUniqueOrThrow({ where: { id: classId } })).name;
    expect(inClass.rows.length).toBeGreaterThan(0);
    expect(inClass.rows.every((row) => row.className === className)).toBe(true);
    expect(data(await admin.request<Page>(LIST_STUDENTS, { filter: { classId: otherClassId } })).administeredStudents.pageInfo.total).toBe(
      0,
    );
    const inSchool = data(await admin.request<Page>(LIST_STUDENTS, { filter: { schoolId } })).administeredStudents;
    expect(inSchool.rows.every((row) => row.school.id === schoolId)).toBe(true);

    const byNumberDesc = data(
      await admin.request<Page>(LIST_STUDENTS, { sort: { field: 'PERSONAL_IDENTITY_NUMBER', direction: 'DESC' }, page: { limit: 5 } }),
    );
    const numbers = byNumberDesc.administeredStudents.rows.map((row) => row.personalIdentityNumber);
    expect(numbers).toEqual([...numbers].sort().reverse());
    // Sorted by a joined column: the page keeps the database's order of the schools, names within each.
    const bySchool = data(await admin.request<Page>(LIST_STUDENTS, { sort: { field: 'SCHOOL', direction: 'DESC' }, page: { limit: 200 } }))
      .administeredStudents.rows;
    const schoolOrder = (await server.db.prisma.school.findMany({ orderBy: { name: 'desc' }, select: { id: true } })).map((s) => s.id);
    const rank = bySchool.map((row) => schoolOrder.indexOf(row.school.id));
    expect(new Set(rank).size).toBeGreaterThan(1);
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    const second = data(await admin.request<Page>(LIST_STUDENTS, { page: { offset: 10, limit: 10 } })).administeredStudents;
    expect(second.rows.map((row) => row.id)).not.toContain(all.rows[0]!.id);
    expect(errorCode(await admin.request(LIST_STUDENTS, { page: { offset: 0, limit: 201 } }))).toBe('BAD_USER_INPUT');
  });

  it("takes a personnummer that another organisation has: a refusal would tell Grannby who Exempelby's people are", async () => {
    const elsewhere = await server.db.prisma.student.findFirstOrThrow({ where: { schoolId }, orderBy: { lastName: 'desc' } });
    const input = {
      personalIdentityNumber: elsewhere.personalIdentityNumber,
      firstName: 'Sam',
      lastName: 'Samma',
      schoolId: otherSchoolId,
    };
    const created = data(
      await otherAdmin.request<{ createStudent: { id: string; personalIdentityNumber: string } }>(CREATE_STUDENT, { input }),
    ).createStudent;
    expect(created.personalIdentityNumber).toBe(elsewhere.personalIdentityNumber);
    expect(await server.db.prisma.student.count({ where: { personalIdentityNumber: elsewhere.personalIdentityNumber } })).toBe(2);
    // Within Grannby the number is taken now.
    expect(await refused(otherAdmin, CREATE_STUDENT, { input: { ...input, firstName: 'Andra' } })).toEqual([
      { field: 'personalIdentityNumber', code: 'DUPLICATE' },
    ]);
    // The database holds a student to their school's organisation, whatever a service might try.
    await expect(server.db.prisma.student.update({ where: { id: created.id }, data: { schoolId } })).rejects.toThrow(
      /Foreign key constraint/,
    );

    // So with a guardian: Grannby enters one of Exempelby's guardians as the new student's, a record of its own.
    const guardianThere = await server.db.prisma.guardian.findFirstOrThrow({
      where: { personalIdentityNumber: { not: null }, guardianships: { some: { student: { schoolId } } } },
    });
    const guardianInput = { personalIdentityNumber: guardianThere.personalIdentityNumber, firstName: 'Sara', lastName: 'Samma' };
    const guardian = data(
      await otherAdmin.request<{ createGuardian: { id: string; children: { id: string }[] } }>(CREATE_GUARDIAN, {
        studentId: created.id,
        input: guardianInput,
      }),
    ).createGuardian;
    expect(guardian.id).not.toBe(guardianThere.id);
    expect(guardian.children.map((child) => child.id)).toEqual([created.id]);
    expect(await refused(otherAdmin, CREATE_GUARDIAN, { studentId: created.id, input: guardianInput })).toEqual([
      { field: 'personalIdentityNumber', code: 'DUPLICATE' },
    ]);
    // A guardianship joins a student and a guardian of one organisation only.
    await expect(
      server.db.prisma.guardianship.create({
        data: { studentId: created.id, guardianId: guardianThere.id, organisationId: guardianThere.organisationId },
      }),
    ).rejects.toThrow(/Foreign key constraint/);
  });

  it('creates a student: personnummer checked, samordningsnummer accepted, birth date from the number, audited', async () => {
    const pnr = personnummerFor('2014-03-09', 421);
    const wrongDigit = pnr.slice(0, -1) + String((Number(pnr.slice(-1)) + 1) % 10);
    const input = { personalIdentityNumber: pnr, firstName: 'Tove', lastName: 'Testsson', schoolId };
    expect(await refused(admin, CREATE_STUDENT, { input: { ...input, personalIdentityNumber: wrongDigit } })).toEqual([
      { field: 'personalIdentityNumber', code: 'CHECK_DIGIT' },
    ]);
    expect(await refused(admin, CREATE_STUDENT, { input: { ...input, personalIdentityNumber: '20140230-1234' } })).toEqual([
      { field: 'personalIdentityNumber', code: 'DATE' },
    ]);
    expect(
      await refused(admin, CREATE_STUDENT, { input: { ...input, personalIdentityNumber: 'abc', firstName: ' ', programmeCode: '1' } }),
    ).toEqual([
      { field: 'personalIdentityNumber', code: 'FORMAT' },
      { field: 'firstName', code: 'REQUIRED' },
      { field: 'programmeCode', code: 'FORMAT' },
    ]);
    expect(await refused(admin, CREATE_STUDENT, { input: { ...input, schoolId: otherSchoolId } })).toEqual([
      { field: 'schoolId', code: 'UNKNOWN' },
    ]);
    const existing = await server.db.prisma.student.findFirstOrThrow({ where: { schoolId } });
    expect(await refused(admin, CREATE_STUDENT, { input: { ...input, personalIdentityNumber: existing.personalIdentityNumber } })).toEqual([
      { field: 'personalIdentityNumber', code: 'DUPLICATE' },
    ]);

    const created = data(
      await admin.request<{ createStudent: { id: string; birthDate: string; personalIdentityNumber: string; school: { id: string } } }>(
        CREATE_STUDENT,
        {
          input: { ...input, personalIdentityNumber: pnr.replace('-', ''), protectedIdentity: true },
        },
      ),
    ).createStudent;
    expect(created).toMatchObject({ personalIdentityNumber: pnr, birthDate: '2014-03-09', school: { id: schoolId } });
    const audit = await lastAudit('admin.student.created');
    expect(audit).toMatchObject({ entityId: created.id, studentId: created.id, entityType: 'student' });
    expect(audit.details).toMatchObject({
      before: null,
      after: { personalIdentityNumber: pnr, birthDate: '2014-03-09', protectedIdentity: true },
    });

    const coordination = personnummerFor('2013-06-15', 77, { coordinationNumber: true });
    const updated = data(
      await admin.request<{ updateStudent: { birthDate: string; personalIdentityNumber: string; lastName: string } }>(UPDATE_STUDENT, {
        id: created.id,
        input: { ...input, personalIdentityNumber: coordination, lastName: 'Testdotter', protectedIdentity: false },
      }),
    ).updateStudent;
    expect(updated).toMatchObject({ personalIdentityNumber: coordination, birthDate: '2013-06-15', lastName: 'Testdotter' });
    const change = await lastAudit('admin.student.updated');
    expect(change.details).toMatchObject({
      before: { lastName: 'Testsson', personalIdentityNumber: pnr },
      after: { lastName: 'Testdotter', personalIdentityNumber: coordination },
    });
    expect(
      await refused(admin, UPDATE_STUDENT, {
        id: created.id,
        input: { ...input, personalIdentityNumber: existing.personalIdentityNumber },
      }),
    ).toEqual([{ field: 'personalIdentityNumber', code: 'DUPLICATE' }]);
    // Grannby's administrator cannot read or change it: the same NOT_FOUND as a made-up id.
    expect(errorCode(await otherAdmin.request(`query($id: ID!) { administeredStudent(id: $id) { id } }`, { id: created.id }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await otherAdmin.request(UPDATE_STUDENT, { id: created.id, input: { ...input, schoolId: otherSchoolId } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('creates guardians linked to a student, checks phone, e-mail and address, links once and unlinks', async () => {
    const students = await server.db.prisma.student.findMany({ where: { schoolId, guardianships: { none: {} } }, take: 2 });
    const [first, second] =
      students.length === 2
        ? students
        : await server.db.prisma.student.findMany({ where: { schoolId }, orderBy: { lastName: 'desc' }, take: 2 });
    const input = {
      firstName: 'Gun',
      lastName: 'Vårdsson',
      mobilePhone: '070-123 45 67',
      email: 'gun@example.se',
      streetAddress: 'Skolgatan 2',
      postalCode: '12345',
      city: 'Exempelby',
    };
    expect(
      await refused(admin, CREATE_GUARDIAN, {
        studentId: first!.id,
        input: { ...input, mobilePhone: '08-123 456 78', email: 'gun@', postalCode: '12' },
      }),
    ).toEqual([
      { field: 'mobilePhone', code: 'NOT_A_MOBILE' },
      { field: 'email', code: 'INVALID_EMAIL' },
      { field: 'postalCode', code: 'FORMAT' },
    ]);
    expect(await refused(admin, CREATE_GUARDIAN, { studentId: first!.id, input: { ...input, protectedIdentity: true } })).toEqual([
      { field: 'streetAddress', code: 'PROTECTED_IDENTITY' },
      { field: 'postalCode', code: 'PROTECTED_IDENTITY' },
      { field: 'city', code: 'PROTECTED_IDENTITY' },
    ]);
    expect(
      await refused(admin, CREATE_GUARDIAN, { studentId: first!.id, input: { ...input, personalIdentityNumber: '19800101-0000' } }),
    ).toEqual([{ field: 'personalIdentityNumber', code: 'CHECK_DIGIT' }]);

    type Created = { createGuardian: { id: string; mobilePhone: string; postalCode: string; children: { id: string }[] } };
    const guardian = data(
      await admin.request<Created>(CREATE_GUARDIAN, {
        studentId: first!.id,
        input: { ...input, personalIdentityNumber: personnummerFor('1980-02-03', 222) },
      }),
    ).createGuardian;
    expect(guardian).toMatchObject({ mobilePhone: '+46701234567', postalCode: '123 45', children: [{ id: first!.id }] });
    expect((await lastAudit('admin.guardianship.created')).studentId).toBe(first!.id);
    expect((await lastAudit('admin.guardian.created')).details).toMatchObject({ before: null, after: { mobilePhone: '+46701234567' } });
    expect(
      await refused(admin, CREATE_GUARDIAN, {
        studentId: second!.id,
        input: { ...input, personalIdentityNumber: personnummerFor('1980-02-03', 222) },
      }),
    ).toEqual([{ field: 'personalIdentityNumber', code: 'DUPLICATE' }]);

    // Protected from now on: the address must go in the same change.
    expect(await refused(admin, UPDATE_GUARDIAN, { id: guardian.id, input: { ...input, protectedIdentity: true } })).toEqual([
      { field: 'streetAddress', code: 'PROTECTED_IDENTITY' },
      { field: 'postalCode', code: 'PROTECTED_IDENTITY' },
      { field: 'city', code: 'PROTECTED_IDENTITY' },
    ]);
    const protectedGuardian = data(
      await admin.request<{ updateGuardian: { streetAddress: string | null; protectedIdentity: boolean } }>(UPDATE_GUARDIAN, {
        id: guardian.id,
        input: { firstName: 'Gun', lastName: 'Vårdsson', protectedIdentity: true },
      }),
    ).updateGuardian;
    expect(protectedGuardian).toMatchObject({ streetAddress: null, protectedIdentity: true });
    expect((await lastAudit('admin.guardian.updated')).details).toMatchObject({
      before: { city: 'Exempelby' },
      after: { city: null, protectedIdentity: true },
    });

    expect(await refused(admin, LINK, { s: first!.id, g: guardian.id })).toEqual([{ field: 'guardianId', code: 'ALREADY_LINKED' }]);
    expect(await refused(admin, UNLINK, { s: first!.id, g: guardian.id })).toEqual([{ field: 'guardianId', code: 'LAST_CHILD' }]);
    expect(
      data(
        await admin.request<{ linkGuardian: { guardians: { id: string }[] } }>(LINK, { s: second!.id, g: guardian.id }),
      ).linkGuardian.guardians.map((g) => g.id),
    ).toContain(guardian.id);
    expect(
      data(
        await admin.request<{ unlinkGuardian: { guardians: { id: string }[] } }>(UNLINK, { s: first!.id, g: guardian.id }),
      ).unlinkGuardian.guardians.map((g) => g.id),
    ).not.toContain(guardian.id);
    const unlinked = await lastAudit('admin.guardianship.deleted');
    expect(unlinked).toMatchObject({
      studentId: first!.id,
      details: { before: { studentId: first!.id, guardianId: guardian.id }, after: null },
    });
    expect(await refused(admin, UNLINK, { s: first!.id, g: guardian.id })).toEqual([{ field: 'guardianId', code: 'NOT_LINKED' }]);

    // Another organisation's guardian and student are NOT_FOUND, whichever side is foreign.
    const grannbyGuardian = await server.db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'grannby.vh1' } });
    expect(errorCode(await admin.request(LINK, { s: first!.id, g: grannbyGuardian.guardianId }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await otherAdmin.request(LINK, {
          s: (await server.db.prisma.student.findFirstOrThrow({ where: { schoolId: otherSchoolId } })).id,
          g: guardian.id,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await otherAdmin.request(`query($id: ID!) { administeredGuardian(id: $id) { id } }`, { id: guardian.id }))).toBe(
      'NOT_FOUND',
    );

    const list = data(
      await admin.request<{ administeredGuardians: { rows: { id: string; childCount: number }[] } }>(
        'query($s: String) { administeredGuardians(search: $s) { rows { id childCount } pageInfo { total } } }',
        { s: 'vårdsson' },
      ),
    );
    expect(list.administeredGuardians.rows).toEqual([{ id: guardian.id, childCount: 1 }]);
  });

  it("ends a leaving student's classes and groups after the last day, removes what had not begun, audited; refuses a bad day", async () => {
    const prisma = server.db.prisma;
    const student = data(
      await admin.request<{ createStudent: { id: string } }>(CREATE_STUDENT, {
        input: { personalIdentityNumber: personnummerFor('2013-04-04', 41), firstName: 'Sista', lastName: 'Dagen', schoolId },
      }),
    ).createStudent;
    // In a class until further notice; in a teaching group until October, and again from January (not begun yet).
    await prisma.groupMembership.createMany({
      data: [
        { groupId: classId, studentId: student.id, validFrom: new Date('2026-08-17'), validTo: null },
        { groupId: teachingGroupId, studentId: student.id, validFrom: new Date('2026-08-17'), validTo: new Date('2026-10-30') },
        { groupId: teachingGroupId, studentId: student.id, validFrom: new Date('2027-01-11'), validTo: null },
      ],
    });
    expect(await refused(admin, LEAVE, { s: student.id, day: '2026-02-30' })).toEqual([{ field: 'lastDay', code: 'INVALID_DATE' }]);
    expect(errorCode(await otherAdmin.request(LEAVE, { s: student.id, day: '2026-12-18' }))).toBe('NOT_FOUND');
    for (const username of ['rektor', 'mentor', 'elev']) {
      expect(errorCode(await (await loggedIn(server, username)).request(LEAVE, { s: student.id, day: '2026-12-18' })), username).toBe(
        'FORBIDDEN',
      );
    }
    expect(await prisma.groupMembership.count({ where: { studentId: student.id } })).toBe(3);

    type Left = {
      endStudentMemberships: { memberships: { kind: string; validFrom: string; validTo: string | null }[]; leftOn: string | null };
    };
    const left = data(await admin.request<Left>(LEAVE, { s: student.id, day: '2026-12-18' })).endStudentMemberships;
    // Both began the same day: in no particular order.
    const byKind = [...left.memberships].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind.map(({ kind, validFrom, validTo }) => ({ kind, validFrom, validTo }))).toEqual([
      { kind: 'CLASS', validFrom: '2026-08-17', validTo: '2026-12-18' },
      { kind: 'TEACHING', validFrom: '2026-08-17', validTo: '2026-10-30' },
    ]);
    const audits = await prisma.auditEvent.findMany({
      where: { studentId: student.id, action: { startsWith: 'admin.groupMembership.' } },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((event) => event.action)).toEqual(['admin.groupMembership.ended', 'admin.groupMembership.deleted']);
    expect(audits[1]?.details).toMatchObject({ before: { groupId: teachingGroupId, validFrom: '2027-01-11', validTo: null }, after: null });
    // Leaving on the 18th of December: not left yet today (25 November), in the list still in the class.
    expect(left.leftOn).toBeNull();
    const listed = async () =>
      data(
        await admin.request<{ administeredStudents: { rows: { className: string | null; leftOn: string | null }[] } }>(LIST_STUDENTS, {
          filter: { search: 'Sista Dagen' },
        }),
      ).administeredStudents.rows;
    const [inClass] = await listed();
    expect(inClass?.leftOn).toBeNull();
    expect(inClass?.className).not.toBeNull();
    // Nothing goes on after the day any more.
    expect(await refused(admin, LEAVE, { s: student.id, day: '2026-12-18' })).toEqual([{ field: 'lastDay', code: 'NOTHING_TO_END' }]);
    // A last day before the class she is in began would take the class's history of her away: refused, nothing changed.
    expect(await refused(admin, LEAVE, { s: student.id, day: '2026-08-10' })).toEqual([{ field: 'lastDay', code: 'BEFORE_BEGUN' }]);
    expect(await prisma.groupMembership.count({ where: { studentId: student.id } })).toBe(2);
    // Left earlier than planned, last Friday: left on that day, in the student's record and the list.
    const earlier = data(
      await admin.request<{ endStudentMemberships: { leftOn: string | null } }>(LEAVE, { s: student.id, day: '2026-11-20' }),
    );
    expect(earlier.endStudentMemberships.leftOn).toBe('2026-11-20');
    expect(await listed()).toMatchObject([{ className: null, leftOn: '2026-11-20' }]);
  });

  it('creates staff with a unique signature and dated duties of the right kind, ends a duty, sets a login that works', async () => {
    const input = { firstName: 'Lena', lastName: 'Lärare', signature: 'lela', email: 'lena@example.se' };
    const existing = await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'larare' } } });
    expect(await refused(admin, CREATE_STAFF, { input: { ...input, signature: existing.signature.toLowerCase() } })).toEqual([
      { field: 'signature', code: 'DUPLICATE' },
    ]);
    expect(await refused(admin, CREATE_STAFF, { input: { ...input, signature: 'L', email: 'x', lastName: '' } })).toEqual([
      { field: 'lastName', code: 'REQUIRED' },
      { field: 'signature', code: 'FORMAT' },
      { field: 'email', code: 'INVALID_EMAIL' },
    ]);
    type Staff = { id: string; signature: string; duties: { id: string; kind: string; validFrom: string; validTo: string | null }[] };
    const staff = data(await admin.request<{ createStaff: Staff }>(CREATE_STAFF, { input })).createStaff;
    expect(staff.signature).toBe('LELA');
    expect((await lastAudit('admin.staff.created')).details).toMatchObject({ before: null, after: { signature: 'LELA' } });
    // The same signature in another organisation is fine.
    data(await otherAdmin.request(CREATE_STAFF, { input }));

    const duty = { kind: 'TEACHER', groupId: teachingGroupId, validFrom: server.today };
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { ...duty, groupId: classId } })).toEqual([
      { field: 'groupId', code: 'WRONG_GROUP_KIND' },
    ]);
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { ...duty, kind: 'MENTOR' } })).toEqual([
      { field: 'groupId', code: 'WRONG_GROUP_KIND' },
    ]);
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { ...duty, groupId: otherClassId, kind: 'MENTOR' } })).toEqual([
      { field: 'groupId', code: 'UNKNOWN' },
    ]);
    expect(
      await refused(admin, ADD_DUTY, { id: staff.id, input: { kind: 'PRINCIPAL', schoolId: otherSchoolId, validFrom: server.today } }),
    ).toEqual([{ field: 'schoolId', code: 'UNKNOWN' }]);
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { kind: 'PRINCIPAL', validFrom: server.today } })).toEqual([
      { field: 'schoolId', code: 'REQUIRED' },
    ]);
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { ...duty, validTo: '2026-01-01' } })).toEqual([
      { field: 'validTo', code: 'END_BEFORE_START' },
    ]);
    // Refused before the duty's own rules, by the check every input passes (graphql/guard.ts).
    expect(await refused(admin, ADD_DUTY, { id: staff.id, input: { ...duty, validFrom: '2026-02-30' } })).toEqual([
      { field: 'validFrom', code: 'INVALID_DATE' },
    ]);

    const teaching = data(await admin.request<{ addStaffDuty: Staff }>(ADD_DUTY, { id: staff.id, input: duty })).addStaffDuty;
    expect(teaching.duties).toEqual([expect.objectContaining({ kind: 'TEACHER', validFrom: server.today, validTo: null })]);
    const dutyId = teaching.duties[0]!.id;
    expect((await lastAudit('admin.staffDuty.created')).details).toMatchObject({
      before: null,
      after: { kind: 'TEACHER', groupId: teachingGroupId },
    });
    data(
      await admin.request(ADD_DUTY, {
        id: staff.id,
        input: { kind: 'MENTOR', groupId: classId, validFrom: server.today, validTo: '2027-06-30' },
      }),
    );

    expect(await refused(admin, END_DUTY, { id: dutyId, to: '2026-01-01' })).toEqual([{ field: 'validTo', code: 'END_BEFORE_START' }]);
    const ended = data(await admin.request<{ endStaffDuty: Staff }>(END_DUTY, { id: dutyId, to: '2026-12-18' })).endStaffDuty;
    expect(ended.duties.find((d) => d.id === dutyId)?.validTo).toBe('2026-12-18');
    expect((await lastAudit('admin.staffDuty.ended')).details).toMatchObject({
      before: { validTo: null },
      after: { validTo: '2026-12-18' },
    });
    expect(errorCode(await otherAdmin.request(END_DUTY, { id: dutyId, to: '2026-12-19' }))).toBe('NOT_FOUND');

    const login = { personKind: 'STAFF', personId: staff.id, username: ' Lena.Lärare ', password: 'kort' };
    expect(await refused(admin, SET_LOGIN, { input: login })).toEqual([{ field: 'password', code: 'TOO_SHORT' }]);
    expect(await refused(admin, SET_LOGIN, { input: { ...login, password: 'lena-lärare-2026' } })).toEqual([
      { field: 'password', code: 'CONTAINS_NAME' },
    ]);
    expect(await refused(admin, SET_LOGIN, { input: { ...login, password: 'password1234' } })).toEqual([
      { field: 'password', code: 'TOO_GUESSABLE' },
    ]);
    expect(await refused(admin, SET_LOGIN, { input: { ...login, username: 'LARARE', password: 'ett-långt-lösenord' } })).toEqual([
      { field: 'username', code: 'DUPLICATE' },
    ]);
    expect(await refused(admin, SET_LOGIN, { input: { ...login, username: 'lena lärare', password: 'ett-långt-lösenord' } })).toEqual([
      { field: 'username', code: 'FORMAT' },
    ]);
    expect(errorCode(await otherAdmin.request(SET_LOGIN, { input: { ...login, password: 'ett-långt-lösenord' } }))).toBe('NOT_FOUND');
    expect(data(await admin.request(SET_LOGIN, { input: { ...login, password: 'ett-långt-lösenord' } }))).toEqual({
      setLogin: { username: 'lena.lärare', disabled: false },
    });
    // The account was made with the staff member, without a password; the administrator gave it one.
    const { id: accountId } = await server.db.prisma.userAccount.findUniqueOrThrow({ where: { staffId: staff.id } });
    const made = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.account.created', entityId: accountId } });
    expect(made.details).toMatchObject({ after: { personKind: 'STAFF', personId: staff.id, passwordSet: false } });
    const account = await lastAudit('admin.account.updated');
    expect(account.details).toMatchObject({ after: { username: 'lena.lärare', passwordSet: true } });
    expect(JSON.stringify(account.details)).not.toMatch(/argon|ett-långt/);

    const teacher = new TestClient(server);
    expect((await teacher.login('lena.lärare', 'ett-långt-lösenord')).data).not.toBeNull();
    const viewer = data(await teacher.request<{ me: { displayName: string } }>('{ me { displayName } }'));
    expect(viewer.me.displayName).toContain('Lena');
    // A new password from the administrator ends the sessions opened with the old one.
    data(await admin.request(SET_LOGIN, { input: { ...login, password: 'ett-annat-lösenord' } }));
    expect(errorCode(await teacher.request('{ me { displayName } }'))).toBe('UNAUTHENTICATED');
    expect((await new TestClient(server).login('lena.lärare', 'ett-annat-lösenord')).data).not.toBeNull();
  });

  it('protected identity: a protected student is left out of the class list and news recipients of those without a duty or family tie', async () => {
    const prisma = server.db.prisma;
    const elev = await prisma.student.findFirstOrThrow({
      where: { account: { username: 'elev' } },
      include: { memberships: { include: { group: true } }, guardianships: { include: { guardian: { include: { account: true } } } } },
    });
    const classGroup = elev.memberships.find((membership) => membership.group.kind === 'CLASS' && membership.validTo === null)!.group;
    const classmate = await prisma.student.findFirstOrThrow({
      where: { id: { not: elev.id }, memberships: { some: { groupId: classGroup.id, validTo: null } }, guardianships: { some: {} } },
      include: { guardianships: true },
    });
    const password = 'ett-långt-lösenord';
    const setLogin = (personKind: string, personId: string, username: string) =>
      admin.request(SET_LOGIN, { input: { personKind, personId, username, password } }).then(data);
    await setLogin('STUDENT', classmate.id, 'klasskamrat');
    await setLogin('GUARDIAN', classmate.guardianships[0]!.guardianId, 'klasskamratens.vh');
    const signIn = async (username: string) => {
      const client = new TestClient(server);
      expect((await client.login(username, password)).data).not.toBeNull();
      return client;
    };
    const roster = async (client: TestClient) =>
      data(
        await client.request<{ group: { students: { id: string }[] } }>('query($id: ID!) { group(id: $id) { students { id } } }', {
          id: classGroup.id,
        }),
      ).group.students.map((student) => student.id);
    const ownGuardian = elev.guardianships.find(({ guardian }) => guardian.account)!.guardian.account!.username;
    const viewers = {
      classmate: await signIn('klasskamrat'),
      classmatesGuardian: await signIn('klasskamratens.vh'),
      self: await loggedIn(server, 'elev'),
      ownGuardian: await loggedIn(server, ownGuardian as 'vardnadshavare'),
      mentor: await loggedIn(server, 'mentor'),
      principal: await loggedIn(server, 'rektor'),
    };
    for (const client of Object.values(viewers)) expect(await roster(client)).toContain(elev.id);

    const input = {
      personalIdentityNumber: elev.personalIdentityNumber,
      firstName: elev.firstName,
      lastName: elev.lastName,
      schoolId: elev.schoolId,
      protectedIdentity: true,
    };
    data(await admin.request(UPDATE_STUDENT, { id: elev.id, input }));
    expect(await roster(viewers.classmate)).not.toContain(elev.id);
    expect(await roster(viewers.classmate)).toContain(classmate.id);
    expect(await roster(viewers.classmatesGuardian)).not.toContain(elev.id);
    for (const client of [viewers.self, viewers.ownGuardian, viewers.mentor, viewers.principal])
      expect(await roster(client)).toContain(elev.id);

    // News to the class: the principal (a duty for the student) sees everyone reached by name.
    const post = data(
      await viewers.principal.request<{ postNews: { recipientCount: number; recipients: { id: string }[] } }>(
        'mutation($input: NewsPostInput!) { postNews(input: $input) { recipientCount recipients { id } } }',
        {
          input: {
            schoolId: elev.schoolId,
            groupId: classGroup.id,
            toGuardians: true,
            toStudents: true,
            title: 'Utflykt',
            body: 'På fredag.',
          },
        },
      ),
    ).postNews;
    expect(post.recipients.map((recipient) => recipient.id)).toContain(elev.id);
    expect(post.recipientCount).toBe(post.recipients.length);
    data(await admin.request(UPDATE_STUDENT, { id: elev.id, input: { ...input, protectedIdentity: false } }));
  });
});
