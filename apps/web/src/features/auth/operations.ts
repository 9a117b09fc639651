import { graphql } from '../../gql';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    userId
    username
    displayName
    role
    locale
    duties
    isAdultStudent
    ownPlans {
      developmentPlans
      studyPlans
    }
    students {
      id
      firstName
      lastName
      className
      classId
      schoolName
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken
      expiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      expiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const SetLocaleDocument = graphql(`
  mutation SetLocale($locale: Locale!) {
    setLocale(locale: $locale) {
      ...ViewerFields
    }
  }
`);
