use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, connection::Connection};
use chrono::{DateTime, Utc};
use entities::{
    InvitationStatus, OrganizationKind, Tlp, WorkspaceRole, organization, workspace_member,
};

use super::{invitations::Seen, kinds, service::Found};
use crate::{
    context,
    ids::{self, NodeType},
    loaders,
    organizations::types::Organization,
    pagination::{self, ActivityPage, Page},
    threads::{self, types::Thread},
    users::types::User,
};

/// A standing space for a topic or operation. Only its members see it.
pub struct Workspace(pub Arc<Found>);

impl Workspace {
    pub fn new(found: Found) -> Self {
        Self(Arc::new(found))
    }

    /// Loads a workspace in which the viewer holds `role`, through the request's
    /// DataLoaders and the policy; `None` when the viewer may not read it.
    pub async fn load_as(
        ctx: &Context<'_>,
        id: uuid::Uuid,
        role: WorkspaceRole,
    ) -> async_graphql::Result<Option<Workspace>> {
        let rc = context::request(ctx)?;
        let Some(workspace) = context::loaders(ctx)?
            .workspaces()
            .load_one(id)
            .await
            .map_err(crate::loaders::internal)?
        else {
            return Ok(None);
        };
        let found = Found {
            workspace,
            role: Some(role),
        };
        Ok(crate::auth::policy::authorize_in_workspace(
            &rc.viewer,
            found.standing(),
            crate::auth::policy::WorkspaceAction::Read,
        )
        .is_ok()
        .then(|| Workspace::new(found)))
    }
}

#[Object]
impl Workspace {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Workspace, self.0.workspace.id)
    }
    async fn name(&self) -> &str {
        &self.0.workspace.name
    }
    async fn description(&self) -> &str {
        &self.0.workspace.description
    }
    /// Threads are marked at least this strictly.
    async fn default_tlp(&self) -> Tlp {
        self.0.workspace.default_tlp
    }
    /// The organisation kinds whose members may join; `null` when every kind may.
    async fn restricted_to_kinds(&self) -> Option<Vec<OrganizationKind>> {
        kinds::parse_stored(self.0.workspace.restricted_to_kinds.as_deref())
    }
    /// The programme whose valid certificate members must hold, if any.
    async fn required_certificate_programme_id(&self) -> Option<ID> {
        self.0
            .workspace
            .required_programme_id
            .map(|id| ids::encode(NodeType::Programme, id))
    }
    /// An archived workspace is read-only.
    async fn archived(&self) -> bool {
        self.0.workspace.archived_at.is_some()
    }
    async fn archived_at(&self) -> Option<DateTime<Utc>> {
        self.0.workspace.archived_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.workspace.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.workspace.updated_at
    }
    /// The viewer's role here.
    async fn viewer_role(&self) -> WorkspaceRole {
        self.0.role()
    }
    /// Members, in the order of their account ids.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, WorkspaceMember>> {
        let state = context::state(ctx)?;
        let page = Page::parse(first, after)?;
        let rows = super::service::members(&state.db, &self.0, page).await?;
        Ok(pagination::connection(
            page,
            rows,
            |m| m.user_id,
            WorkspaceMember,
        ))
    }
    /// Threads the viewer may read, most recently active first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn threads(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Thread>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = ActivityPage::parse(first, after)?;
        let rows = threads::service::list(&state.db, rc, &self.0, page).await?;
        Ok(pagination::activity_connection(
            page,
            rows,
            |t| (t.last_activity_at, t.id),
            |t| Thread::new(t, self.0.clone()),
        ))
    }
    /// Advisories written here that the viewer may read, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn advisories(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<entities::AdvisoryStatus>,
    ) -> async_graphql::Result<Connection<String, crate::advisories::types::Advisory>> {
        crate::advisories::types::workspace_advisories(ctx, &self.0, status, first, after).await
    }
    /// Pending invitations. Owners.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Invitation>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = super::invitations::of_workspace(&state.db, rc, &self.0, page).await?;
        Ok(pagination::connection(
            page,
            rows,
            |s| s.invitation.id,
            Invitation,
        ))
    }
}

pub struct WorkspaceMember(pub workspace_member::Model);

#[Object]
impl WorkspaceMember {
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.0.user_id).await
    }
    async fn role(&self) -> WorkspaceRole {
        self.0.role
    }
    async fn joined_at(&self) -> DateTime<Utc> {
        self.0.joined_at
    }
}

/// An invitation to a workspace, for one account or for every verified member of an
/// organisation. Seen by its addressees and by the workspace's owners.
pub struct Invitation(pub Seen);

#[Object]
impl Invitation {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Invitation, self.0.invitation.id)
    }
    /// The role the invitee gets on accepting.
    async fn role(&self) -> WorkspaceRole {
        self.0.invitation.role
    }
    /// For an organisation's invitation, the viewer's own answer.
    async fn status(&self) -> InvitationStatus {
        self.0.status()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.invitation.created_at
    }
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.invitation.expires_at
    }
    async fn expired(&self) -> bool {
        self.0.invitation.expires_at <= Utc::now()
    }
    /// The workspace's id; the workspace itself is visible once a member.
    async fn workspace_id(&self) -> ID {
        ids::encode(NodeType::Workspace, self.0.workspace.id)
    }
    async fn workspace_name(&self) -> &str {
        &self.0.workspace.name
    }
    async fn workspace_description(&self) -> &str {
        &self.0.workspace.description
    }
    /// The invited account, for an invitation to one account.
    async fn invited_user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.0.invitation.user_id {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The invited organisation, for an invitation to all its verified members.
    async fn invited_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        let Some(id) = self.0.invitation.organization_id else {
            return Ok(None);
        };
        let rc = context::request(ctx)?;
        let org: Option<organization::Model> = context::loaders(ctx)?
            .organizations()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        Ok(org
            .filter(|o| {
                crate::auth::policy::authorize(
                    &rc.viewer,
                    crate::auth::policy::Action::ViewOrganization(o),
                )
                .is_ok()
            })
            .map(Organization))
    }
    async fn invited_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.0.invitation.invited_by).await
    }
}

#[derive(InputObject)]
pub struct CreateWorkspaceInput {
    /// 1 to 200 characters.
    pub name: String,
    /// Up to 5,000 characters.
    pub description: Option<String>,
    /// `CLEAR` to `AMBER_STRICT`; threads are marked at least this strictly.
    #[graphql(default_with = "Tlp::Green")]
    pub default_tlp: Tlp,
    /// Only members of these organisation kinds may be invited or join.
    pub restricted_to_kinds: Option<Vec<OrganizationKind>>,
}

#[derive(InputObject)]
pub struct UpdateWorkspaceInput {
    pub name: Option<String>,
    pub description: Option<String>,
    /// Raising it raises every thread below it to it.
    pub default_tlp: Option<Tlp>,
    /// An empty list lifts the restriction.
    pub restricted_to_kinds: Option<Vec<OrganizationKind>>,
    /// A certifying programme whose valid certificate every member must hold (`null` lifts
    /// the requirement). Refused while members without one are in the workspace.
    pub required_certificate_programme_id: async_graphql::MaybeUndefined<ID>,
}

#[derive(InputObject)]
pub struct InviteToWorkspaceInput {
    pub workspace_id: ID,
    /// Invite one account…
    pub user_id: Option<ID>,
    /// …or one account by its email (of any organisation)…
    pub email: Option<String>,
    /// …or every verified member of an organisation (each joins on their own).
    pub organization_id: Option<ID>,
    #[graphql(default_with = "WorkspaceRole::Contributor")]
    pub role: WorkspaceRole,
    /// Default 14 days from now; at most 90.
    pub expires_at: Option<DateTime<Utc>>,
}
