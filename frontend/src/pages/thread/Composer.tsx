import { type SubmitEvent, type RefObject, useState } from 'react';
import { useMutation } from 'urql';
import { FormError } from '../../components/States';
import type { PostItemFragment } from '../../gql/graphql';
import { postAnchor } from '../../lib/paths';
import { CreatePostDocument } from './documents';

/** Writes a post (or a reply) to the thread. */
export function Composer({
  threadId,
  replyTo,
  onCancelReply,
  onPosted,
  textareaRef,
}: {
  threadId: string;
  replyTo: PostItemFragment | null;
  onCancelReply: () => void;
  onPosted: (post: PostItemFragment) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const [body, setBody] = useState('');
  const [state, create] = useMutation(CreatePostDocument);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    const result = await create({
      input: { threadId, body, replyTo: replyTo?.id ?? null },
    });
    if (result.data) {
      setBody('');
      onPosted(result.data.createPost);
    }
  };

  return (
    <form className="composer" onSubmit={(e) => void submit(e)} aria-labelledby="composer-heading">
      <h2 id="composer-heading" className="visually-hidden">
        Write a post
      </h2>
      {replyTo && (
        <p className="composer-reply">
          Replying to{' '}
          <a href={`#${postAnchor(replyTo.id)}`}>{replyTo.author?.displayName ?? 'a post'}</a>{' '}
          <button type="button" className="button-quiet" onClick={onCancelReply}>
            Cancel reply
          </button>
        </p>
      )}
      <label htmlFor="composer-body">{replyTo ? 'Your reply (Markdown)' : 'Your post (Markdown)'}</label>
      <textarea
        id="composer-body"
        ref={textareaRef}
        rows={4}
        maxLength={20000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <p className="hint">Mention someone with @name@domain. Ctrl+Enter posts.</p>
      <FormError error={state.error} />
      <button type="submit" className="button-primary" disabled={state.fetching || body.trim() === ''}>
        {state.fetching ? 'Posting…' : replyTo ? 'Post reply' : 'Post'}
      </button>
    </form>
  );
}
