use async_graphql::{Context, ID, Object, connection::Connection};
use entities::UserStatus;

use super::{
    service::{self, NewUser},
    types::{CreateServiceAccountInput, CreateUserInput, User, UserFilter},
};
use crate::{
    context,
    ids::{self, NodeType},
    pagination::{self, Page},
};

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// Accounts the viewer may see: all for coordinators and admins, their own
    /// organisation's for members of a verified organisation, themselves otherwise.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        filter: Option<UserFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, User>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let (org, kind, status) = match filter {
            Some(f) => (
                f.organization_id
                    .map(|id| ids::decode(NodeType::Organization, &id))
                    .transpose()?,
                f.kind,
                f.status,
            ),
            None => (None, None, None),
        };
        let rows = service::list(&state.db, rc, org, kind, status, page).await?;
        Ok(pagination::connection(page, rows, |r| r.id, User::new))
    }
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Admins.
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        input: CreateUserInput,
    ) -> async_graphql::Result<User> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let new = NewUser {
            email: input.email,
            display_name: input.display_name,
            password: input.password,
            role: input.role,
        };
        Ok(User::new(
            service::create(state, rc, &input.organization_id, new).await?,
        ))
    }

    /// Suspends an account: its sessions and tokens stop working at once. Admins.
    async fn suspend_user(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<User> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(User::new(
            service::set_status(&state.db, rc, &id, UserStatus::Suspended).await?,
        ))
    }

    /// Admins.
    async fn reactivate_user(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<User> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(User::new(
            service::set_status(&state.db, rc, &id, UserStatus::Active).await?,
        ))
    }

    /// Sets a new password and ends the account's sessions. Admins.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        id: ID,
        new_password: String,
    ) -> async_graphql::Result<User> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(User::new(
            service::reset_password(state, rc, &id, new_password).await?,
        ))
    }

    /// A service account for an organisation's integration. Admins and coordinators.
    async fn create_service_account(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceAccountInput,
    ) -> async_graphql::Result<User> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(User::new(
            service::create_service_account(
                &state.db,
                rc,
                &input.organization_id,
                &input.display_name,
            )
            .await?,
        ))
    }
}
