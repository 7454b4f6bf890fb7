//! Writing events: on the change's own transaction, so an event exists exactly when its
//! change committed. The relay publishes them afterwards.

use entities::{EventKind, WorkspaceRole, event};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, NotSet};
use uuid::Uuid;

use crate::error::AppResult;

/// An event to write. The constructors say which references each kind carries.
#[derive(Debug, Clone)]
pub struct NewEvent {
    kind: EventKind,
    workspace_id: Option<Uuid>,
    thread_id: Option<Uuid>,
    subject_id: Option<Uuid>,
    user_id: Option<Uuid>,
    role: Option<WorkspaceRole>,
}

impl NewEvent {
    fn new(kind: EventKind) -> Self {
        Self {
            kind,
            workspace_id: None,
            thread_id: None,
            subject_id: None,
            user_id: None,
            role: None,
        }
    }

    /// A thread was created, updated, pinned or locked.
    pub fn thread(kind: EventKind, workspace_id: Uuid, thread_id: Uuid) -> Self {
        Self {
            workspace_id: Some(workspace_id),
            thread_id: Some(thread_id),
            ..Self::new(kind)
        }
    }

    /// A post was added, edited or removed.
    pub fn post(kind: EventKind, workspace_id: Uuid, thread_id: Uuid, post_id: Uuid) -> Self {
        Self {
            subject_id: Some(post_id),
            ..Self::thread(kind, workspace_id, thread_id)
        }
    }

    /// A notification for `user_id` was created.
    pub fn notification(user_id: Uuid, notification_id: Uuid) -> Self {
        Self {
            user_id: Some(user_id),
            subject_id: Some(notification_id),
            ..Self::new(EventKind::NotificationCreated)
        }
    }

    /// A member joined, changed role, was removed or left (`role`: the new one).
    pub fn member(
        kind: EventKind,
        workspace_id: Uuid,
        member_id: Uuid,
        role: Option<WorkspaceRole>,
    ) -> Self {
        Self {
            workspace_id: Some(workspace_id),
            subject_id: Some(member_id),
            user_id: Some(member_id),
            role,
            ..Self::new(kind)
        }
    }

    /// Something happened to an advisory (its workspace's members and its audience may
    /// watch).
    /// `actor` is who made the change.
    pub fn advisory(
        kind: EventKind,
        advisory: &entities::advisory::Model,
        actor: Option<Uuid>,
    ) -> Self {
        Self {
            workspace_id: Some(advisory.workspace_id),
            subject_id: Some(advisory.id),
            user_id: actor,
            ..Self::new(kind)
        }
    }

    /// A cyber alert was issued.
    pub fn alert(alert_id: Uuid) -> Self {
        Self {
            subject_id: Some(alert_id),
            ..Self::new(EventKind::AlertIssued)
        }
    }

    /// Something changed in a training programme: a session, an enrolment, a completion.
    pub fn training(programme_id: Uuid) -> Self {
        Self {
            subject_id: Some(programme_id),
            ..Self::new(EventKind::TrainingUpdated)
        }
    }

    /// An account was suspended: every stream of it ends.
    pub fn account_suspended(user_id: Uuid) -> Self {
        Self {
            user_id: Some(user_id),
            ..Self::new(EventKind::AccountSuspended)
        }
    }
}

/// Writes events on the change's transaction (whose audit event tells the relay, once the
/// request is over, that there is something to publish).
pub async fn record(
    db: &impl ConnectionTrait,
    events: impl IntoIterator<Item = NewEvent>,
) -> AppResult<()> {
    let now = crate::db::now();
    let rows: Vec<event::ActiveModel> = events
        .into_iter()
        .map(|e| event::ActiveModel {
            id: NotSet,
            seq: Set(None),
            kind: Set(e.kind),
            workspace_id: Set(e.workspace_id),
            thread_id: Set(e.thread_id),
            subject_id: Set(e.subject_id),
            user_id: Set(e.user_id),
            role: Set(e.role),
            created_at: Set(now),
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    event::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}
