import { graphql } from '../../gql';

export const SchoolRoutinesDocument = graphql(`
  query SchoolRoutines {
    schoolRoutines {
      schoolId
      schoolName
      term {
        id
        kind
        schoolYear
      }
      ...RoutineFigures
      classes {
        classId
        className
        ...ClassRoutineFigures
      }
    }
  }

  fragment RoutineFigures on SchoolRoutine {
    expectedAssessments
    publishedAssessments
    openWarnings
    warningsWithoutContact
    overdueWarnings
    supportDecisions
    unacknowledgedDecisions
  }

  fragment ClassRoutineFigures on ClassRoutine {
    expectedAssessments
    publishedAssessments
    openWarnings
    warningsWithoutContact
    overdueWarnings
    supportDecisions
    unacknowledgedDecisions
  }
`);
