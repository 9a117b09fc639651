// The IUP through the API (rule 6): teachers write their subjects' entries, the mentor writes the summary and
// publishes; only then do the student and the guardians see it, and the guardians are told through the real
// delivery path (a local SMTP server and a 46elks stand-in). Refusals are NOT_FOUND, bad input BAD_USER_INPUT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { deliveryEnv, type Fake46elks, type FakeSmtpServer, startFake46elks, startFakeSmtpServer } from '../../test/fake-providers.ts';
import { optIn } from '../../test/fixtures.ts';

const PLAN = `id studentId term { kind year } summary entries { subjectId subjectName(locale: sv) standing goals authoredBy }
  publishedAt publishedBy updatedAfterPublishing`;
const WORK = `plan { ${PLAN} } subjects { subjectId subjectName(locale: sv) groupNames canWrite entry { standing } } isMentor`;
const WORK_QUERY = `query($id: ID!) { developmentPlanWork(studentId: $id) { ${WORK} } }`;
const PUBLISHED = `query($id: ID!) { studentDevelopmentPlans(studentId: $id) { studentId applies plans { ${PLAN} } } }`;
const SAVE_ENTRY = `mutation($input: DevelopmentPlanEntryInput!) { saveDevelopmentPlanEntry(input: $input) { ${WORK} } }`;
const SAVE_SUMMARY = `mutation($id: ID!, $summary: String!) { saveDevelopmentPlanSummary(studentId: $id, summary: $summary) { ${WORK} } }`;
const PUBLISH = `mutation($id: ID!) { publishDevelopmentPlan(studentId: $id) { ${WORK} } }`;
const OF_GROUP = `query($id: ID!) { groupDevelopmentPlans(groupId: $id) { studentId applies entries hasSummary publishedAt updatedAfterPublishing } }`;

const EMAIL = 'hem@example.se';

interface Plan {
  id: string | null;
  summary: string | null;
  entries: { subjectId: string; subjectName: string; standing: string; goals: string; authoredBy: string }[];
  publishedAt: string | null;
  publishedBy: string | null;
  updatedAfterPublishing: boolean;
}
interface Work {
  plan: Plan;
  subjects: { subjectId: string; subjectName: string; groupNames: string[]; canWrite: boolean; entry: { standing: string } | null }[];
  isMentor: boolean;
}
interface Published {
  studentId: string;
  applies: boolean;
  plans: Plan[];
}

describe('development plans (IUP) on pglite', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let guardian: TestClient;
  let mentor: TestClient;
  let teacher: TestClient;
  /** the guardian's child in compulsory school, years 1–9, and one of its teaching groups with a teacher */
  let child: { id: string; firstName: string; classId: string; guardianId: string };
  let subject: { id: string; otherId: string };
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', {
      env: deliveryEnv(smtp, elks),
    });
    guardian = await loggedIn(server, 'vardnadshavare');
    await optIn(guardian, '070-123 45 67', EMAIL);
    const account = await prisma().userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' }, select: { guardianId: true } });
    const guardianId = account.guardianId ?? '';
    const found = await prisma().student.findFirstOrThrow({
      where: {
        guardianships: { some: { guardianId } },
        school: { form: 'COMPULSORY' },
        memberships: { some: { validTo: null, group: { kind: 'CLASS', yearLevel: { gte: 1, lte: 9 } } } },
      },
      select: {
        id: true,
        firstName: true,
        memberships: {
          where: { validTo: null },
          select: {
            group: {
              select: {
                id: true,
                kind: true,
                subjectId: true,
                duties: { where: { kind: 'TEACHER' }, select: { staff: { select: { account: { select: { username: true } } } } } },
              },
            },
          },
          orderBy: { group: { name: 'asc' } },
        },
      },
      orderBy: { firstName: 'asc' },
    });
    const classId = found.memberships.find((m) => m.group.kind === 'CLASS')?.group.id ?? '';
    child = { id: found.id, firstName: found.firstName, classId, guardianId };
    // A start from nothing: the demo plans of the seed are not this test's.
    await prisma().developmentPlanEntry.deleteMany({ where: { plan: { studentId: child.id } } });
    await prisma().developmentPlan.deleteMany({ where: { studentId: child.id } });

    const mentorName = await staffUsername(server, 'MENTOR', { groupId: classId });
    // A teacher of one of the child's groups who is not the mentor and teaches no other subject of the child's.
    const taught = found.memberships.filter((m) => m.group.kind === 'TEACHING' && m.group.subjectId);
    const teachersOf = (m: (typeof taught)[number]) => m.group.duties.flatMap((d) => (d.staff.account ? [d.staff.account.username] : []));
    const chosen = taught.find((m) => {
      const name = teachersOf(m)[0];
      return name && name !== mentorName && taught.filter((other) => teachersOf(other).includes(name)).length === 1;
    });
    const other = taught.find((m) => m.group.subjectId !== chosen?.group.subjectId);
    if (!chosen?.group.subjectId || !other?.group.subjectId) throw new Error('the child has no suitable teaching groups');
    subject = { id: chosen.group.subjectId, otherId: other.group.subjectId };
    teacher = await loggedIn(server, teachersOf(chosen)[0] as string);
    mentor = await loggedIn(server, mentorName);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  const entry = (client: TestClient, input: { subjectId: string; standing: string; goals: string }) =>
    client.request<{ saveDevelopmentPlanEntry: Work }>(SAVE_ENTRY, { input: { studentId: child.id, ...input } });
  const published = async (client: TestClient, id = child.id) =>
    (await client.request<{ studentDevelopmentPlans: Published }>(PUBLISHED, { id })).data?.studentDevelopmentPlans;

  it('a teacher writes the entry of their own subject only; bad input is refused and nothing is written', async () => {
    const work = await teacher.request<{ developmentPlanWork: Work }>(WORK_QUERY, { id: child.id });
    expect(work.errors).toBeUndefined();
    expect(work.data?.developmentPlanWork.plan).toMatchObject({ id: null, summary: null, entries: [], publishedAt: null });
    expect(work.data?.developmentPlanWork.isMentor).toBe(false);
    expect(work.data?.developmentPlanWork.subjects.filter((s) => s.canWrite).map((s) => s.subjectId)).toEqual([subject.id]);

    const counts = () =>
      Promise.all([
        prisma().developmentPlan.count(),
        prisma().developmentPlanEntry.count(),
        prisma().auditEvent.count({ where: { action: 'developmentPlan.entrySaved' } }),
      ]);
    const before = await counts();
    const bad = await entry(teacher, { subjectId: subject.id, standing: ' ', goals: 'x'.repeat(2001) });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems).toEqual(['STANDING_REQUIRED', 'GOALS_TOO_LONG']);
    expect(errorCode(await entry(teacher, { subjectId: subject.otherId, standing: 'x', goals: 'y' }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const saved = await entry(teacher, { subjectId: subject.id, standing: ' Läser flytande ', goals: 'Skriva längre texter' });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveDevelopmentPlanEntry.plan.entries).toEqual([
      expect.objectContaining({ subjectId: subject.id, standing: 'Läser flytande', goals: 'Skriva längre texter' }),
    ]);
    expect(await prisma().auditEvent.count({ where: { action: 'developmentPlan.entrySaved', studentId: child.id } })).toBe(1);

    // Not published: the guardian sees no plan, and cannot open the draft.
    expect((await published(guardian))?.plans).toEqual([]);
    expect(errorCode(await guardian.request(WORK_QUERY, { id: child.id }))).toBe('FORBIDDEN');
    const group = await mentor.request<{ groupDevelopmentPlans: { studentId: string; entries: number; publishedAt: string | null }[] }>(
      OF_GROUP,
      { id: child.classId },
    );
    expect(group.data?.groupDevelopmentPlans.find((row) => row.studentId === child.id)).toMatchObject({ entries: 1, publishedAt: null });
  });

  it('the mentor writes the summary and publishes; the guardian is told by e-mail and SMS and then sees the plan', async () => {
    expect((await mentor.request(PUBLISH, { id: child.id })).errors?.[0]?.extensions?.problems).toEqual(['SUMMARY_REQUIRED']);
    expect(errorCode(await teacher.request(SAVE_SUMMARY, { id: child.id, summary: 'x' }))).toBe('NOT_FOUND');
    expect(errorCode(await teacher.request(PUBLISH, { id: child.id }))).toBe('NOT_FOUND');
    const summary = 'En bra termin. Fokus framåt: planera läxorna veckovis.';
    expect((await mentor.request(SAVE_SUMMARY, { id: child.id, summary })).errors).toBeUndefined();
    // Nothing goes home before publishing.
    expect(await prisma().outboundMessage.count({ where: { kind: 'DEVELOPMENT_PLAN_PUBLISHED', studentId: child.id } })).toBe(0);
    expect(smtp.received.filter((mail) => mail.to.includes(EMAIL))).toHaveLength(0);

    const result = await mentor.request<{ publishDevelopmentPlan: Work }>(PUBLISH, { id: child.id });
    expect(result.errors).toBeUndefined();
    const plan = result.data!.publishDevelopmentPlan.plan;
    expect(plan).toMatchObject({ summary, updatedAfterPublishing: false });
    expect(plan.publishedAt).not.toBeNull();

    const mails = await eventually(async () => {
      const found = smtp.received.filter((mail) => mail.to.includes(EMAIL) && mail.subject?.startsWith('IUP:'));
      return found.length > 0 ? found : undefined;
    }, 'the IUP e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(child.firstName);
    expect(mails[0]?.text).toContain('https://insyn.kommun.se/iup');
    await eventually(
      async () => (elks.received.some((sms) => sms.to === '+46701234567' && sms.message.includes('IUP')) ? true : undefined),
      'the IUP SMS',
    );
    const rows = await eventually(async () => {
      const found = await prisma().outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `developmentPlan:${plan.id}:` }, guardianId: child.guardianId },
      });
      return found.length === 2 && found.every((row) => row.status === 'SENT') ? found : undefined;
    }, 'both messages marked sent');
    expect(rows.map((row) => row.kind)).toEqual(['DEVELOPMENT_PLAN_PUBLISHED', 'DEVELOPMENT_PLAN_PUBLISHED']);

    const seen = await published(guardian);
    expect(seen?.applies).toBe(true);
    expect(seen?.plans).toEqual([
      expect.objectContaining({ id: plan.id, summary, entries: [expect.objectContaining({ subjectId: subject.id })] }),
    ]);
    expect(await prisma().auditEvent.count({ where: { action: 'developmentPlan.read', studentId: child.id } })).toBeGreaterThan(0);
    // Nothing changed since: publishing again is refused.
    expect((await mentor.request(PUBLISH, { id: child.id })).errors?.[0]?.extensions?.problems).toEqual(['ALREADY_PUBLISHED']);
  });

  it('an edit after publishing shows at once as updated; publishing again tells the home again', async () => {
    const edited = await entry(teacher, {
      subjectId: subject.id,
      standing: 'Läser flytande och sammanfattar',
      goals: 'Skriva längre texter',
    });
    expect(edited.data?.saveDevelopmentPlanEntry.plan.updatedAfterPublishing).toBe(true);
    const seen = await published(guardian);
    expect(seen?.plans[0]).toMatchObject({ updatedAfterPublishing: true });
    expect(seen?.plans[0]?.entries[0]?.standing).toBe('Läser flytande och sammanfattar');

    const again = await mentor.request<{ publishDevelopmentPlan: Work }>(PUBLISH, { id: child.id });
    expect(again.data?.publishDevelopmentPlan.plan.updatedAfterPublishing).toBe(false);
    await eventually(
      async () => (smtp.received.some((mail) => mail.to.includes(EMAIL) && mail.subject?.startsWith('Uppdaterad IUP')) ? true : undefined),
      'the update e-mail',
    );
  });

  it('others learn nothing: a teacher of other groups, another guardian', async () => {
    const stranger = await prisma().userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { school: { form: 'COMPULSORY' } } },
            none: { OR: [{ kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } }, { group: { memberships: { some: { studentId: child.id } } } }] },
          },
        },
      },
      select: { username: true },
      orderBy: { username: 'asc' },
    });
    const otherGuardian = await prisma().userAccount.findFirstOrThrow({
      where: { guardian: { guardianships: { none: { studentId: child.id } } } },
      select: { username: true },
      orderBy: { username: 'asc' },
    });
    for (const username of [stranger.username, otherGuardian.username]) {
      const client = await loggedIn(server, username);
      // The guardian is refused the staff fields themselves (graphql/guard.ts); the teacher learns nothing of the student.
      const staffFieldRefusal = username === otherGuardian.username ? 'FORBIDDEN' : 'NOT_FOUND';
      expect(errorCode(await client.request(WORK_QUERY, { id: child.id }))).toBe(staffFieldRefusal);
      expect(errorCode(await client.request(PUBLISHED, { id: child.id }))).toBe('NOT_FOUND');
      expect(errorCode(await entry(client, { subjectId: subject.id, standing: 'x', goals: 'y' }))).toBe(staffFieldRefusal);
      expect(errorCode(await client.request(PUBLISH, { id: child.id }))).toBe(staffFieldRefusal);
    }
    expect(errorCode(await mentor.request(WORK_QUERY, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    // A teacher reads the plans through the draft view of their students, not the published list of everyone's.
    expect(errorCode(await teacher.request(PUBLISHED, { id: child.id }))).toBe('NOT_FOUND');
  });

  it("an upper-secondary student has no IUP; an adult student's guardian without consent sees nothing", async () => {
    const adult = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
      },
    });
    const self = await loggedIn(server, 'myndig');
    expect(await published(self, adult.id)).toEqual({ studentId: adult.id, applies: false, plans: [] });
    const admin = await loggedIn(server, 'admin');
    const refused = await admin.request(WORK_QUERY, { id: adult.id });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.problems).toEqual(['NOT_COMPULSORY_SCHOOL']);

    const without = adult.guardianships.find((g) => !adult.consents.some((c) => c.guardianId === g.guardianId));
    const outsider = await loggedIn(server, without!.guardian.account!.username);
    expect(errorCode(await outsider.request(PUBLISHED, { id: adult.id }))).toBe('NOT_FOUND');
  });
});
