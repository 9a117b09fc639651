import { graphql } from '../../../gql';

export const Ss12000SourceFieldsFragment = graphql(`
  fragment Ss12000SourceFields on Ss12000Source {
    baseUrl
    auth
    tokenUrl
    clientId
    changedAt
    changedByName
    nightlyRun
  }
`);

export const Ss12000ImportRunFieldsFragment = graphql(`
  fragment Ss12000ImportRunFields on Ss12000ImportRun {
    id
    outcome
    startedAt
    finishedAt
    startedByName
    changesSince
    counts {
      kind
      added
      changed
      ended
      unchanged
    }
    problems {
      endpoint
      sourceId
      code
      field
    }
    progress {
      step
      steps
      endpoint
    }
  }
`);

export const Ss12000SourceDocument = graphql(`
  query Ss12000Source {
    ss12000Source {
      ...Ss12000SourceFields
    }
  }
`);

export const SaveSs12000SourceDocument = graphql(`
  mutation SaveSs12000Source($input: Ss12000SourceInput!) {
    saveSs12000Source(input: $input) {
      ...Ss12000SourceFields
    }
  }
`);

export const CheckSs12000SourceDocument = graphql(`
  mutation CheckSs12000Source {
    checkSs12000Source {
      ok
      endpoints {
        endpoint
        offered
        records
        morePages
      }
      problem {
        code
        endpoint
        status
      }
    }
  }
`);

export const Ss12000ImportRunsDocument = graphql(`
  query Ss12000ImportRuns {
    ss12000ImportRuns {
      ...Ss12000ImportRunFields
    }
  }
`);

/** A run with its changes: followed while it runs (its progress and counts so far), then its report. */
export const Ss12000ImportRunDocument = graphql(`
  query Ss12000ImportRun($id: ID!) {
    ss12000ImportRun(id: $id) {
      ...Ss12000ImportRunFields
      changes {
        kind
        sourceId
        name
        outcome
        fields
      }
    }
  }
`);

/** Starts a run, which answers at once (RUNNING): the page follows it with Ss12000ImportRun. */
export const RunSs12000ImportDocument = graphql(`
  mutation RunSs12000Import($apply: Boolean!, $everything: Boolean!) {
    runSs12000Import(apply: $apply, everything: $everything) {
      ...Ss12000ImportRunFields
    }
  }
`);

export const SetSs12000NightlyRunDocument = graphql(`
  mutation SetSs12000NightlyRun($on: Boolean!) {
    setSs12000NightlyRun(on: $on) {
      ...Ss12000SourceFields
    }
  }
`);
