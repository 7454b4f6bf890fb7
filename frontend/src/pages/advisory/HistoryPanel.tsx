/** The revisions, newest first; two picked are compared (`advisoryDiff`): the fields that
 * changed, before and after, and the body's line diff (or why there is none, or only part of
 * one). Workspace content: readers outside the workspace get no revisions, and no panel. */
import { type SubmitEvent, useId, useState } from 'react';
import { useQuery } from 'urql';
import { diffRows, diffStats } from '../../advisories/diff';
import { fieldLabel } from '../../advisories/fields';
import { PagedStates } from '../../components/LoadMore';
import { QueryStates } from '../../components/States';
import type { AdvisoryDiffQuery } from '../../gql/graphql';
import { nameWithOrganization } from '../../lib/labels';
import { formatDateTime } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { useRefetchOn } from '../../lib/useRefetchOn';
import { AdvisoryDiffDocument, AdvisoryRevisionsDocument } from './documents';

export function HistoryPanel({ advisoryId, revision, tick }: { advisoryId: string; revision: number; tick: number }) {
  const paged = usePagedQuery({
    query: AdvisoryRevisionsDocument,
    variables: { id: advisoryId },
    connection: (data) => data.advisory.revisions,
  });
  useRefetchOn(tick, paged.reload);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const fromValue = from ?? Math.max(1, revision - 1);
  const toValue = to ?? revision;
  const numbers = Array.from({ length: revision }, (_, i) => revision - i);
  // Every advisory has a revision: none at all means the viewer may not read the history.
  if (paged.result.data && !paged.result.fetching && paged.nodes.length === 0) return null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setCompared({ from: fromValue, to: toValue });
  };

  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">Revision history</h2>
      <PagedStates paged={paged} loading="Loading revisions…" empty="No revisions." more="Show older revisions">
        <ol className="plain-list revision-list" reversed>
          {paged.nodes.map((r) => (
            <li key={r.number}>
              <strong>Revision {r.number}</strong>
              {r.number === revision && <span className="tag">Current</span>} {r.title}
              <span className="sub">
                {r.author ? nameWithOrganization(r.author) : 'Someone'},{' '}
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      </PagedStates>
      {revision > 1 && (
        <form className="compare-form" onSubmit={submit} aria-label="Compare revisions">
          <div className="field">
            <label htmlFor="diff-from">From revision</label>
            <select id="diff-from" value={fromValue} onChange={(e) => setFrom(Number(e.target.value))}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">To revision</label>
            <select id="diff-to" value={toValue} onChange={(e) => setTo(Number(e.target.value))}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button-secondary">
            Show changes
          </button>
        </form>
      )}
      {compared && <DiffResult advisoryId={advisoryId} from={compared.from} to={compared.to} />}
    </section>
  );
}

function DiffResult({ advisoryId, from, to }: { advisoryId: string; from: number; to: number }) {
  const [result] = useQuery({ query: AdvisoryDiffDocument, variables: { id: advisoryId, from, to } });
  return (
    <QueryStates result={result} loading="Comparing…">
      {result.data && <DiffView diff={result.data.advisoryDiff} />}
    </QueryStates>
  );
}

export function DiffView({ diff }: { diff: AdvisoryDiffQuery['advisoryDiff'] }) {
  const headingId = useId();
  const fields = diff.fields.filter((f) => f.field !== 'body');
  const bodyChanged = diff.fields.some((f) => f.field === 'body');
  const body = bodyDiffState(diff);
  const stats = diffStats(diff.body);
  return (
    <section className="diff" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Changes from revision {diff.from} to revision {diff.to}
      </h3>
      {diff.fields.length === 0 && <p>No differences.</p>}
      {fields.length > 0 && (
        <div className="table-wrap">
          <table className="field-diff">
            <caption className="visually-hidden">Fields that changed</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Revision {diff.from}</th>
                <th scope="col">Revision {diff.to}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{fieldLabel(f.field)}</th>
                  <td>
                    <del>{f.before || '(empty)'}</del>
                  </td>
                  <td>
                    <ins>{f.after || '(empty)'}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bodyChanged && body === 'too-long' && (
        <>
          <h4>Body</h4>
          <p className="notice">The bodies are too long to compare line by line; the body changed.</p>
        </>
      )}
      {bodyChanged && body !== 'too-long' && (
        <>
          <h4>
            Body: {stats.added} {stats.added === 1 ? 'line' : 'lines'} added, {stats.removed}{' '}
            {stats.removed === 1 ? 'line' : 'lines'} removed
            {body === 'cut' && ` in the first ${diff.body.length.toLocaleString('en')} lines of the comparison`}
          </h4>
          {body === 'cut' && (
            <p className="notice">
              The comparison of the bodies is too long to show in full: only its first{' '}
              {diff.body.length.toLocaleString('en')} lines are shown, the changes after them are not.
            </p>
          )}
          <div className="line-diff" role="table" aria-label={`Body changes from revision ${String(diff.from)} to ${String(diff.to)}`}>
            {diffRows(diff.body).map((row, i) =>
              row.kind === 'fold' ? (
                <div key={`fold-${String(i)}`} role="row" className="diff-fold">
                  <span role="cell">
                    … {row.count} unchanged {row.count === 1 ? 'line' : 'lines'}
                  </span>
                </div>
              ) : (
                <div key={`line-${String(i)}`} role="row" className={`diff-line diff-${row.change.toLowerCase()}`}>
                  <span role="cell" className="diff-no">
                    {row.before ?? ''}
                  </span>
                  <span role="cell" className="diff-no">
                    {row.after ?? ''}
                  </span>
                  <span role="cell" className="diff-mark">
                    <span aria-hidden="true">{row.change === 'ADDED' ? '+' : row.change === 'REMOVED' ? '−' : ' '}</span>
                    <span className="visually-hidden">
                      {row.change === 'ADDED' ? 'Added:' : row.change === 'REMOVED' ? 'Removed:' : 'Unchanged:'}
                    </span>
                  </span>
                  <span role="cell" className="diff-text">
                    {row.change === 'ADDED' ? (
                      <ins>{row.text}</ins>
                    ) : row.change === 'REMOVED' ? (
                      <del>{row.text}</del>
                    ) : (
                      row.text
                    )}
                  </span>
                </div>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * How much of the body's line diff the server sent: all of it, none (the bodies were too long
 * to compare line by line) or its beginning (the diff was cut).
 */
export function bodyDiffState(
  diff: Pick<AdvisoryDiffQuery['advisoryDiff'], 'bodyComplete' | 'body'>,
): 'complete' | 'too-long' | 'cut' {
  if (diff.bodyComplete) return 'complete';
  return diff.body.length === 0 ? 'too-long' : 'cut';
}
