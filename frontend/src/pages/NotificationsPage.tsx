import { useMemo, useState } from 'react';
import { PagedStates } from '../components/LoadMore';
import { FormError } from '../components/States';
import type { NotificationItemFragment } from '../gql/graphql';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { usePagedQuery } from '../lib/useLoadMore';
import { NotificationsPageDocument } from '../notifications/documents';
import { notificationText } from '../notifications/describe';
import { NotificationEntry } from '../notifications/NotificationEntry';
import { useNotifications } from '../notifications/NotificationsProvider';

export default function NotificationsPage() {
  useDocumentTitle('Notifications');
  const { unreadCount, arrivals, markRead, isRead } = useNotifications();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [markError, setMarkError] = useState<unknown>();
  const paged = usePagedQuery({
    query: NotificationsPageDocument,
    variables: { unreadOnly },
    connection: (data) => data.notifications,
  });

  // Live arrivals first, then the loaded pages; each notification once.
  const items = useMemo(() => {
    const seen = new Set<string>();
    const all: NotificationItemFragment[] = [];
    for (const n of [...arrivals, ...paged.nodes]) {
      if (!seen.has(n.id)) {
        seen.add(n.id);
        all.push(n);
      }
    }
    return all.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }, [arrivals, paged.nodes]);

  const read = (n: NotificationItemFragment) => isRead(n) || readHere.has(n.id);

  const mark = async (ids?: string[]) => {
    const error = await markRead(ids);
    setMarkError(error);
    if (!error) setReadHere((r) => new Set([...r, ...(ids ?? items.map((n) => n.id))]));
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>Notifications</h1>
        {(unreadCount ?? 0) > 0 && (
          <button type="button" className="button-secondary" onClick={() => void mark()}>
            Mark all read
          </button>
        )}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />
        Unread only
      </label>
      <FormError error={markError} />
      <PagedStates
        paged={paged}
        loading="Loading notifications…"
        isEmpty={items.length === 0}
        empty={unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}
        more="Show more notifications"
      >
        <ul className="notification-list">
          {items
            .filter((n) => !unreadOnly || !read(n) || paged.nodes.includes(n))
            .map((n) => (
              <li key={n.id} className={read(n) ? 'read' : 'unread'}>
                <div>
                  <NotificationEntry
                    notification={n}
                    read={read(n)}
                    onOpen={() => {
                      if (!read(n)) void mark([n.id]);
                    }}
                  />
                </div>
                {!read(n) && (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Mark read: ${notificationText(n)}`}
                    onClick={() => void mark([n.id])}
                  >
                    Mark read
                  </button>
                )}
              </li>
            ))}
        </ul>
      </PagedStates>
    </div>
  );
}
