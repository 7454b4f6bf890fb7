use async_graphql::{Context, Object, connection::Connection};

use super::{service, types::AuditEvent};
use crate::{
    context,
    pagination::{self, Page},
};

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The platform audit log, newest first. Admins only.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, AuditEvent>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = service::list(&state.db, rc, page).await?;
        Ok(pagination::connection(page, rows, |r| r.id, AuditEvent))
    }
}
