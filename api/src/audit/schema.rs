use async_graphql::{Context, ID, Object, connection::Connection};

use super::{service, types::AuditEvent};
use crate::{
    context,
    pagination::{self, Page},
};

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit log, newest first: of the whole platform (admins), or of one workspace
    /// (its owners, and admins).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        workspace_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, AuditEvent>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = match workspace_id {
            Some(id) => service::list_workspace(&state.db, rc, &id, page).await?,
            None => service::list(&state.db, rc, page).await?,
        };
        Ok(pagination::connection(page, rows, |r| r.id, AuditEvent))
    }
}
