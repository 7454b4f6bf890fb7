use sea_orm::entity::prelude::*;

/// An organisation's sign-off of one revision of an advisory. Only sign-offs of the current
/// revision count; a new revision leaves the earlier ones as history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advisory_signoff")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub advisory_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub revision: i32,
    pub user_id: Uuid,
    pub signed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
