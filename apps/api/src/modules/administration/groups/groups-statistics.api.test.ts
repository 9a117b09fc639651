// Statistics follow the moves the administration makes possible (issue 13, part 4), each checked against
// a count made here from the membership rows: the CSN list names the class the student was in during
// the month; an overlapping membership is refused by the API and the database, so no lesson counts
// twice; the school view counts the distinct students of a class, once for one who left and came back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DATABASE, loggedIn, startTestServer, type TestClient, type TestServer } from '../../../test/harness.ts';

const CSN =
  'query($s: ID!, $m: String!) { csnReport(schoolId: $s, month: $m) { students { studentId className unexcusedAbsentMinutes } } }';
const SCHOOL = `query($s: ID!, $range: StatisticsRangeInput!) { schoolAbsenceStatistics(schoolId: $s, range: $range) {
  byClass { classId className students } } }`;
const STUDENT = `query($s: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $s, range: $range) {
  total { lessons scheduledMinutes } } }`;
const MOVE = 'mutation($input: ClassMoveInput!) { moveToClass(input: $input) { id } }';
const END = 'mutation($input: MembershipEndInput!) { endMembership(input: $input) { id } }';
const ENROL = 'mutation($input: EnrolmentInput!) { enrolInGroup(input: $input) { id } }';

interface CsnStudent {
  studentId: string;
  className: string | null;
  unexcusedAbsentMinutes: number;
}

const monthSpan = (month: string) => {
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 1);
  to.setUTCDate(0);
  return { from, to };
};

describe.each(SERVER_DATABASE)('statistics after administrative moves, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  const range = { period: 'CUSTOM', from: '2026-08-17', to: '2026-11-24' };

  const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await admin.request<T>(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data as T;
  };
  const csn = async (schoolId: string, month: string) =>
    (await ok<{ csnReport: { students: CsnStudent[] } }>(CSN, { s: schoolId, m: month })).csnReport.students;

  /** The reference: of the student's classes in the school in force on some day of the month, the one that began last. */
  async function classInMonth(studentId: string, schoolId: string, month: string): Promise<string | null> {
    const { from, to } = monthSpan(month);
    const memberships = await server.db.prisma.groupMembership.findMany({
      where: { studentId, group: { kind: 'CLASS', schoolId } },
      include: { group: true },
    });
    const during = memberships.filter((m) => m.validFrom <= to && (m.validTo === null || m.validTo >= from));
    during.sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
    return during[0]?.group.name ?? null;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
  });
  afterAll(() => server?.stop());

  it('the CSN list names the class the student was in during the month: the new one after a move, none after leaving', async () => {
    const prisma = server.db.prisma;
    const school = await prisma.school.findFirstOrThrow({
      where: { form: 'UPPER_SECONDARY', organisation: { staff: { some: { account: { username: 'admin' } } } } },
    });
    const listed = (await csn(school.id, '2026-10')).sort((a, b) => b.unexcusedAbsentMinutes - a.unexcusedAbsentMinutes);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const [mover, leaver] = listed as [CsnStudent, CsnStudent];
    const classOf = (studentId: string) =>
      prisma.groupMembership.findFirstOrThrow({
        where: { studentId, validTo: null, group: { kind: 'CLASS', schoolId: school.id } },
        include: { group: true },
      });
    const moving = await classOf(mover.studentId);
    const leaving = await classOf(leaver.studentId);
    const target = await prisma.group.findFirstOrThrow({
      where: { kind: 'CLASS', schoolId: school.id, schoolYearId: moving.group.schoolYearId, id: { not: moving.groupId } },
    });

    await ok(MOVE, { input: { membershipId: moving.id, toGroupId: target.id, fromDate: '2026-10-29' } });
    await ok(END, { input: { membershipId: leaving.id, validTo: '2026-09-30' } });

    for (const month of ['2026-09', '2026-10', '2026-11']) {
      for (const student of await csn(school.id, month)) {
        expect(student.className, `${month} ${student.studentId}`).toBe(await classInMonth(student.studentId, school.id, month));
      }
    }
    const october = await csn(school.id, '2026-10');
    expect(october.find((s) => s.studentId === mover.studentId)?.className).toBe(target.name);
    expect(october.find((s) => s.studentId === leaver.studentId)?.className).toBeNull();
    const september = await csn(school.id, '2026-09');
    const named = new Map(september.map((s) => [s.studentId, s.className]));
    if (named.has(mover.studentId)) expect(named.get(mover.studentId)).toBe(moving.group.name);
    if (named.has(leaver.studentId)) expect(named.get(leaver.studentId)).toBe(leaving.group.name);
  });

  it('an overlapping membership is refused by the API and by the database, so no lesson is counted twice', async () => {
    const prisma = server.db.prisma;
    const membership = await prisma.groupMembership.findFirstOrThrow({
      where: {
        validTo: null,
        validFrom: { lte: new Date(range.from) },
        group: { kind: 'TEACHING', school: { organisation: { staff: { some: { account: { username: 'admin' } } } } } },
      },
      orderBy: { id: 'asc' },
    });
    const refused = await admin.request(ENROL, {
      input: { groupId: membership.groupId, studentId: membership.studentId, validFrom: '2026-10-01' },
    });
    expect(refused.errors?.[0]?.extensions?.problems).toEqual([{ field: 'validFrom', code: 'OVERLAPS' }]);
    const inserted = await prisma.groupMembership
      .create({ data: { groupId: membership.groupId, studentId: membership.studentId, validFrom: new Date('2026-10-01') } })
      .then(
        () => 'inserted',
        (error: unknown) => JSON.stringify(error),
      );
    expect(inserted).toContain('23P01');
    expect(await prisma.groupMembership.count({ where: { groupId: membership.groupId, studentId: membership.studentId } })).toBe(1);

    // The reference: the distinct lessons of the student's groups on the days of each membership.
    const memberships = await prisma.groupMembership.findMany({ where: { studentId: membership.studentId } });
    const lessons = new Set<string>();
    for (const m of memberships) {
      const rows = await prisma.lesson.findMany({
        where: {
          groupId: m.groupId,
          status: 'SCHEDULED',
          endsAt: { lte: server.clock() },
          date: {
            gte: new Date(Math.max(m.validFrom.getTime(), Date.parse(range.from))),
            lte: m.validTo && m.validTo < new Date(range.to) ? m.validTo : new Date(range.to),
          },
        },
        select: { id: true },
      });
      for (const row of rows) lessons.add(row.id);
    }
    const figures = await ok<{ studentAbsenceStatistics: { total: { lessons: number } } }>(STUDENT, { s: membership.studentId, range });
    expect(figures.studentAbsenceStatistics.total.lessons).toBe(lessons.size);
  });

  it("the school view counts a class's distinct students: one who left and came back counts once", async () => {
    const prisma = server.db.prisma;
    const school = await prisma.school.findFirstOrThrow({
      where: { form: 'COMPULSORY', organisation: { staff: { some: { account: { username: 'admin' } } } } },
    });
    const membership = await prisma.groupMembership.findFirstOrThrow({
      where: { validTo: null, validFrom: { lte: new Date(range.from) }, group: { kind: 'CLASS', schoolId: school.id } },
      orderBy: { id: 'asc' },
    });
    await ok(END, { input: { membershipId: membership.id, validTo: '2026-09-30' } });
    await ok(ENROL, { input: { groupId: membership.groupId, studentId: membership.studentId, validFrom: '2026-10-15' } });
    expect(await prisma.groupMembership.count({ where: { groupId: membership.groupId, studentId: membership.studentId } })).toBe(2);

    const view = await ok<{ schoolAbsenceStatistics: { byClass: { classId: string; students: number }[] } }>(SCHOOL, {
      s: school.id,
      range,
    });
    expect(view.schoolAbsenceStatistics.byClass.length).toBeGreaterThan(0);
    for (const row of view.schoolAbsenceStatistics.byClass) {
      const members = await prisma.groupMembership.findMany({
        where: {
          groupId: row.classId,
          validFrom: { lte: new Date(range.to) },
          OR: [{ validTo: null }, { validTo: { gte: new Date(range.from) } }],
        },
        select: { studentId: true },
      });
      expect(row.students, row.classId).toBe(new Set(members.map((m) => m.studentId)).size);
    }
    expect(view.schoolAbsenceStatistics.byClass.map((row) => row.classId)).toContain(membership.groupId);
  });
});
