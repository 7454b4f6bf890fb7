use sea_orm::entity::prelude::*;

use crate::{EventKind, WorkspaceRole};

/// A change others may watch, written in the change's transaction (the outbox). `seq` is the
/// publication order, given by the relay once the change has committed; until then it is
/// `None`. Events hold references only: what they point to is read, and authorised, when
/// delivered.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub seq: Option<i64>,
    pub kind: EventKind,
    pub workspace_id: Option<Uuid>,
    pub thread_id: Option<Uuid>,
    /// The post, notification or member the event is about.
    pub subject_id: Option<Uuid>,
    /// The account it is addressed to (a notification's owner, a suspended account).
    pub user_id: Option<Uuid>,
    /// A member's new role.
    pub role: Option<WorkspaceRole>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
