// Finding things in the seeded demo school for tests: a guardian's child, its lessons, who teaches them.
import { randomUUID } from 'node:crypto';
import type { TestClient, TestServer } from './harness.ts';

export const ME_STUDENTS = `{ me { students { id firstName } } }`;

export interface Child {
  id: string;
  firstName: string;
  classId: string;
  schoolId: string;
  guardianId: string;
}

/** The first child of a logged-in guardian (or the logged-in student), with class and school. */
export async function firstChild(server: TestServer, client: TestClient, username: string): Promise<Child> {
  const me = await client.request<{ me: { students: { id: string }[] } }>(ME_STUDENTS);
  const id = me.data?.me.students[0]?.id;
  if (!id) throw new Error(`${username} has no students`);
  const student = await server.db.prisma.student.findUniqueOrThrow({
    where: { id },
    select: { firstName: true, schoolId: true, memberships: { where: { group: { kind: 'CLASS' } }, select: { groupId: true } } },
  });
  const account = await server.db.prisma.userAccount.findUniqueOrThrow({ where: { username }, select: { guardianId: true } });
  return {
    id,
    firstName: student.firstName,
    classId: student.memberships[0]?.groupId ?? '',
    schoolId: student.schoolId,
    guardianId: account.guardianId ?? '',
  };
}

/** A scheduled lesson of the student on `date`, with the username of one of its teachers. */
export async function lessonOf(server: TestServer, studentId: string, date: string, index = 0) {
  const lessons = await server.db.prisma.$queryRaw<{ id: string; username: string; startsAt: Date }[]>`
    SELECT l.id, min(a.username) AS username, l."startsAt"
    FROM "GroupMembership" m
    JOIN "Lesson" l ON l."groupId" = m."groupId" AND l.date = ${date}::date AND l.status = 'SCHEDULED'
    JOIN "LessonTeacher" lt ON lt."lessonId" = l.id
    JOIN "UserAccount" a ON a."staffId" = lt."staffId"
    WHERE m."studentId" = ${studentId}::uuid AND m."validFrom" <= l.date AND (m."validTo" IS NULL OR m."validTo" >= l.date)
    GROUP BY l.id, l."startsAt" ORDER BY l."startsAt", l.id`;
  const lesson = lessons[index];
  if (!lesson) throw new Error(`student ${studentId} has fewer than ${index + 1} lessons on ${date}`);
  return lesson;
}

const ROLL_CALL_STUDENTS = `query($id: ID!) { rollCall(lessonId: $id) { students { id validReason status } } }`;
const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied changedCount } }`;

/** Saves a roll call with everyone present except the given marks. */
export async function takeRollCall(
  teacher: TestClient,
  lessonId: string,
  marks: Record<string, { status: 'ABSENT' | 'LATE' | 'PRESENT'; lateMinutes?: number }>,
) {
  const rollCall = await teacher.request<{ rollCall: { students: { id: string }[] } }>(ROLL_CALL_STUDENTS, { id: lessonId });
  const students = rollCall.data?.rollCall.students;
  if (!students) throw new Error(`roll call not readable: ${JSON.stringify(rollCall.errors)}`);
  const entries = students.map((student) => ({ studentId: student.id, status: 'PRESENT', ...marks[student.id] }));
  const saved = await teacher.request<{ saveRollCall: { applied: boolean } }>(SAVE, {
    input: { submissionId: randomUUID(), lessonId, entries },
  });
  if (!saved.data?.saveRollCall.applied) throw new Error(`roll call not saved: ${JSON.stringify(saved.errors)}`);
}

export const CONTACT_FIELDS = 'guardianId firstName bySms byEmail mobilePhone email locale changedAt changedByStaff';
export const UPDATE_MY_CONTACT = `mutation($input: ContactPreferencesInput!) { updateMyContactPreferences(input: $input) { ${CONTACT_FIELDS} } }`;

/** The guardian wants SMS and e-mail, in Swedish. */
export async function optIn(guardian: TestClient, phone = '070-123 45 67', email = 'hem@example.se') {
  const result = await guardian.request(UPDATE_MY_CONTACT, {
    input: { bySms: true, byEmail: true, mobilePhone: phone, email, locale: 'sv' },
  });
  if (result.errors) throw new Error(`opt-in failed: ${JSON.stringify(result.errors)}`);
}
