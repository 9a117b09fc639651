import { graphql } from '../../gql';

export const GradeWarningFieldsFragment = graphql(`
  fragment GradeWarningFields on GradeWarning {
    id
    student {
      id
      name
    }
    subjectName(locale: $locale)
    groupId
    groupName
    missing
    issuedAt
    issuedBy
    contacts {
      id
      contactedAt
      method
      withWhom
      agreed
      contactedBy
    }
    overdue
    closedAt
    closedBy
    closeNote
  }
`);

export const GroupGradeWarningsDocument = graphql(`
  query GroupGradeWarnings($groupId: ID!, $locale: Locale) {
    groupGradeWarnings(groupId: $groupId) {
      ...GradeWarningFields
    }
  }
`);

export const StudentGradeWarningsDocument = graphql(`
  query StudentGradeWarnings($studentId: ID!, $locale: Locale) {
    studentGradeWarnings(studentId: $studentId) {
      ...GradeWarningFields
    }
  }
`);

export const SchoolGradeWarningRoutineDocument = graphql(`
  query SchoolGradeWarningRoutine($schoolId: ID!, $locale: Locale) {
    schoolGradeWarningRoutine(schoolId: $schoolId) {
      schoolId
      contactDays
      open
      withoutContact
      overdue
      classes {
        classId
        className
        open
        withoutContact
        overdue
      }
      overdueWarnings {
        ...GradeWarningFields
      }
    }
  }
`);

/** The mutations answer with the id only: the lists are fetched again, in the viewer's language. */
export const IssueGradeWarningDocument = graphql(`
  mutation IssueGradeWarning($input: GradeWarningInput!) {
    issueGradeWarning(input: $input) {
      id
    }
  }
`);

export const RecordGradeWarningContactDocument = graphql(`
  mutation RecordGradeWarningContact($input: GradeWarningContactInput!) {
    recordGradeWarningContact(input: $input) {
      id
    }
  }
`);

export const CloseGradeWarningDocument = graphql(`
  mutation CloseGradeWarning($warningId: ID!, $note: String!) {
    closeGradeWarning(warningId: $warningId, note: $note) {
      id
    }
  }
`);
