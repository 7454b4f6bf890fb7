use sea_orm::entity::prelude::*;

use crate::{AlertAudience, Severity};

/// A cyber alert: a short, urgent notice for the public or for law enforcement.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub severity: Severity,
    pub audience: AlertAudience,
    /// ISO 3166-1 alpha-2 codes, comma-separated; empty for everywhere.
    pub regions: String,
    pub expires_at: Option<DateTimeUtc>,
    /// The published advisory it was issued from, if any.
    pub advisory_id: Option<Uuid>,
    pub issued_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
