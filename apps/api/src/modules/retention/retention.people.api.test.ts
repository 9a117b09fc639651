// Retention of students who have left and of the guardians of none but them, through the API on both databases: kept
// until the administrator sets a period; then the dry run counts exactly who a run deletes: a student whose classes
// ended before the cutoff once everything else of theirs is gone or due, with their account and links, and the guardians
// whose children all go. A student with a record still kept, one who left lately, a current student's guardian and
// another organisation's former student stay.
import { randomUUID } from 'node:crypto';
import { personnummerFor, schoolInstant, schoolYearCalendar } from '@insyn/domain';
import type { PrismaClient } from '@insyn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateValue } from '../access/validity.ts';
import {
  DATABASE_KINDS,
  eventually,
  loggedIn,
  startTestServer,
  type GraphQLResult,
  type TestClient,
  type TestServer,
} from '../../test/harness.ts';

const DRY_RUN = `{ retentionDryRun { kinds { kind keep cutoff total years { schoolYear count oldest newest } } } }`;
const UPDATE = `mutation($input: RetentionPolicyInput!) { updateRetentionPolicy(input: $input) { periods { kind keep } } }`;
const RUN = `mutation { runRetention(confirm: true) { id } }`;
const RUNS = `{ retentionRuns { id outcome counts { kind table deleted } } }`;

interface DueKind {
  kind: string;
  keep: number | null;
  cutoff: string | null;
  total: number;
  years: { schoolYear: string; count: number; oldest: string; newest: string }[];
}

const data = <T>(result: GraphQLResult<T>): T => {
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
};

/** A class of 2021/22 in the organisation's first school, with a lesson of October 2021 and a teacher to mark it. */
async function classOf2021(prisma: PrismaClient, organisationId: string) {
  const school = await prisma.school.findFirstOrThrow({ where: { organisationId }, orderBy: { name: 'asc' }, select: { id: true } });
  const subject = await prisma.subject.findFirstOrThrow({ where: { organisationId }, orderBy: { code: 'asc' }, select: { id: true } });
  const teacher = await prisma.staff.findFirstOrThrow({ where: { organisationId, account: { isNot: null } }, include: { account: true } });
  const calendar = schoolYearCalendar(2021);
  const schoolYear = await prisma.schoolYear.create({
    data: { organisationId, name: calendar.name, startDate: dateValue(calendar.startDate), endDate: dateValue(calendar.endDate) },
  });
  const term = await prisma.term.create({
    data: { schoolYearId: schoolYear.id, kind: 'AUTUMN', startDate: dateValue('2021-08-16'), endDate: dateValue('2021-12-21') },
  });
  const group = await prisma.group.create({
    data: { schoolId: school.id, schoolYearId: schoolYear.id, kind: 'CLASS', name: '9X 2021/22', yearLevel: 9 },
  });
  const lesson = await prisma.lesson.create({
    data: {
      groupId: group.id,
      subjectId: subject.id,
      date: dateValue('2021-10-05'),
      startsAt: schoolInstant('2021-10-05', '08:00'),
      endsAt: schoolInstant('2021-10-05', '09:00'),
    },
  });
  return { organisationId, schoolId: school.id, subjectId: subject.id, groupId: group.id, termId: term.id, lessonId: lesson.id, teacher };
}
type OldClass = Awaited<ReturnType<typeof classOf2021>>;

let serial = 900;
/** A student entered on `createdAt`, in the class of 2021/22 until `leftOn` (null: never in a class). */
async function student(prisma: PrismaClient, old: OldClass, firstName: string, leftOn: string | null, createdAt = '2021-08-01T10:00:00Z') {
  const birthDate = '2006-05-05';
  const created = await prisma.student.create({
    data: {
      personalIdentityNumber: personnummerFor(birthDate, (serial += 1)),
      firstName,
      lastName: 'Slutad',
      birthDate: dateValue(birthDate),
      schoolId: old.schoolId,
      organisationId: old.organisationId,
      createdAt: new Date(createdAt),
    },
  });
  if (leftOn) {
    await prisma.groupMembership.create({
      data: { groupId: old.groupId, studentId: created.id, validFrom: dateValue('2021-08-16'), validTo: dateValue(leftOn) },
    });
  }
  return created.id;
}

async function guardian(prisma: PrismaClient, organisationId: string, firstName: string, studentIds: string[]) {
  const created = await prisma.guardian.create({ data: { organisationId, firstName, lastName: 'Vårdnadshavare' } });
  await prisma.guardianship.createMany({ data: studentIds.map((studentId) => ({ studentId, guardianId: created.id, organisationId })) });
  return created.id;
}

describe.each(DATABASE_KINDS)('retention of students who have left, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let prisma: PrismaClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    prisma = server.db.prisma;
    admin = await loggedIn(server, 'admin');
    const organisationId = (await prisma.staff.findFirstOrThrow({ where: { account: { username: 'admin' } } })).organisationId;
    const grannbyId = (await prisma.staff.findFirstOrThrow({ where: { account: { username: 'grannby.admin' } } })).organisationId;
    const old = await classOf2021(prisma, organisationId);

    // Left in June 2022 with a school year of records, all due now by the default periods: attendance, a sick report, a
    // message to the home, the log of a read; an account with an old session; a guardian of none but them (with an
    // account, a consent and an SS 12000 link) and a guardian who still has a child at the school.
    ids.left = await student(prisma, old, 'Lämnade', '2022-06-10');
    ids.current = (
      await prisma.student.findFirstOrThrow({
        where: { organisationId, memberships: { some: { validTo: null } } },
        orderBy: { id: 'asc' },
      })
    ).id;
    ids.onlyGuardian = await guardian(prisma, organisationId, 'Ensam', [ids.left]);
    ids.sharedGuardian = await guardian(prisma, organisationId, 'Delad', [ids.left, ids.current]);
    await prisma.attendance.create({
      data: {
        lessonId: old.lessonId,
        studentId: ids.left,
        status: 'ABSENT',
        markedById: old.teacher.account!.id,
        markedAt: schoolInstant('2021-10-05', '08:05'),
      },
    });
    await prisma.sickReport.create({
      data: {
        studentId: ids.left,
        reportedByGuardianId: ids.onlyGuardian,
        fromDate: dateValue('2021-10-06'),
        toDate: dateValue('2021-10-06'),
        startsAt: schoolInstant('2021-10-06'),
        endsAt: schoolInstant('2021-10-07'),
        channel: 'WEB',
        createdAt: schoolInstant('2021-10-06', '07:00'),
      },
    });
    await prisma.outboundMessage.create({
      data: {
        idempotencyKey: `retention-people:${randomUUID()}`,
        kind: 'ABSENCE',
        channel: 'SMS',
        guardianId: ids.onlyGuardian,
        studentId: ids.left,
        recipient: '+46701234567',
        locale: 'sv',
        body: 'Frånvaro',
        status: 'SENT',
        nextAttemptAt: new Date('2022-03-01T10:00:00Z'),
        createdAt: new Date('2022-03-01T10:00:00Z'),
        sentAt: new Date('2022-03-01T10:00:00Z'),
        provider: 'OUTBOX',
      },
    });
    await prisma.auditEvent.create({ data: { action: 'student.read', studentId: ids.left, at: new Date('2022-03-01T10:00:00Z') } });
    await prisma.userAccount.create({
      data: {
        username: 'slutad.elev',
        studentId: ids.left,
        sessions: {
          create: {
            createdAt: new Date('2022-06-01T07:00:00Z'),
            lastUsedAt: new Date('2022-06-01T12:00:00Z'),
            refreshTokens: { create: { tokenHash: `retention-${randomUUID()}`, expiresAt: new Date('2022-06-30T12:00:00Z') } },
          },
        },
      },
    });
    await prisma.userAccount.create({ data: { username: 'slutad.vh', guardianId: ids.onlyGuardian } });
    // A guardian whose account is a member of staff's too (no path in Insyn makes one): the account stays the staff's.
    ids.sharedAccountGuardian = await guardian(prisma, organisationId, 'Personal', [ids.left]);
    ids.sharedStaff = (
      await prisma.staff.create({ data: { organisationId, firstName: 'Delat', lastName: 'Konto', signature: 'DEKO' } })
    ).id;
    await prisma.userAccount.create({ data: { username: 'delat.konto', guardianId: ids.sharedAccountGuardian, staffId: ids.sharedStaff } });
    await prisma.guardianConsent.create({ data: { studentId: ids.left, guardianId: ids.onlyGuardian } });
    await prisma.ss12000Link.createMany({
      data: [
        { organisationId, kind: 'STUDENT', sourceId: 'retention-left', insynId: ids.left },
        { organisationId, kind: 'GUARDIAN', sourceId: 'retention-only-guardian', insynId: ids.onlyGuardian },
      ],
    });
    // Guardians left without a child by a custody change (the SS 12000 import): one untouched since 2022, signed in last
    // in January 2022, goes; one whose contacts changed this autumn stays.
    const childless = async (firstName: string, modifiedAt: string) =>
      (
        await prisma.guardian.create({
          data: {
            organisationId,
            firstName,
            lastName: 'Utan barn',
            createdAt: new Date('2021-09-01T10:00:00Z'),
            modifiedAt: new Date(modifiedAt),
          },
        })
      ).id;
    ids.childless = await childless('Vilande', '2021-09-01T10:00:00Z');
    await prisma.userAccount.create({
      data: { username: 'vilande.vh', guardianId: ids.childless, lastLoginAt: new Date('2022-01-10T18:00:00Z') },
    });
    ids.childlessChanged = await childless('Ändrad', '2026-10-01T10:00:00Z');
    // Entered in September 2021 and never in a class.
    ids.neverPlaced = await student(prisma, old, 'Oplacerad', null, '2021-09-01T10:00:00Z');

    // Left as long ago, but with a subject assessment (kept by default), and their guardian: both stay.
    ids.assessed = await student(prisma, old, 'Bedömd', '2022-06-10');
    ids.assessedGuardian = await guardian(prisma, organisationId, 'Bedömds', [ids.assessed]);
    await prisma.subjectAssessment.create({
      data: {
        studentId: ids.assessed,
        groupId: old.groupId,
        subjectId: old.subjectId,
        termId: old.termId,
        grade: 'C',
        authoredByStaffId: old.teacher.id,
        updatedAt: new Date('2021-12-10T10:00:00Z'),
      },
    });
    // Left as long ago, but someone read their records this autumn: the log of it is kept, and so are they.
    ids.read = await student(prisma, old, 'Läst', '2022-06-10');
    await prisma.auditEvent.create({ data: { action: 'student.read', studentId: ids.read, at: new Date('2026-11-01T10:00:00Z') } });
    // Left last June, after the cutoff of a one-year period.
    ids.recent = await student(prisma, old, 'Nyss', '2026-06-12');
    // Grannby's former student: another organisation's policy.
    ids.grannby = await student(prisma, await classOf2021(prisma, grannbyId), 'Grannby', '2022-06-10');
  });
  afterAll(() => server?.stop());

  const formerStudents = async () => {
    const { retentionDryRun } = data(await admin.request<{ retentionDryRun: { kinds: DueKind[] } }>(DRY_RUN));
    return retentionDryRun.kinds.find((one) => one.kind === 'FORMER_STUDENTS');
  };

  it('keeps students who have left until the administrator sets a period, then counts who would go and deletes exactly them', async () => {
    expect(await formerStudents()).toEqual({ kind: 'FORMER_STUDENTS', keep: null, cutoff: null, total: 0, years: [] });

    const update = await admin.request(UPDATE, { input: { periods: [{ kind: 'FORMER_STUDENTS', keep: 1 }] } });
    expect(update.errors).toBeUndefined();
    // The student who left and the one never placed, the two guardians of none but the first and the dormant one.
    expect(await formerStudents()).toEqual({
      kind: 'FORMER_STUDENTS',
      keep: 1,
      cutoff: '2025-08-01',
      total: 5,
      years: [{ schoolYear: '2021/22', count: 5, oldest: '2021-09-01', newest: '2022-06-10' }],
    });

    const started = data(await admin.request<{ runRetention: { id: string } }>(RUN));
    const run = await eventually(async () => {
      const { retentionRuns } = data(
        await admin.request<{
          retentionRuns: { id: string; outcome: string; counts: { kind: string; table: string; deleted: number }[] }[];
        }>(RUNS),
      );
      const found = retentionRuns.find((one) => one.id === started.runRetention.id);
      return found && found.outcome !== 'RUNNING' ? found : undefined;
    }, 'the retention run to finish');
    expect(run.outcome).toBe('COMPLETED');
    expect(run.counts.filter((count) => count.kind === 'FORMER_STUDENTS')).toEqual([
      { kind: 'FORMER_STUDENTS', table: 'Guardian', deleted: 3 },
      { kind: 'FORMER_STUDENTS', table: 'Student', deleted: 2 },
    ]);

    const students = await prisma.student.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true } });
    expect(students.map((one) => one.id).sort()).toEqual(
      [ids.current, ids.assessed, ids.read, ids.recent, ids.grannby].map((id) => id as string).sort(),
    );
    const guardians = await prisma.guardian.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true } });
    expect(guardians.map((one) => one.id).sort()).toEqual(
      [ids.sharedGuardian, ids.assessedGuardian, ids.childlessChanged].map((id) => id as string).sort(),
    );
    // The guardian who stays keeps their other child.
    expect(await prisma.guardianship.findMany({ where: { guardianId: ids.sharedGuardian }, select: { studentId: true } })).toEqual([
      { studentId: ids.current },
    ]);
    // Nothing of the deleted is left under their ids: accounts and their sessions, links, consents, figures, the log.
    expect(await prisma.userAccount.count({ where: { username: { in: ['slutad.elev', 'slutad.vh', 'vilande.vh'] } } })).toBe(0);
    expect(await prisma.userAccount.findUnique({ where: { username: 'delat.konto' } })).toMatchObject({
      guardianId: null,
      staffId: ids.sharedStaff,
    });
    expect(await prisma.ss12000Link.count({ where: { sourceId: { in: ['retention-left', 'retention-only-guardian'] } } })).toBe(0);
    expect(await prisma.guardianConsent.count({ where: { guardianId: ids.onlyGuardian } })).toBe(0);
    expect(await prisma.absenceDay.count({ where: { studentId: ids.left } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { studentId: { in: [ids.left!, ids.neverPlaced!] } } })).toBe(0);
    // What the kept students have stays with them.
    expect(await prisma.subjectAssessment.count({ where: { studentId: ids.assessed } })).toBe(1);
    expect(
      await prisma.groupMembership.count({ where: { studentId: { in: [ids.assessed!, ids.read!, ids.recent!, ids.grannby!] } } }),
    ).toBe(4);

    // Nothing more is due: the dry run agrees with what the run left.
    expect(await formerStudents()).toMatchObject({ total: 0, years: [] });
  });
});
