// The IUP (individuell utvecklingsplan, domain rule 6) and the upper-secondary study plan.
// IUP: compulsory school years 1–9, one plan per student and term. Each teacher writes the entry for the
// subjects they teach the student (where the student stands, the goals ahead); the mentor of the student's
// class writes the summary and publishes the plan to the home. Before publishing only staff see it.
// Edits after publishing are allowed and show at once, marked "updated after publishing"; the mentor may
// publish again, which tells the home again.
// Study plan: an upper-secondary student's planned courses per programme year, and progress in points.
import type { SchoolFormKind } from './assessments.ts';

export const MAX_STANDING_LENGTH = 2000;
export const MAX_GOALS_LENGTH = 2000;
export const MAX_SUMMARY_LENGTH = 4000;
export const FIRST_PLAN_YEAR_LEVEL = 1;
export const LAST_PLAN_YEAR_LEVEL = 9;

export type DevelopmentPlanProblem =
  | 'NOT_COMPULSORY_SCHOOL'
  | 'STANDING_REQUIRED'
  | 'STANDING_TOO_LONG'
  | 'GOALS_REQUIRED'
  | 'GOALS_TOO_LONG'
  | 'SUMMARY_REQUIRED'
  | 'SUMMARY_TOO_LONG'
  | 'ALREADY_PUBLISHED';

/** Only compulsory-school students in years 1–9 have an IUP (not förskoleklass, not upper secondary). */
export function hasDevelopmentPlan(student: { schoolForm: SchoolFormKind; yearLevel: number | null }): boolean {
  return (
    student.schoolForm === 'COMPULSORY' &&
    student.yearLevel !== null &&
    student.yearLevel >= FIRST_PLAN_YEAR_LEVEL &&
    student.yearLevel <= LAST_PLAN_YEAR_LEVEL
  );
}

function checkText<P extends string>(value: string, max: number, required: P, tooLong: P): P[] {
  const text = value.trim();
  if (!text) return [required];
  return text.length > max ? [tooLong] : [];
}

/** An entry says where the student stands and what the goals ahead are. */
export function checkPlanEntry(input: { standing: string; goals: string }): DevelopmentPlanProblem[] {
  return [
    ...checkText<DevelopmentPlanProblem>(input.standing, MAX_STANDING_LENGTH, 'STANDING_REQUIRED', 'STANDING_TOO_LONG'),
    ...checkText<DevelopmentPlanProblem>(input.goals, MAX_GOALS_LENGTH, 'GOALS_REQUIRED', 'GOALS_TOO_LONG'),
  ];
}

export function checkPlanSummary(summary: string): DevelopmentPlanProblem[] {
  return checkText<DevelopmentPlanProblem>(summary, MAX_SUMMARY_LENGTH, 'SUMMARY_REQUIRED', 'SUMMARY_TOO_LONG');
}

export interface PlanState {
  summary: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** Changed since it was last published (or never published). */
export const updatedAfterPublishing = (plan: PlanState): boolean => plan.publishedAt !== null && plan.updatedAt > plan.publishedAt;

/** Publishing needs the mentor's summary; publishing again only when something changed since. */
export function checkPlanPublish(plan: PlanState): DevelopmentPlanProblem[] {
  const problems: DevelopmentPlanProblem[] = [];
  if (!plan.summary?.trim()) problems.push('SUMMARY_REQUIRED');
  if (plan.publishedAt !== null && !updatedAfterPublishing(plan)) problems.push('ALREADY_PUBLISHED');
  return problems;
}

/** A teaching group the student belongs to today. */
export interface StudentTeachingGroup {
  groupId: string;
  subjectId: string | null;
}

// ───────────────────────── Study plan ─────────────────────────

export const PASSING_COURSE_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export const FIRST_PLAN_YEAR = 1;
export const LAST_PLAN_YEAR = 3;

export const isPassingCourseGrade = (grade: string): boolean => (PASSING_COURSE_GRADES as readonly string[]).includes(grade);

export type StudyPlanCourseStatus = 'GRADED' | 'IN_PROGRESS' | 'PLANNED';

export interface StudyPlanCourseFacts {
  courseId: string;
  points: number;
  /** 1–3, or null for a graded course outside the plan */
  planYear: number | null;
  /** the student's published grades in the course, any order */
  publishedGrades: readonly string[];
  /** the student is in a current teaching group for the course */
  current: boolean;
}

export interface StudyPlanCourseProgress {
  courseId: string;
  planYear: number | null;
  status: StudyPlanCourseStatus;
  /** the best published grade: a passing one if any, else F */
  grade: string | null;
  earned: boolean;
}

export interface StudyPlanProgress {
  /** points of courses with a published passing grade */
  earnedPoints: number;
  /** points of the planned courses */
  plannedPoints: number;
  courses: StudyPlanCourseProgress[];
}

/** The best of a course's published grades: A before E, any pass before F. */
function bestGrade(grades: readonly string[]): string | null {
  const passing = grades.filter(isPassingCourseGrade).sort();
  return passing[0] ?? grades[0] ?? null;
}

/**
 * Graded: a published grade exists (an F earns nothing; a course in progress again after an F shows as in
 * progress). In progress: the student is in a current group for the course. Otherwise planned.
 */
export function studyPlanProgress(courses: readonly StudyPlanCourseFacts[]): StudyPlanProgress {
  const rows = courses.map((course): StudyPlanCourseProgress & { points: number } => {
    const grade = bestGrade(course.publishedGrades);
    const earned = grade !== null && isPassingCourseGrade(grade);
    const status: StudyPlanCourseStatus =
      earned || (grade !== null && !course.current) ? 'GRADED' : course.current ? 'IN_PROGRESS' : 'PLANNED';
    return { courseId: course.courseId, planYear: course.planYear, status, grade, earned, points: course.points };
  });
  return {
    earnedPoints: rows.reduce((sum, row) => sum + (row.earned ? row.points : 0), 0),
    plannedPoints: rows.reduce((sum, row) => sum + (row.planYear !== null ? row.points : 0), 0),
    courses: rows.map(({ points: _points, ...row }) => row),
  };
}

export const isPlanYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR;
