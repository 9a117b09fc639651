// The principal's routine view through the API: its figures against an independent count over the rows
// (a plain loop, not the service's SQL), after assessments, support decisions and grade warnings are written
// straight to the database; and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeScaleFor } from '@insyn/domain';
import { errorCode, loggedIn, staffUsername, startTestServer, type TestServer } from '../../test/harness.ts';

const ROUTINE_FIELDS = `expectedAssessments publishedAssessments openWarnings warningsWithoutContact overdueWarnings
  supportDecisions unacknowledgedDecisions`;
const SCHOOL_ROUTINE = `query($id: ID!) { schoolRoutine(schoolId: $id) { schoolId schoolName term { id kind schoolYear } ${ROUTINE_FIELDS}
  classes { classId className ${ROUTINE_FIELDS} } } }`;
const SCHOOL_ROUTINES = `{ schoolRoutines { schoolId schoolName ${ROUTINE_FIELDS} } }`;

type Figures = Record<
  | 'expectedAssessments'
  | 'publishedAssessments'
  | 'openWarnings'
  | 'warningsWithoutContact'
  | 'overdueWarnings'
  | 'supportDecisions'
  | 'unacknowledgedDecisions',
  number
>;
interface ClassRoutine extends Figures {
  classId: string | null;
  className: string | null;
}
interface SchoolRoutine extends Figures {
  schoolId: string;
  schoolName: string;
  term: { id: string; kind: string; schoolYear: string } | null;
  classes: ClassRoutine[];
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('routine view', () => {
  let server: TestServer;
  const prisma = () => server.db.prisma;
  let schoolId: string;
  let otherSchoolId: string;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    // The schools of the demo administrator's organisation (the second organisation's are not theirs).
    const { organisationId } = await prisma().staff.findFirstOrThrow({ where: { account: { username: 'admin' } } });
    const schools = await prisma().school.findMany({
      where: { organisationId },
      orderBy: { name: 'asc' },
      select: { id: true, form: true },
    });
    schoolId = schools.find((school) => school.form === 'COMPULSORY')?.id ?? '';
    otherSchoolId = schools.find((school) => school.id !== schoolId)?.id ?? '';
    const today = new Date(`${server.today}T00:00:00Z`);
    const term = await prisma().term.findFirstOrThrow({
      where: { schoolYear: { organisationId }, startDate: { lte: today } },
      orderBy: { startDate: 'desc' },
    });
    const staff = await prisma().staff.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
    const inForce = { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] };

    // Subject assessments in three teaching groups: most members published, a few drafts, some none; and one
    // published for a student who has since left the group, which is not expected and so not counted.
    const groups = await prisma().group.findMany({
      // Groups the demo data has no assessments in yet.
      where: { schoolId, kind: 'TEACHING', yearLevel: { gte: 1 }, subjectAssessments: { none: { termId: term.id } } },
      select: { id: true, subjectId: true, memberships: { where: inForce, select: { studentId: true } } },
      orderBy: { name: 'asc' },
      take: 3,
    });
    const rows = groups.flatMap((group, groupIndex) =>
      group.memberships.map((member, index) => ({ group, studentId: member.studentId, index, groupIndex })),
    );
    const assessments = rows
      .filter((row) => row.index % 4 !== 3)
      .map((row) => ({
        studentId: row.studentId,
        groupId: row.group.id,
        subjectId: row.group.subjectId ?? '',
        termId: term.id,
        grade: 'C',
        authoredByStaffId: staff.id,
        updatedAt: new Date(),
        publishedAt: row.index % 4 === 2 ? null : new Date(),
      }));
    await prisma().subjectAssessment.createMany({ data: assessments });
    const leaver = rows[0];
    if (leaver) {
      await prisma().groupMembership.updateMany({
        where: { groupId: leaver.group.id, studentId: leaver.studentId },
        data: { validTo: new Date(today.getTime() - 86_400_000) },
      });
    }

    // Support decisions for students of both schools; one in each school acknowledged.
    const students = await prisma().student.findMany({
      where: { school: { organisationId } },
      select: { id: true, schoolId: true },
      orderBy: { lastName: 'asc' },
      take: 40,
    });
    const user = await prisma().userAccount.findFirstOrThrow({ where: { guardianId: { not: null } }, select: { id: true } });
    for (const [index, student] of students.filter((_student, index) => index % 5 === 0).entries()) {
      const decision = await prisma().supportDecision.create({
        data: {
          studentId: student.id,
          kind: 'ACTION_PROGRAMME',
          summary: 'Anpassningar i matematik',
          decidedOn: today,
          decidedByStaffId: staff.id,
          documentName: 'beslut.pdf',
          documentSize: PDF.length,
          document: PDF,
          createdAt: new Date(),
        },
      });
      if (index % 2 === 0) {
        await prisma().supportDecisionAcknowledgement.create({
          data: { decisionId: decision.id, userId: user.id, acknowledgedAt: new Date() },
        });
      }
    }

    // Grade warnings: one long overdue without contact, one recent without contact, one with contact, one closed.
    const warned = groups[0];
    const members = warned?.memberships ?? [];
    const issued = [new Date('2026-10-01T08:00:00Z'), new Date(`${server.today}T08:00:00Z`), new Date('2026-10-01T08:00:00Z')];
    for (const [index, issuedAt] of issued.entries()) {
      const member = members[index + 1];
      if (!warned || !member) continue;
      const warning = await prisma().gradeWarning.create({
        data: {
          studentId: member.studentId,
          groupId: warned.id,
          subjectId: warned.subjectId ?? '',
          missing: 'Provet om bråk',
          issuedByStaffId: staff.id,
          issuedAt,
        },
      });
      if (index === 2) {
        await prisma().gradeWarningContact.create({
          data: {
            warningId: warning.id,
            staffId: staff.id,
            contactedAt: issuedAt,
            method: 'PHONE',
            withWhom: 'Mamma',
            agreed: 'Omprov',
            recordedAt: issuedAt,
          },
        });
      }
    }
    const closedFor = members[4];
    if (warned && closedFor) {
      await prisma().gradeWarning.create({
        data: {
          studentId: closedFor.studentId,
          groupId: warned.id,
          subjectId: warned.subjectId ?? '',
          missing: 'Inlämning',
          issuedByStaffId: staff.id,
          issuedAt: issued[0] as Date,
          closedAt: new Date(),
          closedByStaffId: staff.id,
          closeNote: 'Inlämnad',
        },
      });
    }
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  /** The figures counted from the rows, one class at a time, for the school's students on today's date. */
  async function independentCount(id: string): Promise<Map<string | null, Figures>> {
    const today = new Date(`${server.today}T00:00:00Z`);
    const inForce = (from: Date, to: Date | null) => from <= today && (to === null || to >= today);
    const school = await prisma().school.findUniqueOrThrow({ where: { id } });
    const term = await prisma().term.findFirstOrThrow({
      where: { schoolYear: { organisationId: school.organisationId }, startDate: { lte: today } },
      orderBy: { startDate: 'desc' },
    });
    const students = await prisma().student.findMany({
      where: { schoolId: id },
      select: {
        id: true,
        memberships: { select: { groupId: true, validFrom: true, validTo: true, group: true } },
        subjectAssessments: { where: { termId: term.id } },
        supportDecisions: { select: { acknowledgements: { select: { userId: true } } } },
        gradeWarnings: { where: { closedAt: null }, select: { issuedAt: true, contacts: { select: { id: true } } } },
      },
    });
    const figures = new Map<string | null, Figures>();
    for (const student of students) {
      const current = student.memberships.filter((membership) => inForce(membership.validFrom, membership.validTo));
      const classId = current.find((membership) => membership.group.kind === 'CLASS')?.groupId ?? null;
      const entry = figures.get(classId) ?? {
        expectedAssessments: 0,
        publishedAssessments: 0,
        openWarnings: 0,
        warningsWithoutContact: 0,
        overdueWarnings: 0,
        supportDecisions: 0,
        unacknowledgedDecisions: 0,
      };
      for (const membership of current) {
        const group = membership.group;
        if (group.kind !== 'TEACHING' || !group.subjectId || group.schoolYearId !== term.schoolYearId) continue;
        if (gradeScaleFor(school.form, group.yearLevel) === null) continue;
        entry.expectedAssessments += 1;
        if (student.subjectAssessments.some((assessment) => assessment.groupId === group.id && assessment.publishedAt !== null)) {
          entry.publishedAssessments += 1;
        }
      }
      entry.supportDecisions += student.supportDecisions.length;
      entry.unacknowledgedDecisions += student.supportDecisions.filter((decision) => decision.acknowledgements.length === 0).length;
      entry.openWarnings += student.gradeWarnings.length;
      const withoutContact = student.gradeWarnings.filter((warning) => warning.contacts.length === 0);
      entry.warningsWithoutContact += withoutContact.length;
      // Issued on 1 October with no contact: far more than five school days before 25 November.
      entry.overdueWarnings += withoutContact.filter((warning) => warning.issuedAt < new Date('2026-11-01T00:00:00Z')).length;
      figures.set(classId, entry);
    }
    return figures;
  }

  const figuresOf = (routine: Figures): Figures => ({
    expectedAssessments: routine.expectedAssessments,
    publishedAssessments: routine.publishedAssessments,
    openWarnings: routine.openWarnings,
    warningsWithoutContact: routine.warningsWithoutContact,
    overdueWarnings: routine.overdueWarnings,
    supportDecisions: routine.supportDecisions,
    unacknowledgedDecisions: routine.unacknowledgedDecisions,
  });

  it("the school's figures by class equal an independent count, and the school's are their sums", async () => {
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId }));
    const result = await principal.request<{ schoolRoutine: SchoolRoutine }>(SCHOOL_ROUTINE, { id: schoolId });
    expect(result.errors).toBeUndefined();
    const routine = result.data?.schoolRoutine as SchoolRoutine;
    expect(routine.term?.kind).toBe('AUTUMN');
    const expected = await independentCount(schoolId);
    // Something of each kind is there to count, so an empty answer cannot pass.
    expect(routine.publishedAssessments).toBeGreaterThan(0);
    expect(routine.publishedAssessments).toBeLessThan(routine.expectedAssessments);
    expect(routine.overdueWarnings).toBe(1);
    expect(routine.warningsWithoutContact).toBe(2);
    expect(routine.unacknowledgedDecisions).toBeGreaterThan(0);
    for (const classRoutine of routine.classes) {
      const counted = expected.get(classRoutine.classId);
      if (!counted) {
        // A class of the school without students today.
        expect(figuresOf(classRoutine)).toEqual(zero);
        continue;
      }
      expect(figuresOf(classRoutine), classRoutine.className ?? 'without a class').toEqual(counted);
    }
    for (const classId of expected.keys()) expect(routine.classes.some((classRoutine) => classRoutine.classId === classId)).toBe(true);
    for (const key of Object.keys(zero) as (keyof Figures)[]) {
      expect(routine[key], key).toBe(routine.classes.reduce((sum, classRoutine) => sum + classRoutine[key], 0));
    }
  });

  it('puts the schools side by side for an administrator; a principal sees their own school only', async () => {
    const admin = await loggedIn(server, 'admin');
    const all = await admin.request<{ schoolRoutines: SchoolRoutine[] }>(SCHOOL_ROUTINES);
    expect(all.data?.schoolRoutines.map((routine) => routine.schoolId).sort()).toEqual([schoolId, otherSchoolId].sort());
    for (const routine of all.data?.schoolRoutines ?? []) {
      const counted = [...(await independentCount(routine.schoolId)).values()];
      expect(routine.unacknowledgedDecisions).toBe(counted.reduce((sum, entry) => sum + entry.unacknowledgedDecisions, 0));
      expect(routine.publishedAssessments).toBe(counted.reduce((sum, entry) => sum + entry.publishedAssessments, 0));
    }
    const principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId }));
    const own = await principal.request<{ schoolRoutines: SchoolRoutine[] }>(SCHOOL_ROUTINES);
    expect(own.data?.schoolRoutines.map((routine) => routine.schoolId)).toEqual([schoolId]);
    const other = await principal.request(SCHOOL_ROUTINE, { id: otherSchoolId });
    expect(errorCode(other)).toBe('NOT_FOUND');
  });

  it('is NOT_FOUND for mentors and teachers, who get no school in the list; guardians and students never reach it', async () => {
    const anyClass = await prisma().group.findFirstOrThrow({ where: { schoolId, kind: 'CLASS' }, select: { id: true } });
    const anyGroup = await prisma().group.findFirstOrThrow({ where: { schoolId, kind: 'TEACHING' }, select: { id: true } });
    const users = [
      await staffUsername(server, 'MENTOR', { groupId: anyClass.id }),
      await staffUsername(server, 'TEACHER', { groupId: anyGroup.id }),
      'vardnadshavare',
      'elev',
    ];
    for (const username of users) {
      const client = await loggedIn(server, username);
      const routine = await client.request(SCHOOL_ROUTINE, { id: schoolId });
      const routines = await client.request<{ schoolRoutines: unknown[] }>(SCHOOL_ROUTINES);
      // The family is refused the staff fields themselves (graphql/guard.ts); staff without a school to lead find none.
      if (['vardnadshavare', 'elev'].includes(username)) {
        expect([errorCode(routine), errorCode(routines)], username).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      } else {
        expect(errorCode(routine), username).toBe('NOT_FOUND');
        expect(routines.data?.schoolRoutines, username).toEqual([]);
      }
    }
    const badId = await (await loggedIn(server, 'admin')).request(SCHOOL_ROUTINE, { id: 'not-an-id' });
    expect(errorCode(badId)).toBe('NOT_FOUND');
  });
});

const zero: Figures = {
  expectedAssessments: 0,
  publishedAssessments: 0,
  openWarnings: 0,
  warningsWithoutContact: 0,
  overdueWarnings: 0,
  supportDecisions: 0,
  unacknowledgedDecisions: 0,
};
