// Absence statistics through the API on both databases: the figures equal a plain loop over the
// seeded rows (lateness, cancelled lessons, valid reasons and roll calls never taken included), and
// each view is only for those who may see it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  errorCode,
  loggedIn,
  staffUsername,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';
import { firstChild, lessonOf, takeRollCall, type Child } from '../../test/fixtures.ts';

const FIGURES = `lessons scheduledMinutes recordedMinutes absentMinutes validAbsentMinutes unexcusedAbsentMinutes lateCount lateMinutes
  notTakenLessons notTakenMinutes absencePercent validPercent unexcusedPercent`;
const STUDENT = `query($s: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $s, range: $range) {
  from to level total { ${FIGURES} } bySubject { subjectCode figures { ${FIGURES} } }
  byWeek { label figures { ${FIGURES} } } byWeekday { weekday figures { ${FIGURES} } } } }`;
const CLASS = `query($c: ID!, $range: StatisticsRangeInput!) { classAbsenceStatistics(classId: $c, range: $range) {
  className thresholds { warningPercent alarmPercent } total { ${FIGURES} }
  students { studentId leftOn level total { ${FIGURES} } bySubject { subjectCode figures { absentMinutes } } } } }`;
const SCHOOL = `query($s: ID!, $range: StatisticsRangeInput!) { schoolAbsenceStatistics(schoolId: $s, range: $range) {
  total { ${FIGURES} } byClass { classId className students figures { ${FIGURES} } } byWeek { label figures { absentMinutes } } } }`;
const CSN = `query($s: ID!, $m: String!) { csnReport(schoolId: $s, month: $m) { thresholdMinutes students { studentId unexcusedAbsentMinutes } } }`;

interface Figures {
  lessons: number;
  scheduledMinutes: number;
  recordedMinutes: number;
  absentMinutes: number;
  validAbsentMinutes: number;
  unexcusedAbsentMinutes: number;
  lateCount: number;
  lateMinutes: number;
  notTakenLessons: number;
  notTakenMinutes: number;
  absencePercent?: number;
}

const zero = (): Figures => ({
  lessons: 0,
  scheduledMinutes: 0,
  recordedMinutes: 0,
  absentMinutes: 0,
  validAbsentMinutes: 0,
  unexcusedAbsentMinutes: 0,
  lateCount: 0,
  lateMinutes: 0,
  notTakenLessons: 0,
  notTakenMinutes: 0,
});

describe.each(DATABASE_KINDS)('absence statistics on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;
  // The term so far, up to yesterday: every lesson in it has ended, whatever the clock says.
  const range = { period: 'CUSTOM', from: '2026-08-17', to: '2026-11-24' };

  beforeAll(async () => {
    server = await startTestServer(kind);
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
  });
  afterAll(() => server?.stop());

  /** The reference: a plain loop over the students' lessons (ended by the server's clock) and attendance rows. */
  async function expected(studentIds: string[], span = range) {
    const prisma = server.db.prisma;
    const memberships = await prisma.groupMembership.findMany({ where: { studentId: { in: studentIds } } });
    const lessons = await prisma.lesson.findMany({
      where: {
        groupId: { in: [...new Set(memberships.map((m) => m.groupId))] },
        date: { gte: new Date(span.from), lte: new Date(span.to) },
        endsAt: { lte: server.clock() },
      },
      select: { id: true, groupId: true, date: true, startsAt: true, endsAt: true, status: true, subject: { select: { code: true } } },
    });
    const rows = await prisma.attendance.findMany({
      where: { studentId: { in: studentIds }, lessonId: { in: lessons.map((l) => l.id) } },
    });
    const attendance = new Map(rows.map((row) => [`${row.lessonId}:${row.studentId}`, row]));
    const byStudent = new Map<string, Figures>();
    const bySubject = new Map<string, Figures>();
    let total = zero();
    for (const studentId of studentIds) {
      const figures = zero();
      for (const lesson of lessons) {
        if (lesson.status === 'CANCELLED') continue;
        const member = memberships.some(
          (m) =>
            m.studentId === studentId &&
            m.groupId === lesson.groupId &&
            m.validFrom <= lesson.date &&
            (m.validTo === null || m.validTo >= lesson.date),
        );
        if (!member) continue;
        const minutes = Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000);
        const mark = attendance.get(`${lesson.id}:${studentId}`);
        let absent = 0;
        if (mark?.status === 'ABSENT') absent = minutes;
        if (mark?.status === 'LATE') absent = Math.min(mark.lateMinutes ?? 0, minutes);
        const subject = bySubject.get(`${studentId}:${lesson.subject.code}`) ?? zero();
        for (const f of [figures, subject]) {
          f.lessons += 1;
          f.scheduledMinutes += minutes;
          if (mark) f.recordedMinutes += minutes;
          else {
            f.notTakenLessons += 1;
            f.notTakenMinutes += minutes;
          }
          f.absentMinutes += absent;
          if (mark?.validReason) f.validAbsentMinutes += absent;
          else f.unexcusedAbsentMinutes += absent;
          if (mark?.status === 'LATE') {
            f.lateCount += 1;
            f.lateMinutes += absent;
          }
        }
        bySubject.set(`${studentId}:${lesson.subject.code}`, subject);
      }
      byStudent.set(studentId, figures);
      total = Object.fromEntries(
        Object.entries(total).map(([key, value]) => [key, value + figures[key as keyof Figures]!]),
      ) as unknown as Figures;
    }
    return { byStudent, bySubject, total };
  }

  const withoutPercents = ({ absencePercent: _a, ...rest }: Figures & { validPercent?: number; unexcusedPercent?: number }) => {
    const { validPercent: _v, unexcusedPercent: _u, ...figures } = rest;
    return figures;
  };

  it("a guardian's child: the totals and the subject breakdown equal the plain loop", async () => {
    const result = await guardian.request<{
      studentAbsenceStatistics: {
        total: Figures;
        bySubject: { subjectCode: string; figures: Figures }[];
        byWeek: { figures: Figures }[];
        byWeekday: { figures: Figures }[];
      };
    }>(STUDENT, { s: child.id, range });
    expect(result.errors).toBeUndefined();
    const stats = result.data!.studentAbsenceStatistics;
    const reference = await expected([child.id]);
    const total = reference.byStudent.get(child.id)!;
    expect(withoutPercents(stats.total)).toEqual(total);
    // The seed has absence, lateness, valid reasons and roll calls never taken: the comparison is not empty.
    expect(total.absentMinutes).toBeGreaterThan(0);
    expect(stats.total.absencePercent).toBe(Math.round((1000 * total.absentMinutes) / total.recordedMinutes) / 10);
    for (const subject of stats.bySubject) {
      expect(withoutPercents(subject.figures), subject.subjectCode).toEqual(reference.bySubject.get(`${child.id}:${subject.subjectCode}`));
    }
    const sum = (rows: { figures: Figures }[]) => rows.reduce((acc, row) => acc + row.figures.absentMinutes, 0);
    expect(sum(stats.byWeek)).toBe(total.absentMinutes);
    expect(sum(stats.byWeekday)).toBe(total.absentMinutes);
    // Rule 7: the read is logged, with who and the child.
    const logged = await server.db.prisma.auditEvent.findFirst({
      where: { action: 'absenceStatistics.read', studentId: child.id },
      select: { userId: true },
    });
    expect(logged?.userId).toBeTruthy();
  });

  it('the whole seeded school has lateness, valid and unexcused absence and roll calls not taken', async () => {
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const result = await principal.request<{
      schoolAbsenceStatistics: { total: Figures; byClass: { students: number; figures: Figures }[] };
    }>(SCHOOL, {
      s: child.schoolId,
      range,
    });
    expect(result.errors).toBeUndefined();
    const students = await server.db.prisma.student.findMany({ where: { schoolId: child.schoolId }, select: { id: true } });
    const reference = await expected(students.map((s) => s.id));
    const total = withoutPercents(result.data!.schoolAbsenceStatistics.total);
    expect(total).toEqual(reference.total);
    expect(total.lateCount).toBeGreaterThan(0);
    expect(total.validAbsentMinutes).toBeGreaterThan(0);
    expect(total.unexcusedAbsentMinutes).toBeGreaterThan(0);
    expect(total.notTakenLessons).toBeGreaterThan(0);
    const classSum = result.data!.schoolAbsenceStatistics.byClass.reduce((acc, row) => acc + row.figures.absentMinutes, 0);
    expect(classSum).toBe(total.absentMinutes);
  });

  it("the mentor's class table equals the loop per student", async () => {
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const result = await mentor.request<{ classAbsenceStatistics: { students: { studentId: string; level: string; total: Figures }[] } }>(
      CLASS,
      {
        c: child.classId,
        range,
      },
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data!.classAbsenceStatistics.students;
    expect(rows.map((row) => row.studentId)).toContain(child.id);
    const reference = await expected(rows.map((row) => row.studentId));
    for (const row of rows) expect(withoutPercents(row.total), row.studentId).toEqual(reference.byStudent.get(row.studentId));
    // One audit row for the class view, naming each student it showed.
    const reads = await server.db.prisma.auditEvent.findMany({ where: { action: 'absenceStatistics.read', entityId: child.classId } });
    expect(reads).toHaveLength(1);
    expect((reads[0]?.details as { studentIds: string[] }).studentIds.toSorted()).toEqual(rows.map((row) => row.studentId).toSorted());
  });

  it('each view only for those who may see it; bad ranges are refused', async () => {
    const teacher = await loggedIn(server, await staffUsername(server, 'TEACHER', {}));
    const elev = await loggedIn(server, 'elev');
    const admin = await loggedIn(server, 'admin');
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const stranger = await server.db.prisma.student.findFirstOrThrow({
      where: { guardianships: { none: { guardianId: child.guardianId } } },
    });
    expect(errorCode(await guardian.request(STUDENT, { s: stranger.id, range }))).toBe('NOT_FOUND');
    expect(errorCode(await teacher.request(STUDENT, { s: child.id, range }))).toBe('NOT_FOUND');
    // The family is refused the staff fields themselves (graphql/guard.ts).
    expect(errorCode(await guardian.request(CLASS, { c: child.classId, range }))).toBe('FORBIDDEN');
    expect(errorCode(await teacher.request(CLASS, { c: child.classId, range }))).toBe('NOT_FOUND');
    expect(errorCode(await elev.request(CLASS, { c: child.classId, range }))).toBe('FORBIDDEN');
    expect(errorCode(await mentor.request(SCHOOL, { s: child.schoolId, range }))).toBe('NOT_FOUND');
    expect(errorCode(await guardian.request(CSN, { s: child.schoolId, m: '2026-10' }))).toBe('FORBIDDEN');
    expect((await admin.request(SCHOOL, { s: child.schoolId, range })).errors).toBeUndefined();
    const elevSelf = await firstChild(server, elev, 'elev');
    expect((await elev.request(STUDENT, { s: elevSelf.id, range: { period: 'TERM' } })).errors).toBeUndefined();

    const bad: [Record<string, unknown>, string][] = [
      [{ period: 'CUSTOM', from: '2026-11-24', to: '2026-08-17' }, 'END_BEFORE_START'],
      [{ period: 'CUSTOM', from: '2024-08-17', to: '2026-11-24' }, 'TOO_LONG'],
      [{ period: 'CUSTOM', from: '2026-11-31', to: '2026-12-01' }, 'INVALID_DATE'],
      [{ period: 'CUSTOM' }, 'RANGE_REQUIRED'],
    ];
    for (const [badRange, problem] of bad) {
      const result = await guardian.request(STUDENT, { s: child.id, range: badRange });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.problems).toEqual([problem]);
    }
    expect(errorCode(await admin.request(CSN, { s: child.schoolId, m: '2026-13' }))).toBe('BAD_USER_INPUT');
  });

  it('lists the schools whose figures the viewer may read', async () => {
    const query = '{ absenceSchools { id name form } }';
    // Every school of the administrator's organisation, none of the second organisation's.
    const { organisationId } = await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } });
    const all = await server.db.prisma.school.count({ where: { organisationId } });
    const admin = await loggedIn(server, 'admin');
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const ofAdmin = await admin.request<{ absenceSchools: { id: string }[] }>(query);
    const ofPrincipal = await principal.request<{ absenceSchools: { id: string }[] }>(query);
    expect(ofAdmin.data?.absenceSchools).toHaveLength(all);
    expect(ofPrincipal.data?.absenceSchools.map((school) => school.id)).toEqual([child.schoolId]);
    // A staff field: refused to the family before it is asked (graphql/guard.ts).
    expect(errorCode(await guardian.request(query))).toBe('FORBIDDEN');
  });

  it('the CSN list names the students whose unexcused absence in the month reached the threshold', async () => {
    const admin = await loggedIn(server, 'admin');
    const school = await server.db.prisma.school.findFirstOrThrow({ where: { form: 'UPPER_SECONDARY' } });
    const result = await admin.request<{
      csnReport: { thresholdMinutes: number; students: { studentId: string; unexcusedAbsentMinutes: number }[] };
    }>(CSN, {
      s: school.id,
      m: '2026-10',
    });
    expect(result.errors).toBeUndefined();
    const report = result.data!.csnReport;
    expect(report.thresholdMinutes).toBe(240);
    const students = await server.db.prisma.student.findMany({ where: { schoolId: school.id }, select: { id: true } });
    const month = { period: 'CUSTOM', from: '2026-10-01', to: '2026-10-31' };
    const listed = new Set(report.students.map((s) => s.studentId));
    for (const { id } of students) {
      const figures = (await admin.request<{ studentAbsenceStatistics: { total: Figures } }>(STUDENT, { s: id, range: month })).data!
        .studentAbsenceStatistics.total;
      expect(listed.has(id), id).toBe(figures.unexcusedAbsentMinutes >= 240);
    }
  });
  it.runIf(kind === 'postgres')("two corrections of one class's day saved at the same moment both count", async () => {
    // Each save recomputes the students' and the class's day figures; saved together, neither may sum
    // the day without the other's change (nor fail on the other's new row).
    const day = '2026-11-23';
    const first = await lessonOf(server, child.id, day, 0);
    const second = await lessonOf(server, child.id, day, 1);
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const correct = async (lessonId: string, status: 'ABSENT' | 'LATE') => {
      const rollCall = await mentor.request<{ rollCall: { students: { id: string }[] } }>(
        'query($id: ID!) { rollCall(lessonId: $id) { students { id } } }',
        { id: lessonId },
      );
      const entries = rollCall.data!.rollCall.students.map((student) => ({
        studentId: student.id,
        status,
        ...(status === 'LATE' ? { lateMinutes: 9 } : {}),
      }));
      return mentor.request<{ saveRollCall: { applied: boolean } }>(
        'mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }',
        { input: { submissionId: randomUUID(), lessonId, entries, reason: 'Rättat i efterhand' } },
      );
    };
    const saved = await Promise.all([correct(first.id, 'ABSENT'), correct(second.id, 'LATE')]);
    for (const result of saved) expect(result.data?.saveRollCall.applied, JSON.stringify(result.errors)).toBe(true);
    const mentorOfClass = await mentor.request<{ classAbsenceStatistics: { students: { studentId: string; total: Figures }[] } }>(CLASS, {
      c: child.classId,
      range,
    });
    const rows = mentorOfClass.data!.classAbsenceStatistics.students;
    const reference = await expected(rows.map((row) => row.studentId));
    for (const row of rows) expect(withoutPercents(row.total), row.studentId).toEqual(reference.byStudent.get(row.studentId));
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const school = await principal.request<{ schoolAbsenceStatistics: { total: Figures } }>(SCHOOL, { s: child.schoolId, range });
    const students = await server.db.prisma.student.findMany({ where: { schoolId: child.schoolId }, select: { id: true } });
    expect(withoutPercents(school.data!.schoolAbsenceStatistics.total)).toEqual((await expected(students.map((s) => s.id))).total);
  });

  // Last in the file: it changes the seeded school.
  it("stays equal to the loop when past days change, and counts today's lessons that have ended", async () => {
    const prisma = server.db.prisma;
    const before = '2026-11-20';
    const students = (await prisma.student.findMany({ where: { schoolId: child.schoolId }, select: { id: true } })).map((s) => s.id);
    const ofSchool = { studentId: { in: students }, lesson: { date: { lt: new Date(before) } } };
    // The kept day figures follow every kind of change: lessons, attendance rows and memberships.
    const cancelled = await prisma.lesson.findFirstOrThrow({
      where: { status: 'SCHEDULED', date: { lt: new Date(before) }, attendances: { some: { studentId: child.id } } },
    });
    await prisma.lesson.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const absent = await prisma.attendance.findFirstOrThrow({ where: { status: 'ABSENT', ...ofSchool } });
    await prisma.attendance.update({ where: { id: absent.id }, data: { status: 'PRESENT', validReason: null } });
    const present = await prisma.attendance.findFirstOrThrow({ where: { status: 'PRESENT', ...ofSchool } });
    await prisma.attendance.update({ where: { id: present.id }, data: { status: 'LATE', lateMinutes: 12 } });
    // A valid reason given counts (whether there is one is what the figures use); a note alone changes no figure.
    const excused = await prisma.attendance.findFirstOrThrow({ where: { status: 'ABSENT', validReason: null, ...ofSchool } });
    await prisma.attendance.update({ where: { id: excused.id }, data: { validReason: 'OTHER', validReasonNote: 'Studiebesök' } });
    await prisma.attendance.update({ where: { id: present.id }, data: { note: 'Kom med en försenad buss' } });
    const removed = await prisma.attendance.findFirstOrThrow({ where: { status: 'ABSENT', ...ofSchool } });
    await prisma.attendanceChange.deleteMany({ where: { lessonId: removed.lessonId, studentId: removed.studentId } });
    await prisma.attendance.delete({ where: { id: removed.id } });
    const membership = await prisma.groupMembership.findFirstOrThrow({ where: { studentId: child.id, groupId: child.classId } });
    const otherClass = await prisma.group.findFirstOrThrow({
      where: { kind: 'CLASS', schoolId: child.schoolId, id: { not: child.classId } },
    });
    await prisma.groupMembership.update({ where: { id: membership.id }, data: { validTo: new Date('2026-09-30') } });
    await prisma.groupMembership.create({ data: { studentId: child.id, groupId: otherClass.id, validFrom: new Date('2026-10-01') } });
    // Today: one roll call taken (the child late), the other lessons that have ended have none.
    const lesson = await lessonOf(server, child.id, server.today);
    await takeRollCall(await loggedIn(server, lesson.username), lesson.id, { [child.id]: { status: 'LATE', lateMinutes: 7 } });

    const untilToday = { ...range, to: server.today };
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    const school = await principal.request<{
      schoolAbsenceStatistics: { total: Figures; byClass: { classId: string; figures: Figures }[] };
    }>(SCHOOL, { s: child.schoolId, range: untilToday });
    expect(school.errors).toBeUndefined();
    const reference = await expected(students, untilToday);
    expect(withoutPercents(school.data!.schoolAbsenceStatistics.total)).toEqual(reference.total);
    const byClass = school.data!.schoolAbsenceStatistics.byClass;
    expect(byClass.reduce((sum, row) => sum + row.figures.lessons, 0)).toBe(reference.total.lessons);
    const student = await guardian.request<{ studentAbsenceStatistics: { total: Figures } }>(STUDENT, { s: child.id, range: untilToday });
    expect(withoutPercents(student.data!.studentAbsenceStatistics.total)).toEqual(reference.byStudent.get(child.id));
    expect(student.data!.studentAbsenceStatistics.total.lateCount).toBeGreaterThan(0);

    // The child left the class on 30 September: still in its table for the term, marked as left and when;
    // everyone else there is a member still. For a range that ended before they left, they are a member.
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const ofClass = async (span: object) => {
      const result = await mentor.request<{ classAbsenceStatistics: { students: { studentId: string; leftOn: string | null }[] } }>(CLASS, {
        c: child.classId,
        range: span,
      });
      expect(result.errors).toBeUndefined();
      return result.data!.classAbsenceStatistics.students;
    };
    const term = await ofClass(untilToday);
    expect(term.find((row) => row.studentId === child.id)?.leftOn).toBe('2026-09-30');
    const gone = await prisma.groupMembership.findMany({
      where: { groupId: child.classId, validTo: { lt: new Date(server.today) } },
      select: { studentId: true },
    });
    for (const row of term) expect(row.leftOn === null, row.studentId).toBe(!gone.some((m) => m.studentId === row.studentId));
    const september = await ofClass({ period: 'CUSTOM', from: '2026-09-01', to: '2026-09-30' });
    expect(september.find((row) => row.studentId === child.id)?.leftOn).toBeNull();
  });
});
