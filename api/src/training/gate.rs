//! Certification-gated workspaces: a workspace may require a valid certificate of one
//! programme. Invitations to those without one are refused with the reason; members whose
//! certificate expires or is revoked lose their membership (and, with it, their access and
//! their live streams: the removal is an ordinary `MEMBER_REMOVED` event). Revocation ends
//! it at once; expiry is found by a sweep every `CERTIFICATE_SWEEP_INTERVAL_MS`.

use std::{collections::HashMap, time::Duration};

use entities::{EventKind, certificate, workspace, workspace_member};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    audit::service::{self as audit, Entry},
    auth::Viewer,
    context::RequestCtx,
    error::{AppError, AppResult},
    realtime::{self, NewEvent},
};

/// Why `user` may not join `workspace`, if the workspace requires a certificate they do not
/// hold validly.
pub async fn admission_refusal(
    db: &impl ConnectionTrait,
    workspace: &workspace::Model,
    user: Uuid,
) -> AppResult<Option<String>> {
    let Some(required) = workspace.required_programme_id else {
        return Ok(None);
    };
    if super::certificates::holds_valid(db, user, required).await? {
        return Ok(None);
    }
    // The programme is not named: the one told may not be allowed to see it (the
    // workspace's owners find it as `requiredCertificateProgrammeId`).
    Ok(Some(
        "this workspace requires a valid certificate of a training programme, which this \
         account does not hold"
            .to_owned(),
    ))
}

/// Locks the rows that a certificate's revocation and a workspace admission both decide
/// on — the holder's account and the workspace — so that the two happen one after the
/// other (PostgreSQL `FOR UPDATE`; SQLite writes one at a time anyway): an admission cannot
/// slip in with a certificate being revoked, nor a requirement being set.
pub async fn lock_for_admission(
    db: &impl ConnectionTrait,
    user: Uuid,
    workspace: Option<Uuid>,
) -> AppResult<()> {
    if db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return Ok(());
    }
    entities::user_account::Entity::find_by_id(user)
        .lock_exclusive()
        .one(db)
        .await?;
    if let Some(workspace) = workspace {
        workspace::Entity::find_by_id(workspace)
            .lock_exclusive()
            .one(db)
            .await?;
    }
    Ok(())
}

/// The programme (given as `programmeId`) a workspace may require: a certifying programme
/// the owner may see, whose valid certificate every current member holds.
pub async fn requirable(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme_id: &str,
    workspace: Uuid,
) -> AppResult<Uuid> {
    const FIELD: &str = "requiredCertificateProgrammeId";
    let found = super::service::require_by_global_id(
        db,
        rc,
        programme_id,
        crate::auth::policy::TrainingAction::Read,
    )
    .await
    .map_err(|_| AppError::bad_input(FIELD, "no such programme"))?;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        workspace::Entity::find_by_id(workspace)
            .lock_exclusive()
            .one(db)
            .await?;
    }
    if !found.programme.certifying {
        return Err(AppError::bad_input(
            FIELD,
            "the programme issues no certificates",
        ));
    }
    let members: Vec<Uuid> = workspace_member::Entity::find()
        .filter(workspace_member::Column::WorkspaceId.eq(workspace))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let now = chrono::Utc::now();
    let holders: Vec<Uuid> = certificate::Entity::find()
        .filter(certificate::Column::ProgrammeId.eq(found.programme.id))
        .filter(certificate::Column::UserId.is_in(members.iter().copied()))
        .filter(certificate::Column::RevokedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .filter(|c| {
            super::certificates::status(c, now) == super::certificates::CertificateStatus::Valid
        })
        .map(|c| c.user_id)
        .collect();
    if members.iter().any(|m| !holders.contains(m)) {
        return Err(AppError::conflict(
            "members without a valid certificate of the programme are in the workspace",
        ));
    }
    Ok(found.programme.id)
}

/// Removes from certification-gated workspaces every member (or only `user`) who holds no
/// valid certificate of the programme the workspace requires. Returns how many memberships
/// ended. Runs on the caller's transaction.
pub async fn end_uncertified(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    user: Option<Uuid>,
) -> AppResult<usize> {
    let gated: HashMap<Uuid, Uuid> = workspace::Entity::find()
        .filter(workspace::Column::RequiredProgrammeId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|w| w.required_programme_id.map(|p| (w.id, p)))
        .collect();
    if gated.is_empty() {
        return Ok(0);
    }
    let mut members = workspace_member::Entity::find()
        .filter(workspace_member::Column::WorkspaceId.is_in(gated.keys().copied()));
    if let Some(user) = user {
        members = members.filter(workspace_member::Column::UserId.eq(user));
    }
    let members = members.all(db).await?;
    if members.is_empty() {
        return Ok(0);
    }
    let now = chrono::Utc::now();
    let valid: Vec<(Uuid, Uuid)> = certificate::Entity::find()
        .filter(certificate::Column::UserId.is_in(members.iter().map(|m| m.user_id)))
        .filter(certificate::Column::ProgrammeId.is_in(gated.values().copied()))
        .filter(certificate::Column::RevokedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .filter(|c| {
            super::certificates::status(c, now) == super::certificates::CertificateStatus::Valid
        })
        .map(|c| (c.user_id, c.programme_id))
        .collect();
    let mut ended = 0;
    for member in members {
        let Some(required) = gated.get(&member.workspace_id) else {
            continue;
        };
        if valid.contains(&(member.user_id, *required)) {
            continue;
        }
        let deleted = workspace_member::Entity::delete_by_id((member.workspace_id, member.user_id))
            .exec(db)
            .await?;
        // Another replica's sweep may have ended it first.
        if deleted.rows_affected != 1 {
            continue;
        }
        realtime::record(
            db,
            [NewEvent::member(
                EventKind::MemberRemoved,
                member.workspace_id,
                member.user_id,
                None,
            )],
        )
        .await?;
        audit::record_as_in(
            db,
            rc,
            rc.viewer.user_id(),
            rc.viewer.organization_id(),
            member.workspace_id,
            Entry {
                action: "workspace.member.certificate_lapsed",
                target_type: "user",
                target_id: Some(member.user_id),
                details: json!({ "programme": required, "role": member.role }),
            },
        )
        .await?;
        ended += 1;
    }
    Ok(ended)
}

/// Sweeps for lapsed certificates every `interval`, calling `changed` after a sweep that
/// ended memberships (so their events are published at once).
pub fn spawn_sweeper(
    db: DatabaseConnection,
    interval: Duration,
    changed: impl Fn() + Send + Sync + 'static,
) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let rc = RequestCtx::new(Viewer::Anonymous, "certificate-sweep", None);
        loop {
            ticker.tick().await;
            // Most hubs gate no workspace: then there is nothing to sweep and no write lock
            // to take.
            let gated = workspace::Entity::find()
                .filter(workspace::Column::RequiredProgrammeId.is_not_null())
                .one(&db)
                .await;
            if matches!(gated, Ok(None)) {
                continue;
            }
            let result = async {
                let txn = crate::db::begin_write(&db).await?;
                let ended = end_uncertified(&txn, &rc, None).await?;
                txn.commit().await?;
                Ok::<_, crate::error::AppError>(ended)
            }
            .await;
            match result {
                Ok(0) => {}
                Ok(ended) => {
                    tracing::info!(ended, "memberships ended by lapsed certificates");
                    changed();
                }
                Err(err) => {
                    tracing::warn!(error = %err.public_message(), "certificate sweep failed");
                }
            }
        }
    });
}
