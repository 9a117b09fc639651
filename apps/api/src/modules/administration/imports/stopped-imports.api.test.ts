// The administrator's start page asks which imports were stopped: for each source (the three lists, SS 12000) its
// latest import, when refused or failed. Who may ask, that a later import that went through clears it, that a run
// still reading does not, and that each organisation sees its own only.
import type { ListKind } from '@insyn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, SERVER_DATABASE, startTestServer, TestClient, type TestServer } from '../../../test/harness.ts';

interface Stopped {
  id: string;
  source: string;
  outcome: string;
  at: string;
  byName: string | null;
  problems: number;
}

const QUERY = '{ stoppedImports { id source outcome at byName problems } }';
const HEADER = 'Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass;Program;Skyddad identitet';

describe.each(SERVER_DATABASE)('stopped imports, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let organisationId: string;
  let otherOrganisationId: string;
  let adminStaff: { id: string; firstName: string; lastName: string; organisationId: string };
  let otherAdminStaffId: string;
  let minute = 0;

  /** An instant after everything recorded so far (the server's clock runs from 10:30 on the test's day). */
  const later = () => new Date(server.clock().getTime() + ++minute * 60_000);
  const stopped = async (client: TestClient) => {
    const result = await client.request<{ stoppedImports: Stopped[] }>(QUERY);
    expect(result.errors).toBeUndefined();
    return result.data?.stoppedImports ?? [];
  };
  const listImport = (kindOfList: ListKind, applied: boolean, problems: number, organisation = organisationId) =>
    server.db.prisma.listImport.create({
      data: {
        organisationId: organisation,
        importedByStaffId: organisation === organisationId ? adminStaff.id : otherAdminStaffId,
        kind: kindOfList,
        createdAt: later(),
        applied,
        added: applied ? 1 : 0,
        changed: 0,
        unchanged: 0,
        problems: Array.from({ length: problems }, (_, index) => ({ line: index + 2, column: 'firstName', code: 'REQUIRED' })),
      },
    });
  const importRun = (
    outcome: 'RUNNING' | 'DRY_RUN' | 'APPLIED' | 'REFUSED' | 'FAILED',
    problems: number,
    organisation = organisationId,
  ) => {
    const startedAt = later();
    return server.db.prisma.ss12000ImportRun.create({
      data: {
        organisationId: organisation,
        startedById: null,
        startedAt,
        finishedAt: outcome === 'RUNNING' ? null : startedAt,
        outcome,
        counts: [],
        problems: Array.from({ length: problems }, (_, index) => ({ endpoint: 'persons', sourceId: `p${index}`, code: 'INVALID_RECORD' })),
      },
    });
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    const prisma = server.db.prisma;
    adminStaff = await prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } });
    organisationId = adminStaff.organisationId;
    const otherStaff = await prisma.staff.findFirstOrThrow({ where: { account: { username: 'grannby.admin' } } });
    otherAdminStaffId = otherStaff.id;
    otherOrganisationId = otherStaff.organisationId;
  });
  afterAll(() => server?.stop());

  it('is for administrators only: without a session UNAUTHENTICATED, every other role FORBIDDEN', async () => {
    expect(errorCode(await new TestClient(server).request(QUERY))).toBe('UNAUTHENTICATED');
    for (const username of ['rektor', 'mentor', 'larare', 'vardnadshavare', 'elev', 'myndig']) {
      const result = await (await loggedIn(server, username)).request(QUERY);
      expect(errorCode(result), username).toBe('FORBIDDEN');
      expect(result.data, username).toBeNull();
    }
    // The demo school has imported nothing.
    expect(await stopped(admin)).toEqual([]);
  });

  it('names a list refused for its problems until a later import of the same list goes through', async () => {
    const prisma = server.db.prisma;
    const school = await prisma.school.findFirstOrThrow({ where: { organisationId, form: 'COMPULSORY' } });
    // Sent to be written, with a check digit that does not check out and a school unit code nobody has.
    const form = new FormData();
    form.append('fromDate', server.today);
    form.append('apply', 'true');
    const rows = [HEADER, `20140309-2389;Fel;Siffra;${school.unitCode};;;`, '20130102-0015;Okänd;Skola;99999999;;;'];
    form.append('list', new Blob([`${rows.join('\r\n')}\r\n`], { type: 'text/csv' }), 'elever.csv');
    const response = await fetch(`${server.url}/api/administration/imports/students`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    expect(response.status).toBe(400);
    const refused = await prisma.listImport.findFirstOrThrow({
      where: { organisationId, kind: 'STUDENTS' },
      orderBy: { createdAt: 'desc' },
    });
    expect(refused.applied).toBe(false);

    expect(await stopped(admin)).toEqual([
      {
        id: refused.id,
        source: 'STUDENT_LIST',
        outcome: 'REFUSED',
        at: refused.createdAt.toISOString(),
        byName: `${adminStaff.firstName} ${adminStaff.lastName}`,
        problems: 2,
      },
    ]);

    // The staff list went through after it was refused; the guardian list was refused after it went through.
    await listImport('STAFF', false, 3);
    await listImport('STAFF', true, 0);
    await listImport('GUARDIANS', true, 0);
    const guardians = await listImport('GUARDIANS', false, 1);
    expect((await stopped(admin)).map((row) => [row.source, row.id, row.problems])).toEqual([
      ['STUDENT_LIST', refused.id, 2],
      ['GUARDIAN_LIST', guardians.id, 1],
    ]);

    // The student list, corrected and imported: only the guardian list is left.
    await listImport('STUDENTS', true, 0);
    expect((await stopped(admin)).map((row) => row.source)).toEqual(['GUARDIAN_LIST']);
    await listImport('GUARDIANS', true, 0);
    expect(await stopped(admin)).toEqual([]);
  });

  it('names the latest finished SS 12000 run when refused or failed; a run still reading changes nothing, one that goes through clears it', async () => {
    const nightly = await importRun('REFUSED', 2);
    const expected = {
      id: nightly.id,
      source: 'SS12000',
      outcome: 'REFUSED',
      at: nightly.startedAt.toISOString(),
      byName: null,
      problems: 2,
    };
    expect(await stopped(admin)).toEqual([expected]);
    // A run under way has not said anything yet.
    await importRun('RUNNING', 0);
    expect(await stopped(admin)).toEqual([expected]);
    // A dry run that went through: the source is fine again.
    await importRun('DRY_RUN', 0);
    expect(await stopped(admin)).toEqual([]);
    const failed = await importRun('FAILED', 0);
    expect(await stopped(admin)).toEqual([
      { ...expected, id: failed.id, outcome: 'FAILED', at: failed.startedAt.toISOString(), problems: 0 },
    ]);
    await importRun('APPLIED', 0);
    expect(await stopped(admin)).toEqual([]);
  });

  it("shows each organisation its own imports only: Grannby's stopped ones are not the first organisation's, nor the other way", async () => {
    const grannbyList = await listImport('STUDENTS', false, 4, otherOrganisationId);
    const grannbyRun = await importRun('FAILED', 0, otherOrganisationId);
    const own = await importRun('REFUSED', 1);
    expect((await stopped(admin)).map((row) => row.id)).toEqual([own.id]);
    expect((await stopped(otherAdmin)).map((row) => row.id)).toEqual([grannbyList.id, grannbyRun.id]);
  });
});
