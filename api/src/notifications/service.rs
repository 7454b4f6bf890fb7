use entities::{NotificationKind, notification};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, sea_query::Expr,
};
use uuid::Uuid;

use serde_json::json;

use crate::realtime::NewEvent;
use crate::{
    audit::service::{self as audit, Entry},
    auth::{Access, Area, Credential},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::{Order, Page},
};

/// What a notification refers to.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NotificationKind,
    pub actor_id: Option<Uuid>,
    pub workspace_id: Option<Uuid>,
    pub thread_id: Option<Uuid>,
    pub post_id: Option<Uuid>,
    pub invitation_id: Option<Uuid>,
    pub advisory_id: Option<Uuid>,
    pub programme_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
}

impl Notice {
    pub fn new(kind: NotificationKind) -> Self {
        Self {
            kind,
            actor_id: None,
            workspace_id: None,
            thread_id: None,
            post_id: None,
            invitation_id: None,
            advisory_id: None,
            programme_id: None,
            session_id: None,
        }
    }
}

/// Creates one notification per recipient (never for the actor themselves), on the
/// change's transaction. The caller decides who may be notified.
pub async fn create(
    db: &impl ConnectionTrait,
    recipients: impl IntoIterator<Item = Uuid>,
    notice: Notice,
) -> AppResult<()> {
    let now = crate::db::now();
    let mut recipients: Vec<Uuid> = recipients
        .into_iter()
        .filter(|r| Some(*r) != notice.actor_id)
        .collect();
    recipients.sort();
    recipients.dedup();
    if recipients.is_empty() {
        return Ok(());
    }
    let ids: Vec<(Uuid, Uuid)> = recipients
        .into_iter()
        .map(|user_id| (user_id, Uuid::now_v7()))
        .collect();
    let events: Vec<NewEvent> = ids
        .iter()
        .map(|(user_id, id)| NewEvent::notification(*user_id, *id))
        .collect();
    let rows = ids
        .into_iter()
        .map(|(user_id, id)| notification::ActiveModel {
            id: Set(id),
            user_id: Set(user_id),
            kind: Set(notice.kind),
            actor_id: Set(notice.actor_id),
            workspace_id: Set(notice.workspace_id),
            thread_id: Set(notice.thread_id),
            post_id: Set(notice.post_id),
            invitation_id: Set(notice.invitation_id),
            advisory_id: Set(notice.advisory_id),
            programme_id: Set(notice.programme_id),
            session_id: Set(notice.session_id),
            created_at: Set(now),
            read_at: Set(None),
        });
    notification::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    crate::realtime::record(db, events).await?;
    Ok(())
}

/// The signed-in account whose notifications these are (a token needs
/// `notifications:read` or `notifications:write`).
pub(crate) fn owner(rc: &RequestCtx, access: Access) -> AppResult<Uuid> {
    let account = rc
        .viewer
        .account()
        .ok_or(AppError::Unauthenticated("sign in to do this"))?;
    if let Credential::ApiToken { scopes, .. } = &account.credential
        && !scopes.allows(Area::Notifications, access)
    {
        return Err(AppError::forbidden(format!(
            "this API token lacks the scope notifications:{}",
            match access {
                Access::Read => "read",
                Access::Write => "write",
            }
        )));
    }
    Ok(account.user_id())
}

/// One of the viewer's notifications; anyone else's does not exist.
pub async fn get(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
) -> AppResult<notification::Model> {
    let me = owner(rc, Access::Read).map_err(|_| AppError::NotFound)?;
    notification::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|n| n.user_id == me)
        .ok_or(AppError::NotFound)
}

/// The viewer's notifications, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    unread_only: bool,
    page: Page,
) -> AppResult<Vec<notification::Model>> {
    let me = owner(rc, Access::Read)?;
    let mut select = notification::Entity::find().filter(notification::Column::UserId.eq(me));
    if unread_only {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    Ok(page
        .apply(select, notification::Column::Id, Order::Newest)
        .all(db)
        .await?)
}

pub async fn unread_count(db: &impl ConnectionTrait, rc: &RequestCtx) -> AppResult<u64> {
    let me = owner(rc, Access::Read)?;
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(me))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Marks the given notifications (or, without ids, all of them) read; returns how many
/// changed. Ids of other users' notifications change nothing.
#[tracing::instrument(skip_all)]
pub async fn mark_read(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    ids: Option<Vec<String>>,
) -> AppResult<u64> {
    let me = owner(rc, Access::Write)?;
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(crate::db::now()))
        .filter(notification::Column::UserId.eq(me))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(ids) = ids {
        if ids.len() > crate::pagination::MAX_PAGE_SIZE as usize {
            return Err(AppError::bad_input(
                "ids",
                format!("at most {} ids at once", crate::pagination::MAX_PAGE_SIZE),
            ));
        }
        let ids = ids
            .iter()
            .map(|id| {
                ids::decode_reference(NodeType::Notification, id, "ids", "not a notification id")
            })
            .collect::<AppResult<Vec<_>>>()?;
        update = update.filter(notification::Column::Id.is_in(ids));
    }
    let txn = crate::db::begin_write(db).await?;
    let result = update.exec(&txn).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "notification.read",
            target_type: "user",
            target_id: Some(me),
            details: json!({ "count": result.rows_affected }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(result.rows_affected)
}
