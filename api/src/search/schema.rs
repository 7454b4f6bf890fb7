use async_graphql::{Context, ID, Object, connection::Connection};

use super::service::{self, Hit, HitKind};
use crate::{
    context,
    pagination::{self, OffsetPage},
    threads::types::{Post, Thread},
};

/// A search result: a thread whose title matched, or a post.
pub struct SearchHit(Hit);

#[Object]
impl SearchHit {
    async fn kind(&self) -> HitKind {
        self.0.kind
    }
    /// Higher is better.
    async fn rank(&self) -> f64 {
        self.0.rank
    }
    /// A piece of the matching text, HTML-escaped, the matched words in `<mark>`.
    async fn snippet_html(&self) -> &str {
        &self.0.snippet_html
    }
    async fn thread(&self) -> Thread {
        Thread::new(
            self.0.thread.clone(),
            std::sync::Arc::new(self.0.found.clone()),
        )
    }
    async fn post(&self) -> Option<Post> {
        self.0
            .post
            .clone()
            .map(|p| Post::new(p, self.0.thread.clone(), self.0.found.clone()))
    }
}

#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Searches the threads and posts the viewer may read, best match first; optionally in
    /// one workspace. The first 1,000 results can be paged through.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        query: String,
        workspace_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, SearchHit>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let page = OffsetPage::parse(first, after)?;
        let hits = service::search(
            &state.db,
            rc,
            &query,
            workspace_id.as_ref().map(|id| id.as_str()),
            page,
        )
        .await?;
        Ok(page.connection(hits.into_iter().map(SearchHit).collect()))
    }
}
