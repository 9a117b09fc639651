// Roll call through the API, per rule and per error, on both databases.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProofClaims } from '@insyn/domain';
import {
  DATABASE_KINDS,
  errorCode,
  eventually,
  loggedIn,
  removeTestDatabase,
  staffUsername,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';
import { signOfflineProof } from './offline-proof.ts';

const MY_LESSONS = `query($date: String) { myLessons(date: $date) { id date startsAt endsAt subjectCode groupName status rollCallState rollCallOverdue studentCount } }`;
const ROLL_CALL = `query($id: ID!) { rollCall(lessonId: $id) {
  durationMinutes reasonRequired cannotSaveBecause
  lesson { id rollCallState }
  students { id firstName lastName className status lateMinutes note validReason }
  history { studentId changedAt changedBy beforeStatus afterStatus afterLateMinutes reason }
} }`;
const SAVE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { submissionId applied changedCount rollCall { lesson { rollCallState } } } }`;

interface LessonRow {
  id: string;
  date: string;
  status: string;
  rollCallState: string;
  rollCallOverdue: boolean;
  studentCount: number;
  endsAt: string;
}
interface RollCallData {
  rollCall: {
    durationMinutes: number;
    reasonRequired: boolean;
    cannotSaveBecause: string | null;
    lesson: { rollCallState: string };
    students: { id: string; status: string | null; lateMinutes: number | null; note: string | null }[];
    history: { studentId: string; beforeStatus: string | null; afterStatus: string; reason: string | null; changedBy: string }[];
  };
}
interface SaveData {
  saveRollCall: { applied: boolean; changedCount: number; rollCall: { lesson: { rollCallState: string } } };
}
type Entry = { studentId: string; status: 'PRESENT' | 'ABSENT' | 'LATE'; lateMinutes?: number | null; note?: string | null };

describe.each(DATABASE_KINDS)('roll call on %s', (kind) => {
  let server: TestServer;
  let teacher: TestClient;
  let lessons: LessonRow[];

  beforeAll(async () => {
    server = await startTestServer(kind);
    // The teacher (not a mentor) with the most lessons today and yesterday; in a small demo school `larare` may have none on a given day.
    const [busiest] = await server.db.prisma.$queryRaw<{ username: string }[]>`
      SELECT a.username FROM "LessonTeacher" lt
      JOIN "Lesson" l ON l.id = lt."lessonId" AND l.status = 'SCHEDULED' AND l.date IN (${server.today}::date, ${server.today}::date - 1)
      JOIN "UserAccount" a ON a."staffId" = lt."staffId"
      WHERE NOT EXISTS (SELECT 1 FROM "StaffDuty" d WHERE d."staffId" = lt."staffId" AND d.kind IN ('MENTOR', 'ADMINISTRATOR'))
      GROUP BY a.username ORDER BY count(DISTINCT l.date) DESC, count(*) DESC, a.username LIMIT 1`;
    teacher = await loggedIn(server, busiest!.username);
    lessons = (await teacher.request<{ myLessons: LessonRow[] }>(MY_LESSONS)).data!.myLessons;
  });
  afterAll(() => server?.stop());

  const rollCall = async (client: TestClient, id: string) => (await client.request<RollCallData>(ROLL_CALL, { id })).data!.rollCall;
  const save = (
    client: TestClient,
    lessonId: string,
    entries: Entry[],
    extra: { submissionId?: string; reason?: string; takenAt?: string } = {},
  ) =>
    client.request<SaveData>(SAVE, {
      input: { submissionId: extra.submissionId ?? randomUUID(), lessonId, entries, reason: extra.reason, takenAt: extra.takenAt },
    });
  const allPresent = async (client: TestClient, lessonId: string): Promise<Entry[]> =>
    (await rollCall(client, lessonId)).students.map((student) => ({ studentId: student.id, status: 'PRESENT' }));
  const attendanceRows = (lessonId: string) =>
    server.db.prisma.attendance.findMany({
      where: { lessonId },
      orderBy: { studentId: 'asc' },
      select: { studentId: true, status: true, lateMinutes: true, note: true },
    });
  const openLesson = (index: number) => {
    const lesson = lessons.filter((l) => l.status === 'SCHEDULED')[index];
    if (!lesson) throw new Error(`the teacher has fewer than ${index + 1} lessons today`);
    return lesson;
  };

  it("lists the teacher's lessons today, not taken, with their students; past ones stand out as overdue", async () => {
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    for (const lesson of lessons) {
      expect(lesson.date).toBe(server.today);
      expect(lesson.rollCallState).toBe('NOT_TAKEN');
      expect(lesson.studentCount).toBeGreaterThan(0);
      expect(lesson.rollCallOverdue).toBe(lesson.status === 'SCHEDULED' && new Date(lesson.endsAt) < new Date(`${server.today}T09:30:00Z`));
    }
    const yesterday = (await teacher.request<{ myLessons: LessonRow[] }>(MY_LESSONS, { date: '2026-11-24' })).data!.myLessons;
    expect(yesterday.every((lesson) => lesson.date === '2026-11-24')).toBe(true);
    expect(errorCode(await teacher.request(MY_LESSONS, { date: '2026-02-30' }))).toBe('BAD_USER_INPUT');
  });

  it('takes a roll call: present by default, one absent, one late; saved once even when resent', async () => {
    const lesson = openLesson(0);
    const entries = await allPresent(teacher, lesson.id);
    entries[0] = { ...entries[0]!, status: 'ABSENT', note: 'ingen anmälan' };
    entries[1] = { ...entries[1]!, status: 'LATE', lateMinutes: 10 };
    const submissionId = randomUUID();
    const first = await save(teacher, lesson.id, entries, { submissionId });
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveRollCall).toMatchObject({
      applied: true,
      changedCount: entries.length,
      rollCall: { lesson: { rollCallState: 'TAKEN' } },
    });

    const resent = await save(teacher, lesson.id, entries, { submissionId });
    expect(resent.data!.saveRollCall).toMatchObject({ applied: false, changedCount: 0 });
    expect(await server.db.prisma.attendance.count({ where: { lessonId: lesson.id } })).toBe(entries.length);
    expect(await server.db.prisma.attendanceChange.count({ where: { lessonId: lesson.id } })).toBe(entries.length);
    expect(await server.db.prisma.rollCallSubmission.count({ where: { lessonId: lesson.id } })).toBe(1);

    const shown = await rollCall(teacher, lesson.id);
    expect(shown.students.find((s) => s.id === entries[0]!.studentId)).toMatchObject({ status: 'ABSENT', note: 'ingen anmälan' });
    expect(shown.students.find((s) => s.id === entries[1]!.studentId)).toMatchObject({ status: 'LATE', lateMinutes: 10 });
  });

  it('two concurrent resends of one submission are applied once', async () => {
    const lesson = openLesson(1);
    const entries = await allPresent(teacher, lesson.id);
    const submissionId = randomUUID();
    const results = await Promise.all([
      save(teacher, lesson.id, entries, { submissionId }),
      save(teacher, lesson.id, entries, { submissionId }),
    ]);
    expect(results.map((r) => r.data!.saveRollCall.applied).sort()).toEqual([false, true]);
    expect(await server.db.prisma.attendanceChange.count({ where: { lessonId: lesson.id } })).toBe(entries.length);
  });

  it('a correction the same day changes only what differs, keeps the history and marks the lesson changed', async () => {
    const lesson = openLesson(1);
    const entries = await allPresent(teacher, lesson.id);
    entries[2] = { ...entries[2]!, status: 'ABSENT' };
    const corrected = await save(teacher, lesson.id, entries);
    expect(corrected.data!.saveRollCall).toMatchObject({
      applied: true,
      changedCount: 1,
      rollCall: { lesson: { rollCallState: 'CHANGED' } },
    });
    const shown = await rollCall(teacher, lesson.id);
    const change = shown.history.find((h) => h.studentId === entries[2]!.studentId && h.beforeStatus === 'PRESENT');
    expect(change).toMatchObject({ afterStatus: 'ABSENT', changedBy: expect.any(String) });
    const listed = (await teacher.request<{ myLessons: LessonRow[] }>(MY_LESSONS)).data!.myLessons.find((l) => l.id === lesson.id);
    expect(listed?.rollCallState).toBe('CHANGED');
  });

  it('two devices saving one lesson at once are applied in turn: each change is kept against the mark before it', async () => {
    const lesson = openLesson(1);
    const entries = await allPresent(teacher, lesson.id);
    expect((await save(teacher, lesson.id, entries)).data?.saveRollCall.applied).toBe(true);
    const studentId = entries[0]!.studentId;
    const marked = (status: Entry['status'], lateMinutes?: number) =>
      entries.map((entry) => (entry.studentId === studentId ? { ...entry, status, lateMinutes } : entry));
    const submissions = [randomUUID(), randomUUID()];
    const results = await Promise.all([
      save(teacher, lesson.id, marked('ABSENT'), { submissionId: submissions[0] }),
      save(teacher, lesson.id, marked('LATE', 5), { submissionId: submissions[1] }),
    ]);
    for (const result of results)
      expect(result.data?.saveRollCall, JSON.stringify(result.errors)).toMatchObject({ applied: true, changedCount: 1 });
    const changes = await server.db.prisma.attendanceChange.findMany({
      where: { submissionId: { in: submissions } },
      select: { beforeStatus: true, afterStatus: true },
    });
    // Whichever came second found the first's mark, not the one both saw before they were sent.
    expect(changes).toHaveLength(2);
    const second = changes.find((change) => change.beforeStatus !== 'PRESENT');
    const first = changes.find((change) => change.beforeStatus === 'PRESENT');
    expect(first && second && second.beforeStatus === first.afterStatus).toBe(true);
    expect((await attendanceRows(lesson.id)).find((row) => row.studentId === studentId)?.status).toBe(second?.afterStatus);
  });

  // Deterministic where the test above depends on timing: another save of the lesson holds it, uncommitted.
  it.runIf(kind === 'postgres')('a save waits for one under way on the same lesson and records its change against it', async () => {
    const lesson = openLesson(1);
    const entries = await allPresent(teacher, lesson.id);
    expect((await save(teacher, lesson.id, entries)).data?.saveRollCall.applied).toBe(true);
    const studentId = entries[0]!.studentId;
    const { location } = server.db;
    if (location.kind !== 'postgres') throw new Error('not on PostgreSQL');
    const other = new pg.Client({ connectionString: location.url });
    await other.connect();
    const submissionId = randomUUID();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT id FROM "Lesson" WHERE id = $1 FOR UPDATE`, [lesson.id]);
      await other.query(`UPDATE "Attendance" SET status = 'ABSENT' WHERE "lessonId" = $1 AND "studentId" = $2`, [lesson.id, studentId]);
      const late = entries.map((entry) => (entry.studentId === studentId ? { ...entry, status: 'LATE' as const, lateMinutes: 5 } : entry));
      const saving = save(teacher, lesson.id, late, { submissionId });
      await eventually(async () => {
        const [waiting] = await server.db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%roll_call_save%'`;
        return waiting && waiting.n > 0 ? true : undefined;
      }, 'the save waiting for the lesson');
      await other.query('COMMIT');
      expect((await saving).data?.saveRollCall).toMatchObject({ applied: true, changedCount: 1 });
    } finally {
      await other.end();
    }
    const change = await server.db.prisma.attendanceChange.findFirstOrThrow({ where: { submissionId }, select: { beforeStatus: true } });
    expect(change.beforeStatus).toBe('ABSENT');
  });

  describe('bad input is refused whole, and what was saved stays', () => {
    it.each([
      [
        'negative late minutes',
        (e: Entry[]) => [{ ...e[0]!, status: 'LATE' as const, lateMinutes: -5 }, ...e.slice(1)],
        'LATE_MINUTES_OUT_OF_RANGE',
      ],
      [
        'late minutes beyond the lesson',
        (e: Entry[]) => [{ ...e[0]!, status: 'LATE' as const, lateMinutes: 500 }, ...e.slice(1)],
        'LATE_MINUTES_OUT_OF_RANGE',
      ],
      ['a duplicate student', (e: Entry[]) => [...e, { ...e[0]!, status: 'ABSENT' as const }], 'DUPLICATE_STUDENT'],
      [
        'a student outside the group',
        (e: Entry[]) => [...e, { studentId: '00000000-0000-4000-8000-000000000001', status: 'PRESENT' as const }],
        'STUDENT_NOT_IN_GROUP',
      ],
    ])('%s', async (_name, mutate, problem) => {
      const lesson = openLesson(0);
      const before = await attendanceRows(lesson.id);
      const entries = mutate(await allPresent(teacher, lesson.id));
      const result = await save(teacher, lesson.id, entries);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0]?.extensions?.problems as { code: string }[]).map((p) => p.code)).toContain(problem);
      expect(await attendanceRows(lesson.id)).toEqual(before);
    });

    it('a lesson that does not exist or is not the teacher’s: NOT_FOUND', async () => {
      expect(errorCode(await save(teacher, '00000000-0000-4000-8000-000000000000', []))).toBe('NOT_FOUND');
      expect(errorCode(await save(teacher, 'not-a-uuid', []))).toBe('NOT_FOUND');
      const others = await server.db.prisma.lesson.findFirstOrThrow({
        where: { date: new Date(`${server.today}T00:00:00Z`), status: 'SCHEDULED', id: { notIn: lessons.map((l) => l.id) } },
      });
      expect(errorCode(await save(teacher, others.id, [{ studentId: randomUUID(), status: 'PRESENT' }]))).toBe('NOT_FOUND');
      expect(errorCode(await teacher.request(ROLL_CALL, { id: others.id }))).toBe('NOT_FOUND');
    });

    it('a cancelled lesson has no roll call', async () => {
      const lesson = openLesson(0);
      const entries = await allPresent(teacher, lesson.id);
      const before = await attendanceRows(lesson.id);
      await server.db.prisma.lesson.update({ where: { id: lesson.id }, data: { status: 'CANCELLED' } });
      try {
        expect(errorCode(await save(teacher, lesson.id, entries))).toBe('LESSON_CANCELLED');
        expect(await attendanceRows(lesson.id)).toEqual(before);
        expect((await rollCall(teacher, lesson.id)).cannotSaveBecause).toBe('LESSON_CANCELLED');
      } finally {
        await server.db.prisma.lesson.update({ where: { id: lesson.id }, data: { status: 'SCHEDULED' } });
      }
    });

    it('a malformed submission id or a reused one for another lesson', async () => {
      const lesson = openLesson(0);
      const entries = await allPresent(teacher, lesson.id);
      const malformed = await teacher.request(SAVE, { input: { submissionId: 'abc', lessonId: lesson.id, entries } });
      expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
      const used = (await server.db.prisma.rollCallSubmission.findFirstOrThrow({ where: { lessonId: lesson.id } })).id;
      expect(errorCode(await save(teacher, openLesson(1).id, entries, { submissionId: used }))).toBe('BAD_USER_INPUT');
    });

    it('students, guardians and principals cannot save a roll call', async () => {
      const lesson = openLesson(0);
      const entries = await allPresent(teacher, lesson.id);
      // The family is refused the staff field itself (graphql/guard.ts); a principal does not teach the lesson.
      for (const [username, code] of [
        ['elev', 'FORBIDDEN'],
        ['vardnadshavare', 'FORBIDDEN'],
        ['rektor', 'NOT_FOUND'],
      ]) {
        const client = await loggedIn(server, username as string);
        expect(errorCode(await save(client, lesson.id, entries)), username).toBe(code);
      }
    });
  });

  describe('corrections after the lesson day', () => {
    let pastLessonId: string;
    let mentor: TestClient;

    beforeAll(async () => {
      const yesterday = (await teacher.request<{ myLessons: LessonRow[] }>(MY_LESSONS, { date: '2026-11-24' })).data!.myLessons;
      const past = yesterday.find((l) => l.status === 'SCHEDULED' && l.rollCallState !== 'NOT_TAKEN');
      expect(past, 'the teacher had a lesson with a roll call yesterday').toBeTruthy();
      pastLessonId = past!.id;
      const lessonStudents = await server.db.prisma.groupMembership.findMany({
        where: { group: { lessons: { some: { id: pastLessonId } } } },
        select: { studentId: true },
      });
      const classDuty = await server.db.prisma.staffDuty.findFirstOrThrow({
        where: { kind: 'MENTOR', group: { memberships: { some: { studentId: { in: lessonStudents.map((s) => s.studentId) } } } } },
        include: { staff: { include: { account: true } } },
      });
      mentor = await loggedIn(server, classDuty.staff.account!.username);
    });

    it('the teacher can no longer change it', async () => {
      const entries = await allPresent(teacher, pastLessonId);
      const result = await save(teacher, pastLessonId, entries);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.extensions?.reason).toBe('TOO_LATE_FOR_TEACHER');
    });

    it("nor by saying it was taken offline on the lesson's day: that takes the day's proof (below)", async () => {
      const entries = await allPresent(teacher, pastLessonId);
      const { startsAt } = await server.db.prisma.lesson.findUniqueOrThrow({ where: { id: pastLessonId } });
      const onTheDay = new Date(startsAt.getTime() + 5 * 60_000).toISOString();
      const claimed = await save(teacher, pastLessonId, entries, { takenAt: onTheDay });
      expect(claimed.errors?.[0]?.extensions?.reason).toBe('TOO_LATE_FOR_TEACHER');
      const tooOld = await save(teacher, pastLessonId, entries, { takenAt: '2026-11-10T13:00:00Z' });
      expect(errorCode(tooOld)).toBe('BAD_USER_INPUT');
      expect(tooOld.errors?.[0]?.extensions?.problems).toEqual([{ code: 'TAKEN_AT_BEFORE_LESSON' }]);
      expect(errorCode(await save(teacher, pastLessonId, entries, { takenAt: 'yesterday' }))).toBe('BAD_USER_INPUT');
    });

    it('a mentor of a class in the lesson can, with a reason, and the reason is kept', async () => {
      const shown = await rollCall(mentor, pastLessonId);
      expect(shown.reasonRequired).toBe(true);
      const entries: Entry[] = shown.students.map((s) => ({
        studentId: s.id,
        status: (s.status ?? 'PRESENT') as Entry['status'],
        lateMinutes: s.lateMinutes,
        note: s.note,
      }));
      const target = entries.findIndex((e) => e.status !== 'ABSENT');
      entries[target] = { studentId: entries[target]!.studentId, status: 'ABSENT' };
      expect(errorCode(await save(mentor, pastLessonId, entries))).toBe('BAD_USER_INPUT');
      const saved = await save(mentor, pastLessonId, entries, { reason: 'Eleven var på tandläkaren, bekräftat av hemmet' });
      expect(saved.data!.saveRollCall).toMatchObject({ applied: true, changedCount: 1 });
      const history = (await rollCall(mentor, pastLessonId)).history;
      expect(history[0]).toMatchObject({
        studentId: entries[target]!.studentId,
        afterStatus: 'ABSENT',
        reason: 'Eleven var på tandläkaren, bekräftat av hemmet',
      });
    });

    it('nobody takes the roll call before the lesson day', async () => {
      const tomorrow = (await teacher.request<{ myLessons: LessonRow[] }>(MY_LESSONS, { date: '2026-11-26' })).data!.myLessons[0];
      expect(tomorrow).toBeTruthy();
      const entries = await allPresent(teacher, tomorrow!.id);
      const result = await save(teacher, tomorrow!.id, entries);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.extensions?.reason).toBe('TOO_EARLY');
    });
  });

  describe("the mentor's class today", () => {
    it('shows each student across the day, with unexcused absence and repeated lateness, and overdue roll calls', async () => {
      const mentor = await loggedIn(server, 'mentor');
      const me = await mentor.request<{ myGroups: { id: string; kind: string }[] }>('{ myGroups { id kind } }');
      const classId = await server.db.prisma.staffDuty
        .findFirstOrThrow({ where: { kind: 'MENTOR', staff: { account: { username: 'mentor' } } } })
        .then((duty) => duty.groupId!);
      expect(me.data!.myGroups.map((g) => g.id)).toContain(classId);
      const query = `query($id: ID!) { classDay(classId: $id) { className date lessons { lessonId rollCallState rollCallOverdue endsAt status } students { id marks { lessonId status unexcused } unexcusedAbsenceCount lateCount repeatedLateness } } }`;
      type ClassDay = {
        classDay: {
          date: string;
          lessons: { lessonId: string; rollCallOverdue: boolean; rollCallState: string; endsAt: string; status: string }[];
          students: {
            id: string;
            marks: { lessonId: string }[];
            unexcusedAbsenceCount: number;
            lateCount: number;
            repeatedLateness: boolean;
          }[];
        };
      };
      const before = (await mentor.request<ClassDay>(query, { id: classId })).data!.classDay;
      expect(before.date).toBe(server.today);
      expect(before.lessons.length).toBeGreaterThan(0);
      const clock = new Date(`${server.today}T09:30:00Z`);
      for (const lesson of before.lessons) {
        expect(lesson.rollCallOverdue).toBe(
          lesson.status === 'SCHEDULED' && lesson.rollCallState === 'NOT_TAKEN' && new Date(lesson.endsAt) < clock,
        );
      }

      // The mentor marks one student absent and late in today's first lessons of the class.
      const open = before.lessons.filter((l) => l.status === 'SCHEDULED');
      const student = before.students[0]!;
      for (const [index, lesson] of open.slice(0, 3).entries()) {
        const entries = await allPresent(mentor, lesson.lessonId);
        const mine = entries.findIndex((e) => e.studentId === student.id);
        if (mine < 0) continue;
        entries[mine] =
          index === 0 ? { studentId: student.id, status: 'ABSENT' } : { studentId: student.id, status: 'LATE', lateMinutes: 5 };
        expect((await save(mentor, lesson.lessonId, entries)).errors).toBeUndefined();
      }
      const after = (await mentor.request<ClassDay>(query, { id: classId })).data!.classDay;
      const row = after.students.find((s) => s.id === student.id)!;
      expect(row.unexcusedAbsenceCount).toBe(1);
      expect(row.lateCount).toBeGreaterThanOrEqual(1);
      expect(row.repeatedLateness).toBe(row.lateCount >= 2);

      expect(errorCode(await teacher.request(query, { id: classId }))).toBe('NOT_FOUND');
    });
  });

  describe('a valid reason recorded by staff', () => {
    const SET_REASON = `mutation($input: AbsenceReasonInput!) { setAbsenceReason(input: $input) { status reason note unexcused } }`;
    const CLASS_DAY = `query($id: ID!) { classDay(classId: $id) { students { id unexcusedAbsenceCount } } }`;

    it('the mentor marks an absence as a school activity or another reason, and can take it back; others cannot', async () => {
      const mentor = await loggedIn(server, 'mentor');
      const classId = await server.db.prisma.staffDuty
        .findFirstOrThrow({ where: { kind: 'MENTOR', staff: { account: { username: 'mentor' } } } })
        .then((duty) => duty.groupId!);
      const day = (
        await mentor.request<{ classDay: { students: { id: string; unexcusedAbsenceCount: number }[] } }>(CLASS_DAY, { id: classId })
      ).data!.classDay;
      // A lesson of the class today that the mentor marks: one student absent, one present.
      const lesson = await server.db.prisma.lesson.findFirstOrThrow({
        where: {
          date: new Date(server.today),
          status: 'SCHEDULED',
          attendanceTakenAt: null,
          group: { memberships: { some: { studentId: day.students[0]!.id } } },
        },
        orderBy: { startsAt: 'desc' },
      });
      const entries = await allPresent(mentor, lesson.id);
      const [absent, present] = [entries[0]!.studentId, entries[1]!.studentId];
      entries[0] = { studentId: absent, status: 'ABSENT' };
      expect((await save(mentor, lesson.id, entries)).errors).toBeUndefined();
      const unexcused = async () =>
        (
          await mentor.request<{ classDay: { students: { id: string; unexcusedAbsenceCount: number }[] } }>(CLASS_DAY, { id: classId })
        ).data!.classDay.students.find((student) => student.id === absent)?.unexcusedAbsenceCount;
      const before = await unexcused();

      const excused = await mentor.request(SET_REASON, { input: { lessonId: lesson.id, studentId: absent, reason: 'SCHOOL_ACTIVITY' } });
      expect(excused.data).toEqual({ setAbsenceReason: { status: 'ABSENT', reason: 'SCHOOL_ACTIVITY', note: null, unexcused: false } });
      expect(await unexcused()).toBe(before! - 1);
      expect(await server.db.prisma.auditEvent.count({ where: { action: 'attendance.reasonSet', studentId: absent } })).toBe(1);

      // "Other" needs a note; presence has nothing to excuse; SICK is the home's to report. Nothing changes.
      const problems = async (input: Record<string, unknown>) =>
        (await mentor.request(SET_REASON, { input: { lessonId: lesson.id, studentId: absent, ...input } })).errors?.[0]?.extensions
          ?.problems;
      expect(await problems({ reason: 'OTHER', note: ' ' })).toEqual(['NOTE_REQUIRED']);
      expect(await problems({ reason: 'SICK' })).toEqual(['UNKNOWN_REASON']);
      expect(
        (await mentor.request(SET_REASON, { input: { lessonId: lesson.id, studentId: present, reason: 'SCHOOL_ACTIVITY' } })).errors?.[0]
          ?.extensions?.problems,
      ).toEqual(['NOT_ABSENT']);
      const other = await mentor.request(SET_REASON, {
        input: { lessonId: lesson.id, studentId: absent, reason: 'OTHER', note: 'Hos skolsköterskan' },
      });
      expect(other.data).toEqual({ setAbsenceReason: { status: 'ABSENT', reason: 'OTHER', note: 'Hos skolsköterskan', unexcused: false } });

      // A correction of the roll call keeps a reason staff recorded, and taking it back makes the absence unexcused.
      expect(
        (
          await save(
            mentor,
            lesson.id,
            entries.map((entry) => (entry.studentId === absent ? { ...entry, note: 'Rättad' } : entry)),
          )
        ).errors,
      ).toBeUndefined();
      expect(
        await server.db.prisma.attendance.findFirst({
          where: { lessonId: lesson.id, studentId: absent },
          select: { validReason: true, validReasonNote: true },
        }),
      ).toEqual({
        validReason: 'OTHER',
        validReasonNote: 'Hos skolsköterskan',
      });
      const back = await mentor.request(SET_REASON, { input: { lessonId: lesson.id, studentId: absent, reason: null } });
      expect(back.data).toEqual({ setAbsenceReason: { status: 'ABSENT', reason: null, note: null, unexcused: true } });
      expect(await unexcused()).toBe(before);

      // A teacher of the lesson who is not the mentor, a guardian, a made-up lesson: NOT_FOUND.
      expect(
        errorCode(await teacher.request(SET_REASON, { input: { lessonId: lesson.id, studentId: absent, reason: 'SCHOOL_ACTIVITY' } })),
      ).toBe('NOT_FOUND');
      const guardian = await loggedIn(server, 'vardnadshavare');
      expect(
        errorCode(await guardian.request(SET_REASON, { input: { lessonId: lesson.id, studentId: absent, reason: 'SCHOOL_ACTIVITY' } })),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(await mentor.request(SET_REASON, { input: { lessonId: randomUUID(), studentId: absent, reason: 'SCHOOL_ACTIVITY' } })),
      ).toBe('NOT_FOUND');
    });
  });
});

describe.each(DATABASE_KINDS)('a roll call taken offline that arrives after its day, on %s', (kind) => {
  // Every API process signs and reads the proofs with the one JWT_SECRET; the next morning's server is another process.
  const SECRET = 'a-test-secret-shared-by-every-api-process-0123456789';
  const ROLL_CALL_PROOF = `query($id: ID!) { rollCall(lessonId: $id) {
    offlineProof reasonRequired students { id }
    history { studentId changedAt afterStatus reason takenOfflineAt }
  } }`;
  const SAVE_LATE = `mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied changedCount } }`;
  const CLASS_DAY = `query($id: ID!, $date: String) { classDay(classId: $id, date: $date) { lessons { lessonId arrivedLate } } }`;
  type ProofData = {
    rollCall: {
      offlineProof: string | null;
      reasonRequired: boolean;
      students: { id: string }[];
      history: { studentId: string; changedAt: string; afterStatus: string; reason: string | null; takenOfflineAt: string | null }[];
    };
  };
  interface Lesson {
    id: string;
    startsAt: Date;
    students: string[];
    proof: string;
  }

  let morning: TestServer;
  let location: TestServer['location'];
  let teacherName: string;
  let teacherUserId: string;
  let mentorName: string;
  let classId: string;
  /** two of the teacher's lessons on Wednesday, with the proofs the teacher's device got that day */
  let first: Lesson;
  let second: Lesson;
  /** the proof the mentor got on Wednesday for the second lesson */
  let mentorProof: string;

  beforeAll(async () => {
    // Wednesday 25 November, 10:30: the teacher opens the roll calls of the day on the tablet.
    const day = await startTestServer(kind, { keepDatabase: true, env: { JWT_SECRET: SECRET } });
    location = day.location;
    try {
      const [busiest] = await day.db.prisma.$queryRaw<{ username: string; userId: string }[]>`
        SELECT a.username, a.id AS "userId" FROM "LessonTeacher" lt
        JOIN "Lesson" l ON l.id = lt."lessonId" AND l.status = 'SCHEDULED' AND l.date = ${day.today}::date
        JOIN "UserAccount" a ON a."staffId" = lt."staffId"
        WHERE NOT EXISTS (SELECT 1 FROM "StaffDuty" d WHERE d."staffId" = lt."staffId" AND d.kind IN ('MENTOR', 'ADMINISTRATOR'))
        GROUP BY a.username, a.id ORDER BY count(*) DESC, a.username LIMIT 1`;
      teacherName = busiest!.username;
      teacherUserId = busiest!.userId;
      const teacher = await loggedIn(day, teacherName);
      const lessons = await day.db.prisma.lesson.findMany({
        where: {
          date: new Date(`${day.today}T00:00:00Z`),
          status: 'SCHEDULED',
          teachers: { some: { staff: { account: { username: teacherName } } } },
        },
        orderBy: { startsAt: 'asc' },
        select: { id: true, startsAt: true },
      });
      expect(lessons.length).toBeGreaterThanOrEqual(2);
      const opened: Lesson[] = [];
      for (const lesson of lessons.slice(0, 2)) {
        const shown = (await teacher.request<ProofData>(ROLL_CALL_PROOF, { id: lesson.id })).data!.rollCall;
        expect(shown.offlineProof).toEqual(expect.any(String));
        opened.push({ ...lesson, students: shown.students.map((student) => student.id), proof: shown.offlineProof! });
      }
      [first, second] = opened as [Lesson, Lesson];
      // A mentor of a class in the second lesson, who may correct it afterwards, opened it too.
      const duty = await day.db.prisma.staffDuty.findFirstOrThrow({
        where: { kind: 'MENTOR', group: { memberships: { some: { studentId: { in: second.students } } } } },
        include: { staff: { include: { account: true } } },
      });
      mentorName = duty.staff.account!.username;
      classId = duty.groupId!;
      const mentor = await loggedIn(day, mentorName);
      mentorProof = (await mentor.request<ProofData>(ROLL_CALL_PROOF, { id: second.id })).data!.rollCall.offlineProof!;
      expect(mentorProof).toEqual(expect.any(String));
      expect(mentorProof).not.toBe(second.proof);

      // No proof of a day that is not the lesson's: yesterday's lesson (a correction now), tomorrow's (too early).
      for (const date of ['2026-11-24', '2026-11-26']) {
        const other = (await teacher.request<{ myLessons: { id: string }[] }>(MY_LESSONS, { date })).data!.myLessons[0];
        if (other) expect((await teacher.request<ProofData>(ROLL_CALL_PROOF, { id: other.id })).data!.rollCall.offlineProof).toBeNull();
      }
    } finally {
      await day.stop();
    }
    // Thursday 26 November, 07:40: the tablet is back on the network with what it took offline yesterday.
    morning = await startTestServer(kind, { database: location, env: { JWT_SECRET: SECRET, INSYN_CLOCK_START: '2026-11-26T06:40:00Z' } });
  });
  afterAll(async () => {
    await morning?.stop();
    if (location) await removeTestDatabase(location);
  });

  const input = (lesson: Lesson, extra: { takenAt?: string | null; offlineProof?: string | null; reason?: string } = {}) => ({
    input: {
      submissionId: randomUUID(),
      lessonId: lesson.id,
      entries: lesson.students.map((studentId, index) => ({ studentId, status: index === 0 ? 'ABSENT' : 'PRESENT' })),
      takenAt: new Date(lesson.startsAt.getTime() + 5 * 60_000).toISOString(),
      offlineProof: lesson.proof,
      ...extra,
    },
  });
  const nothingSaved = async (lesson: Lesson) => {
    expect(await morning.db.prisma.attendance.count({ where: { lessonId: lesson.id } })).toBe(0);
    expect(await morning.db.prisma.rollCallSubmission.count({ where: { lessonId: lesson.id } })).toBe(0);
  };
  const problems = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.problems;

  it("is accepted without a reason with the proof of the lesson's day, and marked late in the history and on the class's day", async () => {
    const teacher = await loggedIn(morning, teacherName);
    const saved = await teacher.request<{ saveRollCall: { applied: boolean; changedCount: number } }>(SAVE_LATE, input(first));
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveRollCall).toEqual({ applied: true, changedCount: first.students.length });

    const takenAt = new Date(first.startsAt.getTime() + 5 * 60_000);
    const { history } = (await teacher.request<ProofData>(ROLL_CALL_PROOF, { id: first.id })).data!.rollCall;
    expect(history).toHaveLength(first.students.length);
    for (const change of history) {
      expect(change).toMatchObject({ reason: null, takenOfflineAt: takenAt.toISOString() });
      expect(new Date(change.changedAt).getTime()).toBeGreaterThanOrEqual(new Date('2026-11-26T06:40:00Z').getTime());
    }
    expect(await morning.db.prisma.rollCallSubmission.findFirstOrThrow({ where: { lessonId: first.id } })).toMatchObject({ takenAt });

    // The mentor sees the lesson marked on the class's Wednesday; the lessons that arrived on their day are not.
    const classOfFirst = await morning.db.prisma.groupMembership.findFirstOrThrow({
      where: { studentId: { in: first.students }, group: { kind: 'CLASS', duties: { some: { kind: 'MENTOR' } } } },
      select: { groupId: true },
    });
    const mentorOfFirst = await loggedIn(morning, await staffUsername(morning, 'MENTOR', { groupId: classOfFirst.groupId }));
    const day = await mentorOfFirst.request<{ classDay: { lessons: { lessonId: string; arrivedLate: boolean }[] } }>(CLASS_DAY, {
      id: classOfFirst.groupId,
      date: '2026-11-25',
    });
    const marked = day.data!.classDay.lessons.filter((lesson) => lesson.arrivedLate).map((lesson) => lesson.lessonId);
    expect(marked).toEqual([first.id]);
  });

  // Before anything of the second lesson is saved.
  describe('refused, and nothing saved', () => {
    it('a forged proof, or one of another lesson or user', async () => {
      const teacher = await loggedIn(morning, teacherName);
      const claims = offlineProofClaims(second.id, teacherUserId, new Date('2026-11-25T09:30:00Z'));
      const [version, , signature] = second.proof.split('.');
      const otherBody = Buffer.from(
        JSON.stringify({ l: second.id, u: teacherUserId, d: '2026-11-25', e: Date.parse('2026-12-31') }),
      ).toString('base64url');
      const cases: [string, string][] = [
        [signOfflineProof(claims, 'another-secret-that-is-not-the-servers-0123456789'), 'OFFLINE_PROOF_INVALID'],
        [`${version}.${otherBody}.${signature}`, 'OFFLINE_PROOF_INVALID'],
        ['not a proof', 'OFFLINE_PROOF_INVALID'],
        [first.proof, 'OFFLINE_PROOF_MISMATCH'],
        [signOfflineProof({ ...claims, userId: randomUUID() }, SECRET), 'OFFLINE_PROOF_MISMATCH'],
      ];
      for (const [offlineProof, problem] of cases) {
        const result = await teacher.request(SAVE_LATE, input(second, { offlineProof }));
        expect(errorCode(result), problem).toBe('BAD_USER_INPUT');
        expect(problems(result)).toEqual([{ code: problem }]);
        expect(result.errors?.[0]?.extensions?.field).toBe('offlineProof');
      }
      await nothingSaved(second);
    });

    it('a takenAt before the lesson began, or after the save arrived', async () => {
      const teacher = await loggedIn(morning, teacherName);
      const before = new Date(second.startsAt.getTime() - 20 * 60_000).toISOString();
      const beforeResult = await teacher.request(SAVE_LATE, input(second, { takenAt: before }));
      expect(problems(beforeResult)).toEqual([{ code: 'TAKEN_AT_BEFORE_LESSON' }]);
      const future = new Date(morning.clock().getTime() + 10 * 60_000).toISOString();
      const futureResult = await teacher.request(SAVE_LATE, input(second, { takenAt: future }));
      expect(problems(futureResult)).toEqual([{ code: 'TAKEN_AT_IN_FUTURE' }]);
      expect(futureResult.errors?.[0]?.extensions?.field).toBe('takenAt');
      await nothingSaved(second);
    });

    it('someone whose lesson it is not gets NOT_FOUND, whatever the proof', async () => {
      const principal = await loggedIn(morning, 'rektor');
      expect(errorCode(await principal.request(SAVE_LATE, input(second)))).toBe('NOT_FOUND');
    });
  });

  it('without a proof, or with one issued on another day, it is a correction: not the teacher’s, the mentor’s with a reason', async () => {
    const teacher = await loggedIn(morning, teacherName);
    const nextDayProof = signOfflineProof(offlineProofClaims(second.id, teacherUserId, new Date('2026-11-26T06:35:00Z')), SECRET);
    for (const offlineProof of [null, nextDayProof]) {
      const result = await teacher.request(SAVE_LATE, input(second, { offlineProof }));
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.extensions?.reason).toBe('TOO_LATE_FOR_TEACHER');
    }
    // Taken this morning on the tablet that still held it, it is not the lesson's day's roll call, proof or not.
    const nextMorning = await teacher.request(SAVE_LATE, input(second, { takenAt: '2026-11-26T06:30:00Z' }));
    expect(nextMorning.errors?.[0]?.extensions?.reason).toBe('TOO_LATE_FOR_TEACHER');
    await nothingSaved(second);

    // The mentor: a reason, as for any correction after the day; with it, saved and not marked late.
    const mentor = await loggedIn(morning, mentorName);
    const withoutReason = await mentor.request(SAVE_LATE, input(second, { offlineProof: null }));
    expect(errorCode(withoutReason)).toBe('BAD_USER_INPUT');
    expect(withoutReason.errors?.[0]?.extensions?.field).toBe('reason');
    await nothingSaved(second);
    const corrected = await mentor.request(
      SAVE_LATE,
      input(second, { offlineProof: null, takenAt: null, reason: 'Läraren ringde in närvaron' }),
    );
    expect(corrected.errors).toBeUndefined();
    const { history } = (await mentor.request<ProofData>(ROLL_CALL_PROOF, { id: second.id })).data!.rollCall;
    expect(history.every((change) => change.takenOfflineAt === null && change.reason === 'Läraren ringde in närvaron')).toBe(true);
    const day = await mentor.request<{ classDay: { lessons: { lessonId: string; arrivedLate: boolean }[] } }>(CLASS_DAY, {
      id: classId,
      date: '2026-11-25',
    });
    expect(day.data!.classDay.lessons.find((lesson) => lesson.lessonId === second.id)?.arrivedLate).toBe(false);
  });

  it("the mentor's own proof of the day makes the mentor's late arrival one too", async () => {
    const mentor = await loggedIn(morning, mentorName);
    const entries = second.students.map((studentId, index) => ({ studentId, status: index === 1 ? 'ABSENT' : 'PRESENT' }));
    const result = await mentor.request<{ saveRollCall: { applied: boolean } }>(SAVE_LATE, {
      input: { ...input(second, { offlineProof: mentorProof }).input, entries },
    });
    expect(result.errors).toBeUndefined();
    const { history } = (await mentor.request<ProofData>(ROLL_CALL_PROOF, { id: second.id })).data!.rollCall;
    expect(history[0]).toMatchObject({ reason: null, takenOfflineAt: expect.any(String) });
  });
});
