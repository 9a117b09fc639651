import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { applyPendingMigrations, openDatabase, type Database } from '@insyn/db';
import { birthDateOf, isAdultOn, isSchoolDay, isValidPersonnummer, schoolYearCalendar } from '@insyn/domain';
import { seedDemoData, type SeedSummary } from './generate.ts';
import { buildWorld } from './world.ts';

const TODAY = '2026-11-27';
const OPTIONS = {
  students: 120,
  seed: 7,
  today: TODAY,
  // Any PHC string will do; the seed only stores it.
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWQ$aGFzaGhhc2hoYXNoaGFzaA',
};
const calendar = schoolYearCalendar(2026);

async function seededDatabase(): Promise<{ db: Database; summary: SeedSummary }> {
  const db = await openDatabase({ kind: 'memory' });
  await applyPendingMigrations(db.adapterFactory);
  return { db, summary: await seedDemoData(db.prisma, OPTIONS) };
}

/** An md5 over a query's rows, to compare whole tables between databases. */
async function fingerprint(db: Database, sql: string): Promise<string> {
  const [row] = await db.prisma.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS digest FROM (${sql}) r`,
  );
  return (row as { digest: string }).digest;
}

const count = async (db: Database, sql: string): Promise<number> => {
  const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM (${sql}) q`);
  return Number((row as { n: bigint }).n);
};

let db: Database;
let summary: SeedSummary;

beforeAll(async () => {
  ({ db, summary } = await seededDatabase());
});

afterAll(async () => {
  await db?.close();
});

describe('seedDemoData', () => {
  it('is deterministic: the same seed gives the same rows, another seed other people', async () => {
    const second = await seededDatabase();
    try {
      for (const sql of [
        'SELECT "id", "personalIdentityNumber", "firstName", "lastName", "birthDate" FROM "Student"',
        'SELECT "id", "personalIdentityNumber", "mobilePhone", "email" FROM "Guardian"',
        'SELECT "id", "username" FROM "UserAccount"',
        'SELECT "id", "date", "startsAt", "room", "status", "attendanceTakenAt", "attendanceTakenById" FROM "Lesson"',
        'SELECT "id", "studentId", "status", "lateMinutes", "validReason", "markedAt" FROM "Attendance"',
      ]) {
        expect(await fingerprint(second.db, sql)).toBe(await fingerprint(db, sql));
      }
      expect(second.summary).toEqual(summary);
    } finally {
      await second.db.close();
    }
    const other = buildWorld({ ...OPTIONS, seed: 8 });
    const same = buildWorld({ ...OPTIONS });
    const students = await db.prisma.student.findMany({
      where: { school: { organisation: { name: summary.organisation } } },
      select: { id: true, personalIdentityNumber: true },
    });
    expect(new Set(same.students.map((s) => s.personalIdentityNumber))).toEqual(new Set(students.map((s) => s.personalIdentityNumber)));
    const otherNumbers = new Set(other.students.map((s) => s.personalIdentityNumber));
    expect(students.filter((s) => otherNumbers.has(s.personalIdentityNumber)).length).toBeLessThan(5);
    expect(other.students.some((s) => students.some((t) => t.id === s.id))).toBe(false);
  });

  it('sizes the schools to the requested number of students', async () => {
    expect(summary.counts.students).toBe(120);
    // and the second organisation's four
    expect(await db.prisma.student.count()).toBe(124);
    const schools = await db.prisma.school.findMany({ include: { _count: { select: { students: true } } } });
    expect(schools.map((s) => [s.form, s._count.students]).sort()).toEqual([
      ['COMPULSORY', 4],
      ['COMPULSORY', 72],
      ['UPPER_SECONDARY', 48],
    ]);
    const classNames = (await db.prisma.group.findMany({ where: { kind: 'CLASS' }, select: { name: true } })).map((g) => g.name);
    expect(classNames).toEqual(expect.arrayContaining(['FA', '1A', '7A', '9A', 'NA26', 'NA25', 'NA24', 'EE24']));
  });

  it('gives everyone a valid personnummer matching the birth date, and birth years that fit the year level', async () => {
    const students = await db.prisma.student.findMany({
      include: { memberships: { where: { group: { kind: 'CLASS' } }, include: { group: true } } },
    });
    for (const student of students) {
      expect(isValidPersonnummer(student.personalIdentityNumber)).toBe(true);
      expect(birthDateOf(student.personalIdentityNumber)).toBe(student.birthDate.toISOString().slice(0, 10));
      const yearLevel = student.memberships[0]?.group.yearLevel as number;
      const nominal = 2026 - 6 - yearLevel;
      const born = student.birthDate.getUTCFullYear();
      expect(yearLevel >= 10 ? [nominal, nominal - 1] : [nominal]).toContain(born);
    }
    const guardians = await db.prisma.guardian.findMany();
    expect(guardians.every((g) => g.personalIdentityNumber !== null && isValidPersonnummer(g.personalIdentityNumber))).toBe(true);
    expect(guardians.every((g) => /^\+467\d{8}$/.test(g.mobilePhone ?? ''))).toBe(true);
    expect(new Set([...students, ...guardians].map((p) => p.personalIdentityNumber)).size).toBe(students.length + guardians.length);
  });

  it('gives every student one or two guardians, and some guardians two children', async () => {
    const perStudent = await db.prisma.guardianship.groupBy({ by: ['studentId'], _count: true });
    expect(perStudent).toHaveLength(120 + summary.secondOrganisation.counts.students);
    expect(new Set(perStudent.map((g) => g._count))).toEqual(new Set([1, 2]));
    const perGuardian = await db.prisma.guardianship.groupBy({ by: ['guardianId'], _count: true });
    expect(perGuardian.some((g) => g._count === 2)).toBe(true);
  });

  it('has adult students with and without consent, and a withdrawn consent', async () => {
    const adults = (await db.prisma.student.findMany({ include: { consents: true } })).filter((s) =>
      isAdultOn(s.birthDate.toISOString().slice(0, 10), TODAY),
    );
    expect(adults.length).toBeGreaterThan(5);
    expect(adults.some((s) => s.consents.some((c) => c.withdrawnAt === null))).toBe(true);
    expect(adults.some((s) => s.consents.length === 0)).toBe(true);
    const consents = await db.prisma.guardianConsent.findMany({ include: { student: true } });
    expect(consents.filter((c) => c.withdrawnAt !== null)).toHaveLength(1);
    for (const consent of consents) {
      expect(isAdultOn(consent.student.birthDate.toISOString().slice(0, 10), TODAY)).toBe(true);
      expect(consent.givenAt.getTime()).toBeLessThan(Date.parse(`${TODAY}T00:00:00+01:00`));
      if (consent.withdrawnAt) expect(consent.withdrawnAt.getTime()).toBeGreaterThan(consent.givenAt.getTime());
    }
  });

  it('puts lessons only on school days of the autumn term, none in höstlov', async () => {
    const dates = await db.prisma.lesson.findMany({ distinct: ['date'], select: { date: true } });
    const days = dates.map((d) => d.date.toISOString().slice(0, 10));
    expect(days.length).toBe(84);
    expect(days.every((day) => isSchoolDay(day, calendar) && day >= '2026-08-17' && day <= '2026-12-18')).toBe(true);
    expect(await db.prisma.lesson.count({ where: { date: { gte: new Date('2026-10-23'), lte: new Date('2026-10-30') } } })).toBe(0);
  });

  it('stores lesson times as Stockholm local time, in summer and winter time', async () => {
    const series = await db.prisma.lessonSeries.findFirstOrThrow({ where: { startMinute: 8 * 60 + 10, weekday: 1 } });
    const lessons = await db.prisma.lesson.findMany({
      where: { seriesId: series.id, date: { in: [new Date('2026-09-07'), new Date('2026-11-23')] } },
      orderBy: { date: 'asc' },
    });
    expect(lessons.map((l) => l.startsAt.toISOString())).toEqual(['2026-09-07T06:10:00.000Z', '2026-11-23T07:10:00.000Z']);
  });

  it('never double-books a teacher or a student', async () => {
    // Each person's scheduled lessons, paired with their other lessons the same day.
    const clashes = (busy: string) => `
      WITH busy AS (${busy})
      SELECT 1 FROM busy a JOIN busy b ON a.who = b.who AND a.date = b.date AND a.id < b.id
      WHERE a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"`;
    const teachers = `
      SELECT t."staffId" AS who, l."id", l."date", l."startsAt", l."endsAt"
      FROM "LessonTeacher" t JOIN "Lesson" l ON l."id" = t."lessonId" WHERE l."status" = 'SCHEDULED'`;
    const students = `
      SELECT m."studentId" AS who, l."id", l."date", l."startsAt", l."endsAt"
      FROM "GroupMembership" m JOIN "Lesson" l ON l."groupId" = m."groupId"
        AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date")
      WHERE l."status" = 'SCHEDULED'`;
    expect(await count(db, clashes(teachers))).toBe(0);
    expect(await count(db, clashes(students))).toBe(0);
  });

  it('records attendance only before today, for scheduled lessons and the group’s members that day', async () => {
    const latest = await db.prisma.attendance.findFirstOrThrow({ orderBy: { lesson: { date: 'desc' } }, include: { lesson: true } });
    expect(latest.lesson.date.toISOString().slice(0, 10) < TODAY).toBe(true);
    expect(await db.prisma.attendance.count({ where: { lesson: { status: 'CANCELLED' } } })).toBe(0);
    const outsideMembership = `
      SELECT 1 FROM "Attendance" a JOIN "Lesson" l ON l."id" = a."lessonId"
      WHERE NOT EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."groupId" = l."groupId" AND m."studentId" = a."studentId"
        AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date"))`;
    expect(await count(db, outsideMembership)).toBe(0);
    const missing = `
      SELECT 1 FROM "Lesson" l JOIN "GroupMembership" m ON m."groupId" = l."groupId"
        AND m."validFrom" <= l."date" AND (m."validTo" IS NULL OR m."validTo" >= l."date")
      WHERE l."attendanceTakenAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."lessonId" = l."id" AND a."studentId" = m."studentId")`;
    expect(await count(db, missing)).toBe(0);
    const markedByOther = `
      SELECT 1 FROM "Attendance" a JOIN "Lesson" l ON l."id" = a."lessonId"
      WHERE a."markedById" <> l."attendanceTakenById" OR a."markedAt" > l."attendanceTakenAt" OR a."markedAt" < l."startsAt"
         OR NOT EXISTS (SELECT 1 FROM "LessonTeacher" t WHERE t."lessonId" = l."id" AND t."staffId" = a."markedById")`;
    expect(await count(db, markedByOther)).toBe(0);
  });

  it('leaves a few past roll calls untaken and mixes presence, lateness and valid and unexcused absence', async () => {
    const past = { status: 'SCHEDULED' as const, date: { lt: new Date(TODAY) } };
    const untaken = await db.prisma.lesson.count({ where: { ...past, attendanceTakenAt: null } });
    const taken = await db.prisma.lesson.count({ where: { ...past, attendanceTakenAt: { not: null } } });
    expect(untaken).toBeGreaterThan(0);
    expect(untaken / (taken + untaken)).toBeLessThan(0.05);
    expect(await db.prisma.lesson.count({ where: { date: { gte: new Date(TODAY) }, attendanceTakenAt: { not: null } } })).toBe(0);

    const byOutcome = await db.prisma.attendance.groupBy({ by: ['status', 'validReason'], _count: true });
    const share = (status: string, reason: string | null) =>
      (byOutcome.find((g) => g.status === status && g.validReason === reason)?._count ?? 0) / summary.counts.attendance;
    expect(share('PRESENT', null)).toBeGreaterThan(0.8);
    expect(share('ABSENT', 'SICK')).toBeGreaterThan(0.01);
    expect(share('ABSENT', 'LEAVE')).toBeGreaterThan(0);
    expect(share('ABSENT', null)).toBeGreaterThan(0.005);
    expect(share('LATE', null)).toBeGreaterThan(0.01);
    const late = await db.prisma.attendance.aggregate({
      where: { status: 'LATE' },
      _min: { lateMinutes: true },
      _max: { lateMinutes: true },
    });
    expect([late._min.lateMinutes, late._max.lateMinutes]).toEqual([2, 25]);

    const absenceRates = await db.prisma.$queryRawUnsafe<{ rate: number }[]>(
      `SELECT avg(CASE WHEN "status" = 'ABSENT' THEN 1.0 ELSE 0 END)::float AS rate FROM "Attendance" GROUP BY "studentId"`,
    );
    expect(absenceRates.some((r) => r.rate >= 0.15 && r.rate <= 0.3)).toBe(true);
  });

  it('has cancelled and moved lessons, some in this week and the next', async () => {
    const changed = await db.prisma.lesson.findMany({
      where: { OR: [{ status: 'CANCELLED' }, { originalStartsAt: { not: null } }, { originalRoom: { not: null } }] },
    });
    expect(changed.every((l) => l.changeNote)).toBe(true);
    expect(changed.some((l) => l.status === 'CANCELLED')).toBe(true);
    const moved = changed.filter((l) => l.originalStartsAt);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((l) => l.originalStartsAt?.getTime() !== l.startsAt.getTime() && l.endsAt > l.startsAt)).toBe(true);
    expect(changed.some((l) => l.originalRoom && l.originalRoom !== l.room)).toBe(true);
    const inWeek = (from: string, to: string) => changed.filter((l) => l.date >= new Date(from) && l.date <= new Date(to)).length;
    expect(inWeek('2026-11-23', '2026-11-27')).toBeGreaterThanOrEqual(2);
    expect(inWeek('2026-11-30', '2026-12-04')).toBeGreaterThanOrEqual(2);
  });

  it('has students who joined late and students who left during the term', async () => {
    expect(await db.prisma.groupMembership.count({ where: { validFrom: { gt: new Date('2026-08-17') } } })).toBeGreaterThan(0);
    expect(await db.prisma.groupMembership.count({ where: { validTo: { not: null, lt: new Date(TODAY) } } })).toBeGreaterThan(0);
  });

  it('gives every person an account with a lower-case ASCII username, and staff unique signatures', async () => {
    const accounts = await db.prisma.userAccount.findMany();
    expect(accounts).toHaveLength(
      summary.counts.students + summary.counts.guardians + summary.counts.staff + summary.secondOrganisation.counts.accounts,
    );
    expect(accounts.every((a) => /^[a-z0-9.-]+$/.test(a.username) && a.passwordHash === OPTIONS.passwordHash)).toBe(true);
    const staff = await db.prisma.staff.findMany();
    expect(staff.every((s) => /^[A-Z]{4}$/.test(s.signature))).toBe(true);
  });

  it('has a second organisation of its own: one school, its own calendar and catalogue, people and duties', async () => {
    const second = await db.prisma.organisation.findFirstOrThrow({
      where: { name: summary.secondOrganisation.name },
      include: {
        schools: { include: { groups: { include: { memberships: true } }, students: { include: { guardianships: true } } } },
        staff: { include: { duties: true, account: true } },
        schoolYears: { include: { terms: { include: { breaks: true } } } },
        subjects: true,
      },
    });
    expect(summary.secondOrganisation.counts).toEqual({
      schools: 1,
      classes: 1,
      teachingGroups: 1,
      students: 4,
      guardians: 6,
      staff: 3,
      lessons: 1,
      accounts: 13,
    });
    const [school] = second.schools;
    expect(second.schools).toHaveLength(1);
    expect(school?.groups.map((g) => [g.kind, g.name, g.memberships.length]).sort()).toEqual([
      ['CLASS', '7G', 4],
      ['TEACHING', 'Ma7G', 4],
    ]);
    expect(school?.students.every((student) => student.guardianships.length > 0)).toBe(true);
    expect(second.staff.flatMap((staff) => staff.duties.map((duty) => duty.kind)).sort()).toEqual([
      'ADMINISTRATOR',
      'MENTOR',
      'PRINCIPAL',
      'TEACHER',
    ]);
    expect(second.staff.map((staff) => staff.account?.username).sort()).toEqual(['grannby.admin', 'grannby.larare', 'grannby.rektor']);
    // Sportlov in week 9 (1–5 March 2027), where the first organisation has school.
    const breaks = second.schoolYears.flatMap((year) => year.terms.flatMap((term) => term.breaks));
    expect(breaks.some((b) => b.startDate.toISOString().startsWith('2027-03-01'))).toBe(true);
    expect(
      await db.prisma.schoolBreak.count({
        where: { startDate: new Date('2027-03-01'), term: { schoolYear: { organisation: { name: summary.organisation } } } },
      }),
    ).toBe(0);
    expect(second.subjects.map((subject) => subject.code).sort()).toEqual(['MA', 'SV']);
    // Nothing of the first organisation's data reaches it.
    const firstOrganisationRows = `SELECT 1 FROM "GroupMembership" m JOIN "Group" g ON g.id = m."groupId" JOIN "Student" s ON s.id = m."studentId"
      WHERE g."schoolId" <> s."schoolId"`;
    expect(await count(db, firstOrganisationRows)).toBe(0);
  });

  it('has the seven demo logins with the right people, links and duties', async () => {
    expect(summary.demoLogins.map((l) => l.username)).toEqual(['elev', 'vardnadshavare', 'mentor', 'larare', 'rektor', 'admin', 'myndig']);
    const account = (username: string) =>
      db.prisma.userAccount.findUniqueOrThrow({
        where: { username },
        include: {
          student: { include: { guardianships: true, consents: true, memberships: { include: { group: true } }, school: true } },
          guardian: { include: { guardianships: { include: { student: { include: { memberships: { include: { group: true } } } } } } } },
          staff: { include: { duties: { include: { group: { include: { memberships: true } } } } } },
        },
      });
    const schools = await db.prisma.school.findMany();
    const compulsory = schools.find((s) => s.form === 'COMPULSORY');

    const elev = (await account('elev')).student;
    const elevClass = elev?.memberships.find((m) => m.group.kind === 'CLASS')?.group;
    expect(elev?.school.form).toBe('COMPULSORY');
    expect(elevClass?.yearLevel).toBeGreaterThanOrEqual(7);
    expect(elevClass?.yearLevel).toBeLessThanOrEqual(9);
    expect(elev?.guardianships).toHaveLength(2);

    const mentor = (await account('mentor')).staff;
    expect(mentor?.duties.some((d) => d.kind === 'MENTOR' && d.groupId === elevClass?.id)).toBe(true);
    const elevGroupIds = new Set(elev?.memberships.map((m) => m.groupId));
    expect(mentor?.duties.some((d) => d.kind === 'TEACHER' && d.groupId !== null && elevGroupIds.has(d.groupId))).toBe(true);

    const larare = (await account('larare')).staff;
    expect(larare?.duties.filter((d) => d.kind === 'TEACHER').length).toBeGreaterThanOrEqual(3);
    expect(larare?.duties.some((d) => d.kind === 'MENTOR')).toBe(false);

    const guardian = (await account('vardnadshavare')).guardian;
    const children = guardian?.guardianships.map((g) => g.student) ?? [];
    expect(children).toHaveLength(2);
    expect(children.every((c) => !isAdultOn(c.birthDate.toISOString().slice(0, 10), TODAY))).toBe(true);
    const classOf = (c: (typeof children)[number]) => c.memberships.find((m) => m.group.kind === 'CLASS')?.groupId;
    expect(classOf(children[0] as (typeof children)[number])).not.toBe(classOf(children[1] as (typeof children)[number]));

    const rektor = (await account('rektor')).staff;
    expect(rektor?.duties).toEqual([expect.objectContaining({ kind: 'PRINCIPAL', schoolId: compulsory?.id, groupId: null })]);
    const admin = (await account('admin')).staff;
    expect(admin?.duties).toEqual([expect.objectContaining({ kind: 'ADMINISTRATOR', schoolId: null, groupId: null })]);

    const myndig = (await account('myndig')).student;
    expect(myndig?.school.form).toBe('UPPER_SECONDARY');
    expect(isAdultOn(myndig?.birthDate.toISOString().slice(0, 10) as string, TODAY)).toBe(true);
    expect(myndig?.guardianships).toHaveLength(2);
    expect(myndig?.consents).toHaveLength(1);
    expect(myndig?.consents[0]?.withdrawnAt).toBeNull();
    expect(myndig?.guardianships.map((g) => g.guardianId)).toContain(myndig?.consents[0]?.guardianId);
  });

  it("gives the demo guardian's children published and draft assessments, each on its group's scale", async () => {
    const guardian = await db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' } });
    const children = { student: { guardianships: { some: { guardianId: guardian.guardianId ?? '' } } } };
    expect(await db.prisma.assessmentResult.count({ where: { ...children, task: { publishedAt: { not: null } } } })).toBeGreaterThan(0);
    expect(await db.prisma.assessmentResult.count({ where: { ...children, task: { publishedAt: null } } })).toBeGreaterThan(0);
    expect(await db.prisma.subjectAssessment.count({ where: { ...children, publishedAt: { not: null } } })).toBeGreaterThan(0);
    const offScale = `
      SELECT 1 FROM (SELECT r."grade", g."yearLevel", s."form" FROM "AssessmentResult" r JOIN "AssessmentTask" t ON t."id" = r."taskId"
                       JOIN "Group" g ON g."id" = t."groupId" JOIN "School" s ON s."id" = g."schoolId"
                     UNION ALL
                     SELECT a."grade", g."yearLevel", s."form" FROM "SubjectAssessment" a JOIN "Group" g ON g."id" = a."groupId"
                       JOIN "School" s ON s."id" = g."schoolId") x
      WHERE CASE WHEN x."form" = 'COMPULSORY' AND x."yearLevel" <= 5
                 THEN x."grade" NOT IN ('INSUFFICIENT', 'ACCEPTABLE', 'MORE_THAN_ACCEPTABLE')
                 ELSE x."grade" NOT IN ('A', 'B', 'C', 'D', 'E', 'F') END`;
    expect(await count(db, offScale)).toBe(0);
    // A comment fits its mark: no praise on a failing mark, no "practise the basics" on a strong one.
    const misfits = `
      SELECT 1 FROM (SELECT "grade", "comment" FROM "AssessmentResult" UNION ALL SELECT "grade", "comment" FROM "SubjectAssessment") x
      WHERE (x."grade" IN ('F', 'INSUFFICIENT') AND x."comment" IN ('Visar god förståelse och resonerar väl.', 'Noggrant och väl genomfört.'))
         OR (x."grade" IN ('A', 'B', 'C', 'MORE_THAN_ACCEPTABLE') AND x."comment" LIKE 'Behöver öva mer%')`;
    expect(await count(db, misfits)).toBe(0);
  });

  it('has news from the principal and the demo mentor, read before today, the demo guardian having read one', async () => {
    const posts = await db.prisma.newsPost.findMany({
      select: { groupId: true, publishedAt: true, author: { select: { account: true } } },
    });
    expect(posts.map((post) => [post.author.account?.username, post.groupId === null]).sort()).toEqual([
      ['mentor', false],
      ['rektor', true],
      ['rektor', true],
    ]);
    expect(posts.every((post) => post.publishedAt < new Date(`${TODAY}T00:00:00Z`))).toBe(true);
    const readTooEarly = 'SELECT 1 FROM "NewsRead" r JOIN "NewsPost" p ON p.id = r."postId" WHERE r."readAt" <= p."publishedAt"';
    expect(await count(db, readTooEarly)).toBe(0);
    const guardian = await db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' }, select: { newsReads: true } });
    expect(guardian.newsReads).toHaveLength(1);
  });

  it("gives the demo guardian's youngest child in school year 1 or later two support decisions with real PDFs, by the principal, one confirmed", async () => {
    const guardian = await db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' } });
    const decisions = await db.prisma.supportDecision.findMany({
      select: {
        decidedOn: true,
        createdAt: true,
        document: true,
        documentSize: true,
        student: {
          select: {
            schoolId: true,
            guardianships: { select: { guardianId: true } },
            memberships: {
              where: { group: { kind: 'CLASS' }, OR: [{ validTo: null }, { validTo: { gte: new Date(`${TODAY}T00:00:00Z`) } }] },
              select: { group: { select: { yearLevel: true } } },
            },
          },
        },
        decidedBy: { select: { duties: { select: { kind: true, schoolId: true } } } },
        acknowledgements: { select: { userId: true, acknowledgedAt: true } },
      },
    });
    expect(decisions).toHaveLength(2);
    for (const decision of decisions) {
      expect(decision.student.guardianships.map((g) => g.guardianId)).toContain(guardian.guardianId);
      expect(decision.student.memberships).toHaveLength(1);
      expect(decision.student.memberships[0]?.group.yearLevel).toBeGreaterThanOrEqual(1);
      expect(decision.decidedBy.duties).toContainEqual({ kind: 'PRINCIPAL', schoolId: decision.student.schoolId });
      expect(Buffer.from(decision.document).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(decision.document.length).toBe(decision.documentSize);
      expect(decision.decidedOn < new Date(`${TODAY}T00:00:00Z`)).toBe(true);
      for (const ack of decision.acknowledgements) expect(ack.acknowledgedAt > decision.createdAt).toBe(true);
    }
    expect(decisions.flatMap((decision) => decision.acknowledgements.map((ack) => ack.userId))).toEqual([guardian.id]);
  });
});

describe('seedDemoData in the spring term', () => {
  it("plans every upper-secondary student's courses from the programme, and IUPs for compulsory students only", async () => {
    expect(await db.prisma.programme.count()).toBe(4);
    const withoutPlan = `SELECT 1 FROM "Student" s WHERE s."programmeCode" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "StudyPlanCourse" p WHERE p."studentId" = s."id")`;
    expect(await count(db, withoutPlan)).toBe(0);
    expect(await count(db, 'SELECT 1 FROM "StudyPlanCourse" WHERE "planYear" NOT BETWEEN 1 AND 3')).toBe(0);
    const plans = await db.prisma.developmentPlan.findMany({
      select: { publishedAt: true, updatedAt: true, student: { select: { school: { select: { form: true } } } } },
    });
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((plan) => plan.student.school.form === 'COMPULSORY')).toBe(true);
    expect(plans.every((plan) => plan.publishedAt === null || plan.updatedAt <= plan.publishedAt)).toBe(true);
    expect(plans.some((plan) => plan.publishedAt !== null)).toBe(true);
  });

  it('gives year-2 and year-3 upper-secondary students published course grades from their earlier years, and nothing else then', async () => {
    const current = await db.prisma.schoolYear.findFirstOrThrow({
      where: { organisation: { name: summary.organisation }, startDate: { lte: new Date(`${TODAY}T00:00:00Z`) } },
      orderBy: { startDate: 'desc' },
    });
    const earlier = { group: { schoolYearId: { not: current.id }, schoolYear: { organisationId: current.organisationId } } };
    // Every year-2 and year-3 student has some, no year-1 student has any.
    const graded = await db.prisma.subjectAssessment.groupBy({ by: ['studentId'], where: earlier });
    const gradedIds = new Set(graded.map((row) => row.studentId));
    expect(gradedIds.size).toBeGreaterThan(0);
    const upper = await db.prisma.student.findMany({
      where: { programmeCode: { not: null } },
      select: {
        id: true,
        memberships: { where: { group: { kind: 'CLASS', schoolYearId: current.id } }, select: { group: { select: { yearLevel: true } } } },
      },
    });
    const yearOf = (student: (typeof upper)[number]) => student.memberships[0]?.group.yearLevel ?? 0;
    expect(upper.filter((student) => yearOf(student) >= 11).every((student) => gradedIds.has(student.id))).toBe(true);
    expect(upper.filter((student) => yearOf(student) === 10).some((student) => gradedIds.has(student.id))).toBe(false);
    // Published, on the A–F scale, in a course group whose memberships ended before this school year.
    const rows = await db.prisma.subjectAssessment.findMany({
      where: earlier,
      select: { grade: true, publishedAt: true, group: { select: { courseId: true } } },
    });
    expect(rows.every((row) => row.publishedAt !== null && /^[A-F]$/.test(row.grade) && row.group.courseId !== null)).toBe(true);
    expect(
      await db.prisma.groupMembership.count({ where: { ...earlier, OR: [{ validTo: null }, { validTo: { gte: current.startDate } }] } }),
    ).toBe(0);
    expect(await db.prisma.lesson.count({ where: earlier })).toBe(0);
    expect(await db.prisma.staffDuty.count({ where: earlier })).toBe(0);
  });

  it("has grade warnings at the upper-secondary school only, by the group's teacher, contacts after the warning and before today", async () => {
    const warnings = await db.prisma.gradeWarning.findMany({
      select: {
        issuedAt: true,
        closedAt: true,
        issuedByStaffId: true,
        student: { select: { school: { select: { form: true } } } },
        group: { select: { duties: { where: { kind: 'TEACHER' }, select: { staffId: true } } } },
        contacts: { select: { contactedAt: true } },
      },
    });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((warning) => warning.student.school.form === 'UPPER_SECONDARY')).toBe(true);
    expect(warnings.every((warning) => warning.group.duties.some((duty) => duty.staffId === warning.issuedByStaffId))).toBe(true);
    const startOfToday = new Date(`${TODAY}T00:00:00+01:00`);
    for (const warning of warnings) {
      expect(warning.issuedAt < startOfToday).toBe(true);
      for (const contact of warning.contacts)
        expect(contact.contactedAt > warning.issuedAt && contact.contactedAt < startOfToday).toBe(true);
    }
    // Some wait for contact, some have had it, some are closed.
    expect(warnings.some((warning) => warning.contacts.length === 0 && warning.closedAt === null)).toBe(true);
    expect(warnings.some((warning) => warning.contacts.length > 0)).toBe(true);
  });

  const SPRING_TODAY = '2027-03-17';

  it('writes lessons and attendance for the autumn term too, each lesson in a series of its own term', async () => {
    const spring = await openDatabase({ kind: 'memory' });
    try {
      await applyPendingMigrations(spring.adapterFactory);
      const springSummary = await seedDemoData(spring.prisma, { ...OPTIONS, students: 100, today: SPRING_TODAY });
      expect(springSummary.term.kind).toBe('SPRING');
      expect(springSummary.lessonTerms.map((t) => t.kind)).toEqual(['AUTUMN', 'SPRING']);

      const perTerm = await spring.prisma.$queryRawUnsafe<{ kind: string; series: bigint; lessons: bigint; attendance: bigint }[]>(
        `SELECT t."kind",
                (SELECT count(*) FROM "LessonSeries" s WHERE s."termId" = t."id") AS series,
                (SELECT count(*) FROM "Lesson" l JOIN "LessonSeries" s ON s."id" = l."seriesId" WHERE s."termId" = t."id") AS lessons,
                (SELECT count(*) FROM "Attendance" a JOIN "Lesson" l ON l."id" = a."lessonId"
                   JOIN "LessonSeries" s ON s."id" = l."seriesId" WHERE s."termId" = t."id") AS attendance
         FROM "Term" t JOIN "SchoolYear" y ON y."id" = t."schoolYearId" JOIN "Organisation" o ON o."id" = y."organisationId"
         WHERE y."name" = $1 AND o."name" = $2 ORDER BY t."startDate"`,
        springSummary.schoolYear,
        springSummary.organisation,
      );
      expect(perTerm.map((t) => t.kind)).toEqual(['AUTUMN', 'SPRING']);
      for (const term of perTerm) {
        expect(term.series).toBeGreaterThan(0n);
        expect(term.lessons).toBeGreaterThan(0n);
        expect(term.attendance).toBeGreaterThan(0n);
      }
      // The same weekly schedule in both terms.
      expect(perTerm[0]?.series).toBe(perTerm[1]?.series);
      expect(springSummary.counts.lessonSeries).toBe(Number(perTerm[0]?.series) * 2);
      expect(springSummary.counts.attendance).toBe(Number(perTerm[0]?.attendance) + Number(perTerm[1]?.attendance));

      expect(await spring.prisma.attendance.count({ where: { lesson: { date: { gte: new Date(SPRING_TODAY) } } } })).toBe(0);
      // Every lesson, and so every roll call, is dated inside the term of its series.
      const outsideTerm = `
        SELECT 1 FROM "Lesson" l JOIN "LessonSeries" s ON s."id" = l."seriesId" JOIN "Term" t ON t."id" = s."termId"
        WHERE l."date" < t."startDate" OR l."date" > t."endDate"`;
      expect(await count(spring, outsideTerm)).toBe(0);
    } finally {
      await spring.close();
    }
  });
});
