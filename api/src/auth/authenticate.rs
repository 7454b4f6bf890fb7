//! From an `Authorization` header to a [`Viewer`]. A header that is present but wrong is an
//! error (`UNAUTHENTICATED`), never "anonymous". The account is read from the database, or
//! from the [`AuthCache`](super::cache::AuthCache), which every change empties on every
//! replica, so a suspension or a revoked session or token takes effect at once.
//!
//! [`authenticate_token_until`] also says when the credential ends, for connections that
//! outlive a request (the WebSocket closes then).

use chrono::{DateTime, Utc};
use entities::{AccountKind, UserStatus, api_token, organization, session, user_account};
use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait, Query},
};

use super::{Account, Credential, Scopes, Viewer, jwt::JwtKeys, secrets};
use crate::{
    app::AppState,
    error::{AppError, AppResult},
};

const INVALID: AppError = AppError::Unauthenticated("invalid or expired credentials");

/// Who a credential proved, and when the credential ends: an access JWT's `exp`, an API
/// token's expiry (`None`: it does not expire). Anonymous has no end.
pub struct Authenticated {
    pub viewer: Viewer,
    pub expires_at: Option<DateTime<Utc>>,
}

/// Authenticates the value of an `Authorization` header (or a token given another way).
pub async fn authenticate(state: &AppState, authorization: Option<&str>) -> AppResult<Viewer> {
    let Some(header) = authorization else {
        return Ok(Viewer::Anonymous);
    };
    authenticate_token(state, bearer_token(header)?).await
}

/// The token of an `Authorization` value `Bearer <token>`; the scheme is case-insensitive
/// (RFC 7235).
pub fn bearer_token(authorization: &str) -> AppResult<&str> {
    authorization
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|t| !t.is_empty())
        .ok_or(AppError::Unauthenticated(
            "the Authorization header must be 'Bearer <token>'",
        ))
}

/// Authenticates a bearer token: an API token (by its prefix) or an access JWT.
pub async fn authenticate_token(state: &AppState, token: &str) -> AppResult<Viewer> {
    Ok(authenticate_token_until(state, token).await?.viewer)
}

/// Authenticates a bearer token like [`authenticate_token`], and says when it ends.
pub async fn authenticate_token_until(state: &AppState, token: &str) -> AppResult<Authenticated> {
    if token.starts_with(secrets::API_TOKEN_PREFIX) {
        return api_token_viewer(state, token).await;
    }
    if !JwtKeys::looks_like_jwt(token) {
        return Err(INVALID);
    }
    // Keyed by the exact token: bytes that verified before verify again, so a hit skips
    // the signature check; the entry ends with the token's `exp`.
    if let Some((account, expires_at)) = cached(state, token) {
        return Ok(Authenticated {
            viewer: Viewer::Account(account),
            expires_at,
        });
    }
    let epoch = state.auth_cache.epoch();
    let claims = state.jwt.verify(token).ok_or(INVALID)?;
    let token_expires = chrono::DateTime::from_timestamp(claims.exp, 0);
    let now = Utc::now();
    let live_session = Query::select()
        .expr(Expr::val(1))
        .from(session::Entity)
        .and_where(Expr::col((session::Entity, session::Column::Id)).eq(claims.sid))
        .and_where(Expr::col((session::Entity, session::Column::UserId)).eq(claims.sub))
        .and_where(Expr::col((session::Entity, session::Column::RevokedAt)).is_null())
        .and_where(Expr::col((session::Entity, session::Column::ExpiresAt)).gt(now))
        .to_owned();
    let found = active_account(claims.sub)
        .filter(Expr::exists(live_session))
        .one(&state.db)
        .await?;
    let viewer = viewer(
        found,
        Credential::Session {
            session_id: claims.sid,
        },
    )?;
    remember(state, token.to_owned(), epoch, token_expires, &viewer);
    Ok(Authenticated {
        viewer,
        expires_at: token_expires,
    })
}

fn cached(state: &AppState, key: &str) -> Option<(std::sync::Arc<Account>, Option<DateTime<Utc>>)> {
    let account = state.auth_cache.get(key);
    state.metrics.auth_cache_lookup(account.is_some());
    account
}

fn remember(
    state: &AppState,
    key: String,
    epoch: u64,
    expires_at: Option<DateTime<Utc>>,
    viewer: &Viewer,
) {
    if let Viewer::Account(account) = viewer {
        state
            .auth_cache
            .put(key, epoch, expires_at, account.clone());
    }
}

/// An active account with its organisation.
fn active_account(
    user_id: uuid::Uuid,
) -> sea_orm::SelectTwo<user_account::Entity, organization::Entity> {
    user_account::Entity::find_by_id(user_id)
        .find_also_related(organization::Entity)
        .filter(user_account::Column::Status.eq(UserStatus::Active))
}

fn viewer(
    found: Option<(user_account::Model, Option<organization::Model>)>,
    credential: Credential,
) -> AppResult<Viewer> {
    match found {
        Some((user, Some(organization))) => Ok(Viewer::Account(std::sync::Arc::new(Account {
            user,
            organization,
            credential,
        }))),
        _ => Err(INVALID),
    }
}

async fn api_token_viewer(state: &AppState, token: &str) -> AppResult<Authenticated> {
    let token_hash = secrets::hash(token);
    let cache_key = format!("token:{token_hash}");
    if let Some((account, expires_at)) = cached(state, &cache_key) {
        return Ok(Authenticated {
            viewer: Viewer::Account(account),
            expires_at,
        });
    }
    let epoch = state.auth_cache.epoch();
    let now = Utc::now();
    let row = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?
        .ok_or(INVALID)?;
    if row.expires_at.is_some_and(|at| at <= now) {
        return Err(INVALID);
    }
    let found = active_account(row.user_id)
        .filter(user_account::Column::Kind.eq(AccountKind::Service))
        .one(&state.db)
        .await?;
    let viewer = viewer(
        found,
        Credential::ApiToken {
            token_id: row.id,
            scopes: Scopes::from_stored(&row.scopes),
        },
    )?;
    remember(state, cache_key, epoch, row.expires_at, &viewer);
    Ok(Authenticated {
        viewer,
        expires_at: row.expires_at,
    })
}
