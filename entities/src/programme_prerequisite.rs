use sea_orm::entity::prelude::*;

/// A programme a learner must have completed before taking another.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_prerequisite")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub programme_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub prerequisite_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
