import { graphql } from '../../gql';

// The start pages of those who lead a school: each figure from the query of the page where it is acted on.

/** The principal's schools and the leave waiting for a decision (the principal decides long leave, and may decide short). */
export const PrincipalStartDocument = graphql(`
  query PrincipalStart {
    absenceSchools {
      id
      name
    }
    leaveApplicationsToDecide {
      id
      decider
      canDecide
    }
  }
`);

/** One school's day so far: lessons that ended without a roll call, and grade warnings whose contact with the home is late. */
export const PrincipalSchoolStartDocument = graphql(`
  query PrincipalSchoolStart($schoolId: ID!, $range: StatisticsRangeInput!) {
    lessonsWithoutRollCall(scope: { schoolId: $schoolId }, range: $range) {
      truncated
      lessons {
        lessonId
      }
    }
    schoolGradeWarningRoutine(schoolId: $schoolId) {
      schoolId
      contactDays
      open
      overdue
    }
  }
`);

/** Messages to the home that gave up, and the imports whose latest run was stopped. */
export const AdministratorStartDocument = graphql(`
  query AdministratorStart {
    outbox(status: FAILED, limit: 1) {
      failedCount
    }
    stoppedImports {
      id
      source
      outcome
      at
      byName
      problems
    }
  }
`);
