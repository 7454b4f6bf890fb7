import type { ReactNode } from 'react';
import type { AlertItemFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/paths';
import { SeverityBadge } from './Badges';
import { ALERT_AUDIENCE_LABELS } from './labels';

/** The element id of an alert in a list (global ids may hold characters unfit for URLs). */
export function alertAnchor(id: string): string {
  return `alert-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** One cyber alert: what, how severe, for whom and where, until when. */
export function AlertCard({ alert, advisoryLink }: { alert: AlertItemFragment; advisoryLink?: ReactNode }) {
  return (
    <li className={alert.expired ? 'card alert-card expired' : 'card alert-card'} id={alertAnchor(alert.id)}>
      <div className="card-title-row">
        <h3>{alert.title}</h3>
        <SeverityBadge severity={alert.severity} />
      </div>
      <p className="card-text">{alert.summary}</p>
      <p className="meta">
        <span className="tag">{ALERT_AUDIENCE_LABELS[alert.audience]}</span>
        {alert.expired && <span className="tag">Expired</span>}
        <span>{alert.regions.length > 0 ? `Regions: ${alert.regions.join(', ')}` : 'All regions'}</span>
        <span>
          Issued <time dateTime={alert.issuedAt}>{formatDateTime(alert.issuedAt)}</time>
        </span>
        {alert.expiresAt && (
          <span>
            {alert.expired ? 'Expired' : 'Expires'}{' '}
            <time dateTime={alert.expiresAt}>{formatDateTime(alert.expiresAt)}</time>
          </span>
        )}
      </p>
      {advisoryLink}
    </li>
  );
}

/** Alerts newest first, each once (a live one and its copy from a query). */
export function mergeAlerts<T extends { readonly id: string; readonly issuedAt: string }>(
  loaded: readonly T[],
  live: readonly T[],
): T[] {
  const byId = new Map<string, T>();
  for (const alert of [...loaded, ...live]) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
}
