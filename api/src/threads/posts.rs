use entities::{
    EventKind, NotificationKind, Reaction, Tlp, post, post_reaction, post_revision,
    thread_recipient, user_account,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, sea_query::OnConflict,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    markdown, mentions,
    service::{self as threads, ThreadFound},
};
use crate::realtime::{self, NewEvent};
use crate::{
    audit::service::{self as audit, Entry},
    auth::policy::{self, WorkspaceAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
    notifications::service::{self as notifications, Notice},
    workspaces::service as workspaces,
};

/// Markdown source, in characters.
pub const BODY_MAX: usize = 20_000;

pub fn normalize_body(body: &str) -> AppResult<String> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Err(AppError::bad_input("body", "must not be empty"));
    }
    if trimmed.chars().count() > BODY_MAX {
        return Err(AppError::bad_input(
            "body",
            format!("must be at most {BODY_MAX} characters"),
        ));
    }
    Ok(trimmed.to_owned())
}

/// A post the viewer may read, with its thread's standing.
#[derive(Debug, Clone)]
pub struct PostFound {
    pub post: post::Model,
    pub thread: ThreadFound,
}

pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<PostFound> {
    let post = post::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let thread = threads::get(db, rc, post.thread_id).await?;
    Ok(PostFound { post, thread })
}

/// The accounts among `users` that may read the thread: members, and for `RED` only the
/// named recipients. Mentions of anyone else change nothing and reveal nothing.
async fn readers_among(
    db: &impl ConnectionTrait,
    thread: &ThreadFound,
    users: Vec<Uuid>,
) -> AppResult<Vec<Uuid>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let members = workspaces::members_among(db, thread.found.workspace.id, users).await?;
    if thread.thread.tlp != Tlp::Red || members.is_empty() {
        return Ok(members);
    }
    Ok(thread_recipient::Entity::find()
        .filter(thread_recipient::Column::ThreadId.eq(thread.thread.id))
        .filter(thread_recipient::Column::UserId.is_in(members))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect())
}

/// The accounts with these (lower-cased) email addresses.
async fn accounts_by_email(db: &impl ConnectionTrait, emails: Vec<String>) -> AppResult<Vec<Uuid>> {
    if emails.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user_account::Entity::find()
        .filter(user_account::Column::Email.is_in(emails))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}

async fn notify_mentions(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    thread: &ThreadFound,
    post: &post::Model,
    emails: Vec<String>,
) -> AppResult<Vec<Uuid>> {
    let accounts = accounts_by_email(db, emails).await?;
    let mentioned = readers_among(db, thread, accounts).await?;
    notifications::create(
        db,
        mentioned.iter().copied(),
        Notice {
            actor_id: rc.viewer.user_id(),
            workspace_id: Some(thread.found.workspace.id),
            thread_id: Some(thread.thread.id),
            post_id: Some(post.id),
            ..Notice::new(NotificationKind::Mention)
        },
    )
    .await?;
    Ok(mentioned)
}

/// Inserts a post into a thread the caller has authorised, with its notifications and
/// audit event, on the caller's transaction.
pub async fn insert(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    thread: &ThreadFound,
    body: String,
    reply_to: Option<&post::Model>,
) -> AppResult<post::Model> {
    let author = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let now = crate::db::now();
    let body_html = markdown::render(&body);
    let mentioned_emails = mentions::parse(&body);
    let post = post::ActiveModel {
        id: Set(Uuid::now_v7()),
        thread_id: Set(thread.thread.id),
        workspace_id: Set(thread.found.workspace.id),
        author_id: Set(author),
        reply_to_id: Set(reply_to.map(|p| p.id)),
        body: Set(Some(body)),
        body_html: Set(Some(body_html)),
        version: Set(1),
        created_at: Set(now),
        edited_at: Set(None),
        removed_at: Set(None),
        removed_by: Set(None),
    }
    .insert(db)
    .await?;
    threads::touch(db, thread.thread.id, now).await?;
    realtime::record(
        db,
        [NewEvent::post(
            EventKind::PostAdded,
            post.workspace_id,
            post.thread_id,
            post.id,
        )],
    )
    .await?;
    let mentioned = notify_mentions(db, rc, thread, &post, mentioned_emails).await?;
    if let Some(parent) = reply_to
        && !mentioned.contains(&parent.author_id)
    {
        // The parent's author hears of the reply if they can still read the thread.
        let readers = readers_among(db, thread, vec![parent.author_id]).await?;
        notifications::create(
            db,
            readers,
            Notice {
                actor_id: Some(author),
                workspace_id: Some(thread.found.workspace.id),
                thread_id: Some(thread.thread.id),
                post_id: Some(post.id),
                ..Notice::new(NotificationKind::Reply)
            },
        )
        .await?;
    }
    audit::record_in(
        db,
        rc,
        thread.found.workspace.id,
        Entry {
            action: "post.create",
            target_type: "post",
            target_id: Some(post.id),
            details: json!({ "threadId": thread.thread.id, "replyTo": post.reply_to_id }),
        },
    )
    .await?;
    Ok(post)
}

pub struct NewPost {
    pub thread_id: String,
    pub body: String,
    pub reply_to: Option<String>,
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewPost,
) -> AppResult<PostFound> {
    let thread_id = ids::decode(NodeType::Thread, &new.thread_id)?;
    let body = normalize_body(&new.body)?;
    let txn = crate::db::begin_write(db).await?;
    let thread =
        threads::require(&txn, rc, thread_id, Some(|t| WorkspaceAction::PostTo(t))).await?;
    let reply_to = match &new.reply_to {
        None => None,
        Some(id) => {
            let bad = || AppError::bad_input("replyTo", "no such post in this thread");
            let id = ids::decode_reference(
                NodeType::Post,
                id,
                "replyTo",
                "no such post in this thread",
            )?;
            let parent = post::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or_else(bad)?;
            if parent.thread_id != thread.thread.id {
                return Err(bad());
            }
            Some(parent)
        }
    };
    let post = insert(&txn, rc, &thread, body, reply_to.as_ref()).await?;
    txn.commit().await?;
    Ok(PostFound { post, thread })
}

#[tracing::instrument(skip_all)]
pub async fn edit(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    body: &str,
) -> AppResult<PostFound> {
    let id = ids::decode(NodeType::Post, id)?;
    let body = normalize_body(body)?;
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    policy::authorize_in_workspace(
        &rc.viewer,
        current.thread.found.standing(),
        WorkspaceAction::EditPost(&current.post),
    )?;
    let Some(previous) = current.post.body.clone() else {
        return Err(AppError::conflict("the post has been removed"));
    };
    if previous == body {
        return Ok(current);
    }
    post_revision::ActiveModel {
        id: Set(Uuid::now_v7()),
        post_id: Set(current.post.id),
        version: Set(current.post.version),
        body: Set(previous.clone()),
        created_at: Set(current.post.edited_at.unwrap_or(current.post.created_at)),
    }
    .insert(&txn)
    .await?;
    let already: Vec<String> = mentions::parse(&previous);
    let fresh: Vec<String> = mentions::parse(&body)
        .into_iter()
        .filter(|m| !already.contains(m))
        .collect();
    let mut active: post::ActiveModel = current.post.clone().into();
    active.body_html = Set(Some(markdown::render(&body)));
    active.body = Set(Some(body));
    active.version = Set(current.post.version + 1);
    active.edited_at = Set(Some(crate::db::now()));
    let post = active.update(&txn).await?;
    realtime::record(
        &txn,
        [NewEvent::post(
            EventKind::PostEdited,
            post.workspace_id,
            post.thread_id,
            post.id,
        )],
    )
    .await?;
    notify_mentions(&txn, rc, &current.thread, &post, fresh).await?;
    audit::record_in(
        &txn,
        rc,
        post.workspace_id,
        Entry {
            action: "post.edit",
            target_type: "post",
            target_id: Some(post.id),
            details: json!({ "version": post.version }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(PostFound {
        post,
        thread: current.thread,
    })
}

/// Removes a post (moderators): the body, its earlier versions and its reactions are gone;
/// a tombstone says who removed it and when.
#[tracing::instrument(skip_all)]
pub async fn remove(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    reason: Option<String>,
) -> AppResult<PostFound> {
    let id = ids::decode(NodeType::Post, id)?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(AppError::bad_input(
            "reason",
            "must be at most 500 characters",
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    policy::authorize_in_workspace(
        &rc.viewer,
        current.thread.found.standing(),
        WorkspaceAction::Moderate,
    )?;
    if current.post.removed_at.is_some() {
        return Ok(current);
    }
    post_revision::Entity::delete_many()
        .filter(post_revision::Column::PostId.eq(id))
        .exec(&txn)
        .await?;
    post_reaction::Entity::delete_many()
        .filter(post_reaction::Column::PostId.eq(id))
        .exec(&txn)
        .await?;
    let mut active: post::ActiveModel = current.post.clone().into();
    active.body = Set(None);
    active.body_html = Set(None);
    active.removed_at = Set(Some(crate::db::now()));
    active.removed_by = Set(rc.viewer.user_id());
    let post = active.update(&txn).await?;
    realtime::record(
        &txn,
        [NewEvent::post(
            EventKind::PostRemoved,
            post.workspace_id,
            post.thread_id,
            post.id,
        )],
    )
    .await?;
    audit::record_in(
        &txn,
        rc,
        post.workspace_id,
        Entry {
            action: "post.remove",
            target_type: "post",
            target_id: Some(post.id),
            details: json!({ "authorId": post.author_id, "reason": reason }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(PostFound {
        post,
        thread: current.thread,
    })
}

/// Adds (`on`) or takes back a reaction of the viewer. Idempotent.
#[tracing::instrument(skip_all)]
pub async fn react(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    reaction: Reaction,
    on: bool,
) -> AppResult<PostFound> {
    let id = ids::decode(NodeType::Post, id)?;
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, rc, id).await?;
    policy::authorize_in_workspace(
        &rc.viewer,
        current.thread.found.standing(),
        WorkspaceAction::Contribute,
    )?;
    if current.post.removed_at.is_some() {
        return Err(AppError::conflict("the post has been removed"));
    }
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    if on {
        post_reaction::Entity::insert(post_reaction::ActiveModel {
            post_id: Set(id),
            user_id: Set(me),
            reaction: Set(reaction),
            created_at: Set(crate::db::now()),
        })
        .on_conflict(
            OnConflict::columns([
                post_reaction::Column::PostId,
                post_reaction::Column::UserId,
                post_reaction::Column::Reaction,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    } else {
        post_reaction::Entity::delete_by_id((id, me, reaction))
            .exec(&txn)
            .await?;
    }
    audit::record_in(
        &txn,
        rc,
        current.post.workspace_id,
        Entry {
            action: if on { "post.react" } else { "post.unreact" },
            target_type: "post",
            target_id: Some(id),
            details: json!({ "reaction": reaction }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(current)
}
