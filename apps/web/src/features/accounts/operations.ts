import { graphql } from '../../gql';

export const ActivateAccountDocument = graphql(`
  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {
    activateAccount(username: $username, code: $code, newPassword: $newPassword) {
      accessToken
      expiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

/** Always true, known address or not: the answer tells nothing of who has an account. */
export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** The new password with the mailed link's token; logs the person in, as a login does. */
export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      accessToken
      expiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/**
 * What letters can be printed for: the schools the viewer runs (the same as those whose absence they read: a
 * principal's, an administrator's organisation's) and, of the places they may post news to, those schools' classes.
 */
export const LetterChoicesDocument = graphql(`
  query LetterChoices {
    absenceSchools {
      id
      name
    }
    newsTargets {
      schoolId
      groupId
      kind
      name
    }
  }
`);

export const GuardianLetterPlanDocument = graphql(`
  query GuardianLetterPlan($choice: GuardianLetterChoice!) {
    guardianLetterPlan(choice: $choice) {
      schoolName
      letterCount
      skipped {
        guardianId
        name
        reason
      }
    }
  }
`);
