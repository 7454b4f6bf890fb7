/**
 * The other author saved a newer revision than the one the user's changes are based on. This
 * fetches the current revision and shows, field by field, their version beside the user's
 * unsaved one: take theirs, keep mine, or merge by editing. Fields only one side changed are
 * merged as they are. Saving sends the merged draft against the current revision; nothing the
 * user typed is dropped unless they choose their version over it.
 */
import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  changesFrom,
  type Draft,
  type Field,
  FIELD_LABELS,
  fieldText,
  type IndicatorRow,
  type ProductRow,
  splitCves,
  splitLines,
} from '../../advisories/fields';
import { type Choice, conflicts, mergedDraft, mergeFields } from '../../advisories/merge';
import { LoadFailedPage, Loading, FormError } from '../../components/States';
import { currentRevisionOf } from '../../errors/messages';
import type { AdvisoryRevisionContentFragment } from '../../gql/graphql';
import { nameWithOrganization } from '../../lib/labels';
import { type Base, baseOf } from './content';
import { AdvisoryCurrentDocument, SaveAdvisoryDocument } from './documents';

/** Fields merged by editing their text; the others by taking one side or combining lists. */
const EDITABLE: readonly Field[] = ['title', 'summary', 'body', 'recommendations', 'cvssVector', 'cves', 'references', 'credits'];
const LISTS: readonly Field[] = ['cves', 'references', 'credits', 'affectedProducts', 'indicators'];

/** Both lists in one: theirs, then the user's entries theirs lacks. */
function combined(mine: Draft, theirs: Draft, field: Field): Partial<Draft> {
  switch (field) {
    case 'cves': {
      const t = splitCves(theirs.cves);
      return { cves: [...t, ...splitCves(mine.cves).filter((c) => !t.includes(c))].join('\n') };
    }
    case 'references':
    case 'credits': {
      const t = splitLines(theirs[field]);
      return { [field]: [...t, ...splitLines(mine[field]).filter((c) => !t.includes(c))].join('\n') };
    }
    case 'affectedProducts': {
      const key = (p: ProductRow) => JSON.stringify([p.vendor, p.product, p.versions]);
      const t = new Set(theirs.affectedProducts.map(key));
      return {
        affectedProducts: [...theirs.affectedProducts, ...mine.affectedProducts.filter((p) => !t.has(key(p)))],
      };
    }
    case 'indicators': {
      const key = (i: IndicatorRow) => `${i.kind}:${i.value}`;
      const t = new Set((theirs.indicators ?? []).map(key));
      return {
        indicators: [...(theirs.indicators ?? []), ...(mine.indicators ?? []).filter((i) => !t.has(key(i)))],
      };
    }
    default:
      return {};
  }
}

export function ConflictView({
  advisoryId,
  base,
  mine,
  onSaved,
  onContinue,
  onNewerAgain,
}: {
  advisoryId: string;
  /** The revision the user's changes started from. */
  base: Base;
  /** The user's unsaved draft. */
  mine: Draft;
  onSaved: (revision: AdvisoryRevisionContentFragment, merged: Draft) => void;
  /** Back to the editor with the merge, based on their revision, not yet saved. */
  onContinue: (theirs: Base, merged: Draft) => void;
  /** Saving the merge met a still newer revision: merge again from there. */
  onNewerAgain: (theirs: Base, merged: Draft, newer: number) => void;
}) {
  const [result, refetch] = useQuery({
    query: AdvisoryCurrentDocument,
    variables: { id: advisoryId },
    requestPolicy: 'network-only',
  });
  const revision = result.data?.advisory.current;
  if (result.error && !revision) {
    return (
      <LoadFailedPage
        title="Changes saved meanwhile"
        error={result.error}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!revision) return <Loading label="Fetching the current revision…" />;
  return (
    <Merge
      advisoryId={advisoryId}
      base={base}
      mine={mine}
      theirs={baseOf(revision)}
      onSaved={onSaved}
      onContinue={onContinue}
      onNewerAgain={onNewerAgain}
    />
  );
}

function Merge({
  advisoryId,
  base,
  mine,
  theirs,
  onSaved,
  onContinue,
  onNewerAgain,
}: {
  advisoryId: string;
  base: Base;
  mine: Draft;
  theirs: Base;
  onSaved: (revision: AdvisoryRevisionContentFragment, merged: Draft) => void;
  onContinue: (theirs: Base, merged: Draft) => void;
  onNewerAgain: (theirs: Base, merged: Draft, newer: number) => void;
}) {
  const [choices, setChoices] = useState<Partial<Record<Field, Choice>>>({});
  const [edits, setEdits] = useState<Partial<Draft>>({});
  const [saveState, save] = useMutation(SaveAdvisoryDocument);
  const merges = useMemo(() => mergeFields(base.draft, mine, theirs.draft), [base, mine, theirs]);
  const conflicting = conflicts(merges);
  const theirsOnly = merges.filter((m) => m.state === 'theirs').map((m) => m.field);
  const mineOnly = merges.filter((m) => m.state === 'mine' || m.state === 'same').map((m) => m.field);
  const merged = mergedDraft(base.draft, mine, theirs.draft, choices, edits);
  const who = theirs.author ? nameWithOrganization(theirs.author) : 'Another author';

  const choose = (field: Field, choice: Choice, edit?: Partial<Draft>) => {
    setChoices((c) => ({ ...c, [field]: choice }));
    if (edit) setEdits((e) => ({ ...e, ...edit }));
  };
  const chooseAll = (choice: 'mine' | 'theirs') =>
    setChoices(Object.fromEntries(conflicting.map((f) => [f, choice])));

  const saveMerged = async () => {
    const changes = changesFrom(theirs.draft, merged);
    const r = await save({ id: advisoryId, expectedRevision: theirs.number, changes });
    if (r.data) {
      onSaved(r.data.saveAdvisory.current, merged);
      return;
    }
    const newer = currentRevisionOf(r.error);
    if (newer !== undefined) onNewerAgain(theirs, merged, newer);
  };

  return (
    <section className="panel conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Merge your changes with revision {theirs.number}</h2>
      <p role="status">
        {who} saved revision {theirs.number} after revision {base.number}, which your changes are
        based on. Nothing you typed is lost: for each field both of you changed, take their
        version, keep yours, or merge the two.
      </p>
      {theirsOnly.length > 0 && (
        <p className="meta">
          Also changed in revision {theirs.number}, and taken as it is:{' '}
          {theirsOnly.map((f) => FIELD_LABELS[f]).join(', ')}.
        </p>
      )}
      {mineOnly.length > 0 && (
        <p className="meta">
          Your other changes, kept as they are: {mineOnly.map((f) => FIELD_LABELS[f]).join(', ')}.
        </p>
      )}
      {conflicting.length === 0 ? (
        <p>None of the fields you changed was changed by them: your changes apply on top of theirs.</p>
      ) : (
        <>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => chooseAll('theirs')}>
              Take theirs for all
            </button>
            <button type="button" className="button-secondary" onClick={() => chooseAll('mine')}>
              Keep mine for all
            </button>
          </div>
          {conflicting.map((field) => (
            <FieldConflict
              key={field}
              field={field}
              theirsNumber={theirs.number}
              mine={mine}
              theirs={theirs.draft}
              merged={merged}
              choice={choices[field] ?? 'mine'}
              onChoose={(choice, edit) => choose(field, choice, edit)}
            />
          ))}
        </>
      )}
      <FormError error={saveState.error} />
      <div className="actions">
        <button type="button" className="button-primary" disabled={saveState.fetching} onClick={() => void saveMerged()}>
          {saveState.fetching ? 'Saving…' : `Save merged version as revision ${String(theirs.number + 1)}`}
        </button>
        <button type="button" className="button-secondary" onClick={() => onContinue(theirs, merged)}>
          Continue editing the merge
        </button>
      </div>
    </section>
  );
}

function FieldConflict({
  field,
  theirsNumber,
  mine,
  theirs,
  merged,
  choice,
  onChoose,
}: {
  field: Field;
  theirsNumber: number;
  mine: Draft;
  theirs: Draft;
  merged: Draft;
  choice: Choice;
  onChoose: (choice: Choice, edit?: Partial<Draft>) => void;
}) {
  const id = useId();
  const label = FIELD_LABELS[field];
  const editable = EDITABLE.includes(field);
  const list = LISTS.includes(field);
  const name = `${id}-choice`;
  return (
    <fieldset className="field-conflict" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{label}</legend>
      <div className="versions">
        <div className="version">
          <h3 id={`${id}-theirs`}>Theirs (revision {theirsNumber})</h3>
          <pre aria-labelledby={`${id}-theirs`}>{fieldText(theirs, field) || '(empty)'}</pre>
        </div>
        <div className="version">
          <h3 id={`${id}-mine`}>Yours (not saved)</h3>
          <pre aria-labelledby={`${id}-mine`}>{fieldText(mine, field) || '(empty)'}</pre>
        </div>
      </div>
      <div className="radio-row" role="radiogroup" aria-label={`Which ${label} to keep`}>
        <label className="checkbox">
          <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} />
          Take theirs
        </label>
        <label className="checkbox">
          <input type="radio" name={name} checked={choice === 'mine'} onChange={() => onChoose('mine')} />
          Keep mine
        </label>
        {editable && (
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              checked={choice === 'edited'}
              onChange={() => onChoose('edited', { [field]: merged[field] })}
            />
            Merge by editing
          </label>
        )}
        {list && !editable && (
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              checked={choice === 'edited'}
              onChange={() => onChoose('edited', combined(mine, theirs, field))}
            />
            Combine both
          </label>
        )}
      </div>
      {editable && choice === 'edited' && (
        <div className="field">
          <label htmlFor={`${id}-edit`}>Merged {label.toLowerCase()}</label>
          <textarea
            id={`${id}-edit`}
            rows={field === 'body' || field === 'recommendations' ? 10 : 3}
            value={merged[field] as string}
            onChange={(e) => onChoose('edited', { [field]: e.target.value })}
          />
          {list && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChoose('edited', combined(mine, theirs, field))}
            >
              Start from both lists combined
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
