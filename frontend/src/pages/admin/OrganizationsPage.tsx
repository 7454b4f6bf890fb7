import { type SubmitEvent, useState } from 'react';
import { useMutation } from 'urql';
import { EnumSelect, FormActions } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { FormError } from '../../components/States';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';
import type { OrganizationKind, OrganizationRowFragment } from '../../gql/graphql';
import { ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { formatDate } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
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
  query OrganizationsAdmin($filter: OrganizationFilter, $after: String) {
    organizations(first: 100, filter: $filter, after: $after) {
      nodes {
        ...OrganizationRow
      }
      pageInfo {
        ...PageCursor
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

const VERIFIED_FILTERS = {
  all: 'All organisations',
  verified: 'Verified',
  unverified: 'Awaiting verification',
};

type VerifiedFilter = keyof typeof VERIFIED_FILTERS;

export default function OrganizationsPage() {
  return (
    <StaffOnly title="Organisations">
      <Organizations />
    </StaffOnly>
  );
}

function Organizations() {
  const [shown, setShown] = useState<VerifiedFilter>('all');
  const [creating, setCreating] = useState(false);
  const filter = shown === 'all' ? null : { verified: shown === 'verified' };
  const organizations = usePagedQuery({
    query: OrganizationsAdminDocument,
    variables: { filter },
    connection: (data) => data.organizations,
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
            if (created) organizations.reload();
          }}
        />
      )}
      <div className="field inline">
        <label htmlFor="org-filter">Show</label>
        <EnumSelect id="org-filter" value={shown} onChange={setShown} labels={VERIFIED_FILTERS} />
      </div>
      <PagedStates paged={organizations} loading="Loading organisations…" empty="No organisations match.">
        <Table caption="Organisations" columns={['Name', 'Kind', 'Country', 'Since', 'Verified']}>
          {organizations.nodes.map((org) => (
            <OrganizationRow key={org.id} org={org} onChanged={organizations.reload} />
          ))}
        </Table>
      </PagedStates>
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
        <EnumSelect id="org-kind" value={kind} onChange={setKind} labels={ORGANIZATION_KIND_LABELS} />
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
      <FormActions
        state={state}
        submit="Create organisation"
        submitting="Creating…"
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
