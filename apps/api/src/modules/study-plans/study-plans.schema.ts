import gql from 'graphql-tag';

export const studyPlansTypeDefs = gql`
  enum StudyPlanCourseStatus {
    "a published grade (an F earns no points)"
    GRADED
    "the student is in a current teaching group for the course"
    IN_PROGRESS
    PLANNED
  }

  type StudyPlanCourse {
    courseId: ID!
    code: String!
    name: String!
    points: Int!
    "1–3; null for a graded course outside the plan"
    planYear: Int
    status: StudyPlanCourseStatus!
    "the best published grade, A–F"
    grade: String
  }

  "studieplan: an upper-secondary student's programme, planned courses per year and progress in points."
  type StudyPlan {
    studentId: ID!
    studentName: String!
    "false for students without a study plan (compulsory school)"
    applies: Boolean!
    programmeCode: String
    "In the given locale (default: the viewer's)."
    programmeName(locale: Locale): String
    "points for a diploma: 2500"
    totalPoints: Int!
    "points of courses with a published passing grade (A–E)"
    earnedPoints: Int!
    "points of the planned courses"
    plannedPoints: Int!
    "by plan year, then course name"
    courses: [StudyPlanCourse!]!
    "the viewer may add and remove planned courses (the mentor, administrators)"
    canEdit: Boolean!
    "For those who may edit: the courses not yet in the plan, by name; empty for others."
    plannableCourses: [CourseOption!]!
  }

  type CourseOption {
    courseId: ID!
    code: String!
    name: String!
    points: Int!
  }

  "Which plans the viewer's own students have (a student: oneself; a guardian: the children they may see)."
  type OwnPlans {
    developmentPlans: Boolean!
    studyPlans: Boolean!
  }

  extend type Viewer {
    "For the navigation of students and guardians; with the session, so that the app's start asks nothing more."
    ownPlans: OwnPlans!
  }

  extend type Query {
    "The student, guardians under rule 2, the mentor, principal and administrators."
    studyPlan(studentId: ID!): StudyPlan! @access(rule: SIGNED_IN)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: NOT_UPPER_SECONDARY, INVALID_PLAN_YEAR, UNKNOWN_COURSE.
  # Someone who may not change the plan gets NOT_FOUND.
  extend type Mutation {
    "The mentor or an administrator plans a course for a year (1–3), or moves it to another year."
    planStudyPlanCourse(studentId: ID!, courseId: ID!, planYear: Int!): StudyPlan! @access(rule: STAFF)
    "The mentor or an administrator removes a planned course."
    removeStudyPlanCourse(studentId: ID!, courseId: ID!): StudyPlan! @access(rule: STAFF)
  }
`;
