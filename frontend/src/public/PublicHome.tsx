import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AlertCard } from '../advisories/AlertCard';
import { SeverityBadge, StatusBadge } from '../advisories/Badges';
import { Empty, QueryStates } from '../components/States';
import { formatDate, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { PublicHomeDocument } from './documents';

export default function PublicHome() {
  useDocumentTitle('Public alerts and advisories');
  const [includeExpired, setIncludeExpired] = useState(false);
  const [result, refetch] = useQuery({ query: PublicHomeDocument, variables: { includeExpired } });
  const alerts = result.data?.publicAlerts.nodes ?? [];
  const advisories = result.data?.publishedAdvisories.nodes ?? [];

  return (
    <div className="page">
      <h1>Public alerts and advisories</h1>
      <p className="lede">
        Cyber alerts and joint advisories the alliance publishes for everyone. Follow them in a
        feed reader with the <a href={paths.atomFeed()} type="application/atom+xml">Atom feed</a>;
        advisories are also published as CSAF 2.0 documents (
        <a href="/.well-known/csaf/provider-metadata.json">CSAF provider metadata</a>).
      </p>
      <QueryStates
        result={result}
        retry={() => refetch({ requestPolicy: 'network-only' })}
        loading="Loading alerts and advisories…"
      >
        <section aria-labelledby="public-alerts" className="section">
          <div className="section-head">
            <h2 id="public-alerts">Alerts</h2>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeExpired}
                onChange={(e) => setIncludeExpired(e.target.checked)}
              />
              Show expired alerts
            </label>
          </div>
          {alerts.length === 0 ? (
            <Empty>No current public alerts.</Empty>
          ) : (
            <ul className="card-list">
              {alerts.map((alert) => (
                <AlertCard
                  key={alert.id}
                  alert={alert}
                  advisoryLink={
                    alert.advisory && (
                      <p>
                        From advisory{' '}
                        <Link to={paths.publicAdvisory(alert.advisory.id)}>
                          {alert.advisory.reference ?? alert.advisory.title}
                        </Link>
                      </p>
                    )
                  }
                />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="public-advisories" className="section">
          <h2 id="public-advisories">Advisories</h2>
          {advisories.length === 0 ? (
            <Empty>No public advisories yet.</Empty>
          ) : (
            <ul className="card-list">
              {advisories.map((a) => (
                <li key={a.id} className="card">
                  {a.reference && <p className="reference mono">{a.reference}</p>}
                  <h3>
                    <Link to={paths.publicAdvisory(a.id)}>{a.title}</Link>
                  </h3>
                  <p className="meta">
                    {a.status === 'WITHDRAWN' && <StatusBadge status={a.status} />}
                    <SeverityBadge severity={a.severity} />
                    {a.publishedAt && (
                      <span>
                        Published <time dateTime={a.publishedAt}>{formatDate(a.publishedAt)}</time>
                      </span>
                    )}
                    {a.organizationNames.length > 0 && <span>By {a.organizationNames.join(', ')}</span>}
                  </p>
                  {a.csafUrl && (
                    <p>
                      <a href={a.csafUrl} type="application/json">
                        CSAF document<span className="visually-hidden"> of {a.reference ?? a.title}</span>
                      </a>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </QueryStates>
    </div>
  );
}
