// Lessons without a roll call through the API (PGlite only: the SQL is the statistics' and is run on
// PostgreSQL by statistics.test.ts): the list equals a plain loop over the seeded rows and the class's
// notTakenLessons, a roll call taken takes the lesson off it, and each scope is only for those who may see it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, type Child } from '../../test/fixtures.ts';

const MISSING = `query($scope: MissingRollCallScope!, $range: StatisticsRangeInput!, $locale: Locale) {
  lessonsWithoutRollCall(scope: $scope, range: $range, locale: $locale) {
    from to truncated
    lessons { lessonId date startsAt endsAt subjectCode subjectName groupName teacherNames missingStudents mayTakeNow }
  } }`;
const CLASS_NOT_TAKEN = `query($c: ID!, $range: StatisticsRangeInput!) { classAbsenceStatistics(classId: $c, range: $range) { total { notTakenLessons } } }`;
const SCHOOL_NOT_TAKEN = `query($s: ID!, $range: StatisticsRangeInput!) { schoolAbsenceStatistics(schoolId: $s, range: $range) { total { notTakenLessons } } }`;
const ROLL_CALL = `query($id: ID!) { rollCall(lessonId: $id) { students { id } } }`;
const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }`;

interface Missing {
  lessonId: string;
  date: string;
  startsAt: string;
  subjectCode: string;
  subjectName: string;
  groupName: string;
  teacherNames: string[];
  missingStudents: number;
  mayTakeNow: boolean;
}
interface MissingData {
  lessonsWithoutRollCall: { from: string; to: string; truncated: boolean; lessons: Missing[] };
}

describe('lessons without a roll call', () => {
  let server: TestServer;
  let guardian: TestClient;
  let mentor: TestClient;
  let child: Child;
  // Up to yesterday, so that no lesson ends while the test runs.
  const range = { period: 'CUSTOM', from: '2026-08-17', to: '2026-11-24' };

  beforeAll(async () => {
    server = await startTestServer('pglite');
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
  });
  afterAll(() => server?.stop());

  const list = async (client: TestClient, scope: Record<string, unknown>, over: Record<string, unknown> = range) => {
    const result = await client.request<MissingData>(MISSING, { scope, range: over });
    expect(result.errors).toBeUndefined();
    return result.data!.lessonsWithoutRollCall;
  };

  /** The reference: per lesson, the students (of `studentIds`, if given) in its group that day without an attendance row. */
  async function expected(where: { studentIds?: string[]; staffId?: string }) {
    const prisma = server.db.prisma;
    const memberships = await prisma.groupMembership.findMany({ where: where.studentIds ? { studentId: { in: where.studentIds } } : {} });
    const lessons = await prisma.lesson.findMany({
      where: {
        date: { gte: new Date(range.from), lte: new Date(range.to) },
        ...(where.studentIds ? { groupId: { in: [...new Set(memberships.map((m) => m.groupId))] } } : {}),
        ...(where.staffId ? { teachers: { some: { staffId: where.staffId } } } : {}),
      },
      select: { id: true, groupId: true, date: true, status: true, endsAt: true },
    });
    const taken = await prisma.attendance.findMany({
      where: { lessonId: { in: lessons.map((l) => l.id) } },
      select: { lessonId: true, studentId: true },
    });
    const marked = new Set(taken.map((row) => `${row.lessonId}:${row.studentId}`));
    const missing = new Map<string, number>();
    for (const lesson of lessons) {
      if (lesson.status !== 'SCHEDULED' || lesson.endsAt > server.clock()) continue;
      const count = memberships.filter(
        (m) =>
          m.groupId === lesson.groupId &&
          m.validFrom <= lesson.date &&
          (m.validTo === null || m.validTo >= lesson.date) &&
          !marked.has(`${lesson.id}:${m.studentId}`),
      ).length;
      if (count > 0) missing.set(lesson.id, count);
    }
    return missing;
  }

  const asMap = (lessons: Missing[]) => new Map(lessons.map((lesson) => [lesson.lessonId, lesson.missingStudents]));

  it("a class: the list equals the plain loop and adds up to the class's notTakenLessons", async () => {
    const found = await list(mentor, { classId: child.classId });
    expect(found).toMatchObject({ from: range.from, to: range.to, truncated: false });
    const members = await server.db.prisma.groupMembership.findMany({
      where: {
        groupId: child.classId,
        validFrom: { lte: new Date(range.to) },
        OR: [{ validTo: null }, { validTo: { gte: new Date(range.from) } }],
      },
      select: { studentId: true },
    });
    const reference = await expected({ studentIds: members.map((m) => m.studentId) });
    // The seed leaves roll calls untaken: the comparison is not empty.
    expect(reference.size).toBeGreaterThan(0);
    expect(asMap(found.lessons)).toEqual(reference);
    const stats = await mentor.request<{ classAbsenceStatistics: { total: { notTakenLessons: number } } }>(CLASS_NOT_TAKEN, {
      c: child.classId,
      range,
    });
    const sum = found.lessons.reduce((acc, lesson) => acc + lesson.missingStudents, 0);
    expect(sum).toBe(stats.data!.classAbsenceStatistics.total.notTakenLessons);
    // Latest first; the class's mentor may take every one of them late (with a reason).
    const starts = found.lessons.map((lesson) => lesson.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(found.lessons.every((lesson) => lesson.mayTakeNow && lesson.teacherNames.length > 0 && lesson.subjectName)).toBe(true);
  });

  it('subject names follow the locale asked for', async () => {
    const [first] = (await list(mentor, { classId: child.classId })).lessons;
    const subject = await server.db.prisma.subject.findFirstOrThrow({
      where: { code: first!.subjectCode },
      select: { nameSv: true, nameEn: true },
    });
    expect(first!.subjectName).toBe(subject.nameSv);
    const english = await mentor.request<MissingData>(MISSING, { scope: { classId: child.classId }, range, locale: 'en' });
    expect(english.data!.lessonsWithoutRollCall.lessons[0]!.subjectName).toBe(subject.nameEn);
  });

  it('taking the roll call of a listed lesson takes it off the list', async () => {
    const [lesson] = (await list(mentor, { classId: child.classId })).lessons;
    const students = (await mentor.request<{ rollCall: { students: { id: string }[] } }>(ROLL_CALL, { id: lesson!.lessonId })).data!
      .rollCall.students;
    const saved = await mentor.request<{ saveRollCall: { applied: boolean } }>(SAVE, {
      input: {
        submissionId: randomUUID(),
        lessonId: lesson!.lessonId,
        entries: students.map((student) => ({ studentId: student.id, status: 'PRESENT' })),
        reason: 'Närvaron fördes på papper och läggs in i efterhand',
      },
    });
    expect(saved.data?.saveRollCall.applied).toBe(true);
    const after = await list(mentor, { classId: child.classId });
    expect(after.lessons.map((row) => row.lessonId)).not.toContain(lesson!.lessonId);
  });

  it("a teacher's own lessons: mine, taken now only on the lesson's day", async () => {
    // A teacher who is neither mentor nor administrator, of some lesson missing a roll call.
    const [row] = await server.db.prisma.$queryRaw<{ username: string; staffId: string }[]>`
      SELECT a.username, a."staffId"::text AS "staffId" FROM "LessonTeacher" lt
      JOIN "Lesson" l ON l.id = lt."lessonId" AND l.status = 'SCHEDULED' AND l.date BETWEEN ${range.from}::date AND ${range.to}::date
      JOIN "UserAccount" a ON a."staffId" = lt."staffId"
      WHERE NOT EXISTS (SELECT 1 FROM "StaffDuty" d WHERE d."staffId" = lt."staffId" AND d.kind IN ('MENTOR', 'ADMINISTRATOR'))
        AND EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."groupId" = l."groupId" AND m."validFrom" <= l.date
                      AND (m."validTo" IS NULL OR m."validTo" >= l.date)
                      AND NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."lessonId" = l.id AND x."studentId" = m."studentId"))
      ORDER BY a.username LIMIT 1`;
    const teacher = await loggedIn(server, row!.username);
    const found = await list(teacher, { mine: true });
    expect(found.lessons.length).toBeGreaterThan(0);
    expect(asMap(found.lessons)).toEqual(await expected({ staffId: row!.staffId }));
    // Every lesson in the range is from before today: too late for a teacher.
    expect(found.lessons.some((lesson) => lesson.mayTakeNow)).toBe(false);
    // Today's lessons that have ended by 10:30 may still be taken by their teacher.
    const today = await list(teacher, { mine: true }, { period: 'CUSTOM', from: server.today, to: server.today });
    expect(today.lessons.every((lesson) => lesson.date === server.today && lesson.mayTakeNow)).toBe(true);
  });

  it('a school: the principal sees the sum of its notTakenLessons', async () => {
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const found = await list(principal, { schoolId: child.schoolId });
    const stats = await principal.request<{ schoolAbsenceStatistics: { total: { notTakenLessons: number } } }>(SCHOOL_NOT_TAKEN, {
      s: child.schoolId,
      range,
    });
    const total = stats.data!.schoolAbsenceStatistics.total.notTakenLessons;
    const sum = found.lessons.reduce((acc, lesson) => acc + lesson.missingStudents, 0);
    if (found.truncated) expect(sum).toBeLessThan(total);
    else expect(sum).toBe(total);
    // A principal is no roll-call taker of lessons that are not theirs.
    expect(found.lessons.some((lesson) => lesson.mayTakeNow)).toBe(false);
  });

  it('each scope only for those who may see it', async () => {
    const elev = await loggedIn(server, 'elev');
    const otherClass = await server.db.prisma.group.findFirstOrThrow({
      where: { kind: 'CLASS', schoolId: child.schoolId, id: { not: child.classId }, duties: { some: { kind: 'MENTOR' } } },
      select: { id: true },
    });
    const otherMentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: otherClass.id }));
    const refused = async (client: TestClient, scope: Record<string, unknown>) =>
      errorCode(await client.request(MISSING, { scope, range }));
    // The family is refused the staff field itself (graphql/guard.ts).
    for (const client of [guardian, elev]) expect(await refused(client, { classId: child.classId })).toBe('FORBIDDEN');
    expect(await refused(otherMentor, { classId: child.classId })).toBe('NOT_FOUND');
    expect(await refused(mentor, { schoolId: child.schoolId })).toBe('NOT_FOUND');
    expect(await refused(mentor, { classId: randomUUID() })).toBe('NOT_FOUND');
    expect(await refused(mentor, { classId: 'not-an-id' })).toBe('NOT_FOUND');
    expect(await refused(guardian, { mine: true })).toBe('FORBIDDEN');
  });

  it('bad ranges and scopes are refused', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ period: 'CUSTOM', from: '2026-11-24', to: '2026-08-17' }, 'END_BEFORE_START'],
      [{ period: 'CUSTOM', from: '2024-08-17', to: '2026-11-24' }, 'TOO_LONG'],
      [{ period: 'CUSTOM', from: '2026-11-31', to: '2026-12-01' }, 'INVALID_DATE'],
      [{ period: 'CUSTOM' }, 'RANGE_REQUIRED'],
    ];
    for (const [badRange, problem] of bad) {
      const result = await mentor.request(MISSING, { scope: { classId: child.classId }, range: badRange });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.problems).toEqual([problem]);
    }
    for (const scope of [
      {},
      { mine: false },
      { classId: child.classId, mine: true },
      { classId: child.classId, schoolId: child.schoolId },
    ]) {
      expect(errorCode(await mentor.request(MISSING, { scope, range })), JSON.stringify(scope)).toBe('BAD_USER_INPUT');
    }
  });
});
