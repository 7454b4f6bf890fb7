import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../lib/paths';
import { useCloseOnPointerOutside } from '../lib/useCloseOnPointerOutside';
import { NotificationEntry } from '../notifications/NotificationEntry';
import { useNotifications } from '../notifications/NotificationsProvider';
import { ErrorNotice, FormError, Loading } from './States';

function BellIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** The bell in the header: the live unread count, and a panel with the newest notifications. */
export function NotificationBell() {
  const { unreadCount, latest, loading, error, markRead, isRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const [markError, setMarkError] = useState<unknown>();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useCloseOnPointerOutside(open, setOpen, buttonRef, panelRef);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const count = unreadCount ?? 0;
  const label =
    unreadCount === null
      ? 'Notifications'
      : `Notifications, ${count === 0 ? 'none' : String(count)} unread`;

  return (
    <div className="bell" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <div ref={panelRef} id={panelId} className="bell-panel" hidden={!open}>
        <div className="bell-panel-head">
          <h2>Notifications</h2>
          {count > 0 && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                void markRead().then(setMarkError);
              }}
            >
              Mark all read
            </button>
          )}
        </div>
        <FormError error={markError} />
        {loading ? (
          <Loading label="Loading notifications…" />
        ) : error !== undefined && latest.length === 0 ? (
          <ErrorNotice error={error} />
        ) : latest.length === 0 ? (
          <p className="state state-empty">No notifications yet.</p>
        ) : (
          <ul className="notification-list compact">
            {latest.map((n) => (
              <li key={n.id} className={isRead(n) ? 'read' : 'unread'}>
                <NotificationEntry
                  notification={n}
                  read={isRead(n)}
                  onOpen={() => {
                    setOpen(false);
                    if (!isRead(n)) void markRead([n.id]);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="bell-panel-foot">
          <Link to={paths.notifications()} onClick={() => setOpen(false)}>
            All notifications
          </Link>
        </p>
      </div>
    </div>
  );
}
