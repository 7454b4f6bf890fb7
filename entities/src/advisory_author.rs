use sea_orm::entity::prelude::*;

/// An author of an advisory; their organisation is on its sign-off list.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advisory_author")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub advisory_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The author's organisation when they were added.
    pub organization_id: Uuid,
    pub lead: bool,
    pub added_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
