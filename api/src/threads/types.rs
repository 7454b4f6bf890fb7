use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, SimpleObject, connection::Connection};
use chrono::{DateTime, Utc};
use entities::{Reaction, Tlp, post, post_revision, thread};

use crate::{
    auth::policy::{self, Standing, WorkspaceAction},
    context,
    ids::{self, NodeType},
    loaders::{self, Author, PageKey, PostPageKey},
    pagination::{self, Page},
    users::types::User,
    workspaces::{service::Found, types::Workspace},
};

/// A discussion in a workspace, with its own TLP. Built only once the viewer may read it.
pub struct Thread {
    model: Arc<thread::Model>,
    found: Arc<Found>,
}

impl Thread {
    pub fn new(model: thread::Model, found: Arc<Found>) -> Self {
        Self {
            model: Arc::new(model),
            found,
        }
    }

    /// A thread already shared with others (an event delivered to many subscribers).
    pub fn shared(model: Arc<thread::Model>, found: Arc<Found>) -> Self {
        Self { model, found }
    }

    pub fn workspace_id(&self) -> uuid::Uuid {
        self.model.workspace_id
    }

    /// Loads a thread through the request's DataLoaders and the access policy; `None` when
    /// it does not exist or the viewer may not read it.
    pub async fn load_readable(
        ctx: &Context<'_>,
        id: uuid::Uuid,
    ) -> async_graphql::Result<Option<Thread>> {
        let rc = context::request(ctx)?;
        let loaders = context::loaders(ctx)?;
        let Some(thread) = loaders
            .threads()
            .load_one(id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        let Some(workspace) = loaders
            .workspaces()
            .load_one(thread.workspace_id)
            .await
            .map_err(loaders::internal)?
        else {
            return Ok(None);
        };
        let role = loaders
            .memberships()
            .load_one(workspace.id)
            .await
            .map_err(loaders::internal)?;
        let recipient = match (thread.tlp, rc.viewer.user_id()) {
            (Tlp::Red, Some(me)) => loaders
                .recipients()
                .load_one(thread.id)
                .await
                .map_err(loaders::internal)?
                .is_some_and(|r| r.contains(&me)),
            _ => false,
        };
        let standing = Standing {
            workspace: &workspace,
            role,
        };
        let readable = policy::authorize_in_workspace(
            &rc.viewer,
            standing,
            WorkspaceAction::ReadThread {
                thread: &thread,
                recipient,
            },
        )
        .is_ok();
        Ok(readable.then(|| Thread::new(thread, Arc::new(Found { workspace, role }))))
    }

    /// A post of this thread (the caller has checked that it belongs here).
    pub fn post(&self, model: post::Model) -> Post {
        Post {
            model,
            thread: self.model.clone(),
            found: self.found.clone(),
            author: None,
        }
    }

    fn can(&self, ctx: &Context<'_>, action: WorkspaceAction<'_>) -> async_graphql::Result<bool> {
        let rc = context::request(ctx)?;
        Ok(policy::authorize_in_workspace(&rc.viewer, self.found.standing(), action).is_ok())
    }
}

#[Object]
impl Thread {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Thread, self.model.id)
    }
    async fn title(&self) -> &str {
        &self.model.title
    }
    async fn tlp(&self) -> Tlp {
        self.model.tlp
    }
    async fn pinned(&self) -> bool {
        self.model.pinned
    }
    /// A locked thread takes no new posts.
    async fn locked(&self) -> bool {
        self.model.locked
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.model.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.model.updated_at
    }
    /// When the thread was started or last posted to.
    async fn last_activity_at(&self) -> DateTime<Utc> {
        self.model.last_activity_at
    }
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        User::load_related(ctx, self.model.author_id).await
    }
    async fn workspace(&self) -> Workspace {
        Workspace(self.found.clone())
    }
    /// Whether the viewer may post here now.
    async fn viewer_can_post(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.can(ctx, WorkspaceAction::PostTo(&self.model))
    }
    /// Whether the viewer may pin, lock and remove posts here.
    async fn viewer_can_moderate(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.can(ctx, WorkspaceAction::Moderate)
    }
    /// The named recipients of a `RED` thread (empty for other threads).
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn recipients(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, User>> {
        let page = Page::parse(first, after)?;
        let ids = context::loaders(ctx)?
            .recipients()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        let ids: Vec<uuid::Uuid> = ids
            .into_iter()
            .filter(|id| page.after.is_none_or(|after| *id > after))
            .take(page.limit() as usize)
            .collect();
        let users =
            futures::future::try_join_all(ids.iter().map(|id| User::load_related(ctx, *id)))
                .await?;
        let rows: Vec<(uuid::Uuid, User)> = ids
            .into_iter()
            .zip(users)
            .filter_map(|(id, user)| user.map(|u| (id, u)))
            .collect();
        Ok(pagination::connection(
            page,
            rows,
            |(id, _)| *id,
            |(_, u)| u,
        ))
    }
    /// Posts, oldest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn posts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, Post>> {
        let page = Page::parse(first, after)?;
        // A listing that shows authors reads them with the page.
        let authors = ctx
            .look_ahead()
            .field("edges")
            .field("node")
            .field("author")
            .exists();
        let key = PostPageKey {
            page: PageKey::new(self.model.id, page),
            authors,
        };
        let rows = context::loaders(ctx)?
            .post_pages()
            .load_one(key)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(pagination::connection(
            page,
            rows,
            |p| p.post.id,
            |p| Post {
                model: p.post,
                thread: self.model.clone(),
                found: self.found.clone(),
                author: p.author,
            },
        ))
    }
}

/// A post in a thread. A removed post is a tombstone: who removed it and when, no body.
pub struct Post {
    pub model: post::Model,
    pub thread: Arc<thread::Model>,
    pub found: Arc<Found>,
    /// The author, when it was read with the post.
    pub author: Option<Arc<Author>>,
}

impl Post {
    pub fn new(model: post::Model, thread: thread::Model, found: Found) -> Self {
        Self {
            model,
            thread: Arc::new(thread),
            found: Arc::new(found),
            author: None,
        }
    }
}

/// How many reacted with one reaction, and whether the viewer did.
#[derive(SimpleObject)]
pub struct ReactionCount {
    pub reaction: Reaction,
    pub count: i32,
    pub viewer_reacted: bool,
}

/// An earlier version of a post.
#[derive(SimpleObject)]
pub struct PostVersion {
    pub version: i32,
    /// Markdown source of that version.
    pub body: String,
    /// When that version was written.
    pub created_at: DateTime<Utc>,
}

impl From<post_revision::Model> for PostVersion {
    fn from(r: post_revision::Model) -> Self {
        Self {
            version: r.version,
            body: r.body,
            created_at: r.created_at,
        }
    }
}

#[Object]
impl Post {
    pub async fn id(&self) -> ID {
        ids::encode(NodeType::Post, self.model.id)
    }
    async fn thread(&self) -> Thread {
        Thread {
            model: self.thread.clone(),
            found: self.found.clone(),
        }
    }
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match &self.author {
            Some(author) => User::related(ctx, &author.user, &author.organization),
            None => User::load_related(ctx, self.model.author_id).await,
        }
    }
    /// The post this one replies to (in the same thread).
    async fn reply_to(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Post>> {
        let Some(id) = self.model.reply_to_id else {
            return Ok(None);
        };
        let parent = context::loaders(ctx)?
            .posts()
            .load_one(id)
            .await
            .map_err(loaders::internal)?;
        Ok(parent
            .filter(|p| p.thread_id == self.model.thread_id)
            .map(|p| Post {
                model: p,
                thread: self.thread.clone(),
                found: self.found.clone(),
                author: None,
            }))
    }
    /// Markdown source; `null` once removed.
    async fn body(&self) -> Option<&str> {
        self.model.body.as_deref()
    }
    /// The body rendered to sanitised HTML; `null` once removed.
    async fn body_html(&self) -> Option<&str> {
        self.model.body_html.as_deref()
    }
    /// 1 for the original, +1 per edit.
    async fn version(&self) -> i32 {
        self.model.version
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.model.created_at
    }
    async fn edited_at(&self) -> Option<DateTime<Utc>> {
        self.model.edited_at
    }
    async fn removed(&self) -> bool {
        self.model.removed_at.is_some()
    }
    async fn removed_at(&self) -> Option<DateTime<Utc>> {
        self.model.removed_at
    }
    /// The moderator who removed the post.
    async fn removed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.model.removed_by {
            Some(id) => User::load_related(ctx, id).await,
            None => Ok(None),
        }
    }
    async fn reactions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ReactionCount>> {
        let counts = context::loaders(ctx)?
            .reactions()
            .load_one(self.model.id)
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(counts
            .into_iter()
            .map(|c| ReactionCount {
                reaction: c.reaction,
                count: i32::try_from(c.count).unwrap_or(i32::MAX),
                viewer_reacted: c.viewer_reacted,
            })
            .collect())
    }
    /// Earlier versions, newest first.
    #[graphql(complexity = "pagination::cost(first, child_complexity)")]
    async fn versions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Connection<String, PostVersion>> {
        let page = Page::parse(first, after)?;
        let rows = context::loaders(ctx)?
            .revision_pages()
            .load_one(PageKey::new(self.model.id, page))
            .await
            .map_err(loaders::internal)?
            .unwrap_or_default();
        Ok(pagination::connection(
            page,
            rows,
            |r| r.id,
            PostVersion::from,
        ))
    }
    /// Whether the viewer may edit this post.
    async fn viewer_can_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let rc = context::request(ctx)?;
        Ok(self.model.removed_at.is_none()
            && policy::authorize_in_workspace(
                &rc.viewer,
                self.found.standing(),
                WorkspaceAction::EditPost(&self.model),
            )
            .is_ok())
    }
}

#[derive(InputObject)]
pub struct CreateThreadInput {
    pub workspace_id: ID,
    /// 1 to 200 characters.
    pub title: String,
    /// Defaults to the workspace's; never less strict than it.
    pub tlp: Option<Tlp>,
    /// For `RED` only: members of the workspace who may read the thread (the author is
    /// always one).
    pub recipient_ids: Option<Vec<ID>>,
    /// The first post, in Markdown.
    pub body: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateThreadInput {
    pub title: Option<String>,
    pub tlp: Option<Tlp>,
    pub recipient_ids: Option<Vec<ID>>,
}

#[derive(InputObject)]
pub struct CreatePostInput {
    pub thread_id: ID,
    /// Markdown, up to 20,000 characters. `@name@domain` mentions an account by email.
    pub body: String,
    /// A post in the same thread.
    pub reply_to: Option<ID>,
}
