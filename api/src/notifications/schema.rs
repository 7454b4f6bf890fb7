use async_graphql::{Context, ID, Object, connection::Connection};

use super::{service, types::Notification};
use crate::{
    context,
    pagination::{self, Page},
};

#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// The viewer's notifications, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = false)] unread_only: bool,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Notification>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = Page::parse(first, after)?;
        let rows = service::list(&state.db, rc, unread_only, page).await?;
        Ok(pagination::connection(page, rows, |n| n.id, Notification))
    }

    /// How many of the viewer's notifications are unread.
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let count = service::unread_count(&state.db, rc).await?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}

#[derive(Default)]
pub struct NotificationMutation;

#[Object]
impl NotificationMutation {
    /// Marks notifications read: the given ones (at most 100), or all when `ids` is
    /// omitted. Returns how many changed.
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        ids: Option<Vec<ID>>,
    ) -> async_graphql::Result<i32> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let ids = ids.map(|ids| ids.into_iter().map(|id| id.0).collect());
        let count = service::mark_read(&state.db, rc, ids).await?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}
