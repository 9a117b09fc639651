import gql from 'graphql-tag';

export const assessmentsTypeDefs = gql`
  "The marks of a group's year: knowledge levels (compulsory school years 1–5) or grades A–F (years 6–9, upper secondary)."
  enum GradeScale {
    KNOWLEDGE_LEVELS
    GRADES
  }

  type AssessmentMember {
    id: ID!
    firstName: String!
    lastName: String!
  }

  "One student's result on a task: a mark of the group's scale, a comment, or both."
  type AssessmentResult {
    studentId: ID!
    "A–F, or a knowledge level: INSUFFICIENT, ACCEPTABLE, MORE_THAN_ACCEPTABLE"
    grade: String
    comment: String
    "ISO 8601 instant; after publishedAt, the result was corrected"
    updatedAt: String!
  }

  "A test or an assignment of a teaching group (bedömningsuppgift)."
  type AssessmentTask {
    id: ID!
    groupId: ID!
    title: String!
    description: String
    "YYYY-MM-DD: the day of the test or the deadline"
    date: String!
    createdBy: String!
    "the viewer created it, so publishes it and corrects it once published"
    createdByMe: Boolean!
    "null while a draft"
    publishedAt: String
    results: [AssessmentResult!]!
  }

  "ämnesomdöme: a student's assessment in the group's subject for a term."
  type SubjectAssessment {
    id: ID!
    studentId: ID!
    grade: String!
    comment: String
    authoredBy: String!
    authoredByMe: Boolean!
    updatedAt: String!
    publishedAt: String
  }

  "A teaching group's tasks and subject assessments: drafts only for its teachers, published ones for the others."
  type GroupAssessments {
    groupId: ID!
    groupName: String!
    subjectNameSv: String!
    subjectNameEn: String!
    "null where nothing is assessed (förskoleklass, a class)"
    scale: GradeScale
    "the marks of the scale, in the order to offer them"
    grades: [String!]!
    "the viewer teaches the group: creates tasks and records results and subject assessments"
    canRecord: Boolean!
    "the group's school year: its tasks are dated within it"
    schoolYear: SchoolYearSpan!
    "the group's current members, by last name"
    members: [AssessmentMember!]!
    "newest date first"
    tasks: [AssessmentTask!]!
    "the term asked for, or the current one"
    term: Term!
    "the terms of the group's school year, to choose among"
    terms: [Term!]!
    subjectAssessments: [SubjectAssessment!]!
  }

  "The first and last day of a school year, YYYY-MM-DD."
  type SchoolYearSpan {
    startDate: String!
    endDate: String!
  }

  type PublishedTaskResult {
    taskId: ID!
    title: String!
    description: String
    date: String!
    grade: String
    comment: String
    publishedAt: String!
    "later than publishedAt when corrected since"
    updatedAt: String!
    teacher: String!
  }

  type PublishedSubjectAssessment {
    id: ID!
    term: Term!
    grade: String!
    comment: String
    publishedAt: String!
    updatedAt: String!
    teacher: String!
  }

  "A student's published assessments in one subject."
  type SubjectAssessments {
    subjectId: ID!
    subjectNameSv: String!
    subjectNameEn: String!
    "newest term first"
    subjectAssessments: [PublishedSubjectAssessment!]!
    "newest first"
    results: [PublishedTaskResult!]!
  }

  input AssessmentTaskInput {
    title: String!
    description: String
    "YYYY-MM-DD"
    date: String!
  }

  "One row of the group's table. Results need a grade or a comment; subject assessments a grade."
  input AssessmentRowInput {
    studentId: ID!
    grade: String
    comment: String
  }

  extend type Query {
    "A teaching group's assessments: its teachers (with drafts), the principal and administrators (published)."
    groupAssessments(groupId: ID!, termId: ID): GroupAssessments! @access(rule: STAFF)
    "A student's published assessments by subject: the student, guardians under rule 2, the mentor, principal, administrators."
    studentAssessments(studentId: ID!): [SubjectAssessments!]! @access(rule: SIGNED_IN)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems (and, for rows, extensions.rows: [{ studentId, problems }]):
  # NOT_A_TEACHING_GROUP, GROUP_WITHOUT_SUBJECT, NO_GRADE_SCALE, TITLE_REQUIRED, TITLE_TOO_LONG, DESCRIPTION_TOO_LONG,
  # INVALID_DATE, DATE_OUTSIDE_SCHOOL_YEAR (tasks); GRADE_OUTSIDE_SCALE, GRADE_REQUIRED, GRADE_OR_COMMENT_REQUIRED,
  # COMMENT_TOO_LONG, NOT_IN_GROUP, DUPLICATE_STUDENT, NOT_AUTHOR (rows; one bad row saves nothing); NOT_YOUR_DRAFT,
  # ALREADY_PUBLISHED, NOTHING_TO_PUBLISH (publishing). Someone who does not teach the group gets NOT_FOUND, as for one
  # that does not exist.
  extend type Mutation {
    "A teacher of the teaching group adds a task (a draft)."
    createAssessmentTask(groupId: ID!, input: AssessmentTaskInput!): AssessmentTask! @access(rule: STAFF)
    "A teacher of the group changes a draft task; once published, only its creator."
    updateAssessmentTask(taskId: ID!, input: AssessmentTaskInput!): AssessmentTask! @access(rule: STAFF)
    "The results of the whole group in one go, all or nothing; unchanged rows are left as they are."
    saveAssessmentResults(taskId: ID!, rows: [AssessmentRowInput!]!): AssessmentTask! @access(rule: STAFF)
    "The creator publishes the task: its results become visible and the guardians who opted in are told."
    publishAssessmentTask(taskId: ID!): AssessmentTask! @access(rule: STAFF)
    "Subject assessments of the group's members for a term, all or nothing; drafts until published."
    saveSubjectAssessments(groupId: ID!, termId: ID!, rows: [AssessmentRowInput!]!): [SubjectAssessment!]! @access(rule: STAFF)
    "Publishes the viewer's drafts for the group and term, tells the guardians, and answers how many."
    publishSubjectAssessments(groupId: ID!, termId: ID!): Int! @access(rule: STAFF)
  }
`;
