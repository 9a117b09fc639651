// The basic schedule through the API on both databases: who may, every refusal with its code and nothing
// written, generating a term's lessons (idempotent, never touching lessons with attendance), changes to one
// lesson as the week schedule shows them, and the audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  errorCode,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../../test/harness.ts';

const SERIES_FIELDS = `id termId groupId groupName subjectId subjectName weekday startTime endTime durationMinutes room validFrom validTo lessonCount teachers { id name signature }`;
const LESSON_FIELDS = `id seriesId groupId date startsAt endsAt startTime durationMinutes room status originalStartsAt originalRoom changeNote attendanceTaken schoolId teachers { id } term { id startDate endDate breaks { name startDate endDate } }`;

const CREATE = `mutation($termId: ID!, $input: LessonSeriesInput!) { createLessonSeries(termId: $termId, input: $input) { ${SERIES_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: LessonSeriesInput!) { updateLessonSeries(id: $id, input: $input) { ${SERIES_FIELDS} } }`;
const END = `mutation($id: ID!, $lastDate: String!) { endLessonSeries(id: $id, lastDate: $lastDate) { ${SERIES_FIELDS} } }`;
const LIST = `query($schoolId: ID!, $termId: ID!, $groupId: ID, $search: String, $sort: LessonSeriesSort, $page: PageInput) {
  lessonSeriesList(schoolId: $schoolId, termId: $termId, groupId: $groupId, search: $search, sort: $sort, page: $page) {
    items { ${SERIES_FIELDS} } pageInfo { offset limit total }
  }
}`;
const GENERATE = `mutation($termId: ID!, $schoolId: ID!, $from: String) {
  generateTermLessons(termId: $termId, schoolId: $schoolId, from: $from) { termId from created updated removed unchanged keptWithAttendance keptChanged }
}`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelLesson(id: $id, reason: $reason) { ${LESSON_FIELDS} } }`;
const RESTORE = `mutation($id: ID!) { restoreLesson(id: $id) { ${LESSON_FIELDS} } }`;
const CHANGE = `mutation($id: ID!, $input: LessonChangeInput!) { changeLesson(id: $id, input: $input) { ${LESSON_FIELDS} } }`;
const LESSON = `query($id: ID!) { administeredLesson(id: $id) { ${LESSON_FIELDS} } }`;
const GROUP_LESSONS = `query($groupId: ID!, $week: IsoWeekInput!) { scheduleGroupLessons(groupId: $groupId, week: $week) { ${LESSON_FIELDS} } }`;
const OPTIONS = `query($schoolId: ID!, $termId: ID) {
  scheduleOptions(schoolId: $schoolId, termId: $termId) {
    terms { id kind schoolYear startDate endDate breaks { name startDate endDate } }
    groups { id name subjectId }
    subjects { id code name }
    teachers { id name signature }
  }
}`;
const WEEK = `query($studentId: ID!, $week: IsoWeekInput!) {
  studentWeekSchedule(studentId: $studentId, week: $week) {
    days { date lessons { id date startsAt room status changed originalStartsAt originalRoom changeNote teachers { id } } }
  }
}`;

interface Series {
  id: string;
  weekday: number;
  startTime: string;
  endTime: string;
  room: string | null;
  validFrom: string;
  validTo: string;
  lessonCount: number;
  groupName: string;
  teachers: { id: string }[];
}
interface Lesson {
  id: string;
  date: string;
  startsAt: string;
  startTime: string;
  room: string | null;
  status: string;
  originalStartsAt: string | null;
  originalRoom: string | null;
  changeNote: string | null;
  attendanceTaken: boolean;
  teachers: { id: string }[];
  term: { id: string; breaks: { startDate: string }[] };
}
interface Generation {
  termId: string;
  from: string;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  keptWithAttendance: number;
  keptChanged: number;
}

describe.each(DATABASE_KINDS)('basic schedule and lesson changes, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let others: Record<'teacher' | 'principal' | 'guardian' | 'student', TestClient>;
  let ids: {
    school: string;
    term: string;
    springTerm: string;
    group: string;
    oldGroup: string;
    subject: string;
    teacher: string;
    substitute: string;
    student: string;
    /** the student's groups, whose lessons their week schedule shows */
    studentGroups: string[];
    grannbyGroup: string;
    grannbySubject: string;
    grannbyStaff: string;
  };
  let series: Series;

  const data = <T>(result: GraphQLResult<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const problems = (result: GraphQLResult<unknown>) => {
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    return result.errors?.[0]?.extensions?.problems;
  };
  const input = (overrides: Record<string, unknown> = {}) => ({
    groupId: ids.group,
    subjectId: ids.subject,
    weekday: 3,
    startTime: '15:00',
    durationMinutes: 60,
    room: 'B204',
    teacherIds: [ids.teacher],
    validFrom: '2026-11-25',
    validTo: '2026-12-18',
    ...overrides,
  });
  const auditCount = () => server.db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } });
  const seriesLessons = (seriesId: string) =>
    server.db.prisma.lesson.findMany({ where: { seriesId }, orderBy: { date: 'asc' }, include: { teachers: true } });
  const generate = async (from = '2026-11-25') =>
    data(await admin.request<{ generateTermLessons: Generation }>(GENERATE, { termId: ids.term, schoolId: ids.school, from }))
      .generateTermLessons;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const prisma = server.db.prisma;
    admin = await loggedIn(server, 'admin');
    others = {
      teacher: await loggedIn(server, 'larare'),
      principal: await loggedIn(server, 'rektor'),
      guardian: await loggedIn(server, 'vardnadshavare'),
      student: await loggedIn(server, 'elev'),
    };
    const account = (username: string) => prisma.userAccount.findUniqueOrThrow({ where: { username } });
    const elev = await account('elev');
    const membership = await prisma.groupMembership.findFirstOrThrow({
      where: { studentId: elev.studentId!, validTo: null, group: { kind: 'CLASS' } },
      include: { group: { include: { schoolYear: { include: { terms: { orderBy: { startDate: 'asc' } } } } } } },
    });
    const group = membership.group;
    const organisationId = (await prisma.school.findUniqueOrThrow({ where: { id: group.schoolId } })).organisationId;
    const oldGroup = await prisma.group.findFirstOrThrow({
      where: { school: { organisationId }, schoolYearId: { not: group.schoolYearId } },
    });
    const grannby = await prisma.staff.findFirstOrThrow({ where: { account: { username: 'grannby.larare' } } });
    ids = {
      school: group.schoolId,
      term: group.schoolYear.terms[0]!.id,
      springTerm: group.schoolYear.terms[1]!.id,
      group: group.id,
      oldGroup: oldGroup.id,
      subject: (await prisma.subject.findFirstOrThrow({ where: { organisationId, code: 'MA' } })).id,
      teacher: (await account('larare')).staffId!,
      substitute: (await account('mentor')).staffId!,
      student: elev.studentId!,
      studentGroups: (await prisma.groupMembership.findMany({ where: { studentId: elev.studentId!, validTo: null } })).map(
        (m) => m.groupId,
      ),
      grannbyGroup: (await prisma.group.findFirstOrThrow({ where: { school: { organisationId: grannby.organisationId } } })).id,
      grannbySubject: (await prisma.subject.findFirstOrThrow({ where: { organisationId: grannby.organisationId } })).id,
      grannbyStaff: grannby.id,
    };
  });
  afterAll(() => server?.stop());

  it('answers FORBIDDEN to everyone but an administrator, and writes nothing', async () => {
    const lesson = await server.db.prisma.lesson.findFirstOrThrow({
      where: { groupId: { in: ids.studentGroups }, date: { gt: new Date(server.today) } },
    });
    for (const client of Object.values(others)) {
      expect(errorCode(await client.request(LIST, { schoolId: ids.school, termId: ids.term }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(OPTIONS, { schoolId: ids.school }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(CREATE, { termId: ids.term, input: input() }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(GENERATE, { termId: ids.term, schoolId: ids.school }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(LESSON, { id: lesson.id }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(CANCEL, { id: lesson.id, reason: 'Sjuk lärare' }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(RESTORE, { id: lesson.id }))).toBe('FORBIDDEN');
    }
    expect(await server.db.prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({ status: 'SCHEDULED' });
    expect(await auditCount()).toBe(0);
  });

  it("offers the organisation's terms with their breaks, the school's groups of the term, subjects and staff", async () => {
    const { scheduleOptions: options } = data(
      await admin.request<{
        scheduleOptions: {
          terms: { id: string; breaks: { name: string }[] }[];
          groups: { id: string }[];
          teachers: { id: string }[];
          subjects: { id: string }[];
        };
      }>(OPTIONS, { schoolId: ids.school, termId: ids.term }),
    );
    expect(options.terms.map((t) => t.id)).toEqual(expect.arrayContaining([ids.term, ids.springTerm]));
    expect(options.terms.find((t) => t.id === ids.term)!.breaks.map((b) => b.name)).toContain('Höstlov');
    expect(options.groups.map((g) => g.id)).toContain(ids.group);
    expect(options.groups.map((g) => g.id)).not.toContain(ids.oldGroup);
    expect(options.teachers.map((t) => t.id)).toEqual(expect.arrayContaining([ids.teacher, ids.substitute]));
    expect(options.teachers.map((t) => t.id)).not.toContain(ids.grannbyStaff);
    expect(options.subjects.map((s) => s.id)).toContain(ids.subject);
    expect(options.subjects.map((s) => s.id)).not.toContain(ids.grannbySubject);
  });

  it('creates a series and audits it with the record after', async () => {
    series = data(await admin.request<{ createLessonSeries: Series }>(CREATE, { termId: ids.term, input: input() })).createLessonSeries;
    expect(series).toMatchObject({
      weekday: 3,
      startTime: '15:00',
      endTime: '16:00',
      room: 'B204',
      validFrom: '2026-11-25',
      validTo: '2026-12-18',
      lessonCount: 0,
      teachers: [{ id: ids.teacher }],
    });
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'admin.lessonSeries.created', entityId: series.id },
    });
    expect(row.details).toMatchObject({ before: null, after: { startTime: '15:00', validFrom: '2026-11-25', teacherIds: [ids.teacher] } });
  });

  it('refuses every bad field with its code, and writes nothing', async () => {
    const cases: [Record<string, unknown>, { field: string; code: string }[]][] = [
      [{ validFrom: '2027-01-12' }, [{ field: 'validFrom', code: 'OUTSIDE_TERM' }]],
      [
        { validFrom: '2026-08-03', validTo: '2027-02-01' },
        [
          { field: 'validFrom', code: 'OUTSIDE_TERM' },
          { field: 'validTo', code: 'OUTSIDE_TERM' },
        ],
      ],
      [{ validFrom: '2026-12-01', validTo: '2026-11-30' }, [{ field: 'validTo', code: 'BEFORE_START' }]],
      [{ validTo: '2026-13-01' }, [{ field: 'validTo', code: 'INVALID_DATE' }]],
      [{ groupId: ids.oldGroup }, [{ field: 'groupId', code: 'OTHER_SCHOOL_YEAR' }]],
      [{ groupId: ids.grannbyGroup }, [{ field: 'groupId', code: 'UNKNOWN' }]],
      [{ groupId: 'inte-ett-id' }, [{ field: 'groupId', code: 'UNKNOWN' }]],
      [{ subjectId: ids.grannbySubject }, [{ field: 'subjectId', code: 'UNKNOWN' }]],
      [{ teacherIds: [] }, [{ field: 'teacherIds', code: 'REQUIRED' }]],
      [{ teacherIds: [ids.teacher, ids.grannbyStaff] }, [{ field: 'teacherIds', code: 'UNKNOWN' }]],
      [{ weekday: 6 }, [{ field: 'weekday', code: 'NOT_A_WEEKDAY' }]],
      [{ weekday: 0 }, [{ field: 'weekday', code: 'NOT_A_WEEKDAY' }]],
      [{ startTime: '25:00' }, [{ field: 'startTime', code: 'INVALID_TIME' }]],
      [{ startTime: '05:00' }, [{ field: 'startTime', code: 'OUTSIDE_SCHOOL_DAY' }]],
      [{ durationMinutes: 0 }, [{ field: 'durationMinutes', code: 'OUT_OF_RANGE' }]],
      [{ room: 'x'.repeat(41) }, [{ field: 'room', code: 'TOO_LONG' }]],
    ];
    const seriesBefore = await server.db.prisma.lessonSeries.count();
    const auditBefore = await auditCount();
    for (const [overrides, expected] of cases) {
      expect(problems(await admin.request(CREATE, { termId: ids.term, input: input(overrides) })), JSON.stringify(overrides)).toEqual(
        expected,
      );
      expect(problems(await admin.request(UPDATE, { id: series.id, input: input(overrides) }))).toEqual(expected);
    }
    // The spring term's series cannot start in the autumn.
    expect(problems(await admin.request(CREATE, { termId: ids.springTerm, input: input() }))).toEqual([
      { field: 'validFrom', code: 'OUTSIDE_TERM' },
      { field: 'validTo', code: 'OUTSIDE_TERM' },
    ]);
    expect(problems(await admin.request(END, { id: series.id, lastDate: '2026-11-24' }))).toEqual([
      { field: 'lastDate', code: 'BEFORE_START' },
    ]);
    expect(problems(await admin.request(END, { id: series.id, lastDate: '2026-12-21' }))).toEqual([
      { field: 'lastDate', code: 'AFTER_END' },
    ]);
    expect(problems(await admin.request(END, { id: series.id, lastDate: 'snart' }))).toEqual([{ field: 'lastDate', code: 'INVALID_DATE' }]);
    expect(errorCode(await admin.request(CREATE, { termId: '00000000-0000-4000-8000-000000000000', input: input() }))).toBe('NOT_FOUND');
    expect(await server.db.prisma.lessonSeries.count()).toBe(seriesBefore);
    expect(await server.db.prisma.lessonSeries.findUniqueOrThrow({ where: { id: series.id } })).toMatchObject({
      startMinute: 15 * 60,
      room: 'B204',
    });
    expect(await auditCount()).toBe(auditBefore);
  });

  it("lists a group's series, searched, sorted and paged", async () => {
    type Page = { lessonSeriesList: { items: Series[]; pageInfo: { total: number; limit: number } } };
    const all = data(
      await admin.request<Page>(LIST, {
        schoolId: ids.school,
        termId: ids.term,
        groupId: ids.group,
        sort: { field: 'WEEKDAY', direction: 'DESC' },
      }),
    ).lessonSeriesList;
    expect(all.pageInfo.total).toBe(await server.db.prisma.lessonSeries.count({ where: { termId: ids.term, groupId: ids.group } }));
    const keys = all.items.map((s) => s.weekday * 10_000 + Number(s.startTime.replace(':', '')));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    const found = data(await admin.request<Page>(LIST, { schoolId: ids.school, termId: ids.term, search: 'b204' })).lessonSeriesList;
    expect(found.items.map((s) => s.id)).toContain(series.id);
    expect(found.items.every((s) => s.room?.toLowerCase().includes('b204') || s.groupName.toLowerCase().includes('b204'))).toBe(true);
    const paged = data(
      await admin.request<Page>(LIST, {
        schoolId: ids.school,
        termId: ids.term,
        page: { offset: 2, limit: 2 },
        sort: { field: 'GROUP', direction: 'ASC' },
      }),
    ).lessonSeriesList;
    expect(paged.items).toHaveLength(2);
    expect(paged.pageInfo.total).toBeGreaterThan(2);
  });

  it('generates the lessons once: the second run changes nothing; a break or a bad date is refused', async () => {
    const before = await server.db.prisma.lesson.count();
    const first = await generate();
    expect(first).toMatchObject({ termId: ids.term, from: '2026-11-25', created: 4, updated: 0, removed: 0 });
    expect(first.unchanged + first.keptChanged + first.keptWithAttendance).toBeGreaterThan(0);
    const lessons = await seriesLessons(series.id);
    expect(lessons.map((l) => l.date.toISOString().slice(0, 10))).toEqual(['2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16']);
    expect(lessons[0]!.startsAt.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(lessons.every((l) => l.teachers.map((t) => t.staffId).join() === ids.teacher && l.room === 'B204')).toBe(true);
    const second = await generate();
    expect(second).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: first.unchanged + 4 });
    expect(await server.db.prisma.lesson.count()).toBe(before + 4);
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.term.generated', entityId: ids.term } });
    expect(row.details).toMatchObject({ before: null, after: { schoolId: ids.school, created: 4, removed: 0 } });

    const auditBefore = await auditCount();
    expect(problems(await admin.request(GENERATE, { termId: ids.term, schoolId: ids.school, from: '2027-01-12' }))).toEqual([
      { field: 'from', code: 'OUTSIDE_TERM' },
    ]);
    expect(problems(await admin.request(GENERATE, { termId: ids.term, schoolId: ids.school, from: '25/11' }))).toEqual([
      { field: 'from', code: 'INVALID_DATE' },
    ]);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('regenerates after a change of the series, never touching a lesson with attendance', async () => {
    data(await admin.request(UPDATE, { id: series.id, input: input({ startTime: '10:00' }) }));
    expect(await generate()).toMatchObject({ created: 0, updated: 4, removed: 0 });
    const [taken] = await seriesLessons(series.id);
    // A roll call of the first lesson, as the roll call saves one.
    await server.db.prisma.lesson.update({
      where: { id: taken!.id },
      data: { attendanceTakenAt: new Date(), attendanceTakenById: ids.teacher },
    });
    await server.db.prisma.attendance.create({
      data: { lessonId: taken!.id, studentId: ids.student, status: 'ABSENT', markedById: ids.teacher, markedAt: new Date() },
    });
    data(await admin.request(UPDATE, { id: series.id, input: input({ startTime: '11:00', room: 'B210', teacherIds: [ids.substitute] }) }));
    const ended = data(await admin.request<{ endLessonSeries: Series }>(END, { id: series.id, lastDate: '2026-12-02' })).endLessonSeries;
    expect(ended.validTo).toBe('2026-12-02');
    expect(
      await server.db.prisma.auditEvent.count({
        where: { action: { in: ['admin.lessonSeries.updated', 'admin.lessonSeries.ended'] }, entityId: series.id },
      }),
    ).toBe(3);

    const result = await generate();
    expect(result).toMatchObject({ created: 0, updated: 1, removed: 2 });
    expect(result.keptWithAttendance).toBeGreaterThanOrEqual(1);
    const lessons = await seriesLessons(series.id);
    expect(
      lessons.map((l) => [l.date.toISOString().slice(0, 10), l.startsAt.toISOString(), l.room, l.teachers.map((t) => t.staffId)]),
    ).toEqual([
      ['2026-11-25', '2026-11-25T09:00:00.000Z', 'B204', [ids.teacher]],
      ['2026-12-02', '2026-12-02T10:00:00.000Z', 'B210', [ids.substitute]],
    ]);
    expect(lessons[0]!.id).toBe(taken!.id);
    expect(await server.db.prisma.attendance.count({ where: { lessonId: taken!.id } })).toBe(1);
  });

  it('moves a lesson with a substitute, keeping the original time and room, as the week schedule shows', async () => {
    const [, lesson] = await seriesLessons(series.id);
    const auditBefore = await auditCount();
    const moved = data(
      await admin.request<{ changeLesson: Lesson }>(CHANGE, {
        id: lesson!.id,
        input: { date: '2026-12-03', startTime: '13:00', room: 'Aulan', teacherIds: [ids.teacher], note: 'Vikarie, flyttad till aulan' },
      }),
    ).changeLesson;
    expect(moved).toMatchObject({
      date: '2026-12-03',
      startTime: '13:00',
      startsAt: '2026-12-03T12:00:00.000Z',
      room: 'Aulan',
      originalStartsAt: '2026-12-02T10:00:00.000Z',
      originalRoom: 'B210',
      changeNote: 'Vikarie, flyttad till aulan',
      teachers: [{ id: ids.teacher }],
      term: { id: ids.term },
    });
    expect(await auditCount()).toBe(auditBefore + 1);
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.lesson.updated', entityId: lesson!.id } });
    expect(row.details).toMatchObject({
      before: { date: '2026-12-02', room: 'B210', originalStartsAt: null, teacherIds: [ids.substitute] },
      after: { date: '2026-12-03', room: 'Aulan', originalStartsAt: '2026-12-02T10:00:00.000Z', teacherIds: [ids.teacher] },
    });

    const week = data(
      await others.student.request<{
        studentWeekSchedule: {
          days: { date: string; lessons: { id: string; changed: boolean; originalRoom: string | null; changeNote: string | null }[] }[];
        };
      }>(WEEK, { studentId: ids.student, week: { isoYear: 2026, isoWeek: 49 } }),
    ).studentWeekSchedule;
    const shown = week.days.find((d) => d.date === '2026-12-03')!.lessons.find((l) => l.id === lesson!.id);
    expect(shown).toMatchObject({ changed: true, originalRoom: 'B210', changeNote: 'Vikarie, flyttad till aulan' });
    expect(week.days.find((d) => d.date === '2026-12-02')!.lessons.map((l) => l.id)).not.toContain(lesson!.id);

    // Generating again keeps the moved lesson and makes no second one on its series date.
    expect(await generate()).toMatchObject({ created: 0, removed: 0 });
    expect((await seriesLessons(series.id)).map((l) => l.id)).toEqual([expect.any(String), lesson!.id]);

    const found = data(
      await admin.request<{ scheduleGroupLessons: Lesson[] }>(GROUP_LESSONS, { groupId: ids.group, week: { isoYear: 2026, isoWeek: 49 } }),
    ).scheduleGroupLessons;
    expect(found.map((l) => l.id)).toContain(lesson!.id);
  });

  it('refuses a move onto a break, outside the term, to a weekend, and every other bad field; nothing written', async () => {
    const [taken, lesson] = await seriesLessons(series.id);
    const change = (overrides: Record<string, unknown>, id = lesson!.id) =>
      admin.request(CHANGE, {
        id,
        input: { date: '2026-12-04', startTime: '09:00', room: 'B1', teacherIds: [ids.teacher], note: 'Flyttad', ...overrides },
      });
    const auditBefore = await auditCount();
    const cases: [Record<string, unknown>, { field: string; code: string }[]][] = [
      [{ date: '2026-10-28' }, [{ field: 'date', code: 'ON_BREAK' }]],
      [{ date: '2027-01-12' }, [{ field: 'date', code: 'OUTSIDE_TERM' }]],
      [{ date: '2026-08-03' }, [{ field: 'date', code: 'OUTSIDE_TERM' }]],
      [{ date: '2026-12-05' }, [{ field: 'date', code: 'NOT_A_WEEKDAY' }]],
      [{ date: '2026-02-30' }, [{ field: 'date', code: 'INVALID_DATE' }]],
      [{ startTime: '9' }, [{ field: 'startTime', code: 'INVALID_TIME' }]],
      [{ startTime: '21:30' }, [{ field: 'startTime', code: 'OUTSIDE_SCHOOL_DAY' }]],
      [{ room: 'x'.repeat(41) }, [{ field: 'room', code: 'TOO_LONG' }]],
      [{ note: '  ' }, [{ field: 'note', code: 'REQUIRED' }]],
      [{ teacherIds: [] }, [{ field: 'teacherIds', code: 'REQUIRED' }]],
      [{ teacherIds: [ids.grannbyStaff] }, [{ field: 'teacherIds', code: 'UNKNOWN' }]],
    ];
    for (const [overrides, expected] of cases) expect(problems(await change(overrides)), JSON.stringify(overrides)).toEqual(expected);
    // The lesson with a saved roll call keeps its time; it may not be cancelled either.
    expect(problems(await change({ date: '2026-11-25', startTime: '12:00' }, taken!.id))).toEqual([
      { field: 'date', code: 'ATTENDANCE_TAKEN' },
    ]);
    expect(problems(await admin.request(CANCEL, { id: taken!.id, reason: 'Sjuk' }))).toEqual([{ field: 'id', code: 'ATTENDANCE_TAKEN' }]);
    expect(await auditCount()).toBe(auditBefore);
    expect(await server.db.prisma.lesson.findUniqueOrThrow({ where: { id: lesson!.id } })).toMatchObject({ room: 'Aulan' });
    expect(await server.db.prisma.lesson.findUniqueOrThrow({ where: { id: taken!.id } })).toMatchObject({ status: 'SCHEDULED' });
  });

  it('cancels a lesson with a reason, as the week schedule shows; refuses it twice, without a reason, or a change after', async () => {
    const lesson = await server.db.prisma.lesson.findFirstOrThrow({
      where: { groupId: { in: ids.studentGroups }, date: new Date('2026-12-01'), status: 'SCHEDULED', attendanceTakenAt: null },
      orderBy: { startsAt: 'asc' },
    });
    expect(problems(await admin.request(CANCEL, { id: lesson.id, reason: ' ' }))).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
    const cancelled = data(await admin.request<{ cancelLesson: Lesson }>(CANCEL, { id: lesson.id, reason: 'Studiebesök' })).cancelLesson;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', changeNote: 'Studiebesök' });
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.lesson.updated', entityId: lesson.id } });
    expect(row.details).toMatchObject({
      before: { status: 'SCHEDULED', changeNote: null },
      after: { status: 'CANCELLED', changeNote: 'Studiebesök' },
    });
    expect(problems(await admin.request(CANCEL, { id: lesson.id, reason: 'Igen' }))).toEqual([{ field: 'id', code: 'ALREADY_CANCELLED' }]);
    expect(
      problems(
        await admin.request(CHANGE, {
          id: lesson.id,
          input: { date: '2026-12-01', startTime: '10:00', teacherIds: [ids.teacher], note: 'Flyttad' },
        }),
      ),
    ).toEqual([{ field: 'id', code: 'CANCELLED' }]);

    const week = data(
      await others.student.request<{
        studentWeekSchedule: { days: { date: string; lessons: { id: string; status: string; changeNote: string | null }[] }[] };
      }>(WEEK, { studentId: ids.student, week: { isoYear: 2026, isoWeek: 49 } }),
    ).studentWeekSchedule;
    expect(week.days.find((d) => d.date === '2026-12-01')!.lessons.find((l) => l.id === lesson.id)).toMatchObject({
      status: 'CANCELLED',
      changeNote: 'Studiebesök',
    });
    const shown = data(await admin.request<{ administeredLesson: Lesson }>(LESSON, { id: lesson.id })).administeredLesson;
    expect(shown).toMatchObject({ status: 'CANCELLED', attendanceTaken: false, term: { id: ids.term } });
    expect(shown.term.breaks.length).toBeGreaterThan(0);
  });

  it('takes a cancellation back: the lesson is held with the note it had before, audited; only a cancelled one', async () => {
    const lesson = await server.db.prisma.lesson.findFirstOrThrow({
      where: { groupId: { in: ids.studentGroups }, date: new Date('2026-12-02'), status: 'SCHEDULED', attendanceTakenAt: null },
      orderBy: { startsAt: 'asc' },
    });
    expect(problems(await admin.request(RESTORE, { id: lesson.id }))).toEqual([{ field: 'id', code: 'NOT_CANCELLED' }]);
    // A substitute first, then cancelled after all, then held after all: the substitute's note comes back.
    const { startTime } = data(await admin.request<{ administeredLesson: Lesson }>(LESSON, { id: lesson.id })).administeredLesson;
    const substitute = { date: '2026-12-02', startTime, teacherIds: [ids.teacher], note: 'Vikarie' };
    data(await admin.request(CHANGE, { id: lesson.id, input: substitute }));
    data(await admin.request(CANCEL, { id: lesson.id, reason: 'Läraren sjuk' }));
    const restored = data(await admin.request<{ restoreLesson: Lesson }>(RESTORE, { id: lesson.id })).restoreLesson;
    expect(restored).toMatchObject({ status: 'SCHEDULED', changeNote: 'Vikarie' });
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'admin.lesson.updated', entityId: lesson.id },
      orderBy: { id: 'desc' },
    });
    expect(row.details).toMatchObject({
      before: { status: 'CANCELLED', changeNote: 'Läraren sjuk' },
      after: { status: 'SCHEDULED', changeNote: 'Vikarie' },
    });
    expect(problems(await admin.request(RESTORE, { id: lesson.id }))).toEqual([{ field: 'id', code: 'NOT_CANCELLED' }]);

    const week = data(
      await others.student.request<{
        studentWeekSchedule: { days: { date: string; lessons: { id: string; status: string; changeNote: string | null }[] }[] };
      }>(WEEK, { studentId: ids.student, week: { isoYear: 2026, isoWeek: 49 } }),
    ).studentWeekSchedule;
    expect(week.days.find((d) => d.date === '2026-12-02')!.lessons.find((l) => l.id === lesson.id)).toMatchObject({
      status: 'SCHEDULED',
      changeNote: 'Vikarie',
    });
  });
});
