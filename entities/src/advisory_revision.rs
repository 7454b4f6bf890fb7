use sea_orm::entity::prelude::*;

/// One immutable revision of an advisory: its whole content as JSON.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advisory_revision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub advisory_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    pub author_id: Uuid,
    pub content: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
