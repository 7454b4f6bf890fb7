use chrono::{DateTime, Utc};
use entities::{EventKind, Tlp, thread, thread_recipient};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use crate::realtime::{self, NewEvent};
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, WorkspaceAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    pagination::ActivityPage,
    workspaces::service::{self as workspaces, Found},
};

pub const TITLE_MAX: usize = 200;
pub const MAX_RECIPIENTS: usize = 100;

/// A thread the viewer may read, with its workspace and the viewer's standing there.
#[derive(Debug, Clone)]
pub struct ThreadFound {
    pub thread: thread::Model,
    pub found: Found,
}

pub fn normalize_title(title: &str) -> AppResult<String> {
    let title = title.trim();
    if !(1..=TITLE_MAX).contains(&title.chars().count()) {
        return Err(AppError::bad_input(
            "title",
            format!("must be 1 to {TITLE_MAX} characters"),
        ));
    }
    Ok(title.to_owned())
}

async fn is_recipient(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    thread: &thread::Model,
) -> AppResult<bool> {
    if thread.tlp != Tlp::Red {
        return Ok(false);
    }
    let Some(me) = rc.viewer.user_id() else {
        return Ok(false);
    };
    Ok(thread_recipient::Entity::find_by_id((thread.id, me))
        .one(db)
        .await?
        .is_some())
}

/// Loads a thread the viewer may read, then checks `action` (if any) on it.
pub async fn require(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
    action: Option<fn(&thread::Model) -> WorkspaceAction<'_>>,
) -> AppResult<ThreadFound> {
    let thread = thread::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let recipient = is_recipient(db, rc, &thread).await?;
    let found = workspaces::require(
        db,
        rc,
        thread.workspace_id,
        WorkspaceAction::ReadThread {
            thread: &thread,
            recipient,
        },
    )
    .await?;
    if let Some(action) = action {
        policy::authorize_in_workspace(&rc.viewer, found.standing(), action(&thread))?;
    }
    Ok(ThreadFound { thread, found })
}

pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<ThreadFound> {
    require(db, rc, id, None).await
}

/// Checks a thread's TLP against its workspace and resolves its recipients: a `RED` thread
/// names members of the workspace (its author always among them); other threads name none.
async fn check_marking(
    db: &impl ConnectionTrait,
    found: &Found,
    author: Uuid,
    tlp: Tlp,
    recipient_ids: Option<&[String]>,
) -> AppResult<Vec<Uuid>> {
    if tlp < found.workspace.default_tlp {
        return Err(AppError::bad_input(
            "tlp",
            format!(
                "must not be less strict than the workspace's {}",
                sea_orm::ActiveEnum::to_value(&found.workspace.default_tlp)
            ),
        ));
    }
    if tlp != Tlp::Red {
        if recipient_ids.is_some_and(|r| !r.is_empty()) {
            return Err(AppError::bad_input(
                "recipientIds",
                "only RED threads name recipients",
            ));
        }
        return Ok(Vec::new());
    }
    let given = recipient_ids.unwrap_or_default();
    if given.is_empty() {
        return Err(AppError::bad_input(
            "recipientIds",
            "a RED thread needs named recipients",
        ));
    }
    if given.len() > MAX_RECIPIENTS {
        return Err(AppError::bad_input(
            "recipientIds",
            format!("at most {MAX_RECIPIENTS} recipients"),
        ));
    }
    let mut wanted = given
        .iter()
        .map(|id| {
            ids::decode_reference(
                NodeType::User,
                id,
                "recipientIds",
                "recipients must be members of the workspace",
            )
        })
        .collect::<AppResult<Vec<_>>>()?;
    wanted.push(author);
    wanted.sort();
    wanted.dedup();
    let members = workspaces::members_among(db, found.workspace.id, wanted.iter().copied()).await?;
    if members.len() != wanted.len() {
        return Err(AppError::bad_input(
            "recipientIds",
            "recipients must be members of the workspace",
        ));
    }
    Ok(wanted)
}

async fn set_recipients(
    db: &impl ConnectionTrait,
    thread_id: Uuid,
    recipients: &[Uuid],
) -> AppResult<()> {
    thread_recipient::Entity::delete_many()
        .filter(thread_recipient::Column::ThreadId.eq(thread_id))
        .exec(db)
        .await?;
    if !recipients.is_empty() {
        thread_recipient::Entity::insert_many(recipients.iter().map(|user| {
            thread_recipient::ActiveModel {
                thread_id: Set(thread_id),
                user_id: Set(*user),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

pub struct NewThread {
    pub workspace_id: String,
    pub title: String,
    pub tlp: Option<Tlp>,
    pub recipient_ids: Option<Vec<String>>,
    /// The first post, if any.
    pub body: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewThread,
) -> AppResult<ThreadFound> {
    let title = normalize_title(&new.title)?;
    let body = new
        .body
        .as_deref()
        .map(super::posts::normalize_body)
        .transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let found =
        workspaces::require_by_global_id(&txn, rc, &new.workspace_id, WorkspaceAction::Contribute)
            .await?;
    let author = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let tlp = new.tlp.unwrap_or(found.workspace.default_tlp);
    let recipients = check_marking(&txn, &found, author, tlp, new.recipient_ids.as_deref()).await?;
    let now = crate::db::now();
    let thread = thread::ActiveModel {
        id: Set(Uuid::now_v7()),
        workspace_id: Set(found.workspace.id),
        title: Set(title),
        tlp: Set(tlp),
        pinned: Set(false),
        locked: Set(false),
        author_id: Set(author),
        created_at: Set(now),
        updated_at: Set(now),
        last_activity_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_recipients(&txn, thread.id, &recipients).await?;
    realtime::record(
        &txn,
        [NewEvent::thread(
            EventKind::ThreadCreated,
            thread.workspace_id,
            thread.id,
        )],
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        found.workspace.id,
        Entry {
            action: "thread.create",
            target_type: "thread",
            target_id: Some(thread.id),
            details: json!({ "title": thread.title, "tlp": thread.tlp, "recipients": recipients }),
        },
    )
    .await?;
    let found_thread = ThreadFound { thread, found };
    let thread = match body {
        Some(body) => {
            super::posts::insert(&txn, rc, &found_thread, body, None).await?;
            thread::Entity::find_by_id(found_thread.thread.id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?
        }
        None => found_thread.thread,
    };
    txn.commit().await?;
    Ok(ThreadFound {
        thread,
        found: found_thread.found,
    })
}

pub struct ThreadChanges {
    pub title: Option<String>,
    pub tlp: Option<Tlp>,
    pub recipient_ids: Option<Vec<String>>,
}

#[tracing::instrument(skip_all)]
pub async fn update(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    changes: ThreadChanges,
) -> AppResult<ThreadFound> {
    let id = ids::decode(NodeType::Thread, id)?;
    let title = changes.title.as_deref().map(normalize_title).transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let current = require(&txn, rc, id, Some(|t| WorkspaceAction::EditThread(t))).await?;
    let tlp = changes.tlp.unwrap_or(current.thread.tlp);
    let mut details = serde_json::Map::new();
    let recipients_given = changes.recipient_ids.is_some();
    if changes.tlp.is_some() || recipients_given {
        let recipient_ids = match changes.recipient_ids {
            Some(ids) => Some(ids),
            // Staying RED without new recipients keeps the current ones.
            None if tlp == Tlp::Red => {
                let existing: Vec<String> = thread_recipient::Entity::find()
                    .filter(thread_recipient::Column::ThreadId.eq(id))
                    .all(&txn)
                    .await?
                    .into_iter()
                    .map(|r| ids::encode(NodeType::User, r.user_id).0)
                    .collect();
                Some(existing)
            }
            None => None,
        };
        let recipients = check_marking(
            &txn,
            &current.found,
            current.thread.author_id,
            tlp,
            recipient_ids.as_deref(),
        )
        .await?;
        set_recipients(&txn, id, &recipients).await?;
        details.insert("tlp".into(), json!(tlp));
        details.insert("recipients".into(), json!(recipients));
    }
    let mut active: thread::ActiveModel = current.thread.clone().into();
    if let Some(title) = title {
        details.insert("title".into(), json!(title));
        active.title = Set(title);
    }
    active.tlp = Set(tlp);
    active.updated_at = Set(crate::db::now());
    let thread = active.update(&txn).await?;
    realtime::record(
        &txn,
        [NewEvent::thread(
            EventKind::ThreadUpdated,
            thread.workspace_id,
            thread.id,
        )],
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        thread.workspace_id,
        Entry {
            action: "thread.update",
            target_type: "thread",
            target_id: Some(thread.id),
            details: serde_json::Value::Object(details),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(ThreadFound {
        thread,
        found: current.found,
    })
}

#[derive(Debug, Clone, Copy)]
pub enum Flag {
    Pinned,
    Locked,
}

/// Pins or locks (or unpins, unlocks) a thread. Moderators.
#[tracing::instrument(skip_all)]
pub async fn set_flag(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    flag: Flag,
    value: bool,
) -> AppResult<ThreadFound> {
    let id = ids::decode(NodeType::Thread, id)?;
    let txn = crate::db::begin_write(db).await?;
    let current = require(&txn, rc, id, Some(|_| WorkspaceAction::Moderate)).await?;
    let mut active: thread::ActiveModel = current.thread.clone().into();
    let action = match (flag, value) {
        (Flag::Pinned, true) => "thread.pin",
        (Flag::Pinned, false) => "thread.unpin",
        (Flag::Locked, true) => "thread.lock",
        (Flag::Locked, false) => "thread.unlock",
    };
    match flag {
        Flag::Pinned => active.pinned = Set(value),
        Flag::Locked => active.locked = Set(value),
    }
    active.updated_at = Set(crate::db::now());
    let thread = active.update(&txn).await?;
    let kind = match flag {
        Flag::Pinned => EventKind::ThreadPinned,
        Flag::Locked => EventKind::ThreadLocked,
    };
    realtime::record(
        &txn,
        [NewEvent::thread(kind, thread.workspace_id, thread.id)],
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        thread.workspace_id,
        Entry {
            action,
            target_type: "thread",
            target_id: Some(thread.id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(ThreadFound {
        thread,
        found: current.found,
    })
}

/// Threads of a workspace the viewer may read, most recently active first.
pub async fn list(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: &Found,
    page: ActivityPage,
) -> AppResult<Vec<thread::Model>> {
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let mut select = thread::Entity::find()
        .filter(thread::Column::WorkspaceId.eq(found.workspace.id))
        .filter(policy::readable_threads(me));
    if let Some((at, id)) = page.after {
        select = select.filter(
            Condition::any()
                .add(thread::Column::LastActivityAt.lt(at))
                .add(
                    Condition::all()
                        .add(thread::Column::LastActivityAt.eq(at))
                        .add(thread::Column::Id.lt(id)),
                ),
        );
    }
    Ok(select
        .order_by_desc(thread::Column::LastActivityAt)
        .order_by_desc(thread::Column::Id)
        .limit(page.limit())
        .all(db)
        .await?)
}

/// Marks activity on a thread (a new post).
pub async fn touch(db: &impl ConnectionTrait, thread_id: Uuid, at: DateTime<Utc>) -> AppResult<()> {
    thread::Entity::update_many()
        .col_expr(
            thread::Column::LastActivityAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(thread::Column::Id.eq(thread_id))
        .exec(db)
        .await?;
    Ok(())
}
