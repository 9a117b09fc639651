// Rule 9 from the outside: a student with protected identity (skyddad personuppgift) is named in their class's
// list only to staff with a duty for them and to their own family. A substitute teacher's duty is the lesson:
// they see the student in that lesson's roll call, which they could not take otherwise, and in nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, lessonOf, type Child } from '../../test/fixtures.ts';

const GROUP = `query($id: ID!) { group(id: $id) { id students { id firstName lastName } } }`;
const ROLL_CALL = `query($id: ID!) { rollCall(lessonId: $id) { students { id firstName lastName className } } }`;

interface GroupData {
  group: { id: string; students: { id: string }[] };
}

describe('protected identity in class lists and the roll call', () => {
  let server: TestServer;
  let child: Child;
  /** the guardian of `child`, a classmate's guardian as far as the protected student goes */
  let guardian: TestClient;
  /** a classmate of `child` whose identity is protected, and one of their guardians with an account */
  let protectedStudent: { id: string; guardianUsername: string; studentUsername: string };
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    const [classmate] = await prisma().$queryRaw<{ id: string; guardianUsername: string; studentUsername: string }[]>`
      SELECT s.id, min(ga.username) AS "guardianUsername", min(sa.username) AS "studentUsername"
      FROM "GroupMembership" m
      JOIN "Student" s ON s.id = m."studentId"
      JOIN "UserAccount" sa ON sa."studentId" = s.id
      JOIN "Guardianship" gs ON gs."studentId" = s.id
      JOIN "UserAccount" ga ON ga."guardianId" = gs."guardianId"
      WHERE m."groupId" = ${child.classId}::uuid AND s.id <> ${child.id}::uuid
        AND m."validFrom" <= ${server.today}::date AND (m."validTo" IS NULL OR m."validTo" >= ${server.today}::date)
        AND NOT EXISTS (SELECT 1 FROM "Guardianship" own WHERE own."studentId" = ${child.id}::uuid AND own."guardianId" = gs."guardianId")
      GROUP BY s.id ORDER BY s.id LIMIT 1`;
    if (!classmate) throw new Error('no classmate with accounts for themself and a guardian');
    protectedStudent = classmate;
    await prisma().student.update({ where: { id: classmate.id }, data: { protectedIdentity: true } });
  });
  afterAll(() => server?.stop());

  const classList = async (client: TestClient, groupId = child.classId) => {
    const result = await client.request<GroupData>(GROUP, { id: groupId });
    expect(result.errors).toBeUndefined();
    return result.data!.group.students.map((student) => student.id);
  };

  it('leaves the protected student out of the class list a classmate and a classmate’s guardian read', async () => {
    const childAccount = await prisma().userAccount.findFirstOrThrow({ where: { studentId: child.id }, select: { username: true } });
    const classmate = await loggedIn(server, childAccount.username);
    for (const reader of [guardian, classmate]) {
      const ids = await classList(reader);
      expect(ids).toContain(child.id);
      expect(ids).not.toContain(protectedStudent.id);
    }
  });

  it('names the protected student to the mentor, the principal, their own guardian and themself', async () => {
    const [mentor, principal, ownGuardian, themself] = await Promise.all([
      staffUsername(server, 'MENTOR', { groupId: child.classId }).then((username) => loggedIn(server, username)),
      staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }).then((username) => loggedIn(server, username)),
      loggedIn(server, protectedStudent.guardianUsername),
      loggedIn(server, protectedStudent.studentUsername),
    ]);
    for (const reader of [mentor, principal, ownGuardian, themself]) expect(await classList(reader)).toContain(protectedStudent.id);
  });

  it('names the protected student to a substitute in the roll call of their lesson, and gives them no class list', async () => {
    const lesson = await lessonOf(server, protectedStudent.id, server.today);
    const { groupId } = await prisma().lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { groupId: true } });
    // A teacher of the school with no duty for any group the protected student is in, put on the lesson as its substitute.
    const memberOf = await prisma().groupMembership.findMany({ where: { studentId: protectedStudent.id }, select: { groupId: true } });
    const substitute = await prisma().userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { schoolId: child.schoolId } },
            none: { OR: [{ groupId: { in: memberOf.map((m) => m.groupId) } }, { kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } }] },
          },
        },
      },
      select: { username: true, staffId: true },
      orderBy: { username: 'asc' },
    });
    await prisma().lessonTeacher.create({ data: { lessonId: lesson.id, staffId: substitute.staffId! } });
    const client = await loggedIn(server, substitute.username);

    const rollCall = await client.request<{ rollCall: { students: { id: string; lastName: string }[] } }>(ROLL_CALL, { id: lesson.id });
    expect(rollCall.errors).toBeUndefined();
    expect(rollCall.data!.rollCall.students.map((student) => student.id)).toContain(protectedStudent.id);

    expect(errorCode(await client.request(GROUP, { id: groupId }))).toBe('NOT_FOUND');
    expect(errorCode(await client.request(GROUP, { id: child.classId }))).toBe('NOT_FOUND');
  });
});
