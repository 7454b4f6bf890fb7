//! What an event is about, read once per event on each replica and shared by every
//! subscriber it is delivered to: the workspace with its current members (role and account
//! status), the thread with its recipients, the post with its author, the notification.

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use entities::{
    EventKind, Tlp, UserStatus, WorkspaceRole, advisory, advisory_author, alert, event,
    notification, organization, post, thread, thread_recipient, user_account, workspace,
    workspace_member,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use crate::loaders::Author;

/// An event with what it is about, as it is now.
#[derive(Debug)]
pub struct Resolved {
    pub model: event::Model,
    pub workspace: Option<workspace::Model>,
    /// Each current member's role and account status.
    pub members: HashMap<Uuid, (WorkspaceRole, UserStatus)>,
    pub thread: Option<Arc<thread::Model>>,
    /// The named recipients of a `RED` thread.
    pub recipients: HashSet<Uuid>,
    pub post: Option<post::Model>,
    pub author: Option<Arc<Author>>,
    pub notification: Option<notification::Model>,
    /// The notification owner's unread count once it was created.
    pub unread: u64,
    /// The member a membership event is about.
    pub member: Option<user_account::Model>,
    /// The advisory an advisory event is about, as it is now, and its authors.
    pub advisory: Option<advisory::Model>,
    pub advisory_authors: HashSet<Uuid>,
    /// The alert an alert event is about.
    pub alert: Option<alert::Model>,
    /// The programme a training event is about (its audience read once for every
    /// subscriber).
    pub programme: Option<crate::training::service::ProgrammeFound>,
}

/// Reads what `model` is about.
pub async fn resolve(db: &DatabaseConnection, model: event::Model) -> Result<Resolved, DbErr> {
    let mut resolved = Resolved {
        model,
        workspace: None,
        members: HashMap::new(),
        thread: None,
        recipients: HashSet::new(),
        post: None,
        author: None,
        notification: None,
        unread: 0,
        member: None,
        advisory: None,
        advisory_authors: HashSet::new(),
        alert: None,
        programme: None,
    };
    let m = &resolved.model;
    if let Some(workspace_id) = m.workspace_id {
        resolved.workspace = workspace::Entity::find_by_id(workspace_id).one(db).await?;
        let members: Vec<(Uuid, WorkspaceRole, UserStatus)> = workspace_member::Entity::find()
            .select_only()
            .column(workspace_member::Column::UserId)
            .column(workspace_member::Column::Role)
            .column(user_account::Column::Status)
            .join(
                JoinType::InnerJoin,
                workspace_member::Entity::belongs_to(user_account::Entity)
                    .from(workspace_member::Column::UserId)
                    .to(user_account::Column::Id)
                    .into(),
            )
            .filter(workspace_member::Column::WorkspaceId.eq(workspace_id))
            .into_tuple()
            .all(db)
            .await?;
        resolved.members = members
            .into_iter()
            .map(|(user, role, status)| (user, (role, status)))
            .collect();
    }
    if let Some(thread_id) = m.thread_id {
        let thread = thread::Entity::find_by_id(thread_id).one(db).await?;
        if let Some(thread) = &thread
            && thread.tlp == Tlp::Red
        {
            resolved.recipients = thread_recipient::Entity::find()
                .filter(thread_recipient::Column::ThreadId.eq(thread_id))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.user_id)
                .collect();
        }
        // A thread moved to another workspace is not this event's any more.
        resolved.thread = thread
            .filter(|t| Some(t.workspace_id) == m.workspace_id)
            .map(Arc::new);
    }
    match (m.kind, m.subject_id) {
        (EventKind::PostAdded | EventKind::PostEdited | EventKind::PostRemoved, Some(id)) => {
            let post = post::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|p| Some(p.thread_id) == m.thread_id);
            if let Some(post) = &post {
                let author = user_account::Entity::find_by_id(post.author_id)
                    .find_also_related(organization::Entity)
                    .one(db)
                    .await?;
                resolved.author = match author {
                    Some((user, Some(organization))) => {
                        Some(Arc::new(Author { user, organization }))
                    }
                    _ => None,
                };
            }
            resolved.post = post;
        }
        (EventKind::NotificationCreated, Some(id)) => {
            resolved.notification = notification::Entity::find_by_id(id).one(db).await?;
            if let Some(user) = m.user_id {
                resolved.unread = notification::Entity::find()
                    .filter(notification::Column::UserId.eq(user))
                    .filter(notification::Column::ReadAt.is_null())
                    .count(db)
                    .await?;
            }
        }
        (
            EventKind::MemberJoined
            | EventKind::MemberRoleChanged
            | EventKind::MemberRemoved
            | EventKind::MemberLeft,
            Some(id),
        ) => {
            resolved.member = user_account::Entity::find_by_id(id).one(db).await?;
        }
        (
            EventKind::AdvisoryCreated
            | EventKind::AdvisoryRevisionSaved
            | EventKind::AdvisoryAuthorsChanged
            | EventKind::AdvisoryCommented
            | EventKind::AdvisorySignedOff
            | EventKind::AdvisoryStatusChanged,
            Some(id),
        ) => {
            resolved.advisory = advisory::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|a| Some(a.workspace_id) == m.workspace_id);
            resolved.advisory_authors = advisory_author::Entity::find()
                .filter(advisory_author::Column::AdvisoryId.eq(id))
                .all(db)
                .await?
                .into_iter()
                .map(|a| a.user_id)
                .collect();
        }
        (EventKind::TrainingUpdated, Some(id)) => {
            resolved.programme = entities::programme::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(crate::training::service::ProgrammeFound::new);
        }
        (EventKind::AlertIssued, Some(id)) => {
            resolved.alert = alert::Entity::find_by_id(id).one(db).await?;
        }
        _ => {}
    }
    Ok(resolved)
}
