//! Finding a programme through the access policy (what every training operation starts
//! with), and its audience.

use entities::{OrganizationKind, programme, training_session};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    auth::{
        Viewer,
        policy::{self, ProgrammeStanding, TrainingAction},
    },
    context::RequestCtx,
    error::{AppError, AppResult},
    ids::{self, NodeType},
};

/// A programme the viewer may see, with its parsed audience.
#[derive(Debug, Clone)]
pub struct ProgrammeFound {
    pub programme: programme::Model,
    /// The organisation kinds that may take it (`None`: every verified member).
    pub audience: Option<Vec<OrganizationKind>>,
}

impl ProgrammeFound {
    pub fn new(programme: programme::Model) -> Self {
        let audience = crate::workspaces::kinds::parse_stored(programme.audience_kinds.as_deref());
        Self {
            programme,
            audience,
        }
    }

    /// Asks the policy whether `viewer` may do `action` with the programme.
    pub fn authorize(&self, viewer: &Viewer, action: TrainingAction) -> AppResult<()> {
        policy::authorize_training(
            viewer,
            ProgrammeStanding {
                programme: &self.programme,
            },
            self.audience.as_deref(),
            action,
        )
    }
}

/// Loads a programme and checks `action`. With `lock`, its row stays locked until the
/// transaction ends (PostgreSQL `FOR UPDATE`; SQLite writes one at a time anyway).
pub async fn require(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: Uuid,
    action: TrainingAction,
) -> AppResult<ProgrammeFound> {
    let programme = programme::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = ProgrammeFound::new(programme);
    found.authorize(&rc.viewer, action)?;
    Ok(found)
}

pub async fn require_by_global_id(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: TrainingAction,
) -> AppResult<ProgrammeFound> {
    let id = ids::decode(NodeType::Programme, id)?;
    require(db, rc, id, action).await
}

/// Loads a session and its programme, and checks `action` on the programme.
pub async fn require_session(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    id: &str,
    action: TrainingAction,
) -> AppResult<(ProgrammeFound, training_session::Model)> {
    let id = ids::decode(NodeType::TrainingSession, id)?;
    let session = training_session::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = require(db, rc, session.programme_id, TrainingAction::Read).await?;
    found.authorize(&rc.viewer, action)?;
    Ok((found, session))
}
