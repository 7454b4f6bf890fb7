//! The workflow: `DRAFT → IN_REVIEW → APPROVED → PUBLISHED`, and `WITHDRAWN`. Submitting for
//! review, one sign-off per co-authoring organisation for the exact current revision,
//! publication with an audience that fits the TLP and a reference `AH-YYYY-NNNN`, withdrawal.

use chrono::Datelike;
use entities::{
    AdvisoryStatus, Audience, EventKind, NotificationKind, advisory, advisory_counter,
    advisory_signoff,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ConnectionTrait, DatabaseConnection, EntityTrait,
    sea_query::{Expr, ExprTrait, OnConflict, Query},
};
use serde_json::json;

use super::service::{self, AdvisoryFound};
use crate::{
    auth::policy::{self, AdvisoryAction},
    context::RequestCtx,
    error::{AppError, AppResult},
    notifications::service::{self as notifications, Notice},
};

pub const REASON_MAX: usize = 2000;

async fn set_status(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    found: AdvisoryFound,
    change: impl FnOnce(&mut advisory::ActiveModel),
    action: &'static str,
    details: serde_json::Value,
) -> AppResult<AdvisoryFound> {
    let mut active: advisory::ActiveModel = found.advisory.clone().into();
    change(&mut active);
    active.updated_at = Set(crate::db::now());
    let advisory = active.update(db).await?;
    service::record_change(
        db,
        rc,
        &advisory,
        vec![EventKind::AdvisoryStatusChanged],
        action,
        details,
    )
    .await?;
    Ok(AdvisoryFound { advisory, ..found })
}

/// Asks every co-authoring organisation to sign off the current revision. An author.
#[tracing::instrument(skip_all)]
pub async fn submit_for_review(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = service::require_by_global_id(&txn, rc, id, AdvisoryAction::Edit).await?;
    if found.advisory.status != AdvisoryStatus::Draft {
        return Err(AppError::conflict("only a draft is submitted for review"));
    }
    let revision = found.advisory.revision;
    let found = set_status(
        &txn,
        rc,
        found,
        |a| a.status = Set(AdvisoryStatus::InReview),
        "advisory.submit_for_review",
        json!({ "revision": revision }),
    )
    .await?;
    service::request_sign_off(&txn, rc, &found).await?;
    txn.commit().await?;
    Ok(found)
}

/// Signs off `revision` — which must be the current one — for the viewer's organisation.
/// One of that organisation's authors. When every organisation has signed off, the advisory
/// is `APPROVED`.
#[tracing::instrument(skip_all)]
pub async fn sign_off(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    revision: i32,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = service::require_by_global_id(&txn, rc, id, AdvisoryAction::SignOff).await?;
    match found.advisory.status {
        AdvisoryStatus::InReview => {}
        AdvisoryStatus::Draft => {
            return Err(AppError::conflict(
                "submit the advisory for review before signing off",
            ));
        }
        AdvisoryStatus::Approved => {
            return Err(AppError::conflict(
                "every organisation has already signed off this revision",
            ));
        }
        _ => return Err(AppError::conflict("the advisory is no longer in review")),
    }
    if revision != found.advisory.revision {
        return Err(AppError::StaleRevision {
            current: found.advisory.revision,
        });
    }
    let author = found
        .author_of(rc.viewer.user_id())
        .ok_or(AppError::NotFound)?
        .clone();
    let already =
        advisory_signoff::Entity::find_by_id((found.advisory.id, author.organization_id, revision))
            .one(&txn)
            .await?;
    if already.is_some() {
        return Err(AppError::conflict(
            "your organisation has already signed off this revision",
        ));
    }
    advisory_signoff::ActiveModel {
        advisory_id: Set(found.advisory.id),
        organization_id: Set(author.organization_id),
        revision: Set(revision),
        user_id: Set(author.user_id),
        signed_at: Set(crate::db::now()),
    }
    .insert(&txn)
    .await?;
    service::record_change(
        &txn,
        rc,
        &found.advisory,
        vec![EventKind::AdvisorySignedOff],
        "advisory.sign_off",
        json!({ "revision": revision, "organization": author.organization_id }),
    )
    .await?;
    let status = service::review_status(&txn, &found).await?;
    let found = if status == found.advisory.status {
        found
    } else {
        set_status(
            &txn,
            rc,
            found,
            |a| a.status = Set(status),
            "advisory.approve",
            json!({ "revision": revision }),
        )
        .await?
    };
    txn.commit().await?;
    Ok(found)
}

/// The next reference of `year`: `AH-YYYY-NNNN`, sequential within the year. The counter
/// row is taken with an upsert, so two publications at once get distinct numbers (on
/// PostgreSQL the second waits for the first's row lock; SQLite writes one at a time), and a
/// unique index on the reference guards the rest.
async fn next_reference(db: &impl ConnectionTrait, year: i32) -> AppResult<String> {
    let insert = Query::insert()
        .into_table(advisory_counter::Entity)
        .columns([
            advisory_counter::Column::Year,
            advisory_counter::Column::Last,
        ])
        .values([year.into(), 1.into()])
        .map_err(|e| AppError::Internal(anyhow::anyhow!("reference counter: {e}")))?
        .on_conflict(
            OnConflict::column(advisory_counter::Column::Year)
                .value(
                    advisory_counter::Column::Last,
                    Expr::col((advisory_counter::Entity, advisory_counter::Column::Last)).add(1),
                )
                .to_owned(),
        )
        .returning_col(advisory_counter::Column::Last)
        .to_owned();
    let row = db
        .query_one(&insert)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("reference counter returned nothing")))?;
    let last: i32 = row.try_get("", "last")?;
    Ok(format!("AH-{year:04}-{last:04}"))
}

/// Publishes an approved advisory to `audience`, which must fit its TLP. The lead author or
/// a coordinator.
#[tracing::instrument(skip_all)]
pub async fn publish(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    audience: Audience,
) -> AppResult<AdvisoryFound> {
    let txn = crate::db::begin_write(db).await?;
    let found = service::require_by_global_id(&txn, rc, id, AdvisoryAction::Publish).await?;
    match found.advisory.status {
        AdvisoryStatus::Approved => {}
        AdvisoryStatus::Draft | AdvisoryStatus::InReview => {
            return Err(AppError::conflict(
                "every co-authoring organisation must sign off the current revision first",
            ));
        }
        AdvisoryStatus::Published => {
            return Err(AppError::conflict("the advisory is already published"));
        }
        AdvisoryStatus::Withdrawn => return Err(AppError::conflict("the advisory is withdrawn")),
    }
    // Approved means signed off; checked again against the list as it is now.
    if service::review_status(&txn, &found).await? != AdvisoryStatus::Approved {
        return Err(AppError::conflict(
            "every co-authoring organisation must sign off the current revision first",
        ));
    }
    policy::audience_fits_tlp(found.advisory.tlp, audience)?;
    let now = crate::db::now();
    let reference = next_reference(&txn, now.year()).await?;
    let revision = found.advisory.revision;
    let found = set_status(
        &txn,
        rc,
        found,
        |a| {
            a.status = Set(AdvisoryStatus::Published);
            a.audience = Set(Some(audience));
            a.reference = Set(Some(reference.clone()));
            a.published_at = Set(Some(now));
            a.published_revision = Set(Some(revision));
        },
        "advisory.publish",
        json!({ "audience": audience, "reference": reference, "revision": revision }),
    )
    .await?;
    let mut notice = Notice::new(NotificationKind::AdvisoryPublished);
    notice.actor_id = rc.viewer.user_id();
    notice.workspace_id = Some(found.workspace.id);
    notice.advisory_id = Some(found.advisory.id);
    notifications::create(&txn, found.authors.iter().map(|a| a.user_id), notice).await?;
    txn.commit().await?;
    Ok(found)
}

/// Withdraws an advisory with a reason. A published one stays readable by its audience,
/// marked withdrawn. The lead author or a coordinator.
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    reason: &str,
) -> AppResult<AdvisoryFound> {
    let reason = reason.trim();
    if !(1..=REASON_MAX).contains(&reason.chars().count()) {
        return Err(AppError::bad_input(
            "reason",
            format!("must be 1 to {REASON_MAX} characters"),
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let found = service::require_by_global_id(&txn, rc, id, AdvisoryAction::Withdraw).await?;
    if found.advisory.status == AdvisoryStatus::Withdrawn {
        return Err(AppError::conflict("the advisory is already withdrawn"));
    }
    let from = found.advisory.status;
    let found = set_status(
        &txn,
        rc,
        found,
        |a| {
            a.status = Set(AdvisoryStatus::Withdrawn);
            a.withdrawn_at = Set(Some(crate::db::now()));
            a.withdrawn_reason = Set(Some(reason.to_owned()));
        },
        "advisory.withdraw",
        json!({ "from": from, "reason": reason }),
    )
    .await?;
    txn.commit().await?;
    Ok(found)
}
