// Who may see what, tested from the outside: real logins, real GraphQL requests, per role.
import { isoWeekOf } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DATABASE, type TestClient, errorCode, loggedIn, startTestServer, type TestServer } from '../../test/harness.ts';

const SCHEDULE = `query($id: ID!, $week: IsoWeekInput!) {
  studentWeekSchedule(studentId: $id, week: $week) {
    isoYear isoWeek
    days { date weekday lessons { id date startsAt endsAt subjectCode subjectName room status changed originalStartsAt originalRoom changeNote teachers { name signature } } }
  }
}`;
const STUDENT = 'query($id: ID!) { student(id: $id) { id firstName lastName personalIdentityNumber isAdult className } }';
const GROUP =
  'query($id: ID!) { group(id: $id) { id name kind mentors { name } students { id firstName lastName personalIdentityNumber } } }';
const ME = '{ me { role duties students { id firstName className classId } } }';

interface Lesson {
  id: string;
  date: string;
  status: string;
  changed: boolean;
  originalStartsAt: string | null;
  originalRoom: string | null;
  subjectName: string;
  teachers: { name: string }[];
}
interface Schedule {
  studentWeekSchedule: { isoYear: number; isoWeek: number; days: { date: string; weekday: number; lessons: Lesson[] }[] };
}
type Me = {
  me: { role: string; duties: string[]; students: { id: string; firstName: string; className: string | null; classId: string | null }[] };
};

describe.each(SERVER_DATABASE)('who may see what, on %s', (kind) => {
  let server: TestServer;
  let week: { isoYear: number; isoWeek: number };
  const clients: Record<string, TestClient> = {};
  let elevId: string;
  let elevClassId: string;
  let childIds: string[];
  let otherFamilyChildId: string;
  let otherSchoolStudentId: string;
  let adultId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    week = isoWeekOf(server.today);
    for (const username of ['elev', 'vardnadshavare', 'mentor', 'larare', 'rektor', 'admin', 'myndig']) {
      clients[username] = await loggedIn(server, username);
    }
    const elevMe = (await clients.elev!.request<Me>(ME)).data!.me;
    elevId = elevMe.students[0]!.id;
    elevClassId = elevMe.students[0]!.classId!;
    childIds = (await clients.vardnadshavare!.request<Me>(ME)).data!.me.students.map((s) => s.id);
    const prisma = server.db.prisma;
    const guardian = await prisma.userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' } });
    const elevStudent = await prisma.student.findUniqueOrThrow({ where: { id: elevId } });
    otherFamilyChildId = (
      await prisma.student.findFirstOrThrow({
        where: { schoolId: elevStudent.schoolId, guardianships: { none: { guardianId: guardian.guardianId! } }, id: { not: elevId } },
      })
    ).id;
    // The other school of elev's own organisation (organisation-scope.api.test.ts has the other organisation).
    const elevSchool = await prisma.school.findUniqueOrThrow({ where: { id: elevStudent.schoolId } });
    otherSchoolStudentId = (
      await prisma.student.findFirstOrThrow({
        where: { schoolId: { not: elevStudent.schoolId }, school: { organisationId: elevSchool.organisationId } },
      })
    ).id;
    adultId = (await prisma.userAccount.findUniqueOrThrow({ where: { username: 'myndig' } })).studentId!;
  });
  afterAll(() => server?.stop());

  const schedule = (client: TestClient, id: string, w = week) => client.request<Schedule>(SCHEDULE, { id, week: w });

  describe('a student', () => {
    it('sees their own week, Monday to Friday, with lessons', async () => {
      const result = await schedule(clients.elev!, elevId);
      expect(result.errors).toBeUndefined();
      const data = result.data!.studentWeekSchedule;
      expect(data).toMatchObject(week);
      expect(data.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
      expect(data.days.flatMap((d) => d.lessons).length).toBeGreaterThan(10);
      for (const day of data.days) for (const lesson of day.lessons) expect(lesson.date).toBe(day.date);
    });

    it('gets the same NOT_FOUND for another student, an unknown id and a malformed id', async () => {
      const other = await schedule(clients.elev!, otherFamilyChildId);
      const unknown = await schedule(clients.elev!, '00000000-0000-4000-8000-000000000000');
      const malformed = await schedule(clients.elev!, "1' OR 1=1 --");
      for (const result of [other, unknown, malformed]) {
        expect(errorCode(result)).toBe('NOT_FOUND');
        expect(result.errors?.[0]?.message).toBe('Student not found');
        expect(result.data).toBeNull();
      }
    });

    it('sees the list of their own class, without personnummer, and not another class', async () => {
      const own = await clients.elev!.request<{ group: { students: { personalIdentityNumber: string | null }[]; mentors: unknown[] } }>(
        GROUP,
        { id: elevClassId },
      );
      expect(own.errors).toBeUndefined();
      expect(own.data!.group.students.length).toBeGreaterThan(5);
      expect(own.data!.group.students.every((s) => s.personalIdentityNumber === null)).toBe(true);
      expect(own.data!.group.mentors.length).toBeGreaterThan(0);
      const otherClass = await server.db.prisma.group.findFirstOrThrow({ where: { kind: 'CLASS', id: { not: elevClassId } } });
      expect(errorCode(await clients.elev!.request(GROUP, { id: otherClass.id }))).toBe('NOT_FOUND');
    });

    it('has no teaching schedule', async () => {
      const result = await clients.elev!.request('query($w: IsoWeekInput!) { myTeachingWeekSchedule(week: $w) { isoWeek } }', { w: week });
      expect(errorCode(result)).toBe('FORBIDDEN');
    });
  });

  describe('bad input', () => {
    it('answers a week out of range with BAD_USER_INPUT and writes nothing', async () => {
      const auditBefore = await server.db.prisma.auditEvent.count();
      for (const w of [
        { isoYear: 2026, isoWeek: 54 },
        { isoYear: 2027, isoWeek: 53 },
        { isoYear: 2026, isoWeek: 0 },
        { isoYear: 1999, isoWeek: 10 },
        { isoYear: 2150, isoWeek: 10 },
      ]) {
        expect(errorCode(await schedule(clients.elev!, elevId, w))).toBe('BAD_USER_INPUT');
      }
      expect(errorCode(await clients.elev!.request(SCHEDULE, { id: elevId, week: { isoYear: '2026', isoWeek: 'x' } }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await server.db.prisma.auditEvent.count()).toBe(auditBefore);
    });
  });

  describe('a guardian', () => {
    it('sees both children and can open each schedule', async () => {
      expect(childIds).toHaveLength(2);
      for (const id of childIds) expect((await schedule(clients.vardnadshavare!, id)).errors).toBeUndefined();
    });

    it("cannot open another family's child", async () => {
      expect(errorCode(await schedule(clients.vardnadshavare!, otherFamilyChildId))).toBe('NOT_FOUND');
      expect(errorCode(await clients.vardnadshavare!.request(STUDENT, { id: otherFamilyChildId }))).toBe('NOT_FOUND');
    });

    it("sees a child's class list but not another class's", async () => {
      const me = (await clients.vardnadshavare!.request<Me>(ME)).data!.me;
      const classId = me.students[0]!.classId!;
      expect((await clients.vardnadshavare!.request(GROUP, { id: classId })).errors).toBeUndefined();
      const otherClass = await server.db.prisma.group.findFirstOrThrow({
        where: { kind: 'CLASS', id: { notIn: me.students.map((s) => s.classId!) } },
      });
      expect(errorCode(await clients.vardnadshavare!.request(GROUP, { id: otherClass.id }))).toBe('NOT_FOUND');
    });
  });

  describe('an adult student and their guardians', () => {
    it('the guardian with consent sees the adult child; the other does not; a withdrawal counts at once', async () => {
      const prisma = server.db.prisma;
      const adult = await prisma.student.findUniqueOrThrow({
        where: { id: adultId },
        include: { guardianships: { include: { guardian: { include: { account: true } } } }, consents: { where: { withdrawnAt: null } } },
      });
      const consenting = adult.guardianships.find((g) => adult.consents.some((c) => c.guardianId === g.guardianId));
      const other = adult.guardianships.find((g) => g !== consenting);
      expect(consenting?.guardian.account).toBeTruthy();
      expect(other?.guardian.account).toBeTruthy();
      const withConsent = await loggedIn(server, consenting!.guardian.account!.username);
      const without = await loggedIn(server, other!.guardian.account!.username);

      expect((await schedule(withConsent, adultId)).errors).toBeUndefined();
      expect((await withConsent.request<Me>(ME)).data!.me.students.map((s) => s.id)).toContain(adultId);
      expect(errorCode(await schedule(without, adultId))).toBe('NOT_FOUND');
      expect((await without.request<Me>(ME)).data!.me.students.map((s) => s.id)).not.toContain(adultId);

      await prisma.guardianConsent.updateMany({ where: { studentId: adultId, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
      expect(errorCode(await schedule(withConsent, adultId))).toBe('NOT_FOUND');
      expect((await schedule(clients.myndig!, adultId)).errors).toBeUndefined();
    });
  });

  describe('staff', () => {
    it('a teacher sees the students of their teaching groups by name, without personnummer, and no one else', async () => {
      const groups = (await clients.larare!.request<{ myGroups: { id: string; kind: string }[] }>('{ myGroups { id kind studentCount } }'))
        .data!.myGroups;
      expect(groups.length).toBeGreaterThan(0);
      const group = await clients.larare!.request<{ group: { students: { id: string; personalIdentityNumber: string | null }[] } }>(GROUP, {
        id: groups[0]!.id,
      });
      const member = group.data!.group.students[0]!;
      expect(member.personalIdentityNumber).toBeNull();
      const student = await clients.larare!.request<{ student: { personalIdentityNumber: string | null } }>(STUDENT, { id: member.id });
      expect(student.data!.student.personalIdentityNumber).toBeNull();
      expect((await schedule(clients.larare!, member.id)).errors).toBeUndefined();
      expect(errorCode(await clients.larare!.request(STUDENT, { id: otherSchoolStudentId }))).toBe('NOT_FOUND');
    });

    it('a mentor sees their class with personnummer', async () => {
      const result = await clients.mentor!.request<{ group: { students: { personalIdentityNumber: string | null }[] } }>(GROUP, {
        id: elevClassId,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.group.students.every((s) => /^\d{8}-\d{4}$/.test(s.personalIdentityNumber ?? ''))).toBe(true);
      const student = await clients.mentor!.request<{ student: { personalIdentityNumber: string } }>(STUDENT, { id: elevId });
      expect(student.data!.student.personalIdentityNumber).toMatch(/^\d{8}-\d{4}$/);
    });

    it("a principal sees their own school's students and not the other school's", async () => {
      expect((await clients.rektor!.request(STUDENT, { id: elevId })).errors).toBeUndefined();
      expect(errorCode(await clients.rektor!.request(STUDENT, { id: otherSchoolStudentId }))).toBe('NOT_FOUND');
    });

    it('an administrator sees every school of the organisation', async () => {
      for (const id of [elevId, otherSchoolStudentId, adultId]) {
        expect((await clients.admin!.request(STUDENT, { id })).errors).toBeUndefined();
      }
    });

    it('a teacher sees their own teaching week', async () => {
      const result = await clients.larare!.request<{ myTeachingWeekSchedule: { days: { lessons: Lesson[] }[] } }>(
        'query($w: IsoWeekInput!) { myTeachingWeekSchedule(week: $w) { days { lessons { id teachers { signature } } } } }',
        { w: week },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.myTeachingWeekSchedule.days.flatMap((d) => d.lessons).length).toBeGreaterThan(0);
    });
  });

  describe('the schedule', () => {
    it('marks cancelled and moved lessons', async () => {
      const prisma = server.db.prisma;
      const memberships = await prisma.groupMembership.findMany({ where: { studentId: elevId } });
      const groupIds = memberships.map((m) => m.groupId);
      const cancelled = await prisma.lesson.findFirst({ where: { groupId: { in: groupIds }, status: 'CANCELLED' } });
      const moved = await prisma.lesson.findFirst({
        where: { groupId: { in: groupIds }, status: 'SCHEDULED', originalStartsAt: { not: null } },
      });
      expect(cancelled, 'the demo data has a cancelled lesson for elev').toBeTruthy();
      expect(moved, 'the demo data has a moved lesson for elev').toBeTruthy();

      const cancelledWeek = isoWeekOf(cancelled!.date.toISOString().slice(0, 10));
      const lessons = (await schedule(clients.elev!, elevId, cancelledWeek)).data!.studentWeekSchedule.days.flatMap((d) => d.lessons);
      expect(lessons.find((l) => l.id === cancelled!.id)?.status).toBe('CANCELLED');

      const movedWeek = isoWeekOf(moved!.date.toISOString().slice(0, 10));
      const movedLessons = (await schedule(clients.elev!, elevId, movedWeek)).data!.studentWeekSchedule.days.flatMap((d) => d.lessons);
      const shown = movedLessons.find((l) => l.id === moved!.id);
      expect(shown).toMatchObject({ changed: true, originalStartsAt: moved!.originalStartsAt!.toISOString() });
    });

    it('names subjects in the language asked for', async () => {
      const query = `query($id: ID!, $week: IsoWeekInput!) { studentWeekSchedule(studentId: $id, week: $week) { days { lessons { subjectCode sv: subjectName(locale: sv) en: subjectName(locale: en) } } } }`;
      const result = await clients.elev!.request<{
        studentWeekSchedule: { days: { lessons: { subjectCode: string; sv: string; en: string }[] }[] };
      }>(query, { id: elevId, week });
      const maths = result.data!.studentWeekSchedule.days.flatMap((d) => d.lessons).find((l) => l.sv === 'Matematik');
      expect(maths?.en).toBe('Mathematics');
    });
  });

  describe('the audit trail', () => {
    it('records who read which student', async () => {
      await clients.mentor!.request(STUDENT, { id: elevId });
      const mentorAccount = await server.db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'mentor' } });
      const event = await server.db.prisma.auditEvent.findFirst({
        where: { action: 'student.read', studentId: elevId, userId: mentorAccount.id },
        orderBy: { at: 'desc' },
      });
      expect(event?.details).toMatchObject({ identityNumberShown: true });
    });
  });
});
