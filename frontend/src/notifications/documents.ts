import { graphql } from '../gql';

graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    read
    createdAt
    invitationId
    programmeId
    sessionId
    actor {
      id
      displayName
      organization {
        id
        name
      }
    }
    workspace {
      id
      name
    }
    thread {
      id
      title
      tlp
    }
    post {
      id
    }
    advisory {
      id
      title
    }
  }
`);

export const NotificationSummaryDocument = graphql(`
  query NotificationSummary {
    unreadNotificationCount
    notifications(first: 8) {
      nodes {
        ...NotificationItem
      }
    }
  }
`);

export const NotificationsPageDocument = graphql(`
  query NotificationsPage($unreadOnly: Boolean!, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: 30, after: $after) {
      nodes {
        ...NotificationItem
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

export const NotificationReceivedDocument = graphql(`
  subscription NotificationReceived($after: String) {
    notificationReceived(after: $after) {
      cursor
      unreadCount
      notification {
        ...NotificationItem
      }
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const UnreadNotificationCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);
