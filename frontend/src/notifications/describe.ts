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
  }
}

/** Where a notification leads. */
export function notificationLink(n: NotificationItemFragment): string {
  if (n.kind === 'INVITATION') return paths.invitations();
  if (n.thread) return paths.thread(n.thread.id, n.post?.id);
  if (n.workspace) return paths.workspace(n.workspace.id);
  return paths.notifications();
}
