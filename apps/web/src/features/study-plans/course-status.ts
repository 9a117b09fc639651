import { isPassingCourseGrade } from '@insyn/domain';
import type { StudyPlanCourseStatus } from '../../gql/graphql';

/** How a course's status looks: a symbol (never colour alone), the badge's tone and the words' key under studyPlans.status. */
export interface CourseStatusLook {
  symbol: string;
  tone: 'approved' | 'rejected' | 'pending' | 'withdrawn';
  key: 'GRADED' | 'GRADED_grade' | 'GRADED_failed' | 'IN_PROGRESS' | 'IN_PROGRESS_grade' | 'PLANNED' | 'PLANNED_grade';
}

/**
 * A graded course shows a check mark only for a passing grade (A–E): an F earns no points (as in the plan's
 * progress), so it is shown as not passed. A course in progress or planned keeps a grade from before in words.
 */
export function courseStatusLook(course: { status: StudyPlanCourseStatus; grade?: string | null }): CourseStatusLook {
  const { status, grade } = course;
  if (status === 'GRADED') {
    if (grade && !isPassingCourseGrade(grade)) return { symbol: '✗', tone: 'rejected', key: 'GRADED_failed' };
    return { symbol: '✓', tone: 'approved', key: grade ? 'GRADED_grade' : 'GRADED' };
  }
  if (status === 'IN_PROGRESS') return { symbol: '…', tone: 'pending', key: grade ? 'IN_PROGRESS_grade' : 'IN_PROGRESS' };
  return { symbol: '○', tone: 'withdrawn', key: grade ? 'PLANNED_grade' : 'PLANNED' };
}
