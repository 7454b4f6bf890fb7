use sea_orm::entity::prelude::*;

use crate::Tlp;

/// A standing space for a topic or operation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workspace")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub default_tlp: Tlp,
    /// Space-separated organisation kinds; members of other kinds cannot be added.
    pub restricted_to_kinds: Option<String>,
    /// A programme whose valid certificate members must hold.
    pub required_programme_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub archived_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
