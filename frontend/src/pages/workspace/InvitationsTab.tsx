import { type SubmitEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorNotice, FormError, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { WorkspaceHeaderFragment, WorkspaceRole } from '../../gql/graphql';
import {
  ORGANIZATION_KIND_LABELS,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
} from '../../lib/labels';
import { formatDate } from '../../lib/paths';

const WorkspaceInvitationsDocument = graphql(`
  query WorkspaceInvitations($id: ID!) {
    workspace(id: $id) {
      id
      invitations(first: 100) {
        nodes {
          id
          role
          status
          createdAt
          expiresAt
          expired
          invitedUser {
            id
            displayName
            email
            organization {
              id
              name
            }
          }
          invitedOrganization {
            id
            name
            kind
          }
          invitedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

const InviteOrganizationsDocument = graphql(`
  query InviteOrganizations {
    organizations(first: 100, filter: { verified: true }) {
      nodes {
        id
        name
        kind
        country
      }
    }
  }
`);

const InviteToWorkspaceDocument = graphql(`
  mutation InviteToWorkspace($input: InviteToWorkspaceInput!) {
    inviteToWorkspace(input: $input) {
      id
    }
  }
`);

const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

export function InvitationsTab({ workspace }: { workspace: WorkspaceHeaderFragment }) {
  const [result, refetch] = useQuery({
    query: WorkspaceInvitationsDocument,
    variables: { id: workspace.id },
  });
  const [revokeState, revoke] = useMutation(RevokeInvitationDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const pending = result.data?.workspace.invitations.nodes ?? [];

  return (
    <section aria-labelledby="invitations-heading" className="section">
      <h2 id="invitations-heading">Invitations</h2>
      {!workspace.archived && <InviteForm workspace={workspace} onInvited={reload} />}

      <h3>Pending</h3>
      <FormError error={revokeState.error} />
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={reload} />
      ) : !result.data ? (
        <Loading label="Loading invitations…" />
      ) : pending.length === 0 ? (
        <Empty>No pending invitations.</Empty>
      ) : (
        <ul className="card-list">
          {pending.map((inv) => {
            const to = inv.invitedUser
              ? `${inv.invitedUser.displayName} (${inv.invitedUser.organization.name})`
              : inv.invitedOrganization
                ? `Everyone at ${inv.invitedOrganization.name}`
                : 'Unknown invitee';
            return (
              <li key={inv.id} className="card">
                <div className="card-title-row">
                  <h4>{to}</h4>
                  <span className="tag">{WORKSPACE_ROLE_LABELS[inv.role]}</span>
                </div>
                <p className="meta">
                  {inv.invitedBy ? `Invited by ${inv.invitedBy.displayName} · ` : ''}
                  {inv.expired ? 'Expired' : `Expires ${formatDate(inv.expiresAt)}`}
                </p>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={revokeState.fetching}
                  aria-label={`Withdraw the invitation to ${to}`}
                  onClick={() => {
                    void revoke({ id: inv.id }).then((r) => {
                      if (r.data) reload();
                    });
                  }}
                >
                  Withdraw
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function InviteForm({
  workspace,
  onInvited,
}: {
  workspace: WorkspaceHeaderFragment;
  onInvited: () => void;
}) {
  const [mode, setMode] = useState<'person' | 'organization'>('person');
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('CONTRIBUTOR');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [state, invite] = useMutation(InviteToWorkspaceDocument);
  const [organizations] = useQuery({
    query: InviteOrganizationsDocument,
    pause: mode !== 'organization',
  });

  const allowedKinds = workspace.restrictedToKinds;
  const choices =
    organizations.data?.organizations.nodes.filter(
      (o) => !allowedKinds || allowedKinds.length === 0 || allowedKinds.includes(o.kind),
    ) ?? [];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    let input;
    let who: string;
    if (mode === 'person') {
      // By email, whatever the organisation: the server finds the account (members cannot
      // list the accounts of other organisations).
      const address = email.trim();
      if (address === '') {
        setProblem('Enter the email address of the person to invite.');
        return;
      }
      input = { workspaceId: workspace.id, email: address, role };
      who = address;
    } else {
      const org = choices.find((o) => o.id === organizationId);
      if (!org) {
        setProblem('Choose an organisation.');
        return;
      }
      input = { workspaceId: workspace.id, organizationId: org.id, role };
      who = `everyone at ${org.name}`;
    }
    const result = await invite({ input });
    if (result.data) {
      setDone(`Invitation sent to ${who}.`);
      setEmail('');
      setOrganizationId('');
      onInvited();
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite</h3>
      <fieldset className="field">
        <legend>Who</legend>
        <div className="radio-row">
          <label className="checkbox">
            <input
              type="radio"
              name="invite-mode"
              checked={mode === 'person'}
              onChange={() => setMode('person')}
            />
            One person
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="invite-mode"
              checked={mode === 'organization'}
              onChange={() => setMode('organization')}
            />
            A whole organisation
          </label>
        </div>
      </fieldset>
      {mode === 'person' ? (
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor="invite-org">Organisation</label>
          {organizations.error ? (
            <ErrorNotice error={organizations.error} />
          ) : (
            <select
              id="invite-org"
              required
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
            >
              <option value="">{organizations.fetching ? 'Loading…' : 'Choose…'}</option>
              {choices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} — {ORGANIZATION_KIND_LABELS[o.kind]}, {o.country}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
          {WORKSPACE_ROLES.map((r) => (
            <option key={r} value={r}>
              {WORKSPACE_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={state.error} />
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={state.fetching}>
        {state.fetching ? 'Inviting…' : 'Send invitation'}
      </button>
    </form>
  );
}
