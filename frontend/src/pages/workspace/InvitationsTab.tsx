import { type SubmitEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ChoiceSelect, EnumSelect, FormActions } from '../../components/Form';
import { FormError, FormProblem, QueryStates } from '../../components/States';
import { graphql } from '../../gql';
import type { WorkspaceRole, WorkspaceSummaryFragment } from '../../gql/graphql';
import { nameWithOrganization, ORGANIZATION_KIND_LABELS, WORKSPACE_ROLE_LABELS } from '../../lib/labels';
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

export function InvitationsTab({ workspace }: { workspace: WorkspaceSummaryFragment }) {
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
      <QueryStates
        result={result}
        retry={reload}
        loading="Loading invitations…"
        isEmpty={pending.length === 0}
        empty="No pending invitations."
      >
        <ul className="card-list">
          {pending.map((inv) => {
            const to = inv.invitedUser
              ? nameWithOrganization(inv.invitedUser)
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
      </QueryStates>
    </section>
  );
}

function InviteForm({
  workspace,
  onInvited,
}: {
  workspace: WorkspaceSummaryFragment;
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
          <ChoiceSelect
            id="invite-org"
            value={organizationId}
            onChange={setOrganizationId}
            query={organizations}
            choices={choices.map((o) => ({
              value: o.id,
              label: `${o.name} — ${ORGANIZATION_KIND_LABELS[o.kind]}, ${o.country}`,
            }))}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="invite-role">Role</label>
        <EnumSelect id="invite-role" value={role} onChange={setRole} labels={WORKSPACE_ROLE_LABELS} />
      </div>
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
      <FormProblem problem={problem} />
      <FormActions state={state} submit="Send invitation" submitting="Inviting…" />
    </form>
  );
}
