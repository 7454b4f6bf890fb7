use sea_orm::entity::prelude::*;

/// Append-only record of a change: who, from which organisation, what, on what, when,
/// and the request id. No API updates or deletes one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_user_id: Option<Uuid>,
    pub actor_organization_id: Option<Uuid>,
    /// Dotted action name, e.g. `organization.create`.
    pub action: String,
    pub target_type: String,
    pub target_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub details: Json,
    /// The workspace the change belongs to, if any; its owners read these events.
    pub workspace_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
