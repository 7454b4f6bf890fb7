use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::{Account, Credential, Viewer, service};
use crate::{context, users::types::User};

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
    pub refresh_token: String,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub user: User,
}

impl From<service::Tokens> for AuthPayload {
    fn from(t: service::Tokens) -> Self {
        Self {
            access_token: t.access_token,
            access_token_expires_at: t.access_token_expires_at,
            refresh_token: t.refresh_token,
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
    /// Signs in. Throttled per account and per client address (`RATE_LIMITED`).
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> async_graphql::Result<AuthPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(service::login(state, rc, &email, password).await?.into())
    }

    /// Exchanges a refresh token for new tokens. Each refresh token works once; reusing one
    /// ends the whole session.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        refresh_token: String,
    ) -> async_graphql::Result<AuthPayload> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(service::refresh(state, rc, &refresh_token).await?.into())
    }

    /// Ends the caller's session.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        service::logout(state, rc).await?;
        Ok(true)
    }
}
