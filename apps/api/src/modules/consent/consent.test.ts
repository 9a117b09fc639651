// Consent at 18 through the API: the adult student (myndig) lists their guardians, withdraws and gives access, and
// the guardian's reads follow on the next request; each change is audited and told to that guardian, in their
// language, by their channels. A minor, other roles and other people's guardians change nothing.
import { isoWeekOf } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_DATABASE,
  errorCode,
  loggedIn,
  staffUsername,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';

const STATE = 'guardianId firstName lastName given history { kind at }';
const MINE = `{ myGuardianConsents { ${STATE} } }`;
const GIVE = `mutation($id: ID!) { giveGuardianConsent(guardianId: $id) { ${STATE} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawGuardianConsent(guardianId: $id) { ${STATE} } }`;
const STAFF_VIEW = 'query($id: ID!) { guardianConsents(studentId: $id) { guardianId given } }';
const ME = '{ me { students { id } } }';
const STUDENT = 'query($id: ID!) { student(id: $id) { id firstName } }';
const SCHEDULE = 'query($id: ID!, $week: IsoWeekInput!) { studentWeekSchedule(studentId: $id, week: $week) { isoWeek } }';

interface State {
  guardianId: string;
  firstName: string;
  lastName: string;
  given: boolean;
  history: { kind: 'GIVEN' | 'WITHDRAWN'; at: string }[];
}

describe.each(SERVER_DATABASE)('consent at 18, on %s', (kind) => {
  let server: TestServer;
  let adult: TestClient;
  let adultId: string;
  let adultName: { firstName: string; lastName: string };
  /** the guardian myndig consents to in the demo data (Swedish messages), and the other one (English) */
  let consenting: { id: string; client: TestClient };
  let other: { id: string; client: TestClient };
  let mentor: TestClient;
  const prisma = () => server.db.prisma;
  const counts = async () => ({
    consents: await prisma().guardianConsent.count(),
    audit: await prisma().auditEvent.count({ where: { action: { startsWith: 'consent.' } } }),
    messages: await prisma().outboundMessage.count({ where: { kind: { in: ['CONSENT_GIVEN', 'CONSENT_WITHDRAWN'] } } }),
  });
  const seesAdult = async (client: TestClient) =>
    (await client.request<{ me: { students: { id: string }[] } }>(ME)).data!.me.students.some((student) => student.id === adultId);
  const stateOf = (result: { data: Record<string, State> | null }) => Object.values(result.data ?? {})[0];

  beforeAll(async () => {
    server = await startTestServer(kind);
    adult = await loggedIn(server, 'myndig');
    const account = await prisma().userAccount.findUniqueOrThrow({
      where: { username: 'myndig' },
      select: {
        student: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            memberships: { where: { group: { kind: 'CLASS' } }, select: { groupId: true } },
            consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
            guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
          },
        },
      },
    });
    const student = account.student!;
    adultId = student.id;
    adultName = { firstName: student.firstName, lastName: student.lastName };
    const consentingId = student.consents[0]!.guardianId;
    const withAccount = async (guardianId: string, locale: 'sv' | 'en') => {
      const username = student.guardianships.find((g) => g.guardianId === guardianId)!.guardian.account!.username;
      // Both channels, so that every change is told by SMS and by e-mail.
      await prisma().guardian.update({
        where: { id: guardianId },
        data: { notifyBySms: true, notifyByEmail: true, mobilePhone: '+46701740600', email: 'hem@example.se', messageLocale: locale },
      });
      return { id: guardianId, client: await loggedIn(server, username) };
    };
    consenting = await withAccount(consentingId, 'sv');
    other = await withAccount(student.guardianships.find((g) => g.guardianId !== consentingId)!.guardianId, 'en');
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: student.memberships[0]!.groupId }));
  });
  afterAll(() => server?.stop());

  it('the adult student sees each guardian with their access and the history of choices', async () => {
    const result = await adult.request<{ myGuardianConsents: State[] }>(MINE);
    expect(result.errors).toBeUndefined();
    const states = result.data!.myGuardianConsents;
    expect(states.map((state) => state.guardianId).sort()).toEqual([consenting.id, other.id].sort());
    const given = states.find((state) => state.guardianId === consenting.id)!;
    expect(given).toMatchObject({ given: true, history: [{ kind: 'GIVEN' }] });
    expect(given.firstName).toBeTruthy();
    expect(states.find((state) => state.guardianId === other.id)).toMatchObject({ given: false, history: [] });
    expect(await seesAdult(consenting.client)).toBe(true);
    expect(await seesAdult(other.client)).toBe(false);
  });

  it('withdraws: the guardian loses access on the next request, is told by each channel, and it is audited', async () => {
    const before = await counts();
    const result = await adult.request<{ withdrawGuardianConsent: State }>(WITHDRAW, { id: consenting.id });
    expect(result.errors).toBeUndefined();
    const state = stateOf(result)!;
    expect(state.given).toBe(false);
    expect(state.history.map((choice) => choice.kind)).toEqual(['WITHDRAWN', 'GIVEN']);

    expect(await seesAdult(consenting.client)).toBe(false);
    expect(errorCode(await consenting.client.request(STUDENT, { id: adultId }))).toBe('NOT_FOUND');
    expect(errorCode(await consenting.client.request(SCHEDULE, { id: adultId, week: isoWeekOf(server.today) }))).toBe('NOT_FOUND');

    const messages = await prisma().outboundMessage.findMany({ where: { guardianId: consenting.id, kind: 'CONSENT_WITHDRAWN' } });
    expect(messages.map((message) => message.channel).sort()).toEqual(['EMAIL', 'SMS']);
    for (const message of messages) {
      expect(message.studentId).toBe(adultId);
      expect(message.body).toContain(`${adultName.firstName} har tagit tillbaka din tillgång till sina uppgifter i Insyn.`);
      // Nothing else about the student: not even the last name.
      expect(message.body).not.toContain(adultName.lastName);
    }
    const myndig = await prisma().userAccount.findUniqueOrThrow({ where: { username: 'myndig' } });
    const event = await prisma().auditEvent.findFirst({ where: { action: 'consent.withdrawn' }, orderBy: { at: 'desc' } });
    expect(event).toMatchObject({ userId: myndig.id, studentId: adultId, entityType: 'Guardian', entityId: consenting.id });
    expect(await counts()).toEqual({ consents: before.consents, audit: before.audit + 1, messages: before.messages + 2 });
  });

  it('withdrawing what is withdrawn answers the state and changes nothing', async () => {
    const before = await counts();
    const result = await adult.request<{ withdrawGuardianConsent: State }>(WITHDRAW, { id: consenting.id });
    expect(result.errors).toBeUndefined();
    expect(stateOf(result)).toMatchObject({ given: false, history: [{ kind: 'WITHDRAWN' }, { kind: 'GIVEN' }] });
    expect(await counts()).toEqual(before);
  });

  it('gives again: the guardian sees the student again, is told, and it is audited', async () => {
    const before = await counts();
    const result = await adult.request<{ giveGuardianConsent: State }>(GIVE, { id: consenting.id });
    expect(result.errors).toBeUndefined();
    expect(stateOf(result)!.history.map((choice) => choice.kind)).toEqual(['GIVEN', 'WITHDRAWN', 'GIVEN']);
    expect(await seesAdult(consenting.client)).toBe(true);
    expect((await consenting.client.request(STUDENT, { id: adultId })).errors).toBeUndefined();

    const messages = await prisma().outboundMessage.findMany({ where: { guardianId: consenting.id, kind: 'CONSENT_GIVEN' } });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.body).toContain(`${adultName.firstName} har gett dig tillgång till sina uppgifter i Insyn.`);
    expect(await prisma().auditEvent.count({ where: { action: 'consent.given', entityId: consenting.id } })).toBe(1);
    expect(await counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1, messages: before.messages + 2 });

    // Giving what is given changes nothing.
    const again = await adult.request<{ giveGuardianConsent: State }>(GIVE, { id: consenting.id });
    expect(stateOf(again)!.history).toHaveLength(3);
    expect(await counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1, messages: before.messages + 2 });
  });

  it('tells a guardian in their own language; two requests at once give once', async () => {
    const before = await counts();
    const results = await Promise.all([adult.request(GIVE, { id: other.id }), adult.request(GIVE, { id: other.id })]);
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(await seesAdult(other.client)).toBe(true);
    const messages = await prisma().outboundMessage.findMany({ where: { guardianId: other.id, kind: 'CONSENT_GIVEN' } });
    expect(messages).toHaveLength(2);
    const email = messages.find((message) => message.channel === 'EMAIL')!;
    expect(email.subject).toBe('Access given in Insyn');
    expect(email.body).toContain(`${adultName.firstName} has given you access to their information in Insyn.`);
    expect(await counts()).toEqual({ consents: before.consents + 1, audit: before.audit + 1, messages: before.messages + 2 });
  });

  it('the mentor sees whether each guardian has access, and cannot change it', async () => {
    await adult.request(WITHDRAW, { id: other.id });
    const result = await mentor.request<{ guardianConsents: { guardianId: string; given: boolean }[] }>(STAFF_VIEW, { id: adultId });
    expect(result.errors).toBeUndefined();
    expect(new Map(result.data!.guardianConsents.map((status) => [status.guardianId, status.given]))).toEqual(
      new Map([
        [consenting.id, true],
        [other.id, false],
      ]),
    );
    const before = await counts();
    for (const mutation of [GIVE, WITHDRAW]) expect(errorCode(await mentor.request(mutation, { id: other.id }))).toBe('FORBIDDEN');
    expect(errorCode(await mentor.request(MINE))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('others do not see the staff view: a teacher, a guardian, the student themself; under 18 it is empty', async () => {
    expect(errorCode(await (await loggedIn(server, 'larare')).request(STAFF_VIEW, { id: adultId }))).toBe('NOT_FOUND');
    // The family is refused the staff field itself (graphql/guard.ts).
    for (const client of [consenting.client, adult]) expect(errorCode(await client.request(STAFF_VIEW, { id: adultId }))).toBe('FORBIDDEN');
    const elevId = (await prisma().userAccount.findUniqueOrThrow({ where: { username: 'elev' } })).studentId!;
    const minor = await (await loggedIn(server, 'mentor')).request<{ guardianConsents: unknown[] }>(STAFF_VIEW, { id: elevId });
    expect(minor.errors).toBeUndefined();
    expect(minor.data!.guardianConsents).toEqual([]);
  });

  it('a student under 18 gets NOT_ADULT and nothing changes', async () => {
    const elev = await loggedIn(server, 'elev');
    const elevId = (await prisma().userAccount.findUniqueOrThrow({ where: { username: 'elev' } })).studentId!;
    const ownGuardian = await prisma().guardianship.findFirstOrThrow({ where: { studentId: elevId } });
    const before = await counts();
    expect(errorCode(await elev.request(MINE))).toBe('NOT_ADULT');
    for (const mutation of [GIVE, WITHDRAW]) {
      const result = await elev.request(mutation, { id: ownGuardian.guardianId });
      expect(errorCode(result)).toBe('NOT_ADULT');
      expect(result.data).toBeNull();
    }
    expect(await counts()).toEqual(before);
  });

  it("another student's guardian, an unknown and a malformed id: NOT_FOUND, and nothing changes", async () => {
    const stranger = await prisma().guardian.findFirstOrThrow({ where: { guardianships: { none: { studentId: adultId } } } });
    const before = await counts();
    for (const id of [stranger.id, '00000000-0000-4000-8000-000000000000', "1' OR 1=1 --"]) {
      for (const mutation of [GIVE, WITHDRAW]) expect(errorCode(await adult.request(mutation, { id }))).toBe('NOT_FOUND');
    }
    expect(await counts()).toEqual(before);
  });

  it('a guardian and a teacher get FORBIDDEN, and nothing changes', async () => {
    const teacher = await loggedIn(server, 'larare');
    const before = await counts();
    for (const client of [consenting.client, teacher]) {
      expect(errorCode(await client.request(MINE))).toBe('FORBIDDEN');
      for (const mutation of [GIVE, WITHDRAW]) expect(errorCode(await client.request(mutation, { id: other.id }))).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });
});
