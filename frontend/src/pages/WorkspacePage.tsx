import { NavLink, Route, Routes, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadFailedPage, Loading } from '../components/States';
import { TlpBadge } from '../components/TlpBadge';
import { graphql } from '../gql';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import NotFoundPage from './NotFoundPage';
import { AdvisoriesTab } from './workspace/AdvisoriesTab';
import { InvitationsTab } from './workspace/InvitationsTab';
import { MembersTab } from './workspace/MembersTab';
import { ThreadsTab } from './workspace/ThreadsTab';
import { WorkspaceMeta } from './workspace/WorkspaceSummary';

const WorkspaceDocument = graphql(`
  query Workspace($id: ID!) {
    workspace(id: $id) {
      ...WorkspaceSummary
    }
  }
`);

export default function WorkspacePage() {
  const { workspaceId = '' } = useParams();
  const [result, refetch] = useQuery({ query: WorkspaceDocument, variables: { id: workspaceId } });
  const workspace = result.data?.workspace;
  useDocumentTitle(workspace?.name);

  if (result.error && !workspace) {
    return (
      <LoadFailedPage
        title="Workspace"
        error={result.error}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!workspace) return <Loading label="Loading workspace…" />;

  const isOwner = workspace.viewerRole === 'OWNER';
  const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <NavLink to={paths.workspaces()}>Workspaces</NavLink>
          </p>
          <h1>
            {workspace.name} <TlpBadge tlp={workspace.defaultTlp} />
          </h1>
        </div>
      </div>
      {workspace.description && <p className="lede">{workspace.description}</p>}
      <WorkspaceMeta workspace={workspace} archived="Archived — read only" />

      <nav aria-label="Workspace sections" className="tabs">
        <NavLink end to={paths.workspace(workspace.id)} className={tabClass}>
          Threads
        </NavLink>
        <NavLink to={paths.workspaceAdvisories(workspace.id)} className={tabClass}>
          Advisories
        </NavLink>
        <NavLink to={paths.workspaceMembers(workspace.id)} className={tabClass}>
          Members
        </NavLink>
        {isOwner && (
          <NavLink to={paths.workspaceInvitations(workspace.id)} className={tabClass}>
            Invitations
          </NavLink>
        )}
      </nav>

      <Routes>
        <Route index element={<ThreadsTab workspace={workspace} />} />
        <Route path="advisories" element={<AdvisoriesTab workspace={workspace} />} />
        <Route path="members" element={<MembersTab workspace={workspace} />} />
        {isOwner && (
          <Route path="invitations" element={<InvitationsTab workspace={workspace} />} />
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
