// Bringing schools and people in from an SS 12000 source, from the outside: the dry run that writes nothing, the
// import, the same import again changing nothing, a changed record, every kind of bad source refused with the record
// named and nothing written, and the round trip: Insyn's own export imported into an empty database.
import { applyPendingMigrations, openDatabase, type DatabaseLocation } from '@insyn/db';
import { personnummerFor } from '@insyn/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmptyTestDatabase,
  eventually,
  loggedIn,
  removeTestDatabase,
  SERVER_DATABASE,
  startTestServer,
  TestClient,
  type TestServer,
} from '../../../test/harness.ts';
import {
  finishedImportRun,
  IMPORT_RUN_FIELDS,
  importThroughApi,
  startTestSource,
  type ImportRun,
  type TestSource,
} from '../../../test/ss12000-source.ts';
import { createFirstAdministrator } from '../../administration/first-administrator.service.ts';

const SECRET_ENV = { JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', SS12000_SOURCE_TIMEOUT_MS: '2000' };
const SAVE = `mutation($input: Ss12000SourceInput!) { saveSs12000Source(input: $input) { baseUrl } }`;
const RUN = `mutation($apply: Boolean!) { runSs12000Import(apply: $apply) { ${IMPORT_RUN_FIELDS} } }`;
type Run = ImportRun;

const id = (n: number) => `5c000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNIT_CODE = '99887766';

/** A small municipality as its school administration system has it. */
function sourceData() {
  const school = { id: id(1), displayName: 'Källbyskolan', organisationType: 'Skolenhet', schoolUnitCode: UNIT_CODE, schoolTypes: ['GR'] };
  const guardian = (n: number, extra: object = {}) => ({
    id: id(100 + n),
    givenName: `Vårdnadshavare${n}`,
    familyName: 'Källberg',
    civicNo: { value: personnummerFor(`198${n}-03-1${n}`, 210 + n).replace('-', '') },
    emails: [{ value: `vh${n}@kallby.example`, type: 'Privat' }],
    phoneNumbers: [{ value: `+4670123450${n}`, type: 'Privat', mobile: true }],
    addresses: [{ type: 'Folkbokföring', streetAddress: `Storgatan ${n}`, postalCode: '123 45', locality: 'Källby' }],
    ...extra,
  });
  const student = (n: number, guardians: number[]) => ({
    id: id(10 + n),
    givenName: `Elev${n}`,
    familyName: 'Källberg',
    civicNo: { value: personnummerFor(`2014-0${n}-1${n}`, 300 + n).replace('-', '') },
    enrolments: [{ enroledAt: { id: school.id }, schoolType: 'GR', schoolYear: 6 }],
    responsibles: guardians.map((g) => ({ person: { id: id(100 + g) }, relationType: 'Vårdnadshavare' })),
  });
  return {
    organisations: [{ id: id(0), displayName: 'Källby kommun', organisationType: 'Huvudman' }, school],
    persons: [
      student(1, [1, 2]),
      student(2, [1, 2]),
      student(3, [3]),
      guardian(1),
      guardian(2),
      // A protected identity: whatever address the source sends is not kept.
      guardian(3, { securityMarking: 'Skyddad folkbokföring' }),
      { id: id(200), givenName: 'Klara', familyName: 'Lärarsson', emails: [{ value: 'klara@kallby.example', type: 'Skola personal' }] },
      // Neither student, guardian nor staff: not read into Insyn.
      { id: id(300), givenName: 'Ingen', familyName: 'Roll' },
    ],
    duties: [{ id: id(400), person: { id: id(200) }, dutyAt: { id: school.id }, dutyRole: 'Lärare', signature: 'KLLÄ' }],
  };
}

describe.each(SERVER_DATABASE)('SS 12000 import of schools and people, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let source: TestSource;

  const run = (apply: boolean) => importThroughApi(admin, apply);
  const count = (result: Run, what: string) => result.counts.find((one) => one.kind === what);
  const written = async () => ({
    schools: await server.db.prisma.school.count(),
    students: await server.db.prisma.student.count(),
    guardians: await server.db.prisma.guardian.count(),
    guardianships: await server.db.prisma.guardianship.count(),
    staff: await server.db.prisma.staff.count(),
    links: await server.db.prisma.ss12000Link.count(),
    audits: await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } }),
  });

  beforeAll(async () => {
    server = await startTestServer(kind, { env: SECRET_ENV });
    admin = await loggedIn(server, 'admin');
    source = await startTestSource(sourceData());
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: source.token } });
  });
  beforeEach(() => {
    Object.assign(source.data, sourceData());
    source.behaviour = {};
  });
  afterAll(async () => {
    await source?.stop();
    await server?.stop();
  });

  it('is for administrators only', async () => {
    for (const username of ['rektor', 'mentor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      const result = await client.request(RUN, { apply: true });
      expect(result.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
      expect((await client.request('{ ss12000ImportRuns { id } }')).errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
  });

  it('a dry run says what would be added and writes nothing; applied, it writes that; again, it changes nothing', async () => {
    const before = await written();
    const dry = await run(false);
    expect(dry.outcome).toBe('DRY_RUN');
    expect(dry.problems).toEqual([]);
    expect(dry.counts).toEqual([
      { kind: 'schools', added: 1, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'students', added: 3, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'guardians', added: 3, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'staff', added: 1, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'guardianships', added: 5, changed: 0, ended: 0, unchanged: 0 },
      // This source offers no syllabuses, groups, activities or calendar events (404); its one duty, a teacher's, names no group.
      { kind: 'subjects', added: 0, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'groups', added: 0, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'memberships', added: 0, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'duties', added: 0, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'lessons', added: 0, changed: 0, ended: 0, unchanged: 0 },
    ]);
    expect(dry.changes).toContainEqual({ kind: 'students', sourceId: id(11), name: 'Elev1 Källberg', outcome: 'ADD', fields: [] });
    expect(await written()).toEqual(before);

    const applied = await run(true);
    expect(applied.outcome).toBe('APPLIED');
    expect(applied.counts).toEqual(dry.counts);
    const after = await written();
    expect(after).toMatchObject({
      schools: before.schools + 1,
      students: before.students + 3,
      guardians: before.guardians + 3,
      guardianships: before.guardianships + 5,
      staff: before.staff + 1,
      links: before.links + 8,
    });
    // 13 changes, and an account made for each of the 7 new people.
    expect(after.audits).toBe(before.audits + 20);
    const school = await server.db.prisma.school.findUniqueOrThrow({ where: { unitCode: UNIT_CODE } });
    expect(school).toMatchObject({ name: 'Källbyskolan', form: 'COMPULSORY' });
    const protectedGuardian = await server.db.prisma.guardian.findFirstOrThrow({ where: { firstName: 'Vårdnadshavare3' } });
    expect(protectedGuardian).toMatchObject({
      protectedIdentity: true,
      streetAddress: null,
      postalCode: null,
      city: null,
      mobilePhone: '+46701234503',
    });
    expect(await server.db.prisma.staff.findFirstOrThrow({ where: { signature: 'KLLÄ' } })).toMatchObject({
      firstName: 'Klara',
      email: 'klara@kallby.example',
    });

    const again = await run(true);
    expect(again.outcome).toBe('APPLIED');
    expect(again.counts.every((one) => one.added === 0 && one.changed === 0)).toBe(true);
    expect(count(again, 'students')?.unchanged).toBe(3);
    expect(await written()).toEqual(after);

    const history = await admin.request<{ ss12000ImportRuns: { id: string; outcome: string; changes: unknown[] }[] }>(
      '{ ss12000ImportRuns { id outcome startedByName changes { name } } }',
    );
    expect(history.data?.ss12000ImportRuns.slice(0, 3).map((one) => [one.id, one.outcome])).toEqual([
      [again.id, 'APPLIED'],
      [applied.id, 'APPLIED'],
      [dry.id, 'DRY_RUN'],
    ]);
  });

  it('changes what changed in the source, and only that', async () => {
    await run(true);
    const persons = source.data.persons as { id: string; phoneNumbers?: { value: string }[]; familyName: string }[];
    persons.find((person) => person.id === id(101))!.phoneNumbers = [{ value: '+46709999999' }];
    persons.find((person) => person.id === id(12))!.familyName = 'Nyberg';
    const changed = await run(true);
    expect(changed.outcome).toBe('APPLIED');
    expect(changed.changes).toEqual([
      { kind: 'students', sourceId: id(12), name: 'Elev2 Nyberg', outcome: 'CHANGE', fields: ['lastName'] },
      { kind: 'guardians', sourceId: id(101), name: 'Vårdnadshavare1 Källberg', outcome: 'CHANGE', fields: ['mobilePhone'] },
    ]);
    expect((await server.db.prisma.student.findFirstOrThrow({ where: { firstName: 'Elev2', lastName: 'Nyberg' } })).id).toBeTruthy();
  });

  it('removes a guardianship the source no longer has, and keeps one entered by hand', async () => {
    await run(true);
    const student = await server.db.prisma.student.findFirstOrThrow({ where: { firstName: 'Elev1', lastName: 'Källberg' } });
    const byHand = await server.db.prisma.guardian.create({
      data: { organisationId: student.organisationId, firstName: 'Extra', lastName: 'Vuxen', email: 'extra@kallby.example' },
    });
    await server.db.prisma.guardianship.create({
      data: { studentId: student.id, guardianId: byHand.id, organisationId: student.organisationId },
    });
    // Custody has changed: Elev1's second guardian is not one of theirs in the source any more.
    const persons = source.data.persons as { id: string; responsibles?: object[] }[];
    persons.find((person) => person.id === id(11))!.responsibles = [{ person: { id: id(101) }, relationType: 'Vårdnadshavare' }];
    const result = await run(true);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      { kind: 'guardianships', sourceId: id(11), name: 'Elev1 Källberg – Vårdnadshavare2 Källberg', outcome: 'END', fields: [] },
    ]);
    const guardians = await server.db.prisma.guardianship.findMany({
      where: { studentId: student.id },
      select: { guardian: { select: { firstName: true } } },
    });
    expect(guardians.map((one) => one.guardian.firstName).sort()).toEqual(['Extra', 'Vårdnadshavare1']);
    expect(await server.db.prisma.auditEvent.count({ where: { action: 'admin.guardianship.deleted', studentId: student.id } })).toBe(1);
  });

  it('finds a guardian without personnummer, entered by hand, again by name and contact, and names guardianships by their people', async () => {
    await run(true);
    const organisationId = (await server.db.prisma.school.findUniqueOrThrow({ where: { unitCode: UNIT_CODE } })).organisationId;
    const byHand = await server.db.prisma.guardian.create({
      data: { organisationId, firstName: 'Utan', lastName: 'Nummer', email: 'utan.nummer@kallby.example' },
    });
    const persons = source.data.persons as Record<string, unknown>[];
    persons.push({ id: id(104), givenName: 'Utan', familyName: 'Nummer', emails: [{ value: 'Utan.Nummer@kallby.example' }] });
    (persons.find((person) => person.id === id(13))!.responsibles as object[]).push({ person: { id: id(104) } });
    const result = await run(true);
    expect(result.problems).toEqual([]);
    // Found, not added: only the e-mail's capitals are the source's now.
    expect(result.changes).toEqual([
      { kind: 'guardians', sourceId: id(104), name: 'Utan Nummer', outcome: 'CHANGE', fields: ['email'] },
      { kind: 'guardianships', sourceId: id(13), name: 'Elev3 Källberg – Utan Nummer', outcome: 'ADD', fields: [] },
    ]);
    expect(await server.db.prisma.guardianship.count({ where: { guardianId: byHand.id } })).toBe(1);
  });

  it('refuses a source with bad records, naming each, and writes nothing', async () => {
    await run(true);
    const persons = source.data.persons as Record<string, unknown>[];
    const bad = (n: number) => persons.find((person) => person.id === id(n))!;
    const civicNo = bad(11).civicNo as { value: string };
    civicNo.value = `${civicNo.value.slice(0, 11)}${(Number(civicNo.value[11]) + 1) % 10}`;
    bad(12).responsibles = [{ person: { id: id(999) } }];
    bad(13).enrolments = [{ enroledAt: { id: id(998) } }];
    persons.push({ ...bad(102) });
    persons.push({ id: id(301), familyName: 'Utan förnamn' });
    (source.data.organisations as Record<string, unknown>[]).push({
      id: id(2),
      displayName: 'Fel',
      organisationType: 'Skolenhet',
      schoolUnitCode: '123',
      schoolTypes: ['GR'],
    });
    const before = await written();
    const refused = await run(true);
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        { endpoint: 'organisations', sourceId: id(2), code: 'INVALID_UNIT_CODE', field: 'schoolUnitCode' },
        { endpoint: 'persons', sourceId: id(11), code: 'CHECK_DIGIT', field: 'personalIdentityNumber' },
        { endpoint: 'persons', sourceId: id(12), code: 'UNKNOWN_RESPONSIBLE', field: 'responsibles' },
        { endpoint: 'persons', sourceId: id(13), code: 'UNKNOWN_SCHOOL', field: 'enrolments' },
        { endpoint: 'persons', sourceId: id(102), code: 'DUPLICATE_ID', field: null },
        { endpoint: 'persons', sourceId: id(301), code: 'INVALID_RECORD', field: null },
      ]),
    );
    expect(await written()).toEqual(before);
  });

  it('runs one import at a time: a second while the first reads is refused, and the first completes', async () => {
    let release = () => {};
    source.behaviour = { persons: { held: new Promise<void>((resolve) => (release = resolve)) } };
    const asked = source.requests.length;
    const first = await admin.request<{ runSs12000Import: Run }>(RUN, { apply: false });
    expect(first.data?.runSs12000Import.outcome).toBe('RUNNING');
    try {
      // The first run holds its lock while it waits for the persons.
      await eventually(
        async () => (source.requests.slice(asked).some((request) => request.includes('/persons')) ? true : undefined),
        'the first run to read persons',
      );
      const second = await admin.request<{ runSs12000Import: Run }>(RUN, { apply: false });
      expect(second.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ field: 'run', code: 'ALREADY_RUNNING' }],
      });
    } finally {
      // Never left waiting, whatever failed above: the next test would find the import still running.
      release();
    }
    expect((await finishedImportRun(admin, first.data!.runSs12000Import.id)).outcome).toBe('DRY_RUN');
  });

  it('refuses what the source does wrong, and writes nothing', async () => {
    const before = await written();
    const cases: [string, TestSource['behaviour'][string], Run['problems'][number]][] = [
      ['persons', { status: 500 }, { endpoint: 'persons', sourceId: null, code: 'SERVER_ERROR', field: 'HTTP 500' }],
      ['persons', { status: 429 }, { endpoint: 'persons', sourceId: null, code: 'RATE_LIMITED', field: 'HTTP 429' }],
      ['duties', { status: 404 }, { endpoint: 'duties', sourceId: null, code: 'NOT_FOUND', field: 'HTTP 404' }],
      ['persons', { malformed: true }, { endpoint: 'persons', sourceId: null, code: 'MALFORMED_JSON', field: 'HTTP 200' }],
      ['persons', { delayMs: 3000 }, { endpoint: 'persons', sourceId: null, code: 'TIMEOUT', field: null }],
    ];
    for (const [endpoint, behaviour, problem] of cases) {
      source.behaviour = { [endpoint]: behaviour };
      const refused = await run(true);
      expect(refused.outcome, JSON.stringify(behaviour)).toBe('REFUSED');
      expect(refused.problems, JSON.stringify(behaviour)).toEqual([problem]);
      expect(await written()).toEqual(before);
    }
    source.behaviour = {};
    // A page token that comes back, on a source with more persons than a page.
    const persons = source.data.persons as object[];
    for (let n = 0; n < 600; n += 1) persons.push({ id: id(1000 + n), givenName: 'Ingen', familyName: `Roll${n}` });
    source.behaviour = { persons: { loopingToken: true } };
    expect((await run(true)).problems).toEqual([{ endpoint: 'persons', sourceId: null, code: 'PAGE_TOKEN_LOOP', field: null }]);
    expect(await written()).toEqual(before);
  });

  it('takes the enrolment in force: one who has left is not brought in, one changing school comes to the school of now', async () => {
    const data = sourceData();
    data.organisations.push({
      id: id(2),
      displayName: 'Bergaskolan',
      organisationType: 'Skolenhet',
      schoolUnitCode: '99887767',
      schoolTypes: ['GR'],
    });
    const newcomer = (n: number, enrolments: object[]) => ({
      id: id(10 + n),
      givenName: `Elev${n}`,
      familyName: 'Källberg',
      civicNo: { value: personnummerFor(`2013-0${n}-1${n}`, 300 + n).replace('-', '') },
      enrolments,
      responsibles: [{ person: { id: id(101) }, relationType: 'Vårdnadshavare' }],
    });
    // The test server's day is 2026-11-25; each source lists the enrolments in an order of its own.
    (data.persons as object[]).push(
      // Left in June, and still listed.
      newcomer(5, [{ enroledAt: { id: id(1) }, schoolType: 'GR', schoolYear: 6, endDate: '2026-06-12' }]),
      // Changed school in August, the enrolment that ended listed first.
      newcomer(6, [
        { enroledAt: { id: id(1) }, schoolType: 'GR', schoolYear: 6, startDate: '2020-08-17', endDate: '2026-06-12' },
        { enroledAt: { id: id(2) }, schoolType: 'GR', schoolYear: 7, startDate: '2026-08-17' },
      ]),
      // Changes school after New Year: until then at the school of now.
      newcomer(7, [
        { enroledAt: { id: id(2) }, schoolType: 'GR', schoolYear: 7, startDate: '2027-01-11' },
        { enroledAt: { id: id(1) }, schoolType: 'GR', schoolYear: 7, startDate: '2020-08-17', endDate: '2027-01-10' },
      ]),
      // Not yet begun anywhere: comes to the school they will begin at.
      newcomer(8, [{ enroledAt: { id: id(2) }, schoolType: 'GR', schoolYear: 1, startDate: '2027-08-16' }]),
    );
    Object.assign(source.data, data);
    const result = await run(true);
    expect(result.problems).toEqual([]);
    const placed = await server.db.prisma.student.findMany({
      where: { firstName: { in: ['Elev5', 'Elev6', 'Elev7', 'Elev8'] }, lastName: 'Källberg' },
      select: { firstName: true, school: { select: { name: true } } },
      orderBy: { firstName: 'asc' },
    });
    expect(placed.map((student) => [student.firstName, student.school.name])).toEqual([
      ['Elev6', 'Bergaskolan'],
      ['Elev7', 'Källbyskolan'],
      ['Elev8', 'Bergaskolan'],
    ]);

    // A date that is no date makes the record a bad one, named, and nothing is written.
    const before = await written();
    (data.persons as { id: string; enrolments?: object[] }[]).find((person) => person.id === id(16))!.enrolments = [
      { enroledAt: { id: id(2) }, schoolType: 'GR', startDate: '2026-08-32' },
    ];
    Object.assign(source.data, data);
    const refused = await run(true);
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.problems).toEqual([{ endpoint: 'persons', sourceId: id(16), code: 'INVALID_RECORD', field: null }]);
    expect(await written()).toEqual(before);
  });
});

describe.each(SERVER_DATABASE)('SS 12000 round trip, on %s', (kind) => {
  let origin: TestServer;
  let copy: TestServer;
  let location: DatabaseLocation;

  beforeAll(async () => {
    origin = await startTestServer(kind, { env: SECRET_ENV });
    location = await createEmptyTestDatabase(kind);
    const db = await openDatabase(location);
    await applyPendingMigrations(db.adapterFactory);
    await createFirstAdministrator(
      db.prisma,
      { organisationName: 'Kopieby kommun', username: 'kopia.admin', firstName: 'Kim', lastName: 'Kopia', password: 'ett-långt-lösenord' },
      { validFrom: origin.today },
    );
    await db.close();
    copy = await startTestServer(kind, { database: location, env: SECRET_ENV });
  });
  afterAll(async () => {
    await copy?.stop();
    await origin?.stop();
    await removeTestDatabase(location);
  });

  it("Insyn's own export, imported into an empty database, gives the same schools, people, groups, memberships, duties and lessons; again, nothing changes", async () => {
    const originAdmin = await loggedIn(origin, 'admin');
    const made = await originAdmin.request<{ createApiClient: { secret: string; client: { clientId: string } } }>(
      'mutation($input: ApiClientInput!) { createApiClient(input: $input) { secret client { clientId } } }',
      {
        input: {
          name: 'Kopieby',
          scopes: ['ORGANISATIONS', 'PERSONS', 'DUTIES', 'SYLLABUSES', 'GROUPS', 'ACTIVITIES', 'CALENDAR_EVENTS'],
          protectedIdentity: true,
        },
      },
    );
    const client = made.data!.createApiClient;
    // The calendar is the school's own, set up before an import (groups belong to a school year): the origin's here.
    const copyOrganisationId = (await copy.db.prisma.organisation.findFirstOrThrow()).id;
    for (const year of await origin.db.prisma.schoolYear.findMany({
      where: { organisation: { staff: { some: { account: { username: 'admin' } } } } },
    }))
      await copy.db.prisma.schoolYear.create({
        data: { organisationId: copyOrganisationId, name: year.name, startDate: year.startDate, endDate: year.endDate },
      });
    const admin = new TestClient(copy);
    expect((await admin.login('kopia.admin', 'ett-långt-lösenord')).data).toBeTruthy();
    await admin.request(SAVE, {
      input: {
        baseUrl: `${origin.url}/ss12000/v2.1`,
        auth: 'CLIENT_CREDENTIALS',
        tokenUrl: `${origin.url}/ss12000/v2.1/token`,
        clientId: client.client.clientId,
        secret: client.secret,
      },
    });
    const imported = await importThroughApi(admin, true);
    expect(imported.problems).toEqual([]);
    expect(imported.outcome).toBe('APPLIED');

    const organisationId = (await origin.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } })).organisationId;
    const schools = (prisma: typeof origin.db.prisma, where: object) =>
      prisma.school.findMany({ where, select: { unitCode: true, name: true, form: true }, orderBy: { unitCode: 'asc' } });
    const copyOrganisation = (await copy.db.prisma.organisation.findFirstOrThrow()).id;
    expect(await schools(copy.db.prisma, { organisationId: copyOrganisation })).toEqual(
      await schools(origin.db.prisma, { organisationId }),
    );

    const students = (prisma: typeof origin.db.prisma, organisation: string) =>
      prisma.student.findMany({
        where: { organisationId: organisation },
        select: {
          personalIdentityNumber: true,
          firstName: true,
          lastName: true,
          birthDate: true,
          protectedIdentity: true,
          school: { select: { unitCode: true } },
        },
        orderBy: { personalIdentityNumber: 'asc' },
      });
    // A student who has left (the demo school's former students) is exported with the enrolment's last day, and an
    // import takes in no one whose enrolment has ended: the copy has the others.
    const originToday = new Date(`${origin.today}T00:00:00Z`);
    const former = new Set(
      (
        await origin.db.prisma.student.findMany({
          where: {
            organisationId,
            memberships: { some: {}, none: { OR: [{ validTo: null }, { validTo: { gte: originToday } }] } },
          },
          select: { personalIdentityNumber: true },
        })
      ).map((student) => student.personalIdentityNumber),
    );
    expect(former.size).toBeGreaterThan(0);
    const originStudents = (await students(origin.db.prisma, organisationId)).filter(
      (student) => !former.has(student.personalIdentityNumber),
    );
    expect(originStudents.length).toBeGreaterThan(100);
    expect(await students(copy.db.prisma, copyOrganisation)).toEqual(originStudents);

    // The guardians that are someone's guardian, and whose guardian they are, by personnummer.
    const guardianships = async (prisma: typeof origin.db.prisma, organisation: string) =>
      (
        await prisma.guardianship.findMany({
          where: { organisationId: organisation },
          select: {
            student: { select: { personalIdentityNumber: true } },
            guardian: {
              select: {
                personalIdentityNumber: true,
                firstName: true,
                lastName: true,
                mobilePhone: true,
                email: true,
                streetAddress: true,
                postalCode: true,
                city: true,
                protectedIdentity: true,
              },
            },
          },
        })
      )
        .map((pair) => JSON.stringify(pair))
        .sort();
    expect(await guardianships(copy.db.prisma, copyOrganisation)).toEqual(
      (await guardianships(origin.db.prisma, organisationId)).filter(
        (pair) => !former.has((JSON.parse(pair) as { student: { personalIdentityNumber: string } }).student.personalIdentityNumber),
      ),
    );

    const staff = (prisma: typeof origin.db.prisma, organisation: string) =>
      prisma.staff.findMany({
        // The staff the export has as staff (those with duties), and in the copy all but its first administrator (an
        // import gives no one an administrator's duty).
        where: {
          organisationId: organisation,
          ...(prisma === origin.db.prisma ? { duties: { some: {} } } : { duties: { none: { kind: 'ADMINISTRATOR' } } }),
        },
        select: { signature: true, firstName: true, lastName: true, email: true },
        orderBy: { signature: 'asc' },
      });
    expect(await staff(copy.db.prisma, copyOrganisation)).toEqual(await staff(origin.db.prisma, organisationId));

    // Groups with their members, by school, school year and name; a class's year level this school year; a teaching
    // group's subject where it is taught (the activities name it).
    const groups = async (prisma: typeof origin.db.prisma, organisation: string) =>
      (
        await prisma.group.findMany({
          where: { school: { organisationId: organisation } },
          select: {
            name: true,
            kind: true,
            yearLevel: true,
            school: { select: { unitCode: true } },
            schoolYear: { select: { name: true, startDate: true, endDate: true } },
            subject: { select: { code: true } },
            lessonSeries: { select: { id: true }, take: 1 },
            memberships: { select: { student: { select: { personalIdentityNumber: true } }, validFrom: true, validTo: true } },
          },
        })
      )
        .map((group) => {
          const current = group.schoolYear.startDate <= new Date(origin.today) && new Date(origin.today) <= group.schoolYear.endDate;
          return JSON.stringify({
            group: [group.school.unitCode, group.schoolYear.name, group.name, group.kind],
            yearLevel: group.kind === 'CLASS' && current ? group.yearLevel : null,
            // The copy has no lessons: a subject it has came from the activities, which are the origin's lessons.
            subject:
              group.kind === 'TEACHING' && (prisma === copy.db.prisma || group.lessonSeries.length > 0)
                ? (group.subject?.code ?? null)
                : null,
            members: group.memberships
              .filter((membership) => !former.has(membership.student.personalIdentityNumber))
              .map((membership) => [membership.student.personalIdentityNumber, membership.validFrom, membership.validTo])
              .sort((a, b) => String(a).localeCompare(String(b))),
          });
        })
        .sort();
    const originGroups = await groups(origin.db.prisma, organisationId);
    expect(originGroups.length).toBeGreaterThan(20);
    expect(await groups(copy.db.prisma, copyOrganisation)).toEqual(originGroups);

    // Duties: principals, mentors and teachers (an administrator's rights are not the source's to give).
    const duties = async (prisma: typeof origin.db.prisma, organisation: string) =>
      (
        await prisma.staffDuty.findMany({
          where: { staff: { organisationId: organisation }, kind: { in: ['PRINCIPAL', 'MENTOR', 'TEACHER'] } },
          select: {
            kind: true,
            validFrom: true,
            validTo: true,
            staff: { select: { signature: true } },
            school: { select: { unitCode: true } },
            group: { select: { name: true, schoolYear: { select: { name: true } } } },
          },
        })
      )
        .map((duty) => JSON.stringify(duty))
        .sort();
    const originDuties = await duties(origin.db.prisma, organisationId);
    expect(originDuties.length).toBeGreaterThan(10);
    expect(await duties(copy.db.prisma, copyOrganisation)).toEqual(originDuties);

    // The lessons: group, subject, time, and whether they are held (a moved lesson is simply held at its new time).
    const lessons = async (prisma: typeof origin.db.prisma, organisation: string) =>
      (
        await prisma.lesson.findMany({
          where: { group: { school: { organisationId: organisation } } },
          select: {
            startsAt: true,
            endsAt: true,
            status: true,
            group: { select: { name: true, schoolYear: { select: { name: true } } } },
            subject: { select: { code: true } },
          },
        })
      )
        .map((lesson) => JSON.stringify({ ...lesson, status: lesson.status === 'CANCELLED' ? 'CANCELLED' : 'HELD' }))
        .sort();
    const originLessons = await lessons(origin.db.prisma, organisationId);
    expect(originLessons.length).toBeGreaterThan(1000);
    expect(await lessons(copy.db.prisma, copyOrganisation)).toEqual(originLessons);

    const again = await importThroughApi(admin, true);
    expect(again.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);

    // Another system reads the imported schools' attendance from the copy: every lesson offered so far is counted.
    const reader = await admin.request<{ createApiClient: { secret: string; client: { clientId: string } } }>(
      'mutation($input: ApiClientInput!) { createApiClient(input: $input) { secret client { clientId } } }',
      { input: { name: 'CSN-rapportering', scopes: ['AGGREGATED_ATTENDANCE'], protectedIdentity: true } },
    );
    const { secret, client: readerClient } = reader.data!.createApiClient;
    const tokenAnswer = await fetch(`${copy.url}/ss12000/v2.1/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${readerClient.clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token: readerToken } = (await tokenAnswer.json()) as { access_token: string };
    const year = await copy.db.prisma.schoolYear.findFirstOrThrow({
      where: { startDate: { lte: new Date(copy.today) }, endDate: { gte: new Date(copy.today) } },
    });
    const from = year.startDate.toISOString().slice(0, 10);
    const sums = await fetch(`${copy.url}/ss12000/v2.1/aggregatedAttendance?startDate=${from}&endDate=${copy.today}&limit=1000`, {
      headers: { authorization: `Bearer ${readerToken}` },
    });
    expect(sums.status).toBe(200);
    const { data: rows } = (await sums.json()) as { data: { student: { id: string }; offeredSum: number; reportedSum: number }[] };
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((row) => row.offeredSum > 0 && row.reportedSum === 0)).toBe(true);
  });
});
