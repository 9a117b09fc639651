import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from './generated/prisma/client.ts';
import type { Database } from './database.ts';
import { emptyDatabase } from './test-databases.ts';

// `read` bypasses Prisma's client on a PostgreSQL server: its rows must be what `$queryRaw` gives for every kind of
// column it is meant for (the API reads the same statements either way: context.ts, readRows), and its values must
// reach the statement as the client sends them.
const studentId = '3f1d0c9e-6a43-4c55-9a9c-6d1f6f1f2a01';
const now = new Date('2026-12-07T06:30:00.000Z');
const EVERY_KIND = Prisma.sql`
  SELECT ${studentId}::uuid AS id, 'Åsa'::text AS name, 7::int AS minutes, true AS late, NULL::uuid AS "classId",
         to_char(${'2026-12-07'}::date, 'YYYY-MM-DD') AS date, ${['a', 'b']}::text[] AS codes, ${[studentId]}::uuid[] AS ids,
         json_build_object('kind', 'MENTOR', 'validTo', NULL) AS duty,
         to_char(${now}::timestamptz AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS "schoolTime"`;

describe('Database.read', () => {
  it("is not there on an embedded database, whose one connection is the client's", async () => {
    const db = await emptyDatabase('memory');
    try {
      expect(db.read).toBeUndefined();
    } finally {
      await db.close();
    }
  });

  describe('on a PostgreSQL server', () => {
    let db: Database;
    let read: NonNullable<Database['read']>;
    beforeAll(async () => {
      db = await emptyDatabase('postgres');
      if (!db.read) throw new Error('a PostgreSQL server has Database.read');
      read = db.read;
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
  });
});
