import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EnumSelect } from '../../components/Form';
import { PagedStates } from '../../components/LoadMore';
import { ErrorNotice, FormError } from '../../components/States';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';
import type { WorkspaceMemberItemFragment, WorkspaceSummaryFragment } from '../../gql/graphql';
import { useLiveEvents, useOnResync } from '../../live/useLiveEvents';
import { ORGANIZATION_KIND_LABELS, WORKSPACE_ROLE_LABELS } from '../../lib/labels';
import { formatDate, paths } from '../../lib/paths';
import { usePagedQuery } from '../../lib/useLoadMore';
import { useViewer } from '../../session/useSession';

graphql(`
  fragment WorkspaceMemberItem on WorkspaceMember {
    role
    joinedAt
    user {
      id
      displayName
      email
      organization {
        id
        name
        kind
      }
    }
  }
`);

const WorkspaceMembersDocument = graphql(`
  query WorkspaceMembers($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      members(first: 100, after: $after) {
        nodes {
          ...WorkspaceMemberItem
        }
        pageInfo {
          ...PageCursor
        }
      }
    }
  }
`);

const WorkspaceMembershipChangedDocument = graphql(`
  subscription WorkspaceMembershipChanged($workspaceId: ID!, $after: String) {
    membershipChanged(workspaceId: $workspaceId, after: $after) {
      cursor
      kind
      role
      member {
        id
      }
    }
  }
`);

const ChangeMemberRoleDocument = graphql(`
  mutation ChangeMemberRole($workspaceId: ID!, $userId: ID!, $role: WorkspaceRole!) {
    changeMemberRole(workspaceId: $workspaceId, userId: $userId, role: $role) {
      ...WorkspaceMemberItem
    }
  }
`);

const RemoveMemberDocument = graphql(`
  mutation RemoveMember($workspaceId: ID!, $userId: ID!) {
    removeMember(workspaceId: $workspaceId, userId: $userId) {
      id
    }
  }
`);

const LeaveWorkspaceDocument = graphql(`
  mutation LeaveWorkspace($id: ID!) {
    leaveWorkspace(id: $id)
  }
`);

export function MembersTab({ workspace }: { workspace: WorkspaceSummaryFragment }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const members = usePagedQuery({
    query: WorkspaceMembersDocument,
    variables: { id: workspace.id },
    connection: (data) => data.workspace.members,
  });
  const [leaveState, leave] = useMutation(LeaveWorkspaceDocument);

  const variables = useMemo(() => ({ workspaceId: workspace.id }), [workspace.id]);
  // Membership changes are few: reload the list when one happens.
  const liveError = useLiveEvents(WorkspaceMembershipChangedDocument, variables, members.reload);
  useOnResync(members.reload);

  const isOwner = workspace.viewerRole === 'OWNER' && !workspace.archived;

  return (
    <section aria-labelledby="members-heading" className="section">
      <div className="section-head">
        <h2 id="members-heading">Members</h2>
        <ConfirmAction
          trigger="Leave workspace"
          triggerClassName="button-secondary"
          group="Confirm leaving"
          prompt={`Leave “${workspace.name}”?`}
          confirm="Leave"
          cancel="Stay"
          busy={leaveState.fetching}
          onConfirm={() => {
            void leave({ id: workspace.id }).then((r) => {
              if (r.data) void navigate(paths.workspaces());
            });
          }}
        />
      </div>
      <FormError error={leaveState.error} />
      {liveError && <ErrorNotice error={liveError} />}
      <PagedStates
        paged={members}
        loading="Loading members…"
        empty="No members to show."
        more="Show more members"
      >
        <Table
          caption={`Members of ${workspace.name}`}
          columns={['Member', 'Organisation', 'Role', 'Joined', isOwner && 'Actions']}
        >
          {members.nodes.map((member, i) => (
            <MemberRow
              key={member.user?.id ?? `hidden-${String(i)}`}
              member={member}
              workspaceId={workspace.id}
              manage={isOwner && member.user?.id !== viewer.id}
              showActions={isOwner}
              onChanged={members.reload}
            />
          ))}
        </Table>
      </PagedStates>
    </section>
  );
}

function MemberRow({
  member,
  workspaceId,
  manage,
  showActions,
  onChanged,
}: {
  member: WorkspaceMemberItemFragment;
  workspaceId: string;
  manage: boolean;
  showActions: boolean;
  onChanged: () => void;
}) {
  const [roleState, changeRole] = useMutation(ChangeMemberRoleDocument);
  const [removeState, remove] = useMutation(RemoveMemberDocument);
  const user = member.user;
  const name = user?.displayName ?? 'Hidden account';
  const selectId = `role-${user?.id ?? 'hidden'}`;

  return (
    <tr>
      <td>
        {name}
        {user && <span className="sub">{user.email}</span>}
      </td>
      <td>
        {user ? (
          <>
            {user.organization.name}
            <span className="sub">{ORGANIZATION_KIND_LABELS[user.organization.kind]}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        {manage && user ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              Role of {name}
            </label>
            <EnumSelect
              id={selectId}
              value={member.role}
              disabled={roleState.fetching}
              onChange={(role) => {
                void changeRole({ workspaceId, userId: user.id, role }).then((r) => {
                  if (r.data) onChanged();
                });
              }}
              labels={WORKSPACE_ROLE_LABELS}
            />
            <FormError error={roleState.error} />
          </>
        ) : (
          WORKSPACE_ROLE_LABELS[member.role]
        )}
      </td>
      <td>
        <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
      </td>
      {showActions && (
        <td>
          {manage && user && (
            <>
              <ConfirmAction
                trigger="Remove"
                triggerLabel={`Remove ${name}`}
                group={`Confirm removing ${name}`}
                confirm={`Remove ${name}`}
                busy={removeState.fetching}
                onConfirm={() => {
                  void remove({ workspaceId, userId: user.id }).then((r) => {
                    if (r.data) onChanged();
                  });
                }}
              />
              <FormError error={removeState.error} />
            </>
          )}
        </td>
      )}
    </tr>
  );
}
