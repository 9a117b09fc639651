import { graphql } from '../../gql';

export const ContactPreferencesFieldsFragment = graphql(`
  fragment ContactPreferencesFields on ContactPreferences {
    guardianId
    firstName
    lastName
    bySms
    byEmail
    emailDuringQuietHours
    mobilePhone
    email
    locale
    changedAt
    changedByStaff
  }
`);

export const MyContactPreferencesDocument = graphql(`
  query MyContactPreferences {
    myContactPreferences {
      ...ContactPreferencesFields
    }
  }
`);

export const UpdateMyContactPreferencesDocument = graphql(`
  mutation UpdateMyContactPreferences($input: ContactPreferencesInput!) {
    updateMyContactPreferences(input: $input) {
      ...ContactPreferencesFields
    }
  }
`);

export const GuardianContactsDocument = graphql(`
  query GuardianContacts($studentId: ID!) {
    student(id: $studentId) {
      id
      firstName
      lastName
      className
      classId
      schoolName
      isAdult
    }
    guardianContacts(studentId: $studentId) {
      ...ContactPreferencesFields
    }
    guardianConsents(studentId: $studentId) {
      guardianId
      given
    }
  }
`);

export const UpdateGuardianContactPreferencesDocument = graphql(`
  mutation UpdateGuardianContactPreferences($studentId: ID!, $guardianId: ID!, $input: ContactPreferencesInput!) {
    updateGuardianContactPreferences(studentId: $studentId, guardianId: $guardianId, input: $input) {
      ...ContactPreferencesFields
    }
  }
`);
