// PostgreSQL restarted, or an administrator ending the API's connections: the connections waiting in the pool are ended
// from the server's side, and the server goes on with new ones. The pool hears such an error itself (database.ts); until
// 2026-12-07 only Prisma's client did, from when it had connected.
import { endIdleConnectionsFromServer } from '@insyn/db/test-databases';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstChild } from './test/fixtures.ts';
import { loggedIn, startTestServer, type TestServer } from './test/harness.ts';

const FIGURES = `query($s: ID!) { studentAbsenceStatistics(studentId: $s, range: { period: SCHOOL_YEAR }) {
  total { absencePercent unexcusedPercent lateCount } } }`;

describe('the server when PostgreSQL ends its idle connections', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(() => server?.stop());

  it('goes on serving on new connections: /health, a sign-in and a guardian’s figures', async () => {
    const guardian = await loggedIn(server, 'vardnadshavare');
    const child = await firstChild(server, guardian, 'vardnadshavare');
    const before = await guardian.request(FIGURES, { s: child.id });
    expect(before.errors).toBeUndefined();

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const ended = await endIdleConnectionsFromServer(server.location);
      expect(ended).toBeGreaterThan(0);
      // Each is dropped from the pool as its error arrives, before any request could be handed it.
      const dropped = () => logged.mock.calls.filter(([line]) => /^PostgreSQL ended a connection idle in the pool/.test(String(line)));
      await vi.waitFor(() => expect(dropped()).toHaveLength(ended), { timeout: 60_000, interval: 20 });

      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      expect(await guardian.request(FIGURES, { s: child.id })).toEqual(before);
      const again = await loggedIn(server, 'vardnadshavare');
      expect((await again.request(FIGURES, { s: child.id })).data).toEqual(before.data);
    } finally {
      logged.mockRestore();
    }
  });
});
