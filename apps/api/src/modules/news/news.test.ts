// News through the API: the principal, a mentor or a teacher posts; guardians who chose e-mail get it through
// the real delivery path (a local SMTP server; never SMS), readers see it and mark it read, and the sender sees
// who has. Rule 2 holds for an adult student's guardians; a refusal is NOT_FOUND; counts match the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { deliveryEnv, type Fake46elks, type FakeSmtpServer, startFake46elks, startFakeSmtpServer } from '../../test/fake-providers.ts';
import { firstChild, UPDATE_MY_CONTACT, type Child } from '../../test/fixtures.ts';

const SENT = `id title body publishedAt author target { schoolId groupId kind name } toGuardians toStudents recipientCount readCount
  recipients { id name role children readAt }`;
const POST = `mutation($input: NewsPostInput!) { postNews(input: $input) { ${SENT} } }`;
const FOLLOW = `query($id: ID!) { newsPost(id: $id) { ${SENT} } }`;
const ITEM = `id title body author target { kind name } readAt children { id firstName }`;
const MINE = `query($studentId: ID) { myNews(studentId: $studentId) { ${ITEM} } }`;
const MARK = `mutation($id: ID!) { markNewsRead(id: $id) { ${ITEM} } }`;

const EMAIL = 'hem@example.se';

interface Recipient {
  id: string;
  name: string;
  role: 'GUARDIAN' | 'STUDENT';
  children: string[];
  readAt: string | null;
}
interface Sent {
  id: string;
  title: string;
  target: { schoolId: string; groupId: string | null; kind: string; name: string };
  recipientCount: number;
  readCount: number;
  recipients: Recipient[];
}
interface Item {
  id: string;
  title: string;
  readAt: string | null;
  children: { id: string; firstName: string }[];
}
interface PostInput {
  schoolId: string;
  groupId?: string | null;
  toGuardians: boolean;
  toStudents: boolean;
  title: string;
  body: string;
}

describe('news on pglite', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let guardian: TestClient;
  let child: Child;
  let principal: TestClient;
  let mentor: TestClient;
  /** the guardian's child */
  let student: TestClient;
  /** a guardian at the child's school who chose SMS only */
  let smsOnly: { id: string };
  let schoolPost: Sent;
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', {
      env: deliveryEnv(smtp, elks),
    });
    // Only the guardians the tests choose get e-mail, so the fake server sees a handful, not the whole school.
    await prisma().guardian.updateMany({ data: { notifyByEmail: false, notifyBySms: false } });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await guardian.request(UPDATE_MY_CONTACT, { input: { bySms: false, byEmail: true, email: EMAIL, locale: 'sv' } });
    const other = await prisma().guardian.findFirstOrThrow({
      where: {
        id: { not: child.guardianId },
        mobilePhone: { not: null },
        guardianships: { some: { student: { schoolId: child.schoolId } } },
      },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    await prisma().guardian.update({ where: { id: other.id }, data: { notifyBySms: true } });
    smsOnly = { id: other.id };
    const account = await prisma().userAccount.findFirstOrThrow({ where: { studentId: child.id }, select: { username: true } });
    [principal, mentor, student] = await Promise.all([
      staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }).then((username) => loggedIn(server, username)),
      staffUsername(server, 'MENTOR', { groupId: child.classId }).then((username) => loggedIn(server, username)),
      loggedIn(server, account.username),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  const post = (client: TestClient, input: PostInput) => client.request<{ postNews: Sent }>(POST, { input });
  const mine = async (client: TestClient, studentId?: string) => {
    const result = await client.request<{ myNews: Item[] }>(MINE, studentId ? { studentId } : {});
    expect(result.errors).toBeUndefined();
    return result.data!.myNews;
  };

  it('the principal posts to the school for guardians: e-mail to those who chose it, nothing to SMS-only guardians', async () => {
    const result = await post(principal, {
      schoolId: child.schoolId,
      toGuardians: true,
      toStudents: false,
      title: ' Studiedag fredag ',
      body: 'Skolan är stängd för elever på fredag.',
    });
    expect(result.errors).toBeUndefined();
    schoolPost = result.data!.postNews;
    expect(schoolPost.title).toBe('Studiedag fredag');
    expect(schoolPost.target).toMatchObject({ schoolId: child.schoolId, groupId: null, kind: 'SCHOOL' });
    expect(schoolPost.recipients.every((recipient) => recipient.role === 'GUARDIAN')).toBe(true);
    expect(schoolPost.recipients.map((recipient) => recipient.id)).toEqual(expect.arrayContaining([child.guardianId, smsOnly.id]));
    expect(schoolPost.readCount).toBe(0);
    expect(await prisma().auditEvent.count({ where: { action: 'news.posted', entityId: schoolPost.id } })).toBe(1);

    const mails = await eventually(async () => {
      const found = smtp.received.filter((mail) => mail.to.includes(EMAIL) && mail.subject?.includes('Studiedag fredag'));
      return found.length > 0 ? found : undefined;
    }, 'the news e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Skolan är stängd för elever på fredag.');
    expect(mails[0]?.text).toContain('https://insyn.kommun.se/nyheter');
    const rows = await eventually(async () => {
      const found = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `news:${schoolPost.id}:` } } });
      return found.length > 0 && found.every((row) => row.status === 'SENT') ? found : undefined;
    }, 'the messages marked sent');
    // One e-mail: the only guardian who chose e-mail, once, though two of their children may be at the school.
    expect(rows.map((row) => [row.idempotencyKey, row.kind, row.channel, row.provider])).toEqual([
      [`news:${schoolPost.id}:${child.guardianId}:EMAIL`, 'NEWS', 'EMAIL', 'SMTP'],
    ]);
    expect(elks.received.filter((sms) => sms.message.includes('Studiedag'))).toEqual([]);
  });

  it('the guardian sees the post, opens it once, and the principal sees it read by that guardian', async () => {
    const before = (await mine(guardian)).find((item) => item.id === schoolPost.id);
    expect(before).toMatchObject({ title: 'Studiedag fredag', readAt: null });
    expect(before?.children.map((c) => c.id)).toContain(child.id);
    expect((await mine(guardian, child.id)).map((item) => item.id)).toContain(schoolPost.id);

    const marked = await guardian.request<{ markNewsRead: Item }>(MARK, { id: schoolPost.id });
    expect(marked.errors).toBeUndefined();
    const readAt = marked.data!.markNewsRead.readAt;
    expect(readAt).not.toBeNull();
    const again = await guardian.request<{ markNewsRead: Item }>(MARK, { id: schoolPost.id });
    expect(again.data?.markNewsRead.readAt).toBe(readAt);
    expect(await prisma().newsRead.count({ where: { postId: schoolPost.id } })).toBe(1);

    const followed = await principal.request<{ newsPost: Sent }>(FOLLOW, { id: schoolPost.id });
    expect(followed.errors).toBeUndefined();
    const seen = followed.data!.newsPost;
    expect(seen.readCount).toBe(1);
    expect(seen.recipients.find((recipient) => recipient.id === child.guardianId)).toMatchObject({ role: 'GUARDIAN', readAt });
    expect(seen.recipients.filter((recipient) => recipient.readAt !== null)).toHaveLength(1);
    expect(await prisma().auditEvent.count({ where: { action: 'news.recipientsRead', entityId: schoolPost.id } })).toBe(1);
  });

  it('the recipients are counted as the database counts them: current students and guardians under rule 2', async () => {
    const [counted] = await prisma().$queryRaw<{ students: bigint; guardians: bigint; emails: bigint }[]>`
      WITH s AS (
        SELECT st.id, st."birthDate" FROM "Student" st
        WHERE st."schoolId" = ${child.schoolId}::uuid AND EXISTS (
          SELECT 1 FROM "GroupMembership" m WHERE m."studentId" = st.id
            AND m."validFrom" <= ${server.today}::date AND (m."validTo" IS NULL OR m."validTo" >= ${server.today}::date))
      ), g AS (
        SELECT DISTINCT gs."guardianId" FROM s JOIN "Guardianship" gs ON gs."studentId" = s.id
        WHERE s."birthDate" > ${server.today}::date - interval '18 years' OR EXISTS (
          SELECT 1 FROM "GuardianConsent" c WHERE c."studentId" = s.id AND c."guardianId" = gs."guardianId" AND c."withdrawnAt" IS NULL)
      )
      SELECT (SELECT count(*) FROM s) AS students, (SELECT count(*) FROM g) AS guardians,
        (SELECT count(*) FROM g JOIN "Guardian" gu ON gu.id = g."guardianId" WHERE gu."notifyByEmail" AND gu.email IS NOT NULL) AS emails`;
    expect(schoolPost.recipientCount).toBe(Number(counted?.guardians));
    expect(await prisma().outboundMessage.count({ where: { idempotencyKey: { startsWith: `news:${schoolPost.id}:` } } })).toBe(
      Number(counted?.emails),
    );
    const both = await post(principal, {
      schoolId: child.schoolId,
      toGuardians: true,
      toStudents: true,
      title: 'Skolfoto',
      body: 'Tisdag.',
    });
    expect(both.errors).toBeUndefined();
    const recipients = both.data!.postNews.recipients;
    expect(recipients.filter((recipient) => recipient.role === 'STUDENT')).toHaveLength(Number(counted?.students));
    expect(both.data!.postNews.recipientCount).toBe(Number(counted?.students) + Number(counted?.guardians));
  });

  it('a mentor posts to their class for students only: the student sees it, the guardian does not; not to another class', async () => {
    const otherClass = await prisma().group.findFirstOrThrow({
      where: { schoolId: child.schoolId, kind: 'CLASS', id: { not: child.classId } },
      select: { id: true },
    });
    const input = { schoolId: child.schoolId, toGuardians: false, toStudents: true, title: 'Utflykt', body: 'Ta med matsäck.' };
    const counts = () => Promise.all([prisma().newsPost.count(), prisma().outboundMessage.count(), prisma().auditEvent.count()]);
    const before = await counts();
    expect(errorCode(await post(mentor, { ...input, groupId: otherClass.id }))).toBe('NOT_FOUND');
    expect(errorCode(await post(mentor, input))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const result = await post(mentor, { ...input, groupId: child.classId });
    expect(result.errors).toBeUndefined();
    const classPost = result.data!.postNews;
    expect(classPost.target).toMatchObject({ groupId: child.classId, kind: 'CLASS' });
    const members = await prisma().groupMembership.count({ where: { groupId: child.classId, validTo: null } });
    expect(classPost.recipientCount).toBe(members);
    expect((await mine(guardian)).map((item) => item.id)).not.toContain(classPost.id);
    expect(errorCode(await guardian.request(MARK, { id: classPost.id }))).toBe('NOT_FOUND');
    expect((await mine(student)).find((item) => item.id === classPost.id)).toMatchObject({ readAt: null, children: [] });
    expect(await prisma().outboundMessage.count({ where: { idempotencyKey: { startsWith: `news:${classPost.id}:` } } })).toBe(0);
    // Another mentor cannot follow it; its author can.
    expect(errorCode(await guardian.request(FOLLOW, { id: classPost.id }))).toBe('NOT_FOUND');
    expect((await mentor.request(FOLLOW, { id: classPost.id })).errors).toBeUndefined();
    expect(errorCode(await mentor.request(FOLLOW, { id: schoolPost.id }))).toBe('NOT_FOUND');

    // The sent lists: the mentor's own posts; the principal's include the school's, the mentor's among them.
    const SENT_IDS = '{ sentNews { id } }';
    const mentorsList = (await mentor.request<{ sentNews: { id: string }[] }>(SENT_IDS)).data?.sentNews.map((p) => p.id) ?? [];
    expect(mentorsList).toContain(classPost.id);
    expect(mentorsList).not.toContain(schoolPost.id);
    const principalsList = (await principal.request<{ sentNews: { id: string }[] }>(SENT_IDS)).data?.sentNews.map((p) => p.id) ?? [];
    expect(principalsList).toEqual(expect.arrayContaining([classPost.id, schoolPost.id]));
    // The lists name who each post reached: each read is one audit row naming the people shown.
    const reads = await prisma().auditEvent.findMany({
      where: { action: 'news.recipientsRead', entityId: null },
      select: { details: true },
    });
    expect(reads).toHaveLength(2);
    const principalsRead = reads
      .map((read) => read.details as { postIds: string[]; guardianIds: string[] })
      .find((d) => d.postIds.includes(schoolPost.id));
    expect(principalsRead?.guardianIds).toContain(child.guardianId);
  });

  it('offers each staff member the targets of their duties: the principal the school first, a mentor the class', async () => {
    const TARGETS = '{ newsTargets { schoolId groupId kind name } }';
    type Targets = { newsTargets: { schoolId: string; groupId: string | null; kind: string }[] };
    const principals = (await principal.request<Targets>(TARGETS)).data!.newsTargets;
    expect(principals[0]).toMatchObject({ schoolId: child.schoolId, groupId: null, kind: 'SCHOOL' });
    expect(principals.every((target) => target.schoolId === child.schoolId)).toBe(true);
    expect(principals.map((target) => target.groupId)).toContain(child.classId);
    const mentors = (await mentor.request<Targets>(TARGETS)).data!.newsTargets;
    expect(mentors.map((target) => target.kind)).not.toContain('SCHOOL');
    expect(mentors.filter((target) => target.kind === 'CLASS').map((target) => target.groupId)).toEqual([child.classId]);
    // A staff field: refused to the family before it is asked (graphql/guard.ts).
    expect(errorCode(await guardian.request<Targets>(TARGETS))).toBe('FORBIDDEN');
  });

  it('students and guardians cannot post; bad input is refused with the problems and nothing is written', async () => {
    const input = { schoolId: child.schoolId, groupId: child.classId, toGuardians: true, toStudents: false, title: 'x', body: 'y' };
    const counts = () =>
      Promise.all([
        prisma().newsPost.count(),
        prisma().outboundMessage.count(),
        prisma().auditEvent.count({ where: { action: 'news.posted' } }),
      ]);
    const before = await counts();
    // The family is refused the staff field itself (graphql/guard.ts).
    expect(errorCode(await post(student, input))).toBe('FORBIDDEN');
    expect(errorCode(await post(guardian, input))).toBe('FORBIDDEN');
    expect(errorCode(await post(principal, { ...input, schoolId: 'not-an-id' }))).toBe('NOT_FOUND');
    const bad = await post(mentor, { ...input, toGuardians: false, title: '  ', body: 'x'.repeat(5001) });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems).toEqual(['NO_AUDIENCE', 'TITLE_REQUIRED', 'BODY_TOO_LONG']);
    expect(await counts()).toEqual(before);
  });

  it("an adult student's guardian without consent neither receives nor sees a post to the school", async () => {
    const adult = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        schoolId: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
      },
    });
    const without = adult.guardianships.find((g) => !adult.consents.some((c) => c.guardianId === g.guardianId));
    const consenting = adult.guardianships.find((g) => adult.consents.some((c) => c.guardianId === g.guardianId));
    expect(without?.guardian.account && consenting).toBeTruthy();
    await prisma().guardian.updateMany({
      where: { id: { in: adult.guardianships.map((g) => g.guardianId) } },
      data: { notifyByEmail: true, email: 'myndig-hem@example.se' },
    });
    const upperPrincipal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: adult.schoolId }));
    const result = await post(upperPrincipal, {
      schoolId: adult.schoolId,
      toGuardians: true,
      toStudents: false,
      title: 'Föräldramöte',
      body: 'Torsdag kl. 18.',
    });
    expect(result.errors).toBeUndefined();
    const sent = result.data!.postNews;
    const ids = sent.recipients.map((recipient) => recipient.id);
    expect(ids).toContain(consenting!.guardianId);
    expect(ids).not.toContain(without!.guardianId);
    const told = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `news:${sent.id}:` } } });
    expect(told.map((message) => message.guardianId)).toContain(consenting!.guardianId);
    expect(told.map((message) => message.guardianId)).not.toContain(without!.guardianId);
    const outsider = await loggedIn(server, without!.guardian.account!.username);
    expect((await mine(outsider)).map((item) => item.id)).not.toContain(sent.id);
    expect(errorCode(await outsider.request(MARK, { id: sent.id }))).toBe('NOT_FOUND');
  });
});
