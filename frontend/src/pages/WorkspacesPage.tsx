import { type SubmitEvent, useEffect, useId, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Empty, ErrorNotice, FormError, Loading } from '../components/States';
import { LoadMore } from '../components/LoadMore';
import { TLP_MEANING, TlpBadge, tlpLabel } from '../components/TlpBadge';
import { graphql } from '../gql';
import type { OrganizationKind, Tlp, WorkspacesPageQuery } from '../gql/graphql';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  WORKSPACE_ROLE_LABELS,
} from '../lib/labels';
import { formatDate, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useLoadMore } from '../lib/useLoadMore';
import { useViewer } from '../session/useSession';

graphql(`
  fragment WorkspaceListItem on Workspace {
    id
    name
    description
    defaultTlp
    archived
    viewerRole
    restrictedToKinds
  }
`);

graphql(`
  fragment InvitationForViewer on Invitation {
    id
    role
    status
    expiresAt
    expired
    workspaceId
    workspaceName
    workspaceDescription
    invitedOrganization {
      id
      name
    }
    invitedBy {
      id
      displayName
      organization {
        id
        name
      }
    }
  }
`);

const WorkspacesPageDocument = graphql(`
  query WorkspacesPage {
    workspaces(first: 50) {
      nodes {
        ...WorkspaceListItem
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    invitations(first: 50) {
      nodes {
        ...InvitationForViewer
      }
    }
  }
`);

const MoreWorkspacesDocument = graphql(`
  query MoreWorkspaces($after: String!) {
    workspaces(first: 50, after: $after) {
      nodes {
        ...WorkspaceListItem
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateWorkspaceDocument = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      id
    }
  }
`);

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($id: ID!) {
    acceptInvitation(id: $id) {
      id
    }
  }
`);

const DeclineInvitationDocument = graphql(`
  mutation DeclineInvitation($id: ID!) {
    declineInvitation(id: $id) {
      id
      status
    }
  }
`);

/** Default markings a workspace may take (RED is for threads with named recipients). */
const WORKSPACE_TLPS: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT'];

export default function WorkspacesPage() {
  useDocumentTitle('Workspaces');
  const viewer = useViewer();
  const client = useClient();
  const [result, refetch] = useQuery({ query: WorkspacesPageDocument });
  const [creating, setCreating] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const list = useLoadMore(result.data?.workspaces, async (after) => {
    const r = await client.query(MoreWorkspacesDocument, { after }).toPromise();
    return { connection: r.data?.workspaces, error: r.error };
  });

  const invitations = result.data?.invitations.nodes ?? [];
  const location = useLocation();
  const loaded = result.data !== undefined;

  // A link to #invitations (from an invitation notification): show them once they are here.
  useEffect(() => {
    if (loaded && location.hash === '#invitations') {
      document.getElementById('invitations')?.scrollIntoView({ block: 'start' });
    }
  }, [loaded, location.hash]);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Workspaces</h1>
        {viewer.organization.verified && !creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New workspace
          </button>
        )}
      </div>

      {creating && <CreateWorkspaceForm onCancel={() => setCreating(false)} />}

      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={reload} />
      ) : !result.data ? (
        <Loading label="Loading workspaces…" />
      ) : (
        <>
          {invitations.length > 0 && (
            <section id="invitations" aria-labelledby="invitations-heading" className="section">
              <h2 id="invitations-heading">Invitations for you</h2>
              <ul className="card-list">
                {invitations.map((invitation) => (
                  <InvitationCard key={invitation.id} invitation={invitation} onAnswered={reload} />
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="your-workspaces" className="section">
            <h2 id="your-workspaces">Your workspaces</h2>
            {list.nodes.length === 0 ? (
              <Empty>
                You are not a member of any workspace yet.
                {invitations.length > 0
                  ? ' Accept an invitation above to join one.'
                  : viewer.organization.verified
                    ? ' Start one, or ask a workspace owner to invite you.'
                    : ''}
              </Empty>
            ) : (
              <ul className="card-list">
                {list.nodes.map((w) => (
                  <li key={w.id} className="card">
                    <div className="card-title-row">
                      <h3>
                        <Link to={paths.workspace(w.id)}>{w.name}</Link>
                      </h3>
                      <TlpBadge tlp={w.defaultTlp} />
                    </div>
                    {w.description && <p className="card-text">{w.description}</p>}
                    <p className="meta">
                      Your role: {WORKSPACE_ROLE_LABELS[w.viewerRole]}
                      {w.archived && <span className="tag">Archived</span>}
                      {w.restrictedToKinds && w.restrictedToKinds.length > 0 && (
                        <span className="tag">
                          {w.restrictedToKinds.map((k) => ORGANIZATION_KIND_LABELS[k]).join(', ')}{' '}
                          only
                        </span>
                      )}
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
              label="Show more workspaces"
            />
          </section>
        </>
      )}
    </div>
  );
}

type Invitation = WorkspacesPageQuery['invitations']['nodes'][number];

function InvitationCard({
  invitation,
  onAnswered,
}: {
  invitation: Invitation;
  onAnswered: () => void;
}) {
  const navigate = useNavigate();
  const [accept, acceptMutation] = useMutation(AcceptInvitationDocument);
  const [decline, declineMutation] = useMutation(DeclineInvitationDocument);
  const busy = accept.fetching || decline.fetching;
  const headingId = useId();

  return (
    <li className="card" aria-labelledby={headingId}>
      <div className="card-title-row">
        <h3 id={headingId}>{invitation.workspaceName}</h3>
        <span className="tag">{WORKSPACE_ROLE_LABELS[invitation.role]}</span>
      </div>
      {invitation.workspaceDescription && (
        <p className="card-text">{invitation.workspaceDescription}</p>
      )}
      <p className="meta">
        {invitation.invitedBy
          ? `Invited by ${invitation.invitedBy.displayName} (${invitation.invitedBy.organization.name})`
          : 'Invited'}
        {invitation.invitedOrganization && ` — addressed to ${invitation.invitedOrganization.name}`}
        {' · '}
        {invitation.expired ? 'Expired' : `Expires ${formatDate(invitation.expiresAt)}`}
      </p>
      <FormError error={accept.error ?? decline.error} />
      {!invitation.expired && (
        <div className="actions">
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            aria-label={`Accept invitation to ${invitation.workspaceName}`}
            onClick={() => {
              void acceptMutation({ id: invitation.id }).then((r) => {
                if (r.data) void navigate(paths.workspace(r.data.acceptInvitation.id));
              });
            }}
          >
            Accept
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            aria-label={`Decline invitation to ${invitation.workspaceName}`}
            onClick={() => {
              void declineMutation({ id: invitation.id }).then((r) => {
                if (r.data) onAnswered();
              });
            }}
          >
            Decline
          </button>
        </div>
      )}
    </li>
  );
}

function CreateWorkspaceForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tlp, setTlp] = useState<Tlp>('GREEN');
  const [kinds, setKinds] = useState<OrganizationKind[]>([]);
  const [state, create] = useMutation(CreateWorkspaceDocument);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: {
        name: name.trim(),
        description: description.trim() || null,
        defaultTlp: tlp,
        restrictedToKinds: kinds.length > 0 ? kinds : null,
      },
    });
    if (result.data) void navigate(paths.workspace(result.data.createWorkspace.id));
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-workspace">
      <h2 id="new-workspace">New workspace</h2>
      <div className="field">
        <label htmlFor="ws-name">Name</label>
        <input
          id="ws-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ws-description">Description</label>
        <textarea
          id="ws-description"
          rows={3}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ws-tlp">Default TLP</label>
        <select id="ws-tlp" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
          {WORKSPACE_TLPS.map((t) => (
            <option key={t} value={t}>
              {tlpLabel(t)} — {TLP_MEANING[t]}
            </option>
          ))}
        </select>
        <p className="hint">Threads are marked at least this strictly.</p>
      </div>
      <fieldset className="field">
        <legend>Restrict membership to (optional)</legend>
        <div className="checkbox-grid">
          {ORGANIZATION_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(e) =>
                  setKinds((ks) => (e.target.checked ? [...ks, kind] : ks.filter((k) => k !== kind)))
                }
              />
              {ORGANIZATION_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <FormError error={state.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={state.fetching}>
          {state.fetching ? 'Creating…' : 'Create workspace'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
