import { type SubmitEvent, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { CheckboxGroup, ChoiceSelect, FormActions } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { FormError, FormProblem } from '../../components/States';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';
import type { ApiTokenRowFragment } from '../../gql/graphql';
import { nameWithOrganization } from '../../lib/labels';
import { formatDate } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { StaffOnly } from './StaffOnly';

graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    expiresAt
    revokedAt
    active
    serviceAccount {
      ...PersonWithOrganization
    }
  }
`);

const ApiTokensAdminDocument = graphql(`
  query ApiTokensAdmin($after: String) {
    apiTokens(first: 100, after: $after) {
      nodes {
        ...ApiTokenRow
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

const ServiceAccountChoicesDocument = graphql(`
  query ServiceAccountChoices {
    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {
      nodes {
        ...PersonWithOrganization
      }
    }
  }
`);

const CreateApiTokenDocument = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenRow
      }
    }
  }
`);

const RevokeApiTokenDocument = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenRow
    }
  }
`);

const AREAS = ['directory', 'workspaces', 'advisories', 'alerts', 'training', 'notifications'] as const;

const BROAD_SCOPES = [
  { value: 'read', label: 'Read everything (read)' },
  { value: 'write', label: 'Write everything (write)' },
];

const AREA_SCOPES = AREAS.flatMap((area) =>
  (['read', 'write'] as const).map((access) => {
    const scope = `${area}:${access}`;
    return { value: scope, label: <code>{scope}</code> };
  }),
);

export default function ApiTokensPage() {
  return (
    <StaffOnly title="API tokens">
      <ApiTokens />
    </StaffOnly>
  );
}

function ApiTokens() {
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const tokens = usePagedQuery({
    query: ApiTokensAdminDocument,
    variables: {},
    connection: (data) => data.apiTokens,
  });

  return (
    <div className="page">
      <div className="page-head">
        <h1>API tokens</h1>
        {!creating && !secret && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New token
          </button>
        )}
      </div>
      {secret && <NewTokenSecret {...secret} onDone={() => setSecret(null)} />}
      {creating && (
        <CreateTokenForm
          onCancel={() => setCreating(false)}
          onCreated={(token, name) => {
            setCreating(false);
            setSecret({ token, name });
            tokens.reload();
          }}
        />
      )}
      <PagedStates paged={tokens} loading="Loading tokens…" empty="No API tokens yet.">
        <Table caption="API tokens" columns={['Name', 'Service account', 'Scopes', 'Expires', 'Status']}>
          {tokens.nodes.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </Table>
      </PagedStates>
    </div>
  );
}

function TokenRow({ token: initial }: { token: ApiTokenRowFragment }) {
  const [state, revoke] = useMutation(RevokeApiTokenDocument);
  const token = state.data?.revokeApiToken ?? initial;
  return (
    <tr>
      <th scope="row">
        {token.name}
        <span className="sub">
          <code>{token.prefix}…</code>
        </span>
      </th>
      <td>{token.serviceAccount ? nameWithOrganization(token.serviceAccount) : '—'}</td>
      <td>{token.scopes.join(', ')}</td>
      <td>{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</td>
      <td>
        {token.revokedAt ? 'Revoked' : token.active ? 'Active' : 'Expired'}{' '}
        {token.active && (
          <ConfirmAction
            trigger="Revoke"
            triggerLabel={`Revoke ${token.name}`}
            group={`Confirm revoking ${token.name}`}
            confirm={`Revoke ${token.name}`}
            busy={state.fetching}
            onConfirm={() => void revoke({ id: token.id })}
          />
        )}
        <FormError error={state.error} />
      </td>
    </tr>
  );
}

/** The secret of a new token: shown here once, with a copy button. */
function NewTokenSecret({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const inputRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section className="panel panel-success" aria-labelledby="token-created">
      <h2 id="token-created">Token “{name}” created</h2>
      <p>Copy the token now: it is shown only this once and cannot be retrieved later.</p>
      <div className="copy-row">
        <label htmlFor="new-token" className="visually-hidden">
          New API token
        </label>
        <input
          id="new-token"
          ref={inputRef}
          readOnly
          value={token}
          className="mono"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button-primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" className="hint">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Could not copy automatically: the token is selected, press Ctrl+C.'
            : ''}
      </p>
      <button type="button" className="button-secondary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

function CreateTokenForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (token: string, name: string) => void;
}) {
  const [serviceAccountId, setServiceAccountId] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [expires, setExpires] = useState('');
  const [accounts] = useQuery({ query: ServiceAccountChoicesDocument });
  const [state, create] = useMutation(CreateApiTokenDocument);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (scopes.length === 0) {
      setProblem('Choose at least one scope.');
      return;
    }
    setProblem(null);
    const result = await create({
      input: {
        serviceAccountId,
        name: name.trim(),
        scopes,
        expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null,
      },
    });
    if (result.data) onCreated(result.data.createApiToken.token, result.data.createApiToken.apiToken.name);
  };

  const options = accounts.data?.users.nodes ?? [];

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">New API token</h2>
      <div className="field">
        <label htmlFor="token-account">Service account</label>
        <ChoiceSelect
          id="token-account"
          value={serviceAccountId}
          onChange={setServiceAccountId}
          query={accounts}
          choices={options.map((a) => ({ value: a.id, label: nameWithOrganization(a) }))}
        />
        {!accounts.fetching && options.length === 0 && (
          <p className="hint">No service accounts yet: create one under Users first.</p>
        )}
      </div>
      <div className="field">
        <label htmlFor="token-name">Name</label>
        <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>Scopes</legend>
        <CheckboxGroup options={BROAD_SCOPES} selected={scopes} onChange={setScopes} />
        <details>
          <summary>Scopes per area</summary>
          <CheckboxGroup options={AREA_SCOPES} selected={scopes} onChange={setScopes} />
        </details>
      </fieldset>
      <div className="field">
        <label htmlFor="token-expires">Expires on (optional)</label>
        <input id="token-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </div>
      <FormProblem problem={problem} />
      <FormActions state={state} submit="Create token" submitting="Creating…" onCancel={onCancel} />
    </form>
  );
}
