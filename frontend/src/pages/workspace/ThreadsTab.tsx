import { type SubmitEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorNotice, FormError, Loading } from '../../components/States';
import { TLP_MEANING, TlpBadge, tlpLabel, tlpsFrom } from '../../components/TlpBadge';
import { graphql } from '../../gql';
import type { ThreadListItemFragment, Tlp, WorkspaceHeaderFragment } from '../../gql/graphql';
import { mergeThreads } from '../../live/threads';
import { useLiveEvents, useOnResync } from '../../live/useLiveEvents';
import { roleAtLeast } from '../../lib/labels';
import { formatDateTime, paths } from '../../lib/paths';
import { useLoadMore } from '../../lib/useLoadMore';
import { useViewer } from '../../session/useSession';

graphql(`
  fragment ThreadListItem on Thread {
    id
    title
    tlp
    pinned
    locked
    lastActivityAt
    author {
      id
      displayName
      organization {
        id
        name
      }
    }
  }
`);

const WorkspaceThreadsDocument = graphql(`
  query WorkspaceThreads($id: ID!) {
    workspace(id: $id) {
      id
      threads(first: 50) {
        nodes {
          ...ThreadListItem
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const MoreWorkspaceThreadsDocument = graphql(`
  query MoreWorkspaceThreads($id: ID!, $after: String!) {
    workspace(id: $id) {
      id
      threads(first: 50, after: $after) {
        nodes {
          ...ThreadListItem
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const WorkspaceThreadActivityDocument = graphql(`
  subscription WorkspaceThreadActivity($workspaceId: ID!, $after: String) {
    threadActivity(workspaceId: $workspaceId, after: $after) {
      cursor
      kind
      thread {
        ...ThreadListItem
      }
    }
  }
`);

const CreateThreadDocument = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      id
    }
  }
`);

const RecipientCandidatesDocument = graphql(`
  query RecipientCandidates($id: ID!) {
    workspace(id: $id) {
      id
      members(first: 100) {
        nodes {
          role
          user {
            id
            displayName
            organization {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export function ThreadsTab({ workspace }: { workspace: WorkspaceHeaderFragment }) {
  const client = useClient();
  const [result, refetch] = useQuery({
    query: WorkspaceThreadsDocument,
    variables: { id: workspace.id },
  });
  const [live, setLive] = useState<readonly ThreadListItemFragment[]>([]);
  const [composing, setComposing] = useState(false);

  // Events lost for good: reload, and forget what came live before.
  useOnResync(() => {
    setLive([]);
    refetch({ requestPolicy: 'network-only' });
  });

  const variables = useMemo(() => ({ workspaceId: workspace.id }), [workspace.id]);
  const liveError = useLiveEvents(WorkspaceThreadActivityDocument, variables, (data) => {
    const thread = data.threadActivity.thread;
    setLive((l) => [...l.filter((t) => t.id !== thread.id), thread]);
  });

  const list = useLoadMore(result.data?.workspace.threads, async (after) => {
    const r = await client
      .query(MoreWorkspaceThreadsDocument, { id: workspace.id, after })
      .toPromise();
    return { connection: r.data?.workspace.threads, error: r.error };
  });
  const threads = useMemo(() => mergeThreads(list.nodes, live), [list.nodes, live]);

  const canStart = roleAtLeast(workspace.viewerRole, 'CONTRIBUTOR') && !workspace.archived;

  return (
    <section aria-labelledby="threads-heading" className="section">
      <div className="section-head">
        <h2 id="threads-heading">Threads</h2>
        {canStart && !composing && (
          <button type="button" className="button-primary" onClick={() => setComposing(true)}>
            New thread
          </button>
        )}
      </div>
      {composing && <NewThreadForm workspace={workspace} onCancel={() => setComposing(false)} />}
      {liveError && <ErrorNotice error={liveError} />}
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading label="Loading threads…" />
      ) : threads.length === 0 ? (
        <Empty>
          No threads yet.{canStart ? ' Start the first one.' : ''}
        </Empty>
      ) : (
        <ul className="thread-list" aria-live="polite" aria-relevant="additions">
          {threads.map((t) => (
            <li key={t.id} className="thread-row">
              <div className="card-title-row">
                <h3>
                  <Link to={paths.thread(t.id)}>{t.title}</Link>
                </h3>
                <TlpBadge tlp={t.tlp} />
              </div>
              <p className="meta">
                {t.pinned && <span className="tag">Pinned</span>}
                {t.locked && <span className="tag">Locked</span>}
                {t.author ? `Started by ${t.author.displayName} (${t.author.organization.name})` : 'Started'}
                {' · '}
                Last activity <time dateTime={t.lastActivityAt}>{formatDateTime(t.lastActivityAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.loadMoreError}
        onLoadMore={list.loadMore}
        label="Show more threads"
      />
    </section>
  );
}

function NewThreadForm({
  workspace,
  onCancel,
}: {
  workspace: WorkspaceHeaderFragment;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const viewer = useViewer();
  const [title, setTitle] = useState('');
  const [tlp, setTlp] = useState<Tlp>(workspace.defaultTlp);
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [state, create] = useMutation(CreateThreadDocument);
  const [members] = useQuery({
    query: RecipientCandidatesDocument,
    variables: { id: workspace.id },
    pause: tlp !== 'RED',
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: {
        workspaceId: workspace.id,
        title: title.trim(),
        tlp,
        body: body.trim() || null,
        recipientIds: tlp === 'RED' ? recipients : null,
      },
    });
    if (result.data) void navigate(paths.thread(result.data.createThread.id));
  };

  const candidates =
    members.data?.workspace.members.nodes.filter(
      (m) => m.user && m.user.id !== viewer.id,
    ) ?? [];

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-thread">
      <h3 id="new-thread">New thread</h3>
      <div className="field">
        <label htmlFor="thread-title">Title</label>
        <input
          id="thread-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="thread-tlp">TLP</label>
        <select id="thread-tlp" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
          {tlpsFrom(workspace.defaultTlp).map((t) => (
            <option key={t} value={t}>
              {tlpLabel(t)} — {TLP_MEANING[t]}
            </option>
          ))}
        </select>
        <p className="hint">Never less strict than the workspace ({tlpLabel(workspace.defaultTlp)}).</p>
      </div>
      {tlp === 'RED' && (
        <fieldset className="field">
          <legend>Recipients (you are always one)</legend>
          {members.fetching ? (
            <Loading label="Loading members…" />
          ) : members.error ? (
            <ErrorNotice error={members.error} />
          ) : candidates.length === 0 ? (
            <Empty>No other members to name.</Empty>
          ) : (
            <div className="checkbox-grid">
              {candidates.map((m) =>
                m.user ? (
                  <label key={m.user.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={recipients.includes(m.user.id)}
                      onChange={(e) => {
                        const id = m.user?.id;
                        if (!id) return;
                        setRecipients((rs) =>
                          e.target.checked ? [...rs, id] : rs.filter((r) => r !== id),
                        );
                      }}
                    />
                    {m.user.displayName} ({m.user.organization.name})
                  </label>
                ) : null,
              )}
            </div>
          )}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="thread-body">First post (Markdown, optional)</label>
        <textarea
          id="thread-body"
          rows={5}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <FormError error={state.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={state.fetching}>
          {state.fetching ? 'Starting…' : 'Start thread'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
