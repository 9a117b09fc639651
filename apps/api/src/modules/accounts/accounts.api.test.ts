// Credentials from the outside: the principal prints letters for a class's guardians and the mentor a class sheet
// (PDFs whose text is read back), a guardian activates with the code and logs in, every wrong, used, replaced or
// expired code gets its own refusal, guessing codes is throttled, and an administrator locks and unlocks an account.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, staffUsername, startTestServer, TestClient, type TestServer } from '../../test/harness.ts';
import { pdfPages } from '../../test/pdf-text.ts';

const PLAN = `query($choice: GuardianLetterChoice!) { guardianLetterPlan(choice: $choice) { schoolName letterCount skipped { guardianId name reason } } }`;
const ACTIVATE = `mutation($u: String!, $c: String!, $p: String!) { activateAccount(username: $u, code: $c, newPassword: $p) { accessToken viewer { username role } } }`;
const LOCK = `mutation($kind: PersonKind!, $id: ID!, $locked: Boolean!) { setLoginLocked(personKind: $kind, personId: $id, locked: $locked) { username disabled activated } }`;
const PASSWORD = 'blå-cykel-vid-ån';
const CODE_PATTERN = /[ACEFHKMNPRTWXY34679]{4}-[ACEFHKMNPRTWXY34679]{4}-[ACEFHKMNPRTWXY34679]{4}/g;

interface Plan {
  guardianLetterPlan: { schoolName: string; letterCount: number; skipped: { guardianId: string; name: string; reason: string }[] };
}

describe('credentials by post and through the mentor', () => {
  let server: TestServer;
  let principal: TestClient;
  let mentor: TestClient;
  let principalUsername: string;
  let classId: string;
  let schoolId: string;
  /** a guardian of the class, with an address, made without an account */
  let newGuardian: { id: string; firstName: string; lastName: string };
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    // The mentor's class, at the principal's school.
    const mentorAccount = await prisma().userAccount.findUniqueOrThrow({
      where: { username: 'mentor' },
      select: {
        staff: { select: { duties: { where: { kind: 'MENTOR' }, select: { groupId: true, group: { select: { schoolId: true } } } } } },
      },
    });
    const duty = mentorAccount.staff!.duties[0]!;
    classId = duty.groupId!;
    schoolId = duty.group!.schoolId;
    mentor = await loggedIn(server, 'mentor');
    principalUsername = await staffUsername(server, 'PRINCIPAL', { schoolId });
    principal = await loggedIn(server, principalUsername);
    const student = await prisma().student.findFirstOrThrow({
      where: { memberships: { some: { groupId: classId, validTo: null } } },
      select: { id: true, organisationId: true },
      orderBy: { id: 'asc' },
    });
    newGuardian = await prisma().guardian.create({
      data: {
        organisationId: student.organisationId,
        firstName: 'Åsa',
        lastName: 'Öberg',
        streetAddress: 'Skolvägen 3',
        postalCode: '741 30',
        city: 'Insynsby',
        guardianships: { create: { studentId: student.id } },
      },
      select: { id: true, firstName: true, lastName: true },
    });
  });
  afterAll(() => server?.stop());

  const print = (client: TestClient, path: string, body: unknown) =>
    fetch(`${server.url}/api/accounts/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
      body: JSON.stringify(body),
    });
  const classChoice = () => ({ schoolId, groupId: classId, onlyWithoutActivatedAccount: false });
  const activate = (username: string, code: string, password = PASSWORD) =>
    new TestClient(server).request<{ activateAccount: { viewer: { username: string; role: string } } }>(ACTIVATE, {
      u: username,
      c: code,
      p: password,
    });

  /** Prints the class's letters and reads each page back. */
  async function printLetters() {
    const response = await print(principal, 'guardian-letters', classChoice());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    return pdfPages(new Uint8Array(await response.arrayBuffer()));
  }
  const letterOf = (pages: string[], guardian: { firstName: string; lastName: string }) => {
    const page = pages.find((text) => text.includes(`${guardian.firstName} ${guardian.lastName}`));
    if (!page) throw new Error(`no letter for ${guardian.firstName} ${guardian.lastName}`);
    const codes = page.match(CODE_PATTERN);
    return { page, code: codes![0]!, username: /Username\s+(\S+)/.exec(page)?.[1] ?? '' };
  };

  it('plans a class’s letters, leaving out the guardians the school must reach another way', async () => {
    const guardians = await prisma().guardian.findMany({
      where: { guardianships: { some: { student: { memberships: { some: { groupId: classId, validTo: null } } } } } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    // Two others lose what a letter needs; the new guardian (whose random id may sort first) keeps hers for the tests below.
    const [hidden, withoutAddress] = guardians.filter((guardian) => guardian.id !== newGuardian.id);
    await prisma().guardian.update({
      where: { id: hidden!.id },
      data: { protectedIdentity: true, streetAddress: null, postalCode: null, city: null },
    });
    await prisma().guardian.update({ where: { id: withoutAddress!.id }, data: { streetAddress: null } });
    const plan = await principal.request<Plan>(PLAN, { choice: classChoice() });
    expect(plan.errors).toBeUndefined();
    const { letterCount, skipped } = plan.data!.guardianLetterPlan;
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ guardianId: hidden!.id, reason: 'PROTECTED_IDENTITY' }),
        expect.objectContaining({ guardianId: withoutAddress!.id, reason: 'NO_ADDRESS' }),
      ]),
    );
    const withAddress = await prisma().guardian.count({
      where: {
        id: { in: guardians.map((guardian) => guardian.id) },
        protectedIdentity: false,
        streetAddress: { not: null },
        postalCode: { not: null },
        city: { not: null },
      },
    });
    expect(letterCount + skipped.filter((entry) => entry.reason !== 'ADULT_CHILD_WITHOUT_CONSENT').length).toBe(guardians.length);
    expect(letterCount).toBe(withAddress - skipped.filter((entry) => entry.reason === 'ADULT_CHILD_WITHOUT_CONSENT').length);
    expect(await prisma().activationCode.count()).toBe(0);
  });

  it('prints one letter a guardian with name, address, username and a code stored only as its hash; no personnummer', async () => {
    const plan = (await principal.request<Plan>(PLAN, { choice: classChoice() })).data!.guardianLetterPlan;
    const pages = await printLetters();
    expect(pages).toHaveLength(plan.letterCount);
    const letter = letterOf(pages, newGuardian);
    expect(letter.page).toContain('Skolvägen 3');
    expect(letter.page).toContain('741 30');
    expect(letter.page).toContain(plan.schoolName);
    expect(letter.username).toBe('asa.oberg');
    expect(letter.page).toContain('/aktivera');
    const account = await prisma().userAccount.findUniqueOrThrow({
      where: { guardianId: newGuardian.id },
      include: { activationCodes: true },
    });
    expect(account).toMatchObject({ username: 'asa.oberg', passwordHash: null, activatedAt: null });
    const code = letter.code.replace(/-/g, '');
    expect(account.activationCodes).toEqual([
      expect.objectContaining({ codeHash: createHash('sha256').update(code).digest('hex'), usedAt: null }),
    ]);
    // Nobody's personnummer is printed: not the guardians', not the children's.
    const numbers = await prisma().guardian.findMany({
      where: { personalIdentityNumber: { not: null } },
      select: { personalIdentityNumber: true },
    });
    const students = await prisma().student.findMany({ select: { personalIdentityNumber: true } });
    const text = pages.join('\n');
    for (const { personalIdentityNumber } of [...numbers, ...students]) expect(text).not.toContain(personalIdentityNumber!.slice(0, 8));
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'account.credentialsIssued' }, orderBy: { id: 'desc' } });
    const principalAccount = await prisma().userAccount.findUniqueOrThrow({ where: { username: principalUsername } });
    expect(audit.userId).toBe(principalAccount.id);
    expect(JSON.stringify(audit.details)).toContain(newGuardian.id);
  });

  it('a new letter voids the earlier code; the guardian activates with the newest and logs in', async () => {
    const first = letterOf(await printLetters(), newGuardian);
    const second = letterOf(await printLetters(), newGuardian);
    expect(second.code).not.toBe(first.code);
    expect(errorCode(await activate('asa.oberg', first.code))).toBe('ACTIVATION_CODE_REPLACED');

    const weak = await activate('asa.oberg', second.code, 'sommar123456');
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0]?.extensions?.problem).toBe('TOO_GUESSABLE');
    expect(weak.errors?.[0]?.extensions?.field).toBe('newPassword');

    const activated = await activate(' Asa.Oberg ', second.code.toLowerCase().replace(/-/g, ' '));
    expect(activated.errors).toBeUndefined();
    expect(activated.data!.activateAccount.viewer).toEqual({ username: 'asa.oberg', role: 'GUARDIAN' });
    expect(errorCode(await activate('asa.oberg', second.code))).toBe('ACTIVATION_CODE_USED');
    expect((await new TestClient(server).login('asa.oberg', PASSWORD)).errors).toBeUndefined();
    expect(await prisma().auditEvent.count({ where: { action: 'account.activated' } })).toBe(1);

    const unactivated = await principal.request<Plan>(PLAN, { choice: { ...classChoice(), onlyWithoutActivatedAccount: true } });
    const everyone = await principal.request<Plan>(PLAN, { choice: classChoice() });
    expect(unactivated.data!.guardianLetterPlan.letterCount).toBeLessThan(everyone.data!.guardianLetterPlan.letterCount);
  });

  it('refuses wrong, unknown and malformed codes alike, and throttles guessing them', async () => {
    const { code } = letterOf(await printLetters(), newGuardian);
    expect(errorCode(await activate('vardnadshavare', code))).toBe('INVALID_ACTIVATION_CODE');
    expect(errorCode(await activate('no.such.person', code))).toBe('INVALID_ACTIVATION_CODE');
    expect(errorCode(await activate('mentor', 'not-a-code'))).toBe('INVALID_ACTIVATION_CODE');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(errorCode(await activate('throttled.user', 'ACEF-HKMN-PRTW'))).toBe('INVALID_ACTIVATION_CODE');
    }
    expect(errorCode(await activate('throttled.user', 'ACEF-HKMN-PRTW'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses an expired code', async () => {
    const { code, username } = letterOf(await printLetters(), newGuardian);
    await prisma().activationCode.updateMany({
      where: { codeHash: createHash('sha256').update(code.replace(/-/g, '')).digest('hex') },
      data: { expiresAt: new Date(0) },
    });
    expect(errorCode(await activate(username, code))).toBe('ACTIVATION_CODE_EXPIRED');
  });

  it('prints letters only for a school the viewer runs, and a class of that school', async () => {
    const otherClass = await prisma().group.findFirstOrThrow({
      where: { kind: 'CLASS', schoolId: { not: schoolId } },
      select: { id: true, schoolId: true },
    });
    expect(errorCode(await principal.request(PLAN, { choice: { ...classChoice(), groupId: otherClass.id } }))).toBe('NOT_FOUND');
    expect((await print(principal, 'guardian-letters', { ...classChoice(), groupId: otherClass.id })).status).toBe(404);
    expect((await print(principal, 'guardian-letters', { schoolId: otherClass.schoolId, onlyWithoutActivatedAccount: false })).status).toBe(
      404,
    );
    expect((await print(mentor, 'guardian-letters', classChoice())).status).toBe(404);
    expect((await print(new TestClient(server), 'guardian-letters', classChoice())).status).toBe(401);
    const bad = await print(principal, 'guardian-letters', { schoolId, everyone: true });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('gives the mentor a class sheet: a slip a student with username and code, ten a page', async () => {
    const students = await prisma().student.findMany({
      where: { memberships: { some: { groupId: classId, validTo: null } } },
      select: { firstName: true, lastName: true, account: { select: { username: true } } },
    });
    const response = await print(mentor, 'class-sheet', { groupId: classId });
    expect(response.status).toBe(200);
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    expect(pages).toHaveLength(Math.ceil(students.length / 10));
    const text = pages.join('\n');
    for (const student of students) {
      expect(text).toContain(`${student.firstName} ${student.lastName}`);
      expect(text).toContain(student.account!.username);
    }
    expect(text.match(CODE_PATTERN)).toHaveLength(students.length);
    const teacher = await loggedIn(server, 'larare');
    expect((await print(teacher, 'class-sheet', { groupId: classId })).status).toBe(404);
    expect((await print(await loggedIn(server, 'vardnadshavare'), 'class-sheet', { groupId: classId })).status).toBe(404);
  });

  it('an administrator locks an account (its sessions end, no login, no activation) and unlocks it', async () => {
    const admin = await loggedIn(server, 'admin');
    const session = await new TestClient(server).login('asa.oberg', PASSWORD);
    expect(session.errors).toBeUndefined();
    const locked = await admin.request<{ setLoginLocked: { disabled: boolean; activated: boolean } }>(LOCK, {
      kind: 'GUARDIAN',
      id: newGuardian.id,
      locked: true,
    });
    expect(locked.data!.setLoginLocked).toEqual({ username: 'asa.oberg', disabled: true, activated: true });
    expect(errorCode(await new TestClient(server).login('asa.oberg', PASSWORD))).toBe('INVALID_CREDENTIALS');
    const { code } = letterOf(await printLetters(), newGuardian);
    expect(errorCode(await activate('asa.oberg', code))).toBe('ACCOUNT_LOCKED');
    expect(errorCode(await principal.request(LOCK, { kind: 'GUARDIAN', id: newGuardian.id, locked: false }))).toBe('FORBIDDEN');
    await admin.request(LOCK, { kind: 'GUARDIAN', id: newGuardian.id, locked: false });
    expect((await new TestClient(server).login('asa.oberg', PASSWORD)).errors).toBeUndefined();
    expect(
      await prisma().auditEvent.count({
        where: {
          action: 'admin.account.updated',
          entityId: (await prisma().userAccount.findUniqueOrThrow({ where: { username: 'asa.oberg' } })).id,
        },
      }),
    ).toBe(2);
  });
});
