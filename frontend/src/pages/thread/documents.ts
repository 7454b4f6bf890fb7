import { graphql } from '../../gql';

graphql(`
  fragment PostItem on Post {
    id
    body
    bodyHtml
    version
    createdAt
    editedAt
    removed
    removedAt
    removedBy {
      id
      displayName
    }
    author {
      ...PersonWithOrganization
    }
    replyTo {
      id
      author {
        id
        displayName
      }
    }
    reactions {
      reaction
      count
      viewerReacted
    }
    viewerCanEdit
  }
`);

graphql(`
  fragment ThreadHeader on Thread {
    id
    title
    tlp
    pinned
    locked
    createdAt
    viewerCanPost
    viewerCanModerate
    author {
      ...PersonWithOrganization
    }
    workspace {
      id
      name
      defaultTlp
      viewerRole
      archived
    }
    recipients(first: 50) {
      nodes {
        ...PersonWithOrganization
      }
    }
  }
`);

/** The thread and a page of its posts (the first, or the one `after` a cursor). */
export const ThreadPageDocument = graphql(`
  query ThreadPage($id: ID!, $after: String) {
    thread(id: $id) {
      ...ThreadHeader
      posts(first: 50, after: $after) {
        nodes {
          ...PostItem
        }
        pageInfo {
          ...PageCursor
        }
      }
    }
  }
`);

export const ThreadPostAddedDocument = graphql(`
  subscription ThreadPostAdded($threadId: ID!, $after: String) {
    postAdded(threadId: $threadId, after: $after) {
      cursor
      post {
        ...PostItem
      }
    }
  }
`);

/** Edits, removals, pins and locks: the workspace's activity, filtered to this thread. */
export const ThreadPageActivityDocument = graphql(`
  subscription ThreadPageActivity($workspaceId: ID!, $after: String) {
    threadActivity(workspaceId: $workspaceId, after: $after) {
      cursor
      kind
      thread {
        id
        title
        tlp
        pinned
        locked
        viewerCanPost
        viewerCanModerate
      }
      post {
        ...PostItem
      }
    }
  }
`);

export const CreatePostDocument = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      ...PostItem
    }
  }
`);

export const EditPostDocument = graphql(`
  mutation EditPost($id: ID!, $body: String!) {
    editPost(id: $id, body: $body) {
      ...PostItem
    }
  }
`);

export const RemovePostDocument = graphql(`
  mutation RemovePost($id: ID!, $reason: String) {
    removePost(id: $id, reason: $reason) {
      ...PostItem
    }
  }
`);

export const ReactDocument = graphql(`
  mutation React($postId: ID!, $reaction: Reaction!) {
    react(postId: $postId, reaction: $reaction) {
      ...PostItem
    }
  }
`);

export const UnreactDocument = graphql(`
  mutation Unreact($postId: ID!, $reaction: Reaction!) {
    unreact(postId: $postId, reaction: $reaction) {
      ...PostItem
    }
  }
`);

export const PinThreadDocument = graphql(`
  mutation PinThread($id: ID!, $pinned: Boolean!) {
    pinThread(id: $id, pinned: $pinned) {
      id
      pinned
    }
  }
`);

export const LockThreadDocument = graphql(`
  mutation LockThread($id: ID!, $locked: Boolean!) {
    lockThread(id: $id, locked: $locked) {
      id
      locked
      viewerCanPost
    }
  }
`);
