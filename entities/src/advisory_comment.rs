use sea_orm::entity::prelude::*;

/// A review comment on one field of one revision of an advisory.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advisory_comment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub advisory_id: Uuid,
    pub revision: i32,
    /// The content field commented on (`title`, `body`, …).
    pub field: String,
    pub author_id: Uuid,
    pub body: String,
    pub created_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
