/**
 * One advisory: the editor, the workflow, authors, review comments and history while it may
 * change; the published advisory (with its exports) once published or withdrawn. Live: every
 * change to the advisory (`advisoryUpdated`) reloads what is shown, and changes made by
 * someone else are announced.
 */
import '../advisories/advisories.css';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { SeverityBadge, StatusBadge } from '../advisories/Badges';
import { AUDIENCE_SHORT } from '../advisories/labels';
import { addNotice, describeUpdate } from '../advisories/updates';
import { ErrorNotice, FormError, LoadFailedPage, Loading } from '../components/States';
import { TlpBadge } from '../components/TlpBadge';
import type { AdvisoryPageQuery } from '../gql/graphql';
import { useLiveEvents, useOnResync } from '../live/useLiveEvents';
import { formatDateTime, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useViewer } from '../session/useSession';
import { AdvisoryEditor } from './advisory/AdvisoryEditor';
import { AdvisoryView } from './advisory/AdvisoryView';
import { AuthorsPanel } from './advisory/AuthorsPanel';
import { CommentsPanel } from './advisory/CommentsPanel';
import {
  AdvisoryCsafDocument,
  AdvisoryPageDocument,
  AdvisoryStixDocument,
  AdvisoryUpdatedDocument,
} from './advisory/documents';
import { HistoryPanel } from './advisory/HistoryPanel';
import { WithdrawForm, WorkflowPanel } from './advisory/WorkflowPanel';

type Advisory = AdvisoryPageQuery['advisory'];
/** A live change someone else made, as the page announces it. */
interface Notice {
  readonly cursor: string;
  readonly text: string;
}

export default function AdvisoryPage() {
  const { advisoryId = '' } = useParams();
  return <AdvisoryScreen key={advisoryId} advisoryId={advisoryId} />;
}

function AdvisoryScreen({ advisoryId }: { advisoryId: string }) {
  const viewer = useViewer();
  const [result, refetch] = useQuery({ query: AdvisoryPageDocument, variables: { id: advisoryId } });
  const [tick, setTick] = useState(0);
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const advisory = result.data?.advisory;
  useDocumentTitle(advisory?.title);

  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    setTick((t) => t + 1);
  };

  const variables = useMemo(() => ({ id: advisoryId }), [advisoryId]);
  const liveError = useLiveEvents(AdvisoryUpdatedDocument, variables, (data) => {
    const update = data.advisoryUpdated;
    // The viewer's own changes (`actor` is the viewer) are not announced, but still reloaded:
    // they may come from another tab.
    const text = describeUpdate(update, viewer.id);
    if (text) {
      setNotices((shown) =>
        shown.some((n) => n.cursor === update.cursor) ? shown : addNotice(shown, { cursor: update.cursor, text }),
      );
    }
    reload();
  });
  useOnResync(reload);

  if (result.error && !advisory) {
    return <LoadFailedPage title="Advisory" error={result.error} retry={reload} />;
  }
  if (!advisory) return <Loading label="Loading advisory…" />;

  // Readers outside the workspace (the audience of a published advisory) have no workspace
  // to go back to; they came from the alerts or a notification.
  const breadcrumb = (
    <p className="breadcrumb">
      {advisory.workspace ? (
        <>
          <Link to={paths.workspaces()}>Workspaces</Link>
          {' / '}
          <Link to={paths.workspaceAdvisories(advisory.workspace.id)}>{advisory.workspace.name}</Link>
        </>
      ) : (
        <Link to={paths.alerts()}>Alerts</Link>
      )}
    </p>
  );
  const live = (
    <>
      <div className="live-region" role="status" aria-live="polite">
        {notices.length > 0 && (
          <div className="notice live-notice">
            <ul className="plain-list">
              {notices.map((n) => (
                <li key={n.cursor}>{n.text}</li>
              ))}
            </ul>
            <button type="button" className="button-quiet" onClick={() => setNotices([])}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {liveError && <ErrorNotice error={liveError} />}
    </>
  );

  if (advisory.status === 'PUBLISHED' || advisory.status === 'WITHDRAWN') {
    return (
      <>
        <AdvisoryView
          advisory={advisory}
          breadcrumb={
            <>
              {breadcrumb}
              {live}
            </>
          }
          actions={<PublishedActions advisory={advisory} onChanged={reload} />}
        />
        {/* The history is workspace content: its audience reads the published revision only. */}
        {advisory.workspace && (
          <div className="page">
            <HistoryPanel advisoryId={advisory.id} revision={advisory.revision} tick={tick} />
          </div>
        )}
      </>
    );
  }

  return (
    <div className="page advisory-page">
      {breadcrumb}
      <div className="page-head">
        <h1>{advisory.title}</h1>
      </div>
      <p className="meta">
        <StatusBadge status={advisory.status} />
        <SeverityBadge severity={advisory.severity} score={advisory.current.cvssScore} />
        <TlpBadge tlp={advisory.tlp} />
        <span>
          Revision {advisory.revision}, updated{' '}
          <time dateTime={advisory.updatedAt}>{formatDateTime(advisory.updatedAt)}</time>
        </span>
      </p>
      {live}
      <WorkflowPanel advisory={advisory} onChanged={reload} />
      <AuthorsPanel advisory={advisory} onChanged={reload} />
      {advisory.viewerCanEdit ? (
        <AdvisoryEditor advisoryId={advisory.id} current={advisory.current} onSaved={reload} />
      ) : (
        <ReadOnlyDraft advisory={advisory} />
      )}
      <CommentsPanel
        advisoryId={advisory.id}
        revision={advisory.revision}
        canComment={advisory.viewerCanComment}
        tick={tick}
      />
      <HistoryPanel advisoryId={advisory.id} revision={advisory.revision} tick={tick} />
    </div>
  );
}

/** A draft the viewer may read but not edit (a workspace member who is not an author). */
function ReadOnlyDraft({ advisory }: { advisory: Advisory }) {
  const c = advisory.current;
  return (
    <section className="panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Revision {advisory.revision}</h2>
      <p className="hint">Only the advisory’s authors edit it.</p>
      {c.summary && <p className="lede">{c.summary}</p>}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
    </section>
  );
}

/** Reference, audience and exports of a published advisory; withdrawal for those who may. */
function PublishedActions({ advisory, onChanged }: { advisory: Advisory; onChanged: () => void }) {
  return (
    <div className="published-actions">
      <dl className="facts">
        {advisory.reference && (
          <>
            <dt>Reference</dt>
            <dd className="mono">{advisory.reference}</dd>
          </>
        )}
        {advisory.audience && (
          <>
            <dt>Audience</dt>
            <dd>{AUDIENCE_SHORT[advisory.audience]}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        {advisory.csafUrl && (
          <a href={advisory.csafUrl} className="button-secondary">
            CSAF document (public)
          </a>
        )}
        {advisory.audience === 'PUBLIC' && (
          <Link to={paths.publicAdvisory(advisory.id)} className="button-secondary">
            Public page
          </Link>
        )}
        <ExportButton advisory={advisory} kind="csaf" />
        <ExportButton advisory={advisory} kind="stix" />
      </div>
      {advisory.viewerCanWithdraw && (
        <details className="withdraw-details">
          <summary>Withdraw this advisory</summary>
          <WithdrawForm advisory={advisory} onWithdrawn={onChanged} />
        </details>
      )}
    </div>
  );
}

/** Fetches the CSAF document or the STIX bundle and saves it as a JSON file. */
function ExportButton({ advisory, kind }: { advisory: Advisory; kind: 'csaf' | 'stix' }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const label = kind === 'csaf' ? 'Download CSAF' : 'Download STIX';

  const download = async () => {
    setBusy(true);
    setError(undefined);
    const result =
      kind === 'csaf'
        ? await client.query(AdvisoryCsafDocument, { id: advisory.id }, { requestPolicy: 'network-only' }).toPromise()
        : await client.query(AdvisoryStixDocument, { id: advisory.id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const data = result.data as { advisoryCsaf?: unknown; advisoryStix?: unknown } | undefined;
    const json = kind === 'csaf' ? data?.advisoryCsaf : data?.advisoryStix;
    if (json === undefined) {
      setError(result.error ?? new Error('no document'));
      return;
    }
    const blob = new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    const name = (advisory.reference ?? advisory.title).replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();
    link.download = `${name}.${kind === 'csaf' ? 'csaf' : 'stix'}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => void download()}>
        {busy ? 'Preparing…' : label}
      </button>
      <FormError error={error} />
    </>
  );
}
