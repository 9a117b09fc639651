import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, TestClient, errorCode, loggedIn, startTestServer, type TestServer } from '../../test/harness.ts';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const ME = '{ me { username role displayName duties students { id firstName } } }';

describe.each(DATABASE_KINDS)('auth on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { env: { JWT_SECRET } });
  });
  afterAll(() => server?.stop());

  const sessionCount = () => server.db.prisma.authSession.count();

  it('logs in, sets an HttpOnly SameSite renewal cookie for /graphql only, and answers me', async () => {
    const client = new TestClient(server);
    const result = await client.login('elev');
    expect(result.errors).toBeUndefined();
    expect(result.setCookie).toMatch(/^insyn_refresh=[\w-]{43};/);
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Strict/);
    expect(result.setCookie).toMatch(/Path=\/graphql/);
    const me = await client.request<{ me: { username: string; role: string; students: { id: string }[] } }>(ME);
    expect(me.data?.me).toMatchObject({ username: 'elev', role: 'STUDENT' });
    expect(me.data?.me.students).toHaveLength(1);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const client = new TestClient(server);
    expect((await client.login('  ELEV ')).errors).toBeUndefined();
  });

  it('answers a wrong password and an unknown user alike, and starts no session', async () => {
    const before = await sessionCount();
    const wrong = await new TestClient(server).login('mentor', 'not-the-password');
    const unknown = await new TestClient(server).login('no-such-user', 'whatever-password');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.setCookie).toBeNull();
    expect(await sessionCount()).toBe(before);
  });

  it('slows down guessing after five failures, even for the right password, and for unknown names too', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(errorCode(await new TestClient(server).login('rektor', `guess-${attempt}`))).toBe('INVALID_CREDENTIALS');
    }
    const locked = await new TestClient(server).login('rektor');
    expect(errorCode(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    for (let attempt = 0; attempt < 5; attempt++) await new TestClient(server).login('ghost.user', `guess-${attempt}`);
    expect(errorCode(await new TestClient(server).login('ghost.user', 'again'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses missing, forged, unsigned and expired access tokens, and ones whose ids are not ids', async () => {
    const client = new TestClient(server);
    expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    const real = await loggedIn(server, 'larare');
    const claims = jwt.decode(real.token as string) as { sub: string; sid: string };
    const options = { issuer: 'insyn', audience: 'insyn-api', subject: claims.sub } as const;
    const tokens = {
      forged: jwt.sign({ sid: claims.sid }, 'some-other-secret-of-sufficient-length!!', { ...options, expiresIn: 60 }),
      unsigned: jwt.sign({ sid: claims.sid }, '', { ...options, algorithm: 'none' }),
      expired: jwt.sign({ sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 }, JWT_SECRET, options),
      wrongAudience: jwt.sign({ sid: claims.sid }, JWT_SECRET, { ...options, audience: 'other', expiresIn: 60 }),
      // Correctly signed, but ids that are not UUIDs: refused like no token, never an internal error.
      sessionNotAnId: jwt.sign({ sid: `${claims.sid}'--` }, JWT_SECRET, { ...options, expiresIn: 60 }),
      userNotAnId: jwt.sign({ sid: claims.sid }, JWT_SECRET, { ...options, subject: 'larare', expiresIn: 60 }),
      garbage: 'not.a.token',
    };
    for (const token of Object.values(tokens)) {
      client.token = token;
      expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    }
    expect((await real.request(ME)).errors).toBeUndefined();
  });

  it('rotates the renewal token on every use and ends the session when an old one comes back', async () => {
    const client = await loggedIn(server, 'mentor');
    const firstCookie = client.cookie;
    const renewed = await client.request<{ refreshSession: { accessToken: string } }>(
      'mutation { refreshSession { accessToken viewer { username } } }',
    );
    expect(renewed.errors).toBeUndefined();
    expect(client.cookie).not.toBe(firstCookie);
    client.token = renewed.data?.refreshSession.accessToken ?? null;
    expect((await client.request(ME)).errors).toBeUndefined();

    const thief = new TestClient(server);
    thief.cookie = firstCookie;
    expect(errorCode(await thief.request('mutation { refreshSession { accessToken } }'))).toBe('UNAUTHENTICATED');
    // The whole chain is revoked: the owner's current token and cookie stop working too.
    expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await client.request('mutation { refreshSession { accessToken } }'))).toBe('UNAUTHENTICATED');
  });

  it('renews without an access token, from the cookie alone (a page reload)', async () => {
    const client = await loggedIn(server, 'vardnadshavare');
    client.token = null;
    const renewed = await client.request<{ refreshSession: { viewer: { username: string } } }>(
      'mutation { refreshSession { accessToken viewer { username } } }',
    );
    expect(renewed.data?.refreshSession.viewer.username).toBe('vardnadshavare');
    expect(errorCode(await new TestClient(server).request('mutation { refreshSession { accessToken } }'))).toBe('UNAUTHENTICATED');
  });

  it('logs out: the cookie is cleared and the session ends for its access token too', async () => {
    const client = await loggedIn(server, 'admin');
    const cookie = client.cookie;
    const out = await client.request<{ logout: boolean }>('mutation { logout }');
    expect(out.data?.logout).toBe(true);
    expect(out.setCookie).toMatch(/insyn_refresh=;/);
    expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    client.cookie = cookie;
    expect(errorCode(await client.request('mutation { refreshSession { accessToken } }'))).toBe('UNAUTHENTICATED');
  });

  it('changing the password checks the old one and the new one, then ends every session', async () => {
    const tablet = await loggedIn(server, 'myndig');
    const phone = await loggedIn(server, 'myndig');
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expect(errorCode(await phone.request(change, { c: 'wrong-password', n: 'a-new-password-123' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await phone.request(change, { c: 'insyn-demo', n: 'short' }))).toBe('BAD_USER_INPUT');
    expect((await tablet.request(ME)).errors).toBeUndefined();

    expect((await phone.request(change, { c: 'insyn-demo', n: 'a-new-password-123' })).data).toEqual({ changePassword: true });
    expect(errorCode(await tablet.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await phone.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await tablet.request('mutation { refreshSession { accessToken } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await new TestClient(server).login('myndig'))).toBe('INVALID_CREDENTIALS');
    expect((await new TestClient(server).login('myndig', 'a-new-password-123')).errors).toBeUndefined();
  });

  it('saves the language choice', async () => {
    const client = await loggedIn(server, 'larare');
    const set = await client.request<{ setLocale: { locale: string } }>('mutation { setLocale(locale: en) { locale } }');
    expect(set.data?.setLocale.locale).toBe('en');
    expect((await client.request<{ me: { locale: string } }>('{ me { locale } }')).data?.me.locale).toBe('en');
    expect(errorCode(await client.request('mutation { setLocale(locale: fi) { locale } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps Apollo CSRF prevention on: a simple cross-site form post is refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('production settings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { env: { NODE_ENV: 'production' } });
  });
  afterAll(() => server?.stop());

  it('runs no query written by hand, introspection among them: only the web app’s persisted operations', async () => {
    const result = await new TestClient(server).request('{ __schema { types { name } } }');
    expect([result.status, errorCode(result)]).toEqual([400, 'PERSISTED_QUERY_REQUIRED']);
  });

  it('answers the health check', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
