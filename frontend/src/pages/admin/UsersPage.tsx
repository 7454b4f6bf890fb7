import { type SubmitEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ChoiceSelect, EnumSelect, FormActions } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { FormError } from '../../components/States';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';
import type { AccountKind, PlatformRole, UserRowFragment } from '../../gql/graphql';
import { PLATFORM_ROLE_LABELS } from '../../lib/labels';
import { formatDate } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { useViewer } from '../../session/useSession';
import { OrganizationChoicesDocument } from './documents';
import { StaffOnly } from './StaffOnly';

graphql(`
  fragment UserRow on User {
    id
    email
    displayName
    role
    status
    kind
    createdAt
    organization {
      id
      name
    }
  }
`);

const UsersAdminDocument = graphql(`
  query UsersAdmin($filter: UserFilter, $after: String) {
    users(first: 100, filter: $filter, after: $after) {
      nodes {
        ...UserRow
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserRow
    }
  }
`);

const CreateServiceAccountDocument = graphql(`
  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) {
      ...UserRow
    }
  }
`);

const SuspendUserDocument = graphql(`
  mutation SuspendUser($id: ID!) {
    suspendUser(id: $id) {
      ...UserRow
    }
  }
`);

const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserRow
    }
  }
`);

export default function UsersPage() {
  return (
    <StaffOnly title="Users">
      <Users />
    </StaffOnly>
  );
}

type KindFilter = 'all' | AccountKind;

const KIND_FILTERS: Readonly<Record<KindFilter, string>> = {
  all: 'All accounts',
  PERSON: 'People',
  SERVICE: 'Service accounts',
};

function Users() {
  const viewer = useViewer();
  const isAdmin = viewer.role === 'ADMIN';
  const [kind, setKind] = useState<KindFilter>('all');
  const [form, setForm] = useState<'none' | 'person' | 'service'>('none');
  const filter = kind === 'all' ? null : { kind };
  const users = usePagedQuery({
    query: UsersAdminDocument,
    variables: { filter },
    connection: (data) => data.users,
  });
  const done = (created: boolean) => {
    setForm('none');
    if (created) users.reload();
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>Users</h1>
        {form === 'none' && (
          <div className="actions">
            {isAdmin && (
              <button type="button" className="button-primary" onClick={() => setForm('person')}>
                New account
              </button>
            )}
            <button type="button" className="button-secondary" onClick={() => setForm('service')}>
              New service account
            </button>
          </div>
        )}
      </div>
      {form === 'person' && <CreateUserForm onDone={done} />}
      {form === 'service' && <CreateServiceAccountForm onDone={done} />}
      <div className="field inline">
        <label htmlFor="user-filter">Show</label>
        <EnumSelect id="user-filter" value={kind} onChange={setKind} labels={KIND_FILTERS} />
      </div>
      <PagedStates paged={users} loading="Loading accounts…" empty="No accounts match.">
        <Table caption="Accounts" columns={['Name', 'Organisation', 'Role', 'Since', 'Status']}>
          {users.nodes.map((user) => (
            <UserRow key={user.id} user={user} canSuspend={isAdmin && user.id !== viewer.id} />
          ))}
        </Table>
      </PagedStates>
    </div>
  );
}

function UserRow({ user: initial, canSuspend }: { user: UserRowFragment; canSuspend: boolean }) {
  const [suspendState, suspend] = useMutation(SuspendUserDocument);
  const [reactivateState, reactivate] = useMutation(ReactivateUserDocument);
  const updated = suspendState.data?.suspendUser ?? reactivateState.data?.reactivateUser;
  const user = updated?.id === initial.id ? updated : initial;
  const busy = suspendState.fetching || reactivateState.fetching;

  return (
    <tr>
      <th scope="row">
        {user.displayName}
        <span className="sub">
          {user.email}
          {user.kind === 'SERVICE' ? ' · service account' : ''}
        </span>
      </th>
      <td>{user.organization.name}</td>
      <td>{PLATFORM_ROLE_LABELS[user.role]}</td>
      <td>
        <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
      </td>
      <td>
        {user.status === 'ACTIVE' ? 'Active' : 'Suspended'}{' '}
        {canSuspend && (
          <button
            type="button"
            className="button-quiet"
            disabled={busy}
            aria-label={
              user.status === 'ACTIVE' ? `Suspend ${user.displayName}` : `Reactivate ${user.displayName}`
            }
            onClick={() => {
              void (user.status === 'ACTIVE' ? suspend({ id: user.id }) : reactivate({ id: user.id }));
            }}
          >
            {user.status === 'ACTIVE' ? 'Suspend' : 'Reactivate'}
          </button>
        )}
        <FormError error={suspendState.error ?? reactivateState.error} />
      </td>
    </tr>
  );
}

function OrganizationSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const [orgs] = useQuery({ query: OrganizationChoicesDocument });
  const choices =
    orgs.data?.organizations.nodes.map((o) => ({
      value: o.id,
      label: o.verified ? o.name : `${o.name} (not verified)`,
    })) ?? [];
  return <ChoiceSelect id={id} value={value} onChange={onChange} query={orgs} choices={choices} />;
}

function CreateUserForm({ onDone }: { onDone: (created: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<PlatformRole>('MEMBER');
  const [state, create] = useMutation(CreateUserDocument);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: { email: email.trim(), displayName: displayName.trim(), password, organizationId, role },
    });
    if (result.data) onDone(true);
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-user">
      <h2 id="new-user">New account</h2>
      <div className="field">
        <label htmlFor="user-name">Name</label>
        <input id="user-name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="user-email">Email</label>
        <input id="user-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="user-password">Initial password (at least 12 characters)</label>
        <input
          id="user-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="user-org">Organisation</label>
        <OrganizationSelect id="user-org" value={organizationId} onChange={setOrganizationId} />
      </div>
      <div className="field">
        <label htmlFor="user-role">Platform role</label>
        <EnumSelect
          id="user-role"
          value={role}
          onChange={setRole}
          labels={PLATFORM_ROLE_LABELS}
          options={['MEMBER', 'COORDINATOR', 'ADMIN']}
        />
      </div>
      <FormActions
        state={state}
        submit="Create account"
        submitting="Creating…"
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

function CreateServiceAccountForm({ onDone }: { onDone: (created: boolean) => void }) {
  const [displayName, setDisplayName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [state, create] = useMutation(CreateServiceAccountDocument);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({ input: { displayName: displayName.trim(), organizationId } });
    if (result.data) onDone(true);
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-service">
      <h2 id="new-service">New service account</h2>
      <div className="field">
        <label htmlFor="service-name">What it is for (e.g. SIEM integration)</label>
        <input id="service-name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="service-org">Organisation</label>
        <OrganizationSelect id="service-org" value={organizationId} onChange={setOrganizationId} />
      </div>
      <FormActions
        state={state}
        submit="Create service account"
        submitting="Creating…"
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
