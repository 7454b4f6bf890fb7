/**
 * Where the advisory is in its workflow: the sign-off of each co-authoring organisation for
 * the current revision, and the steps the viewer may take now (submit for review, sign off,
 * publish to an audience that fits the TLP, withdraw).
 */
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { audienceChoices, defaultAudience } from '../../advisories/audience';
import { StatusBadge } from '../../advisories/Badges';
import { AUDIENCE_LABELS } from '../../advisories/labels';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FieldError, invalidProps } from '../../components/Form';
import { FormError } from '../../components/States';
import { Table } from '../../components/Table';
import { tlpLabel } from '../../components/TlpBadge';
import { isFieldError } from '../../errors/messages';
import type { AdvisoryWorkflowFragment, Audience } from '../../gql/graphql';
import { formatDateTime } from '../../lib/paths';
import {
  PublishAdvisoryDocument,
  SignOffDocument,
  SubmitForReviewDocument,
  WithdrawAdvisoryDocument,
} from './documents';

const NEXT_STEP: Record<AdvisoryWorkflowFragment['status'], string> = {
  DRAFT: 'Draft: when the text is ready, submit it for review; every co-authoring organisation then signs off.',
  IN_REVIEW: 'In review: every co-authoring organisation signs off the current revision. Any new revision voids the sign-offs.',
  APPROVED: 'Approved: every organisation signed off this revision. The lead author (or a coordinator) can publish it.',
  PUBLISHED: 'Published.',
  WITHDRAWN: 'Withdrawn.',
};

export function WorkflowPanel({
  advisory,
  onChanged,
}: {
  advisory: AdvisoryWorkflowFragment;
  onChanged: () => void;
}) {
  const [submitState, submit] = useMutation(SubmitForReviewDocument);
  const [signState, signOff] = useMutation(SignOffDocument);
  const signOffs = advisory.signOffs.nodes;
  const editable = advisory.status === 'DRAFT' || advisory.status === 'IN_REVIEW' || advisory.status === 'APPROVED';

  return (
    <section aria-labelledby="workflow-heading" className="panel">
      <h2 id="workflow-heading">Review and publication</h2>
      <p>
        <StatusBadge status={advisory.status} /> {NEXT_STEP[advisory.status]}
      </p>
      {editable && (
        <Table
          caption={`Sign-offs of revision ${String(advisory.revision)}`}
          columns={['Organisation', `Revision ${String(advisory.revision)}`, 'Signed off by']}
        >
          {signOffs.map((s, i) => (
            <tr key={s.organization?.id ?? `hidden-${String(i)}`}>
              <td>{s.organization?.name ?? 'An organisation'}</td>
              <td>
                {s.signed ? (
                  <span className="signed">
                    <span aria-hidden="true">✓ </span>Signed off
                  </span>
                ) : (
                  <span className="waiting">
                    <span aria-hidden="true">… </span>
                    {advisory.status === 'DRAFT' ? 'Not asked yet' : 'Waiting'}
                  </span>
                )}
              </td>
              <td>
                {s.signed && s.signedAt
                  ? `${s.signedBy?.displayName ?? 'Someone'}, ${formatDateTime(s.signedAt)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <FormError error={submitState.error ?? signState.error} />
      <div className="actions">
        {advisory.status === 'DRAFT' && advisory.viewerCanEdit && (
          <button
            type="button"
            className="button-primary"
            disabled={submitState.fetching}
            onClick={() => {
              void submit({ id: advisory.id }).then((r) => {
                if (r.data) onChanged();
              });
            }}
          >
            {submitState.fetching ? 'Submitting…' : 'Submit for review'}
          </button>
        )}
        {advisory.viewerCanSignOff && (
          <button
            type="button"
            className="button-primary"
            disabled={signState.fetching}
            onClick={() => {
              void signOff({ id: advisory.id, revision: advisory.revision }).then((r) => {
                if (r.data) onChanged();
              });
            }}
          >
            {signState.fetching ? 'Signing off…' : `Sign off revision ${String(advisory.revision)}`}
          </button>
        )}
      </div>
      {advisory.viewerCanPublish && <PublishForm advisory={advisory} onPublished={onChanged} />}
      {advisory.viewerCanWithdraw && (
        <details className="withdraw-details">
          <summary>Withdraw this advisory</summary>
          <WithdrawForm advisory={advisory} onWithdrawn={onChanged} />
        </details>
      )}
    </section>
  );
}

function PublishForm({
  advisory,
  onPublished,
}: {
  advisory: Pick<AdvisoryWorkflowFragment, 'id' | 'tlp' | 'revision'>;
  onPublished: () => void;
}) {
  const choices = audienceChoices(advisory.tlp);
  const [audience, setAudience] = useState<Audience | null>(defaultAudience(advisory.tlp));
  const [state, publish] = useMutation(PublishAdvisoryDocument);
  const id = useId();
  return (
    <div className="publish" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Publish</h3>
      <fieldset className="field" {...invalidProps(state.error, 'audience', `${id}-audience`)}>
        <legend>Audience (this advisory is {tlpLabel(advisory.tlp)})</legend>
        {choices.map((c) => (
          <div key={c.audience} className="audience-choice">
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-audience`}
                value={c.audience}
                disabled={!c.fits}
                checked={audience === c.audience}
                onChange={() => setAudience(c.audience)}
                aria-describedby={c.reason ? `${id}-${c.audience}-why` : undefined}
              />
              {AUDIENCE_LABELS[c.audience]}
            </label>
            {c.reason && (
              <p className="hint" id={`${id}-${c.audience}-why`}>
                {c.reason}
              </p>
            )}
          </div>
        ))}
        <FieldError error={state.error} field="audience" inputId={`${id}-audience`} />
      </fieldset>
      {!isFieldError(state.error, ['audience']) && <FormError error={state.error} />}
      {audience && (
        <ConfirmAction
          trigger="Publish…"
          triggerClassName="button-primary"
          group="Confirm publication"
          prompt={`Publish revision ${String(advisory.revision)} to ${AUDIENCE_LABELS[audience].split(' — ')[0] ?? audience}? It gets its reference and cannot be edited afterwards.`}
          confirm="Publish now"
          busy={state.fetching}
          onConfirm={() => {
            void publish({ id: advisory.id, audience }).then((r) => {
              if (r.data) onPublished();
            });
          }}
        />
      )}
    </div>
  );
}

export function WithdrawForm({
  advisory,
  onWithdrawn,
}: {
  advisory: Pick<AdvisoryWorkflowFragment, 'id' | 'status'>;
  onWithdrawn: () => void;
}) {
  const [reason, setReason] = useState('');
  const [state, withdraw] = useMutation(WithdrawAdvisoryDocument);
  const id = useId();
  return (
    <div className="withdraw" role="group" aria-label="Withdraw">
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for withdrawing</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...invalidProps(state.error, 'reason', `${id}-reason`)}
        />
        <p className="hint">
          {advisory.status === 'PUBLISHED'
            ? 'A withdrawn advisory stays readable by its audience, marked withdrawn.'
            : 'A withdrawn advisory is no longer edited or published.'}
        </p>
        <FieldError error={state.error} field="reason" inputId={`${id}-reason`} />
      </div>
      {!isFieldError(state.error, ['reason']) && <FormError error={state.error} />}
      <ConfirmAction
        trigger="Withdraw…"
        group="Confirm withdrawal"
        prompt="Withdraw this advisory?"
        confirm="Withdraw the advisory"
        busy={state.fetching}
        onConfirm={() => {
          void withdraw({ id: advisory.id, reason }).then((r) => {
            if (r.data) onWithdrawn();
          });
        }}
      />
    </div>
  );
}
