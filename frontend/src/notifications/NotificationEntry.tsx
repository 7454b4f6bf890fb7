import { Link } from 'react-router';
import type { NotificationItemFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/paths';
import { notificationLink, notificationText } from './describe';

/** A notification: a link to what it is about (an unread one says so), then when it came. */
export function NotificationEntry({
  notification,
  read,
  onOpen,
}: {
  notification: NotificationItemFragment;
  read: boolean;
  onOpen: () => void;
}) {
  return (
    <>
      <Link to={notificationLink(notification)} onClick={onOpen}>
        {!read && <span className="visually-hidden">Unread: </span>}
        {notificationText(notification)}
      </Link>
      <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
    </>
  );
}
