// Importing the school's student and guardian lists from the outside: who may, the dry run that writes nothing, the
// applied list with its audit rows, the same list again changing nothing, and every bad list refused with its lines
// and nothing written.
import { personnummerFor } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, SERVER_DATABASE, startTestServer, type TestClient, type TestServer } from '../../../test/harness.ts';

interface Report {
  applied: boolean;
  added: number;
  changed: number;
  unchanged: number;
  rows: { line: number; identifier: string; outcome: string; changes: string[] }[];
  problems: { line: number; column: string | null; code: string }[];
}

const HEADER = 'Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass;Program;Skyddad identitet';
const STAFF_HEADER = 'Signatur;Förnamn;Efternamn;E-post;Uppdrag;Skolenhetskod;Grupp;Från och med;Till och med';
const GUARDIAN_HEADER =
  'Elevens personnummer;Personnummer;Förnamn;Efternamn;Mobilnummer;E-post;Gatuadress;Postnummer;Ort;Skyddad identitet';

/** Text as Excel on Swedish Windows saves it: Windows-1252, CRLF (the test's text has no character outside it). */
const windows1252 = (text: string) =>
  Uint8Array.from(
    [...text.replace(/\n/g, '\r\n')].map((char) => {
      const code = char.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252 as written here: ${char}`);
      return code;
    }),
  );

describe.each(SERVER_DATABASE)('list imports, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let unitCode: string;
  let otherUnitCode: string;
  let classA: { id: string; name: string };
  let classB: { id: string; name: string };
  let teachingGroup: { id: string; name: string };
  let existing: { id: string; personalIdentityNumber: string; firstName: string; lastName: string; programmeCode: string | null };
  let unchanged: { id: string; personalIdentityNumber: string; firstName: string; lastName: string };
  const newcomer = personnummerFor('2013-05-17', 412);

  const send = async (
    client: TestClient | null,
    bytes: Uint8Array,
    fields: { apply?: boolean; fromDate?: string; list?: 'students' | 'guardians' | 'staff' } = {},
  ) => {
    const form = new FormData();
    form.append('fromDate', fields.fromDate ?? server.today);
    form.append('apply', fields.apply ? 'true' : 'false');
    form.append('list', new Blob([bytes], { type: 'text/csv' }), 'lista.csv');
    const response = await fetch(`${server.url}/api/administration/imports/${fields.list ?? 'students'}`, {
      method: 'POST',
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Report & { code?: string } };
  };
  const counts = async () => ({
    students: await server.db.prisma.student.count(),
    memberships: await server.db.prisma.groupMembership.count(),
    guardians: await server.db.prisma.guardian.count(),
    guardianships: await server.db.prisma.guardianship.count(),
    staff: await server.db.prisma.staff.count(),
    duties: await server.db.prisma.staffDuty.count(),
    audits: await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } }),
  });
  const list = (...rows: string[]) => windows1252([HEADER, ...rows].join('\n') + '\n');
  const staffList = (...rows: string[]) => windows1252([STAFF_HEADER, ...rows].join('\n') + '\n');
  const guardianList = (...rows: string[]) => windows1252([GUARDIAN_HEADER, ...rows].join('\n') + '\n');

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const prisma = server.db.prisma;
    const today = new Date(`${server.today}T00:00:00Z`);
    const school = await prisma.school.findFirstOrThrow({
      where: { form: 'COMPULSORY', organisation: { staff: { some: { account: { username: 'admin' } } } } },
    });
    unitCode = school.unitCode;
    otherUnitCode = (
      await prisma.school.findFirstOrThrow({ where: { organisation: { staff: { some: { account: { username: 'grannby.admin' } } } } } })
    ).unitCode;
    const classes = await prisma.group.findMany({
      where: { schoolId: school.id, kind: 'CLASS', schoolYear: { startDate: { lte: today }, endDate: { gte: today } } },
      orderBy: { name: 'asc' },
      include: {
        memberships: {
          where: { validFrom: { lt: today }, validTo: null },
          include: { student: true },
          orderBy: { student: { lastName: 'asc' } },
        },
      },
    });
    const withStudents = classes.filter((group) => group.memberships.length >= 2);
    classA = withStudents[0]!;
    classB = classes.find((group) => group.id !== classA.id)!;
    teachingGroup = await prisma.group.findFirstOrThrow({
      where: { schoolId: school.id, kind: 'TEACHING', schoolYear: { startDate: { lte: today }, endDate: { gte: today } } },
    });
    existing = withStudents[0]!.memberships[0]!.student;
    unchanged = withStudents[0]!.memberships[1]!.student;
  });
  afterAll(() => server?.stop());

  it('is for administrators only: without a session 401, every other role 403, nothing read or written', async () => {
    const before = await counts();
    const bytes = list(`${newcomer};Ny;Elev;${unitCode};;;`);
    expect((await send(null, bytes, { apply: true })).status).toBe(401);
    expect((await send(null, bytes, { apply: true, list: 'guardians' })).status).toBe(401);
    for (const username of ['rektor', 'mentor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      for (const kind of ['students', 'guardians', 'staff'] as const) {
        const answer = await send(client, bytes, { apply: true, list: kind });
        expect(answer.status, `${username} ${kind}`).toBe(403);
        expect(answer.body.code, `${username} ${kind}`).toBe('FORBIDDEN');
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('a dry run says who is added, changed or unchanged and why, and writes nothing; applied, it writes that and audits it', async () => {
    const bytes = list(
      `${newcomer};Åsa;Öberg;${unitCode};${classA.name};;nej`,
      `${existing.personalIdentityNumber.replace('-', '')};Märta;${existing.lastName};${unitCode};${classB.name};${existing.programmeCode ?? ''};`,
      `${unchanged.personalIdentityNumber};${unchanged.firstName};${unchanged.lastName};${unitCode};${classA.name};;`,
    );
    const before = await counts();
    const dry = await send(admin, bytes);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ applied: false, added: 1, changed: 1, unchanged: 1, problems: [] });
    expect(dry.body.rows).toEqual([
      expect.objectContaining({ line: 2, identifier: newcomer, outcome: 'ADD', changes: ['class'] }),
      expect.objectContaining({
        line: 3,
        identifier: existing.personalIdentityNumber,
        outcome: 'CHANGE',
        changes: ['firstName', 'class'],
      }),
      expect.objectContaining({ line: 4, outcome: 'UNCHANGED', changes: [] }),
    ]);
    expect(await counts()).toEqual(before);

    const applied = await send(admin, bytes, { apply: true });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, added: 1, changed: 1, unchanged: 1 });
    const prisma = server.db.prisma;
    const added = await prisma.student.findFirstOrThrow({ where: { personalIdentityNumber: newcomer }, include: { memberships: true } });
    expect(added).toMatchObject({ firstName: 'Åsa', lastName: 'Öberg', birthDate: new Date('2013-05-17T00:00:00Z') });
    expect(added.memberships).toEqual([
      expect.objectContaining({ groupId: classA.id, validFrom: new Date(`${server.today}T00:00:00Z`), validTo: null }),
    ]);
    const moved = await prisma.student.findUniqueOrThrow({
      where: { id: existing.id },
      include: { memberships: { where: { group: { kind: 'CLASS' } }, orderBy: { validFrom: 'asc' } } },
    });
    expect(moved.firstName).toBe('Märta');
    const dayBefore = new Date(new Date(`${server.today}T00:00:00Z`).getTime() - 86_400_000);
    expect(moved.memberships.map((m) => [m.groupId, m.validTo])).toEqual([
      [classA.id, dayBefore],
      [classB.id, null],
    ]);
    // Each change audited as by hand: the new student, their account and their class, the details, the class ended and
    // the new one.
    const after = await counts();
    expect(after).toEqual({ ...before, students: before.students + 1, memberships: before.memberships + 2, audits: before.audits + 6 });
    const studentAudit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.student.updated', entityId: existing.id } });
    expect(studentAudit.details).toMatchObject({ before: { firstName: existing.firstName }, after: { firstName: 'Märta' } });

    // The same list again: everyone as the list says, nothing written.
    const again = await send(admin, bytes, { apply: true });
    expect(again.body).toMatchObject({ applied: true, added: 0, changed: 0, unchanged: 3 });
    expect(await counts()).toEqual(after);
  });

  it('refuses a list with any problem, naming each line and column, and writes nothing of it', async () => {
    const before = await counts();
    const bytes = list(
      `${personnummerFor('2013-01-02', 15)};Ok;Elev;${unitCode};${classA.name};;`,
      `20140309-2389;Fel;Siffra;${unitCode};;;`,
      `${personnummerFor('2013-01-03', 16)};Okänd;Skola;99999999;;;`,
      // Another organisation's school is as unknown as a made-up one.
      `${personnummerFor('2013-01-04', 17)};Annan;Huvudman;${otherUnitCode};;;`,
      `${personnummerFor('2013-01-05', 18)};Okänd;Klass;${unitCode};9Ö;;`,
      `${personnummerFor('2013-01-02', 15)};Två;Gånger;${unitCode};;;`,
      `${personnummerFor('2013-01-06', 19)};Skyddad;Kanske;${unitCode};;;kanske`,
    );
    const dry = await send(admin, bytes);
    expect(dry.status).toBe(200);
    expect(dry.body.problems).toEqual([
      { line: 3, column: 'personalIdentityNumber', code: 'CHECK_DIGIT' },
      { line: 4, column: 'schoolUnitCode', code: 'UNKNOWN_SCHOOL' },
      { line: 5, column: 'schoolUnitCode', code: 'UNKNOWN_SCHOOL' },
      { line: 6, column: 'className', code: 'UNKNOWN_CLASS' },
      { line: 7, column: 'personalIdentityNumber', code: 'DUPLICATE_IN_LIST' },
      { line: 8, column: 'protectedIdentity', code: 'YES_OR_NO' },
    ]);
    const applied = await send(admin, bytes, { apply: true });
    expect(applied.status).toBe(400);
    expect(applied.body.code).toBe('BAD_USER_INPUT');
    expect(applied.body.problems).toEqual(dry.body.problems);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file it cannot read as a list: no header it knows, malformed, empty, a bad date', async () => {
    const before = await counts();
    const problemsOf = async (bytes: Uint8Array, fromDate?: string) => {
      const answer = await send(admin, bytes, { apply: true, ...(fromDate ? { fromDate } : {}) });
      expect(answer.status).toBe(400);
      return answer.body.problems;
    };
    expect(await problemsOf(windows1252('Personnummer;Förnamn;Efternamn\n'))).toEqual([
      { line: 1, column: 'schoolUnitCode', code: 'MISSING_COLUMN' },
    ]);
    expect(await problemsOf(windows1252(`${HEADER}\n"${newcomer};Ny;Elev;${unitCode};;;\n`))).toEqual([
      { line: expect.any(Number), column: null, code: 'MALFORMED' },
    ]);
    expect(await problemsOf(new Uint8Array())).toEqual([{ line: 0, column: null, code: 'EMPTY' }]);
    // A body cut off in the middle of the file, as a dropped connection leaves it: a refusal, not a server error.
    const boundary = 'cut-off';
    const cut = await fetch(`${server.url}/api/administration/imports/students`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${admin.token}` },
      body:
        `--${boundary}\r\nContent-Disposition: form-data; name="apply"\r\n\r\ntrue\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="list"; filename="a.csv"\r\n\r\n${HEADER}\r\n${newcomer};Ny`,
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
    expect(await problemsOf(list(`${newcomer};Ny;Elev;${unitCode};;;`), '2027-02-30')).toEqual([
      { line: 0, column: null, code: 'FROM_DATE' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a guardian list: a new guardian of two students, a changed mobile number, audited; the same list again changes nothing', async () => {
    const prisma = server.db.prisma;
    const known = await prisma.guardian.findFirstOrThrow({
      where: { guardianships: { some: { studentId: existing.id } }, personalIdentityNumber: { not: null }, protectedIdentity: false },
    });
    const fresh = personnummerFor('1984-06-12', 321);
    const address = 'Skolvägen 1;123 45;Exempelby';
    const bytes = guardianList(
      `${existing.personalIdentityNumber};${fresh};Gun;Ögren;070-111 22 33;gun@example.se;${address};nej`,
      `${unchanged.personalIdentityNumber};${fresh};Gun;Ögren;070-111 22 33;gun@example.se;${address};nej`,
      `${existing.personalIdentityNumber};${known.personalIdentityNumber};${known.firstName};${known.lastName};070-999 88 77;${known.email ?? ''};${known.streetAddress ?? ''};${known.postalCode ?? ''};${known.city ?? ''};nej`,
    );
    const before = await counts();
    const dry = await send(admin, bytes, { list: 'guardians' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ applied: false, added: 1, changed: 2, unchanged: 0, problems: [] });
    expect(dry.body.rows.map((row) => [row.line, row.outcome, row.changes])).toEqual([
      [2, 'ADD', ['guardianship']],
      [3, 'CHANGE', ['guardianship']],
      [4, 'CHANGE', ['mobilePhone']],
    ]);
    expect(await counts()).toEqual(before);

    const applied = await send(admin, bytes, { apply: true, list: 'guardians' });
    expect(applied.status).toBe(200);
    const gun = await prisma.guardian.findFirstOrThrow({ where: { personalIdentityNumber: fresh }, include: { guardianships: true } });
    expect(gun).toMatchObject({
      firstName: 'Gun',
      lastName: 'Ögren',
      mobilePhone: '+46701112233',
      postalCode: '123 45',
      city: 'Exempelby',
    });
    expect(gun.guardianships.map((link) => link.studentId).sort()).toEqual([existing.id, unchanged.id].sort());
    expect((await prisma.guardian.findUniqueOrThrow({ where: { id: known.id } })).mobilePhone).toBe('+46709998877');
    const after = await counts();
    expect(after).toEqual({
      ...before,
      guardians: before.guardians + 1,
      guardianships: before.guardianships + 2,
      // Gun created with her account, her two guardianships, the known guardian's number.
      audits: before.audits + 5,
    });
    const again = await send(admin, bytes, { apply: true, list: 'guardians' });
    expect(again.body).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(await counts()).toEqual(after);
  });

  it('refuses a guardian list with any problem and writes nothing: unknown child, details that differ, an address kept for a protected identity', async () => {
    const before = await counts();
    const fresh = personnummerFor('1985-02-03', 654);
    const grannbyStudent = await server.db.prisma.student.findFirstOrThrow({
      where: { school: { unitCode: otherUnitCode }, personalIdentityNumber: { not: existing.personalIdentityNumber } },
    });
    const answer = await send(
      admin,
      guardianList(
        `${existing.personalIdentityNumber};${fresh};Bo;Berg;070-111 22 33;;;;;nej`,
        `${unchanged.personalIdentityNumber};${fresh};Bo;Bergh;070-111 22 33;;;;;nej`,
        // Another organisation's student is as unknown as one who does not exist.
        `${grannbyStudent.personalIdentityNumber};${personnummerFor('1985-02-04', 655)};Cia;Ek;;;;;;nej`,
        `${existing.personalIdentityNumber};${personnummerFor('1985-02-05', 656)};Dan;Ek;0701;;Gatan 2;123 45;Ort;ja`,
      ),
      { apply: true, list: 'guardians' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { line: 3, column: 'personalIdentityNumber', code: 'CONFLICTING_DETAILS' },
      { line: 4, column: 'studentPersonalIdentityNumber', code: 'UNKNOWN_STUDENT' },
      { line: 5, column: 'mobilePhone', code: 'INVALID_PHONE' },
      { line: 5, column: 'streetAddress', code: 'PROTECTED_IDENTITY' },
      { line: 5, column: 'postalCode', code: 'PROTECTED_IDENTITY' },
      { line: 5, column: 'city', code: 'PROTECTED_IDENTITY' },
    ]);
    expect(await counts()).toEqual(before);

    // A guardian already protected gets no address from a list without the column that could lift the protection.
    const prisma = server.db.prisma;
    const guardian = await prisma.guardian.findFirstOrThrow({
      where: { guardianships: { some: { studentId: existing.id } }, personalIdentityNumber: { not: null }, protectedIdentity: false },
    });
    await prisma.guardian.update({
      where: { id: guardian.id },
      data: { protectedIdentity: true, streetAddress: null, postalCode: null, city: null },
    });
    const withoutFlag = windows1252(
      'Elevens personnummer;Personnummer;Förnamn;Efternamn;Gatuadress;Postnummer;Ort\n' +
        `${existing.personalIdentityNumber};${guardian.personalIdentityNumber};${guardian.firstName};${guardian.lastName};Gatan 1;123 45;Ort\n`,
    );
    const refusedAddress = await send(admin, withoutFlag, { apply: true, list: 'guardians' });
    expect(refusedAddress.body.problems).toEqual([{ line: 2, column: 'streetAddress', code: 'PROTECTED_IDENTITY' }]);
    expect((await prisma.guardian.findUniqueOrThrow({ where: { id: guardian.id } })).streetAddress).toBeNull();
    await prisma.guardian.update({ where: { id: guardian.id }, data: { protectedIdentity: false } });
  });

  it('a staff list: a new teacher who is also a mentor, a changed e-mail, audited; the same list again changes nothing', async () => {
    const prisma = server.db.prisma;
    const mentor = await prisma.staff.findFirstOrThrow({ where: { account: { username: 'mentor' } } });
    const bytes = staffList(
      `qqte;Quinn;Testare;quinn@example.se;Lärare;${unitCode};${teachingGroup.name};${server.today};`,
      `QQTE;Quinn;Testare;quinn@example.se;Mentor;${unitCode};${classB.name};${server.today};`,
      `${mentor.signature};${mentor.firstName};${mentor.lastName};ny.adress@example.se;;;;;`,
    );
    const before = await counts();
    const dry = await send(admin, bytes, { list: 'staff' });
    expect(dry.status).toBe(200);
    expect(dry.body.rows.map((row) => [row.line, row.identifier, row.outcome, row.changes])).toEqual([
      [2, 'QQTE', 'ADD', ['duty']],
      [3, 'QQTE', 'CHANGE', ['duty']],
      [4, mentor.signature, 'CHANGE', ['email']],
    ]);
    expect(await counts()).toEqual(before);

    expect((await send(admin, bytes, { apply: true, list: 'staff' })).status).toBe(200);
    const quinn = await prisma.staff.findFirstOrThrow({ where: { signature: 'QQTE' }, include: { duties: true } });
    expect(quinn.duties.map((duty) => [duty.kind, duty.groupId, duty.validTo]).sort()).toEqual(
      [
        ['MENTOR', classB.id, null],
        ['TEACHER', teachingGroup.id, null],
      ].sort(),
    );
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: mentor.id } })).email).toBe('ny.adress@example.se');
    const after = await counts();
    // Quinn with her account, her two duties, the mentor's e-mail.
    expect(after).toEqual({ ...before, staff: before.staff + 1, duties: before.duties + 2, audits: before.audits + 5 });
    const again = await send(admin, bytes, { apply: true, list: 'staff' });
    expect(again.body).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(await counts()).toEqual(after);

    // A list without the e-mail column changes a name and leaves the e-mail as it is.
    const withoutEmail = windows1252(`Signatur;Förnamn;Efternamn\n${mentor.signature};${mentor.firstName};Nyman\n`);
    expect((await send(admin, withoutEmail, { apply: true, list: 'staff' })).body).toMatchObject({ changed: 1 });
    expect(await prisma.staff.findUniqueOrThrow({ where: { id: mentor.id } })).toMatchObject({
      lastName: 'Nyman',
      email: 'ny.adress@example.se',
    });
  });

  it('refuses a staff list with any problem and writes nothing: unknown group, a class for a teacher, another organisation’s school', async () => {
    const before = await counts();
    const answer = await send(
      admin,
      staffList(
        `QQAB;Ada;Berg;;Lärare;${unitCode};Finns inte;${server.today};`,
        `QQAB;Ada;Bergh;;;;;;`,
        `QQCD;Cid;Dahl;;Lärare;${unitCode};${classA.name};${server.today};`,
        `QQEF;Eva;Fors;;Rektor;${otherUnitCode};;${server.today};`,
      ),
      { apply: true, list: 'staff' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { line: 2, column: 'groupName', code: 'UNKNOWN_GROUP' },
      { line: 3, column: 'signature', code: 'CONFLICTING_DETAILS' },
      { line: 4, column: 'groupName', code: 'WRONG_GROUP_KIND' },
      { line: 5, column: 'schoolUnitCode', code: 'UNKNOWN_SCHOOL' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("another organisation enters the same personnummer in its own register: Grannby's list adds its own student", async () => {
    const answer = await send(
      otherAdmin,
      list(`${existing.personalIdentityNumber};${existing.firstName};${existing.lastName};${otherUnitCode};;;`),
      {
        apply: true,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ added: 1, changed: 0 });
    expect(await server.db.prisma.student.count({ where: { personalIdentityNumber: existing.personalIdentityNumber } })).toBe(2);
    // Our own student is untouched by it.
    expect((await server.db.prisma.student.findUniqueOrThrow({ where: { id: existing.id } })).firstName).toBe('Märta');
  });
  it('keeps the history of imports meant to be written, applied or refused, for its own organisation only; a trial run is not kept', async () => {
    const history = async (client: TestClient | null) => {
      const response = await fetch(`${server.url}/api/administration/imports/history`, {
        headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          runs?: { kind: string; applied: boolean; added: number; changed: number; problems: number; by: string }[];
        },
      };
    };
    expect((await history(null)).status).toBe(401);
    expect((await history(await loggedIn(server, 'rektor'))).status).toBe(403);

    const ours = await history(admin);
    expect(ours.status).toBe(200);
    const runs = ours.body.runs ?? [];
    const adminStaff = await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } });
    // The tests above, newest first: the refused staff list was the last of ours.
    expect(runs[0]).toMatchObject({ kind: 'STAFF', applied: false, problems: 4, by: `${adminStaff.firstName} ${adminStaff.lastName}` });
    expect(runs).toContainEqual(expect.objectContaining({ kind: 'STUDENTS', applied: true, added: 1, changed: 1 }));
    expect(runs).toContainEqual(expect.objectContaining({ kind: 'GUARDIANS', applied: true, added: 1, changed: 2 }));
    expect(runs).toContainEqual(expect.objectContaining({ kind: 'STUDENTS', applied: false, problems: 6 }));
    // Every apply above is there, and no trial run: the same count as the applies the tests sent.
    expect(runs).toHaveLength(15);

    const theirs = await history(otherAdmin);
    expect(theirs.body.runs).toEqual([expect.objectContaining({ kind: 'STUDENTS', applied: true, added: 1 })]);
  });
});
