// The days of the absence figures: a roll call for today is summed live and leaves the tables alone; the day is
// settled into them after it has passed, as the live sum counted it, by the API process of the next day; a change
// under way while a day is settled is in the settled day.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@insyn/db';
import {
  DATABASE_KINDS,
  eventually,
  loggedIn,
  removeTestDatabase,
  staffUsername,
  startTestServer,
  type TestServer,
} from '../../test/harness.ts';
import { firstChild, lessonOf, takeRollCall } from '../../test/fixtures.ts';
import { dateValue } from '../access/validity.ts';
import { settleDays } from './day-settlement.ts';

const SCHOOL = `query($s: ID!, $range: StatisticsRangeInput!) { schoolAbsenceStatistics(schoolId: $s, range: $range) {
  total { lessons absentMinutes recordedMinutes notTakenLessons lateCount } byClass { classId figures { lessons absentMinutes } }
  byWeek { label figures { absentMinutes notTakenMinutes } } } }`;
const STUDENT = `query($s: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $s, range: $range) {
  total { lessons absentMinutes recordedMinutes } } }`;

const settledBefore = async (prisma: PrismaClient) =>
  (await prisma.$queryRaw<{ day: string }[]>`SELECT "settledBefore"::text AS day FROM "AbsenceDaySettlement"`)[0]?.day;

/** The day's rows in AbsenceDay against the day summed afresh for every student with a lesson on it: rows in one and not the other. */
async function differences(prisma: PrismaClient, date: string): Promise<{ kept: number; differing: number }> {
  const [row] = await prisma.$queryRaw<{ kept: number; differing: number }[]>`
    WITH p AS (
      SELECT array_agg(x."studentId") AS students, array_agg(x.date) AS dates FROM (
        SELECT DISTINCT m."studentId", l.date FROM "Lesson" l
        JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
        WHERE l.date = ${date}::date
      ) x
    ),
    summed AS (SELECT f.* FROM p CROSS JOIN LATERAL absence_day_figures(p.students, p.dates, 'infinity') f),
    kept AS (SELECT * FROM "AbsenceDay" WHERE date = ${date}::date)
    SELECT (SELECT count(*) FROM kept)::int AS kept,
           ((SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM summed) a)
            + (SELECT count(*) FROM (SELECT * FROM summed EXCEPT ALL SELECT * FROM kept) b))::int AS differing`;
  if (!row) throw new Error('no row');
  return row;
}

describe.each(DATABASE_KINDS)('the days of the absence figures on %s', (kind) => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    if (server) await removeTestDatabase(server.location);
  });

  it("today's roll call is summed live, not kept; the next day's server settles the day as the live sum counted it", async () => {
    // Wednesday 25 November, 10:30: the seed settled every day before it.
    const wednesday = await startTestServer(kind, { keepDatabase: true });
    server = wednesday;
    const today = wednesday.today;
    expect(await settledBefore(wednesday.db.prisma)).toBe(today);
    expect(await differences(wednesday.db.prisma, '2026-11-24')).toEqual({ kept: expect.any(Number), differing: 0 });
    expect((await differences(wednesday.db.prisma, '2026-11-24')).kept).toBeGreaterThan(0);

    const guardian = await loggedIn(wednesday, 'vardnadshavare');
    const child = await firstChild(wednesday, guardian, 'vardnadshavare');
    const lesson = await lessonOf(wednesday, child.id, today);
    await takeRollCall(await loggedIn(wednesday, lesson.username), lesson.id, { [child.id]: { status: 'ABSENT' } });
    expect(await wednesday.db.prisma.absenceDay.count({ where: { date: dateValue(today) } })).toBe(0);
    expect(await wednesday.db.prisma.absenceClassDay.count({ where: { date: dateValue(today) } })).toBe(0);
    const range = { period: 'CUSTOM', from: today, to: today };
    type Total = { total: { lessons: number; absentMinutes: number; recordedMinutes: number } };
    const live = await guardian.request<{ studentAbsenceStatistics: Total }>(STUDENT, { s: child.id, range });
    expect(live.errors).toBeUndefined();
    const liveTotal = live.data!.studentAbsenceStatistics.total;
    expect(liveTotal.absentMinutes).toBeGreaterThan(0);
    await wednesday.stop();

    // Thursday 07:40: the server settles Wednesday when it starts; Wednesday's figures now come from the tables.
    server = await startTestServer(kind, { database: wednesday.location, env: { INSYN_CLOCK_START: '2026-11-26T06:40:00Z' } });
    const thursday = server;
    await eventually(async () => ((await settledBefore(thursday.db.prisma)) === '2026-11-26' ? true : undefined), 'Wednesday settled');
    const settled = await differences(thursday.db.prisma, today);
    expect(settled.differing).toBe(0);
    expect(settled.kept).toBeGreaterThan(0);
    const kept = await loggedIn(thursday, 'vardnadshavare');
    const read = await kept.request<{ studentAbsenceStatistics: Total }>(STUDENT, { s: child.id, range });
    expect(read.errors).toBeUndefined();
    const keptTotal = read.data!.studentAbsenceStatistics.total;
    // All of Wednesday's lessons have ended now (more lessons than at 10:30); the absence and the roll calls are the same.
    expect(keptTotal.absentMinutes).toBe(liveTotal.absentMinutes);
    expect(keptTotal.recordedMinutes).toBe(liveTotal.recordedMinutes);
    expect(keptTotal.lessons).toBeGreaterThanOrEqual(liveTotal.lessons);
  });
});

describe.each(DATABASE_KINDS)('days not yet settled on %s', (kind) => {
  let server: TestServer | undefined;
  afterAll(() => server?.stop());

  it('are summed live with the same figures, for a week of them, and settled again one by one', async () => {
    server = await startTestServer(kind);
    const { prisma } = server.db;
    const [{ schoolId } = { schoolId: '' }] = await prisma.$queryRaw<{ schoolId: string }[]>`
      SELECT "schoolId" FROM "AbsenceClassDay" GROUP BY "schoolId" ORDER BY count(*) DESC LIMIT 1`;
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId }));
    const range = { period: 'CUSTOM', from: '2026-08-17', to: server.today };
    const read = async () => {
      const result = await principal.request<{ schoolAbsenceStatistics: unknown }>(SCHOOL, { s: schoolId, range });
      expect(result.errors).toBeUndefined();
      return result.data!.schoolAbsenceStatistics;
    };
    const settled = await read();
    // The processes were down for a week: its days are not in the tables, and the statistics sum them live.
    const weekAgo = '2026-11-18';
    await prisma.$executeRaw`UPDATE "AbsenceDaySettlement" SET "settledBefore" = ${weekAgo}::date`;
    await prisma.$executeRaw`DELETE FROM "AbsenceDay" WHERE date >= ${weekAgo}::date`;
    await prisma.$executeRaw`DELETE FROM "AbsenceClassDay" WHERE date >= ${weekAgo}::date`;
    expect(await read()).toEqual(settled);
    expect(await settleDays(prisma, server.today)).toBe(server.today);
    for (const day of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']) {
      const again = await differences(prisma, day);
      expect(again.differing, day).toBe(0);
      expect(again.kept, day).toBeGreaterThan(0);
    }
    expect(await read()).toEqual(settled);
  });
});

describe('the settlement of a day on postgres', () => {
  let server: TestServer | undefined;
  afterAll(() => server?.stop());

  it('waits for a change under way to the day, and keeps the day with the change', async () => {
    server = await startTestServer('postgres');
    const { prisma, location } = server.db;
    if (location.kind !== 'postgres') throw new Error('not on PostgreSQL');
    const [lesson] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT l.id FROM "Lesson" l WHERE l.date = ${server.today}::date AND l.status = 'SCHEDULED'
        AND EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."groupId" = l."groupId") ORDER BY l."startsAt", l.id LIMIT 1`;
    if (!lesson) throw new Error('no lesson today');
    const other = new pg.Client({ connectionString: location.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE "Lesson" SET status = 'CANCELLED' WHERE id = $1`, [lesson.id]);
      const settling = settleDays(prisma, '2026-11-26');
      await eventually(async () => {
        const [waiting] = await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%absence_day_settle%'`;
        return waiting && waiting.n > 0 ? true : undefined;
      }, 'the settlement waiting for the change');
      await other.query('COMMIT');
      expect(await settling).toBe('2026-11-26');
    } finally {
      await other.end();
    }
    const settled = await differences(prisma, server.today);
    expect(settled).toEqual({ kept: expect.any(Number), differing: 0 });
    expect(settled.kept).toBeGreaterThan(0);
  });
});
