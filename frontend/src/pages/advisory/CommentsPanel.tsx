/** Review comments: each on one field of one revision; added by contributors, resolved by
 * the authors or the comment's author. */
import { type SubmitEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FIELD_LABELS, FIELDS, fieldLabel, type Field } from '../../advisories/fields';
import { EnumSelect, FieldError, FormActions, invalidProps } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { FormError } from '../../components/States';
import type { ReviewCommentItemFragment } from '../../gql/graphql';
import { nameWithOrganization } from '../../lib/labels';
import { formatDateTime } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { useRefetchOn } from '../../lib/useRefetchOn';
import { AddReviewCommentDocument, AdvisoryCommentsDocument, ResolveReviewCommentDocument } from './documents';

export function CommentsPanel({
  advisoryId,
  revision,
  canComment,
  tick,
}: {
  advisoryId: string;
  /** The current revision. */
  revision: number;
  canComment: boolean;
  /** Goes up with every live update of the advisory. */
  tick: number;
}) {
  const [includeResolved, setIncludeResolved] = useState(false);
  const paged = usePagedQuery({
    query: AdvisoryCommentsDocument,
    variables: { id: advisoryId, includeResolved },
    connection: (data) => data.advisory.comments,
  });
  useRefetchOn(tick, paged.reload);
  const changed = paged.reload;

  return (
    <section aria-labelledby="comments-heading" className="panel">
      <h2 id="comments-heading">Review comments</h2>
      <label className="checkbox">
        <input type="checkbox" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)} />
        Show resolved comments
      </label>
      <PagedStates
        paged={paged}
        loading="Loading comments…"
        empty={includeResolved ? 'No comments yet.' : 'No open comments.'}
        more="Show more comments"
      >
        <ul className="comment-list">
          {paged.nodes.map((c) => (
            <CommentItem key={c.id} comment={c} current={revision} onChanged={changed} />
          ))}
        </ul>
      </PagedStates>
      {canComment && <CommentForm advisoryId={advisoryId} revision={revision} onAdded={changed} />}
    </section>
  );
}

function CommentItem({
  comment,
  current,
  onChanged,
}: {
  comment: ReviewCommentItemFragment;
  current: number;
  onChanged: () => void;
}) {
  const [state, resolve] = useMutation(ResolveReviewCommentDocument);
  const author = comment.author ? nameWithOrganization(comment.author) : 'Someone';
  return (
    <li className={comment.resolved ? 'comment resolved' : 'comment'}>
      <p className="meta">
        <span className="tag">{fieldLabel(comment.field)}</span>
        <span>
          Revision {comment.revision}
          {comment.revision < current ? ' (older)' : ''}
        </span>
        <span>
          {author}, <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        </span>
        {comment.resolved && (
          <span className="tag">Resolved{comment.resolvedBy ? ` by ${comment.resolvedBy.displayName}` : ''}</span>
        )}
      </p>
      <p className="comment-body">{comment.body}</p>
      <FormError error={state.error} />
      <button
        type="button"
        className="button-quiet"
        disabled={state.fetching}
        aria-label={`${comment.resolved ? 'Reopen' : 'Resolve'} the comment by ${author} on ${fieldLabel(comment.field)}`}
        onClick={() => {
          void resolve({ id: comment.id, resolved: !comment.resolved }).then((r) => {
            if (r.data) onChanged();
          });
        }}
      >
        {comment.resolved ? 'Reopen' : 'Resolve'}
      </button>
    </li>
  );
}

const FIELD_CHOICES = Object.fromEntries(FIELDS.map((f) => [f, FIELD_LABELS[f]])) as Record<Field, string>;

function CommentForm({
  advisoryId,
  revision,
  onAdded,
}: {
  advisoryId: string;
  revision: number;
  onAdded: () => void;
}) {
  const [field, setField] = useState<Field>('body');
  const [onRevision, setOnRevision] = useState<number | null>(null);
  const [body, setBody] = useState('');
  const [state, add] = useMutation(AddReviewCommentDocument);
  const target = onRevision ?? revision;
  const revisions = Array.from({ length: revision }, (_, i) => revision - i);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await add({ advisoryId, revision: target, field, body });
    if (result.data) {
      setBody('');
      onAdded();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="comment-form-heading" className="comment-form">
      <h3 id="comment-form-heading">Add a comment</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="comment-field">Field</label>
          <EnumSelect id="comment-field" value={field} onChange={setField} labels={FIELD_CHOICES} />
          <FieldError error={state.error} field="field" inputId="comment-field" />
        </div>
        <div className="field">
          <label htmlFor="comment-revision">Revision</label>
          <select
            id="comment-revision"
            value={target}
            onChange={(e) => setOnRevision(Number(e.target.value))}
            {...invalidProps(state.error, 'revision', 'comment-revision')}
          >
            {revisions.map((n) => (
              <option key={n} value={n}>
                Revision {n}
                {n === revision ? ' (current)' : ''}
              </option>
            ))}
          </select>
          <FieldError error={state.error} field="revision" inputId="comment-revision" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="comment-body">Comment</label>
        <textarea
          id="comment-body"
          rows={3}
          maxLength={5000}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...invalidProps(state.error, 'body', 'comment-body')}
        />
        <FieldError error={state.error} field="body" inputId="comment-body" />
      </div>
      <FormActions state={state} submit="Add comment" submitting="Adding…" fields={['field', 'revision', 'body']} />
    </form>
  );
}
