import { graphql } from '../../gql';

export const StudyPlanDocument = graphql(`
  query StudyPlan($studentId: ID!, $locale: Locale) {
    studyPlan(studentId: $studentId) {
      studentId
      studentName
      applies
      programmeCode
      programmeName(locale: $locale)
      totalPoints
      earnedPoints
      plannedPoints
      courses {
        courseId
        code
        name
        points
        planYear
        status
        grade
      }
      canEdit
      plannableCourses {
        courseId
        code
        name
        points
      }
    }
  }
`);

export const RemoveStudyPlanCourseDocument = graphql(`
  mutation RemoveStudyPlanCourse($studentId: ID!, $courseId: ID!) {
    removeStudyPlanCourse(studentId: $studentId, courseId: $courseId) {
      studentId
    }
  }
`);

export const PlanStudyPlanCourseDocument = graphql(`
  mutation PlanStudyPlanCourse($studentId: ID!, $courseId: ID!, $planYear: Int!) {
    planStudyPlanCourse(studentId: $studentId, courseId: $courseId, planYear: $planYear) {
      studentId
    }
  }
`);
