import { graphql } from '../../gql';

/** Organisations to choose from in the admin forms. */
export const OrganizationChoicesDocument = graphql(`
  query OrganizationChoices {
    organizations(first: 100) {
      nodes {
        id
        name
        verified
      }
    }
  }
`);
