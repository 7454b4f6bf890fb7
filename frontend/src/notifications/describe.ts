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
  }
}

/** Where a notification leads. */
export function notificationLink(n: NotificationItemFragment): string {
  if (n.kind === 'INVITATION') return paths.invitations();
  if (n.advisory) return paths.advisory(n.advisory.id);
  if (n.thread) return paths.thread(n.thread.id, n.post?.id);
  if (n.workspace) return paths.workspace(n.workspace.id);
  return paths.notifications();
}
