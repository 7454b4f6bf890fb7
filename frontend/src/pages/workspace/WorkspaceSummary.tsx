import { graphql } from '../../gql';
import type { WorkspaceSummaryFragment } from '../../gql/graphql';
import { ORGANIZATION_KIND_LABELS, WORKSPACE_ROLE_LABELS } from '../../lib/labels';

/** A workspace as the list of workspaces and the workspace's own screen show it. */
graphql(`
  fragment WorkspaceSummary on Workspace {
    id
    name
    description
    defaultTlp
    archived
    viewerRole
    restrictedToKinds
  }
`);

/** The viewer's role in a workspace, and tags for an archived or restricted one. */
export function WorkspaceMeta({
  workspace,
  archived = 'Archived',
}: {
  workspace: WorkspaceSummaryFragment;
  /** The tag of an archived workspace. */
  archived?: string;
}) {
  const kinds = workspace.restrictedToKinds ?? [];
  return (
    <p className="meta">
      Your role: {WORKSPACE_ROLE_LABELS[workspace.viewerRole]}
      {workspace.archived && <span className="tag">{archived}</span>}
      {kinds.length > 0 && (
        <span className="tag">{kinds.map((k) => ORGANIZATION_KIND_LABELS[k]).join(', ')} only</span>
      )}
    </p>
  );
}
