//! Certificates: issued on completion of a certifying programme, revoked with a reason,
//! verified by anyone by their code.

use chrono::{DateTime, Duration, Utc};
use entities::{NotificationKind, certificate, organization, programme, user_account};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    audit::service::{self as audit, Entry},
    context::RequestCtx,
    error::{AppError, AppResult},
    notifications::service::{self as notifications, Notice},
};

/// Prefix of verification codes, so they are recognisable.
pub const CODE_PREFIX: &str = "AHC-";

/// A new verification code: 128 random bits, base64url.
pub fn new_code() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{CODE_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// Whether a certificate is valid now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum CertificateStatus {
    Valid,
    Expired,
    Revoked,
}

pub fn status(certificate: &certificate::Model, now: DateTime<Utc>) -> CertificateStatus {
    if certificate.revoked_at.is_some() {
        CertificateStatus::Revoked
    } else if certificate.expires_at.is_some_and(|at| at <= now) {
        CertificateStatus::Expired
    } else {
        CertificateStatus::Valid
    }
}

/// Issues a certificate of `programme` to `user` (the caller has decided that they
/// completed it and that the viewer may issue it), on the caller's transaction: the
/// expiry follows the programme's validity, the holder is notified.
pub async fn issue(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme: &programme::Model,
    user: Uuid,
    session: Option<Uuid>,
) -> AppResult<certificate::Model> {
    let issuer = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let now = crate::db::now();
    let certificate = certificate::ActiveModel {
        id: Set(Uuid::now_v7()),
        programme_id: Set(programme.id),
        user_id: Set(user),
        session_id: Set(session),
        code: Set(new_code()),
        issued_by: Set(issuer),
        issued_at: Set(now),
        expires_at: Set(programme
            .certificate_valid_days
            .map(|days| now + Duration::days(i64::from(days)))),
        revoked_at: Set(None),
        revoked_reason: Set(None),
    }
    .insert(db)
    .await?;
    let mut notice = Notice::new(NotificationKind::CertificateIssued);
    notice.actor_id = Some(issuer);
    notice.programme_id = Some(programme.id);
    notice.session_id = session;
    notifications::create(db, [user], notice).await?;
    audit::record(
        db,
        rc,
        Entry {
            action: "certificate.issue",
            target_type: "certificate",
            target_id: Some(certificate.id),
            details: json!({ "programme": programme.id, "holder": user, "session": session }),
        },
    )
    .await?;
    Ok(certificate)
}

/// What anyone may learn of a certificate by its code, and nothing more about its holder.
#[derive(Debug, Clone)]
pub struct Verification {
    pub holder_name: String,
    pub programme_title: String,
    pub provider_name: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub status: CertificateStatus,
}

/// Verifies a certificate by its code, for anyone. An unknown code is `None` (not an
/// error, so that a verification page can say "no such certificate" plainly).
pub async fn verify(db: &impl ConnectionTrait, code: &str) -> AppResult<Option<Verification>> {
    let code = code.trim();
    if code.len() > 64 || !code.starts_with(CODE_PREFIX) {
        return Ok(None);
    }
    let Some(certificate) = certificate::Entity::find()
        .filter(certificate::Column::Code.eq(code))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let holder = user_account::Entity::find_by_id(certificate.user_id)
        .one(db)
        .await?;
    let programme = programme::Entity::find_by_id(certificate.programme_id)
        .one(db)
        .await?;
    let (Some(holder), Some(programme)) = (holder, programme) else {
        return Ok(None);
    };
    let provider = organization::Entity::find_by_id(programme.provider_organization_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(Some(Verification {
        holder_name: holder.display_name,
        programme_title: programme.title,
        provider_name: provider,
        issued_at: certificate.issued_at,
        expires_at: certificate.expires_at,
        status: status(&certificate, Utc::now()),
    }))
}

/// Issues a certificate by hand: the provider's managers, to an active member of a verified
/// organisation, with an optional expiry (otherwise the programme's validity).
#[tracing::instrument(skip_all)]
pub async fn issue_by_hand(
    db: &sea_orm::DatabaseConnection,
    rc: &RequestCtx,
    programme_id: &str,
    user_id: &str,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<certificate::Model> {
    if expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(AppError::bad_input("expiresAt", "must be in the future"));
    }
    let txn = crate::db::begin_write(db).await?;
    let found = super::service::require_by_global_id(
        &txn,
        rc,
        programme_id,
        crate::auth::policy::TrainingAction::Manage,
    )
    .await?;
    // Take the programme's row: issuing by hand and completion do not both issue.
    super::programmes::lock(&txn, found.programme.id).await?;
    if found.programme.status == entities::ProgrammeStatus::Draft {
        return Err(AppError::conflict(
            "open the programme before issuing its certificates",
        ));
    }
    if !found.programme.certifying {
        return Err(AppError::conflict("the programme issues no certificates"));
    }
    let refusal = "no active member of a verified organisation has this id";
    let user =
        crate::ids::decode_reference(crate::ids::NodeType::User, user_id, "userId", refusal)?;
    let holder = user_account::Entity::find_by_id(user)
        .one(&txn)
        .await?
        .filter(|u| {
            u.status == entities::UserStatus::Active && u.kind == entities::AccountKind::Person
        })
        .ok_or_else(|| AppError::bad_input("userId", refusal))?;
    let organization = organization::Entity::find_by_id(holder.organization_id)
        .one(&txn)
        .await?
        .filter(|o| o.verified)
        .ok_or_else(|| AppError::bad_input("userId", refusal))?;
    if !crate::auth::policy::audience_admits(found.audience.as_deref(), organization.kind) {
        return Err(AppError::bad_input(
            "userId",
            "the programme is not open to the holder's organisation",
        ));
    }
    // A holder has one valid certificate of a programme: a new one replaces the old.
    let now = crate::db::now();
    let replaced = certificate::Entity::update_many()
        .col_expr(
            certificate::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .col_expr(
            certificate::Column::RevokedReason,
            sea_orm::sea_query::Expr::value(Some("replaced by a newer certificate".to_owned())),
        )
        .filter(certificate::Column::UserId.eq(holder.id))
        .filter(certificate::Column::ProgrammeId.eq(found.programme.id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if replaced.rows_affected > 0 {
        tracing::info!(replaced = replaced.rows_affected, "certificates replaced");
    }
    let mut certificate = issue(&txn, rc, &found.programme, holder.id, None).await?;
    if let Some(at) = expires_at {
        let mut active: certificate::ActiveModel = certificate.into();
        active.expires_at = Set(Some(at));
        certificate = active.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(certificate)
}

/// Revokes a certificate with a reason: the provider's managers. The holder's access to
/// workspaces that require it ends in the same transaction.
#[tracing::instrument(skip_all)]
pub async fn revoke(
    db: &sea_orm::DatabaseConnection,
    rc: &RequestCtx,
    id: &str,
    reason: &str,
) -> AppResult<certificate::Model> {
    let reason = reason.trim();
    if !(1..=2000).contains(&reason.chars().count()) {
        return Err(AppError::bad_input(
            "reason",
            "must be 1 to 2000 characters",
        ));
    }
    let id = crate::ids::decode(crate::ids::NodeType::Certificate, id)?;
    let txn = crate::db::begin_write(db).await?;
    let certificate = certificate::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = super::service::require(
        &txn,
        rc,
        certificate.programme_id,
        crate::auth::policy::TrainingAction::Manage,
    )
    .await
    .map_err(|_| AppError::NotFound)?;
    super::gate::lock_for_admission(&txn, certificate.user_id, None).await?;
    // Read again under the lock: a revocation running at the same moment finished first.
    let certificate = certificate::Entity::find_by_id(certificate.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if certificate.revoked_at.is_some() {
        return Err(AppError::conflict("the certificate is already revoked"));
    }
    let mut active: certificate::ActiveModel = certificate.into();
    active.revoked_at = Set(Some(crate::db::now()));
    active.revoked_reason = Set(Some(reason.to_owned()));
    let certificate = active.update(&txn).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "certificate.revoke",
            target_type: "certificate",
            target_id: Some(certificate.id),
            details: json!({ "programme": found.programme.id, "holder": certificate.user_id, "reason": reason }),
        },
    )
    .await?;
    super::gate::end_uncertified(&txn, rc, Some(certificate.user_id)).await?;
    txn.commit().await?;
    Ok(certificate)
}

/// Certificates of the viewer, newest first.
pub async fn mine(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    page: crate::pagination::Page,
) -> AppResult<Vec<certificate::Model>> {
    crate::auth::policy::catalogue_reader(&rc.viewer)?;
    let me = rc.viewer.user_id().ok_or(AppError::NotFound)?;
    let select = certificate::Entity::find().filter(certificate::Column::UserId.eq(me));
    Ok(page
        .apply(
            select,
            certificate::Column::Id,
            crate::pagination::Order::Newest,
        )
        .all(db)
        .await?)
}

/// Certificates of a programme, newest first: its managers.
pub async fn of_programme(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    programme_id: &str,
    page: crate::pagination::Page,
) -> AppResult<Vec<certificate::Model>> {
    let found = super::service::require_by_global_id(
        db,
        rc,
        programme_id,
        crate::auth::policy::TrainingAction::Manage,
    )
    .await?;
    let select =
        certificate::Entity::find().filter(certificate::Column::ProgrammeId.eq(found.programme.id));
    Ok(page
        .apply(
            select,
            certificate::Column::Id,
            crate::pagination::Order::Newest,
        )
        .all(db)
        .await?)
}

/// Whether `user` holds a valid certificate of `programme` now.
pub async fn holds_valid(
    db: &impl ConnectionTrait,
    user: Uuid,
    programme: Uuid,
) -> AppResult<bool> {
    let now = Utc::now();
    Ok(certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user))
        .filter(certificate::Column::ProgrammeId.eq(programme))
        .filter(certificate::Column::RevokedAt.is_null())
        .all(db)
        .await?
        .iter()
        .any(|c| status(c, now) == CertificateStatus::Valid))
}

/// Certificates with their programmes' titles (one query for all of them).
pub async fn with_titles(
    db: &impl ConnectionTrait,
    certificates: Vec<certificate::Model>,
) -> AppResult<Vec<(certificate::Model, String)>> {
    let titles: std::collections::HashMap<Uuid, String> = programme::Entity::find()
        .filter(programme::Column::Id.is_in(certificates.iter().map(|c| c.programme_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    Ok(certificates
        .into_iter()
        .map(|c| {
            let title = titles.get(&c.programme_id).cloned().unwrap_or_default();
            (c, title)
        })
        .collect())
}
