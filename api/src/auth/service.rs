//! Sign-in sessions: login, refresh-token rotation with reuse detection, logout.

use chrono::{DateTime, Utc};
use entities::{AccountKind, UserStatus, organization, refresh_token, session, user_account};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr,
};
use serde_json::json;
use uuid::Uuid;

use super::{password::MAX_PASSWORD_LEN, secrets};
use crate::{
    app::AppState,
    audit::service::{self as audit, Entry},
    context::RequestCtx,
    error::{AppError, AppResult},
};

const BAD_CREDENTIALS: AppError = AppError::Unauthenticated("invalid email or password");
const BAD_REFRESH: AppError = AppError::Unauthenticated("invalid or expired refresh token");

/// What a successful login or refresh hands out.
pub struct Tokens {
    pub access_token: String,
    pub access_token_expires_at: DateTime<Utc>,
    pub refresh_token: String,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub user: user_account::Model,
    pub organization: organization::Model,
    pub session_id: Uuid,
}

/// Throttle keys of bounded size: the client address (an IPv6 client by its /64, which one
/// subscriber usually holds whole) and a hash of the email.
fn throttle_keys(rc: &RequestCtx, email: &str) -> (String, String) {
    let addr = match rc.client_ip {
        Some(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(ip) => ip.to_string(),
        None => "unknown".to_owned(),
    };
    (
        format!("login:addr:{addr}"),
        format!("login:account:{}", secrets::hash(email)),
    )
}

/// An audit event about a session, with the client address.
async fn record_session(
    db: &impl ConnectionTrait,
    rc: &RequestCtx,
    user_id: Option<Uuid>,
    organization_id: Option<Uuid>,
    action: &'static str,
    session_id: Uuid,
) -> AppResult<()> {
    audit::record_as(
        db,
        rc,
        user_id,
        organization_id,
        Entry {
            action,
            target_type: "session",
            target_id: Some(session_id),
            details: json!({ "clientIp": rc.client_ip.map(|ip| ip.to_string()) }),
        },
    )
    .await
}

fn rate_limited(retry_after_secs: u64) -> AppError {
    AppError::RateLimited { retry_after_secs }
}

/// Signs in with email and password. Unknown email and wrong password give the same answer
/// in similar time (a dummy hash is verified). Throttled per client address and per account:
/// every attempt counts before the password is checked (so concurrent guesses cannot slip
/// past the limit), and a successful sign-in clears the account's count.
#[tracing::instrument(skip_all)]
pub async fn login(
    state: &AppState,
    rc: &RequestCtx,
    email: &str,
    password: String,
) -> AppResult<Tokens> {
    let settings = &state.config.settings;
    let email = email.trim().to_lowercase();
    let (addr_key, account_key) = throttle_keys(rc, &email);
    let window = settings.login_window;
    let (attempts, retry) = state.limiter.hit(&addr_key, window).await?;
    if attempts > u64::from(settings.login_max_attempts_per_address) {
        return Err(rate_limited(retry));
    }
    let (attempts, retry) = state.limiter.hit(&account_key, window).await?;
    if attempts > u64::from(settings.login_max_failures_per_account) {
        return Err(rate_limited(retry));
    }

    let found = if email.len() <= 320 && password.len() <= MAX_PASSWORD_LEN * 4 {
        user_account::Entity::find()
            .filter(user_account::Column::Email.eq(email.as_str()))
            .filter(user_account::Column::Kind.eq(AccountKind::Person))
            .find_also_related(organization::Entity)
            .one(&state.db)
            .await?
    } else {
        None
    };
    let hash = found
        .as_ref()
        .and_then(|(user, _)| user.password_hash.clone());
    let password_ok = state.passwords.verify(password, hash).await?;
    let account = match found {
        Some((user, Some(org))) if password_ok && user.status == UserStatus::Active => (user, org),
        _ => {
            tracing::info!("sign-in refused");
            return Err(BAD_CREDENTIALS);
        }
    };
    state.limiter.reset(&account_key).await?;
    let (user, organization) = account;

    let txn = crate::db::begin_write(&state.db).await?;
    let now = Utc::now();
    let session_expires =
        now + chrono::Duration::from_std(settings.session_ttl).map_err(anyhow::Error::from)?;
    let session_id = Uuid::now_v7();
    session::Entity::insert(session::ActiveModel {
        id: Set(session_id),
        user_id: Set(user.id),
        created_at: Set(now),
        expires_at: Set(session_expires),
        revoked_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let refresh = insert_refresh_token(&txn, session_id, session_expires).await?;
    record_session(
        &txn,
        rc,
        Some(user.id),
        Some(user.organization_id),
        "session.login",
        session_id,
    )
    .await?;
    txn.commit().await?;
    let (access_token, access_token_expires_at) = state.jwt.issue(user.id, session_id)?;
    Ok(Tokens {
        access_token,
        access_token_expires_at,
        refresh_token: refresh,
        refresh_token_expires_at: session_expires,
        user,
        organization,
        session_id,
    })
}

async fn insert_refresh_token(
    db: &impl ConnectionTrait,
    session_id: Uuid,
    expires_at: DateTime<Utc>,
) -> AppResult<String> {
    let secret = secrets::generate(secrets::REFRESH_TOKEN_PREFIX);
    refresh_token::Entity::insert(refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session_id),
        token_hash: Set(secrets::hash(&secret)),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(secret)
}

/// Rotates a refresh token. Presenting a token that was already used revokes the whole
/// session: someone else holds a copy.
#[tracing::instrument(skip_all)]
pub async fn refresh(state: &AppState, rc: &RequestCtx, token: &str) -> AppResult<Tokens> {
    if !token.starts_with(secrets::REFRESH_TOKEN_PREFIX) {
        return Err(BAD_REFRESH);
    }
    let now = Utc::now();
    // Takes the write lock up front, so racing refreshes of one token see each other.
    let txn = crate::db::begin_write(&state.db).await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(secrets::hash(token)))
        .one(&txn)
        .await?
        .ok_or(BAD_REFRESH)?;
    let session = session::Entity::find_by_id(row.session_id)
        .one(&txn)
        .await?
        .ok_or(BAD_REFRESH)?;
    if session.revoked_at.is_some() || session.expires_at <= now || row.expires_at <= now {
        return Err(BAD_REFRESH);
    }
    // Mark the token used only if nobody else did first.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    let owner_organization = user_account::Entity::find_by_id(session.user_id)
        .one(&txn)
        .await?
        .map(|user| user.organization_id);
    if !claimed {
        revoke_session(&txn, session.id).await?;
        record_session(
            &txn,
            rc,
            Some(session.user_id),
            owner_organization,
            "session.refresh_reuse_detected",
            session.id,
        )
        .await?;
        txn.commit().await?;
        tracing::warn!(session_id = %session.id, "refresh token reused; session revoked");
        return Err(BAD_REFRESH);
    }
    let (user, organization) = user_account::Entity::find_by_id(session.user_id)
        .find_also_related(organization::Entity)
        .filter(user_account::Column::Status.eq(UserStatus::Active))
        .one(&txn)
        .await?
        .and_then(|(user, org)| org.map(|org| (user, org)))
        .ok_or(BAD_REFRESH)?;
    let refresh = insert_refresh_token(&txn, session.id, session.expires_at).await?;
    record_session(
        &txn,
        rc,
        Some(user.id),
        Some(user.organization_id),
        "session.refresh",
        session.id,
    )
    .await?;
    txn.commit().await?;
    let (access_token, access_token_expires_at) = state.jwt.issue(user.id, session.id)?;
    Ok(Tokens {
        access_token,
        access_token_expires_at,
        refresh_token: refresh,
        refresh_token_expires_at: session.expires_at,
        user,
        organization,
        session_id: session.id,
    })
}

/// Ends the caller's session: its access and refresh tokens stop working at once.
#[tracing::instrument(skip_all)]
pub async fn logout(state: &AppState, rc: &RequestCtx) -> AppResult<()> {
    let account = rc
        .viewer
        .account()
        .ok_or(AppError::Unauthenticated("sign in to do this"))?;
    let session_id = account.session_id().ok_or_else(|| {
        AppError::bad_input(
            "authorization",
            "API tokens have no session to end; revoke the token instead",
        )
    })?;
    let txn = crate::db::begin_write(&state.db).await?;
    revoke_session(&txn, session_id).await?;
    audit::record(
        &txn,
        rc,
        Entry {
            action: "session.logout",
            target_type: "session",
            target_id: Some(session_id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends the session a browser's refresh cookie belongs to, for a sign-out whose access token
/// has already expired. A token that names no live session ends nothing (the sign-out
/// still clears the cookie).
pub async fn logout_by_refresh_token(
    state: &AppState,
    rc: &RequestCtx,
    token: &str,
) -> AppResult<()> {
    let txn = crate::db::begin_write(&state.db).await?;
    let Some(row) = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(secrets::hash(token)))
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let Some(session) = session::Entity::find_by_id(row.session_id)
        .filter(session::Column::RevokedAt.is_null())
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    revoke_session(&txn, session.id).await?;
    let organization_id = user_account::Entity::find_by_id(session.user_id)
        .one(&txn)
        .await?
        .map(|u| u.organization_id);
    record_session(
        &txn,
        rc,
        Some(session.user_id),
        organization_id,
        "session.logout",
        session.id,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends a session (a session already ended keeps its first end).
async fn revoke_session(db: &impl ConnectionTrait, session_id: Uuid) -> AppResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
