import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../live/useLiveEvents';

/** A reconnect shorter than this (a token refresh) shows no banner. */
export const BANNER_DELAY_MS = 1_000;

/** "Connection lost — reconnecting…" while the realtime connection is down. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const lost = status === 'reconnecting';
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (!lost) return undefined;
    const timer = setTimeout(() => setShown(true), BANNER_DELAY_MS);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [lost]);

  return (
    <div className="connection-region" role="status" aria-live="polite">
      {lost && shown && (
        <p className="connection-banner">Connection lost — reconnecting…</p>
      )}
    </div>
  );
}
