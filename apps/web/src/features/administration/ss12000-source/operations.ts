import { graphql } from '../../../gql';

export const Ss12000SourceFieldsFragment = graphql(`
  fragment Ss12000SourceFields on Ss12000Source {
    baseUrl
    auth
    tokenUrl
    clientId
    changedAt
    changedByName
  }
`);

export const Ss12000ImportRunFieldsFragment = graphql(`
  fragment Ss12000ImportRunFields on Ss12000ImportRun {
    id
    outcome
    startedAt
    finishedAt
    startedByName
    counts {
      kind
      added
      changed
      unchanged
    }
    problems {
      endpoint
      sourceId
      code
      field
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

export const RunSs12000ImportDocument = graphql(`
  mutation RunSs12000Import($apply: Boolean!) {
    runSs12000Import(apply: $apply) {
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
