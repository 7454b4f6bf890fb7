use async_graphql::{Context, ID, Object, connection::Connection};
use entities::WorkspaceRole;

use super::{
    invitations::{self, NewInvitation},
    service::{self, NewWorkspace, WorkspaceChanges},
    types::{
        CreateWorkspaceInput, Invitation, InviteToWorkspaceInput, UpdateWorkspaceInput, Workspace,
        WorkspaceMember,
    },
};
use crate::{
    context,
    ids::{self, NodeType},
    pagination::{self, Page},
};

#[derive(Default)]
pub struct WorkspaceQuery;

#[Object]
impl WorkspaceQuery {
    /// A workspace the viewer is a member of.
    async fn workspace(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let id = ids::decode(NodeType::Workspace, &id)?;
        Ok(Workspace::new(service::get(&state.db, rc, id).await?))
    }

    /// The workspaces the viewer belongs to, oldest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn workspaces(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Workspace>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = service::list(&state.db, rc, page).await?;
        Ok(pagination::connection(
            page,
            rows,
            |f| f.workspace.id,
            Workspace::new,
        ))
    }

    /// The viewer's pending invitations (to them, or to their organisation).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Invitation>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = invitations::pending_for_viewer(&state.db, rc, page).await?;
        Ok(pagination::connection(
            page,
            rows,
            |s| s.invitation.id,
            Invitation,
        ))
    }
}

#[derive(Default)]
pub struct WorkspaceMutation;

#[Object]
impl WorkspaceMutation {
    /// Starts a workspace; the creator becomes its `OWNER`. Members of verified
    /// organisations.
    async fn create_workspace(
        &self,
        ctx: &Context<'_>,
        input: CreateWorkspaceInput,
    ) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::create(
            &state.db,
            rc,
            NewWorkspace {
                name: input.name,
                description: input.description,
                default_tlp: input.default_tlp,
                restricted_to_kinds: input.restricted_to_kinds,
            },
        )
        .await?;
        Ok(Workspace::new(found))
    }

    /// Changes a workspace's settings. Owners.
    async fn update_workspace(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateWorkspaceInput,
    ) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::update(
            &state.db,
            rc,
            &id,
            WorkspaceChanges {
                name: input.name,
                description: input.description,
                default_tlp: input.default_tlp,
                restricted_to_kinds: input.restricted_to_kinds.map(Some),
                required_programme_id: match input.required_certificate_programme_id {
                    async_graphql::MaybeUndefined::Undefined => None,
                    async_graphql::MaybeUndefined::Null => Some(None),
                    async_graphql::MaybeUndefined::Value(id) => Some(Some(id.0)),
                },
            },
        )
        .await?;
        Ok(Workspace::new(found))
    }

    /// Archives a workspace: it stays readable and takes no more changes. Owners.
    async fn archive_workspace(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Workspace::new(service::archive(&state.db, rc, &id).await?))
    }

    /// Changes a member's role. Owners; the last owner cannot step down.
    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        workspace_id: ID,
        user_id: ID,
        role: WorkspaceRole,
    ) -> async_graphql::Result<WorkspaceMember> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let member =
            service::change_member_role(&state.db, rc, &workspace_id, &user_id, role).await?;
        Ok(WorkspaceMember(member))
    }

    /// Removes another member. Owners; the last owner cannot be removed. To leave, use
    /// `leaveWorkspace`.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        workspace_id: ID,
        user_id: ID,
    ) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::remove_member(&state.db, rc, &workspace_id, &user_id).await?;
        Ok(Workspace::new(found))
    }

    /// Leaves a workspace; returns its id. The last owner cannot leave.
    async fn leave_workspace(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ID> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        service::leave(&state.db, rc, &id).await?;
        Ok(id)
    }

    /// Invites an account or a whole organisation. Owners.
    async fn invite_to_workspace(
        &self,
        ctx: &Context<'_>,
        input: InviteToWorkspaceInput,
    ) -> async_graphql::Result<Invitation> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let invitation = invitations::invite(
            &state.db,
            rc,
            NewInvitation {
                workspace_id: input.workspace_id.0,
                user_id: input.user_id.map(|id| id.0),
                email: input.email,
                organization_id: input.organization_id.map(|id| id.0),
                role: input.role,
                expires_at: input.expires_at,
            },
        )
        .await?;
        let seen = invitations::get(&state.db, rc, invitation.id).await?;
        Ok(Invitation(seen))
    }

    /// Accepts an invitation addressed to the viewer; returns the workspace joined.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Workspace> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Workspace::new(
            invitations::accept(&state.db, rc, &id).await?,
        ))
    }

    /// Declines an invitation addressed to the viewer.
    async fn decline_invitation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Invitation> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Invitation(invitations::decline(&state.db, rc, &id).await?))
    }

    /// Withdraws a pending invitation. Owners.
    async fn revoke_invitation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Invitation> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Invitation(invitations::revoke(&state.db, rc, &id).await?))
    }
}
