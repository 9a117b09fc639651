// The study plan (studieplan) of an upper-secondary student: the programme, the planned courses per year and
// progress, read from the published course grades (SubjectAssessment rows whose group has the course) and
// the student's current teaching groups. Rules: packages/domain/src/development-plans.ts.
import {
  hasDevelopmentPlan,
  isPlanYear,
  mayEditStudyPlan,
  studyPlanProgress,
  type StudentFacts,
  type StudyPlanCourseStatus,
} from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeStudent, isId, loadStudentFacts, ownStudents } from '../access/access.service.ts';
import { requireStaffViewer, type Viewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';

export interface StudyPlanCourseRecord {
  courseId: string;
  code: string;
  name: string;
  points: number;
  planYear: number | null;
  status: StudyPlanCourseStatus;
  grade: string | null;
}

export interface StudyPlanRecord {
  studentId: string;
  studentName: string;
  applies: boolean;
  programmeCode: string | null;
  programmeSv: string | null;
  programmeEn: string | null;
  totalPoints: number;
  earnedPoints: number;
  plannedPoints: number;
  courses: StudyPlanCourseRecord[];
  canEdit: boolean;
}

/** A diploma (gymnasieexamen) is 2500 points, also while a student's programme has no row. */
const DIPLOMA_POINTS = 2500;

const courseSelect = { id: true, code: true, name: true, points: true } as const;

async function readStudyPlan(ctx: RequestContext, viewer: Viewer, student: StudentFacts): Promise<StudyPlanRecord> {
  const row = await ctx.prisma.student.findUniqueOrThrow({
    where: { id: student.id },
    select: {
      firstName: true,
      lastName: true,
      programmeCode: true,
      school: { select: { form: true, organisationId: true } },
      studyPlanCourses: { select: { planYear: true, course: { select: courseSelect } } },
      subjectAssessments: {
        where: { publishedAt: { not: null }, group: { courseId: { not: null } } },
        select: { grade: true, group: { select: { course: { select: courseSelect } } } },
      },
      memberships: {
        where: { ...inForceOn(dateValue(ctx.today)), group: { kind: 'TEACHING', courseId: { not: null } } },
        select: { group: { select: { courseId: true } } },
      },
    },
  });
  const applies = row.school.form === 'UPPER_SECONDARY';
  const programme =
    applies && row.programmeCode
      ? await ctx.prisma.programme.findUnique({
          where: { organisationId_code: { organisationId: row.school.organisationId, code: row.programmeCode } },
          select: { nameSv: true, nameEn: true, totalPoints: true },
        })
      : null;
  const courses = new Map<string, { code: string; name: string; points: number; planYear: number | null; grades: string[] }>();
  for (const planned of row.studyPlanCourses) courses.set(planned.course.id, { ...planned.course, planYear: planned.planYear, grades: [] });
  for (const assessment of row.subjectAssessments) {
    const course = assessment.group.course;
    if (!course) continue;
    const known = courses.get(course.id) ?? { ...course, planYear: null, grades: [] };
    known.grades.push(assessment.grade);
    courses.set(course.id, known);
  }
  const current = new Set(row.memberships.map((membership) => membership.group.courseId));
  const progress = studyPlanProgress(
    [...courses].map(([courseId, course]) => ({
      courseId,
      points: course.points,
      planYear: course.planYear,
      publishedGrades: course.grades,
      current: current.has(courseId),
    })),
  );
  return {
    studentId: student.id,
    studentName: `${row.firstName} ${row.lastName}`,
    applies,
    programmeCode: applies ? row.programmeCode : null,
    programmeSv: programme?.nameSv ?? null,
    programmeEn: programme?.nameEn ?? null,
    totalPoints: programme?.totalPoints ?? DIPLOMA_POINTS,
    earnedPoints: progress.earnedPoints,
    plannedPoints: progress.plannedPoints,
    courses: progress.courses
      .map((course) => {
        const known = courses.get(course.courseId) as { code: string; name: string; points: number };
        return { ...course, code: known.code, name: known.name, points: known.points };
      })
      .sort((a, b) => (a.planYear ?? 99) - (b.planYear ?? 99) || a.name.localeCompare(b.name, 'sv')),
    canEdit: applies && mayEditStudyPlan(viewer.facts, student, ctx.today),
  };
}

export async function studyPlan(ctx: RequestContext, studentId: string): Promise<StudyPlanRecord> {
  const { viewer, student } = await authorizeStudent(ctx, studentId, 'student:readAssessments');
  const plan = await readStudyPlan(ctx, viewer, student);
  await audit(ctx, 'studyPlan.read', { studentId, entityType: 'Student', entityId: studentId });
  return plan;
}

/** Whether any of the viewer's own students has an IUP or a study plan: one read of their schools and classes. */
export async function ownPlans(ctx: RequestContext, viewer: Viewer): Promise<{ developmentPlans: boolean; studyPlans: boolean }> {
  const own = await ownStudents(ctx, viewer);
  if (own.length === 0) return { developmentPlans: false, studyPlans: false };
  const students = await ctx.prisma.student.findMany({
    where: { id: { in: own.map((student) => student.id) } },
    select: {
      school: { select: { form: true } },
      memberships: {
        where: { group: { kind: 'CLASS' }, ...inForceOn(dateValue(ctx.today)) },
        select: { group: { select: { yearLevel: true } } },
        take: 1,
      },
    },
  });
  return {
    developmentPlans: students.some((student) =>
      hasDevelopmentPlan({ schoolForm: student.school.form, yearLevel: student.memberships[0]?.group.yearLevel ?? null }),
    ),
    studyPlans: students.some((student) => student.school.form === 'UPPER_SECONDARY'),
  };
}

/** The catalogue's courses not in the plan, for the editor's picker (read only when asked for). */
export async function plannableCourses(ctx: RequestContext, plan: StudyPlanRecord) {
  if (!plan.canEdit) return [];
  const planned = plan.courses.filter((course) => course.planYear !== null).map((course) => course.courseId);
  const courses = await ctx.prisma.course.findMany({
    // The student's organisation's catalogue.
    where: { id: { notIn: planned }, subject: { organisation: { schools: { some: { students: { some: { id: plan.studentId } } } } } } },
    select: courseSelect,
    orderBy: { name: 'asc' },
  });
  return courses.map((course) => ({ courseId: course.id, code: course.code, name: course.name, points: course.points }));
}

type StudyPlanProblem = 'NOT_UPPER_SECONDARY' | 'INVALID_PLAN_YEAR' | 'UNKNOWN_COURSE';
const refused = (problems: StudyPlanProblem[]) =>
  appError('BAD_USER_INPUT', `The study plan was not changed: ${problems.join(', ')}`, { problems });

/** The student, if the viewer may change their study plan; otherwise NOT_FOUND, as for a student who does not exist. */
async function authorizeEditor(ctx: RequestContext, studentId: string) {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(studentId)) throw notFound('Student');
  const [student] = await loadStudentFacts(ctx, { ids: [studentId] });
  if (!student || !mayEditStudyPlan(viewer.facts, student, ctx.today)) throw notFound('Student');
  const school = await ctx.prisma.school.findUniqueOrThrow({ where: { id: student.schoolId }, select: { form: true } });
  if (school.form !== 'UPPER_SECONDARY') throw refused(['NOT_UPPER_SECONDARY']);
  return { viewer, student };
}

export async function planStudyPlanCourse(ctx: RequestContext, studentId: string, courseId: string, planYear: number) {
  const { viewer, student } = await authorizeEditor(ctx, studentId);
  // Only the student's own organisation's catalogue: another school owner's courses are as unknown as a made-up id.
  const course = isId(courseId)
    ? await ctx.prisma.course.findFirst({
        where: { id: courseId, organisationId: student.organisationId },
        select: { id: true },
      })
    : null;
  const problems: StudyPlanProblem[] = [
    ...(course ? [] : (['UNKNOWN_COURSE'] as const)),
    ...(isPlanYear(planYear) ? [] : (['INVALID_PLAN_YEAR'] as const)),
  ];
  if (problems.length > 0) throw refused(problems);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.studyPlanCourse.upsert({
      where: { studentId_courseId: { studentId, courseId } },
      create: { studentId, courseId, planYear },
      update: { planYear },
    });
    await audit({ prisma: tx, ip: ctx.ip, auth: ctx.auth }, 'studyPlan.changed', {
      studentId,
      entityType: 'Course',
      entityId: courseId,
      details: { planYear },
    });
  });
  return readStudyPlan(ctx, viewer, student);
}

export async function removeStudyPlanCourse(ctx: RequestContext, studentId: string, courseId: string) {
  const { viewer, student } = await authorizeEditor(ctx, studentId);
  if (!isId(courseId)) throw refused(['UNKNOWN_COURSE']);
  await ctx.prisma.$transaction(async (tx) => {
    const removed = await tx.studyPlanCourse.deleteMany({ where: { studentId, courseId } });
    if (removed.count === 0) throw refused(['UNKNOWN_COURSE']);
    await audit({ prisma: tx, ip: ctx.ip, auth: ctx.auth }, 'studyPlan.changed', {
      studentId,
      entityType: 'Course',
      entityId: courseId,
      details: { removed: true },
    });
  });
  return readStudyPlan(ctx, viewer, student);
}
