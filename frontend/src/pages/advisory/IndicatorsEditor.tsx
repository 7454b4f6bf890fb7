/**
 * The indicators of the draft: the list (entries can be removed, saved with the revision) and
 * a box to paste many at once (`addIndicators`: saved at once as a new revision), with the
 * server's report on every pasted line.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import type { Draft } from '../../advisories/fields';
import { LINE_OUTCOME_LABELS } from '../../advisories/labels';
import { FieldError, invalidProps } from '../../components/Form';
import { FormError } from '../../components/States';
import { currentRevisionOf, errorField } from '../../errors/messages';
import type { AddIndicatorsMutation, AdvisoryRevisionContentFragment } from '../../gql/graphql';
import { IndicatorTable } from './AdvisoryView';
import type { Base } from './content';
import { AddIndicatorsDocument } from './documents';

type Report = AddIndicatorsMutation['addIndicators'];

const OUTCOME_MARKS = { ACCEPTED: '✓', DUPLICATE: '=', REJECTED: '✗' } as const;

export function IndicatorsEditor({
  advisoryId,
  base,
  current,
  draft,
  indicatorsDirty,
  onRemove,
  saveError,
  onAdded,
  onConflict,
}: {
  advisoryId: string;
  base: Base;
  current: AdvisoryRevisionContentFragment;
  draft: Draft;
  indicatorsDirty: boolean;
  onRemove: (index: number) => void;
  /** The last save's error (an `indicators` entry may be refused). */
  saveError: unknown;
  onAdded: (revision: AdvisoryRevisionContentFragment) => void;
  onConflict: (newer: number) => void;
}) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [state, add] = useMutation(AddIndicatorsDocument);

  const paste = async () => {
    if (text.trim() === '') return;
    const result = await add({ id: advisoryId, expectedRevision: base.number, text });
    const payload = result.data?.addIndicators;
    if (payload) {
      setReport(payload);
      // What was refused stays in the box, to correct; the rest is in the list now.
      const refused = new Set(payload.lines.filter((l) => l.outcome === 'REJECTED').map((l) => l.line));
      setText(
        text
          .split('\n')
          .filter((_, i) => refused.has(i + 1))
          .join('\n'),
      );
      if (payload.advisory.revision > base.number) onAdded(payload.advisory.current);
      return;
    }
    const newer = currentRevisionOf(result.error);
    if (newer !== undefined) onConflict(newer);
  };

  const list = draft.indicators ?? current.indicators.nodes;
  const removable = draft.indicators !== null;
  const pasteError = state.error && errorField(state.error) === 'text' ? state.error : undefined;

  return (
    <section className="field indicators-editor" aria-labelledby="indicators-heading">
      <h3 id="indicators-heading">Indicators ({draft.indicators?.length ?? current.indicatorCount})</h3>
      {list.length === 0 ? (
        <p className="hint">No indicators yet.</p>
      ) : (
        <IndicatorTable
          indicators={list}
          caption="Indicators of this advisory"
          onRemove={removable ? onRemove : undefined}
        />
      )}
      {!removable && (
        <p className="hint">
          Showing the first {list.length} of {current.indicatorCount}; with this many, indicators
          are only added here.
        </p>
      )}
      <FieldError error={saveError} field="indicators" inputId="advisory-indicators" />

      <div className="paste-box" role="group" aria-labelledby="paste-heading">
        <h4 id="paste-heading">Paste indicators</h4>
        <label htmlFor="advisory-indicators-paste">
          One per line: IP addresses, domains, URLs, email addresses, hashes, CVE ids (defanged
          forms such as hxxp:// and [.] are fine)
        </label>
        <textarea
          id="advisory-indicators-paste"
          className="mono"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...invalidProps(pasteError, 'text', 'advisory-indicators-paste')}
        />
        <FieldError error={pasteError} field="text" inputId="advisory-indicators-paste" />
        {indicatorsDirty && (
          <p className="hint">Save or discard your changes to the list before adding more.</p>
        )}
        {!pasteError && <FormError error={state.error} />}
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            disabled={state.fetching || indicatorsDirty || text.trim() === ''}
            onClick={() => void paste()}
          >
            {state.fetching ? 'Adding…' : 'Add indicators'}
          </button>
        </div>
        {report && <PasteReport report={report} />}
      </div>
    </section>
  );
}

function PasteReport({ report }: { report: Report }) {
  return (
    <div className="paste-report">
      <p role="status">
        {report.accepted} accepted, {report.duplicates} {report.duplicates === 1 ? 'duplicate' : 'duplicates'},{' '}
        {report.rejected} rejected.
        {report.accepted > 0 && ` Saved as revision ${String(report.advisory.revision)}.`}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">What became of each pasted line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Pasted</th>
              <th scope="col">Outcome</th>
              <th scope="col">Stored as, or why not</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line) => (
              <tr key={line.line} className={`outcome-${line.outcome.toLowerCase()}`}>
                <td>{line.line}</td>
                <td className="mono break">{line.input}</td>
                <td>
                  <span aria-hidden="true">{OUTCOME_MARKS[line.outcome]} </span>
                  {LINE_OUTCOME_LABELS[line.outcome]}
                </td>
                <td className="break">
                  {line.outcome === 'REJECTED' ? line.reason : <span className="mono">{line.indicator?.value}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
