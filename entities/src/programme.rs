use sea_orm::entity::prelude::*;

use crate::{ProgrammeFormat, ProgrammeStatus};

/// A training programme offered by a provider organisation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub provider_organization_id: Uuid,
    pub created_by: Uuid,
    pub title: String,
    /// Markdown.
    pub description: String,
    pub format: ProgrammeFormat,
    /// ISO 639-1 code.
    pub language: String,
    /// Organisation kinds that may take it, space-separated; `None` for every verified member.
    pub audience_kinds: Option<String>,
    /// Whether completion issues a certificate (always so for `CERTIFICATION`).
    pub certifying: bool,
    /// How long its certificates are valid; `None` for no expiry.
    pub certificate_valid_days: Option<i32>,
    pub status: ProgrammeStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
