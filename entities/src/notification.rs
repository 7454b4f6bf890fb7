use sea_orm::entity::prelude::*;

use crate::NotificationKind;

/// Something a user should look at. It holds references only; what they point to is
/// authorised again when read.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: NotificationKind,
    pub actor_id: Option<Uuid>,
    pub workspace_id: Option<Uuid>,
    pub thread_id: Option<Uuid>,
    pub post_id: Option<Uuid>,
    pub invitation_id: Option<Uuid>,
    pub advisory_id: Option<Uuid>,
    pub programme_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
