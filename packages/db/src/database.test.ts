import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from './generated/prisma/client.ts';
import type { Database } from './database.ts';
import { emptyDatabase, endIdleConnectionsFromServer } from './test-databases.ts';

// `read` bypasses Prisma's client on a PostgreSQL server: its rows must be what `$queryRaw` gives for every kind of
// column it is meant for (the API reads the same statements either way: context.ts, queryRows), and its values must
// reach the statement as the client sends them.
const studentId = '3f1d0c9e-6a43-4c55-9a9c-6d1f6f1f2a01';
const now = new Date('2026-12-07T06:30:00.000Z');
const EVERY_KIND = Prisma.sql`
  SELECT ${studentId}::uuid AS id, 'Åsa'::text AS name, 7::int AS minutes, true AS late, NULL::uuid AS "classId",
         to_char(${'2026-12-07'}::date, 'YYYY-MM-DD') AS date, ${['a', 'b']}::text[] AS codes, ${[studentId]}::uuid[] AS ids,
         json_build_object('kind', 'MENTOR', 'validTo', NULL) AS duty,
         to_char(${now}::timestamptz AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS "schoolTime"`;

describe('Database.query', () => {
  it("is not there on an embedded database, whose one connection is the client's", async () => {
    const db = await emptyDatabase('memory');
    try {
      expect(db.query).toBeUndefined();
    } finally {
      await db.close();
    }
  });

  describe('on a PostgreSQL server', () => {
    let db: Database;
    let read: NonNullable<Database['query']>;
    beforeAll(async () => {
      db = await emptyDatabase('postgres');
      if (!db.query) throw new Error('a PostgreSQL server has Database.query');
      read = db.query;
    }, 60_000);
    afterAll(async () => db?.close());

    it("answers as Prisma's $queryRaw does, for text, integer, boolean, uuid, json and arrays, an instant and nulls", async () => {
      const rows = await read(EVERY_KIND);
      expect(rows).toEqual(await db.prisma.$queryRaw(EVERY_KIND));
      expect(rows).toEqual([
        {
          id: studentId,
          name: 'Åsa',
          minutes: 7,
          late: true,
          classId: null,
          date: '2026-12-07',
          codes: ['a', 'b'],
          ids: [studentId],
          duty: { kind: 'MENTOR', validTo: null },
          schoolTime: '2026-12-07 07:30',
        },
      ]);
    });

    it('answers a statement that fails with its error and stays usable', async () => {
      await expect(read(Prisma.sql`SELECT ${'not an id'}::uuid`)).rejects.toThrow(/uuid/);
      expect(await read(Prisma.sql`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
    });
    // Before the pool had a listener for it, such an error ended the process. So did dropping a database just after
    // close(), whose pool.end() had only asked its connections to close (CI, 2026-12-07): close() now waits for them.
    it('outlives the server ending the connections idle in its pool', async () => {
      const own = await emptyDatabase('postgres');
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      let open = true;
      try {
        const ownRead = own.query;
        if (!ownRead) throw new Error('a PostgreSQL server has Database.query');
        await Promise.all([ownRead(Prisma.sql`SELECT pg_sleep(0.05)`), ownRead(Prisma.sql`SELECT pg_sleep(0.05)`)]);
        expect(await endIdleConnectionsFromServer(own.location)).toBe(2);
        await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(2), { timeout: 60_000, interval: 20 });
        expect(logged.mock.calls[0]?.[0]).toMatch(/^PostgreSQL ended a connection idle in the pool \(.*terminat.*\)/);
        expect(await ownRead(Prisma.sql`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
        open = false;
        await own.close();
        expect(logged).toHaveBeenCalledTimes(2);
      } finally {
        if (open) await own.close();
        logged.mockRestore();
      }
    });
  });
});
