import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorNotice, FormError, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { WorkspaceHeaderFragment, WorkspaceMemberItemFragment, WorkspaceRole } from '../../gql/graphql';
import { useLiveEvents, useOnResync } from '../../live/useLiveEvents';
import {
  ORGANIZATION_KIND_LABELS,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
} from '../../lib/labels';
import { formatDate, paths } from '../../lib/paths';
import { useLoadMore } from '../../lib/useLoadMore';
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
  query WorkspaceMembers($id: ID!) {
    workspace(id: $id) {
      id
      members(first: 100) {
        nodes {
          ...WorkspaceMemberItem
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const MoreWorkspaceMembersDocument = graphql(`
  query MoreWorkspaceMembers($id: ID!, $after: String!) {
    workspace(id: $id) {
      id
      members(first: 100, after: $after) {
        nodes {
          ...WorkspaceMemberItem
        }
        pageInfo {
          hasNextPage
          endCursor
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

export function MembersTab({ workspace }: { workspace: WorkspaceHeaderFragment }) {
  const client = useClient();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({
    query: WorkspaceMembersDocument,
    variables: { id: workspace.id },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [leaveState, leave] = useMutation(LeaveWorkspaceDocument);
  const [confirmLeave, setConfirmLeave] = useState(false);

  const variables = useMemo(() => ({ workspaceId: workspace.id }), [workspace.id]);
  // Membership changes are few: reload the list when one happens.
  const liveError = useLiveEvents(WorkspaceMembershipChangedDocument, variables, reload);
  useOnResync(reload);

  const list = useLoadMore(result.data?.workspace.members, async (after) => {
    const r = await client
      .query(MoreWorkspaceMembersDocument, { id: workspace.id, after })
      .toPromise();
    return { connection: r.data?.workspace.members, error: r.error };
  });

  const isOwner = workspace.viewerRole === 'OWNER' && !workspace.archived;

  return (
    <section aria-labelledby="members-heading" className="section">
      <div className="section-head">
        <h2 id="members-heading">Members</h2>
        {!confirmLeave ? (
          <button type="button" className="button-secondary" onClick={() => setConfirmLeave(true)}>
            Leave workspace
          </button>
        ) : (
          <div className="confirm" role="group" aria-label="Confirm leaving">
            <span>Leave “{workspace.name}”?</span>
            <button
              type="button"
              className="button-danger"
              disabled={leaveState.fetching}
              onClick={() => {
                void leave({ id: workspace.id }).then((r) => {
                  if (r.data) void navigate(paths.workspaces());
                });
              }}
            >
              Leave
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmLeave(false)}>
              Stay
            </button>
          </div>
        )}
      </div>
      <FormError error={leaveState.error} />
      {liveError && <ErrorNotice error={liveError} />}
      {result.error && !result.data ? (
        <ErrorNotice error={result.error} retry={reload} />
      ) : !result.data ? (
        <Loading label="Loading members…" />
      ) : list.nodes.length === 0 ? (
        <Empty>No members to show.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members of {workspace.name}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {isOwner && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.nodes.map((member, i) => (
                <MemberRow
                  key={member.user?.id ?? `hidden-${String(i)}`}
                  member={member}
                  workspaceId={workspace.id}
                  manage={isOwner && member.user?.id !== viewer.id}
                  showActions={isOwner}
                  onChanged={reload}
                />
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
        label="Show more members"
      />
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
  const [confirmRemove, setConfirmRemove] = useState(false);
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
            <select
              id={selectId}
              value={member.role}
              disabled={roleState.fetching}
              onChange={(e) => {
                void changeRole({
                  workspaceId,
                  userId: user.id,
                  role: e.target.value as WorkspaceRole,
                }).then((r) => {
                  if (r.data) onChanged();
                });
              }}
            >
              {WORKSPACE_ROLES.map((role) => (
                <option key={role} value={role}>
                  {WORKSPACE_ROLE_LABELS[role]}
                </option>
              ))}
            </select>
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
              {!confirmRemove ? (
                <button
                  type="button"
                  className="button-quiet danger"
                  aria-label={`Remove ${name}`}
                  onClick={() => setConfirmRemove(true)}
                >
                  Remove
                </button>
              ) : (
                <span className="confirm" role="group" aria-label={`Confirm removing ${name}`}>
                  <button
                    type="button"
                    className="button-danger"
                    disabled={removeState.fetching}
                    onClick={() => {
                      void remove({ workspaceId, userId: user.id }).then((r) => {
                        if (r.data) onChanged();
                      });
                    }}
                  >
                    Remove {name}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setConfirmRemove(false)}
                  >
                    Cancel
                  </button>
                </span>
              )}
              <FormError error={removeState.error} />
            </>
          )}
        </td>
      )}
    </tr>
  );
}
