// The study plan through the API: the programme, the planned courses per year, and progress against an
// independent count from the rows (published course grades are inserted as SubjectAssessment rows, as the
// assessments module publishes them). Readers follow student:readAssessments; rule 2 for adult students.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';

const FIELDS = `studentId applies programmeCode programmeName(locale: en) programmeSv: programmeName(locale: sv) totalPoints earnedPoints
  plannedPoints courses { courseId code name points planYear status grade } canEdit plannableCourses { courseId }`;
const STUDY_PLAN = `query($id: ID!) { studyPlan(studentId: $id) { ${FIELDS} } }`;
const PLAN_COURSE = `mutation($id: ID!, $course: ID!, $year: Int!) { planStudyPlanCourse(studentId: $id, courseId: $course, planYear: $year) { ${FIELDS} } }`;
const REMOVE_COURSE = `mutation($id: ID!, $course: ID!) { removeStudyPlanCourse(studentId: $id, courseId: $course) { ${FIELDS} } }`;
const OWN = `{ me { ownPlans { developmentPlans studyPlans } } }`;

interface StudyPlan {
  studentId: string;
  applies: boolean;
  programmeCode: string | null;
  programmeName: string | null;
  programmeSv: string | null;
  totalPoints: number;
  earnedPoints: number;
  plannedPoints: number;
  courses: { courseId: string; code: string; points: number; planYear: number | null; status: string; grade: string | null }[];
  canEdit: boolean;
  plannableCourses: { courseId: string }[];
}

describe('study plans on pglite', () => {
  let server: TestServer;
  let self: TestClient;
  let mentor: TestClient;
  let adult: {
    id: string;
    schoolId: string;
    classId: string;
    programmeCode: string;
    withConsent: string;
    withoutConsent: string;
    /** current teaching groups with a course */
    groups: { id: string; courseId: string; subjectId: string }[];
  };
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    const row = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        schoolId: true,
        programmeCode: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
        memberships: {
          where: { validTo: null },
          select: { group: { select: { id: true, kind: true, courseId: true, subjectId: true } } },
          orderBy: { group: { name: 'asc' } },
        },
      },
    });
    const consenting = (guardianId: string) => row.consents.some((consent) => consent.guardianId === guardianId);
    const username = (consent: boolean) =>
      row.guardianships.find((g) => consenting(g.guardianId) === consent)?.guardian.account?.username ?? '';
    adult = {
      id: row.id,
      schoolId: row.schoolId,
      classId: row.memberships.find((m) => m.group.kind === 'CLASS')?.group.id ?? '',
      programmeCode: row.programmeCode ?? '',
      withConsent: username(true),
      withoutConsent: username(false),
      groups: row.memberships.flatMap(({ group }) =>
        group.courseId && group.subjectId ? [{ id: group.id, courseId: group.courseId, subjectId: group.subjectId }] : [],
      ),
    };
    expect(adult.groups.length).toBeGreaterThanOrEqual(3);
    self = await loggedIn(server, 'myndig');
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: adult.classId }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A teacher of one of the student's groups who is not the class's mentor: teachers do not read study plans. */
  const groupTeacher = async () =>
    (
      await prisma().userAccount.findFirstOrThrow({
        where: {
          staff: {
            duties: {
              some: { kind: 'TEACHER', groupId: { in: adult.groups.map((group) => group.id) } },
              none: { OR: [{ kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } }, { kind: 'MENTOR', groupId: adult.classId }] },
            },
          },
        },
        select: { username: true },
        orderBy: { username: 'asc' },
      })
    ).username;

  const read = async (client: TestClient) => {
    const result = await client.request<{ studyPlan: StudyPlan }>(STUDY_PLAN, { id: adult.id });
    expect(result.errors).toBeUndefined();
    return result.data!.studyPlan;
  };

  it('shows the programme and the planned courses; progress follows the published grades, counted apart from the rows', async () => {
    const [passed, failed, draft] = adult.groups as [
      (typeof adult.groups)[number],
      (typeof adult.groups)[number],
      (typeof adult.groups)[number],
    ];
    const term = await prisma().term.findFirstOrThrow({
      // The student's own organisation's calendar (the second organisation's terms start on the same days).
      where: {
        schoolYear: { organisation: { schools: { some: { students: { some: { id: adult.id } } } } } },
        startDate: { lte: new Date('2026-11-25') },
      },
      orderBy: { startDate: 'desc' },
    });
    const staffId = (await prisma().staffDuty.findFirstOrThrow({ where: { kind: 'TEACHER', groupId: passed.id } })).staffId;
    const grade = (group: typeof passed, value: string, publishedAt: Date | null) => ({
      studentId: adult.id,
      groupId: group.id,
      subjectId: group.subjectId,
      termId: term.id,
      grade: value,
      authoredByStaffId: staffId,
      updatedAt: new Date('2026-11-20T10:00:00Z'),
      publishedAt,
    });
    // The demo's own grades of the student are replaced by these three.
    await prisma().subjectAssessment.deleteMany({ where: { studentId: adult.id } });
    await prisma().subjectAssessment.createMany({
      data: [
        grade(passed, 'C', new Date('2026-11-20T12:00:00Z')),
        grade(failed, 'F', new Date('2026-11-20T12:00:00Z')),
        // A draft counts for nothing.
        grade(draft, 'A', null),
      ],
    });

    const plan = await read(self);
    expect(plan).toMatchObject({ applies: true, programmeCode: adult.programmeCode, totalPoints: 2500, canEdit: false });
    expect(plan.programmeName).toMatch(/Programme$/);
    expect(plan.programmeSv).toMatch(/programmet$/);

    const [earned] = await prisma().$queryRaw<{ points: bigint | null }[]>`
      SELECT sum(c.points) AS points FROM "Course" c WHERE c.id IN (
        SELECT g."courseId" FROM "SubjectAssessment" sa JOIN "Group" g ON g.id = sa."groupId"
        WHERE sa."studentId" = ${adult.id}::uuid AND sa."publishedAt" IS NOT NULL AND sa.grade IN ('A', 'B', 'C', 'D', 'E'))`;
    const [planned] = await prisma().$queryRaw<{ points: bigint; courses: bigint }[]>`
      SELECT sum(c.points) AS points, count(*) AS courses FROM "StudyPlanCourse" p JOIN "Course" c ON c.id = p."courseId"
      WHERE p."studentId" = ${adult.id}::uuid`;
    expect(plan.earnedPoints).toBe(Number(earned?.points ?? 0));
    expect(plan.earnedPoints).toBeGreaterThan(0);
    expect(plan.plannedPoints).toBe(Number(planned?.points));
    expect(plan.courses.filter((c) => c.planYear !== null)).toHaveLength(Number(planned?.courses));
    expect(plan.courses.find((c) => c.courseId === passed.courseId)).toMatchObject({ status: 'GRADED', grade: 'C' });
    // Failed and still in the group: in progress, with the F shown.
    expect(plan.courses.find((c) => c.courseId === failed.courseId)).toMatchObject({ status: 'IN_PROGRESS', grade: 'F' });
    expect(plan.courses.find((c) => c.courseId === draft.courseId)).toMatchObject({ status: 'IN_PROGRESS', grade: null });
    expect(plan.courses.some((c) => c.status === 'PLANNED')).toBe(true);
    // Ordered by plan year.
    const years = plan.courses.map((c) => c.planYear ?? 99);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(await prisma().auditEvent.count({ where: { action: 'studyPlan.read', studentId: adult.id } })).toBeGreaterThan(0);
  });

  it('the consenting guardian, the mentor, the principal and administrators read it; others get NOT_FOUND', async () => {
    const expected = await read(self);
    for (const username of [adult.withConsent, 'admin', await staffUsername(server, 'PRINCIPAL', { schoolId: adult.schoolId })]) {
      expect((await read(await loggedIn(server, username))).earnedPoints).toBe(expected.earnedPoints);
    }
    expect((await read(mentor)).canEdit).toBe(true);
    for (const username of [adult.withoutConsent, await groupTeacher(), 'vardnadshavare', 'rektor']) {
      expect(errorCode(await (await loggedIn(server, username)).request(STUDY_PLAN, { id: adult.id }))).toBe('NOT_FOUND');
    }
  });

  it('a compulsory-school student has none; the navigation knows which plans the own students have', async () => {
    const elev = await loggedIn(server, 'elev');
    const id = (await prisma().userAccount.findUniqueOrThrow({ where: { username: 'elev' }, select: { studentId: true } })).studentId;
    const plan = await elev.request<{ studyPlan: StudyPlan }>(STUDY_PLAN, { id });
    expect(plan.data?.studyPlan).toMatchObject({ applies: false, courses: [], earnedPoints: 0 });
    expect((await elev.request(OWN)).data).toEqual({ me: { ownPlans: { developmentPlans: true, studyPlans: false } } });
    expect((await self.request(OWN)).data).toEqual({ me: { ownPlans: { developmentPlans: false, studyPlans: true } } });
    expect((await (await loggedIn(server, adult.withoutConsent)).request(OWN)).data).toMatchObject({
      me: { ownPlans: expect.any(Object) },
    });
  });

  it('the mentor plans and removes a course; bad input and other staff are refused', async () => {
    const course = await prisma().course.findFirstOrThrow({
      where: { studyPlans: { none: { studentId: adult.id } }, groups: { none: { memberships: { some: { studentId: adult.id } } } } },
      select: { id: true, points: true },
      orderBy: { code: 'asc' },
    });
    const before = await read(mentor);
    // The picker offers the catalogue's courses not yet planned; readers who may not edit get none.
    expect(before.plannableCourses.map((c) => c.courseId)).toContain(course.id);
    expect(before.plannableCourses.some((c) => before.courses.some((p) => p.courseId === c.courseId && p.planYear !== null))).toBe(false);
    expect((await read(self)).plannableCourses).toEqual([]);
    const added = await mentor.request<{ planStudyPlanCourse: StudyPlan }>(PLAN_COURSE, { id: adult.id, course: course.id, year: 3 });
    expect(added.errors).toBeUndefined();
    expect(added.data?.planStudyPlanCourse.plannedPoints).toBe(before.plannedPoints + course.points);
    expect(added.data?.planStudyPlanCourse.courses.find((c) => c.courseId === course.id)).toMatchObject({ planYear: 3, status: 'PLANNED' });

    const bad = await mentor.request(PLAN_COURSE, { id: adult.id, course: course.id, year: 4 });
    expect(bad.errors?.[0]?.extensions?.problems).toEqual(['INVALID_PLAN_YEAR']);
    const teacher = await loggedIn(server, await groupTeacher());
    expect(errorCode(await teacher.request(REMOVE_COURSE, { id: adult.id, course: course.id }))).toBe('NOT_FOUND');
    expect(errorCode(await self.request(REMOVE_COURSE, { id: adult.id, course: course.id }))).toBe('FORBIDDEN');

    const removed = await mentor.request<{ removeStudyPlanCourse: StudyPlan }>(REMOVE_COURSE, { id: adult.id, course: course.id });
    expect(removed.data?.removeStudyPlanCourse.plannedPoints).toBe(before.plannedPoints);
    expect((await mentor.request(REMOVE_COURSE, { id: adult.id, course: course.id })).errors?.[0]?.extensions?.problems).toEqual([
      'UNKNOWN_COURSE',
    ]);
    expect(await prisma().auditEvent.count({ where: { action: 'studyPlan.changed', studentId: adult.id } })).toBe(2);
  });
});
