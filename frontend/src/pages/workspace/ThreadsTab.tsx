import { type SubmitEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardTitle } from '../../components/CardTitle';
import { CheckboxGroup, FormActions, TlpSelect } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { ErrorNotice, QueryStates } from '../../components/States';
import { tlpLabel, tlpsFrom } from '../../components/TlpBadge';
import { graphql } from '../../gql';
import type { ThreadListItemFragment, Tlp, WorkspaceSummaryFragment } from '../../gql/graphql';
import { mergeThreads } from '../../live/threads';
import { useLiveEvents, useOnResync } from '../../live/useLiveEvents';
import { nameWithOrganization, roleAtLeast } from '../../lib/labels';
import { formatDateTime, paths } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
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
      ...PersonWithOrganization
    }
  }
`);

const WorkspaceThreadsDocument = graphql(`
  query WorkspaceThreads($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      threads(first: 50, after: $after) {
        nodes {
          ...ThreadListItem
        }
        pageInfo {
          ...PageCursor
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
            ...PersonWithOrganization
          }
        }
      }
    }
  }
`);

export function ThreadsTab({ workspace }: { workspace: WorkspaceSummaryFragment }) {
  const paged = usePagedQuery({
    query: WorkspaceThreadsDocument,
    variables: { id: workspace.id },
    connection: (data) => data.workspace.threads,
  });
  const [live, setLive] = useState<readonly ThreadListItemFragment[]>([]);
  const [composing, setComposing] = useState(false);

  // Events lost for good: reload, and forget what came live before.
  useOnResync(() => {
    setLive([]);
    paged.reload();
  });

  const variables = useMemo(() => ({ workspaceId: workspace.id }), [workspace.id]);
  const liveError = useLiveEvents(WorkspaceThreadActivityDocument, variables, (data) => {
    const thread = data.threadActivity.thread;
    setLive((l) => [...l.filter((t) => t.id !== thread.id), thread]);
  });

  const threads = useMemo(() => mergeThreads(paged.nodes, live), [paged.nodes, live]);

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
      <PagedStates
        paged={paged}
        loading="Loading threads…"
        isEmpty={threads.length === 0}
        empty={`No threads yet.${canStart ? ' Start the first one.' : ''}`}
        more="Show more threads"
      >
        <ul className="thread-list" aria-live="polite" aria-relevant="additions">
          {threads.map((t) => (
            <li key={t.id} className="thread-row">
              <CardTitle to={paths.thread(t.id)} title={t.title} tlp={t.tlp} />
              <p className="meta">
                {t.pinned && <span className="tag">Pinned</span>}
                {t.locked && <span className="tag">Locked</span>}
                {t.author ? `Started by ${nameWithOrganization(t.author)}` : 'Started'}
                {' · '}
                Last activity <time dateTime={t.lastActivityAt}>{formatDateTime(t.lastActivityAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      </PagedStates>
    </section>
  );
}

function NewThreadForm({
  workspace,
  onCancel,
}: {
  workspace: WorkspaceSummaryFragment;
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
    members.data?.workspace.members.nodes.flatMap(({ user }) =>
      user && user.id !== viewer.id ? [{ value: user.id, label: nameWithOrganization(user) }] : [],
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
        <TlpSelect id="thread-tlp" value={tlp} onChange={setTlp} options={tlpsFrom(workspace.defaultTlp)} />
        <p className="hint">Never less strict than the workspace ({tlpLabel(workspace.defaultTlp)}).</p>
      </div>
      {tlp === 'RED' && (
        <fieldset className="field">
          <legend>Recipients (you are always one)</legend>
          <QueryStates
            result={members}
            loading="Loading members…"
            isEmpty={candidates.length === 0}
            empty="No other members to name."
          >
            <CheckboxGroup options={candidates} selected={recipients} onChange={setRecipients} />
          </QueryStates>
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
      <FormActions state={state} submit="Start thread" submitting="Starting…" onCancel={onCancel} />
    </form>
  );
}
