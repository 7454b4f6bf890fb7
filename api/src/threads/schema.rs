use async_graphql::{Context, ID, Object};
use entities::Reaction;

use super::{
    posts::{self, NewPost},
    service::{self, Flag, NewThread, ThreadChanges, ThreadFound},
    types::{CreatePostInput, CreateThreadInput, Post, Thread, UpdateThreadInput},
};
use crate::{
    context,
    ids::{self, NodeType},
};

fn thread(found: ThreadFound) -> Thread {
    Thread::new(found.thread, std::sync::Arc::new(found.found))
}

fn post(found: posts::PostFound) -> Post {
    Post::new(found.post, found.thread.thread, found.thread.found)
}

fn ids_of(ids: Option<Vec<ID>>) -> Option<Vec<String>> {
    ids.map(|ids| ids.into_iter().map(|id| id.0).collect())
}

#[derive(Default)]
pub struct ThreadQuery;

#[Object]
impl ThreadQuery {
    /// A thread the viewer may read.
    async fn thread(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Thread> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let id = ids::decode(NodeType::Thread, &id)?;
        Ok(thread(service::get(&state.db, rc, id).await?))
    }
}

#[derive(Default)]
pub struct ThreadMutation;

#[Object]
impl ThreadMutation {
    /// Starts a thread, optionally with its first post. Contributors.
    async fn create_thread(
        &self,
        ctx: &Context<'_>,
        input: CreateThreadInput,
    ) -> async_graphql::Result<Thread> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::create(
            &state.db,
            rc,
            NewThread {
                workspace_id: input.workspace_id.0,
                title: input.title,
                tlp: input.tlp,
                recipient_ids: ids_of(input.recipient_ids),
                body: input.body,
            },
        )
        .await?;
        Ok(thread(found))
    }

    /// Changes a thread's title, TLP or recipients. Its author or a moderator.
    async fn update_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateThreadInput,
    ) -> async_graphql::Result<Thread> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = service::update(
            &state.db,
            rc,
            &id,
            ThreadChanges {
                title: input.title,
                tlp: input.tlp,
                recipient_ids: ids_of(input.recipient_ids),
            },
        )
        .await?;
        Ok(thread(found))
    }

    /// Pins (or unpins) a thread. Moderators.
    async fn pin_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = true)] pinned: bool,
    ) -> async_graphql::Result<Thread> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(thread(
            service::set_flag(&state.db, rc, &id, Flag::Pinned, pinned).await?,
        ))
    }

    /// Locks (or unlocks) a thread: a locked thread takes no new posts. Moderators.
    async fn lock_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default = true)] locked: bool,
    ) -> async_graphql::Result<Thread> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(thread(
            service::set_flag(&state.db, rc, &id, Flag::Locked, locked).await?,
        ))
    }

    /// Posts to a thread. Contributors; not to a locked thread.
    async fn create_post(
        &self,
        ctx: &Context<'_>,
        input: CreatePostInput,
    ) -> async_graphql::Result<Post> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let found = posts::create(
            &state.db,
            rc,
            NewPost {
                thread_id: input.thread_id.0,
                body: input.body,
                reply_to: input.reply_to.map(|id| id.0),
            },
        )
        .await?;
        Ok(post(found))
    }

    /// Edits a post; the earlier version is kept. Its author only.
    async fn edit_post(
        &self,
        ctx: &Context<'_>,
        id: ID,
        body: String,
    ) -> async_graphql::Result<Post> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(post(posts::edit(&state.db, rc, &id, &body).await?))
    }

    /// Removes a post, leaving a tombstone. Moderators.
    async fn remove_post(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: Option<String>,
    ) -> async_graphql::Result<Post> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(post(posts::remove(&state.db, rc, &id, reason).await?))
    }

    /// Reacts to a post. Contributors.
    async fn react(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        reaction: Reaction,
    ) -> async_graphql::Result<Post> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(post(
            posts::react(&state.db, rc, &post_id, reaction, true).await?,
        ))
    }

    /// Takes back a reaction.
    async fn unreact(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        reaction: Reaction,
    ) -> async_graphql::Result<Post> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        Ok(post(
            posts::react(&state.db, rc, &post_id, reaction, false).await?,
        ))
    }
}
