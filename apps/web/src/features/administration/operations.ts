import { graphql } from '../../gql';

export const AdministeredOrganisationDocument = graphql(`
  query AdministeredOrganisation {
    administeredOrganisation {
      id
      name
      schools {
        id
        name
        unitCode
      }
    }
  }
`);
