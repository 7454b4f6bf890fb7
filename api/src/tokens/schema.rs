use async_graphql::{Context, ID, Object, connection::Connection};

use super::{
    service::{self, NewToken},
    types::{ApiToken, CreateApiTokenInput, CreatedApiToken},
};
use crate::{
    context,
    ids::{self, NodeType},
    pagination::{self, Page},
};

#[derive(Default)]
pub struct TokenQuery;

#[Object]
impl TokenQuery {
    /// API tokens, optionally of one organisation. Admins and coordinators.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn api_tokens(
        &self,
        ctx: &Context<'_>,
        organization_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, ApiToken>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let org = organization_id
            .map(|id| ids::decode(NodeType::Organization, &id))
            .transpose()?;
        let rows = service::list(&state.db, rc, org, page).await?;
        Ok(pagination::connection(page, rows, |r| r.id, ApiToken))
    }
}

#[derive(Default)]
pub struct TokenMutation;

#[Object]
impl TokenMutation {
    /// Creates an API token for a service account; the secret is in the answer, once.
    /// Admins and coordinators.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        input: CreateApiTokenInput,
    ) -> async_graphql::Result<CreatedApiToken> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (token, model) = service::create(
            &state.db,
            rc,
            NewToken {
                service_account_id: input.service_account_id.0,
                name: input.name,
                scopes: input.scopes,
                expires_at: input.expires_at,
            },
        )
        .await?;
        Ok(CreatedApiToken {
            token,
            api_token: ApiToken(model),
        })
    }

    /// Revokes a token at once. Admins and coordinators.
    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ApiToken> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(ApiToken(service::revoke(&state.db, rc, &id).await?))
    }
}
