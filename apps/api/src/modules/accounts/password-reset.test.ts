// Forgot password from the outside: the link reaches a local SMTP server, works once, ends the person's sessions
// and logs them in; an unknown address gets the same answer and no mail; expired and used links are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveryEnv, startFake46elks, startFakeSmtpServer, type Fake46elks, type FakeSmtpServer } from '../../test/fake-providers.ts';
import { errorCode, eventually, loggedIn, startTestServer, TestClient, type TestServer } from '../../test/harness.ts';

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { viewer { username } } }';
const ME = '{ me { username } }';
const PASSWORD = 'ny-vår-i-skogen-igen';

describe('forgot password', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let email: string;
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', { env: deliveryEnv(smtp, elks) });
    email = 'mentorn@skolan.se';
    await prisma().staff.updateMany({ where: { account: { username: 'mentor' } }, data: { email } });
  });
  // Each test asks for links anew; the limit per address is the last test's subject.
  beforeEach(() => prisma().loginThrottle.deleteMany());
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  const linkIn = async (address: string, after: number) => {
    const mail = await eventually(async () => smtp.received.slice(after).find((item) => item.to.includes(address)), 'the reset mail');
    const link = /https:\/\/insyn\.kommun\.se\/nytt-losenord#([\w-]+)/.exec(mail.text ?? '');
    expect(mail.text).toContain('mentor');
    return link![1]!;
  };

  it('mails a link that works once, ends the old sessions and logs in', async () => {
    const before = await loggedIn(server, 'mentor');
    const sent = smtp.received.length;
    expect((await new TestClient(server).request(REQUEST, { e: ' Mentorn@Skolan.se ' })).data).toEqual({ requestPasswordReset: true });
    const token = await linkIn(email, sent);
    expect(await prisma().passwordReset.count({ where: { tokenHash: token } })).toBe(0);

    const weak = await new TestClient(server).request(RESET, { t: token, p: 'mentor-lösenord' });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problem: 'CONTAINS_NAME' });
    const client = new TestClient(server);
    const reset = await client.request<{ resetPassword: { viewer: { username: string } } }>(RESET, { t: token, p: PASSWORD });
    expect(reset.data?.resetPassword.viewer.username).toBe('mentor');
    expect(errorCode(await before.request(ME))).toBe('UNAUTHENTICATED');
    expect((await new TestClient(server).login('mentor', PASSWORD)).errors).toBeUndefined();
    expect(errorCode(await new TestClient(server).request(RESET, { t: token, p: 'ännu-ett-nytt-ord-här' }))).toBe('RESET_LINK_USED');
    expect(await prisma().auditEvent.count({ where: { action: 'account.passwordReset' } })).toBe(1);
  });

  it('answers an unknown address the same and mails nothing; refuses what is not an address', async () => {
    const sent = smtp.received.length;
    expect((await new TestClient(server).request(REQUEST, { e: 'ingen@example.se' })).data).toEqual({ requestPasswordReset: true });
    expect(errorCode(await new TestClient(server).request(REQUEST, { e: 'inte en adress' }))).toBe('BAD_USER_INPUT');
    // A known address asked for after it shows whether the unknown one would have been mailed by now.
    await new TestClient(server).request(REQUEST, { e: email });
    await linkIn(email, sent);
    expect(smtp.received.slice(sent).filter((mail) => mail.to.includes('ingen@example.se'))).toEqual([]);
  });

  it('refuses an expired link, one replaced by a newer, and one that never was', async () => {
    let sent = smtp.received.length;
    await new TestClient(server).request(REQUEST, { e: email });
    const older = await linkIn(email, sent);
    sent = smtp.received.length;
    await new TestClient(server).request(REQUEST, { e: email });
    const newer = await linkIn(email, sent);
    expect(errorCode(await new TestClient(server).request(RESET, { t: older, p: PASSWORD }))).toBe('RESET_LINK_EXPIRED');
    await prisma().passwordReset.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(0) } });
    expect(errorCode(await new TestClient(server).request(RESET, { t: newer, p: PASSWORD }))).toBe('RESET_LINK_EXPIRED');
    expect(errorCode(await new TestClient(server).request(RESET, { t: 'x'.repeat(43), p: PASSWORD }))).toBe('INVALID_RESET_LINK');
  });

  it('sends no more than three links to one address in an hour, with the same answer', async () => {
    const sent = smtp.received.length;
    for (let request = 0; request < 5; request++) {
      expect((await new TestClient(server).request(REQUEST, { e: email })).data).toEqual({ requestPasswordReset: true });
    }
    await eventually(async () => (smtp.received.slice(sent).length >= 3 ? true : undefined), 'three mails');
    expect(smtp.received.slice(sent).filter((mail) => mail.to.includes(email))).toHaveLength(3);
  });
});
