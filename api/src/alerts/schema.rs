use async_graphql::{Context, Object, connection::Connection};

use super::{
    service::{self, NewAlert},
    types::{Alert, IssueAlertInput},
};
use crate::{context, pagination};

#[derive(Default)]
pub struct AlertQuery;

#[Object]
impl AlertQuery {
    /// Alerts for the viewer: public ones, and law-enforcement ones for members of
    /// law-enforcement organisations and international bodies. Newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default = false)] include_expired: bool,
    ) -> async_graphql::Result<Connection<String, Alert>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = pagination::Page::parse(first, after)?;
        let rows = service::for_member(&state.db, rc, include_expired, page).await?;
        Ok(pagination::connection(page, rows, |a| a.id, Alert))
    }

    /// Public alerts, for anyone, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn public_alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default = false)] include_expired: bool,
    ) -> async_graphql::Result<Connection<String, Alert>> {
        let state = context::state(ctx)?;
        let page = pagination::Page::parse(first, after)?;
        let rows = service::public(&state.db, include_expired, page).await?;
        Ok(pagination::connection(page, rows, |a| a.id, Alert))
    }
}

#[derive(Default)]
pub struct AlertMutation;

#[Object]
impl AlertMutation {
    /// Issues a cyber alert, standalone or from a published advisory. Coordinators.
    async fn issue_alert(
        &self,
        ctx: &Context<'_>,
        input: IssueAlertInput,
    ) -> async_graphql::Result<Alert> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let alert = service::issue(
            &state.db,
            rc,
            NewAlert {
                title: input.title,
                summary: input.summary,
                severity: input.severity,
                audience: input.audience,
                regions: input.regions,
                expires_at: input.expires_at,
                advisory_id: input.advisory_id.map(|id| id.0),
            },
        )
        .await?;
        Ok(Alert(alert))
    }
}
