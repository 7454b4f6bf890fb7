import { graphql } from '../../gql';

/** An advisory in a list: the workspace's, the published ones. */
graphql(`
  fragment AdvisoryListItem on Advisory {
    id
    title
    status
    tlp
    severity
    revision
    reference
    audience
    updatedAt
    publishedAt
    withdrawnAt
  }
`);

/** The content of one revision, as the editor and the conflict view read it. */
graphql(`
  fragment AdvisoryRevisionContent on AdvisoryRevision {
    number
    createdAt
    author {
      ...PersonWithOrganization
    }
    title
    summary
    body
    severity
    cvssVector
    cvssScore
    tlp
    cves
    affectedProducts {
      vendor
      product
      versions
    }
    indicatorCount
    indicators(first: 100) {
      nodes {
        kind
        value
      }
    }
    recommendations
    references
    credits
  }
`);

/** What anyone who may read it sees of an advisory (also anonymous readers of public ones). */
graphql(`
  fragment AdvisoryReadable on Advisory {
    id
    reference
    status
    title
    tlp
    severity
    revision
    audience
    publishedAt
    withdrawnAt
    withdrawnReason
    updatedAt
    csafUrl
    organizationNames
    current {
      number
      summary
      bodyHtml
      cvssVector
      cvssScore
      cves
      affectedProducts {
        vendor
        product
        versions
      }
      indicatorCount
      indicators(first: 100) {
        nodes {
          kind
          value
        }
      }
      recommendations
      recommendationsHtml
      references
      credits
    }
  }
`);

/** The advisory's workflow: its state, authors, sign-offs and what the viewer may do. */
graphql(`
  fragment AdvisoryWorkflow on Advisory {
    id
    reference
    status
    title
    tlp
    severity
    revision
    audience
    publishedAt
    withdrawnAt
    withdrawnReason
    updatedAt
    viewerCanEdit
    viewerCanManageAuthors
    viewerCanComment
    viewerCanSignOff
    viewerCanPublish
    viewerCanWithdraw
    workspace {
      id
      name
      viewerRole
    }
    authors(first: 50) {
      nodes {
        lead
        addedAt
        user {
          ...PersonWithOrganization
        }
        organization {
          id
          name
        }
      }
    }
    signOffs(first: 50) {
      nodes {
        revision
        signed
        signedAt
        organization {
          id
          name
        }
        signedBy {
          id
          displayName
        }
      }
    }
  }
`);

export const AdvisoryPageDocument = graphql(`
  query AdvisoryPage($id: ID!) {
    advisory(id: $id) {
      ...AdvisoryWorkflow
      ...AdvisoryReadable
      current {
        ...AdvisoryRevisionContent
      }
    }
  }
`);

/** The current revision, fetched afresh for the conflict view. */
export const AdvisoryCurrentDocument = graphql(`
  query AdvisoryCurrent($id: ID!) {
    advisory(id: $id) {
      id
      revision
      current {
        ...AdvisoryRevisionContent
      }
    }
  }
`);

export const AdvisoryUpdatedDocument = graphql(`
  subscription AdvisoryUpdated($id: ID!, $after: String) {
    advisoryUpdated(id: $id, after: $after) {
      cursor
      kind
      actor {
        ...PersonWithOrganization
      }
      advisory {
        id
        revision
        status
        reference
      }
    }
  }
`);

export const SaveAdvisoryDocument = graphql(`
  mutation SaveAdvisory($id: ID!, $expectedRevision: Int!, $changes: AdvisoryChangesInput!) {
    saveAdvisory(id: $id, expectedRevision: $expectedRevision, changes: $changes) {
      id
      revision
      current {
        ...AdvisoryRevisionContent
      }
    }
  }
`);

export const AddIndicatorsDocument = graphql(`
  mutation AddIndicators($id: ID!, $expectedRevision: Int!, $text: String!) {
    addIndicators(id: $id, expectedRevision: $expectedRevision, text: $text) {
      accepted
      duplicates
      rejected
      lines {
        line
        input
        outcome
        reason
        indicator {
          kind
          value
        }
      }
      advisory {
        id
        revision
        current {
          ...AdvisoryRevisionContent
        }
      }
    }
  }
`);

export const SubmitForReviewDocument = graphql(`
  mutation SubmitForReview($id: ID!) {
    submitForReview(id: $id) {
      id
      status
    }
  }
`);

export const SignOffDocument = graphql(`
  mutation SignOff($id: ID!, $revision: Int!) {
    signOff(id: $id, revision: $revision) {
      id
      status
    }
  }
`);

export const PublishAdvisoryDocument = graphql(`
  mutation PublishAdvisory($id: ID!, $audience: Audience!) {
    publishAdvisory(id: $id, audience: $audience) {
      id
      status
      reference
    }
  }
`);

export const WithdrawAdvisoryDocument = graphql(`
  mutation WithdrawAdvisory($id: ID!, $reason: String!) {
    withdrawAdvisory(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const AddCoAuthorDocument = graphql(`
  mutation AddCoAuthor($advisoryId: ID!, $userId: ID!) {
    addCoAuthor(advisoryId: $advisoryId, userId: $userId) {
      id
    }
  }
`);

export const RemoveCoAuthorDocument = graphql(`
  mutation RemoveCoAuthor($advisoryId: ID!, $userId: ID!) {
    removeCoAuthor(advisoryId: $advisoryId, userId: $userId) {
      id
    }
  }
`);

export const CoAuthorCandidatesDocument = graphql(`
  query CoAuthorCandidates($id: ID!) {
    workspace(id: $id) {
      id
      members(first: 100) {
        nodes {
          role
          user {
            ...PersonWithOrganization
          }
        }
      }
    }
  }
`);

graphql(`
  fragment ReviewCommentItem on ReviewComment {
    id
    revision
    field
    body
    createdAt
    resolved
    resolvedAt
    author {
      ...PersonWithOrganization
    }
    resolvedBy {
      id
      displayName
    }
  }
`);

export const AdvisoryCommentsDocument = graphql(`
  query AdvisoryComments($id: ID!, $includeResolved: Boolean!, $after: String) {
    advisory(id: $id) {
      id
      comments(first: 50, after: $after, includeResolved: $includeResolved) {
        nodes {
          ...ReviewCommentItem
        }
        pageInfo {
          ...PageCursor
        }
      }
    }
  }
`);

export const AddReviewCommentDocument = graphql(`
  mutation AddReviewComment($advisoryId: ID!, $revision: Int!, $field: String!, $body: String!) {
    addReviewComment(advisoryId: $advisoryId, revision: $revision, field: $field, body: $body) {
      comment {
        ...ReviewCommentItem
      }
    }
  }
`);

export const ResolveReviewCommentDocument = graphql(`
  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {
    resolveReviewComment(id: $id, resolved: $resolved) {
      comment {
        ...ReviewCommentItem
      }
    }
  }
`);

export const AdvisoryRevisionsDocument = graphql(`
  query AdvisoryRevisions($id: ID!, $after: String) {
    advisory(id: $id) {
      id
      revisions(first: 50, after: $after) {
        nodes {
          number
          createdAt
          title
          author {
            ...PersonWithOrganization
          }
        }
        pageInfo {
          ...PageCursor
        }
      }
    }
  }
`);

export const AdvisoryDiffDocument = graphql(`
  query AdvisoryDiff($id: ID!, $from: Int!, $to: Int!) {
    advisoryDiff(id: $id, from: $from, to: $to) {
      from
      to
      bodyComplete
      fields {
        field
        before
        after
      }
      body {
        change
        text
      }
    }
  }
`);

export const AdvisoryCsafDocument = graphql(`
  query AdvisoryCsaf($id: ID!) {
    advisoryCsaf(id: $id)
  }
`);

export const AdvisoryStixDocument = graphql(`
  query AdvisoryStix($id: ID!) {
    advisoryStix(id: $id)
  }
`);
