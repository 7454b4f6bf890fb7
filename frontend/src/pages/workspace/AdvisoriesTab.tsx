import { type SubmitEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SeverityBadge, StatusBadge } from '../../advisories/Badges';
import { SEVERITY_LABELS } from '../../advisories/labels';
import { EnumSelect, FieldError, FormActions, invalidProps, TlpSelect } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { TLP_ORDER, TlpBadge } from '../../components/TlpBadge';
import { graphql } from '../../gql';
import type { Severity, Tlp, WorkspaceSummaryFragment } from '../../gql/graphql';
import { roleAtLeast } from '../../lib/labels';
import { formatDateTime, paths } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';

const WorkspaceAdvisoriesDocument = graphql(`
  query WorkspaceAdvisories($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      advisories(first: 50, after: $after) {
        nodes {
          ...AdvisoryListItem
        }
        pageInfo {
          ...PageCursor
        }
      }
    }
  }
`);

const CreateAdvisoryDocument = graphql(`
  mutation CreateAdvisory($input: CreateAdvisoryInput!) {
    createAdvisory(input: $input) {
      id
    }
  }
`);

export function AdvisoriesTab({ workspace }: { workspace: WorkspaceSummaryFragment }) {
  const paged = usePagedQuery({
    query: WorkspaceAdvisoriesDocument,
    variables: { id: workspace.id },
    connection: (data) => data.workspace.advisories,
  });
  const [creating, setCreating] = useState(false);
  const canCreate = roleAtLeast(workspace.viewerRole, 'CONTRIBUTOR') && !workspace.archived;

  return (
    <section aria-labelledby="advisories-heading" className="section">
      <div className="section-head">
        <h2 id="advisories-heading">Advisories</h2>
        {canCreate && !creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New advisory
          </button>
        )}
      </div>
      {creating && <NewAdvisoryForm workspace={workspace} onCancel={() => setCreating(false)} />}
      <PagedStates
        paged={paged}
        loading="Loading advisories…"
        empty={`No advisories yet.${canCreate ? ' Start the first one.' : ''}`}
        more="Show more advisories"
      >
        <ul className="card-list">
          {paged.nodes.map((a) => (
            <li key={a.id} className="card">
              <div className="card-title-row">
                <h3>
                  <Link to={paths.advisory(a.id)}>{a.title}</Link>
                </h3>
                <TlpBadge tlp={a.tlp} />
              </div>
              <p className="meta">
                <StatusBadge status={a.status} />
                <SeverityBadge severity={a.severity} />
                {a.reference && <span className="mono">{a.reference}</span>}
                <span>
                  Revision {a.revision}, updated <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt)}</time>
                </span>
              </p>
            </li>
          ))}
        </ul>
      </PagedStates>
    </section>
  );
}

function NewAdvisoryForm({
  workspace,
  onCancel,
}: {
  workspace: WorkspaceSummaryFragment;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [tlp, setTlp] = useState<Tlp>(workspace.defaultTlp);
  const [state, create] = useMutation(CreateAdvisoryDocument);
  const error = state.error;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: { workspaceId: workspace.id, title, summary: summary.trim() || null, severity, tlp },
    });
    if (result.data) void navigate(paths.advisory(result.data.createAdvisory.id));
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-advisory">
      <h3 id="new-advisory">New advisory</h3>
      <div className="field">
        <label htmlFor="new-advisory-title">Title</label>
        <input
          id="new-advisory-title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalidProps(error, 'title', 'new-advisory-title')}
        />
        <FieldError error={error} field="title" inputId="new-advisory-title" />
      </div>
      <div className="field">
        <label htmlFor="new-advisory-summary">Summary (optional)</label>
        <textarea
          id="new-advisory-summary"
          rows={2}
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          {...invalidProps(error, 'summary', 'new-advisory-summary')}
        />
        <FieldError error={error} field="summary" inputId="new-advisory-summary" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-advisory-severity">Severity</label>
          <EnumSelect id="new-advisory-severity" value={severity} onChange={setSeverity} labels={SEVERITY_LABELS} />
        </div>
        <div className="field">
          <label htmlFor="new-advisory-tlp">TLP</label>
          <TlpSelect id="new-advisory-tlp" value={tlp} onChange={setTlp} options={TLP_ORDER} />
          <FieldError error={error} field="tlp" inputId="new-advisory-tlp" />
        </div>
      </div>
      <p className="hint">
        You are its lead author; add co-authors from other organisations on the advisory’s page.
        Only TLP:CLEAR advisories can be published to the public.
      </p>
      <FormActions
        state={state}
        submit="Create advisory"
        submitting="Creating…"
        onCancel={onCancel}
        fields={['title', 'summary', 'tlp']}
      />
    </form>
  );
}
