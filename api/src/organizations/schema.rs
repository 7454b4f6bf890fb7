use async_graphql::{Context, ID, Object, connection::Connection};

use super::{
    service,
    types::{CreateOrganizationInput, Organization, OrganizationFilter, UpdateOrganizationInput},
};
use crate::{
    context,
    pagination::{self, Page},
};

#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    /// Organisations the viewer may see: all for coordinators and admins, verified ones (and
    /// their own) for members of a verified organisation, their own otherwise.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        filter: Option<OrganizationFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Organization>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = service::list(&state.db, rc, filter, page).await?;
        Ok(pagination::connection(page, rows, |r| r.id, Organization))
    }
}

#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Coordinators and admins.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> async_graphql::Result<Organization> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Organization(service::create(&state.db, rc, input).await?))
    }

    /// Coordinators and admins.
    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateOrganizationInput,
    ) -> async_graphql::Result<Organization> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Organization(
            service::update(&state.db, rc, &id, input).await?,
        ))
    }

    /// Verify (or un-verify) an organisation. Coordinators and admins.
    async fn verify_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = true)] verified: bool,
    ) -> async_graphql::Result<Organization> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(Organization(
            service::set_verified(&state.db, rc, &id, verified).await?,
        ))
    }
}
