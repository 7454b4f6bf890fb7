use sea_orm::entity::prelude::*;

/// A post in a thread. A removed post keeps its row as a tombstone (who removed it and
/// when) with the body gone.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "post")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub thread_id: Uuid,
    pub workspace_id: Uuid,
    pub author_id: Uuid,
    pub reply_to_id: Option<Uuid>,
    /// Markdown source; `None` once removed.
    pub body: Option<String>,
    /// Sanitised HTML rendered from the body; `None` once removed.
    pub body_html: Option<String>,
    /// 1 for the first version, +1 for each edit.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub removed_at: Option<DateTimeUtc>,
    pub removed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
