use chrono::Utc;
use entities::audit_event;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select,
};
use uuid::Uuid;

use crate::{
    auth::policy::{self, Action},
    context::RequestCtx,
    error::AppResult,
    pagination::{Order, Page},
};

/// One audit event to write.
pub struct Entry<'a> {
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: Option<Uuid>,
    pub details: serde_json::Value,
}

/// Writes an event attributed to the request's viewer. Call it on the change's transaction.
pub async fn record(db: &impl ConnectionTrait, rc: &RequestCtx, entry: Entry<'_>) -> AppResult<()> {
    record_as(
        db,
        rc,
        rc.viewer.user_id(),
        rc.viewer.organization_id(),
        entry,
    )
    .await
}

/// Writes an event of a change in a workspace; the workspace's owners can read it.
pub async fn record_in(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    workspace_id: Uuid,
    entry: Entry<'_>,
) -> AppResult<()> {
    write(
        db,
        rc,
        rc.viewer.user_id(),
        rc.viewer.organization_id(),
        Some(workspace_id),
        entry,
    )
    .await
}

/// Writes an event of a change in a workspace with an explicit actor (`None` for the
/// platform itself, such as access ending when a certificate expires).
pub async fn record_as_in(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    actor_user_id: Option<Uuid>,
    actor_organization_id: Option<Uuid>,
    workspace_id: Uuid,
    entry: Entry<'_>,
) -> AppResult<()> {
    write(
        db,
        rc,
        actor_user_id,
        actor_organization_id,
        Some(workspace_id),
        entry,
    )
    .await
}

/// Writes an event with an explicit actor (e.g. the account that is signing in).
pub async fn record_as(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    actor_user_id: Option<Uuid>,
    actor_organization_id: Option<Uuid>,
    entry: Entry<'_>,
) -> AppResult<()> {
    write(db, rc, actor_user_id, actor_organization_id, None, entry).await
}

async fn write(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    actor_user_id: Option<Uuid>,
    actor_organization_id: Option<Uuid>,
    workspace_id: Option<Uuid>,
    entry: Entry<'_>,
) -> AppResult<()> {
    rc.changes.mark();
    let event = audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(Utc::now()),
        actor_user_id: Set(actor_user_id),
        actor_organization_id: Set(actor_organization_id),
        action: Set(entry.action.to_owned()),
        target_type: Set(entry.target_type.to_owned()),
        target_id: Set(entry.target_id),
        request_id: Set(Some(rc.request_id.clone())),
        details: Set(entry.details),
        workspace_id: Set(workspace_id),
    };
    audit_event::Entity::insert(event)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Leaves out the events about `RED` threads (and their posts) that do not name the viewer.
fn without_hidden_red_content(
    select: Select<audit_event::Entity>,
    rc: &RequestCtx,
) -> Select<audit_event::Entity> {
    let [threads, posts] = policy::unreadable_red_content(rc.viewer.user_id().unwrap_or_default());
    select.filter(
        Condition::any()
            .add(audit_event::Column::TargetId.is_null())
            .add(
                Condition::all()
                    .add(audit_event::Column::TargetId.not_in_subquery(threads))
                    .add(audit_event::Column::TargetId.not_in_subquery(posts)),
            ),
    )
}

/// The platform audit log, newest first (admins).
pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    page: Page,
) -> AppResult<Vec<audit_event::Model>> {
    policy::authorize(&rc.viewer, Action::ReadPlatformAudit)?;
    Ok(page
        .apply(
            without_hidden_red_content(audit_event::Entity::find(), rc),
            audit_event::Column::Id,
            Order::Newest,
        )
        .all(db)
        .await?)
}

/// The audit events of one workspace, newest first: its owners, and platform admins.
pub async fn list_workspace(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    workspace_id: &str,
    page: Page,
) -> AppResult<Vec<audit_event::Model>> {
    let workspace_id = crate::ids::decode(crate::ids::NodeType::Workspace, workspace_id)?;
    if policy::authorize(&rc.viewer, Action::ReadPlatformAudit).is_err() {
        crate::workspaces::service::require(db, rc, workspace_id, policy::WorkspaceAction::Manage)
            .await?;
    }
    Ok(page
        .apply(
            without_hidden_red_content(
                audit_event::Entity::find()
                    .filter(audit_event::Column::WorkspaceId.eq(workspace_id)),
                rc,
            ),
            audit_event::Column::Id,
            Order::Newest,
        )
        .all(db)
        .await?)
}

/// One audit event: admins, and owners of the event's workspace. To anyone else it does
/// not exist.
pub async fn get(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
) -> AppResult<audit_event::Model> {
    let event = without_hidden_red_content(audit_event::Entity::find_by_id(id), rc)
        .one(db)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    if policy::authorize(&rc.viewer, Action::ReadPlatformAudit).is_ok() {
        return Ok(event);
    }
    let workspace_id = event.workspace_id.ok_or(crate::error::AppError::NotFound)?;
    crate::workspaces::service::require(db, rc, workspace_id, policy::WorkspaceAction::Manage)
        .await
        .map_err(|_| crate::error::AppError::NotFound)?;
    Ok(event)
}
