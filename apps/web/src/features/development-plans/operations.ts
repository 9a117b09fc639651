import { graphql } from '../../gql';

export const DevelopmentPlanFieldsFragment = graphql(`
  fragment DevelopmentPlanFields on DevelopmentPlan {
    id
    studentId
    studentName
    term {
      id
      kind
      year
    }
    summary
    entries {
      subjectId
      subjectName(locale: $locale)
      standing
      goals
      authoredBy
      updatedAt
    }
    updatedAt
    publishedAt
    publishedBy
    updatedAfterPublishing
  }
`);

export const StudentDevelopmentPlansDocument = graphql(`
  query StudentDevelopmentPlans($studentId: ID!, $locale: Locale) {
    studentDevelopmentPlans(studentId: $studentId) {
      studentId
      applies
      plans {
        ...DevelopmentPlanFields
      }
    }
  }
`);

export const DevelopmentPlanWorkFieldsFragment = graphql(`
  fragment DevelopmentPlanWorkFields on DevelopmentPlanWork {
    plan {
      ...DevelopmentPlanFields
    }
    subjects {
      subjectId
      subjectName(locale: $locale)
      groupNames
      canWrite
      entry {
        subjectId
        standing
        goals
        authoredBy
        updatedAt
      }
    }
    isMentor
  }
`);

export const DevelopmentPlanWorkDocument = graphql(`
  query DevelopmentPlanWork($studentId: ID!, $locale: Locale) {
    developmentPlanWork(studentId: $studentId) {
      ...DevelopmentPlanWorkFields
    }
  }
`);

export const GroupDevelopmentPlansDocument = graphql(`
  query GroupDevelopmentPlans($groupId: ID!) {
    groupDevelopmentPlans(groupId: $groupId) {
      studentId
      firstName
      lastName
      applies
      entries
      hasSummary
      publishedAt
      updatedAfterPublishing
    }
  }
`);

/** The mutations answer with the whole work view, so the page updates from the answer. */
export const SaveDevelopmentPlanEntryDocument = graphql(`
  mutation SaveDevelopmentPlanEntry($input: DevelopmentPlanEntryInput!, $locale: Locale) {
    saveDevelopmentPlanEntry(input: $input) {
      ...DevelopmentPlanWorkFields
    }
  }
`);

export const SaveDevelopmentPlanSummaryDocument = graphql(`
  mutation SaveDevelopmentPlanSummary($studentId: ID!, $summary: String!, $locale: Locale) {
    saveDevelopmentPlanSummary(studentId: $studentId, summary: $summary) {
      ...DevelopmentPlanWorkFields
    }
  }
`);

export const PublishDevelopmentPlanDocument = graphql(`
  mutation PublishDevelopmentPlan($studentId: ID!, $locale: Locale) {
    publishDevelopmentPlan(studentId: $studentId) {
      ...DevelopmentPlanWorkFields
    }
  }
`);
