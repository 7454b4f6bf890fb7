import type { NotificationItemFragment } from '../gql/graphql';
import { paths } from '../lib/paths';

/** What a notification says, in a sentence. */
export function notificationText(n: NotificationItemFragment): string {
  const who = n.actor?.displayName ?? 'Someone';
  const where = n.thread ? ` in “${n.thread.title}”` : '';
  switch (n.kind) {
    case 'MENTION':
      return `${who} mentioned you${where}`;
    case 'REPLY':
      return `${who} replied to your post${where}`;
    case 'INVITATION':
      return n.workspace
        ? `${who} invited you to “${n.workspace.name}”`
        : `${who} invited you to a workspace`;
    case 'SIGN_OFF_REQUESTED':
      return n.advisory
        ? `“${n.advisory.title}” needs your organisation’s sign-off`
        : 'An advisory needs your organisation’s sign-off';
    case 'ADVISORY_PUBLISHED':
      return n.advisory ? `“${n.advisory.title}” was published` : 'An advisory you co-author was published';
    case 'SEAT_CONFIRMED':
      return 'You have a seat in a training session';
    case 'SEAT_FROM_WAITING_LIST':
      return 'A seat came free: you moved up from the waiting list';
    case 'SESSION_CHANGED':
      return 'A training session you are enrolled in changed';
    case 'SESSION_CANCELLED':
      return 'A training session you are enrolled in was cancelled';
    case 'CERTIFICATE_ISSUED':
      return `${who} issued you a certificate`;
  }
}

/** Where a notification leads. */
export function notificationLink(n: NotificationItemFragment): string {
  if (n.kind === 'INVITATION') return paths.invitations();
  if (n.programmeId) return paths.programme(n.programmeId);
  if (n.advisory) return paths.advisory(n.advisory.id);
  if (n.thread) return paths.thread(n.thread.id, n.post?.id);
  if (n.workspace) return paths.workspace(n.workspace.id);
  return paths.notifications();
}
