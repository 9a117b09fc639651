// The login throttle from the outside: parallel guesses for one username cannot outrun the limit (on both
// databases, and across two API processes on one PostgreSQL), a wrong current password counts like a failed
// login, and a client address that fails too often is slowed, the address read from X-Forwarded-For only
// when TRUST_PROXY says a proxy sets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  DEMO_PASSWORD,
  SERVER_DATABASE,
  TestClient,
  errorCode,
  loggedIn,
  removeTestDatabase,
  startTestServer,
  type TestServer,
} from '../../test/harness.ts';
import { passwordGate } from './password.ts';
import { forgetExpiredFailures, USER_POLICY } from './throttle.ts';

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
/** Room for every parallel request at once, so that only the throttle decides. */
const WIDE_GATE = { PASSWORD_HASHING_CONCURRENCY: '64' };

/** A client that comes from its own address, so that the per-address counter stays out of the way. */
function clientFrom(server: TestServer, address: string): TestClient {
  const client = new TestClient(server);
  client.headers['x-forwarded-for'] = address;
  return client;
}

const codes = (results: { errors?: { extensions?: { code?: string } }[] }[]) =>
  results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
const count = (list: string[], code: string) => list.filter((item) => item === code).length;

describe.each(DATABASE_KINDS)('login throttle on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { env: { ...WIDE_GATE, TRUST_PROXY: 'true' } });
  });
  afterAll(() => server?.stop());

  const failedLogins = (username: string) =>
    server.db.prisma.auditEvent.count({ where: { action: 'auth.loginFailed', details: { path: ['username'], equals: username } } });

  it('of 20 wrong passwords sent at once for one username, verifies only as many as the limit allows', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => clientFrom(server, `198.51.100.${index + 1}`).login('rektor', `guess-${index}`)),
    );
    const answers = codes(results);
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(USER_POLICY.freeFailures);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(20 - USER_POLICY.freeFailures);
    expect(await failedLogins('rektor')).toBe(USER_POLICY.freeFailures);
    expect(errorCode(await clientFrom(server, '198.51.100.99').login('rektor'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('forgets the counters that no longer count: an hour after the last failure, no lock in force', async () => {
    // A year before the server's clock, in a transaction undone at the end: the server's own look once a minute
    // neither sees these counters nor finds the other tests' counters expired at this time.
    const now = new Date(server.clock().getTime() - 365 * 86_400_000);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const undo = new Error('undo');
    const outcome = server.db.prisma.$transaction(async (tx) => {
      await tx.loginThrottle.createMany({
        data: [
          { key: 'user:forgotten', failures: 4, lastFailureAt: at(-61), lockedUntil: null },
          { key: 'user:lock-over', failures: 9, lastFailureAt: at(-90), lockedUntil: at(-75) },
          { key: 'user:within-the-hour', failures: 2, lastFailureAt: at(-59), lockedUntil: null },
          { key: 'address:203.0.113.7', failures: 30, lastFailureAt: at(-61), lockedUntil: at(1) },
        ],
      });
      expect(await forgetExpiredFailures(tx, now)).toBe(2);
      const kept = await tx.loginThrottle.findMany({
        where: { key: { in: ['user:forgotten', 'user:lock-over', 'user:within-the-hour', 'address:203.0.113.7'] } },
        orderBy: { key: 'asc' },
      });
      expect(kept.map((row) => row.key)).toEqual(['address:203.0.113.7', 'user:within-the-hour']);
      throw undo;
    });
    await expect(outcome).rejects.toBe(undo);
  });

  it('counts a wrong current password when changing it like a failed login', async () => {
    const client = await loggedIn(server, 'larare');
    for (let attempt = 0; attempt < USER_POLICY.freeFailures; attempt++) {
      expect(errorCode(await client.request(CHANGE, { c: `wrong-${attempt}`, n: 'ett-nytt-lösenord-för-läraren' }))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const refused = await client.request(CHANGE, { c: DEMO_PASSWORD, n: 'ett-nytt-lösenord-för-läraren' });
    expect(errorCode(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(errorCode(await new TestClient(server).login('larare'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await failedLogins('larare')).toBe(USER_POLICY.freeFailures);
  });
});

describe.each(SERVER_DATABASE)('login throttle across two API processes on %s', (kind) => {
  let first: TestServer;
  let second: TestServer;
  const env = { ...WIDE_GATE, TRUST_PROXY: 'true', LOGIN_FAILURES_PER_ADDRESS: '3' };
  beforeAll(async () => {
    first = await startTestServer(kind, { keepDatabase: true, env });
    second = await startTestServer(kind, { database: first.location, env });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    if (first) await removeTestDatabase(first.location);
  });

  it('of 40 wrong passwords for one username spread over both, verifies only as many as the limit allows', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        clientFrom(index % 2 === 0 ? first : second, `198.51.100.${index + 1}`).login('mentor', `guess-${index}`),
      ),
    );
    const answers = codes(results);
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(USER_POLICY.freeFailures);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(40 - USER_POLICY.freeFailures);
  });

  it('slows an address that fails too often, on either process, and no other address', async () => {
    for (const [index, username] of ['elev', 'vardnadshavare', 'no-such-user'].entries()) {
      const server = index % 2 === 0 ? first : second;
      expect(errorCode(await clientFrom(server, '203.0.113.7').login(username, 'not-the-password'))).toBe('INVALID_CREDENTIALS');
    }
    // The right password from that address waits too; the same user from elsewhere gets in.
    const locked = await clientFrom(second, '203.0.113.7').login('elev');
    expect(errorCode(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await clientFrom(first, '203.0.113.8').login('elev')).errors).toBeUndefined();
  });
});

describe('login throttle without a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { env: { ...WIDE_GATE, LOGIN_FAILURES_PER_ADDRESS: '2' } });
  });
  afterAll(() => server?.stop());

  it('counts by the connection’s address, whatever X-Forwarded-For claims', async () => {
    expect(errorCode(await clientFrom(server, '203.0.113.1').login('elev', 'not-the-password'))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await clientFrom(server, '203.0.113.2').login('mentor', 'not-the-password'))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await clientFrom(server, '203.0.113.3').login('rektor'))).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('password gate', () => {
  const gated = () => {
    let finish: (value: string) => void = () => undefined;
    return { work: () => new Promise<string>((resolve) => (finish = resolve)), finish: (value: string) => finish(value) };
  };

  it('runs as many as its bound, lets as many wait, and refuses the rest at once', async () => {
    const gate = passwordGate(1, 1);
    const first = gated();
    const running = gate.run(first.work);
    let secondStarted = false;
    const waiting = gate.run(async () => {
      secondStarted = true;
      return 'second';
    });
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(secondStarted).toBe(false);
    first.finish('first');
    expect(await running).toBe('first');
    expect(await waiting).toBe('second');
    expect(await gate.run(async () => 'fourth')).toBe('fourth');
  });

  it('frees its slot when a check fails', async () => {
    const gate = passwordGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
