// The lessons behind a student's absence figures, through the API on both databases: summed, the rows are
// the figures for the same range and filter; only those who may read the student's absence statistics
// see them; each read is logged.
import { differenceInCalendarDays, parseISO } from 'date-fns';
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

const LESSON = `lessonId date startsAt endsAt minutes absentMinutes subjectCode subjectName groupName teacherNames status lateMinutes
  valid validReason validReasonNote mayReportSick mayExcuse`;
const LESSONS = `query($s: ID!, $range: StatisticsRangeInput!, $filter: AbsenceLessonFilter, $locale: Locale) {
  studentAbsenceLessons(studentId: $s, range: $range, filter: $filter, locale: $locale) { studentId from to lessons { ${LESSON} } notEnded { ${LESSON} } } }`;
const FIGURES = 'lessons absentMinutes validAbsentMinutes unexcusedAbsentMinutes lateCount lateMinutes';
const STATISTICS = `query($s: ID!, $range: StatisticsRangeInput!) { studentAbsenceStatistics(studentId: $s, range: $range) {
  total { ${FIGURES} } bySubject { subjectCode figures { ${FIGURES} } } byWeek { label figures { ${FIGURES} } }
  byWeekday { weekday figures { ${FIGURES} } } } }`;

interface Figures {
  lessons: number;
  absentMinutes: number;
  validAbsentMinutes: number;
  unexcusedAbsentMinutes: number;
  lateCount: number;
  lateMinutes: number;
}

interface Lesson {
  lessonId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  absentMinutes: number;
  subjectCode: string;
  subjectName: string;
  teacherNames: string[];
  status: 'ABSENT' | 'LATE';
  lateMinutes: number | null;
  valid: boolean;
  validReason: string | null;
  validReasonNote: string | null;
  mayReportSick: boolean;
  mayExcuse: boolean;
}

interface Lessons {
  studentAbsenceLessons: { studentId: string; from: string; to: string; lessons: Lesson[]; notEnded: Lesson[] };
}

interface Statistics {
  studentAbsenceStatistics: {
    total: Figures;
    bySubject: { subjectCode: string; figures: Figures }[];
    byWeek: { label: string; figures: Figures }[];
    byWeekday: { weekday: number; figures: Figures }[];
  };
}

const sum = (rows: Lesson[], pick: (row: Lesson) => number) => rows.reduce((acc, row) => acc + pick(row), 0);

/** What the figures say of absence and lateness, from the list's rows. */
const figuresOf = (rows: Lesson[]) => ({
  absentMinutes: sum(rows, (row) => row.absentMinutes),
  validAbsentMinutes: sum(rows, (row) => (row.valid ? row.absentMinutes : 0)),
  unexcusedAbsentMinutes: sum(rows, (row) => (row.valid ? 0 : row.absentMinutes)),
  lateCount: rows.filter((row) => row.status === 'LATE').length,
  lateMinutes: sum(rows, (row) => (row.status === 'LATE' ? row.absentMinutes : 0)),
});
const absenceOf = ({ lessons: _lessons, ...figures }: Figures) => figures;

describe.each(DATABASE_KINDS)('the lessons behind the absence figures on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let child: Child;
  // The term so far, up to yesterday: every lesson in it has ended.
  const range = { period: 'CUSTOM', from: '2026-08-17', to: '2026-11-24' };

  beforeAll(async () => {
    server = await startTestServer(kind);
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
  });
  afterAll(() => server?.stop());

  const list = async (client: TestClient, filter?: Record<string, unknown>, studentId = child.id, span: object = range) => {
    const result = await client.request<Lessons>(LESSONS, { s: studentId, range: span, filter });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.studentAbsenceLessons;
  };

  it("a guardian's child: the rows add up to the figures, in total and for each subject, week and weekday", async () => {
    const statistics = (await guardian.request<Statistics>(STATISTICS, { s: child.id, range })).data!.studentAbsenceStatistics;
    const all = await list(guardian);
    expect(all).toMatchObject({ studentId: child.id, from: range.from, to: range.to, notEnded: [] });
    expect(figuresOf(all.lessons)).toEqual(absenceOf(statistics.total));
    // The seed has absence, lateness and valid reasons: the comparison is not empty.
    expect(all.lessons.some((row) => row.status === 'ABSENT' && row.valid)).toBe(true);
    expect(all.lessons.some((row) => !row.valid && row.absentMinutes > 0)).toBe(true);
    expect(all.lessons.some((row) => row.status === 'LATE')).toBe(true);
    // Latest first; each row what a mark adds: all of an absent lesson, the minutes late (at most the lesson).
    expect(all.lessons.map((row) => row.startsAt)).toEqual(
      all.lessons
        .map((row) => row.startsAt)
        .sort()
        .reverse(),
    );
    for (const row of all.lessons) {
      expect(row.absentMinutes).toBe(row.status === 'ABSENT' ? row.minutes : Math.min(row.lateMinutes ?? 0, row.minutes));
      expect(row.valid).toBe(row.validReason !== null);
      expect(row.teacherNames.length).toBeGreaterThan(0);
      expect(row.date >= range.from && row.date <= range.to).toBe(true);
    }

    for (const subject of statistics.bySubject) {
      const rows = (await list(guardian, { subjectCode: subject.subjectCode })).lessons;
      expect(figuresOf(rows), subject.subjectCode).toEqual(absenceOf(subject.figures));
    }
    for (const week of statistics.byWeek.slice(-3)) {
      const rows = (await list(guardian, { week: week.label })).lessons;
      expect(figuresOf(rows), week.label).toEqual(absenceOf(week.figures));
    }
    for (const day of statistics.byWeekday) {
      const rows = (await list(guardian, { weekday: day.weekday })).lessons;
      expect(figuresOf(rows), String(day.weekday)).toEqual(absenceOf(day.figures));
    }
    // The figures' own parts: valid, unexcused, late.
    const valid = (await list(guardian, { valid: true })).lessons;
    expect(sum(valid, (row) => row.absentMinutes)).toBe(statistics.total.validAbsentMinutes);
    expect(valid.every((row) => row.valid)).toBe(true);
    const unexcused = (await list(guardian, { valid: false })).lessons;
    expect(sum(unexcused, (row) => row.absentMinutes)).toBe(statistics.total.unexcusedAbsentMinutes);
    const late = (await list(guardian, { status: 'LATE' })).lessons;
    expect(late.length).toBe(statistics.total.lateCount);
    expect(sum(late, (row) => row.absentMinutes)).toBe(statistics.total.lateMinutes);
    expect(valid.length + unexcused.length).toBe(all.lessons.length);

    // Rule 7: the read is logged, with who and the child.
    const logged = await server.db.prisma.auditEvent.findFirst({
      where: { action: 'absenceLessons.read', studentId: child.id },
      select: { userId: true, details: true },
    });
    expect(logged?.userId).toBeTruthy();
    expect(logged?.details).toMatchObject({ from: range.from, to: range.to });
  });

  it('the home may report sickness for unexcused absence no further back than the school allows; staff never', async () => {
    const { sickReportDaysBack } = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } });
    const rows = (await list(guardian)).lessons;
    for (const row of rows) {
      const back = differenceInCalendarDays(parseISO(server.today), parseISO(row.date));
      expect(row.mayReportSick, `${row.date} ${row.status} ${row.valid}`).toBe(!row.valid && back <= sickReportDaysBack);
    }
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const ofMentor = (await list(mentor)).lessons;
    expect(ofMentor.map((row) => row.lessonId)).toEqual(rows.map((row) => row.lessonId));
    expect(ofMentor.some((row) => row.mayReportSick)).toBe(false);
    // The mentor records reasons where no report from the home decides; the home never does.
    expect(rows.some((row) => row.mayExcuse)).toBe(false);
    for (const row of ofMentor) {
      expect(row.mayExcuse, `${row.date} ${row.validReason}`).toBe(row.validReason !== 'SICK' && row.validReason !== 'LEAVE');
    }
  });

  it('a reason the mentor records shows on the row, with its note, to the mentor and the home alike', async () => {
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    const row = (await list(mentor, { valid: false })).lessons[0]!;
    expect(row.mayExcuse).toBe(true);
    const SET_REASON = `mutation($input: AbsenceReasonInput!) { setAbsenceReason(input: $input) { reason } }`;
    const set = (reason: string | null, note?: string) =>
      mentor.request(SET_REASON, { input: { lessonId: row.lessonId, studentId: child.id, reason, note } });
    expect((await set('OTHER', 'Tandläkarbesök, intyg lämnat')).errors).toBeUndefined();
    for (const client of [mentor, guardian]) {
      const shown = (await list(client)).lessons.find((candidate) => candidate.lessonId === row.lessonId);
      expect(shown).toMatchObject({ valid: true, validReason: 'OTHER', validReasonNote: 'Tandläkarbesök, intyg lämnat' });
      expect(shown?.mayExcuse).toBe(client === mentor);
    }
    expect((await set(null)).errors).toBeUndefined();
    expect((await list(guardian)).lessons.find((candidate) => candidate.lessonId === row.lessonId)).toMatchObject({
      valid: false,
      validReasonNote: null,
    });
  });

  it("today's lessons: those that have ended are in the figures and the list, the others listed apart", async () => {
    const today = { period: 'CUSTOM', from: server.today, to: server.today };
    const lesson = await lessonOf(server, child.id, server.today, 0);
    await takeRollCall(await loggedIn(server, lesson.username), lesson.id, { [child.id]: { status: 'ABSENT' } });
    const result = await list(guardian, undefined, child.id, today);
    const row = [...result.lessons, ...result.notEnded].find((candidate) => candidate.lessonId === lesson.id);
    expect(row).toMatchObject({ status: 'ABSENT', valid: false, mayReportSick: true });
    const ended = new Date(row!.endsAt).getTime() <= server.clock().getTime();
    expect(result.lessons.some((candidate) => candidate.lessonId === lesson.id)).toBe(ended);
    const statistics = (await guardian.request<Statistics>(STATISTICS, { s: child.id, range: today })).data!.studentAbsenceStatistics;
    expect(figuresOf(result.lessons)).toEqual(absenceOf(statistics.total));
  });

  it.runIf(kind === 'postgres')('only for those who may read the statistics: others get NOT_FOUND, as for the statistics', async () => {
    const prisma = server.db.prisma;
    const stranger = await prisma.student.findFirstOrThrow({ where: { guardianships: { none: { guardianId: child.guardianId } } } });
    const teacher = await loggedIn(server, await staffUsername(server, 'TEACHER', {}));
    for (const [client, studentId] of [
      [guardian, stranger.id],
      [teacher, child.id],
    ] as const) {
      expect(errorCode(await client.request(LESSONS, { s: studentId, range }))).toBe('NOT_FOUND');
      expect(errorCode(await client.request(STATISTICS, { s: studentId, range }))).toBe('NOT_FOUND');
    }
    // The adult student sees their own; of their guardians only the one they gave consent to.
    const adultId = (await prisma.userAccount.findUniqueOrThrow({ where: { username: 'myndig' } })).studentId!;
    const adult = await prisma.student.findUniqueOrThrow({
      where: { id: adultId },
      include: { guardianships: { include: { guardian: { include: { account: true } } } }, consents: { where: { withdrawnAt: null } } },
    });
    const consenting = adult.guardianships.find((g) => adult.consents.some((c) => c.guardianId === g.guardianId));
    const other = adult.guardianships.find((g) => g !== consenting);
    const withConsent = await loggedIn(server, consenting!.guardian.account!.username);
    const without = await loggedIn(server, other!.guardian.account!.username);
    expect((await list(withConsent, undefined, adultId)).studentId).toBe(adultId);
    expect(errorCode(await without.request(LESSONS, { s: adultId, range }))).toBe('NOT_FOUND');
    expect((await list(await loggedIn(server, 'myndig'), undefined, adultId)).studentId).toBe(adultId);
    const elev = await loggedIn(server, 'elev');
    const own = await firstChild(server, elev, 'elev');
    expect((await list(elev, undefined, own.id)).studentId).toBe(own.id);
    expect(errorCode(await elev.request(LESSONS, { s: child.id === own.id ? stranger.id : child.id, range }))).toBe('NOT_FOUND');
    // Staff with a duty: the class's mentor, the school's principal, an administrator.
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    for (const client of [principal, await loggedIn(server, 'admin')]) expect((await list(client)).studentId).toBe(child.id);
    // No one logged in; bad filters and ranges.
    expect(errorCode(await (await loggedIn(server, 'vardnadshavare')).request(LESSONS, { s: 'not-an-id', range }))).toBe('NOT_FOUND');
    for (const filter of [{ status: 'PRESENT' }, { week: '2026-W60' }, { weekday: 8 }]) {
      expect(errorCode(await guardian.request(LESSONS, { s: child.id, range, filter })), JSON.stringify(filter)).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await guardian.request(LESSONS, { s: child.id, range: { period: 'CUSTOM' } }))).toBe('BAD_USER_INPUT');
  });
});
