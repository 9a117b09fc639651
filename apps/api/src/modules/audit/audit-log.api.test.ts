// The audit-log viewer from the outside: only an administrator reads it, and only their own organisation's events
// (those about its students, and those about no student done by its people); the filters by person, actor, action
// and days; keyset pages that add up to the whole log; each read and export logged with its filter; the export the
// same rows as the pages.
import { schoolDateOf } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';

const ENTRY = `id at action entityType entityId ip summary
  actor { userId username kind firstName lastName duties }
  student { id firstName lastName }`;
const LOG = `query($filter: AuditLogFilter, $page: AuditLogPageInput) {
  auditLog(filter: $filter, page: $page) { entries { ${ENTRY} } nextCursor person { id kind firstName lastName detail } }
}`;
const EXPORT = `query($filter: AuditLogFilter) { auditLogExport(filter: $filter) { entries { ${ENTRY} } limit truncated } }`;
const ACTIONS = '{ auditLogActions }';
const PEOPLE = 'query($search: String!) { auditLogPeople(search: $search) { id kind firstName lastName detail } }';

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  summary: string;
  actor: {
    userId: string;
    username: string;
    kind: string | null;
    firstName: string | null;
    lastName: string | null;
    duties: string[];
  } | null;
  student: { id: string; firstName: string; lastName: string } | null;
}
interface LogPage {
  entries: Entry[];
  nextCursor: string | null;
  person: { id: string; kind: string; firstName: string; lastName: string; detail: string | null } | null;
}
type Filter = Record<string, string>;

describe.each(SERVER_DATABASE)('the audit log, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let guardian: TestClient;
  let ownChild: string;
  let guardianId: string;
  let guardianAccount: string;
  let grannbyChild: string;
  let grannbyGuardianAccount: string;
  let sickReportEvent: bigint;

  const data = <T>(result: GraphQLResult<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const page = async (client: TestClient, filter: Filter = {}, pageInput: Record<string, unknown> = {}) =>
    data(await client.request<{ auditLog: LogPage }>(LOG, { filter, page: { limit: 200, ...pageInput } })).auditLog;
  /** Every page of the filter, following the cursors. */
  async function wholeLog(client: TestClient, filter: Filter = {}, limit = 200): Promise<Entry[]> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const next: LogPage = await page(client, filter, { limit, cursor });
      entries.push(...next.entries);
      cursor = next.nextCursor;
    } while (cursor);
    return entries;
  }
  const lastRead = (userId: string, action = 'auditLog.read') =>
    server.db.prisma.auditEvent.findFirstOrThrow({ where: { action, userId }, orderBy: { id: 'desc' } });
  const accountId = async (username: string) => (await server.db.prisma.userAccount.findUniqueOrThrow({ where: { username } })).id;

  /** The events the organisation's administrator should see, worked out here from the tables, newest first. */
  async function expectedIds(username: string): Promise<string[]> {
    const prisma = server.db.prisma;
    const staff = await prisma.staff.findFirstOrThrow({ where: { account: { username } } });
    const organisationId = staff.organisationId;
    const events = await prisma.auditEvent.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }] });
    const students = new Map(
      (await prisma.student.findMany({ select: { id: true, organisationId: true } })).map((s) => [s.id, s.organisationId]),
    );
    const accounts = await prisma.userAccount.findMany({
      select: {
        id: true,
        student: { select: { organisationId: true } },
        guardian: { select: { organisationId: true } },
        staff: { select: { organisationId: true } },
      },
    });
    const accountOrganisation = new Map(
      accounts.map((a) => [a.id, a.student?.organisationId ?? a.guardian?.organisationId ?? a.staff?.organisationId]),
    );
    return events
      .filter((event) =>
        event.studentId
          ? students.get(event.studentId) === organisationId
          : event.userId !== null && accountOrganisation.get(event.userId) === organisationId,
      )
      .map((event) => String(event.id));
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    const prisma = server.db.prisma;
    admin = await loggedIn(server, 'admin');
    otherAdmin = await loggedIn(server, 'grannby.admin');
    guardian = await loggedIn(server, 'vardnadshavare');
    const grannbyGuardian = await loggedIn(server, 'grannby.vh1');
    const account = await prisma.userAccount.findUniqueOrThrow({
      where: { username: 'vardnadshavare' },
      include: { guardian: { include: { guardianships: { orderBy: { studentId: 'asc' } } } } },
    });
    guardianAccount = account.id;
    guardianId = account.guardianId!;
    ownChild = account.guardian!.guardianships[0]!.studentId;
    const grannby = await prisma.userAccount.findUniqueOrThrow({
      where: { username: 'grannby.vh1' },
      include: { guardian: { include: { guardianships: true } } },
    });
    grannbyGuardianAccount = grannby.id;
    grannbyChild = grannby.guardian!.guardianships[0]!.studentId;

    // Something auditable in each organisation: a sick report by the home, a guardian's record changed by the administrator.
    const report = 'mutation($input: SickReportInput!) { reportSick(input: $input) { id } }';
    data(await guardian.request(report, { input: { studentId: ownChild, fromDate: server.today, toDate: server.today } }));
    data(await grannbyGuardian.request(report, { input: { studentId: grannbyChild, fromDate: server.today, toDate: server.today } }));
    sickReportEvent = (await prisma.auditEvent.findFirstOrThrow({ where: { action: 'sickReport.created', studentId: ownChild } })).id;
    const own = await prisma.guardian.findUniqueOrThrow({ where: { id: guardianId } });
    data(
      await admin.request('mutation($id: ID!, $input: GuardianInput!) { updateGuardian(id: $id, input: $input) { id } }', {
        id: guardianId,
        input: {
          personalIdentityNumber: own.personalIdentityNumber,
          firstName: `${own.firstName}a`,
          lastName: own.lastName,
          mobilePhone: own.mobilePhone,
          email: own.email,
          streetAddress: own.streetAddress,
          postalCode: own.postalCode,
          city: own.city,
          protectedIdentity: own.protectedIdentity,
        },
      }),
    );
    // The mentor reads the child (student.read, about the student, by a staff member).
    const mentor = await loggedIn(server, 'mentor');
    const elev = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'elev' } });
    data(await mentor.request('query($id: ID!) { student(id: $id) { id } }', { id: elev.studentId }));
    // Events of nobody's: no student and no account (a login with an unknown name).
    await prisma.auditEvent.create({ data: { action: 'auth.loginFailed', details: { username: 'ingen.alls' } } });
  });
  afterAll(() => server?.stop());

  it('is for administrators only: every other role is refused, whatever it asks', async () => {
    for (const username of ['rektor', 'mentor', 'larare', 'elev', 'vardnadshavare', 'myndig']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request(LOG)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(EXPORT)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(ACTIONS)), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(PEOPLE, { search: 'an' })), username).toBe('FORBIDDEN');
    }
    // Nothing was read, so nothing was logged as read.
    expect(await server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'auditLog.' } } })).toBe(0);
  });

  it("shows each administrator exactly their own organisation's events, newest first, in pages that add up", async () => {
    for (const [client, username] of [
      [admin, 'admin'],
      [otherAdmin, 'grannby.admin'],
    ] as const) {
      const expected = await expectedIds(username);
      const pages = await wholeLog(client, {}, 7);
      expect(pages.map((entry) => entry.id)).toEqual(expected);
      expect(new Set(pages.map((entry) => entry.id)).size).toBe(pages.length);
      const times = pages.map((entry) => entry.at);
      expect([...times].sort().reverse()).toEqual(times);
    }
    const own = await wholeLog(admin);
    const ids = new Set(own.flatMap((entry) => [entry.student?.id, entry.actor?.userId]));
    expect(ids).not.toContain(grannbyChild);
    expect(ids).not.toContain(grannbyGuardianAccount);
    expect(ids).toContain(ownChild);
    expect(ids).toContain(guardianAccount);
    expect(own.some((entry) => entry.actor === null)).toBe(false);
    const grannby = await wholeLog(otherAdmin);
    expect(grannby.some((entry) => entry.student?.id === grannbyChild && entry.action === 'sickReport.created')).toBe(true);
    expect(grannby.some((entry) => entry.student?.id === ownChild || entry.actor?.userId === guardianAccount)).toBe(false);
  });

  it('answers who (name, username, role on the day), what, about whom, when, from where and a summary of the details', async () => {
    const entries = await wholeLog(admin);
    const sick = entries.find((entry) => entry.id === String(sickReportEvent))!;
    expect(sick).toMatchObject({
      action: 'sickReport.created',
      entityType: 'SickReport',
      student: { id: ownChild },
      actor: { userId: guardianAccount, username: 'vardnadshavare', kind: 'GUARDIAN', duties: [] },
      summary: 'channel: WEB',
    });
    expect(sick.ip).toBeTruthy();
    const changed = entries.find((entry) => entry.action === 'admin.guardian.updated')!;
    expect(changed).toMatchObject({
      entityType: 'guardian',
      entityId: guardianId,
      student: null,
      actor: { username: 'admin', kind: 'STAFF' },
    });
    expect(changed.actor!.duties).toContain('ADMINISTRATOR');
    expect(changed.summary).toMatch(/^firstName: (.+) → \1a$/);
    const read = entries.find((entry) => entry.action === 'student.read')!;
    expect(read.actor).toMatchObject({ username: 'mentor', kind: 'STAFF' });
    expect(read.actor!.duties).toContain('MENTOR');
  });

  it('filters by a student: what is about them, and what they did', async () => {
    const result = await page(admin, { personId: ownChild });
    expect(result.person).toMatchObject({ id: ownChild, kind: 'STUDENT' });
    expect(result.entries.map((entry) => entry.id)).toContain(String(sickReportEvent));
    const childAccount = (await server.db.prisma.userAccount.findUnique({ where: { studentId: ownChild } }))?.id;
    for (const entry of result.entries) {
      expect(entry.student?.id === ownChild || entry.entityId === ownChild || entry.actor?.userId === childAccount).toBe(true);
    }
  });

  it('filters by a guardian, as the record changed and as the one who acted', async () => {
    const result = await page(admin, { personId: guardianId });
    expect(result.person).toMatchObject({ id: guardianId, kind: 'GUARDIAN' });
    const actions = result.entries.map((entry) => entry.action);
    expect(actions).toContain('admin.guardian.updated');
    expect(actions).toContain('auth.login');
    expect(actions).toContain('sickReport.created');
    for (const entry of result.entries) expect(entry.entityId === guardianId || entry.actor?.userId === guardianAccount).toBe(true);
  });

  it('filters by actor (username or account id alike), by action (one, or a family of changes) and by days', async () => {
    const byName = await wholeLog(admin, { actor: 'Vardnadshavare' });
    expect(byName.length).toBeGreaterThan(1);
    expect(byName.every((entry) => entry.actor?.userId === guardianAccount)).toBe(true);
    expect((await wholeLog(admin, { actor: guardianAccount })).map((e) => e.id)).toEqual(byName.map((e) => e.id));

    const sick = await wholeLog(admin, { action: 'sickReport.created' });
    expect(sick.map((entry) => entry.id)).toEqual([String(sickReportEvent)]);
    const family = await wholeLog(admin, { action: 'admin.guardian' });
    expect(family.map((entry) => entry.action)).toEqual(['admin.guardian.updated']);
    expect((await wholeLog(admin, { action: 'admin.guardian.updated' })).map((e) => e.id)).toEqual(family.map((e) => e.id));
    const actions = data(await admin.request<{ auditLogActions: string[] }>(ACTIONS)).auditLogActions;
    expect(actions).toEqual(expect.arrayContaining(['sickReport.created', 'auditLog.read', 'admin.student', 'admin.guardian']));

    // The days are the school's (the events are stamped by the database's clock, not the test server's).
    const event = await server.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: sickReportEvent } });
    const day = schoolDateOf(event.at);
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const dayAfter = next.toISOString().slice(0, 10);
    const sameDay = { action: 'sickReport.created', fromDate: day, toDate: day };
    expect((await wholeLog(admin, sameDay)).map((e) => e.id)).toEqual([String(sickReportEvent)]);
    expect(await wholeLog(admin, { ...sameDay, fromDate: dayAfter, toDate: dayAfter })).toEqual([]);
    expect(await wholeLog(admin, { action: 'sickReport.created', toDate: '2000-01-01' })).toEqual([]);

    // Refused: an action not offered, days the wrong way round, another organisation's user (as a made-up one).
    expect(errorCode(await admin.request(LOG, { filter: { action: 'nothing.done' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.request(LOG, { filter: { fromDate: dayAfter, toDate: day } }))).toBe('BAD_USER_INPUT');
    const foreign = await admin.request(LOG, { filter: { actor: 'grannby.vh1' } });
    const missing = await admin.request(LOG, { filter: { actor: 'finns.inte' } });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    expect(errorCode(await admin.request(LOG, { filter: { actor: grannbyGuardianAccount } }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(LOG, { page: { limit: 201 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.request(LOG, { page: { cursor: 'x' } }))).toBe('BAD_USER_INPUT');
  });

  it('logs every read with its filter, about the person filtered by', async () => {
    const admins = await accountId('admin');
    const before = await server.db.prisma.auditEvent.count({ where: { action: 'auditLog.read', userId: admins } });
    const filter = { personId: ownChild, action: 'sickReport.created' };
    await page(admin, filter, { limit: 5 });
    expect(await server.db.prisma.auditEvent.count({ where: { action: 'auditLog.read', userId: admins } })).toBe(before + 1);
    const read = await lastRead(admins);
    expect(read).toMatchObject({ studentId: ownChild, entityType: 'Student', entityId: ownChild });
    expect(read.details).toEqual({ filter, rows: 1 });
    // A refused read is not a read.
    await admin.request(LOG, { filter: { actor: 'finns.inte' } });
    expect(await server.db.prisma.auditEvent.count({ where: { action: 'auditLog.read', userId: admins } })).toBe(before + 1);
    // The reads themselves are in the log, about the student.
    const reads = await wholeLog(admin, { personId: ownChild, action: 'auditLog.read' });
    expect(reads[0]).toMatchObject({ action: 'auditLog.read', actor: { username: 'admin' }, student: { id: ownChild } });
    expect(reads[0]!.summary).toContain(`filter.personId: ${ownChild}`);
  });

  it('exports what the pages show: the same rows, and the export is logged', async () => {
    const admins = await accountId('admin');
    for (const filter of [{}, { personId: guardianId }, { personId: ownChild }, { actor: 'admin', action: 'admin.guardian' }] as Filter[]) {
      const pages = await wholeLog(admin, filter, 3);
      const exported = data(
        await admin.request<{ auditLogExport: { entries: Entry[]; limit: number; truncated: boolean } }>(EXPORT, { filter }),
      ).auditLogExport;
      expect(exported).toMatchObject({ limit: 10_000, truncated: false });
      // The reads of the pages were logged meanwhile: newer than every page's row, and where the filter lets them in, first.
      const newer = exported.entries.slice(0, exported.entries.length - pages.length);
      expect(newer.every((entry) => entry.action === 'auditLog.read' && entry.actor?.username === 'admin')).toBe(true);
      expect(exported.entries.slice(newer.length)).toEqual(pages);
      const logged = await lastRead(admins, 'auditLog.exported');
      expect(logged.details).toEqual({ filter, rows: exported.entries.length, truncated: false });
    }
  });

  it("finds the organisation's people for the filter, and nobody of another organisation's", async () => {
    const child = await server.db.prisma.student.findUniqueOrThrow({ where: { id: ownChild } });
    const found = data(
      await admin.request<{ auditLogPeople: LogPage['person'][] }>(PEOPLE, { search: `${child.firstName} ${child.lastName}` }),
    ).auditLogPeople;
    expect(found.map((person) => person!.id)).toContain(ownChild);
    expect(data(await admin.request<{ auditLogPeople: unknown[] }>(PEOPLE, { search: ownChild })).auditLogPeople).toEqual([
      expect.objectContaining({ id: ownChild, kind: 'STUDENT' }),
    ]);
    expect(data(await admin.request<{ auditLogPeople: unknown[] }>(PEOPLE, { search: grannbyChild })).auditLogPeople).toEqual([]);
    const grannby = await server.db.prisma.student.findUniqueOrThrow({ where: { id: grannbyChild } });
    const foreign = data(
      await admin.request<{ auditLogPeople: LogPage['person'][] }>(PEOPLE, { search: `${grannby.firstName} ${grannby.lastName}` }),
    ).auditLogPeople;
    expect(foreign.map((person) => person!.id)).not.toContain(grannbyChild);
  });
});
