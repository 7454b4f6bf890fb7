import { createContext, type ReactNode, use, useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { NotificationItemFragment } from '../gql/graphql';
import { useLiveEvents, useOnResync } from '../live/useLiveEvents';
import {
  MarkNotificationsReadDocument,
  NotificationReceivedDocument,
  NotificationSummaryDocument,
} from './documents';

export interface NotificationsState {
  /** Unread notifications; null until known. */
  readonly unreadCount: number | null;
  /** The newest few, for the bell, newest first. */
  readonly latest: readonly NotificationItemFragment[];
  /** Notifications that arrived live since sign-in, newest first. */
  readonly arrivals: readonly NotificationItemFragment[];
  readonly loading: boolean;
  readonly error: unknown;
  /** Marks the given notifications read, or all of them; resolves to an error, if any. */
  readonly markRead: (ids?: readonly string[]) => Promise<unknown>;
  readonly isRead: (notification: NotificationItemFragment) => boolean;
}

const NotificationsContext = createContext<NotificationsState | null>(null);

export function useNotifications(): NotificationsState {
  const value = use(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}

function newestFirst(items: readonly NotificationItemFragment[]): NotificationItemFragment[] {
  const seen = new Set<string>();
  return items
    .filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

const NO_VARIABLES = {};

/** The viewer's notifications: the count, the newest, and new ones live over the WebSocket. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [summary, refetchSummary] = useQuery({ query: NotificationSummaryDocument });
  const [liveCount, setLiveCount] = useState<number | null>(null);
  const [arrivals, setArrivals] = useState<readonly NotificationItemFragment[]>([]);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [allReadIds, setAllReadIds] = useState<ReadonlySet<string> | null>(null);

  const subscriptionError = useLiveEvents(NotificationReceivedDocument, NO_VARIABLES, (data) => {
    const event = data.notificationReceived;
    setLiveCount(event.unreadCount);
    setArrivals((previous) => newestFirst([event.notification, ...previous]).slice(0, 50));
  });

  // Notifications lost for good: the count and the newest come from the server again.
  useOnResync(() => {
    setLiveCount(null);
    refetchSummary({ requestPolicy: 'network-only' });
  });

  const unreadCount = liveCount ?? summary.data?.unreadNotificationCount ?? null;
  const fetched = summary.data?.notifications.nodes;

  const latest = useMemo(
    () => newestFirst([...arrivals, ...(fetched ?? [])]).slice(0, 8),
    [arrivals, fetched],
  );

  const isRead = useCallback(
    (n: NotificationItemFragment) => n.read || readIds.has(n.id) || (allReadIds?.has(n.id) ?? false),
    [readIds, allReadIds],
  );

  const markRead = useCallback(
    async (ids?: readonly string[]) => {
      const result = await client
        .mutation(MarkNotificationsReadDocument, { ids: ids ? [...ids] : null })
        .toPromise();
      if (result.error) return result.error;
      const changed = result.data?.markNotificationsRead ?? 0;
      if (ids) {
        setReadIds((previous) => new Set([...previous, ...ids]));
        setLiveCount(Math.max(0, (unreadCount ?? 0) - changed));
      } else {
        setAllReadIds(new Set([...arrivals, ...(fetched ?? [])].map((n) => n.id)));
        setLiveCount(0);
      }
      return undefined;
    },
    [client, unreadCount, arrivals, fetched],
  );

  const value = useMemo<NotificationsState>(
    () => ({
      unreadCount,
      latest,
      arrivals,
      loading: summary.fetching && !summary.data,
      error: summary.error ?? subscriptionError,
      markRead,
      isRead,
    }),
    [unreadCount, latest, arrivals, summary, subscriptionError, markRead, isRead],
  );

  return <NotificationsContext value={value}>{children}</NotificationsContext>;
}
