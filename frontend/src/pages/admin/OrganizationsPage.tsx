import { type SubmitEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorNotice, FormError, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { OrganizationKind, OrganizationRowFragment } from '../../gql/graphql';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from '../../lib/labels';
import { formatDate } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoadMore } from '../../lib/useLoadMore';
import { StaffOnly } from './StaffOnly';

graphql(`
  fragment OrganizationRow on Organization {
    id
    name
    kind
    country
    verified
    createdAt
  }
`);

const OrganizationsAdminDocument = graphql(`
  query OrganizationsAdmin($filter: OrganizationFilter) {
    organizations(first: 100, filter: $filter) {
      nodes {
        ...OrganizationRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MoreOrganizationsAdminDocument = graphql(`
  query MoreOrganizationsAdmin($filter: OrganizationFilter, $after: String!) {
    organizations(first: 100, filter: $filter, after: $after) {
      nodes {
        ...OrganizationRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateOrganizationDocument = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationRow
    }
  }
`);

const VerifyOrganizationDocument = graphql(`
  mutation VerifyOrganization($id: ID!, $verified: Boolean!) {
    verifyOrganization(id: $id, verified: $verified) {
      ...OrganizationRow
    }
  }
`);

type VerifiedFilter = 'all' | 'verified' | 'unverified';

export default function OrganizationsPage() {
  useDocumentTitle('Organisations');
  return (
    <StaffOnly title="Organisations">
      <Organizations />
    </StaffOnly>
  );
}

function Organizations() {
  const client = useClient();
  const [verifiedFilter, setVerifiedFilter] = useState<VerifiedFilter>('all');
  const [creating, setCreating] = useState(false);
  const filter = verifiedFilter === 'all' ? null : { verified: verifiedFilter === 'verified' };
  const [result, refetch] = useQuery({ query: OrganizationsAdminDocument, variables: { filter } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const list = useLoadMore(result.data?.organizations, async (after) => {
    const r = await client.query(MoreOrganizationsAdminDocument, { filter, after }).toPromise();
    return { connection: r.data?.organizations, error: r.error };
  });

  return (
    <div className="page">
      <div className="page-head">
        <h1>Organisations</h1>
        {!creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New organisation
          </button>
        )}
      </div>
      {creating && (
        <CreateOrganizationForm
          onDone={(created) => {
            setCreating(false);
            if (created) reload();
          }}
        />
      )}
      <div className="field inline">
        <label htmlFor="org-filter">Show</label>
        <select
          id="org-filter"
          value={verifiedFilter}
          onChange={(e) => setVerifiedFilter(e.target.value as VerifiedFilter)}
        >
          <option value="all">All organisations</option>
          <option value="verified">Verified</option>
          <option value="unverified">Awaiting verification</option>
        </select>
      </div>
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={reload} />
      ) : !result.data ? (
        <Loading label="Loading organisations…" />
      ) : list.nodes.length === 0 ? (
        <Empty>No organisations match.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col">Since</th>
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
              {list.nodes.map((org) => (
                <OrganizationRow key={org.id} org={org} onChanged={reload} />
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

function OrganizationRow({ org, onChanged }: { org: OrganizationRowFragment; onChanged: () => void }) {
  const [state, verify] = useMutation(VerifyOrganizationDocument);
  return (
    <tr>
      <th scope="row">{org.name}</th>
      <td>{ORGANIZATION_KIND_LABELS[org.kind]}</td>
      <td>{org.country}</td>
      <td>
        <time dateTime={org.createdAt}>{formatDate(org.createdAt)}</time>
      </td>
      <td>
        {org.verified ? 'Verified' : 'Not verified'}{' '}
        <button
          type="button"
          className="button-quiet"
          disabled={state.fetching}
          aria-label={org.verified ? `Withdraw verification of ${org.name}` : `Verify ${org.name}`}
          onClick={() => {
            void verify({ id: org.id, verified: !org.verified }).then((r) => {
              if (r.data) onChanged();
            });
          }}
        >
          {org.verified ? 'Unverify' : 'Verify'}
        </button>
        <FormError error={state.error} />
      </td>
    </tr>
  );
}

function CreateOrganizationForm({ onDone }: { onDone: (created: boolean) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('LAW_ENFORCEMENT');
  const [country, setCountry] = useState('');
  const [verified, setVerified] = useState(false);
  const [state, create] = useMutation(CreateOrganizationDocument);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: { name: name.trim(), kind, country: country.trim().toUpperCase(), verified },
    });
    if (result.data) onDone(true);
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-org">
      <h2 id="new-org">New organisation</h2>
      <div className="field">
        <label htmlFor="org-name">Name</label>
        <input id="org-name" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="org-kind">Kind</label>
        <select id="org-kind" value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
          {ORGANIZATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {ORGANIZATION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="org-country">Country (ISO code, e.g. NL)</label>
        <input
          id="org-country"
          required
          minLength={2}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          value={country}
          onChange={(e) => setCountry(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
        Verified now
      </label>
      <FormError error={state.error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={state.fetching}>
          {state.fetching ? 'Creating…' : 'Create organisation'}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
