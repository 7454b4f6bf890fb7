use sea_orm::entity::prelude::*;

use crate::SessionStatus;

/// A classroom, workshop or certification session of a programme.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub programme_id: Uuid,
    /// Stored in UTC.
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// The IANA time zone the session is shown in (`Europe/Amsterdam`).
    pub time_zone: String,
    pub place: Option<String>,
    /// Shown only to confirmed participants and the provider.
    pub online_link: Option<String>,
    pub capacity: i32,
    pub status: SessionStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
