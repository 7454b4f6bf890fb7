import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation } from 'urql';
import { LoadMore } from '../components/LoadMore';
import { MenuButton, type MenuItem } from '../components/MenuButton';
import { Empty, ErrorNotice, FormError, LoadFailedPage, Loading } from '../components/States';
import { TlpBadge } from '../components/TlpBadge';
import type { PostItemFragment, ThreadPageActivitySubscription } from '../gql/graphql';
import { mergePosts } from '../live/posts';
import { useLiveEvents, useOnResync } from '../live/useLiveEvents';
import { nameWithOrganization, roleAtLeast } from '../lib/labels';
import { formatDateTime, paths, postAnchor } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { usePagedQuery } from '../lib/useLoadMore';
import { useViewer } from '../session/useSession';
import { Composer } from './thread/Composer';
import {
  LockThreadDocument,
  PinThreadDocument,
  ThreadPageActivityDocument,
  ThreadPageDocument,
  ThreadPostAddedDocument,
} from './thread/documents';
import { PostView } from './thread/PostView';

type ThreadPatch = Partial<ThreadPageActivitySubscription['threadActivity']['thread']>;

export default function ThreadPage() {
  const { threadId = '' } = useParams();
  // A thread of its own: nothing of the last thread's live state carries over.
  return <ThreadView key={threadId} threadId={threadId} />;
}

function ThreadView({ threadId }: { threadId: string }) {
  const viewer = useViewer();
  const location = useLocation();
  const paged = usePagedQuery({
    query: ThreadPageDocument,
    variables: { id: threadId },
    connection: (data) => data.thread.posts,
  });
  const loaded = paged.result.data?.thread;
  const [patch, setPatch] = useState<ThreadPatch>({});
  const thread = loaded ? { ...loaded, ...patch } : undefined;
  useDocumentTitle(thread?.title);

  /** Posts that came live or from the reader's own mutations, merged over the loaded pages. */
  const [overlay, setOverlay] = useState<readonly PostItemFragment[]>([]);
  /** Posts that arrived while the reader was not at the bottom. */
  const [unseen, setUnseen] = useState<readonly string[]>([]);
  const [replyTo, setReplyTo] = useState<PostItemFragment | null>(null);

  const sentinelRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const atBottom = useRef(true);
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  /** Where the end of the list was before posts were appended while the reader followed. */
  const followFrom = useRef<number | null>(null);
  const scrollTo = useRef<string | null>(null);

  const posts = useMemo(() => mergePosts(paged.nodes, overlay).posts, [paged.nodes, overlay]);

  const upsert = (post: PostItemFragment) => setOverlay((o) => mergePosts(o, [post]).posts);

  const sentinelTop = () => sentinelRef.current?.getBoundingClientRect().top ?? null;

  const onLivePost = (post: PostItemFragment) => {
    if (!shownIds.current.has(post.id)) {
      if (atBottom.current) {
        followFrom.current ??= sentinelTop();
      } else if (post.author?.id !== viewer.id) {
        setUnseen((u) => (u.includes(post.id) ? u : [...u, post.id]));
      }
    }
    upsert(post);
  };

  const postVariables = useMemo(() => ({ threadId }), [threadId]);
  const postsError = useLiveEvents(ThreadPostAddedDocument, postVariables, (data) =>
    onLivePost(data.postAdded.post),
  );

  const workspaceId = loaded?.workspace.id;
  const activityVariables = useMemo(() => ({ workspaceId: workspaceId ?? '' }), [workspaceId]);
  useLiveEvents(
    ThreadPageActivityDocument,
    activityVariables,
    (data) => {
      const event = data.threadActivity;
      if (event.thread.id !== threadId) return;
      setPatch((p) => ({ ...p, ...event.thread }));
      // New posts come through postAdded; edits and removals through here.
      if (event.post && event.kind !== 'POST_ADDED') upsert(event.post);
    },
    workspaceId === undefined,
  );

  useOnResync(() => {
    setOverlay([]);
    setPatch({});
    paged.reload();
  });

  // After the list changed: keep a following reader at the end, or show the reader's own post.
  useLayoutEffect(() => {
    shownIds.current = new Set(posts.map((p) => p.id));
    if (followFrom.current !== null) {
      const top = sentinelTop();
      if (top !== null) window.scrollBy(0, top - followFrom.current);
      followFrom.current = null;
    }
    if (scrollTo.current !== null) {
      document.getElementById(postAnchor(scrollTo.current))?.scrollIntoView({ block: 'nearest' });
      scrollTo.current = null;
    }
  }, [posts]);

  const hasPosts = loaded !== undefined;
  // Whether the end of the list is on screen.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!hasPosts || !sentinel || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        atBottom.current = visible;
        if (visible) setUnseen([]);
      },
      { rootMargin: '0px 0px 120px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasPosts]);

  // A link to one post (#post-…): bring it into view once the posts are there.
  useEffect(() => {
    if (!hasPosts || !location.hash) return;
    const target = document.getElementById(location.hash.slice(1));
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [hasPosts, location.hash]);

  const [pinState, pin] = useMutation(PinThreadDocument);
  const [lockState, lock] = useMutation(LockThreadDocument);

  if (paged.result.error && !loaded) {
    return <LoadFailedPage title="Thread" error={paged.result.error} retry={paged.reload} />;
  }
  if (!thread) return <Loading label="Loading thread…" />;

  const workspace = thread.workspace;
  const canReact = roleAtLeast(workspace.viewerRole, 'CONTRIBUTOR') && !workspace.archived;
  const permissions = {
    canReply: thread.viewerCanPost,
    canReact,
    canModerate: thread.viewerCanModerate,
  };

  const moderation: MenuItem[] = thread.viewerCanModerate
    ? [
        {
          label: thread.pinned ? 'Unpin thread' : 'Pin thread',
          onSelect: () => {
            void pin({ id: thread.id, pinned: !thread.pinned }).then((r) => {
              if (r.data) setPatch((p) => ({ ...p, pinned: r.data?.pinThread.pinned }));
            });
          },
        },
        {
          label: thread.locked ? 'Unlock thread' : 'Lock thread',
          onSelect: () => {
            void lock({ id: thread.id, locked: !thread.locked }).then((r) => {
              const locked = r.data?.lockThread;
              if (locked) {
                setPatch((p) => ({ ...p, locked: locked.locked, viewerCanPost: locked.viewerCanPost }));
              }
            });
          },
        },
      ]
    : [];

  const showUnseen = () => {
    const first = unseen[0];
    setUnseen([]);
    if (first === undefined) return;
    const target = document.getElementById(postAnchor(first));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };

  return (
    <div className="page thread-page">
      <p className="breadcrumb">
        <Link to={paths.workspaces()}>Workspaces</Link>
        {' / '}
        <Link to={paths.workspace(workspace.id)}>{workspace.name}</Link>
      </p>
      <div className="page-head">
        <h1>
          {thread.title} <TlpBadge tlp={thread.tlp} />
        </h1>
        {moderation.length > 0 && (
          <MenuButton label="Moderate thread" className="button-secondary" items={moderation}>
            Moderate
          </MenuButton>
        )}
      </div>
      <p className="meta">
        {thread.pinned && <span className="tag">Pinned</span>}
        {thread.locked && <span className="tag">Locked</span>}
        {thread.author
          ? `Started by ${nameWithOrganization(thread.author)} on `
          : 'Started on '}
        <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt)}</time>
      </p>
      {thread.tlp === 'RED' && (
        <p className="meta">
          Recipients:{' '}
          {thread.recipients.nodes.length > 0
            ? thread.recipients.nodes.map(nameWithOrganization).join(', ')
            : 'none besides the author'}
        </p>
      )}
      <FormError error={pinState.error ?? lockState.error} />
      {postsError && <ErrorNotice error={postsError} />}

      <section aria-labelledby="posts-heading" className="posts">
        <h2 id="posts-heading" className="visually-hidden">
          Posts
        </h2>
        {posts.length === 0 ? (
          <Empty>No posts yet.{thread.viewerCanPost ? ' Write the first one below.' : ''}</Empty>
        ) : (
          <ol className="post-list">
            {posts.map((post) => (
              <li key={post.id}>
                <PostView
                  post={post}
                  permissions={permissions}
                  onUpdated={upsert}
                  onReply={(p) => {
                    setReplyTo(p);
                    composerRef.current?.focus();
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        <LoadMore list={paged} label="Show more posts" />
        <div ref={sentinelRef} className="list-end" aria-hidden="true" />
      </section>

      <div className="new-posts-region" aria-live="polite">
        {unseen.length > 0 && (
          <button type="button" className="new-posts" onClick={showUnseen}>
            {unseen.length === 1 ? '1 new post' : `${String(unseen.length)} new posts`}
          </button>
        )}
      </div>

      {thread.viewerCanPost ? (
        <Composer
          threadId={thread.id}
          replyTo={replyTo}
          textareaRef={composerRef}
          onCancelReply={() => setReplyTo(null)}
          onPosted={(post) => {
            setReplyTo(null);
            if (shownIds.current.has(post.id)) {
              // Already here (the live event was quicker): show it now.
              document.getElementById(postAnchor(post.id))?.scrollIntoView({ block: 'nearest' });
            } else {
              scrollTo.current = post.id;
            }
            upsert(post);
          }}
        />
      ) : (
        <p className="notice">
          {workspace.archived
            ? 'This workspace is archived: it is read only.'
            : thread.locked
              ? 'This thread is locked: it takes no new posts.'
              : workspace.viewerRole === 'OBSERVER'
                ? 'You are an observer in this workspace: you can read, but not post.'
                : 'You cannot post in this thread.'}
        </p>
      )}
    </div>
  );
}
