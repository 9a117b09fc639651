// Grade warnings through the API (rule 6): a teacher warns, the guardians are told through the real delivery
// path (a local SMTP server and 46elks stand-in), contacts with the home are recorded, and the principal's
// routine counts what has had no contact in time. Access follows the roles; a refusal is NOT_FOUND.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { deliveryEnv, type Fake46elks, type FakeSmtpServer, startFake46elks, startFakeSmtpServer } from '../../test/fake-providers.ts';
import { firstChild, optIn, type Child } from '../../test/fixtures.ts';

const FIELDS = `id student { id name } subjectName(locale: sv) subjectEn: subjectName(locale: en) groupId groupName missing issuedAt issuedBy
  contacts { id contactedAt method withWhom agreed contactedBy } overdue closedAt closedBy closeNote`;
const ISSUE = `mutation($input: GradeWarningInput!) { issueGradeWarning(input: $input) { ${FIELDS} } }`;
const CONTACT = `mutation($input: GradeWarningContactInput!) { recordGradeWarningContact(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $note: String!) { closeGradeWarning(warningId: $id, note: $note) { ${FIELDS} } }`;
const OF_STUDENT = `query($id: ID!) { studentGradeWarnings(studentId: $id) { ${FIELDS} } }`;
const OF_GROUP = `query($id: ID!) { groupGradeWarnings(groupId: $id) { ${FIELDS} } }`;
const ROUTINE = `query($id: ID!) { schoolGradeWarningRoutine(schoolId: $id) { schoolId contactDays open withoutContact overdue
  classes { classId className open withoutContact overdue } overdueWarnings { id overdue } } }`;

const EMAIL = 'hem@example.se';

interface Warning {
  id: string;
  student: { id: string; name: string };
  subjectName: string;
  subjectEn: string;
  groupId: string;
  groupName: string;
  missing: string;
  issuedBy: string;
  contacts: { method: string; withWhom: string; agreed: string; contactedBy: string }[];
  overdue: boolean;
  closedAt: string | null;
  closeNote: string | null;
}
interface Routine {
  schoolId: string;
  contactDays: number;
  open: number;
  withoutContact: number;
  overdue: number;
  classes: { classId: string | null; className: string | null; open: number; withoutContact: number; overdue: number }[];
  overdueWarnings: { id: string; overdue: boolean }[];
}

describe('grade warnings on pglite', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let guardian: TestClient;
  let child: Child;
  /** a teaching group of the child's, with a subject, and one of its teachers */
  let group: { id: string; name: string; subjectSv: string; teacher: string };
  let teacher: TestClient;
  let mentor: TestClient;
  let principal: TestClient;
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', {
      env: deliveryEnv(smtp, elks),
    });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await optIn(guardian, '070-123 45 67', EMAIL);
    const membership = await prisma().groupMembership.findFirstOrThrow({
      where: {
        studentId: child.id,
        validTo: null,
        group: { kind: 'TEACHING', subjectId: { not: null }, duties: { some: { kind: 'TEACHER', staff: { account: { isNot: null } } } } },
      },
      select: {
        group: {
          select: {
            id: true,
            name: true,
            subject: { select: { nameSv: true } },
            duties: { where: { kind: 'TEACHER' }, select: { staff: { select: { account: { select: { username: true } } } } } },
          },
        },
      },
      orderBy: { group: { name: 'asc' } },
    });
    const username = membership.group.duties.flatMap((duty) => (duty.staff.account ? [duty.staff.account.username] : []))[0] ?? '';
    group = { id: membership.group.id, name: membership.group.name, subjectSv: membership.group.subject?.nameSv ?? '', teacher: username };
    teacher = await loggedIn(server, username);
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  const issue = (client: TestClient, input: { studentId: string; groupId: string; missing: string }) =>
    client.request<{ issueGradeWarning: Warning }>(ISSUE, { input });
  const contact = (client: TestClient, input: Record<string, unknown>) =>
    client.request<{ recordGradeWarningContact: Warning }>(CONTACT, { input });
  let warning: Warning;

  /** A teacher at the child's school with no duty on any of the child's groups, and one of their groups. */
  async function otherTeacher(): Promise<{ client: TestClient; groupId: string }> {
    const account = await prisma().userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { schoolId: child.schoolId } },
            none: {
              OR: [{ kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } }, { group: { memberships: { some: { studentId: child.id } } } }],
            },
          },
        },
      },
      select: { username: true, staff: { select: { duties: { where: { kind: 'TEACHER' }, select: { groupId: true }, take: 1 } } } },
      orderBy: { username: 'asc' },
    });
    return { client: await loggedIn(server, account.username), groupId: account.staff?.duties[0]?.groupId ?? '' };
  }

  it('a teacher warns a member of the group; the guardian is told by e-mail and SMS through the providers', async () => {
    const missing = 'Provet i algebra (v. 46) och laborationsrapporten saknas.';
    const issued = await issue(teacher, { studentId: child.id, groupId: group.id, missing });
    expect(issued.errors).toBeUndefined();
    warning = issued.data!.issueGradeWarning;
    expect(warning).toMatchObject({
      student: { id: child.id },
      subjectName: group.subjectSv,
      groupId: group.id,
      groupName: group.name,
      missing,
      contacts: [],
      overdue: false,
      closedAt: null,
    });
    expect(await prisma().auditEvent.count({ where: { action: 'gradeWarning.issued', entityId: warning.id } })).toBe(1);

    const mails = await eventually(async () => {
      const found = smtp.received.filter((mail) => mail.to.includes(EMAIL) && mail.subject?.includes('Varning för underkänt'));
      return found.length > 0 ? found : undefined;
    }, 'the warning e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(child.firstName);
    expect(mails[0]?.text).toContain(missing);
    expect(mails[0]?.text).toContain(warning.issuedBy);
    expect(mails[0]?.text).toContain('https://insyn.kommun.se');
    const texts = await eventually(async () => {
      const found = elks.received.filter((sms) => sms.to === '+46701234567' && sms.message.includes('riskerar betyget F'));
      return found.length > 0 ? found : undefined;
    }, 'the warning SMS');
    expect(texts[0]?.message).toContain(group.subjectSv);
    const rows = await eventually(async () => {
      const found = await prisma().outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `gradeWarning:${warning.id}:${child.guardianId}:` } },
      });
      return found.length === 2 && found.every((row) => row.status === 'SENT') ? found : undefined;
    }, 'both messages marked sent');
    expect(rows.map((row) => [row.kind, row.channel, row.provider]).sort()).toEqual([
      ['GRADE_WARNING', 'EMAIL', 'SMTP'],
      ['GRADE_WARNING', 'SMS', '46ELKS'],
    ]);
    // The administrator's outbox lists them too.
    const outbox = await (
      await loggedIn(server, 'admin')
    ).request<{ outbox: { messages: { kind: string }[] } }>('{ outbox { messages { kind } } }');
    expect(outbox.errors).toBeUndefined();
    const kept = await prisma().outboundMessage.count({ where: { kind: 'GRADE_WARNING' } });
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(outbox.data!.outbox.messages.filter((message) => message.kind === 'GRADE_WARNING')).toHaveLength(kept);
  });

  it('a teacher of other groups and a guardian cannot issue, nor read or record; they learn nothing', async () => {
    const { client: stranger, groupId: strangersGroup } = await otherTeacher();
    const input = { studentId: child.id, groupId: group.id, missing: 'x' };
    expect(errorCode(await issue(stranger, input))).toBe('NOT_FOUND');
    // The guardian is refused the staff field itself (graphql/guard.ts).
    expect(errorCode(await issue(guardian, input))).toBe('FORBIDDEN');
    expect(errorCode(await issue(stranger, { ...input, groupId: strangersGroup }))).toBe('NOT_FOUND');
    expect(errorCode(await issue(teacher, { ...input, studentId: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.request(OF_GROUP, { id: group.id }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.request(OF_STUDENT, { id: child.id }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await contact(stranger, {
          warningId: warning.id,
          contactedAt: server.clock().toISOString(),
          method: 'PHONE',
          withWhom: 'x',
          agreed: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('bad input is refused with the problems, and nothing is written', async () => {
    const counts = () =>
      Promise.all([
        prisma().gradeWarning.count(),
        prisma().gradeWarningContact.count(),
        prisma().outboundMessage.count(),
        prisma().auditEvent.count({ where: { action: { startsWith: 'gradeWarning.' } } }),
      ]);
    const before = await counts();
    const empty = await issue(teacher, { studentId: child.id, groupId: group.id, missing: '   ' });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.problems).toEqual(['MISSING_REQUIRED']);
    const good = {
      warningId: warning.id,
      contactedAt: server.clock().toISOString(),
      method: 'PHONE',
      withWhom: 'Mamma',
      agreed: 'Stödtid tisdagar',
    };
    const future = await contact(mentor, { ...good, contactedAt: new Date(server.clock().getTime() + 86_400_000).toISOString() });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0]?.extensions?.problems).toEqual(['IN_THE_FUTURE']);
    const blank = await contact(mentor, { ...good, contactedAt: '2026-11-01T10:00:00Z', withWhom: '', agreed: ' ' });
    expect(blank.errors?.[0]?.extensions?.problems).toEqual(['BEFORE_WARNING', 'WITH_WHOM_REQUIRED', 'AGREED_REQUIRED']);
    // An unknown method fails the schema's enum before any code runs.
    expect(errorCode(await contact(mentor, { ...good, method: 'PIGEON' }))).toBe('BAD_USER_INPUT');
    const close = await teacher.request(CLOSE, { id: warning.id, note: '' });
    expect(close.errors?.[0]?.extensions?.problems).toEqual(['NOTE_REQUIRED']);
    expect(await counts()).toEqual(before);
  });

  it('the guardian and the staff who cover the student see the warning; the mentor records a contact', async () => {
    const seen = await guardian.request<{ studentGradeWarnings: Warning[] }>(OF_STUDENT, { id: child.id });
    expect(seen.data?.studentGradeWarnings.map((w) => w.id)).toContain(warning.id);
    const inGroup = await teacher.request<{ groupGradeWarnings: Warning[] }>(OF_GROUP, { id: group.id });
    expect(inGroup.data?.groupGradeWarnings.map((w) => w.id)).toEqual([warning.id]);
    const inClass = await mentor.request<{ groupGradeWarnings: Warning[] }>(OF_GROUP, { id: child.classId });
    expect(inClass.data?.groupGradeWarnings.map((w) => w.id)).toContain(warning.id);
    // A teacher reads warnings through their groups, not the student's whole record.
    expect(errorCode(await teacher.request(OF_STUDENT, { id: child.id }))).toBe('NOT_FOUND');

    const recorded = await contact(mentor, {
      warningId: warning.id,
      contactedAt: server.clock().toISOString(),
      method: 'DIGITAL_MEETING',
      withWhom: 'Mamma och eleven',
      agreed: 'Omprov fredag v. 49, läxhjälp tisdagar',
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordGradeWarningContact.contacts).toEqual([
      expect.objectContaining({
        method: 'DIGITAL_MEETING',
        withWhom: 'Mamma och eleven',
        agreed: 'Omprov fredag v. 49, läxhjälp tisdagar',
      }),
    ]);
    const seenAgain = await guardian.request<{ studentGradeWarnings: Warning[] }>(OF_STUDENT, { id: child.id });
    expect(seenAgain.data?.studentGradeWarnings.find((w) => w.id === warning.id)?.contacts).toHaveLength(1);
  });

  it("an adult student's guardian without consent sees nothing and is not told", async () => {
    const adult = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        schoolId: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
        memberships: {
          where: { validTo: null, group: { kind: 'TEACHING', subjectId: { not: null }, duties: { some: { kind: 'TEACHER' } } } },
          select: {
            group: {
              select: {
                id: true,
                duties: { where: { kind: 'TEACHER' }, select: { staff: { select: { account: { select: { username: true } } } } } },
              },
            },
          },
          take: 1,
        },
      },
    });
    const without = adult.guardianships.find((g) => !adult.consents.some((c) => c.guardianId === g.guardianId));
    const adultGroup = adult.memberships[0]?.group;
    const adultsTeacher = adultGroup?.duties[0]?.staff.account?.username;
    expect(without?.guardian.account?.username && adultGroup && adultsTeacher).toBeTruthy();
    const issued = await issue(await loggedIn(server, adultsTeacher!), {
      studentId: adult.id,
      groupId: adultGroup!.id,
      missing: 'Två inlämningar',
    });
    const id = issued.data!.issueGradeWarning.id;

    const outsider = await loggedIn(server, without!.guardian.account!.username);
    expect(errorCode(await outsider.request(OF_STUDENT, { id: adult.id }))).toBe('NOT_FOUND');
    const self = await loggedIn(server, 'myndig');
    const own = await self.request<{ studentGradeWarnings: Warning[] }>(OF_STUDENT, { id: adult.id });
    expect(own.data?.studentGradeWarnings.map((w) => w.id)).toContain(id);
    const told = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `gradeWarning:${id}:` } } });
    expect(told.some((message) => message.guardianId === without!.guardianId)).toBe(false);
  });

  it("the principal's routine counts open warnings, those without contact and the overdue, by class", async () => {
    // A warning issued three weeks ago with no contact since: overdue. Another student of the child's class.
    const classmate = await prisma().groupMembership.findFirstOrThrow({
      where: { groupId: child.classId, studentId: { not: child.id }, validTo: null },
      select: { studentId: true },
    });
    const old = await prisma().gradeWarning.create({
      data: {
        studentId: classmate.studentId,
        groupId: group.id,
        subjectId: (await prisma().group.findUniqueOrThrow({ where: { id: group.id } })).subjectId!,
        missing: 'Muntlig redovisning',
        issuedByStaffId: (await prisma().staffDuty.findFirstOrThrow({ where: { kind: 'TEACHER', groupId: group.id } })).staffId,
        issuedAt: new Date('2026-11-04T09:00:00Z'),
      },
    });

    const result = await principal.request<{ schoolGradeWarningRoutine: Routine }>(ROUTINE, { id: child.schoolId });
    expect(result.errors).toBeUndefined();
    const routine = result.data!.schoolGradeWarningRoutine;
    const open = { closedAt: null, student: { schoolId: child.schoolId } };
    expect(routine.contactDays).toBe(5);
    expect(routine.open).toBe(await prisma().gradeWarning.count({ where: open }));
    expect(routine.withoutContact).toBe(await prisma().gradeWarning.count({ where: { ...open, contacts: { none: {} } } }));
    // Only the old one: the others were issued today or have a contact.
    expect(routine.overdue).toBe(1);
    expect(routine.overdueWarnings).toEqual([{ id: old.id, overdue: true }]);
    const childsClass = routine.classes.find((c) => c.classId === child.classId);
    expect(childsClass).toMatchObject({ open: 2, withoutContact: 1, overdue: 1 });
    const sum = (key: 'open' | 'withoutContact' | 'overdue') => routine.classes.reduce((total, c) => total + c[key], 0);
    expect([sum('open'), sum('withoutContact'), sum('overdue')]).toEqual([routine.open, routine.withoutContact, routine.overdue]);

    const elsewhere = await prisma().userAccount.findFirstOrThrow({
      where: { staff: { duties: { some: { kind: 'PRINCIPAL', schoolId: { not: child.schoolId } }, none: { kind: 'ADMINISTRATOR' } } } },
      select: { username: true },
    });
    expect(errorCode(await (await loggedIn(server, elsewhere.username)).request(ROUTINE, { id: child.schoolId }))).toBe('NOT_FOUND');
    expect(errorCode(await mentor.request(ROUTINE, { id: child.schoolId }))).toBe('NOT_FOUND');
    const admin = await (await loggedIn(server, 'admin')).request<{ schoolGradeWarningRoutine: Routine }>(ROUTINE, { id: child.schoolId });
    expect(admin.data?.schoolGradeWarningRoutine.open).toBe(routine.open);

    // Closing ends it: the warning is no longer open or overdue, and cannot be closed twice.
    const closed = await principal.request<{ closeGradeWarning: Warning }>(CLOSE, { id: old.id, note: 'Redovisningen gjord' });
    expect(closed.data?.closeGradeWarning).toMatchObject({ overdue: false, closeNote: 'Redovisningen gjord' });
    const again = await principal.request(CLOSE, { id: old.id, note: 'igen' });
    expect(again.errors?.[0]?.extensions?.problems).toEqual(['ALREADY_CLOSED']);
    const after = await principal.request<{ schoolGradeWarningRoutine: Routine }>(ROUTINE, { id: child.schoolId });
    expect(after.data?.schoolGradeWarningRoutine).toMatchObject({ open: routine.open - 1, overdue: 0 });
  });
});
