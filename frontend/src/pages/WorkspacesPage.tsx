import { type SubmitEvent, useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { CardTitle } from '../components/CardTitle';
import { CheckboxGroup, FormActions, TlpSelect } from '../components/Form';
import { Empty, FormError, QueryStates } from '../components/States';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import type { OrganizationKind, Tlp, WorkspacesPageQuery } from '../gql/graphql';
import {
  nameWithOrganization,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  WORKSPACE_ROLE_LABELS,
} from '../lib/labels';
import { formatDate, paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { usePagedQuery } from '../lib/useLoadMore';
import { useViewer } from '../session/useSession';
import { WorkspaceMeta } from './workspace/WorkspaceSummary';

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
      ...PersonWithOrganization
    }
  }
`);

/** The viewer's workspaces, a page at a time, and the invitations waiting for an answer. */
const WorkspacesPageDocument = graphql(`
  query WorkspacesPage($after: String) {
    workspaces(first: 50, after: $after) {
      nodes {
        ...WorkspaceSummary
      }
      pageInfo {
        ...PageCursor
      }
    }
    invitations(first: 50) {
      nodes {
        ...InvitationForViewer
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

const KIND_OPTIONS = ORGANIZATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANIZATION_KIND_LABELS[kind],
}));

export default function WorkspacesPage() {
  useDocumentTitle('Workspaces');
  const viewer = useViewer();
  const workspaces = usePagedQuery({
    query: WorkspacesPageDocument,
    variables: {},
    connection: (data) => data.workspaces,
  });
  const [creating, setCreating] = useState(false);

  const invitations = workspaces.result.data?.invitations.nodes ?? [];
  const location = useLocation();
  const loaded = workspaces.result.data !== undefined;

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

      <QueryStates result={workspaces.result} retry={workspaces.reload} loading="Loading workspaces…">
        {invitations.length > 0 && (
          <section id="invitations" aria-labelledby="invitations-heading" className="section">
            <h2 id="invitations-heading">Invitations for you</h2>
            <ul className="card-list">
              {invitations.map((invitation) => (
                <InvitationCard
                  key={invitation.id}
                  invitation={invitation}
                  onAnswered={workspaces.reload}
                />
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="your-workspaces" className="section">
          <h2 id="your-workspaces">Your workspaces</h2>
          {workspaces.nodes.length === 0 ? (
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
              {workspaces.nodes.map((w) => (
                <li key={w.id} className="card">
                  <CardTitle to={paths.workspace(w.id)} title={w.name} tlp={w.defaultTlp} />
                  {w.description && <p className="card-text">{w.description}</p>}
                  <WorkspaceMeta workspace={w} />
                </li>
              ))}
            </ul>
          )}
          <LoadMore list={workspaces} label="Show more workspaces" />
        </section>
      </QueryStates>
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
          ? `Invited by ${nameWithOrganization(invitation.invitedBy)}`
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
        <TlpSelect id="ws-tlp" value={tlp} onChange={setTlp} options={WORKSPACE_TLPS} />
        <p className="hint">Threads are marked at least this strictly.</p>
      </div>
      <fieldset className="field">
        <legend>Restrict membership to (optional)</legend>
        <CheckboxGroup options={KIND_OPTIONS} selected={kinds} onChange={setKinds} />
      </fieldset>
      <FormActions state={state} submit="Create workspace" submitting="Creating…" onCancel={onCancel} />
    </form>
  );
}
