/**
 * Cyber alerts for the viewer (public ones, and law-enforcement ones for members of
 * law-enforcement organisations and international bodies), newest first, arriving live.
 * Coordinators issue alerts here, standalone or from a published advisory.
 */
import '../advisories/advisories.css';
import { type SubmitEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AlertCard, mergeAlerts } from '../advisories/AlertCard';
import { ALERT_AUDIENCE_LABELS, SEVERITIES, SEVERITY_LABELS } from '../advisories/labels';
import { EnumSelect, FieldError, FormActions, invalidProps } from '../components/Form';
import { PagedStates } from '../components/LoadMore';
import { ErrorNotice } from '../components/States';
import { graphql } from '../gql';
import type { AlertAudience, AlertItemFragment, Severity } from '../gql/graphql';
import { useLiveEvents, useOnResync } from '../live/useLiveEvents';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { usePagedQuery } from '../lib/useLoadMore';
import { useViewer } from '../session/useSession';

const AlertsDocument = graphql(`
  query Alerts($includeExpired: Boolean!, $after: String) {
    alerts(first: 50, after: $after, includeExpired: $includeExpired) {
      nodes {
        ...AlertItem
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

const AlertIssuedDocument = graphql(`
  subscription AlertIssued($after: String) {
    alertIssued(after: $after) {
      cursor
      alert {
        ...AlertItem
      }
    }
  }
`);

const IssueAlertDocument = graphql(`
  mutation IssueAlert($input: IssueAlertInput!) {
    issueAlert(input: $input) {
      ...AlertItem
    }
  }
`);

const AlertAdvisoryChoicesDocument = graphql(`
  query AlertAdvisoryChoices {
    publishedAdvisories(first: 50) {
      nodes {
        id
        reference
        title
        status
        audience
      }
    }
  }
`);

const NO_VARIABLES = {};

export default function AlertsPage() {
  useDocumentTitle('Alerts');
  const viewer = useViewer();
  const [includeExpired, setIncludeExpired] = useState(false);
  const paged = usePagedQuery({
    query: AlertsDocument,
    variables: { includeExpired },
    connection: (data) => data.alerts,
  });
  const [live, setLive] = useState<readonly AlertItemFragment[]>([]);
  const [issuing, setIssuing] = useState(false);

  const liveError = useLiveEvents(AlertIssuedDocument, NO_VARIABLES, (data) => {
    const alert = data.alertIssued.alert;
    setLive((l) => [...l.filter((a) => a.id !== alert.id), alert]);
  });
  useOnResync(() => {
    setLive([]);
    paged.reload();
  });

  const alerts = useMemo(
    () => mergeAlerts(paged.nodes, live).filter((a) => includeExpired || !a.expired),
    [paged.nodes, live, includeExpired],
  );
  const coordinator = viewer.role === 'COORDINATOR';

  return (
    <div className="page">
      <div className="page-head">
        <h1>Alerts</h1>
        {coordinator && !issuing && (
          <button type="button" className="button-primary" onClick={() => setIssuing(true)}>
            Issue alert
          </button>
        )}
      </div>
      <p className="lede">
        Urgent notices from the hub’s coordinators. Public alerts are also on the{' '}
        <Link to={paths.publicHome()}>public page</Link> and in the{' '}
        <a href={paths.atomFeed()} type="application/atom+xml">
          Atom feed
        </a>
        .
      </p>
      {issuing && (
        <IssueAlertForm
          onCancel={() => setIssuing(false)}
          onIssued={(alert) => {
            setLive((l) => [...l.filter((a) => a.id !== alert.id), alert]);
            setIssuing(false);
          }}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={includeExpired} onChange={(e) => setIncludeExpired(e.target.checked)} />
        Show expired alerts
      </label>
      {liveError && <ErrorNotice error={liveError} />}
      <PagedStates
        paged={paged}
        loading="Loading alerts…"
        isEmpty={alerts.length === 0}
        empty={includeExpired ? 'No alerts.' : 'No current alerts.'}
        more="Show more alerts"
      >
        <ul className="card-list" aria-live="polite" aria-relevant="additions" aria-label="Alerts">
          {alerts.map((alert) => (
            <AlertCard
              key={alert.id}
              alert={alert}
              advisoryLink={
                alert.advisory && (
                  <p>
                    From advisory{' '}
                    <Link to={paths.advisory(alert.advisory.id)}>
                      {alert.advisory.reference ? `${alert.advisory.reference}: ` : ''}
                      {alert.advisory.title}
                    </Link>
                  </p>
                )
              }
            />
          ))}
        </ul>
      </PagedStates>
    </div>
  );
}

const FIELDS = ['title', 'summary', 'severity', 'audience', 'regions', 'expiresAt', 'advisoryId'];

function IssueAlertForm({
  onCancel,
  onIssued,
}: {
  onCancel: () => void;
  onIssued: (alert: AlertItemFragment) => void;
}) {
  const [advisoryId, setAdvisoryId] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('HIGH');
  const [audience, setAudience] = useState<AlertAudience>('LAW_ENFORCEMENT');
  const [regions, setRegions] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [state, issue] = useMutation(IssueAlertDocument);
  const [advisories] = useQuery({ query: AlertAdvisoryChoicesDocument });
  const error = state.error;
  const published = advisories.data?.publishedAdvisories.nodes.filter((a) => a.status === 'PUBLISHED') ?? [];
  const fromAdvisory = advisoryId !== '';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const expiry = expiresAt ? new Date(expiresAt) : null;
    const result = await issue({
      input: {
        advisoryId: fromAdvisory ? advisoryId : null,
        // From an advisory, what is left empty is taken from it.
        title: title.trim() || (fromAdvisory ? null : title),
        summary: summary.trim() || (fromAdvisory ? null : summary),
        severity: severity === '' ? null : severity,
        audience,
        regions: regions
          .split(/[\s,;]+/)
          .map((r) => r.trim())
          .filter((r) => r !== ''),
        expiresAt: expiry && !Number.isNaN(expiry.getTime()) ? expiry.toISOString() : null,
      },
    });
    if (result.data) onIssued(result.data.issueAlert);
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="issue-alert-heading">
      <h2 id="issue-alert-heading">Issue alert</h2>
      <div className="field">
        <label htmlFor="alert-advisory">From a published advisory (optional)</label>
        <select
          id="alert-advisory"
          value={advisoryId}
          onChange={(e) => setAdvisoryId(e.target.value)}
          {...invalidProps(error, 'advisoryId', 'alert-advisory')}
        >
          <option value="">{advisories.fetching ? 'Loading…' : 'None: a standalone alert'}</option>
          {published.map((a) => (
            <option key={a.id} value={a.id}>
              {a.reference ? `${a.reference}: ` : ''}
              {a.title}
            </option>
          ))}
        </select>
        <p className="hint">From an advisory, the title, summary and severity left empty are taken from it.</p>
        <FieldError error={error} field="advisoryId" inputId="alert-advisory" />
      </div>
      <div className="field">
        <label htmlFor="alert-title">Title</label>
        <input
          id="alert-title"
          required={!fromAdvisory}
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalidProps(error, 'title', 'alert-title')}
        />
        <FieldError error={error} field="title" inputId="alert-title" />
      </div>
      <div className="field">
        <label htmlFor="alert-summary">Summary</label>
        <textarea
          id="alert-summary"
          rows={3}
          required={!fromAdvisory}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          {...invalidProps(error, 'summary', 'alert-summary')}
        />
        <FieldError error={error} field="summary" inputId="alert-summary" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="alert-severity">Severity</label>
          <select id="alert-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
            {fromAdvisory && <option value="">As in the advisory</option>}
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError error={error} field="severity" inputId="alert-severity" />
        </div>
        <div className="field">
          <label htmlFor="alert-audience">Audience</label>
          <EnumSelect id="alert-audience" value={audience} onChange={setAudience} labels={ALERT_AUDIENCE_LABELS} />
          <FieldError error={error} field="audience" inputId="alert-audience" />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="alert-regions">Regions (country codes, e.g. NL, DE; empty for everywhere)</label>
          <input
            id="alert-regions"
            value={regions}
            onChange={(e) => setRegions(e.target.value)}
            {...invalidProps(error, 'regions', 'alert-regions')}
          />
          <FieldError error={error} field="regions" inputId="alert-regions" />
        </div>
        <div className="field">
          <label htmlFor="alert-expires">Expires (optional)</label>
          <input
            id="alert-expires"
            type="datetime-local"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
            {...invalidProps(error, 'expiresAt', 'alert-expires')}
          />
          <FieldError error={error} field="expiresAt" inputId="alert-expires" />
        </div>
      </div>
      <FormActions state={state} submit="Issue alert" submitting="Issuing…" onCancel={onCancel} fields={FIELDS} />
    </form>
  );
}
