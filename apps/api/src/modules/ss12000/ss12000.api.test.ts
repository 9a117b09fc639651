// The SS 12000 export from the outside: API clients made and revoked by an administrator only, the token endpoint,
// every endpoint's pages checked against the served OpenAPI description, paging and meta.modified, scopes, the
// organisation boundary, protected identities, refusals of bad parameters, the audit of every call, and
// aggregatedAttendance against the absence statistics' own count.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, SERVER_DATABASE, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { SS12000_ENDPOINTS } from './ss12000.router.ts';

// ajv-formats is CommonJS: its function is the module itself under Node, `default` under a bundler's interop.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;

const ALL_SCOPES = Object.values(SS12000_ENDPOINTS).map((endpoint) => endpoint.scope);
const RESOURCES = Object.keys(SS12000_ENDPOINTS);

interface Answer {
  status: number;
  body: { data?: { id?: string; [key: string]: unknown }[]; pageToken?: string; code?: string; message?: string };
}

const CREATE = `mutation($input: ApiClientInput!) {
  createApiClient(input: $input) { secret client { id clientId name scopes protectedIdentity revokedAt } }
}`;

describe.each(SERVER_DATABASE)('SS 12000 export, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let organisationId: string;
  let termStart: string;
  let validate: (schema: string, body: unknown) => void;

  const makeClient = async (as: TestClient, name: string, scopes: string[], protectedIdentity = false) => {
    const result = await as.request<{ createApiClient: { secret: string; client: { id: string; clientId: string } } }>(CREATE, {
      input: { name, scopes, protectedIdentity },
    });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createApiClient;
  };
  const tokenFor = async (clientId: string, secret: string) => {
    const response = await fetch(`${server.url}/ss12000/v2.1/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string; scope?: string } };
  };
  const get = async (token: string | null, path: string): Promise<Answer> => {
    const response = await fetch(`${server.url}/ss12000/v2.1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  /** Every page of an endpoint, each checked against the OpenAPI description. */
  const readAll = async (token: string, resource: string, query = '', limit = 40) => {
    const records: NonNullable<Answer['body']['data']> = [];
    let path = `/${resource}?limit=${limit}${query ? `&${query}` : ''}`;
    for (let pages = 0; pages < 1000; pages += 1) {
      const answer = await get(token, path);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      validate(`${resource[0]!.toUpperCase()}${resource.slice(1)}${resource === 'aggregatedAttendance' ? 's' : ''}`, answer.body);
      records.push(...answer.body.data!);
      if (!answer.body.pageToken) return records;
      path = `/${resource}?pageToken=${encodeURIComponent(answer.body.pageToken)}`;
    }
    throw new Error('the page tokens never ended');
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    organisationId = (
      await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } }, select: { organisationId: true } })
    ).organisationId;
    const today = new Date(`${server.today}T00:00:00Z`);
    termStart = (
      await server.db.prisma.term.findFirstOrThrow({
        where: { schoolYear: { organisationId }, startDate: { lte: today }, endDate: { gte: today } },
      })
    ).startDate
      .toISOString()
      .slice(0, 10);

    const description = (await (await fetch(`${server.url}/ss12000/v2.1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...description, $id: 'openapi.json' });
    validate = (schema, body) => {
      const check = ajv.getSchema(`openapi.json#/components/schemas/${schema}`);
      if (!check) throw new Error(`no schema ${schema}`);
      expect(check(body) ? [] : check.errors, schema).toEqual([]);
    };
    expect(Object.keys(description.paths).sort()).toEqual(RESOURCES.map((resource) => `/${resource}`).sort());
  });
  afterAll(() => server?.stop());

  it('clients are made and listed by administrators only, with the secret shown once and refusals per field', async () => {
    for (const username of ['rektor', 'mentor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request('{ apiClients { id } }')), username).toBe('FORBIDDEN');
      expect(
        errorCode(await client.request(CREATE, { input: { name: 'X', scopes: ['PERSONS'], protectedIdentity: true } })),
        username,
      ).toBe('FORBIDDEN');
    }
    const refused = await admin.request(CREATE, { input: { name: '  ', scopes: [], protectedIdentity: false } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'name', code: 'REQUIRED' },
        { field: 'scopes', code: 'REQUIRED' },
      ],
    });
    const made = await makeClient(admin, 'CSN-rapportering', ['AGGREGATED_ATTENDANCE']);
    expect(made.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await server.db.prisma.apiClient.findUniqueOrThrow({ where: { id: made.client.id } });
    expect(stored.secretHash).not.toContain(made.secret);
    const duplicate = await admin.request(CREATE, { input: { name: 'CSN-rapportering', scopes: ['PERSONS'], protectedIdentity: false } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'name', code: 'DUPLICATE' }] });

    const listed = await admin.request<{ apiClients: { id: string; name: string }[] }>('{ apiClients { id name scopes createdByName } }');
    expect(listed.data?.apiClients.map((client) => client.name)).toContain('CSN-rapportering');
    const others = await otherAdmin.request<{ apiClients: { id: string }[] }>('{ apiClients { id } }');
    expect(others.data?.apiClients.map((client) => client.id)).not.toContain(made.client.id);
    expect(errorCode(await otherAdmin.request('mutation($id: ID!) { revokeApiClient(id: $id) { id } }', { id: made.client.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('a token for id and secret only; a user token opens no endpoint and a client token no GraphQL', async () => {
    const made = await makeClient(admin, 'Statistik', ['PERSONS']);
    const wrong = await tokenFor(made.client.clientId, `${made.secret}x`);
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await tokenFor('insyn-okand', made.secret)).status).toBe(401);
    const noGrant = await fetch(`${server.url}/ss12000/v2.1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${made.client.clientId}&client_secret=${made.secret}`,
    });
    expect(noGrant.status).toBe(400);
    const form = await fetch(`${server.url}/ss12000/v2.1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${made.client.clientId}&client_secret=${made.secret}`,
    });
    const { access_token: token, scope } = (await form.json()) as { access_token: string; scope: string };
    expect(scope).toBe('PERSONS');

    expect((await get(null, '/persons')).status).toBe(401);
    expect((await get(admin.token, '/persons')).status).toBe(401);
    expect((await get('not.a.token', '/persons')).status).toBe(401);
    const asClient = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ apiClients { id } }' }),
    });
    expect(((await asClient.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await get(token, '/persons?limit=1')).status).toBe(200);
    const forbidden = await get(token, '/groups');
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    validate('Error', forbidden.body);
    expect((await get(token, '/nothing')).status).toBe(404);
  });

  it('each endpoint refuses (403) a client whose scopes leave it out, whatever else they hold', async () => {
    for (const [resource, { scope }] of Object.entries(SS12000_ENDPOINTS)) {
      const made = await makeClient(
        admin,
        `Utan ${scope}`,
        ALL_SCOPES.filter((other) => other !== scope),
      );
      const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
      const refused = await get(token, `/${resource}`);
      expect(refused, resource).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      validate('Error', refused.body);
    }
  });

  it("every endpoint's pages follow the description, in id order without repeats, and hold only the organisation's records", async () => {
    const made = await makeClient(admin, 'Allt', ALL_SCOPES, true);
    const { body } = await tokenFor(made.client.clientId, made.secret);
    const token = body.access_token!;
    const prisma = server.db.prisma;
    const expected = {
      organisations: 1 + (await prisma.school.count({ where: { organisationId } })),
      persons:
        (await prisma.student.count({ where: { organisationId } })) +
        (await prisma.guardian.count({ where: { organisationId } })) +
        (await prisma.staff.count({ where: { organisationId } })),
      groups: await prisma.group.count({ where: { school: { organisationId } } }),
      duties: await prisma.staffDuty.count({ where: { staff: { organisationId } } }),
      syllabuses: await prisma.subject.count({ where: { organisationId } }),
      attendances: await prisma.attendance.count({ where: { student: { organisationId } } }),
      absences:
        (await prisma.sickReport.count({ where: { student: { organisationId }, withdrawnAt: null } })) +
        (await prisma.leaveApplication.count({ where: { student: { organisationId }, status: 'APPROVED' } })),
    };
    for (const [resource, count] of Object.entries(expected)) {
      const records = await readAll(token, resource, '', resource === 'attendances' ? 1000 : 40);
      const ids = records.map((record) => record.id!);
      expect(ids.length, resource).toBe(count);
      expect([...ids].sort(), resource).toEqual(ids);
      expect(new Set(ids).size, resource).toBe(ids.length);
    }
    const activities = await readAll(token, 'activities');
    expect(activities.length).toBeGreaterThan(0);
    const calendarEvents = await get(token, '/calendarEvents?limit=200');
    validate('CalendarEvents', calendarEvents.body);
    const activityIds = new Set(activities.map((activity) => activity.id));
    for (const event of calendarEvents.body.data!) expect(activityIds.has((event.activity as { id: string }).id)).toBe(true);
    // Each activity names its subject's syllabus, one of the organisation's.
    const syllabuses = await readAll(token, 'syllabuses');
    const syllabusIds = new Set(syllabuses.map((syllabus) => syllabus.id));
    for (const activity of activities) expect(syllabusIds.has((activity.syllabus as { id: string }).id), activity.id).toBe(true);
    const subject = await prisma.subject.findFirstOrThrow({ where: { organisationId }, orderBy: { id: 'asc' } });
    expect(syllabuses.find((syllabus) => syllabus.id === subject.id)).toMatchObject({
      subjectCode: subject.code,
      subjectName: subject.nameSv,
      meta: { created: subject.createdAt.toISOString(), modified: subject.modifiedAt.toISOString() },
    });

    // Nothing of the other organisation, in any answer.
    const otherStudent = await prisma.student.findFirstOrThrow({ where: { organisationId: { not: organisationId } } });
    const persons = await readAll(token, 'persons', '', 1000);
    expect(persons.map((person) => person.id)).not.toContain(otherStudent.id);
    const otherSubjects = await prisma.subject.findMany({ where: { organisationId: { not: organisationId } }, select: { id: true } });
    expect(otherSubjects.length).toBeGreaterThan(0);
    for (const { id } of otherSubjects) expect(syllabusIds.has(id)).toBe(false);
  });

  it('later pages and meta.modified.after: a changed student, the group of a new member and a renamed subject, nothing else', async () => {
    const made = await makeClient(admin, 'Lärplattform', ['PERSONS', 'GROUPS', 'SYLLABUSES'], true);
    const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
    const [clock] = await server.db.prisma.$queryRaw<{ now: Date }[]>`SELECT now()`;
    const since = new Date(clock!.now.getTime() + 1).toISOString();
    expect((await get(token, `/persons?meta.modified.after=${encodeURIComponent(since)}`)).body.data).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));

    const student = await server.db.prisma.student.findFirstOrThrow({ where: { organisationId }, orderBy: { id: 'asc' } });
    await server.db.prisma.student.update({ where: { id: student.id }, data: { firstName: `${student.firstName}-Ny` } });
    // An UPDATE that changes nothing does not count as a change.
    const other = await server.db.prisma.student.findFirstOrThrow({ where: { organisationId, id: { not: student.id } } });
    await server.db.prisma.student.update({ where: { id: other.id }, data: { firstName: other.firstName } });
    const changed = await get(token, `/persons?meta.modified.after=${encodeURIComponent(since)}`);
    expect(changed.body.data!.map((person) => [person.id, person.givenName])).toEqual([[student.id, `${student.firstName}-Ny`]]);

    const group = await server.db.prisma.group.findFirstOrThrow({ where: { school: { organisationId }, kind: 'TEACHING' } });
    await server.db.prisma.groupMembership.create({
      data: { groupId: group.id, studentId: other.id, validFrom: new Date(`${server.today}T00:00:00Z`) },
    });
    const groups = await get(token, `/groups?meta.modified.after=${encodeURIComponent(since)}`);
    expect(groups.body.data!.map((one) => one.id)).toEqual([group.id]);
    expect(groups.body.data![0]!.groupMemberships).toContainEqual({ person: { id: other.id }, startDate: server.today });

    // A renamed subject is a changed syllabus; the others are not.
    expect((await get(token, `/syllabuses?meta.modified.after=${encodeURIComponent(since)}`)).body.data).toEqual([]);
    const subject = await server.db.prisma.subject.findFirstOrThrow({ where: { organisationId }, orderBy: { id: 'desc' } });
    await server.db.prisma.subject.update({ where: { id: subject.id }, data: { nameSv: `${subject.nameSv} (ny)` } });
    const syllabuses = await get(token, `/syllabuses?meta.modified.after=${encodeURIComponent(since)}`);
    validate('Syllabuses', syllabuses.body);
    expect(syllabuses.body.data!.map((one) => [one.id, one.subjectName])).toEqual([[subject.id, `${subject.nameSv} (ny)`]]);
  });

  it("a student who leaves during the year: their enrolment's last day, told as a change; none for a student still in a class", async () => {
    const made = await makeClient(admin, 'Elevregister', ['PERSONS'], true);
    const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
    const [clock] = await server.db.prisma.$queryRaw<{ now: Date }[]>`SELECT now()`;
    const since = new Date(clock!.now.getTime() + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const today = new Date(`${server.today}T00:00:00Z`);
    const leaver = await server.db.prisma.student.findFirstOrThrow({
      where: {
        organisationId,
        memberships: {
          some: { group: { kind: 'CLASS' }, validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
        },
      },
      orderBy: { id: 'desc' },
    });
    const lastDay = '2026-11-20';
    const left = await admin.request(
      'mutation($s: ID!, $day: String!) { endStudentMemberships(studentId: $s, lastDay: $day) { leftOn } }',
      { s: leaver.id, day: lastDay },
    );
    expect(left.errors).toBeUndefined();

    const changed = await get(token, `/persons?meta.modified.after=${encodeURIComponent(since)}`);
    validate('Persons', changed.body);
    expect(changed.body.data!.map((person) => [person.id, person.enrolments])).toEqual([
      [leaver.id, [expect.objectContaining({ endDate: lastDay })]],
    ]);
    expect((changed.body.data![0]!.enrolments as object[])[0]).not.toHaveProperty('schoolYear');
    const ended = (await readAll(token, 'persons', '', 1000)).filter((person) =>
      (person.enrolments as { endDate?: string }[] | undefined)?.some((enrolment) => enrolment.endDate !== undefined),
    );
    expect(ended.map((person) => person.id)).toContain(leaver.id);
    // Every other one with a last day (the demo school's former students) is in no class or group today or later.
    const stillIn = await server.db.prisma.groupMembership.count({
      where: { studentId: { in: ended.map((person) => person.id!) }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
    });
    expect(stillIn).toBe(0);
  });

  it('leaves protected identities out of every answer for a client not allowed to see them', async () => {
    const prisma = server.db.prisma;
    const hidden = await prisma.student.findFirstOrThrow({
      where: { organisationId, attendances: { some: {} }, memberships: { some: {} }, guardianships: { some: {} } },
      include: { guardianships: true },
    });
    await prisma.student.update({ where: { id: hidden.id }, data: { protectedIdentity: true } });
    await prisma.sickReport.create({
      data: {
        studentId: hidden.id,
        fromDate: new Date(`${server.today}T00:00:00Z`),
        toDate: new Date(`${server.today}T00:00:00Z`),
        startsAt: new Date(`${server.today}T06:00:00Z`),
        endsAt: new Date(`${server.today}T16:00:00Z`),
        channel: 'WEB',
        createdAt: new Date(),
      },
    });
    const blind = await makeClient(admin, 'Utan skydd', ALL_SCOPES, false);
    const seeing = await makeClient(admin, 'Med skydd', ALL_SCOPES, true);
    const blindToken = (await tokenFor(blind.client.clientId, blind.secret)).body.access_token!;
    const seeingToken = (await tokenFor(seeing.client.clientId, seeing.secret)).body.access_token!;

    const mentions = (records: unknown[]) => JSON.stringify(records).includes(hidden.id);
    const period = `startDate=${termStart}&endDate=${server.today}`;
    for (const resource of ['persons', 'groups', 'attendances', 'absences', 'aggregatedAttendance']) {
      const query = resource === 'aggregatedAttendance' ? period : '';
      expect(mentions(await readAll(blindToken, resource, query, 1000)), resource).toBe(false);
      expect(mentions(await readAll(seeingToken, resource, query, 1000)), resource).toBe(true);
    }
    const seen = (await readAll(seeingToken, 'persons', '', 1000)).find((person) => person.id === hidden.id);
    expect(seen?.securityMarking).toBe('Sekretessmarkering');
    await prisma.student.update({ where: { id: hidden.id }, data: { protectedIdentity: false } });
  });

  it('refuses what it cannot read with 400 and a reason, and keeps every call of the client', async () => {
    const made = await makeClient(admin, 'Felsökning', ['PERSONS', 'AGGREGATED_ATTENDANCE']);
    const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
    const persons = await get(token, '/persons?limit=2');
    const foreignToken = persons.body.pageToken!;
    const bad = [
      '/persons?limit=0',
      '/persons?limit=abc',
      '/persons?limit=1001',
      '/persons?limit=1&limit=2',
      '/persons?expand=all',
      '/persons?meta.modified.after=yesterday',
      '/persons?pageToken=bm90LWEtdG9rZW4',
      `/persons?pageToken=${foreignToken}&meta.modified.after=2026-01-01T00:00:00Z`,
      `/aggregatedAttendance?pageToken=${foreignToken}`,
      '/aggregatedAttendance',
      `/aggregatedAttendance?startDate=${server.today}`,
      `/aggregatedAttendance?startDate=${server.today}&endDate=${termStart}`,
      '/aggregatedAttendance?startDate=2025-01-01&endDate=2026-12-31',
      '/aggregatedAttendance?startDate=2026-02-30&endDate=2026-03-01',
      `/aggregatedAttendance?startDate=${termStart}&endDate=${server.today}&student=nobody`,
      `/aggregatedAttendance?startDate=${termStart}&endDate=${server.today}&meta.modified.after=2026-01-01T00:00:00Z`,
    ];
    for (const path of bad) {
      const answer = await get(token, path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.message, path).toBeTruthy();
      validate('Error', answer.body);
    }
    const calls = await server.db.prisma.apiClientCall.findMany({ where: { apiClientId: made.client.id }, orderBy: { id: 'asc' } });
    expect(calls.map((call) => call.status)).toEqual([200, 200, ...bad.map(() => 400)]);
    expect(calls[1]).toMatchObject({ method: 'GET', path: '/ss12000/v2.1/persons?limit=2', records: 2 });
    expect(calls.map((call) => call.path).join()).not.toContain(made.secret);
  });

  it('a revoked client gets no token, and the token it has stops working at once', async () => {
    const made = await makeClient(admin, 'Avslutad', ['PERSONS']);
    const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
    expect((await get(token, '/persons?limit=1')).status).toBe(200);
    const revoked = await admin.request<{
      revokeApiClient: { revokedAt: string | null; revokedByName: string; recentCalls: { status: number }[] };
    }>('mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt revokedByName recentCalls { status path } } }', { id: made.client.id });
    expect(revoked.data?.revokeApiClient.revokedAt).toBeTruthy();
    expect(revoked.data?.revokeApiClient.recentCalls.map((call) => call.status)).toEqual([200, 200]);
    expect((await get(token, '/persons?limit=1')).status).toBe(401);
    expect((await tokenFor(made.client.clientId, made.secret)).status).toBe(401);
    const audits = await server.db.prisma.auditEvent.findMany({ where: { entityId: made.client.id }, orderBy: { id: 'asc' } });
    expect(audits.map((event) => event.action)).toEqual(['apiClient.created', 'apiClient.revoked']);
  });

  it("aggregatedAttendance agrees with the absence statistics' own count for each student of a class", async () => {
    const made = await makeClient(admin, 'CSN', ['AGGREGATED_ATTENDANCE']);
    const token = (await tokenFor(made.client.clientId, made.secret)).body.access_token!;
    const today = new Date(`${server.today}T00:00:00Z`);
    const group = await server.db.prisma.group.findFirstOrThrow({
      where: {
        school: { organisationId },
        kind: 'CLASS',
        schoolYear: { startDate: { lte: today }, endDate: { gte: today } },
        memberships: { some: {} },
      },
      include: { memberships: { where: { validTo: null }, take: 6, orderBy: { studentId: 'asc' } } },
    });
    let compared = 0;
    for (const { studentId } of group.memberships) {
      const rows = (await readAll(
        token,
        'aggregatedAttendance',
        `startDate=${termStart}&endDate=${server.today}&student=${studentId}`,
      )) as unknown as {
        attendanceSum: number;
        validAbsenceSum: number;
        invalidAbsenceSum: number;
        otherAttendanceSum: number;
        reportedSum: number;
        offeredSum: number;
      }[];
      const sum = (key: keyof (typeof rows)[number]) => rows.reduce((total, row) => total + row[key], 0);
      for (const row of rows) {
        expect(row.attendanceSum + row.validAbsenceSum + row.invalidAbsenceSum + row.otherAttendanceSum).toBe(row.reportedSum);
      }
      const statistics = await admin.request<{ studentAbsenceStatistics: { total: Record<string, number> } }>(
        'query($id: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $id, range: $range) { total { scheduledMinutes recordedMinutes validAbsentMinutes unexcusedAbsentMinutes } } }',
        { id: studentId, range: { period: 'CUSTOM', from: termStart, to: server.today } },
      );
      const total = statistics.data!.studentAbsenceStatistics.total as Record<
        'scheduledMinutes' | 'recordedMinutes' | 'validAbsentMinutes' | 'unexcusedAbsentMinutes',
        number
      >;
      expect({
        offered: sum('offeredSum'),
        reported: sum('reportedSum'),
        valid: sum('validAbsenceSum') + sum('otherAttendanceSum'),
        invalid: sum('invalidAbsenceSum'),
      }).toEqual({
        offered: total.scheduledMinutes,
        reported: total.recordedMinutes,
        valid: total.validAbsentMinutes,
        invalid: total.unexcusedAbsentMinutes,
      });
      if (total.unexcusedAbsentMinutes > 0 || total.validAbsentMinutes > 0) compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
