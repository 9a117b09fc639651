// Requests that are broken before GraphQL or a service sees them: each is refused with a 4xx and a GraphQL-shaped JSON
// error, never a 500 or Express's HTML page with a stack trace, in any mode. The test server runs with NODE_ENV=test,
// where error details are not masked: what is asserted here holds there, so it holds in production too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, SERVER_DATABASE, startTestServer, type TestServer } from './test/harness.ts';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

describe.each(SERVER_DATABASE)('broken requests on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.stop());

  const post = async (path: string, body: string | FormData, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };
  const graphql = (body: string) => post('/graphql', body, { 'content-type': 'application/json' });

  /** A 4xx with a JSON error carrying a code, and nothing of the server's insides. */
  function expectRefused(answer: Answer, status: number, code: string): void {
    expect(answer.status, answer.text).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[]; code?: string };
    expect(body.errors?.[0]?.extensions?.code ?? body.code).toBe(code);
    expect(answer.text).not.toMatch(/node_modules|\/work\/|\.ts:\d+|at [A-Za-z.]+ \(|prisma|stacktrace/i);
  }

  it('refuses a body that is not JSON, and one that is too large', async () => {
    expectRefused(await graphql('{"query": "{ me { username }'), 400, 'BAD_REQUEST');
    expectRefused(await graphql('{bad json'), 400, 'BAD_REQUEST');
    expectRefused(
      await graphql(JSON.stringify({ query: '{ me { username } }', variables: { pad: 'x'.repeat(200_000) } })),
      413,
      'BAD_REQUEST',
    );
  });

  it('refuses a query of thousands of tokens, one nested too deep and one with too many aliases, as the client’s fault', async () => {
    expectRefused(await graphql(JSON.stringify({ query: `{ ${'me { username } '.repeat(1100)}}` })), 400, 'GRAPHQL_PARSE_FAILED');
    const deep = await graphql(JSON.stringify({ query: `{ me { ${'students { '.repeat(12)}id${' }'.repeat(12)} } }` }));
    expectRefused(deep, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(deep.text).toMatch(/depth limit/i);
    const aliases = await graphql(
      JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: me { username }`).join(' ')} }` }),
    );
    expectRefused(aliases, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(aliases.text).toMatch(/aliases limit/i);
  });

  it('refuses a NUL in an upload’s text field, as in any GraphQL argument', async () => {
    const principal = await loggedIn(server, 'rektor');
    const form = new FormData();
    form.append('studentId', '00000000-0000-4000-8000-000000000000');
    form.append('kind', 'ACTION_PROGRAMME');
    form.append('summary', 'Stöd i matematik\u0000');
    form.append('decidedOn', server.today);
    form.append('document', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf');
    const answer = await post('/api/support-decisions', form, { authorization: `Bearer ${principal.token}` });
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(JSON.parse(answer.text)).toMatchObject({ problems: [{ field: 'summary', code: 'CONTROL_CHARACTER' }] });
  });

  it('masks an unexpected error in every mode: no database text, path or stack in the answer', async () => {
    const admin = await loggedIn(server, 'admin');
    // A table gone, as a failed migration would leave it: the database's own error must stay in the log.
    await server.db.prisma.$executeRawUnsafe('ALTER TABLE "Subject" RENAME TO "SubjectGone"');
    try {
      const answer = await post('/graphql', JSON.stringify({ query: '{ administeredSubjects { subjects { id } } }' }), {
        'content-type': 'application/json',
        authorization: `Bearer ${admin.token}`,
      });
      expect(JSON.parse(answer.text)).toMatchObject({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(answer.text).not.toMatch(/Subject|relation|prisma|\.ts|stack/i);
    } finally {
      await server.db.prisma.$executeRawUnsafe('ALTER TABLE "SubjectGone" RENAME TO "Subject"');
    }
  });

  it('marks every GraphQL answer as not to be stored: a person’s data, a refusal by Apollo and one before it', async () => {
    const guardian = await loggedIn(server, 'vardnadshavare');
    const ask = (body: string, token?: string | null) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    const data = await ask(JSON.stringify({ query: '{ me { username } }' }), guardian.token);
    expect(await data.json()).toEqual({ data: { me: { username: 'vardnadshavare' } } });
    const unauthenticated = await ask(JSON.stringify({ query: '{ me { username } }' }));
    const invalid = await ask(JSON.stringify({ query: '{ nothingHere }' }), guardian.token);
    const broken = await ask('{bad json');
    expect([data, unauthenticated, invalid, broken].map((answer) => answer.headers.get('cache-control'))).toEqual([
      'no-store',
      'no-store',
      'no-store',
      'no-store',
    ]);
  });
});
