import { type SubmitEvent, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorNotice, FormError, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { ApiTokenRowFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoadMore } from '../../lib/useLoadMore';
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
      id
      displayName
      organization {
        id
        name
      }
    }
  }
`);

const ApiTokensAdminDocument = graphql(`
  query ApiTokensAdmin {
    apiTokens(first: 100) {
      nodes {
        ...ApiTokenRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MoreApiTokensAdminDocument = graphql(`
  query MoreApiTokensAdmin($after: String!) {
    apiTokens(first: 100, after: $after) {
      nodes {
        ...ApiTokenRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ServiceAccountChoicesDocument = graphql(`
  query ServiceAccountChoices {
    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {
      nodes {
        id
        displayName
        organization {
          id
          name
        }
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

export default function ApiTokensPage() {
  useDocumentTitle('API tokens');
  return (
    <StaffOnly title="API tokens">
      <ApiTokens />
    </StaffOnly>
  );
}

function ApiTokens() {
  const client = useClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const [result, refetch] = useQuery({ query: ApiTokensAdminDocument });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const list = useLoadMore(result.data?.apiTokens, async (after) => {
    const r = await client.query(MoreApiTokensAdminDocument, { after }).toPromise();
    return { connection: r.data?.apiTokens, error: r.error };
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
            reload();
          }}
        />
      )}
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={reload} />
      ) : !result.data ? (
        <Loading label="Loading tokens…" />
      ) : list.nodes.length === 0 ? (
        <Empty>No API tokens yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Service account</th>
                <th scope="col">Scopes</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.nodes.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.loadMoreError}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}

function TokenRow({ token: initial }: { token: ApiTokenRowFragment }) {
  const [state, revoke] = useMutation(RevokeApiTokenDocument);
  const [confirm, setConfirm] = useState(false);
  const token = state.data?.revokeApiToken ?? initial;
  return (
    <tr>
      <th scope="row">
        {token.name}
        <span className="sub">
          <code>{token.prefix}…</code>
        </span>
      </th>
      <td>
        {token.serviceAccount
          ? `${token.serviceAccount.displayName} (${token.serviceAccount.organization.name})`
          : '—'}
      </td>
      <td>{token.scopes.join(', ')}</td>
      <td>{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</td>
      <td>
        {token.revokedAt ? 'Revoked' : token.active ? 'Active' : 'Expired'}{' '}
        {token.active &&
          (confirm ? (
            <span className="confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
              <button
                type="button"
                className="button-danger"
                disabled={state.fetching}
                onClick={() => void revoke({ id: token.id })}
              >
                Revoke {token.name}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirm(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button-quiet danger"
              aria-label={`Revoke ${token.name}`}
              onClick={() => setConfirm(true)}
            >
              Revoke
            </button>
          ))}
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

  const toggle = (scope: string, on: boolean) =>
    setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));

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
        {accounts.error ? (
          <ErrorNotice error={accounts.error} />
        ) : (
          <select
            id="token-account"
            required
            value={serviceAccountId}
            onChange={(e) => setServiceAccountId(e.target.value)}
          >
            <option value="">{accounts.fetching ? 'Loading…' : 'Choose…'}</option>
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName} ({a.organization.name})
              </option>
            ))}
          </select>
        )}
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
        <div className="checkbox-grid">
          {['read', 'write'].map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              {scope === 'read' ? 'Read everything (read)' : 'Write everything (write)'}
            </label>
          ))}
        </div>
        <details>
          <summary>Scopes per area</summary>
          <div className="checkbox-grid">
            {AREAS.flatMap((area) =>
              (['read', 'write'] as const).map((access) => {
                const scope = `${area}:${access}`;
                return (
                  <label key={scope} className="checkbox">
                    <input
                      type="checkbox"
                      checked={scopes.includes(scope)}
                      onChange={(e) => toggle(scope, e.target.checked)}
                    />
                    <code>{scope}</code>
                  </label>
                );
              }),
            )}
          </div>
        </details>
      </fieldset>
      <div className="field">
        <label htmlFor="token-expires">Expires on (optional)</label>
        <input id="token-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={state.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={state.fetching}>
          {state.fetching ? 'Creating…' : 'Create token'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
