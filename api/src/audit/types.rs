use async_graphql::{Context, ID, Json, Object};
use chrono::{DateTime, Utc};
use entities::audit_event;

use crate::{
    ids::{self, NodeType},
    users::types::User,
};

/// A recorded change: who, from which organisation, what, on what, when, and the request id.
pub struct AuditEvent(pub audit_event::Model);

#[Object]
impl AuditEvent {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::AuditEvent, self.0.id)
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// Dotted action name, e.g. `organization.create`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn target_type(&self) -> &str {
        &self.0.target_type
    }
    /// The raw id of the target (not a global id: the target may since have been removed).
    async fn target_id(&self) -> Option<String> {
        self.0.target_id.map(|id| id.to_string())
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
    /// The workspace the change belongs to, if any (its raw id, like `targetId`).
    async fn workspace_id(&self) -> Option<String> {
        self.0.workspace_id.map(|id| id.to_string())
    }
    async fn details(&self) -> Json<serde_json::Value> {
        Json(self.0.details.clone())
    }
    /// The account that made the change, when the viewer may see it.
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match (self.0.actor_user_id, self.0.workspace_id) {
            // In a workspace's log, the actor is a (former) member of the workspace.
            (Some(id), Some(_)) => User::load_related(ctx, id).await,
            (Some(id), None) => User::load_visible(ctx, id).await,
            (None, _) => Ok(None),
        }
    }
}
