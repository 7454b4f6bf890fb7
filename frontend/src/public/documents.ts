import { graphql } from '../gql';

graphql(`
  fragment AlertItem on Alert {
    id
    title
    summary
    severity
    audience
    regions
    expiresAt
    expired
    issuedAt
    advisory {
      id
      reference
      title
    }
  }
`);

/** What anyone may read without signing in: public alerts and public advisories. */
export const PublicHomeDocument = graphql(`
  query PublicHome($includeExpired: Boolean!) {
    publicAlerts(first: 50, includeExpired: $includeExpired) {
      nodes {
        ...AlertItem
      }
    }
    publishedAdvisories(first: 50) {
      nodes {
        ...AdvisoryListItem
        csafUrl
        organizationNames
      }
    }
  }
`);

export const PublicAdvisoryDocument = graphql(`
  query PublicAdvisory($id: ID!) {
    advisory(id: $id) {
      ...AdvisoryReadable
    }
  }
`);
