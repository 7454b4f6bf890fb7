use sea_orm::entity::prelude::*;

/// A certificate issued to a learner for completing a programme.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub programme_id: Uuid,
    pub user_id: Uuid,
    /// The session completed, for sessions.
    pub session_id: Option<Uuid>,
    /// Unguessable; what anyone verifies it by.
    pub code: String,
    pub issued_by: Uuid,
    pub issued_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
