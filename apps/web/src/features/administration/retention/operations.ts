import { graphql } from '../../../gql';

export const RetentionPolicyFieldsFragment = graphql(`
  fragment RetentionPolicyFields on RetentionPolicy {
    nightlyDeletion
    changedAt
    changedByName
    periods {
      kind
      unit
      keep
      defaultKeep
      min
      max
      mayKeep
    }
  }
`);

export const RetentionRunFieldsFragment = graphql(`
  fragment RetentionRunFields on RetentionRun {
    id
    startedAt
    finishedAt
    startedByName
    nightly
    outcome
    deleted
    counts {
      kind
      table
      deleted
    }
  }
`);

export const RetentionPolicyDocument = graphql(`
  query RetentionPolicy {
    retentionPolicy {
      ...RetentionPolicyFields
    }
  }
`);

export const RetentionDryRunDocument = graphql(`
  query RetentionDryRun {
    retentionDryRun {
      today
      total
      kinds {
        kind
        unit
        keep
        cutoff
        total
        years {
          schoolYear
          count
          oldest
          newest
        }
      }
    }
  }
`);

export const RetentionRunsDocument = graphql(`
  query RetentionRuns {
    retentionRuns {
      ...RetentionRunFields
    }
  }
`);

export const UpdateRetentionPolicyDocument = graphql(`
  mutation UpdateRetentionPolicy($input: RetentionPolicyInput!) {
    updateRetentionPolicy(input: $input) {
      ...RetentionPolicyFields
    }
  }
`);

export const SetRetentionNightlyDocument = graphql(`
  mutation SetRetentionNightly($on: Boolean!) {
    setRetentionNightly(on: $on) {
      ...RetentionPolicyFields
    }
  }
`);

/** Starts deleting what is due; answers at once (RUNNING), and the page follows it in the runs. */
export const RunRetentionDocument = graphql(`
  mutation RunRetention($confirm: Boolean!) {
    runRetention(confirm: $confirm) {
      ...RetentionRunFields
    }
  }
`);
