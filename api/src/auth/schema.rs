use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::{Account, Credential, Viewer, cookie, service};
use crate::{app::AppState, context, error::AppError, users::types::User};

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The signed-in account with its organisation; null for anonymous callers.
    async fn viewer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        let rc = context::request(ctx)?;
        Ok(match &rc.viewer {
            Viewer::Anonymous => None,
            Viewer::Account(account) => Some(User::with_organization(
                account.user.clone(),
                account.organization.clone(),
            )),
        })
    }
}

/// Tokens of a session. Send the access token as `Authorization: Bearer …`; exchange the
/// refresh token for new tokens before the access token expires.
#[derive(SimpleObject)]
pub struct AuthPayload {
    pub access_token: String,
    pub access_token_expires_at: DateTime<Utc>,
    /// Null when the refresh token went into the session cookie (`login(cookie: true)`, or
    /// `refreshSession` without an argument).
    pub refresh_token: Option<String>,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub user: User,
}

impl From<service::Tokens> for AuthPayload {
    fn from(t: service::Tokens) -> Self {
        Self {
            access_token: t.access_token,
            access_token_expires_at: t.access_token_expires_at,
            refresh_token: Some(t.refresh_token),
            refresh_token_expires_at: t.refresh_token_expires_at,
            user: User::signed_in(Account {
                user: t.user,
                organization: t.organization,
                credential: Credential::Session {
                    session_id: t.session_id,
                },
            }),
        }
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Signs in. Throttled per account and per client address (`RATE_LIMITED`). With
    /// `cookie: true` (browsers, over HTTP) the refresh token is set as an HttpOnly,
    /// SameSite=Strict cookie instead of being returned.
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
        #[graphql(default = false)] cookie: bool,
    ) -> async_graphql::Result<AuthPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        if cookie && rc.http.is_none() {
            return Err(AppError::bad_input(
                "cookie",
                "a session cookie can only be set over HTTP",
            )
            .into());
        }
        let payload = AuthPayload::from(service::login(state, rc, &email, password).await?);
        Ok(if cookie {
            into_cookie(ctx, state, payload)
        } else {
            payload
        })
    }

    /// Exchanges a refresh token for new tokens. Each refresh token works once; reusing one
    /// ends the whole session. Without `refreshToken`, the session cookie's token is used
    /// and the new one replaces it in the cookie.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        refresh_token: Option<String>,
    ) -> async_graphql::Result<AuthPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        if let Some(token) = refresh_token {
            return Ok(service::refresh(state, rc, &token).await?.into());
        }
        let Some(token) = rc.http.as_ref().and_then(|h| h.refresh.clone()) else {
            return Err(AppError::Unauthenticated("no refresh token: sign in again").into());
        };
        match service::refresh(state, rc, &token).await {
            Ok(tokens) => Ok(into_cookie(ctx, state, tokens.into())),
            Err(err) => {
                // A cookie that no longer works is of no use to the browser; one that met a
                // passing failure (the database busy) is kept for the next try.
                if matches!(err, AppError::Unauthenticated(_)) {
                    set_cookie(ctx, cookie::clear(&state.config.settings));
                }
                Err(err.into())
            }
        }
    }

    /// Ends the caller's session. Over HTTP it also clears the session cookie, and a browser
    /// whose access token has already expired may sign out with the cookie alone.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let cookie = rc.http.as_ref().and_then(|h| h.refresh.as_deref());
        if rc.http.is_some() {
            // Whatever else happens, the browser forgets the session.
            set_cookie(ctx, cookie::clear(&state.config.settings));
        }
        match (&rc.viewer, cookie) {
            (Viewer::Anonymous, Some(token)) => {
                service::logout_by_refresh_token(state, rc, token).await?;
            }
            _ => service::logout(state, rc).await?,
        }
        Ok(true)
    }
}

/// Moves the refresh token of `payload` into the session cookie.
fn into_cookie(ctx: &Context<'_>, state: &AppState, mut payload: AuthPayload) -> AuthPayload {
    if let Some(token) = payload.refresh_token.take() {
        set_cookie(
            ctx,
            cookie::set(
                &state.config.settings,
                &token,
                payload.refresh_token_expires_at,
            ),
        );
    }
    payload
}

fn set_cookie(ctx: &Context<'_>, value: Option<axum::http::HeaderValue>) {
    if let Some(value) = value {
        ctx.append_http_header(axum::http::header::SET_COOKIE, value);
    }
}
