import { graphql } from '../../gql';

export const GuardianConsentFieldsFragment = graphql(`
  fragment GuardianConsentFields on GuardianConsentState {
    guardianId
    firstName
    lastName
    given
    history {
      kind
      at
    }
  }
`);

export const MyGuardianConsentsDocument = graphql(`
  query MyGuardianConsents {
    myGuardianConsents {
      ...GuardianConsentFields
    }
  }
`);

export const GiveGuardianConsentDocument = graphql(`
  mutation GiveGuardianConsent($guardianId: ID!) {
    giveGuardianConsent(guardianId: $guardianId) {
      ...GuardianConsentFields
    }
  }
`);

export const WithdrawGuardianConsentDocument = graphql(`
  mutation WithdrawGuardianConsent($guardianId: ID!) {
    withdrawGuardianConsent(guardianId: $guardianId) {
      ...GuardianConsentFields
    }
  }
`);
