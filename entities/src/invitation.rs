use sea_orm::entity::prelude::*;

use crate::{InvitationStatus, WorkspaceRole};

/// An invitation to a workspace, for one user or for every verified member of an
/// organisation (exactly one of `user_id` and `organization_id` is set).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub user_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub role: WorkspaceRole,
    pub invited_by: Uuid,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// For an organisation's invitation only `PENDING` or `REVOKED`: each member answers
    /// for themselves (`invitation_response`).
    pub status: InvitationStatus,
    pub responded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
