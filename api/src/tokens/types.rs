use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::api_token;

use crate::{
    auth::Scopes,
    ids::{self, NodeType},
    users::types::User,
};

pub struct ApiToken(pub api_token::Model);

#[Object]
impl ApiToken {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::ApiToken, self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The first characters of the secret, to recognise it.
    async fn prefix(&self) -> &str {
        &self.0.token_prefix
    }
    async fn scopes(&self) -> Vec<String> {
        Scopes::from_stored(&self.0.scopes).iter_strings().collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    /// Neither revoked nor expired.
    async fn active(&self) -> bool {
        self.0.revoked_at.is_none() && self.0.expires_at.is_none_or(|at| at > Utc::now())
    }
    /// The service account the token acts as.
    async fn service_account(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_visible(ctx, self.0.user_id).await
    }
}

#[derive(InputObject)]
pub struct CreateApiTokenInput {
    /// A service account (`kind: SERVICE`).
    pub service_account_id: ID,
    pub name: String,
    /// `read`, `write`, or `<area>:read` / `<area>:write` with area one of `directory`,
    /// `workspaces`, `advisories`, `alerts`, `training`, `notifications`.
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A new token. The secret is shown here once and never again.
#[derive(SimpleObject)]
pub struct CreatedApiToken {
    pub token: String,
    pub api_token: ApiToken,
}
