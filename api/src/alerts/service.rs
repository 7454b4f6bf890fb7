//! Issuing and listing cyber alerts.

use chrono::{DateTime, Utc};
use entities::{AlertAudience, Audience, Severity, alert};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    advisories::service as advisories_service,
    audit::service::{self as audit, Entry},
    auth::policy,
    context::RequestCtx,
    error::{AppError, AppResult},
    pagination::{Order, Page},
    realtime::{self, NewEvent},
};

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 4000;
pub const MAX_REGIONS: usize = 50;

pub struct NewAlert {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub severity: Option<Severity>,
    pub audience: AlertAudience,
    pub regions: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub advisory_id: Option<String>,
}

fn normalize_regions(regions: &[String]) -> AppResult<String> {
    if regions.len() > MAX_REGIONS {
        return Err(AppError::bad_input(
            "regions",
            format!("at most {MAX_REGIONS} regions"),
        ));
    }
    let mut codes = Vec::new();
    for (i, region) in regions.iter().enumerate() {
        let code = region.trim().to_ascii_uppercase();
        if isocountry::CountryCode::for_alpha2(&code).is_err() {
            return Err(AppError::bad_input(
                "regions",
                format!("entry {}: not an ISO 3166-1 alpha-2 country code", i + 1),
            ));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes.join(","))
}

fn text(field: &'static str, value: &str, max: usize) -> AppResult<String> {
    let value = value.trim();
    if !(1..=max).contains(&value.chars().count()) {
        return Err(AppError::bad_input(
            field,
            format!("must be 1 to {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// Issues an alert, standalone or from a published advisory (whose title, summary and
/// severity it takes unless given). Coordinators. An alert from an advisory reaches no one
/// the advisory does not: `PUBLIC` only from a public advisory.
#[tracing::instrument(skip_all)]
pub async fn issue(
    db: &DatabaseConnection,
    rc: &RequestCtx,
    new: NewAlert,
) -> AppResult<alert::Model> {
    let issuer = policy::authorize_issue_alert(&rc.viewer)?;
    let regions = normalize_regions(&new.regions)?;
    if new.expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(AppError::bad_input("expiresAt", "must be in the future"));
    }
    let txn = crate::db::begin_write(db).await?;
    let (title, summary, severity, advisory_id) = match new.advisory_id.as_deref() {
        Some(id) => {
            let found = advisories_service::require_readable_locked(&txn, rc, id)
                .await
                .map_err(|e| match e {
                    AppError::NotFound => AppError::bad_input("advisoryId", "no such advisory"),
                    other => other,
                })?;
            let a = &found.advisory;
            if a.status != entities::AdvisoryStatus::Published {
                return Err(AppError::bad_input(
                    "advisoryId",
                    "alerts are issued from published advisories only",
                ));
            }
            let reaches = matches!(
                (new.audience, a.audience),
                (AlertAudience::Public, Some(Audience::Public))
                    | (AlertAudience::LawEnforcement, Some(_))
            );
            if !reaches {
                return Err(AppError::bad_input(
                    "audience",
                    "a PUBLIC alert needs an advisory published to PUBLIC",
                ));
            }
            let (_, content) = advisories_service::content_of(&txn, a.id, a.revision).await?;
            (
                new.title.unwrap_or(content.title),
                new.summary.unwrap_or(if content.summary.is_empty() {
                    a.title.clone()
                } else {
                    content.summary
                }),
                new.severity.unwrap_or(content.severity),
                Some(a.id),
            )
        }
        None => (
            new.title
                .ok_or_else(|| AppError::bad_input("title", "an alert needs a title"))?,
            new.summary
                .ok_or_else(|| AppError::bad_input("summary", "an alert needs a summary"))?,
            new.severity
                .ok_or_else(|| AppError::bad_input("severity", "an alert needs a severity"))?,
            None,
        ),
    };
    let alert = alert::ActiveModel {
        id: Set(Uuid::now_v7()),
        title: Set(text("title", &title, TITLE_MAX)?),
        summary: Set(text("summary", &summary, SUMMARY_MAX)?),
        severity: Set(severity),
        audience: Set(new.audience),
        regions: Set(regions),
        expires_at: Set(new.expires_at),
        advisory_id: Set(advisory_id),
        issued_by: Set(issuer),
        created_at: Set(crate::db::now()),
    }
    .insert(&txn)
    .await?;
    realtime::record(&txn, [NewEvent::alert(alert.id)]).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "alert.issue",
            target_type: "alert",
            target_id: Some(alert.id),
            details: json!({
                "audience": alert.audience,
                "severity": alert.severity,
                "advisory": advisory_id,
            }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(alert)
}

/// An alert the viewer may read.
pub async fn get(db: &impl ConnectionTrait, rc: &RequestCtx, id: Uuid) -> AppResult<alert::Model> {
    let alert = alert::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    policy::authorize_read_alert(&rc.viewer, &alert)?;
    Ok(alert)
}

/// Alerts for `audiences`, newest first; expired ones only when asked for.
pub async fn list(
    db: &impl ConnectionTrait,
    audiences: Vec<AlertAudience>,
    include_expired: bool,
    page: Page,
) -> AppResult<Vec<alert::Model>> {
    let mut select = alert::Entity::find().filter(alert::Column::Audience.is_in(audiences));
    if !include_expired {
        select = select.filter(
            Condition::any()
                .add(alert::Column::ExpiresAt.is_null())
                .add(alert::Column::ExpiresAt.gt(Utc::now())),
        );
    }
    Ok(page
        .apply(select, alert::Column::Id, Order::Newest)
        .all(db)
        .await?)
}

/// `alerts`: what the signed-in viewer's organisation kind may see.
pub async fn for_member(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    include_expired: bool,
    page: Page,
) -> AppResult<Vec<alert::Model>> {
    policy::authorize_member_alerts(&rc.viewer)?;
    list(
        db,
        policy::readable_alert_audiences(&rc.viewer),
        include_expired,
        page,
    )
    .await
}

/// `publicAlerts`: anyone.
pub async fn public(
    db: &impl ConnectionTrait,
    include_expired: bool,
    page: Page,
) -> AppResult<Vec<alert::Model>> {
    list(db, vec![AlertAudience::Public], include_expired, page).await
}
