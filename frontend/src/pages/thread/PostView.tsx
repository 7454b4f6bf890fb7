import { type SubmitEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { FormActions } from '../../components/Form';
import { MenuButton, type MenuItem } from '../../components/MenuButton';
import { FormError } from '../../components/States';
import type { PostItemFragment, Reaction } from '../../gql/graphql';
import { formatDateTime, postAnchor } from '../../lib/paths';
import { EditPostDocument, ReactDocument, RemovePostDocument, UnreactDocument } from './documents';

export const REACTIONS: readonly { reaction: Reaction; emoji: string; label: string }[] = [
  { reaction: 'THUMBS_UP', emoji: '👍', label: 'Thumbs up' },
  { reaction: 'THUMBS_DOWN', emoji: '👎', label: 'Thumbs down' },
  { reaction: 'HEART', emoji: '❤️', label: 'Heart' },
  { reaction: 'EYES', emoji: '👀', label: 'Eyes' },
  { reaction: 'CHECK', emoji: '✅', label: 'Check' },
  { reaction: 'QUESTION', emoji: '❓', label: 'Question' },
];

export interface PostPermissions {
  readonly canReply: boolean;
  readonly canReact: boolean;
  readonly canModerate: boolean;
}

/** One post: its sanitised HTML (rendered as the server made it), reactions and actions. */
export function PostView({
  post,
  permissions,
  onReply,
  onUpdated,
}: {
  post: PostItemFragment;
  permissions: PostPermissions;
  onReply: (post: PostItemFragment) => void;
  /** A mutation returned a newer copy of the post. */
  onUpdated: (post: PostItemFragment) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [reactState, react] = useMutation(ReactDocument);
  const [unreactState, unreact] = useMutation(UnreactDocument);
  const headingId = useId();
  const authorName = post.author?.displayName ?? 'Unknown author';

  const toggleReaction = (reaction: Reaction, reacted: boolean) => {
    const run = reacted ? unreact({ postId: post.id, reaction }) : react({ postId: post.id, reaction });
    void run.then((r) => {
      const updated = r.data && ('react' in r.data ? r.data.react : r.data.unreact);
      if (updated) onUpdated(updated);
    });
  };

  const items: MenuItem[] = [];
  if (!post.removed) {
    if (permissions.canReply) items.push({ label: 'Reply', onSelect: () => onReply(post) });
    if (post.viewerCanEdit) items.push({ label: 'Edit', onSelect: () => setMode('edit') });
    if (permissions.canModerate) {
      items.push({ label: 'Remove…', onSelect: () => setMode('remove'), danger: true });
    }
  }

  /** An edit or removal went through: show the post as it is now. */
  const saved = (updated: PostItemFragment) => {
    onUpdated(updated);
    setMode('view');
  };

  const shown = post.reactions.filter((r) => r.count > 0);
  const unused = REACTIONS.filter((r) => !shown.some((s) => s.reaction === r.reaction));

  return (
    <article
      id={postAnchor(post.id)}
      className={post.removed ? 'post removed' : 'post'}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <header className="post-head">
        <h3 id={headingId} className="post-author">
          {authorName}
          {post.author && <span className="post-org"> · {post.author.organization.name}</span>}
        </h3>
        <p className="post-meta">
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          {post.editedAt && !post.removed && (
            <span title={formatDateTime(post.editedAt)}> · edited</span>
          )}
        </p>
        {items.length > 0 && (
          <MenuButton label={`Actions for the post by ${authorName}`} items={items}>
            <span aria-hidden="true">⋯</span>
          </MenuButton>
        )}
      </header>
      {post.replyTo && (
        <p className="post-reply-to">
          <a href={`#${postAnchor(post.replyTo.id)}`}>
            In reply to {post.replyTo.author?.displayName ?? 'a post'}
          </a>
        </p>
      )}

      {post.removed ? (
        <p className="tombstone">
          This post was removed
          {post.removedBy ? ` by ${post.removedBy.displayName}` : ' by a moderator'}
          {post.removedAt ? ` on ${formatDateTime(post.removedAt)}` : ''}.
        </p>
      ) : mode === 'edit' ? (
        <EditForm post={post} onSaved={saved} onCancel={() => setMode('view')} />
      ) : (
        <div
          className="post-body"
          // bodyHtml is the server's sanitised rendering of the Markdown: the one place HTML
          // from the API is rendered as HTML.
          dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }}
        />
      )}

      {mode === 'remove' && !post.removed && (
        <RemoveForm post={post} onSaved={saved} onCancel={() => setMode('view')} />
      )}

      {!post.removed && (shown.length > 0 || permissions.canReact) && (
        <div className="reactions" role="group" aria-label="Reactions">
          {shown.map((r) => {
            const meta = REACTIONS.find((m) => m.reaction === r.reaction);
            return (
              <button
                key={r.reaction}
                type="button"
                className="reaction"
                aria-pressed={r.viewerReacted}
                aria-label={`${meta?.label ?? r.reaction}: ${String(r.count)}`}
                disabled={!permissions.canReact || reactState.fetching || unreactState.fetching}
                onClick={() => toggleReaction(r.reaction, r.viewerReacted)}
              >
                <span aria-hidden="true">{meta?.emoji}</span> {r.count}
              </button>
            );
          })}
          {permissions.canReact && unused.length > 0 && (
            <MenuButton
              label={`Add a reaction to the post by ${authorName}`}
              className="reaction add-reaction"
              items={unused.map((r) => ({
                label: `${r.emoji} ${r.label}`,
                onSelect: () => toggleReaction(r.reaction, false),
              }))}
            >
              <span aria-hidden="true">+☺</span>
            </MenuButton>
          )}
        </div>
      )}
      <FormError error={reactState.error ?? unreactState.error} />
    </article>
  );
}

/** The forms that change a post in place: `onSaved` gets the post as it is afterwards. */
interface PostFormProps {
  post: PostItemFragment;
  onSaved: (post: PostItemFragment) => void;
  onCancel: () => void;
}

function EditForm({ post, onSaved, onCancel }: PostFormProps) {
  const [body, setBody] = useState(post.body ?? '');
  const [state, edit] = useMutation(EditPostDocument);
  const id = useId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await edit({ id: post.id, body });
    if (result.data) onSaved(result.data.editPost);
  };

  return (
    <form className="post-edit" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Edit post (Markdown)</label>
      <textarea
        id={id}
        rows={5}
        required
        maxLength={20000}
        value={body}
        // Opening the editor is a deliberate step: focus goes to it.
        autoFocus
        onChange={(e) => setBody(e.target.value)}
      />
      <FormActions state={state} submit="Save" submitting="Saving…" onCancel={onCancel} />
    </form>
  );
}

function RemoveForm({ post, onSaved, onCancel }: PostFormProps) {
  const [reason, setReason] = useState('');
  const [state, remove] = useMutation(RemovePostDocument);
  const id = useId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await remove({ id: post.id, reason: reason.trim() || null });
    if (result.data) onSaved(result.data.removePost);
  };

  return (
    <form className="post-remove" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Reason for removing (optional)</label>
      <input id={id} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
      <FormActions state={state} submit="Remove post" submitting="Removing…" onCancel={onCancel} danger />
    </form>
  );
}
