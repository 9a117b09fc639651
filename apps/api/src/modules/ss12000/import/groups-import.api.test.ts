// Groups, memberships, subjects and duties from an SS 12000 source, from the outside: what a first run adds, that a
// second changes nothing, that what leaves the source is ended with a date (its history kept), the bad records that
// stop a run with nothing written, the progress shown while it reads, and the nightly run.
import { dayBefore, personnummerFor } from '@insyn/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, loggedIn, SERVER_DATABASE, startTestServer, type TestClient, type TestServer } from '../../../test/harness.ts';
import {
  finishedImportRun,
  IMPORT_RUN_FIELDS,
  importThroughApi,
  startTestSource,
  type ImportRun,
  type TestSource,
} from '../../../test/ss12000-source.ts';
import { runNightlyImports } from './nightly.ts';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const SAVE = `mutation($input: Ss12000SourceInput!) { saveSs12000Source(input: $input) { baseUrl } }`;
const id = (n: number) => `6d000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SCHOOL = id(1);
const [CLASS, TEACHING, SCHEDULE] = [id(500), id(501), id(502)];
const [TEACHER_DUTY, PRINCIPAL_DUTY, ADMIN_DUTY] = [id(400), id(401), id(402)];

/** A school with a class, a teaching group taught by the class's mentor, a principal, and a schedule group Insyn does not keep. */
function sourceData(yearStart: string, today = yearStart) {
  const student = (n: number) => ({
    id: id(10 + n),
    givenName: `Elev${n}`,
    familyName: 'Gruppsson',
    civicNo: { value: personnummerFor(`2014-0${n}-2${n}`, 400 + n).replace('-', '') },
    enrolments: [{ enroledAt: { id: SCHOOL }, schoolType: 'GR', schoolYear: 6 }],
    responsibles: [],
  });
  const member = (n: number, extra: object = {}) => ({ person: { id: id(10 + n) }, startDate: yearStart, ...extra });
  return {
    organisations: [
      { id: SCHOOL, displayName: 'Gruppbyskolan', organisationType: 'Skolenhet', schoolUnitCode: '99112233', schoolTypes: ['GR'] },
    ],
    persons: [
      student(1),
      student(2),
      student(3),
      student(4),
      { id: id(200), givenName: 'Greta', familyName: 'Mentorsson' },
      { id: id(201), givenName: 'Rut', familyName: 'Rektorsson' },
      { id: id(202), givenName: 'Ada', familyName: 'Adminsson' },
    ],
    duties: [
      {
        id: TEACHER_DUTY,
        person: { id: id(200) },
        dutyAt: { id: SCHOOL },
        dutyRole: 'Lärare',
        signature: 'GRME',
        startDate: yearStart,
        assignmentRole: [{ group: { id: CLASS }, assignmentRoleType: 'Mentor' }],
      },
      { id: PRINCIPAL_DUTY, person: { id: id(201) }, dutyAt: { id: SCHOOL }, dutyRole: 'Rektor', signature: 'RURE', startDate: yearStart },
      // An administrator's rights are given in Insyn, not by the source.
      { id: ADMIN_DUTY, person: { id: id(202) }, dutyAt: { id: SCHOOL }, dutyRole: 'Skoladministratör', signature: 'ADAD' },
    ],
    syllabuses: [{ id: id(600), subjectCode: 'GBK', subjectName: 'Gruppbykunskap' }],
    groups: [
      {
        id: CLASS,
        displayName: '6G',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: SCHOOL },
        startDate: yearStart,
        groupMemberships: [member(1), member(2), member(3)],
      },
      {
        id: TEACHING,
        displayName: 'GBK6',
        groupType: 'Undervisning',
        schoolType: 'GR',
        organisation: { id: SCHOOL },
        startDate: yearStart,
        groupMemberships: [member(1), member(2)],
      },
      { id: SCHEDULE, displayName: 'Schema 6', groupType: 'Schema', schoolType: 'GR', organisation: { id: SCHOOL }, groupMemberships: [] },
    ],
    activities: [
      {
        id: id(700),
        displayName: 'Gruppbykunskap GBK6',
        activityType: 'Undervisning',
        groups: [{ id: TEACHING }, { id: SCHEDULE }],
        teachers: [{ duty: { id: TEACHER_DUTY } }],
        syllabus: { id: id(600) },
        organisation: { id: SCHOOL },
      },
    ],
    // Yesterday's lesson, tomorrow's, and one the day after that is cancelled.
    calendarEvents: [
      { id: id(800), activity: { id: id(700) }, startTime: `${dayBefore(today)}T08:00:00Z`, endTime: `${dayBefore(today)}T09:00:00Z` },
      { id: id(801), activity: { id: id(700) }, startTime: `${dayAfter(today, 1)}T08:00:00Z`, endTime: `${dayAfter(today, 1)}T09:00:00Z` },
      {
        id: id(802),
        activity: { id: id(700) },
        startTime: `${dayAfter(today, 2)}T08:00:00Z`,
        endTime: `${dayAfter(today, 2)}T09:00:00Z`,
        cancelled: true,
      },
    ],
  };
}

const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(SERVER_DATABASE)('SS 12000 import of groups and duties, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let source: TestSource;
  let yearStart: string;
  const count = (run: ImportRun, what: string) => run.counts.find((one) => one.kind === what);
  const written = async () => ({
    groups: await server.db.prisma.group.count(),
    memberships: await server.db.prisma.groupMembership.findMany({ orderBy: { id: 'asc' } }),
    duties: await server.db.prisma.staffDuty.findMany({ orderBy: { id: 'asc' } }),
    subjects: await server.db.prisma.subject.count(),
    links: await server.db.prisma.ss12000Link.count(),
  });
  const lessons = async () =>
    (
      await server.db.prisma.lesson.findMany({
        where: { group: { school: { unitCode: '99112233' } } },
        include: { group: true, subject: true, teachers: { include: { staff: true } } },
        orderBy: { startsAt: 'asc' },
      })
    ).map((lesson) => ({
      date: lesson.date.toISOString().slice(0, 10),
      time: lesson.startsAt.toISOString().slice(11, 16),
      group: lesson.group.name,
      subject: lesson.subject.code,
      status: lesson.status,
      teachers: lesson.teachers.map((teacher) => teacher.staff.signature),
    }));
  const imported = async () => {
    const school = await server.db.prisma.school.findUniqueOrThrow({ where: { unitCode: '99112233' } });
    const groups = await server.db.prisma.group.findMany({
      where: { schoolId: school.id },
      include: { subject: true, memberships: { include: { student: true }, orderBy: { student: { firstName: 'asc' } } } },
      orderBy: { name: 'asc' },
    });
    const duties = await server.db.prisma.staffDuty.findMany({
      where: { OR: [{ schoolId: school.id }, { group: { schoolId: school.id } }] },
      include: { staff: true, group: true },
      orderBy: { kind: 'asc' },
    });
    return { school, groups, duties };
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { env: { JWT_SECRET: SECRET, SS12000_SOURCE_TIMEOUT_MS: '2000' } });
    admin = await loggedIn(server, 'admin');
    const year = await server.db.prisma.schoolYear.findFirstOrThrow({
      where: {
        startDate: { lte: new Date(server.today) },
        endDate: { gte: new Date(server.today) },
        organisation: { schools: { some: {} } },
      },
      orderBy: { startDate: 'asc' },
    });
    yearStart = year.startDate.toISOString().slice(0, 10);
    source = await startTestSource(sourceData(yearStart, server.today));
    await admin.request(SAVE, { input: { baseUrl: source.url, auth: 'BEARER_TOKEN', secret: source.token } });
  });
  beforeEach(() => {
    source.behaviour = {};
    // A source without deletedEntities: every run reads everything, unless a test offers it.
    source.deletions = undefined;
  });
  afterAll(async () => {
    await source?.stop();
    await server?.stop();
  });

  it('brings in the classes and teaching groups with their members, the subject, and the mentor, teacher and principal', async () => {
    Object.assign(source.data, sourceData(yearStart, server.today));
    const dry = await importThroughApi(admin, false);
    expect(dry.problems).toEqual([]);
    const first = await importThroughApi(admin, true);
    expect(first.outcome).toBe('APPLIED');
    expect(first.counts.filter((one) => ['subjects', 'groups', 'memberships', 'duties', 'lessons'].includes(one.kind))).toEqual([
      { kind: 'subjects', added: 1, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'groups', added: 2, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'memberships', added: 5, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'duties', added: 3, changed: 0, ended: 0, unchanged: 0 },
      { kind: 'lessons', added: 3, changed: 0, ended: 0, unchanged: 0 },
    ]);
    expect(dry.counts).toEqual(first.counts);

    const { groups, duties } = await imported();
    expect(
      groups.map((group) => ({
        name: group.name,
        kind: group.kind,
        yearLevel: group.yearLevel,
        subject: group.subject?.code ?? null,
        members: group.memberships.map((membership) => [
          membership.student.firstName,
          membership.validFrom.toISOString().slice(0, 10),
          membership.validTo,
        ]),
      })),
    ).toEqual([
      {
        name: '6G',
        kind: 'CLASS',
        yearLevel: 6,
        subject: null,
        members: [
          ['Elev1', yearStart, null],
          ['Elev2', yearStart, null],
          ['Elev3', yearStart, null],
        ],
      },
      {
        name: 'GBK6',
        kind: 'TEACHING',
        yearLevel: null,
        subject: 'GBK',
        members: [
          ['Elev1', yearStart, null],
          ['Elev2', yearStart, null],
        ],
      },
    ]);
    expect(duties.map((duty) => [duty.kind, duty.staff.signature, duty.group?.name ?? null])).toEqual([
      ['TEACHER', 'GRME', 'GBK6'],
      ['MENTOR', 'GRME', '6G'],
      ['PRINCIPAL', 'RURE', null],
    ]);
    expect(await server.db.prisma.staffDuty.count({ where: { staff: { signature: 'ADAD' } } })).toBe(0);
    expect(await lessons()).toEqual([
      { date: dayBefore(server.today), time: '08:00', group: 'GBK6', subject: 'GBK', status: 'SCHEDULED', teachers: ['GRME'] },
      { date: dayAfter(server.today, 1), time: '08:00', group: 'GBK6', subject: 'GBK', status: 'SCHEDULED', teachers: ['GRME'] },
      { date: dayAfter(server.today, 2), time: '08:00', group: 'GBK6', subject: 'GBK', status: 'CANCELLED', teachers: ['GRME'] },
    ]);

    const again = await importThroughApi(admin, true);
    expect(again.problems).toEqual([]);
    expect(again.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
    expect(count(again, 'memberships')?.unchanged).toBe(5);
  });

  it('ends with a date what has left the source, keeps its history, and adds who came', async () => {
    const data = sourceData(yearStart, server.today);
    // Elev3 has left the class, Elev4 joined it today; the mentor is mentor no more; the teaching group was renamed.
    data.groups[0]!.groupMemberships = [
      data.groups[0]!.groupMemberships![0]!,
      data.groups[0]!.groupMemberships![1]!,
      { person: { id: id(14) }, startDate: server.today },
    ];
    data.duties[0]!.assignmentRole = [];
    data.groups[1]!.displayName = 'GBK6a';
    Object.assign(source.data, data);
    const run = await importThroughApi(admin, true);
    expect(run.problems).toEqual([]);
    expect(count(run, 'memberships')).toEqual({ kind: 'memberships', added: 1, changed: 0, ended: 1, unchanged: 4 });
    expect(count(run, 'duties')).toEqual({ kind: 'duties', added: 0, changed: 0, ended: 1, unchanged: 2 });
    expect(count(run, 'groups')).toEqual({ kind: 'groups', added: 0, changed: 1, ended: 0, unchanged: 1 });
    expect(run.changes).toContainEqual({ kind: 'memberships', sourceId: CLASS, name: 'Elev3 Gruppsson – 6G', outcome: 'END', fields: [] });

    const { groups, duties } = await imported();
    const leaver = groups[0]!.memberships.find((membership) => membership.student.firstName === 'Elev3')!;
    expect(leaver.validTo?.toISOString().slice(0, 10)).toBe(dayBefore(server.today));
    expect(groups.map((group) => group.name)).toEqual(['6G', 'GBK6a']);
    const mentor = duties.find((duty) => duty.kind === 'MENTOR')!;
    expect(mentor.validTo?.toISOString().slice(0, 10)).toBe(dayBefore(server.today));
    const audits = await server.db.prisma.auditEvent.count({ where: { action: 'admin.groupMembership.ended', entityId: leaver.id } });
    expect(audits).toBe(1);

    // Nothing more to do the next time.
    const again = await importThroughApi(admin, true);
    expect(again.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
  });

  it('follows the calendar: a moved lesson moves, a gone one is removed unless it has been held', async () => {
    const data = sourceData(yearStart, server.today);
    // Yesterday's and tomorrow's lessons are gone from the source; the cancelled one is held after all, an hour later.
    data.calendarEvents = [
      {
        id: id(802),
        activity: { id: id(700) },
        startTime: `${dayAfter(server.today, 2)}T09:00:00Z`,
        endTime: `${dayAfter(server.today, 2)}T10:00:00Z`,
      },
    ];
    Object.assign(source.data, data);
    const run = await importThroughApi(admin, true);
    expect(run.problems).toEqual([]);
    expect(count(run, 'lessons')).toEqual({ kind: 'lessons', added: 0, changed: 1, ended: 1, unchanged: 0 });
    expect(run.changes).toContainEqual(
      expect.objectContaining({ kind: 'lessons', sourceId: id(802), outcome: 'CHANGE', fields: ['startsAt', 'endsAt', 'status'] }),
    );
    // Yesterday's lesson is past, part of the school's history: it stays.
    expect(await lessons()).toEqual([
      { date: dayBefore(server.today), time: '08:00', group: 'GBK6', subject: 'GBK', status: 'SCHEDULED', teachers: ['GRME'] },
      { date: dayAfter(server.today, 2), time: '09:00', group: 'GBK6', subject: 'GBK', status: 'SCHEDULED', teachers: ['GRME'] },
    ]);
    expect((await importThroughApi(admin, true)).counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
  });

  it('leaves a lesson changed in Insyn as the school changed it', async () => {
    const lesson = await server.db.prisma.lesson.findFirstOrThrow({
      where: { group: { school: { unitCode: '99112233' } }, date: new Date(dayAfter(server.today, 2)) },
    });
    await server.db.prisma.lesson.update({
      where: { id: lesson.id },
      data: { originalStartsAt: lesson.startsAt, startsAt: new Date(lesson.startsAt.getTime() + 3_600_000), changeNote: 'Flyttad' },
    });
    const data = sourceData(yearStart, server.today);
    Object.assign(source.data, data);
    const run = await importThroughApi(admin, true);
    expect(run.problems).toEqual([]);
    // The source has it at 08:00 and cancelled; the school moved it an hour on and holds it.
    const after = await server.db.prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(after).toMatchObject({ startsAt: new Date(lesson.startsAt.getTime() + 3_600_000), status: 'SCHEDULED', changeNote: 'Flyttad' });
  });

  it('keeps the lessons when the source no longer offers its calendar events', async () => {
    const before = await lessons();
    expect(before.length).toBeGreaterThan(0);
    Object.assign(source.data, sourceData(yearStart, server.today));
    delete source.data.calendarEvents;
    const run = await importThroughApi(admin, true);
    expect(run.problems).toEqual([]);
    expect(count(run, 'lessons')).toEqual({ kind: 'lessons', added: 0, changed: 0, ended: 0, unchanged: 0 });
    expect(await lessons()).toEqual(before);
  });

  it("keeps a teaching group's own subject among those it is taught, and takes the source's when it is not", async () => {
    const data = sourceData(yearStart, server.today);
    data.syllabuses.push({ id: id(601), subjectCode: 'GBX', subjectName: 'Gruppbyextra' });
    data.activities.push({
      id: id(701),
      displayName: 'Gruppbyextra GBK6',
      activityType: 'Undervisning',
      groups: [{ id: TEACHING }],
      teachers: [],
      syllabus: { id: id(601) },
      organisation: { id: SCHOOL },
    });
    Object.assign(source.data, data);
    const both = await importThroughApi(admin, true);
    expect(both.problems).toEqual([]);
    expect(count(both, 'groups')).toMatchObject({ changed: 0 });
    const subjectOf = async () => (await imported()).groups.find((group) => group.name === 'GBK6')!.subject?.code;
    expect(await subjectOf()).toBe('GBK');

    data.activities[0]!.syllabus = { id: id(601) };
    Object.assign(source.data, data);
    const other = await importThroughApi(admin, true);
    expect(other.changes).toContainEqual({ kind: 'groups', sourceId: TEACHING, name: 'GBK6', outcome: 'CHANGE', fields: ['subjectId'] });
    expect(await subjectOf()).toBe('GBX');
  });

  it('later runs read what changed since the last one and what the source deleted; everything when asked', async () => {
    const OLD = '2026-01-01T00:00:00.000Z';
    const stamp = (data: ReturnType<typeof sourceData>, modified: string) => {
      for (const list of Object.values(data)) for (const record of list) Object.assign(record, { meta: { created: OLD, modified } });
      return data;
    };
    Object.assign(source.data, stamp(sourceData(yearStart, server.today), OLD));
    source.deletions = [];
    // A run that reads everything first, to start from.
    expect((await importThroughApi(admin, true, true)).changesSince).toBeNull();

    // Nothing changed since: persons, groups and lessons are not read at all, the small lists are.
    const asked = source.requests.length;
    const quiet = await importThroughApi(admin, true);
    expect(quiet.problems).toEqual([]);
    expect(quiet.changesSince).not.toBeNull();
    expect(quiet.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
    expect(count(quiet, 'students')?.unchanged).toBe(0);
    expect(count(quiet, 'memberships')?.unchanged).toBe(0);
    expect(count(quiet, 'duties')?.unchanged).toBe(3);
    const requests = source.requests.slice(asked);
    expect(requests.some((request) => request.startsWith('GET /v2.1/persons?meta.modified.after='))).toBe(true);
    expect(requests.some((request) => request.startsWith('GET /v2.1/deletedEntities?meta.modified.after='))).toBe(true);

    // One student renamed, the teaching group and tomorrow's lesson deleted in the source.
    const later = new Date(server.clock().getTime() + 60_000).toISOString();
    const data = stamp(sourceData(yearStart, server.today), OLD);
    Object.assign(data.persons[0]!, { familyName: 'Bytt', meta: { created: OLD, modified: later } });
    data.groups.splice(1, 1);
    data.activities[0]!.groups = [{ id: SCHEDULE }];
    data.calendarEvents.splice(1, 1);
    Object.assign(source.data, data);
    source.deletions = [
      { endpoint: 'groups', id: TEACHING, at: later },
      { endpoint: 'calendarEvents', id: id(801), at: later },
    ];
    const changed = await importThroughApi(admin, true);
    expect(changed.problems).toEqual([]);
    expect(count(changed, 'students')).toEqual({ kind: 'students', added: 0, changed: 1, ended: 0, unchanged: 0 });
    expect(count(changed, 'groups')).toEqual({ kind: 'groups', added: 0, changed: 0, ended: 1, unchanged: 0 });
    expect(count(changed, 'memberships')).toEqual({ kind: 'memberships', added: 0, changed: 0, ended: 2, unchanged: 0 });
    // Tomorrow's lesson (its event deleted) and the next (its group deleted); yesterday's, held, stays.
    expect(count(changed, 'lessons')).toEqual({ kind: 'lessons', added: 0, changed: 0, ended: 2, unchanged: 0 });
    // The activities are read whole every time: the teacher of the deleted group is no longer.
    expect(count(changed, 'duties')).toEqual({ kind: 'duties', added: 0, changed: 0, ended: 1, unchanged: 2 });
    // The class, not read this time, keeps its members.
    const { groups } = await imported();
    expect(groups.find((group) => group.name === '6G')!.memberships.every((membership) => membership.validTo === null)).toBe(true);

    // Asked to read everything, a run does, and finds nothing more to do.
    const everything = await importThroughApi(admin, true, true);
    expect(everything.changesSince).toBeNull();
    expect(everything.problems).toEqual([]);
    expect(everything.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
  });

  it('refuses bad groups and duties, naming each, and writes nothing', async () => {
    const before = await written();
    const data = sourceData(yearStart, server.today);
    data.groups.push(
      // at a school the source does not have
      {
        id: id(510),
        displayName: 'X1',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: id(9) },
        startDate: yearStart,
        groupMemberships: [],
      },
      // in no school year Insyn has
      {
        id: id(511),
        displayName: 'X2',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: SCHOOL },
        startDate: '1990-01-10',
        groupMemberships: [],
      },
      // a member nobody knows, and Elev1 in a second class
      {
        id: id(512),
        displayName: 'X3',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: SCHOOL },
        startDate: yearStart,
        groupMemberships: [{ person: { id: id(99) }, startDate: yearStart }],
      },
      {
        id: id(513),
        displayName: 'X4',
        groupType: 'Klass',
        schoolType: 'GR',
        organisation: { id: SCHOOL },
        startDate: yearStart,
        groupMemberships: [{ person: { id: id(11) }, startDate: yearStart }],
      },
    );
    // a mentor of a teaching group
    data.duties[0]!.assignmentRole = [{ group: { id: TEACHING }, assignmentRoleType: 'Mentor' }];
    Object.assign(source.data, data);
    const run = await importThroughApi(admin, true);
    expect(run.outcome).toBe('REFUSED');
    expect(run.problems).toEqual(
      expect.arrayContaining([
        { endpoint: 'groups', sourceId: id(510), code: 'UNKNOWN_SCHOOL', field: 'organisation' },
        { endpoint: 'groups', sourceId: id(511), code: 'NO_SCHOOL_YEAR', field: 'startDate' },
        { endpoint: 'groups', sourceId: id(512), code: 'UNKNOWN_STUDENT', field: `groupMemberships:${id(99)}` },
        { endpoint: 'groups', sourceId: id(11), code: 'IN_ANOTHER_CLASS', field: 'groupMemberships' },
      ]),
    );
    expect(await written()).toEqual(before);

    // The duty's problem, on its own (the groups' problems stop a run before the duties are read).
    const dutyOnly = sourceData(yearStart, server.today);
    dutyOnly.duties[0]!.assignmentRole = [{ group: { id: TEACHING }, assignmentRoleType: 'Mentor' }];
    Object.assign(source.data, dutyOnly);
    const refused = await importThroughApi(admin, true);
    expect(refused.problems).toEqual([{ endpoint: 'duties', sourceId: TEACHER_DUTY, code: 'NOT_A_CLASS', field: 'assignmentRole' }]);
    expect(await written()).toEqual(before);
  });

  it('shows how far a run has come while it reads', async () => {
    Object.assign(source.data, sourceData(yearStart, server.today));
    let release = () => {};
    source.behaviour = { groups: { held: new Promise<void>((resolve) => (release = resolve)) } };
    const started = await admin.request<{ runSs12000Import: ImportRun }>(
      `mutation { runSs12000Import(apply: false) { ${IMPORT_RUN_FIELDS} } }`,
    );
    const runId = started.data!.runSs12000Import.id;
    try {
      expect(started.data!.runSs12000Import).toMatchObject({ outcome: 'RUNNING', finishedAt: null, progress: { step: 0 } });
      const reading = await eventually(async () => {
        const result = await admin.request<{ ss12000ImportRun: ImportRun }>(
          `query($id: ID!) { ss12000ImportRun(id: $id) { ${IMPORT_RUN_FIELDS} } }`,
          {
            id: runId,
          },
        );
        const run = result.data?.ss12000ImportRun;
        return run?.progress?.endpoint === 'groups' ? run : undefined;
      }, 'the run to read groups');
      expect(reading.outcome).toBe('RUNNING');
      expect(reading.progress).toEqual({ step: 7, steps: 8, endpoint: 'groups' });
      // What it has read so far: the four students.
      const students = count(reading, 'students')!;
      expect(students.added + students.changed + students.unchanged).toBe(4);
      const runs = await admin.request<{ ss12000ImportRuns: ImportRun[] }>('{ ss12000ImportRuns { id outcome } }');
      expect(runs.data?.ss12000ImportRuns[0]).toEqual({ id: runId, outcome: 'RUNNING' });
    } finally {
      release();
    }
    const done = await finishedImportRun(admin, runId);
    expect(done).toMatchObject({ outcome: 'DRY_RUN', progress: null });
    expect(done.finishedAt).not.toBeNull();
  });

  it('marks a run a stopped server left running as failed when the next one starts', async () => {
    const organisationId = (await server.db.prisma.school.findUniqueOrThrow({ where: { unitCode: '99112233' } })).organisationId;
    const startedById = (await server.db.prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } })).id;
    const left = await server.db.prisma.ss12000ImportRun.create({
      data: { organisationId, startedById, startedAt: new Date(), outcome: 'RUNNING', counts: [], problems: [] },
    });
    Object.assign(source.data, sourceData(yearStart, server.today));
    expect((await importThroughApi(admin, false)).outcome).toBe('DRY_RUN');
    await eventually(
      async () =>
        (await server.db.prisma.ss12000ImportRun.findUniqueOrThrow({ where: { id: left.id } })).outcome === 'FAILED' ? true : undefined,
      'the run left behind to be marked failed',
    );
  });

  it('another organisation cannot follow the run', async () => {
    const runs = await admin.request<{ ss12000ImportRuns: ImportRun[] }>('{ ss12000ImportRuns { id } }');
    const other = await loggedIn(server, 'grannby.admin');
    const result = await other.request(`query($id: ID!) { ss12000ImportRun(id: $id) { id } }`, { id: runs.data!.ss12000ImportRuns[0]!.id });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const teacher = await loggedIn(server, 'larare');
    expect(
      (await teacher.request(`query($id: ID!) { ss12000ImportRun(id: $id) { id } }`, { id: runs.data!.ss12000ImportRuns[0]!.id }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('runs every night between 02:00 and 06:00 when switched on, once a night, started by nobody', async () => {
    Object.assign(source.data, sourceData(yearStart, server.today));
    const config = { jwtSecret: SECRET, ss12000SourceTimeoutMs: 2000 };
    const log: string[] = [];
    const night = (time: string) => new Date(`${dayBefore(server.today)}T${time}Z`);
    const nightlyRuns = () => server.db.prisma.ss12000ImportRun.count({ where: { startedById: null } });
    // Off: nothing.
    await runNightlyImports(server.db.prisma, config, night('02:30:00'), (line) => log.push(line));
    expect(await nightlyRuns()).toBe(0);

    const on = await admin.request<{ setSs12000NightlyRun: { nightlyRun: boolean } }>(
      'mutation { setSs12000NightlyRun(on: true) { nightlyRun } }',
    );
    expect(on.data?.setSs12000NightlyRun.nightlyRun).toBe(true);
    // 00:30 UTC is 01:30 in Stockholm in winter: not yet.
    await runNightlyImports(server.db.prisma, config, night('00:30:00'), (line) => log.push(line));
    expect(await nightlyRuns()).toBe(0);
    // 05:00 UTC is 06:00 in Stockholm: too late for a nightly run, too early for anyone to want one during the day.
    await runNightlyImports(server.db.prisma, config, night('05:00:00'), (line) => log.push(line));
    expect(await nightlyRuns()).toBe(0);
    await runNightlyImports(server.db.prisma, config, night('01:05:00'), (line) => log.push(line));
    await runNightlyImports(server.db.prisma, config, night('04:00:00'), (line) => log.push(line));
    expect(log).toEqual([]);
    // Tonight's run, dated in the night (so older than this file's other runs), as the history shows it.
    const nightly = await server.db.prisma.ss12000ImportRun.findMany({ where: { startedById: null }, select: { id: true } });
    expect(nightly).toHaveLength(1);
    expect(await finishedImportRun(admin, nightly[0]!.id)).toMatchObject({ outcome: 'APPLIED', startedByName: null, problems: [] });
    await admin.request('mutation { setSs12000NightlyRun(on: false) { nightlyRun } }');
  });

  it('ends the groups of a student whose enrolment has ended on the last day, though the source lists them still', async () => {
    const data = sourceData(yearStart, server.today);
    const lastDay = dayBefore(server.today);
    // Elev2 left yesterday: the source ended the enrolment, not the memberships.
    Object.assign(data.persons[1]!, { enrolments: [{ enroledAt: { id: SCHOOL }, schoolType: 'GR', schoolYear: 6, endDate: lastDay }] });
    // Elev5 left in the school year's first week, before Insyn read the source, and the class lists them still.
    (data.persons as object[]).push({
      id: id(15),
      givenName: 'Elev5',
      familyName: 'Gruppsson',
      civicNo: { value: personnummerFor('2014-05-25', 405).replace('-', '') },
      enrolments: [{ enroledAt: { id: SCHOOL }, schoolType: 'GR', schoolYear: 6, endDate: dayAfter(yearStart, 4) }],
      responsibles: [],
    });
    data.groups[0]!.groupMemberships = [...data.groups[0]!.groupMemberships!, { person: { id: id(15) }, startDate: yearStart }];
    Object.assign(source.data, data);
    const run = await importThroughApi(admin, true);
    expect(run.problems).toEqual([]);
    expect(run.changes).toContainEqual({
      kind: 'memberships',
      sourceId: CLASS,
      name: 'Elev2 Gruppsson – 6G',
      outcome: 'CHANGE',
      fields: ['validTo'],
    });
    const { groups } = await imported();
    const left = groups.flatMap((group) =>
      group.memberships
        .filter((one) => one.student.firstName === 'Elev2')
        .map((one) => [group.name, one.validTo?.toISOString().slice(0, 10)]),
    );
    expect(left).toEqual([
      ['6G', lastDay],
      ['GBK6', lastDay],
    ]);
    // The student and their history stay (retention deletes them in time); the one who had left is not brought in.
    expect(await server.db.prisma.student.count({ where: { firstName: { in: ['Elev2', 'Elev5'] }, lastName: 'Gruppsson' } })).toBe(1);

    const again = await importThroughApi(admin, true);
    expect(again.problems).toEqual([]);
    expect(again.counts.every((one) => one.added === 0 && one.changed === 0 && one.ended === 0)).toBe(true);
  });
});
