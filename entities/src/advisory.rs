use sea_orm::entity::prelude::*;

use crate::{AdvisoryStatus, Audience, Severity, Tlp};

/// A joint advisory. Its content lives in immutable revisions; the title, TLP and severity
/// of the current revision are repeated here for lists and access checks.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advisory")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub lead_author_id: Uuid,
    pub lead_organization_id: Uuid,
    pub status: AdvisoryStatus,
    /// The number of the current revision (1 for the first).
    pub revision: i32,
    pub title: String,
    pub tlp: Tlp,
    pub severity: Severity,
    /// Set at publication.
    pub audience: Option<Audience>,
    /// `AH-YYYY-NNNN`, given at publication.
    pub reference: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    /// The revision that was published.
    pub published_revision: Option<i32>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub withdrawn_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
