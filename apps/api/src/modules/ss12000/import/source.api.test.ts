// The organisation's SS 12000 source from the outside: administrators only, refusals per field, the secret kept
// encrypted and never shown, and the connection check against a test source that answers well and badly.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, SERVER_DATABASE, startTestServer, type TestClient, type TestServer } from '../../../test/harness.ts';
import { startTestSource, type TestSource } from '../../../test/ss12000-source.ts';

const SAVE = `mutation($input: Ss12000SourceInput!) { saveSs12000Source(input: $input) { baseUrl auth tokenUrl clientId changedByName } }`;
const CHECK = `mutation { checkSs12000Source { ok endpoints { endpoint offered records morePages } problem { code endpoint status } } }`;

interface Check {
  ok: boolean;
  endpoints: { endpoint: string; offered: boolean; records: number; morePages: boolean }[];
  problem: { code: string; endpoint: string; status: number | null } | null;
}

const person = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  givenName: `Förnamn${n}`,
  familyName: 'Efternamn',
});

describe.each(SERVER_DATABASE)('SS 12000 source, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let source: TestSource;

  const check = async () => {
    const result = await admin.request<{ checkSs12000Source: Check }>(CHECK);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.checkSs12000Source;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, {
      env: { JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', SS12000_SOURCE_TIMEOUT_MS: '400' },
    });
    admin = await loggedIn(server, 'admin');
    source = await startTestSource({
      organisations: [{ id: '10000000-0000-4000-8000-000000000001', displayName: 'Källby kommun' }],
      persons: Array.from({ length: 150 }, (_, n) => person(n)),
      groups: [],
      duties: [],
    });
  });
  beforeEach(() => {
    source.behaviour = {};
  });
  afterAll(async () => {
    await source?.stop();
    await server?.stop();
  });

  it('is for administrators only', async () => {
    for (const username of ['rektor', 'mentor', 'larare', 'vardnadshavare', 'elev']) {
      const client = await loggedIn(server, username);
      expect(errorCode(await client.request('{ ss12000Source { baseUrl } }')), username).toBe('FORBIDDEN');
      expect(errorCode(await client.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: 'x' } })), username).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await client.request(CHECK)), username).toBe('FORBIDDEN');
    }
    expect((await admin.request<{ ss12000Source: null }>('{ ss12000Source { baseUrl } }')).data?.ss12000Source).toBeNull();
    expect(errorCode(await admin.request(CHECK))).toBe('NOT_FOUND');
  });

  it('refuses settings it cannot use, field by field, and keeps the secret encrypted and unshown', async () => {
    const refused = await admin.request(SAVE, { input: { baseUrl: 'http://sis.example.se', auth: 'CLIENT_CREDENTIALS', secret: '' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'baseUrl', code: 'NOT_HTTPS' },
        { field: 'tokenUrl', code: 'REQUIRED' },
        { field: 'clientId', code: 'REQUIRED' },
        { field: 'secret', code: 'REQUIRED' },
      ],
    });
    const saved = await admin.request<{ saveSs12000Source: { baseUrl: string } }>(SAVE, {
      input: { baseUrl: `${source.url}/`, auth: 'BEARER_TOKEN', secret: source.token },
    });
    expect(saved.data?.saveSs12000Source.baseUrl).toBe(source.url);
    const stored = await server.db.prisma.ss12000Source.findFirstOrThrow();
    expect(stored.encryptedSecret).not.toContain(source.token);
    const audits = await server.db.prisma.auditEvent.findMany({ where: { action: 'ss12000Source.saved' } });
    expect(JSON.stringify(audits.map((event) => event.details))).not.toContain(source.token);
    // Saved again without a secret, the stored one stays.
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN' } });
    expect((await check()).ok).toBe(true);
  });

  it('reads the first page of each endpoint; a source without the schedule endpoints, or that keeps groups from us, is still fine', async () => {
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: source.token } });
    expect(await check()).toEqual({
      ok: true,
      problem: null,
      endpoints: [
        { endpoint: 'organisations', offered: true, records: 1, morePages: false },
        { endpoint: 'persons', offered: true, records: 100, morePages: true },
        { endpoint: 'duties', offered: true, records: 0, morePages: false },
        { endpoint: 'syllabuses', offered: false, records: 0, morePages: false },
        { endpoint: 'groups', offered: true, records: 0, morePages: false },
        { endpoint: 'activities', offered: false, records: 0, morePages: false },
        { endpoint: 'calendarEvents', offered: false, records: 0, morePages: false },
      ],
    });
    expect(source.requests).toContain('GET /v2.1/persons?limit=100');
    source.behaviour = { groups: { status: 403 } };
    const withoutGroups = await check();
    expect(withoutGroups.ok).toBe(true);
    expect(withoutGroups.endpoints.find((one) => one.endpoint === 'groups')).toEqual({
      endpoint: 'groups',
      offered: false,
      records: 0,
      morePages: false,
    });
  });

  it('gets its token with client credentials, and says so when the source refuses them', async () => {
    await admin.request(SAVE, {
      input: {
        baseUrl: source.url,
        auth: 'CLIENT_CREDENTIALS',
        tokenUrl: source.tokenUrl,
        clientId: source.client.id,
        secret: source.client.secret,
      },
    });
    expect((await check()).ok).toBe(true);
    await admin.request(SAVE, {
      input: { baseUrl: source.url, auth: 'CLIENT_CREDENTIALS', tokenUrl: source.tokenUrl, clientId: source.client.id, secret: 'fel' },
    });
    expect((await check()).problem).toEqual({ code: 'TOKEN_REFUSED', endpoint: 'token', status: 401 });
  });

  it('names the endpoint and what the source did wrong', async () => {
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: 'ett-gammalt-token' } });
    expect((await check()).problem).toEqual({ code: 'UNAUTHORIZED', endpoint: 'organisations', status: 401 });
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: source.token } });

    const cases: [string, TestSource['behaviour'][string], Check['problem']][] = [
      ['persons', { status: 404 }, { code: 'NOT_FOUND', endpoint: 'persons', status: 404 }],
      ['persons', { status: 429 }, { code: 'RATE_LIMITED', endpoint: 'persons', status: 429 }],
      ['groups', { status: 500 }, { code: 'SERVER_ERROR', endpoint: 'groups', status: 500 }],
      ['persons', { status: 403 }, { code: 'FORBIDDEN', endpoint: 'persons', status: 403 }],
      ['duties', { status: 403 }, { code: 'FORBIDDEN', endpoint: 'duties', status: 403 }],
      ['persons', { delayMs: 1500 }, { code: 'TIMEOUT', endpoint: 'persons', status: null }],
      ['organisations', { malformed: true }, { code: 'MALFORMED_JSON', endpoint: 'organisations', status: 200 }],
      ['persons', { loopingToken: true }, { code: 'PAGE_TOKEN_LOOP', endpoint: 'persons', status: null }],
    ];
    for (const [endpoint, behaviour, problem] of cases) {
      source.behaviour = { [endpoint]: behaviour };
      const result = await check();
      expect(result.problem, JSON.stringify(behaviour)).toEqual(problem);
      expect(result.ok).toBe(false);
    }
  });

  it('reads every page to the end, refuses a page token that comes back, and a source that is not there', async () => {
    const { sourceAccessToken, sourcePages } = await import('./source-reader.ts');
    const connection = { baseUrl: source.url, auth: { kind: 'BEARER_TOKEN' as const, token: source.token }, timeoutMs: 2000 };
    source.behaviour = { persons: { loopingToken: true } };
    const read = async () => {
      let records = 0;
      for await (const page of sourcePages(connection, await sourceAccessToken(connection), 'persons', {}, 20)) records += page.length;
      return records;
    };
    await expect(read()).rejects.toMatchObject({ code: 'PAGE_TOKEN_LOOP', endpoint: 'persons' });
    source.behaviour = {};
    expect(await read()).toBe(150);

    const gone = await startTestSource({});
    const url = gone.url;
    await gone.stop();
    await admin.request(SAVE, { input: { baseUrl: url, auth: 'BEARER_TOKEN', secret: source.token } });
    expect((await check()).problem).toEqual({ code: 'UNREACHABLE', endpoint: 'organisations', status: null });
  });
});
