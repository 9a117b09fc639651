// The demo data generator: a made-up municipality with a compulsory and an upper-secondary school,
// their students, guardians and staff, the schedule of the school year up to this term and the attendance so far.
// The same seed, size and `today` always give the same database.
import type { PrismaClient } from '@insyn/db';
import { isAdultOn } from '@insyn/domain';
import type { CalendarTerm, CalendarTermKind } from '@insyn/domain';
import { withAbsenceDaysDeferred } from './absence-days.ts';
import { writeAssessments } from './assessments.ts';
import { recordAttendance } from './attendance.ts';
import { dbDate } from './dates.ts';
import { applyLessonChanges, insertLessons } from './lessons.ts';
import { writeNews } from './news.ts';
import { writePlans } from './plans.ts';
import { writeGradeWarnings } from './grade-warnings.ts';
import { writeEarlierYears } from './earlier-years.ts';
import { seedSupportDecisions } from './support-decisions.ts';
import { SECOND_ORGANISATION_NAME, writeSecondOrganisation, type SecondOrganisationCounts } from './second-organisation.ts';
import type { DemoLogin } from './model.ts';
import { insertRows } from './sql.ts';
import type { Column, Sql } from './sql.ts';
import { buildWorld } from './world.ts';
import type { World } from './world.ts';

export type { DemoLogin, DemoRole } from './model.ts';

export interface SeedOptions {
  /** students in total, about 60 % in the compulsory school; 100 to 50 000 */
  students: number;
  seed: number;
  /**
   * `YYYY-MM-DD`: lessons cover the school year from its start to the end of the term around it,
   * attendance the school days before it
   */
  today: string;
  /** one Argon2id hash shared by every demo account (hashing per account would take minutes) */
  passwordHash: string;
  /** called after each step with its duration */
  onProgress?: (step: string, milliseconds: number) => void;
}

export interface SeedCounts {
  schools: number;
  classes: number;
  teachingGroups: number;
  students: number;
  adultStudents: number;
  guardians: number;
  guardianConsents: number;
  staff: number;
  staffDuties: number;
  groupMemberships: number;
  lessonSeries: number;
  lessons: number;
  cancelledLessons: number;
  changedLessons: number;
  lessonsWithoutRollCall: number;
  attendance: number;
  accounts: number;
}

export interface SummaryTerm {
  kind: CalendarTermKind;
  startDate: string;
  endDate: string;
}

export interface SeedSummary {
  organisation: string;
  schoolYear: string;
  /** the term around `today` */
  term: SummaryTerm;
  /** the terms with lessons, `term` last */
  lessonTerms: SummaryTerm[];
  counts: SeedCounts;
  /** a second, small school owner whose administrator sees only its own school (and no one else sees it) */
  secondOrganisation: { name: string; counts: SecondOrganisationCounts };
  demoLogins: DemoLogin[];
}

export const MIN_STUDENTS = 100;
export const MAX_STUDENTS = 50_000;

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const { students, seed, today, passwordHash } = options;
  if (!Number.isInteger(students) || students < MIN_STUDENTS || students > MAX_STUDENTS) {
    throw new RangeError(`students must be a whole number from ${MIN_STUDENTS} to ${MAX_STUDENTS}, got ${students}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!passwordHash) throw new RangeError('passwordHash is required');

  const step = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    options.onProgress?.(name, performance.now() - started);
    return result;
  };

  const world = await step('build in memory', () => buildWorld({ students, seed, today }));
  // Loaded in bulk, with the absence days summed once at the end rather than once per statement.
  await withAbsenceDaysDeferred(prisma, today, async () => {
    await step('write people, groups and schedule', () => writeWorld(prisma, world, passwordHash));
    await step('earlier years: course grades', () => writeEarlierYears(prisma, world, seed));
    await step('lessons', () => insertLessons(prisma, seed, world.lessonTerms));
    await step('lesson changes', () => applyLessonChanges(prisma, world.lessonChanges));
    await step('attendance', () =>
      recordAttendance(
        prisma,
        seed,
        world.lessonTerms.map((t) => t.term),
        today,
      ),
    );
  });
  await step('development and study plans', () => writePlans(prisma, world, seed, today));
  await step('support decisions', () => seedSupportDecisions(prisma, seed, today));
  await step('assessments', () => writeAssessments(prisma, world, seed, today));
  await step('grade warnings', () => writeGradeWarnings(prisma, world, seed, today));
  await step('news', () => writeNews(prisma, world, seed, today));
  // Fresh planner statistics: without them (and autovacuum may be off) PostgreSQL plans the first
  // queries on millions of rows as if the tables were empty. And the visibility map a school's tables have
  // once autovacuum has been round: without it an index-only scan (a student's figures) reads the table too.
  await step('vacuum and analyze', () => prisma.$executeRawUnsafe('VACUUM (ANALYZE)'));
  const counts = await step('count', () => countRows(prisma, world, today));
  // Last: the steps above read the database and make (and count) the first organisation's data only.
  const secondOrganisation = await step('second organisation', () => writeSecondOrganisation(prisma, { seed, today, passwordHash }));
  // Every demo account has the demo password, so every one counts as activated.
  await prisma.userAccount.updateMany({ data: { activatedAt: new Date(`${today}T06:00:00Z`) } });

  return {
    organisation: world.organisation.name,
    schoolYear: world.calendar.name,
    term: summaryTerm(world.currentTerm.term),
    lessonTerms: world.lessonTerms.map((t) => summaryTerm(t.term)),
    counts,
    secondOrganisation: { name: SECOND_ORGANISATION_NAME, counts: secondOrganisation },
    demoLogins: world.demoLogins,
  };
}

async function writeWorld(sql: Sql, world: World, passwordHash: string): Promise<void> {
  const organisationId = world.organisation.id;
  const yearStart = world.calendar.startDate;
  const id: Column<{ id: string }> = { name: 'id', type: 'uuid', value: (row) => row.id };
  const uuid = <T>(name: string, value: (row: T) => string | null): Column<T> => ({ name, type: 'uuid', value });
  const text = <T>(name: string, value: (row: T) => string | null): Column<T> => ({ name, type: 'text', value });
  const date = <T>(name: string, value: (row: T) => string | null): Column<T> => ({ name, type: 'date', value });
  const int = <T>(name: string, value: (row: T) => number): Column<T> => ({ name, type: 'int', value });
  const organisationColumn = uuid('organisationId', () => organisationId);

  await insertRows(sql, 'Organisation', [world.organisation], [id, text('name', (o) => o.name)]);
  await insertRows(sql, 'School', world.schools, [
    id,
    organisationColumn,
    text('name', (s) => s.name),
    text('unitCode', (s) => s.unitCode),
    { name: 'form', type: 'text', enumType: '"SchoolForm"', value: (s) => s.form },
  ]);
  await insertRows(
    sql,
    'SchoolYear',
    [world],
    [
      uuid('id', () => world.schoolYearId),
      organisationColumn,
      text('name', (w) => w.calendar.name),
      date('startDate', (w) => w.calendar.startDate),
      date('endDate', (w) => w.calendar.endDate),
    ],
  );
  await insertRows(sql, 'Term', world.terms, [
    id,
    uuid('schoolYearId', () => world.schoolYearId),
    { name: 'kind', type: 'text', enumType: '"TermKind"', value: (t) => t.term.kind },
    date('startDate', (t) => t.term.startDate),
    date('endDate', (t) => t.term.endDate),
  ]);
  // The schema keeps one name per break; the English names stay in the domain calendar.
  const breaks = world.terms.flatMap((t) => t.term.breaks.map((b, i) => ({ ...b, id: t.breakIds[i] as string, termId: t.id })));
  await insertRows(sql, 'SchoolBreak', breaks, [
    id,
    uuid('termId', (b) => b.termId),
    text('name', (b) => b.name),
    date('startDate', (b) => b.startDate),
    date('endDate', (b) => b.endDate),
  ]);
  await insertRows(sql, 'Subject', world.subjects, [
    id,
    organisationColumn,
    text('code', (s) => s.code),
    text('nameSv', (s) => s.nameSv),
    text('nameEn', (s) => s.nameEn),
  ]);
  await insertRows(sql, 'Course', world.courses, [
    id,
    uuid('subjectId', (c) => c.subjectId),
    organisationColumn,
    text('code', (c) => c.code),
    text('name', (c) => c.name),
    int('points', (c) => c.points),
  ]);
  await insertRows(sql, 'Student', world.students, [
    id,
    text('personalIdentityNumber', (s) => s.personalIdentityNumber),
    text('firstName', (s) => s.firstName),
    text('lastName', (s) => s.lastName),
    date('birthDate', (s) => s.birthDate),
    uuid('schoolId', (s) => s.schoolId),
    organisationColumn,
    text('programmeCode', (s) => s.programmeCode),
  ]);
  await insertRows(sql, 'Guardian', world.guardians, [
    id,
    organisationColumn,
    text('personalIdentityNumber', (g) => g.personalIdentityNumber),
    text('firstName', (g) => g.firstName),
    text('lastName', (g) => g.lastName),
    text('mobilePhone', (g) => g.mobilePhone),
    text('email', (g) => g.email),
    text('streetAddress', (g) => g.streetAddress),
    text('postalCode', (g) => g.postalCode),
    text('city', (g) => g.city),
    { name: 'notifyBySms', type: 'boolean', value: (g) => g.notifyBySms },
    { name: 'notifyByEmail', type: 'boolean', value: (g) => g.notifyByEmail },
    text('messageLocale', (g) => g.messageLocale),
  ]);
  await insertRows(sql, 'Guardianship', world.guardianships, [
    uuid('studentId', (g) => g.studentId),
    uuid('guardianId', (g) => g.guardianId),
    organisationColumn,
  ]);
  await insertRows(sql, 'GuardianConsent', world.consents, [
    id,
    uuid('studentId', (c) => c.studentId),
    uuid('guardianId', (c) => c.guardianId),
    { name: 'givenAt', type: 'timestamp', value: (c) => c.givenAt.toISOString() },
    { name: 'withdrawnAt', type: 'timestamp', value: (c) => c.withdrawnAt?.toISOString() ?? null },
  ]);
  await insertRows(sql, 'Staff', world.staff, [
    id,
    organisationColumn,
    text('firstName', (s) => s.firstName),
    text('lastName', (s) => s.lastName),
    text('signature', (s) => s.signature),
    text('email', (s) => s.email),
  ]);
  await insertRows(sql, 'Group', world.groups, [
    id,
    uuid('schoolId', (g) => g.schoolId),
    uuid('schoolYearId', () => world.schoolYearId),
    { name: 'kind', type: 'text', enumType: '"GroupKind"', value: (g) => g.kind },
    text('name', (g) => g.name),
    int('yearLevel', (g) => g.yearLevel),
    uuid('subjectId', (g) => g.subjectId),
    uuid('courseId', (g) => g.courseId),
  ]);
  await insertRows(sql, 'GroupMembership', world.memberships, [
    id,
    uuid('groupId', (m) => m.groupId),
    uuid('studentId', (m) => m.studentId),
    date('validFrom', (m) => m.validFrom),
    date('validTo', (m) => m.validTo),
  ]);
  await insertRows(sql, 'StaffDuty', world.duties, [
    id,
    uuid('staffId', (d) => d.staffId),
    { name: 'kind', type: 'text', enumType: '"DutyKind"', value: (d) => d.kind },
    uuid('schoolId', (d) => d.schoolId),
    uuid('groupId', (d) => d.groupId),
    date('validFrom', () => yearStart),
  ]);
  await insertRows(sql, 'UserAccount', world.accounts, [
    id,
    text('username', (a) => a.username),
    text('passwordHash', () => passwordHash),
    uuid('studentId', (a) => a.studentId ?? null),
    uuid('guardianId', (a) => a.guardianId ?? null),
    uuid('staffId', (a) => a.staffId ?? null),
  ]);
  const series = world.lessonTerms.flatMap((t) =>
    t.series.map((s) => ({ ...s, termId: t.id, validFrom: t.term.startDate, validTo: t.term.endDate })),
  );
  await insertRows(sql, 'LessonSeries', series, [
    id,
    uuid('termId', (s) => s.termId),
    uuid('groupId', (s) => s.groupId),
    uuid('subjectId', (s) => s.subjectId),
    int('weekday', (s) => s.weekday),
    int('startMinute', (s) => s.startMinute),
    int('durationMinutes', (s) => s.durationMinutes),
    text('room', (s) => s.room),
    date('validFrom', (s) => s.validFrom),
    date('validTo', (s) => s.validTo),
  ]);
  await insertRows(
    sql,
    'LessonSeriesTeacher',
    series.flatMap((s) => s.teacherIds.map((staffId) => ({ seriesId: s.id, staffId }))),
    [uuid('seriesId', (t) => t.seriesId), uuid('staffId', (t) => t.staffId)],
  );
}

const summaryTerm = ({ kind, startDate, endDate }: CalendarTerm): SummaryTerm => ({ kind, startDate, endDate });

async function countRows(prisma: PrismaClient, world: World, today: string): Promise<SeedCounts> {
  const [lessons, cancelledLessons, changedLessons, lessonsWithoutRollCall, attendance] = await Promise.all([
    prisma.lesson.count(),
    prisma.lesson.count({ where: { status: 'CANCELLED' } }),
    prisma.lesson.count({ where: { OR: [{ originalStartsAt: { not: null } }, { originalRoom: { not: null } }] } }),
    prisma.lesson.count({ where: { status: 'SCHEDULED', date: { lt: dbDate(today) }, attendanceTakenAt: null } }),
    prisma.attendance.count(),
  ]);
  return {
    schools: world.schools.length,
    classes: world.classes.length,
    teachingGroups: world.groups.filter((g) => g.kind === 'TEACHING').length,
    students: world.students.length,
    adultStudents: world.students.filter((s) => isAdultOn(s.birthDate, today)).length,
    guardians: world.guardians.length,
    guardianConsents: world.consents.length,
    staff: world.staff.length,
    staffDuties: world.duties.length,
    groupMemberships: world.memberships.length,
    lessonSeries: world.lessonTerms.reduce((sum, t) => sum + t.series.length, 0),
    lessons,
    cancelledLessons,
    changedLessons,
    lessonsWithoutRollCall,
    attendance,
    accounts: world.accounts.length,
  };
}
