/**
 * A published (or withdrawn) advisory as its readers see it: members in the app and anyone on
 * the public pages. The body and recommendations are the server's sanitised HTML.
 */
import type { ReactNode } from 'react';
import { SeverityBadge, StatusBadge } from '../../advisories/Badges';
import { AUDIENCE_SHORT, INDICATOR_KIND_LABELS } from '../../advisories/labels';
import { TlpBadge } from '../../components/TlpBadge';
import type { AdvisoryReadableFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/paths';

export function AdvisoryView({
  advisory,
  actions,
  breadcrumb,
}: {
  advisory: AdvisoryReadableFragment;
  /** Links and buttons under the heading (exports, withdrawal). */
  actions?: ReactNode;
  breadcrumb?: ReactNode;
}) {
  const c = advisory.current;
  const more = c.indicatorCount - c.indicators.nodes.length;
  return (
    <article className="page advisory-view" aria-labelledby="advisory-title">
      {breadcrumb}
      {advisory.status === 'WITHDRAWN' && (
        <div className="notice notice-warning withdrawn-banner" role="note">
          <strong>Withdrawn</strong>
          {advisory.withdrawnAt && (
            <>
              {' on '}
              <time dateTime={advisory.withdrawnAt}>{formatDateTime(advisory.withdrawnAt)}</time>
            </>
          )}
          {advisory.withdrawnReason ? `: ${advisory.withdrawnReason}` : '.'} This advisory no longer
          applies as published.
        </div>
      )}
      <header>
        {advisory.reference && <p className="reference mono">{advisory.reference}</p>}
        <h1 id="advisory-title">{advisory.title}</h1>
        <p className="meta">
          <StatusBadge status={advisory.status} />
          <SeverityBadge severity={advisory.severity} score={c.cvssScore} />
          <TlpBadge tlp={advisory.tlp} />
          {advisory.audience && <span className="tag">For: {AUDIENCE_SHORT[advisory.audience]}</span>}
          {advisory.publishedAt && (
            <span>
              Published <time dateTime={advisory.publishedAt}>{formatDateTime(advisory.publishedAt)}</time>
            </span>
          )}
        </p>
        {advisory.organizationNames.length > 0 && (
          <p className="meta">By {advisory.organizationNames.join(', ')}</p>
        )}
        {actions}
      </header>

      {c.summary && <p className="lede">{c.summary}</p>}
      {c.bodyHtml && (
        <section aria-labelledby="advisory-details" className="section">
          <h2 id="advisory-details">Details</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        </section>
      )}

      {(c.affectedProducts.length > 0 || c.cves.length > 0 || c.cvssVector) && (
        <section aria-labelledby="advisory-affected" className="section">
          <h2 id="advisory-affected">Affected</h2>
          {c.affectedProducts.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Affected products</caption>
                <thead>
                  <tr>
                    <th scope="col">Vendor</th>
                    <th scope="col">Product</th>
                    <th scope="col">Versions</th>
                  </tr>
                </thead>
                <tbody>
                  {c.affectedProducts.map((p) => (
                    <tr key={`${p.vendor}/${p.product}/${p.versions}`}>
                      <td>{p.vendor}</td>
                      <td>{p.product}</td>
                      <td>{p.versions || 'All versions'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {c.cves.length > 0 && (
            <p>
              CVE ids:{' '}
              {c.cves.map((cve, i) => (
                <span key={cve}>
                  {i > 0 && ', '}
                  <span className="mono">{cve}</span>
                </span>
              ))}
            </p>
          )}
          {c.cvssVector && (
            <p>
              CVSS 3.1: <span className="mono break">{c.cvssVector}</span>
              {typeof c.cvssScore === 'number' && ` (base score ${c.cvssScore.toFixed(1)})`}
            </p>
          )}
        </section>
      )}

      {c.recommendationsHtml && (
        <section aria-labelledby="advisory-recommendations" className="section">
          <h2 id="advisory-recommendations">Recommendations</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: c.recommendationsHtml }} />
        </section>
      )}

      {c.indicatorCount > 0 && (
        <section aria-labelledby="advisory-indicators" className="section">
          <h2 id="advisory-indicators">Indicators of compromise ({c.indicatorCount})</h2>
          <IndicatorTable indicators={c.indicators.nodes} caption="Indicators of compromise" />
          {more > 0 && <p className="hint">And {more} more, in the STIX and CSAF exports.</p>}
        </section>
      )}

      {c.references.length > 0 && (
        <section aria-labelledby="advisory-references" className="section">
          <h2 id="advisory-references">References</h2>
          <ul className="plain-list">
            {c.references.map((r) => (
              <li key={r}>
                <a href={r} rel="noopener noreferrer nofollow" className="break">
                  {r}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {c.credits.length > 0 && (
        <section aria-labelledby="advisory-credits" className="section">
          <h2 id="advisory-credits">Credits</h2>
          <ul className="plain-list">
            {c.credits.map((credit) => (
              <li key={credit}>{credit}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

export function IndicatorTable({
  indicators,
  caption,
  onRemove,
}: {
  indicators: readonly { readonly kind: keyof typeof INDICATOR_KIND_LABELS; readonly value: string }[];
  caption: string;
  /** Offers "Remove" on each row. */
  onRemove?: (index: number) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="indicator-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            {onRemove && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator, index) => (
            <tr key={`${indicator.kind}:${indicator.value}`}>
              <td>{INDICATOR_KIND_LABELS[indicator.kind]}</td>
              <td className="mono break">{indicator.value}</td>
              {onRemove && (
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Remove ${indicator.value}`}
                    onClick={() => onRemove(index)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
