use std::sync::Arc;

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use entities::{NotificationKind, notification};

use crate::{
    context,
    ids::{self, NodeType},
    loaders,
    threads::types::{Post, Thread},
    users::types::User,
    workspaces::{service::Found, types::Workspace},
};

/// Something for the viewer to look at. What it points to is authorised again when read:
/// a thread the viewer can no longer read is `null` here.
pub struct Notification(pub notification::Model);

#[Object]
impl Notification {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Notification, self.0.id)
    }
    async fn kind(&self) -> NotificationKind {
        self.0.kind
    }
    async fn read(&self) -> bool {
        self.0.read_at.is_some()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at
    }
    /// Who caused it.
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.0.actor_id {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The workspace, when the viewer is a member.
    async fn workspace(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Workspace>> {
        let Some(id) = self.0.workspace_id else {
            return Ok(None);
        };
        let rc = context::request(ctx)?;
        let loaders = context::loaders(ctx)?;
        let Some(workspace) = loaders
            .workspaces()
            .load_one(id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        let role = loaders
            .memberships()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        let found = Found { workspace, role };
        let visible = crate::auth::policy::authorize_in_workspace(
            &rc.viewer,
            found.standing(),
            crate::auth::policy::WorkspaceAction::Read,
        )
        .is_ok();
        Ok(visible.then(|| Workspace(Arc::new(found))))
    }
    /// The thread, when the viewer may read it.
    async fn thread(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Thread>> {
        match self.0.thread_id {
            Some(id) => Thread::load_readable(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The post, when the viewer may read its thread.
    async fn post(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Post>> {
        let (Some(thread_id), Some(post_id)) = (self.0.thread_id, self.0.post_id) else {
            return Ok(None);
        };
        let Some(thread) = Thread::load_readable(ctx, thread_id).await? else {
            return Ok(None);
        };
        let post = context::loaders(ctx)?
            .posts()
            .load_one(post_id)
            .await
            .map_err(loaders::internal)?;
        Ok(post
            .filter(|p| p.thread_id == thread_id)
            .map(|p| thread.post(p)))
    }
    /// The advisory, for sign-off and publication notifications, when the viewer may read
    /// it.
    async fn advisory(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::advisories::types::Advisory>> {
        match self.0.advisory_id {
            Some(id) => crate::advisories::types::Advisory::load_readable(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The training programme, for training notifications (see `programme(id)`).
    async fn programme_id(&self) -> Option<ID> {
        self.0
            .programme_id
            .map(|id| ids::encode(NodeType::Programme, id))
    }
    /// The training session, for seat and session notifications.
    async fn session_id(&self) -> Option<ID> {
        self.0
            .session_id
            .map(|id| ids::encode(NodeType::TrainingSession, id))
    }
    /// The invitation's id, for `INVITATION` notifications (see `invitations` and
    /// `node(id)`).
    async fn invitation_id(&self) -> Option<ID> {
        self.0
            .invitation_id
            .map(|id| ids::encode(NodeType::Invitation, id))
    }
}
