import { graphql } from '../../gql';

export const AssessmentTaskFieldsFragment = graphql(`
  fragment AssessmentTaskFields on AssessmentTask {
    id
    groupId
    title
    description
    date
    createdBy
    createdByMe
    publishedAt
    results {
      studentId
      grade
      comment
      updatedAt
    }
  }
`);

export const GroupAssessmentsDocument = graphql(`
  query GroupAssessments($groupId: ID!, $termId: ID) {
    groupAssessments(groupId: $groupId, termId: $termId) {
      groupId
      groupName
      subjectNameSv
      subjectNameEn
      scale
      grades
      canRecord
      schoolYear {
        startDate
        endDate
      }
      members {
        id
        firstName
        lastName
      }
      tasks {
        ...AssessmentTaskFields
      }
      term {
        id
        kind
        schoolYear
      }
      terms {
        id
        kind
        schoolYear
      }
      subjectAssessments {
        id
        studentId
        grade
        comment
        authoredBy
        authoredByMe
        updatedAt
        publishedAt
      }
    }
  }
`);

export const StudentAssessmentsDocument = graphql(`
  query StudentAssessments($studentId: ID!) {
    studentAssessments(studentId: $studentId) {
      subjectId
      subjectNameSv
      subjectNameEn
      subjectAssessments {
        id
        term {
          id
          kind
          schoolYear
        }
        grade
        comment
        publishedAt
        updatedAt
        teacher
      }
      results {
        taskId
        title
        description
        date
        grade
        comment
        publishedAt
        updatedAt
        teacher
      }
    }
  }
`);

/** The mutations answer with little: the group's assessments are fetched again. */
export const CreateAssessmentTaskDocument = graphql(`
  mutation CreateAssessmentTask($groupId: ID!, $input: AssessmentTaskInput!) {
    createAssessmentTask(groupId: $groupId, input: $input) {
      id
    }
  }
`);

export const UpdateAssessmentTaskDocument = graphql(`
  mutation UpdateAssessmentTask($taskId: ID!, $input: AssessmentTaskInput!) {
    updateAssessmentTask(taskId: $taskId, input: $input) {
      id
    }
  }
`);

export const SaveAssessmentResultsDocument = graphql(`
  mutation SaveAssessmentResults($taskId: ID!, $rows: [AssessmentRowInput!]!) {
    saveAssessmentResults(taskId: $taskId, rows: $rows) {
      id
    }
  }
`);

export const PublishAssessmentTaskDocument = graphql(`
  mutation PublishAssessmentTask($taskId: ID!) {
    publishAssessmentTask(taskId: $taskId) {
      id
    }
  }
`);

export const SaveSubjectAssessmentsDocument = graphql(`
  mutation SaveSubjectAssessments($groupId: ID!, $termId: ID!, $rows: [AssessmentRowInput!]!) {
    saveSubjectAssessments(groupId: $groupId, termId: $termId, rows: $rows) {
      id
    }
  }
`);

export const PublishSubjectAssessmentsDocument = graphql(`
  mutation PublishSubjectAssessments($groupId: ID!, $termId: ID!) {
    publishSubjectAssessments(groupId: $groupId, termId: $termId)
  }
`);
