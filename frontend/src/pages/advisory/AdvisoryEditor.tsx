/**
 * The editor of an advisory that may still change: every content field, saved as a new
 * revision against the revision it started from (`expectedRevision`). A save that meets a
 * newer revision (CONFLICT) opens the conflict view; a newer revision saved by someone else
 * while this one has unsaved changes is announced, and can be merged before saving.
 */
import { type SubmitEvent, useState } from 'react';
import { useMutation } from 'urql';
import { changedFields, changesFrom, type Draft, FIELD_LABELS, FIELDS, type ProductRow } from '../../advisories/fields';
import { SEVERITY_LABELS } from '../../advisories/labels';
import { rebase } from '../../advisories/merge';
import { EnumSelect, FieldError, FormActions, invalidProps, TlpSelect } from '../../components/Form';
import { TLP_ORDER } from '../../components/TlpBadge';
import { currentRevisionOf } from '../../errors/messages';
import type { AdvisoryRevisionContentFragment } from '../../gql/graphql';
import { nameWithOrganization } from '../../lib/labels';
import { ConflictView } from './ConflictView';
import { type Base, baseOf } from './content';
import { SaveAdvisoryDocument } from './documents';
import { IndicatorsEditor } from './IndicatorsEditor';
import { MarkdownField } from './MarkdownField';

export function AdvisoryEditor({
  advisoryId,
  current,
  onSaved,
}: {
  advisoryId: string;
  /** The current revision, as last loaded (it moves on with live updates). */
  current: AdvisoryRevisionContentFragment;
  /** A new revision was saved from here. */
  onSaved: () => void;
}) {
  const [base, setBase] = useState<Base>(() => baseOf(current));
  const [draft, setDraft] = useState<Draft>(base.draft);
  /** The newer revision a save met, or that the user chose to merge with. */
  const [conflictWith, setConflictWith] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveState, save] = useMutation(SaveAdvisoryDocument);

  const dirty = changedFields(base.draft, draft);
  const stale = current.number > base.number;

  // Someone else saved a newer revision and nothing here is unsaved: move on to it quietly.
  if (stale && dirty.length === 0 && conflictWith === null && !saveState.fetching) {
    const next = baseOf(current);
    setBase(next);
    setDraft(next.draft);
  }

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  /** A revision was saved from here (a save, an indicator paste, a merge). */
  const adopt = (revision: AdvisoryRevisionContentFragment, sent: Draft) => {
    const next = baseOf(revision);
    setBase(next);
    setDraft((d) => rebase(sent, next.draft, d));
    setConflictWith(null);
    setSaved(`Saved as revision ${revision.number}.`);
    onSaved();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const sent = draft;
    const changes = changesFrom(base.draft, sent);
    if (Object.keys(changes).length === 0) {
      setSaved('Nothing has changed since revision ' + String(base.number) + '.');
      return;
    }
    const result = await save({ id: advisoryId, expectedRevision: base.number, changes });
    if (result.data) {
      adopt(result.data.saveAdvisory.current, sent);
      return;
    }
    const newer = currentRevisionOf(result.error);
    if (newer !== undefined) setConflictWith(newer);
  };

  if (conflictWith !== null) {
    return (
      <ConflictView
        key={conflictWith}
        advisoryId={advisoryId}
        base={base}
        mine={draft}
        onSaved={(revision, merged) => {
          setDraft(merged);
          adopt(revision, merged);
        }}
        onContinue={(theirs, merged) => {
          setBase(theirs);
          setDraft(merged);
          setConflictWith(null);
        }}
        onNewerAgain={(theirs, merged, newer) => {
          setBase(theirs);
          setDraft(merged);
          setConflictWith(newer);
        }}
      />
    );
  }

  const error = saveState.error;
  const id = (field: string) => `advisory-${field}`;

  return (
    <form className="panel editor" onSubmit={(e) => void submit(e)} aria-labelledby="editor-heading">
      <div className="section-head">
        <h2 id="editor-heading">Edit revision {base.number}</h2>
        <p className="meta">
          {base.author ? `Revision ${String(base.number)} saved by ${nameWithOrganization(base.author)}` : ''}
        </p>
      </div>
      <div className="live-region" role="status" aria-live="polite">
        {stale && dirty.length > 0 && (
          <div className="notice notice-warning">
            <p>
              Revision {current.number} was saved
              {current.author ? ` by ${nameWithOrganization(current.author)}` : ''} while you were
              editing. Your changes are based on revision {base.number}: review what changed and
              merge before saving.
            </p>
            <button type="button" className="button-secondary" onClick={() => setConflictWith(current.number)}>
              Review and merge
            </button>
          </div>
        )}
      </div>

      <div className="field">
        <label htmlFor={id('title')}>Title</label>
        <input
          id={id('title')}
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          {...invalidProps(error, 'title', id('title'))}
        />
        <FieldError error={error} field="title" inputId={id('title')} />
      </div>
      <div className="field">
        <label htmlFor={id('summary')}>Summary</label>
        <textarea
          id={id('summary')}
          rows={3}
          maxLength={2000}
          value={draft.summary}
          onChange={(e) => set('summary', e.target.value)}
          {...invalidProps(error, 'summary', id('summary'))}
        />
        <FieldError error={error} field="summary" inputId={id('summary')} />
      </div>
      <MarkdownField
        id={id('body')}
        field="body"
        label="Body"
        value={draft.body}
        onChange={(v) => set('body', v)}
        error={error}
        maxLength={100_000}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('severity')}>Severity</label>
          <EnumSelect
            id={id('severity')}
            value={draft.severity}
            onChange={(v) => set('severity', v)}
            labels={SEVERITY_LABELS}
          />
          <FieldError error={error} field="severity" inputId={id('severity')} />
        </div>
        <div className="field">
          <label htmlFor={id('tlp')}>TLP</label>
          <TlpSelect id={id('tlp')} value={draft.tlp} onChange={(v) => set('tlp', v)} options={TLP_ORDER} />
          <p className="hint">Only TLP:CLEAR is published to the public; TLP:GREEN to members.</p>
          <FieldError error={error} field="tlp" inputId={id('tlp')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('cvssVector')}>CVSS 3.1 vector</label>
        <input
          id={id('cvssVector')}
          className="mono"
          placeholder="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
          value={draft.cvssVector}
          onChange={(e) => set('cvssVector', e.target.value)}
          aria-describedby={`${id('cvssVector')}-hint`}
          {...invalidProps(error, 'cvssVector', id('cvssVector'))}
        />
        <p className="hint" id={`${id('cvssVector')}-hint`}>
          {typeof current.cvssScore === 'number' && current.number === base.number
            ? `Base score of revision ${String(base.number)}: ${current.cvssScore.toFixed(1)}. `
            : ''}
          The server checks the vector and computes the score when you save; leave it empty for none.
        </p>
        <FieldError error={error} field="cvssVector" inputId={id('cvssVector')} />
      </div>
      <div className="field">
        <label htmlFor={id('cves')}>CVE ids (one per line)</label>
        <textarea
          id={id('cves')}
          className="mono"
          rows={3}
          value={draft.cves}
          onChange={(e) => set('cves', e.target.value)}
          {...invalidProps(error, 'cves', id('cves'))}
        />
        <FieldError error={error} field="cves" inputId={id('cves')} />
      </div>
      <ProductsField
        rows={draft.affectedProducts}
        onChange={(rows) => set('affectedProducts', rows)}
        error={error}
      />
      <div className="field">
        <label htmlFor={id('references')}>References (one URL per line)</label>
        <textarea
          id={id('references')}
          rows={3}
          value={draft.references}
          onChange={(e) => set('references', e.target.value)}
          {...invalidProps(error, 'references', id('references'))}
        />
        <FieldError error={error} field="references" inputId={id('references')} />
      </div>
      <div className="field">
        <label htmlFor={id('credits')}>Credits (one per line)</label>
        <textarea
          id={id('credits')}
          rows={2}
          value={draft.credits}
          onChange={(e) => set('credits', e.target.value)}
          {...invalidProps(error, 'credits', id('credits'))}
        />
        <FieldError error={error} field="credits" inputId={id('credits')} />
      </div>
      <MarkdownField
        id={id('recommendations')}
        field="recommendations"
        label="Recommendations"
        value={draft.recommendations}
        onChange={(v) => set('recommendations', v)}
        error={error}
        rows={6}
        maxLength={20_000}
      />
      <IndicatorsEditor
        advisoryId={advisoryId}
        base={base}
        current={current}
        draft={draft}
        indicatorsDirty={dirty.includes('indicators')}
        onRemove={(index) =>
          set('indicators', draft.indicators?.filter((_, i) => i !== index) ?? null)
        }
        saveError={error}
        onAdded={(revision) => adopt(revision, base.draft)}
        onConflict={setConflictWith}
      />

      <div className="save-bar">
        <p className="meta" role="status">
          {dirty.length > 0
            ? `Unsaved changes: ${dirty.map((f) => FIELD_LABELS[f]).join(', ')}.`
            : (saved ?? `No unsaved changes (revision ${String(base.number)}).`)}
        </p>
        <FormActions state={saveState} submit="Save revision" submitting="Saving…" fields={FIELDS} />
        {dirty.length > 0 && (
          <button type="button" className="button-quiet" onClick={() => setDraft(base.draft)}>
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}

const NO_PRODUCT: ProductRow = { vendor: '', product: '', versions: '' };

function ProductsField({
  rows,
  onChange,
  error,
}: {
  rows: readonly ProductRow[];
  onChange: (rows: ProductRow[]) => void;
  error: unknown;
}) {
  const update = (index: number, patch: Partial<ProductRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field" {...invalidProps(error, 'affectedProducts', 'advisory-affectedProducts')}>
      <legend>Affected products</legend>
      {rows.length === 0 && <p className="hint">No products yet.</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <div key={index} className="product-row" role="group" aria-label={`Product ${String(n)}`}>
            <div className="field">
              <label htmlFor={`product-${String(n)}-vendor`}>Vendor</label>
              <input
                id={`product-${String(n)}-vendor`}
                value={row.vendor}
                maxLength={200}
                onChange={(e) => update(index, { vendor: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`product-${String(n)}-product`}>Product</label>
              <input
                id={`product-${String(n)}-product`}
                value={row.product}
                maxLength={200}
                onChange={(e) => update(index, { product: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`product-${String(n)}-versions`}>Versions</label>
              <input
                id={`product-${String(n)}-versions`}
                value={row.versions}
                maxLength={200}
                placeholder="all"
                onChange={(e) => update(index, { versions: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="button-quiet"
              aria-label={`Remove product ${String(n)}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" className="button-secondary" onClick={() => onChange([...rows, NO_PRODUCT])}>
          Add product
        </button>
      </div>
      <FieldError error={error} field="affectedProducts" inputId="advisory-affectedProducts" />
    </fieldset>
  );
}
