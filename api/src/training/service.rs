//! Finding a programme through the access policy (what every training operation starts
//! with), and its audience.

use entities::{OrganizationKind, programme, training_session};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    auth::policy::{self, ProgrammeStanding, TrainingAction},
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

    /// Asks the policy whether the viewer may do `action` (`instructor`: whether they
    /// instruct the session concerned).
    pub fn authorize(
        &self,
        rc: &RequestCtx,
        action: TrainingAction,
        instructor: bool,
    ) -> AppResult<()> {
        policy::authorize_training(
            &rc.viewer,
            ProgrammeStanding {
                programme: &self.programme,
                instructor,
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
    found.authorize(rc, action, false)?;
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
    if action != TrainingAction::Read {
        let instructor = match rc.viewer.user_id() {
            Some(me) => entities::session_instructor::Entity::find_by_id((session.id, me))
                .one(db)
                .await?
                .is_some(),
            None => false,
        };
        found.authorize(rc, action, instructor)?;
    }
    Ok((found, session))
}
