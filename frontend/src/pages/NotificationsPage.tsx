import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNotice, FormError, Loading } from '../components/States';
import type { NotificationItemFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useLoadMore } from '../lib/useLoadMore';
import { NotificationsPageDocument } from '../notifications/documents';
import { notificationLink, notificationText } from '../notifications/describe';
import { useNotifications } from '../notifications/NotificationsProvider';

export default function NotificationsPage() {
  useDocumentTitle('Notifications');
  const client = useClient();
  const { unreadCount, arrivals, markRead, isRead } = useNotifications();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [markError, setMarkError] = useState<unknown>();
  const [result, refetch] = useQuery({
    query: NotificationsPageDocument,
    variables: { unreadOnly },
  });

  const list = useLoadMore(result.data?.notifications, async (after) => {
    const r = await client.query(NotificationsPageDocument, { unreadOnly, after }).toPromise();
    return { connection: r.data?.notifications, error: r.error };
  });

  // Live arrivals first, then the loaded pages; each notification once.
  const items = useMemo(() => {
    const seen = new Set<string>();
    const all: NotificationItemFragment[] = [];
    for (const n of [...arrivals, ...list.nodes]) {
      if (!seen.has(n.id)) {
        seen.add(n.id);
        all.push(n);
      }
    }
    return all.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }, [arrivals, list.nodes]);

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
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading label="Loading notifications…" />
      ) : items.length === 0 ? (
        <Empty>{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</Empty>
      ) : (
        <ul className="notification-list">
          {items
            .filter((n) => !unreadOnly || !read(n) || list.nodes.includes(n))
            .map((n) => (
              <li key={n.id} className={read(n) ? 'read' : 'unread'}>
                <div>
                  <Link
                    to={notificationLink(n)}
                    onClick={() => {
                      if (!read(n)) void mark([n.id]);
                    }}
                  >
                    {!read(n) && <span className="visually-hidden">Unread: </span>}
                    {notificationText(n)}
                  </Link>
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
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
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.loadMoreError}
        onLoadMore={list.loadMore}
        label="Show more notifications"
      />
    </div>
  );
}
