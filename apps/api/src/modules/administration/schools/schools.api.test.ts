// Schools and their settings through the API, on both databases: who may, what is refused (per field, nothing
// written), and the audit row of each change with before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../../test/harness.ts';

const FIELDS =
  'id name unitCode form studentCount settings { mentorLeaveDayLimit sickReportDaysBack absenceWarningPercent absenceAlarmPercent csnThresholdMinutes gradeWarningContactDays }';
const LIST = `query($search: String, $sort: SchoolSort, $page: PageInput) {
  administeredSchools(search: $search, sort: $sort, page: $page) { items { ${FIELDS} } pageInfo { offset limit total } }
}`;
const ONE = `query($id: ID!) { administeredSchool(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($input: SchoolInput!) { createSchool(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SchoolInput!) { updateSchool(id: $id, input: $input) { ${FIELDS} } }`;
const SETTINGS = `mutation($id: ID!, $input: SchoolSettingsInput!) { updateSchoolSettings(id: $id, input: $input) { ${FIELDS} } }`;

interface School {
  id: string;
  name: string;
  unitCode: string;
  form: string;
  studentCount: number;
  settings: Record<string, number>;
}

const DEFAULT_SETTINGS = {
  mentorLeaveDayLimit: 2,
  sickReportDaysBack: 1,
  absenceWarningPercent: 10,
  absenceAlarmPercent: 15,
  csnThresholdMinutes: 240,
  gradeWarningContactDays: 5,
};

const problemsOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.problems;

describe.each(SERVER_DATABASE)('schools and their settings, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let ownSchools: { id: string; name: string; unitCode: string }[];
  let grannbySchoolId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const organisation = await server.db.prisma.organisation.findFirstOrThrow({
      where: { staff: { some: { account: { username: 'admin' } } } },
      include: { schools: { orderBy: { name: 'asc' } } },
    });
    ownSchools = organisation.schools;
    grannbySchoolId = (await server.db.prisma.school.findFirstOrThrow({ where: { name: 'Grannby skola' } })).id;
  });
  afterAll(() => server?.stop());

  const schoolCount = () => server.db.prisma.school.count();
  const auditRows = (action: string, entityId: string) =>
    server.db.prisma.auditEvent.findMany({ where: { action, entityId }, orderBy: { id: 'asc' } });

  it("lists only the administrator's own organisation's schools, searched by name or unit code, sorted and paged", async () => {
    const all = await admin.request<{ administeredSchools: { items: School[]; pageInfo: { total: number } } }>(LIST);
    expect(all.errors).toBeUndefined();
    expect(all.data!.administeredSchools.items.map((s) => s.name)).toEqual(ownSchools.map((s) => s.name));
    expect(all.data!.administeredSchools.items.every((s) => s.studentCount > 0)).toBe(true);
    expect(all.data!.administeredSchools.pageInfo.total).toBe(ownSchools.length);

    const first = ownSchools[0]!;
    const byName = await admin.request<{ administeredSchools: { items: School[] } }>(LIST, {
      search: first.name.slice(0, 5).toUpperCase(),
    });
    expect(byName.data!.administeredSchools.items.map((s) => s.id)).toContain(first.id);
    const byCode = await admin.request<{ administeredSchools: { items: School[] } }>(LIST, { search: first.unitCode.slice(2, 7) });
    expect(byCode.data!.administeredSchools.items.map((s) => s.id)).toEqual([first.id]);
    // Grannby's school does not turn up however it is searched for.
    const grannby = await admin.request<{ administeredSchools: { items: School[]; pageInfo: { total: number } } }>(LIST, {
      search: 'Grannby',
    });
    expect(grannby.data!.administeredSchools).toEqual({ items: [], pageInfo: { offset: 0, limit: 50, total: 0 } });

    const descending = await admin.request<{ administeredSchools: { items: School[] } }>(LIST, {
      sort: { field: 'NAME', direction: 'DESC' },
    });
    expect(descending.data!.administeredSchools.items.map((s) => s.name)).toEqual(ownSchools.map((s) => s.name).reverse());
    const paged = await admin.request<{ administeredSchools: { items: School[]; pageInfo: unknown } }>(LIST, {
      page: { offset: 1, limit: 1 },
    });
    expect(paged.data!.administeredSchools.items.map((s) => s.name)).toEqual([ownSchools[1]!.name]);
    expect(paged.data!.administeredSchools.pageInfo).toEqual({ offset: 1, limit: 1, total: ownSchools.length });
    expect(errorCode(await admin.request(LIST, { page: { offset: 0, limit: 201 } }))).toBe('BAD_USER_INPUT');

    const theirs = await otherAdmin.request<{ administeredSchools: { items: School[] } }>(LIST);
    expect(theirs.data!.administeredSchools.items.map((s) => s.name)).toEqual(['Grannby skola']);
  });

  it('refuses everyone but an administrator: FORBIDDEN, and NOT_FOUND for the other organisation', async () => {
    for (const username of ['rektor', 'larare', 'mentor', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request(LIST)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(ONE, { id: ownSchools[0]!.id })), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(CREATE, { input: { name: 'X', unitCode: '11112222', form: 'COMPULSORY' } })), username).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await client.request(SETTINGS, { id: ownSchools[0]!.id, input: DEFAULT_SETTINGS })), username).toBe('FORBIDDEN');
    }
    expect(errorCode(await otherAdmin.request(ONE, { id: ownSchools[0]!.id }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(ONE, { id: grannbySchoolId }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(ONE, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    const before = await server.db.prisma.school.findUniqueOrThrow({ where: { id: grannbySchoolId } });
    expect(
      errorCode(await admin.request(UPDATE, { id: grannbySchoolId, input: { name: 'Min', unitCode: '11112222', form: 'COMPULSORY' } })),
    ).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(SETTINGS, { id: grannbySchoolId, input: { ...DEFAULT_SETTINGS, mentorLeaveDayLimit: 9 } }))).toBe(
      'NOT_FOUND',
    );
    expect(await server.db.prisma.school.findUniqueOrThrow({ where: { id: grannbySchoolId } })).toEqual(before);
  });

  it('creates a school with the default settings and audits it', async () => {
    const created = await admin.request<{ createSchool: School }>(CREATE, {
      input: { name: '  Norrskolan ', unitCode: '8765 4321', form: 'UPPER_SECONDARY' },
    });
    expect(created.errors).toBeUndefined();
    const school = created.data!.createSchool;
    expect(school).toEqual({
      id: expect.any(String),
      name: 'Norrskolan',
      unitCode: '87654321',
      form: 'UPPER_SECONDARY',
      studentCount: 0,
      settings: DEFAULT_SETTINGS,
    });
    const organisationId = (await server.db.prisma.school.findUniqueOrThrow({ where: { id: ownSchools[0]!.id } })).organisationId;
    expect((await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).organisationId).toBe(organisationId);
    const [audit] = await auditRows('admin.school.created', school.id);
    expect(audit).toMatchObject({
      entityType: 'school',
      details: { before: null, after: { name: 'Norrskolan', unitCode: '87654321', form: 'UPPER_SECONDARY', ...DEFAULT_SETTINGS } },
    });
    expect(audit!.userId).toBe((await server.db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'admin' } })).id);
  });

  it('refuses a bad name, unit code or a code already used (in any organisation), per field, writing nothing', async () => {
    const count = await schoolCount();
    expect(problemsOf(await admin.request(CREATE, { input: { name: ' ', unitCode: '1234', form: 'COMPULSORY' } }))).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'unitCode', code: 'INVALID_UNIT_CODE' },
    ]);
    expect(problemsOf(await admin.request(CREATE, { input: { name: 'x'.repeat(101), unitCode: '12345678', form: 'COMPULSORY' } }))).toEqual(
      [{ field: 'name', code: 'TOO_LONG' }],
    );
    expect(
      problemsOf(await admin.request(CREATE, { input: { name: 'Dubblett', unitCode: ownSchools[0]!.unitCode, form: 'COMPULSORY' } })),
    ).toEqual([{ field: 'unitCode', code: 'DUPLICATE' }]);
    const grannbyCode = (await server.db.prisma.school.findUniqueOrThrow({ where: { id: grannbySchoolId } })).unitCode;
    expect(problemsOf(await admin.request(CREATE, { input: { name: 'Dubblett', unitCode: grannbyCode, form: 'COMPULSORY' } }))).toEqual([
      { field: 'unitCode', code: 'DUPLICATE' },
    ]);
    expect(errorCode(await admin.request(CREATE, { input: { name: 'X', unitCode: '12345678', form: 'PRESCHOOL' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await schoolCount()).toBe(count);
  });

  it("edits a school, keeping its own code, refusing another school's, and audits before and after", async () => {
    const school = ownSchools[1]!;
    const taken = await admin.request(UPDATE, {
      id: school.id,
      input: { name: school.name, unitCode: ownSchools[0]!.unitCode, form: 'COMPULSORY' },
    });
    expect(problemsOf(taken)).toEqual([{ field: 'unitCode', code: 'DUPLICATE' }]);
    const before = await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } });
    const updated = await admin.request<{ updateSchool: School }>(UPDATE, {
      id: school.id,
      input: { name: `${school.name} (ny)`, unitCode: school.unitCode, form: before.form },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSchool).toMatchObject({ name: `${school.name} (ny)`, unitCode: school.unitCode });
    const [audit] = await auditRows('admin.school.updated', school.id);
    expect(audit!.details).toMatchObject({ before: { name: school.name }, after: { name: `${school.name} (ny)` } });
  });

  it('sets the settings, refusing each bad one at its field with nothing written, and audits before and after', async () => {
    const school = ownSchools[0]!;
    const before = await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } });
    const refused = await admin.request(SETTINGS, {
      id: school.id,
      input: {
        mentorLeaveDayLimit: -1,
        sickReportDaysBack: 40,
        absenceWarningPercent: 20,
        absenceAlarmPercent: 15,
        csnThresholdMinutes: 0,
        gradeWarningContactDays: 0,
      },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(problemsOf(refused)).toEqual([
      { field: 'mentorLeaveDayLimit', code: 'OUT_OF_RANGE' },
      { field: 'sickReportDaysBack', code: 'OUT_OF_RANGE' },
      { field: 'csnThresholdMinutes', code: 'OUT_OF_RANGE' },
      { field: 'gradeWarningContactDays', code: 'OUT_OF_RANGE' },
      { field: 'absenceWarningPercent', code: 'WARNING_ABOVE_ALARM' },
    ]);
    expect(problemsOf(await admin.request(SETTINGS, { id: school.id, input: { ...DEFAULT_SETTINGS, absenceAlarmPercent: 101 } }))).toEqual([
      { field: 'absenceAlarmPercent', code: 'OUT_OF_RANGE' },
    ]);
    expect(await server.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).toEqual(before);
    expect(await auditRows('admin.school.updated', school.id)).toEqual([]);

    const settings = {
      ...DEFAULT_SETTINGS,
      mentorLeaveDayLimit: 5,
      absenceWarningPercent: 12,
      absenceAlarmPercent: 12,
      csnThresholdMinutes: 300,
    };
    const saved = await admin.request<{ updateSchoolSettings: School }>(SETTINGS, { id: school.id, input: settings });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateSchoolSettings.settings).toEqual(settings);
    const [audit] = await auditRows('admin.school.updated', school.id);
    expect(audit!.details).toMatchObject({
      before: { mentorLeaveDayLimit: before.mentorLeaveDayLimit, csnThresholdMinutes: before.csnThresholdMinutes },
      after: { mentorLeaveDayLimit: 5, absenceWarningPercent: 12, absenceAlarmPercent: 12, csnThresholdMinutes: 300 },
    });
  });
});
