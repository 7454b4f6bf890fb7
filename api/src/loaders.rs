//! DataLoaders: one per (entity, key), one `IN (...)` query per batch, created per request so
//! nothing is cached across viewers. Loaders only fetch; the fields that use them ask the
//! access policy.

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
};

use async_graphql::dataloader::{DataLoader, Loader};
use entities::{
    Reaction, WorkspaceRole, advisory, advisory_author, advisory_comment, advisory_revision,
    advisory_signoff, alert, enrolment, organization, post, post_reaction, post_revision,
    programme, programme_module, programme_prerequisite, session_instructor, thread,
    thread_recipient, training_session, user_account, workspace, workspace_member,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    IdenStatic, Iterable, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    sea_query::{
        Alias, Asterisk, Expr, ExprTrait, Func, JoinType, Query, SelectStatement, UnionType,
    },
};
use uuid::Uuid;

use crate::pagination::{Order, Page};

pub type LoadError = Arc<anyhow::Error>;

fn load_error(err: DbErr) -> LoadError {
    Arc::new(anyhow::Error::new(err))
}

/// A loader of rows by primary key.
macro_rules! by_id_loader {
    ($name:ident, $entity:ident) => {
        pub struct $name(pub DatabaseConnection);

        impl Loader<Uuid> for $name {
            type Value = $entity::Model;
            type Error = LoadError;

            async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
                let rows = $entity::Entity::find()
                    .filter($entity::Column::Id.is_in(keys.iter().copied()))
                    .all(&self.0)
                    .await
                    .map_err(load_error)?;
                Ok(rows.into_iter().map(|row| (row.id, row)).collect())
            }
        }
    };
}

by_id_loader!(OrganizationLoader, organization);
by_id_loader!(UserLoader, user_account);
by_id_loader!(WorkspaceLoader, workspace);
by_id_loader!(ThreadLoader, thread);
by_id_loader!(PostLoader, post);

/// A page of children for a parent: the key of the page loaders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub parent: Uuid,
    pub first: u64,
    pub after: Option<Uuid>,
}

impl PageKey {
    pub fn new(parent: Uuid, page: Page) -> Self {
        Self {
            parent,
            first: page.first,
            after: page.after,
        }
    }

    pub fn page(&self) -> Page {
        Page {
            first: self.first,
            after: self.after,
        }
    }
}

/// One `UNION ALL` of pages of children, one member per parent: each member is one small
/// index range scan — `(parent, id)` is indexed — wrapped so that its ORDER BY and LIMIT are
/// its own on every backend.
fn union_of_pages<E: EntityTrait>(
    parents: &[Uuid],
    page: Page,
    parent: E::Column,
    id: E::Column,
    order: Order,
) -> Option<SelectStatement> {
    let sort = match order {
        Order::Oldest => sea_orm::Order::Asc,
        Order::Newest => sea_orm::Order::Desc,
    };
    let mut members = parents.iter().enumerate().map(|(i, parent_id)| {
        let mut select = E::find().filter(parent.eq(*parent_id));
        if let Some(after) = page.after {
            select = match order {
                Order::Oldest => select.filter(id.gt(after)),
                Order::Newest => select.filter(id.lt(after)),
            };
        }
        let page_of_one = select
            .order_by(id, sort.clone())
            .limit(page.limit())
            .into_query();
        Query::select()
            .column(Asterisk)
            .from_subquery(page_of_one, Alias::new(format!("page_{i}")))
            .to_owned()
    });
    let mut statement = members.next()?;
    for member in members {
        statement.union(UnionType::All, member);
    }
    Some(statement)
}

/// The keys of `keys` grouped by page (same `first` and `after`), each with its parents.
fn parents_by_page(keys: &[PageKey]) -> HashMap<Page, Vec<Uuid>> {
    let mut by_page: HashMap<Page, Vec<Uuid>> = HashMap::new();
    for key in keys {
        by_page.entry(key.page()).or_default().push(key.parent);
    }
    by_page
}

/// Loads a page of children for many parents in one statement per distinct page (see
/// [`union_of_pages`]).
async fn pages_per_parent<E>(
    db: &DatabaseConnection,
    keys: &[PageKey],
    parent: E::Column,
    id: E::Column,
    order: Order,
) -> Result<HashMap<PageKey, Vec<E::Model>>, LoadError>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
{
    let mut out: HashMap<PageKey, Vec<E::Model>> = keys.iter().map(|k| (*k, Vec::new())).collect();
    let backend = db.get_database_backend();
    for (page, parents) in parents_by_page(keys) {
        let Some(statement) = union_of_pages::<E>(&parents, page, parent, id, order) else {
            continue;
        };
        let rows = E::find()
            .from_raw_sql(backend.build(&statement))
            .all(db)
            .await
            .map_err(load_error)?;
        for row in rows {
            let sea_orm::Value::Uuid(Some(parent_id)) = sea_orm::ModelTrait::get(&row, parent)
            else {
                continue;
            };
            if let Some(children) = out.get_mut(&PageKey::new(parent_id, page)) {
                children.push(row);
            }
        }
    }
    Ok(out)
}

/// The author of a post with their organisation, read with the post.
#[derive(Debug)]
pub struct Author {
    pub user: user_account::Model,
    pub organization: organization::Model,
}

/// A post of a page, with its author when the page was asked for with authors.
#[derive(Debug, Clone)]
pub struct PagedPost {
    pub post: post::Model,
    pub author: Option<Arc<Author>>,
}

/// A page of posts of a thread, oldest first; with `authors`, each post comes with its
/// author and their organisation, read by the same statement (a join on the page), so that
/// the authors of a whole listing cost no further round trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PostPageKey {
    pub page: PageKey,
    pub authors: bool,
}

/// Pages of posts of many threads: one statement per distinct page.
pub struct PostPageLoader(pub DatabaseConnection);

impl Loader<PostPageKey> for PostPageLoader {
    type Value = Vec<PagedPost>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[PostPageKey],
    ) -> Result<HashMap<PostPageKey, Self::Value>, Self::Error> {
        let mut out: HashMap<PostPageKey, Vec<PagedPost>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for authors in [false, true] {
            let pages: Vec<PageKey> = keys
                .iter()
                .filter(|k| k.authors == authors)
                .map(|k| k.page)
                .collect();
            if pages.is_empty() {
                continue;
            }
            if !authors {
                let loaded = pages_per_parent::<post::Entity>(
                    &self.0,
                    &pages,
                    post::Column::ThreadId,
                    post::Column::Id,
                    Order::Oldest,
                )
                .await?;
                for (page, posts) in loaded {
                    let paged = posts
                        .into_iter()
                        .map(|post| PagedPost { post, author: None })
                        .collect();
                    out.insert(PostPageKey { page, authors }, paged);
                }
                continue;
            }
            for (page, parents) in parents_by_page(&pages) {
                for (thread_id, paged) in post_pages_with_authors(&self.0, &parents, page).await? {
                    out.insert(
                        PostPageKey {
                            page: PageKey::new(thread_id, page),
                            authors,
                        },
                        paged,
                    );
                }
            }
        }
        Ok(out)
    }
}

/// The posts of one page of each thread joined with their authors and organisations.
async fn post_pages_with_authors(
    db: &DatabaseConnection,
    threads: &[Uuid],
    page: Page,
) -> Result<HashMap<Uuid, Vec<PagedPost>>, LoadError> {
    let mut out: HashMap<Uuid, Vec<PagedPost>> = HashMap::new();
    let Some(union) = union_of_pages::<post::Entity>(
        threads,
        page,
        post::Column::ThreadId,
        post::Column::Id,
        Order::Oldest,
    ) else {
        return Ok(out);
    };
    let (p, u, o) = (Alias::new("p"), Alias::new("u"), Alias::new("o"));
    let mut statement = Query::select();
    statement
        .column((p.clone(), Asterisk))
        .from_subquery(union, p.clone());
    for column in user_account::Column::iter() {
        statement.expr_as(
            Expr::col((u.clone(), column)),
            Alias::new(format!("u_{}", column.as_str())),
        );
    }
    for column in organization::Column::iter() {
        statement.expr_as(
            Expr::col((o.clone(), column)),
            Alias::new(format!("o_{}", column.as_str())),
        );
    }
    statement
        .join_as(
            JoinType::InnerJoin,
            user_account::Entity,
            u.clone(),
            Expr::col((u.clone(), user_account::Column::Id))
                .equals((p.clone(), post::Column::AuthorId)),
        )
        .join_as(
            JoinType::InnerJoin,
            organization::Entity,
            o.clone(),
            Expr::col((o.clone(), organization::Column::Id))
                .equals((u.clone(), user_account::Column::OrganizationId)),
        );
    let rows = db
        .query_all_raw(db.get_database_backend().build(&statement))
        .await
        .map_err(load_error)?;
    // Authors repeat across a listing: one copy of each.
    let mut authors: HashMap<Uuid, Arc<Author>> = HashMap::new();
    for row in rows {
        let post = post::Model::from_query_result(&row, "").map_err(load_error)?;
        let author = match authors.get(&post.author_id) {
            Some(author) => author.clone(),
            None => {
                let author = Arc::new(Author {
                    user: user_account::Model::from_query_result(&row, "u_").map_err(load_error)?,
                    organization: organization::Model::from_query_result(&row, "o_")
                        .map_err(load_error)?,
                });
                authors.insert(post.author_id, author.clone());
                author
            }
        };
        out.entry(post.thread_id).or_default().push(PagedPost {
            post,
            author: Some(author),
        });
    }
    // The join does not keep the order of the union: oldest first again.
    for posts in out.values_mut() {
        posts.sort_by_key(|p| p.post.id);
    }
    Ok(out)
}

/// A page of earlier versions of each post, newest first.
pub struct RevisionPageLoader(pub DatabaseConnection);

impl Loader<PageKey> for RevisionPageLoader {
    type Value = Vec<post_revision::Model>;
    type Error = LoadError;

    async fn load(&self, keys: &[PageKey]) -> Result<HashMap<PageKey, Self::Value>, Self::Error> {
        pages_per_parent::<post_revision::Entity>(
            &self.0,
            keys,
            post_revision::Column::PostId,
            post_revision::Column::Id,
            Order::Newest,
        )
        .await
    }
}

/// The named recipients of each thread (at most [`crate::threads::service::MAX_RECIPIENTS`]).
pub struct RecipientLoader(pub DatabaseConnection);

impl Loader<Uuid> for RecipientLoader {
    type Value = Vec<Uuid>;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = thread_recipient::Entity::find()
            .filter(thread_recipient::Column::ThreadId.is_in(keys.iter().copied()))
            .order_by_asc(thread_recipient::Column::UserId)
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, Vec<Uuid>> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.thread_id).or_default().push(row.user_id);
        }
        Ok(out)
    }
}

/// The viewer's role in each workspace (absent when not a member).
pub struct MembershipLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for MembershipLoader {
    type Value = WorkspaceRole;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let Some(viewer) = self.viewer else {
            return Ok(HashMap::new());
        };
        let rows = workspace_member::Entity::find()
            .filter(workspace_member::Column::UserId.eq(viewer))
            .filter(workspace_member::Column::WorkspaceId.is_in(keys.iter().copied()))
            .all(&self.db)
            .await
            .map_err(load_error)?;
        Ok(rows.into_iter().map(|m| (m.workspace_id, m.role)).collect())
    }
}

/// Reactions to a post: how many of each, and whether the viewer is among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReactionCount {
    pub reaction: Reaction,
    pub count: i64,
    pub viewer_reacted: bool,
}

#[derive(Debug, FromQueryResult)]
struct ReactionRow {
    post_id: Uuid,
    reaction: Reaction,
    count: i64,
    mine: i64,
}

pub struct ReactionLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for ReactionLoader {
    type Value = Vec<ReactionCount>;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let viewer = self.viewer.unwrap_or(Uuid::nil());
        let rows = post_reaction::Entity::find()
            .select_only()
            .column(post_reaction::Column::PostId)
            .column(post_reaction::Column::Reaction)
            .column_as(
                Expr::from(Func::cast_as(
                    Func::count(Expr::col(Asterisk)),
                    Alias::new("BIGINT"),
                )),
                "count",
            )
            .column_as(
                Expr::from(Func::cast_as(
                    Func::sum(Expr::case(post_reaction::Column::UserId.eq(viewer), 1).finally(0)),
                    Alias::new("BIGINT"),
                )),
                "mine",
            )
            .filter(post_reaction::Column::PostId.is_in(keys.iter().copied()))
            .group_by(post_reaction::Column::PostId)
            .group_by(post_reaction::Column::Reaction)
            .into_model::<ReactionRow>()
            .all(&self.db)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, Vec<ReactionCount>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.post_id).or_default().push(ReactionCount {
                reaction: row.reaction,
                count: row.count,
                viewer_reacted: row.mine > 0,
            });
        }
        for counts in out.values_mut() {
            counts.sort_by_key(|c| c.reaction);
        }
        Ok(out)
    }
}

/// The DataLoaders of one request, each made on first use: most requests need few, and
/// every request gets this.
pub struct Loaders {
    db: DatabaseConnection,
    viewer: Option<Uuid>,
    organizations: OnceLock<DataLoader<OrganizationLoader>>,
    users: OnceLock<DataLoader<UserLoader>>,
    workspaces: OnceLock<DataLoader<WorkspaceLoader>>,
    threads: OnceLock<DataLoader<ThreadLoader>>,
    posts: OnceLock<DataLoader<PostLoader>>,
    post_pages: OnceLock<DataLoader<PostPageLoader>>,
    revision_pages: OnceLock<DataLoader<RevisionPageLoader>>,
    recipients: OnceLock<DataLoader<RecipientLoader>>,
    memberships: OnceLock<DataLoader<MembershipLoader>>,
    reactions: OnceLock<DataLoader<ReactionLoader>>,
    advisories: OnceLock<DataLoader<AdvisoryLoader>>,
    alerts: OnceLock<DataLoader<AlertLoader>>,
    advisory_authors: OnceLock<DataLoader<AdvisoryAuthorLoader>>,
    advisory_revisions: OnceLock<DataLoader<AdvisoryRevisionLoader>>,
    signoffs: OnceLock<DataLoader<SignoffLoader>>,
    revision_headers: OnceLock<DataLoader<RevisionHeaderPageLoader>>,
    comment_pages: OnceLock<DataLoader<CommentPageLoader>>,
    training: OnceLock<TrainingLoaders>,
}

macro_rules! accessor {
    ($field:ident, $loader:ty, $make:expr) => {
        pub fn $field(&self) -> &DataLoader<$loader> {
            self.$field
                .get_or_init(|| DataLoader::new($make(self), tokio::spawn))
        }
    };
}

impl Loaders {
    /// Loaders for one request by `viewer` (whose memberships and reactions they load).
    pub fn new(db: &DatabaseConnection, viewer: Option<Uuid>) -> Self {
        Self {
            db: db.clone(),
            viewer,
            organizations: OnceLock::new(),
            users: OnceLock::new(),
            workspaces: OnceLock::new(),
            threads: OnceLock::new(),
            posts: OnceLock::new(),
            post_pages: OnceLock::new(),
            revision_pages: OnceLock::new(),
            recipients: OnceLock::new(),
            memberships: OnceLock::new(),
            reactions: OnceLock::new(),
            advisories: OnceLock::new(),
            alerts: OnceLock::new(),
            advisory_authors: OnceLock::new(),
            advisory_revisions: OnceLock::new(),
            signoffs: OnceLock::new(),
            revision_headers: OnceLock::new(),
            comment_pages: OnceLock::new(),
            training: OnceLock::new(),
        }
    }

    accessor!(organizations, OrganizationLoader, |s: &Self| {
        OrganizationLoader(s.db.clone())
    });
    accessor!(users, UserLoader, |s: &Self| UserLoader(s.db.clone()));
    accessor!(workspaces, WorkspaceLoader, |s: &Self| WorkspaceLoader(
        s.db.clone()
    ));
    accessor!(threads, ThreadLoader, |s: &Self| ThreadLoader(s.db.clone()));
    accessor!(posts, PostLoader, |s: &Self| PostLoader(s.db.clone()));
    accessor!(post_pages, PostPageLoader, |s: &Self| PostPageLoader(
        s.db.clone()
    ));
    accessor!(revision_pages, RevisionPageLoader, |s: &Self| {
        RevisionPageLoader(s.db.clone())
    });
    accessor!(recipients, RecipientLoader, |s: &Self| RecipientLoader(
        s.db.clone()
    ));
    accessor!(memberships, MembershipLoader, |s: &Self| MembershipLoader {
        db: s.db.clone(),
        viewer: s.viewer,
    });
    accessor!(reactions, ReactionLoader, |s: &Self| ReactionLoader {
        db: s.db.clone(),
        viewer: s.viewer,
    });
    accessor!(advisories, AdvisoryLoader, |s: &Self| AdvisoryLoader(
        s.db.clone()
    ));
    accessor!(alerts, AlertLoader, |s: &Self| AlertLoader(s.db.clone()));
    accessor!(advisory_authors, AdvisoryAuthorLoader, |s: &Self| {
        AdvisoryAuthorLoader(s.db.clone())
    });
    accessor!(advisory_revisions, AdvisoryRevisionLoader, |s: &Self| {
        AdvisoryRevisionLoader(s.db.clone())
    });
    accessor!(signoffs, SignoffLoader, |s: &Self| SignoffLoader(
        s.db.clone()
    ));
    accessor!(revision_headers, RevisionHeaderPageLoader, |s: &Self| {
        RevisionHeaderPageLoader(s.db.clone())
    });
    accessor!(comment_pages, CommentPageLoader, |s: &Self| {
        CommentPageLoader(s.db.clone())
    });

    /// The training loaders.
    pub fn training(&self) -> &TrainingLoaders {
        self.training
            .get_or_init(|| TrainingLoaders::new(&self.db, self.viewer))
    }
}

/// A loader failure as an internal error.
pub fn internal(err: LoadError) -> crate::error::AppError {
    crate::error::AppError::Internal(anyhow::anyhow!("{err:#}"))
}

by_id_loader!(AdvisoryLoader, advisory);
by_id_loader!(AlertLoader, alert);

/// The authors of each advisory, the lead first (at most
/// [`crate::advisories::service::MAX_AUTHORS`] each).
pub struct AdvisoryAuthorLoader(pub DatabaseConnection);

impl Loader<Uuid> for AdvisoryAuthorLoader {
    type Value = Vec<advisory_author::Model>;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = advisory_author::Entity::find()
            .filter(advisory_author::Column::AdvisoryId.is_in(keys.iter().copied()))
            .order_by_desc(advisory_author::Column::Lead)
            .order_by_asc(advisory_author::Column::AddedAt)
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.advisory_id).or_default().push(row);
        }
        Ok(out)
    }
}

/// SQL: rows whose (advisory, revision number) is one of `keys`.
fn advisory_and_revision(
    keys: &[(Uuid, i32)],
    advisory: impl ColumnTrait,
    revision: impl ColumnTrait,
) -> sea_orm::Condition {
    keys.iter()
        .fold(sea_orm::Condition::any(), |any, (id, number)| {
            any.add(
                sea_orm::Condition::all()
                    .add(advisory.eq(*id))
                    .add(revision.eq(*number)),
            )
        })
}

/// Revisions by (advisory, number).
pub struct AdvisoryRevisionLoader(pub DatabaseConnection);

impl Loader<(Uuid, i32)> for AdvisoryRevisionLoader {
    type Value = advisory_revision::Model;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[(Uuid, i32)],
    ) -> Result<HashMap<(Uuid, i32), Self::Value>, Self::Error> {
        let rows = advisory_revision::Entity::find()
            .filter(advisory_and_revision(
                keys,
                advisory_revision::Column::AdvisoryId,
                advisory_revision::Column::Number,
            ))
            .all(&self.0)
            .await
            .map_err(load_error)?;
        Ok(rows
            .into_iter()
            .map(|r| ((r.advisory_id, r.number), r))
            .collect())
    }
}

/// The sign-offs of each (advisory, revision).
pub struct SignoffLoader(pub DatabaseConnection);

impl Loader<(Uuid, i32)> for SignoffLoader {
    type Value = Vec<advisory_signoff::Model>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[(Uuid, i32)],
    ) -> Result<HashMap<(Uuid, i32), Self::Value>, Self::Error> {
        let rows = advisory_signoff::Entity::find()
            .filter(advisory_and_revision(
                keys,
                advisory_signoff::Column::AdvisoryId,
                advisory_signoff::Column::Revision,
            ))
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<(Uuid, i32), Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry((row.advisory_id, row.revision))
                .or_default()
                .push(row);
        }
        Ok(out)
    }
}

/// `UNION ALL` of per-parent selects, each wrapped so that its ORDER BY and LIMIT are its own
/// on every backend (see [`union_of_pages`]).
fn union_all(members: impl IntoIterator<Item = SelectStatement>) -> Option<SelectStatement> {
    let mut members = members.into_iter().enumerate().map(|(i, member)| {
        Query::select()
            .column(Asterisk)
            .from_subquery(member, Alias::new(format!("page_{i}")))
            .to_owned()
    });
    let mut statement = members.next()?;
    for member in members {
        statement.union(UnionType::All, member);
    }
    Some(statement)
}

/// Runs one `UNION ALL` of a page per key (`page_of` builds each, with its own ORDER BY and
/// LIMIT) as one statement, and gives each key the rows that are its own (`belongs`), in the
/// order of `sort`, at most `limit` of them.
async fn union_pages<K, E, O>(
    db: &DatabaseConnection,
    keys: &[K],
    page_of: impl Fn(&K) -> SelectStatement,
    belongs: impl Fn(&K, &E::Model) -> bool,
    sort: impl Fn(&E::Model) -> O,
    limit: impl Fn(&K) -> usize,
) -> Result<HashMap<K, Vec<E::Model>>, LoadError>
where
    K: Copy + Eq + std::hash::Hash,
    E: EntityTrait,
    E::Model: FromQueryResult + Clone + Send + Sync,
    O: Ord,
{
    let mut out: HashMap<K, Vec<E::Model>> = keys.iter().map(|k| (*k, Vec::new())).collect();
    let Some(statement) = union_all(keys.iter().map(&page_of)) else {
        return Ok(out);
    };
    let rows = E::find()
        .from_raw_sql(db.get_database_backend().build(&statement))
        .all(db)
        .await
        .map_err(load_error)?;
    for key in keys {
        let mut page: Vec<E::Model> = rows.iter().filter(|r| belongs(key, r)).cloned().collect();
        page.sort_by_key(&sort);
        // Two keys of one parent read the same rows twice.
        page.dedup_by(|a, b| sort(a) == sort(b));
        page.truncate(limit(key));
        out.insert(*key, page);
    }
    Ok(out)
}

/// A revision without its content (what a list of revisions shows).
#[derive(Debug, Clone, FromQueryResult)]
pub struct RevisionHeader {
    pub advisory_id: Uuid,
    pub number: i32,
    pub author_id: Uuid,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A page of an advisory's revisions, newest first, below `before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RevisionPageKey {
    pub advisory: Uuid,
    pub first: u64,
    pub before: Option<i32>,
}

/// Pages of revision headers for many advisories, one statement per distinct page.
pub struct RevisionHeaderPageLoader(pub DatabaseConnection);

impl Loader<RevisionPageKey> for RevisionHeaderPageLoader {
    type Value = Vec<RevisionHeader>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[RevisionPageKey],
    ) -> Result<HashMap<RevisionPageKey, Self::Value>, Self::Error> {
        let mut out: HashMap<RevisionPageKey, Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        let mut by_page: HashMap<(u64, Option<i32>), Vec<Uuid>> = HashMap::new();
        for key in keys {
            by_page
                .entry((key.first, key.before))
                .or_default()
                .push(key.advisory);
        }
        let backend = self.0.get_database_backend();
        for ((first, before), advisories) in by_page {
            let members = advisories.iter().map(|advisory| {
                let mut select = advisory_revision::Entity::find()
                    .select_only()
                    .column(advisory_revision::Column::AdvisoryId)
                    .column(advisory_revision::Column::Number)
                    .column(advisory_revision::Column::AuthorId)
                    .column(advisory_revision::Column::CreatedAt)
                    .filter(advisory_revision::Column::AdvisoryId.eq(*advisory));
                if let Some(before) = before {
                    select = select.filter(advisory_revision::Column::Number.lt(before));
                }
                select
                    .order_by_desc(advisory_revision::Column::Number)
                    .limit(first + 1)
                    .into_query()
            });
            let Some(statement) = union_all(members) else {
                continue;
            };
            let rows = RevisionHeader::find_by_statement(backend.build(&statement))
                .all(&self.0)
                .await
                .map_err(load_error)?;
            for row in rows {
                let key = RevisionPageKey {
                    advisory: row.advisory_id,
                    first,
                    before,
                };
                if let Some(page) = out.get_mut(&key) {
                    page.push(row);
                }
            }
        }
        for page in out.values_mut() {
            page.sort_by_key(|r| std::cmp::Reverse(r.number));
        }
        Ok(out)
    }
}

/// A page of an advisory's review comments, oldest first, with the list's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommentPageKey {
    pub page: PageKey,
    pub revision: Option<i32>,
    pub include_resolved: bool,
}

/// Pages of review comments for many advisories, one statement per distinct page.
pub struct CommentPageLoader(pub DatabaseConnection);

impl Loader<CommentPageKey> for CommentPageLoader {
    type Value = Vec<advisory_comment::Model>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[CommentPageKey],
    ) -> Result<HashMap<CommentPageKey, Self::Value>, Self::Error> {
        union_pages::<_, advisory_comment::Entity, _>(
            &self.0,
            keys,
            |key| {
                let mut select = advisory_comment::Entity::find()
                    .filter(advisory_comment::Column::AdvisoryId.eq(key.page.parent));
                if let Some(revision) = key.revision {
                    select = select.filter(advisory_comment::Column::Revision.eq(revision));
                }
                if !key.include_resolved {
                    select = select.filter(advisory_comment::Column::ResolvedAt.is_null());
                }
                key.page
                    .page()
                    .apply(select, advisory_comment::Column::Id, Order::Oldest)
                    .into_query()
            },
            |key, c| {
                c.advisory_id == key.page.parent
                    && key.revision.is_none_or(|r| c.revision == r)
                    && (key.include_resolved || c.resolved_at.is_none())
                    && key.page.after.is_none_or(|a| c.id > a)
            },
            |c| c.id,
            |key| key.page.first as usize + 1,
        )
        .await
    }
}

// Training.

by_id_loader!(ProgrammeLoader, programme);
by_id_loader!(TrainingSessionLoader, training_session);

/// Seats of each session: (confirmed, waitlisted).
pub struct SeatCountLoader(pub DatabaseConnection);

impl Loader<Uuid> for SeatCountLoader {
    type Value = (i64, i64);
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows: Vec<(Uuid, entities::EnrolmentStatus, i64)> = enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::SessionId)
            .column(enrolment::Column::Status)
            .column_as(
                Expr::from(Func::cast_as(
                    Func::count(Expr::col(Asterisk)),
                    Alias::new("BIGINT"),
                )),
                "count",
            )
            .filter(enrolment::Column::SessionId.is_in(keys.iter().copied()))
            .group_by(enrolment::Column::SessionId)
            .group_by(enrolment::Column::Status)
            .into_tuple()
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, (i64, i64)> = keys.iter().map(|k| (*k, (0, 0))).collect();
        for (session, status, count) in rows {
            let entry = out.entry(session).or_default();
            match status {
                entities::EnrolmentStatus::Confirmed => entry.0 = count,
                entities::EnrolmentStatus::Waitlisted => entry.1 = count,
                entities::EnrolmentStatus::Cancelled => {}
            }
        }
        Ok(out)
    }
}

/// The viewer's enrolment in each session.
pub struct ViewerEnrolmentLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for ViewerEnrolmentLoader {
    type Value = enrolment::Model;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let Some(viewer) = self.viewer else {
            return Ok(HashMap::new());
        };
        let rows = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(viewer))
            .filter(enrolment::Column::SessionId.is_in(keys.iter().copied()))
            .all(&self.db)
            .await
            .map_err(load_error)?;
        Ok(rows.into_iter().map(|e| (e.session_id, e)).collect())
    }
}

/// Which of the given modules the viewer has marked done.
pub struct ModuleCompletionLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for ModuleCompletionLoader {
    type Value = bool;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let Some(viewer) = self.viewer else {
            return Ok(HashMap::new());
        };
        let done = entities::module_completion::Entity::find()
            .filter(entities::module_completion::Column::UserId.eq(viewer))
            .filter(entities::module_completion::Column::ModuleId.is_in(keys.iter().copied()))
            .all(&self.db)
            .await
            .map_err(load_error)?;
        Ok(done.into_iter().map(|c| (c.module_id, true)).collect())
    }
}

/// The instructors of each session.
pub struct InstructorLoader(pub DatabaseConnection);

impl Loader<Uuid> for InstructorLoader {
    type Value = Vec<Uuid>;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = session_instructor::Entity::find()
            .filter(session_instructor::Column::SessionId.is_in(keys.iter().copied()))
            .order_by_asc(session_instructor::Column::UserId)
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, Vec<Uuid>> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.session_id).or_default().push(row.user_id);
        }
        Ok(out)
    }
}

/// The prerequisites of each programme.
pub struct PrerequisiteLoader(pub DatabaseConnection);

impl Loader<Uuid> for PrerequisiteLoader {
    type Value = Vec<Uuid>;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = programme_prerequisite::Entity::find()
            .filter(programme_prerequisite::Column::ProgrammeId.is_in(keys.iter().copied()))
            .order_by_asc(programme_prerequisite::Column::PrerequisiteId)
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out: HashMap<Uuid, Vec<Uuid>> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for row in rows {
            out.entry(row.programme_id)
                .or_default()
                .push(row.prerequisite_id);
        }
        Ok(out)
    }
}

/// The viewer's progress in each programme: (modules, modules done).
pub struct ProgressLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for ProgressLoader {
    type Value = (i64, i64);
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        crate::training::programmes::progress(&self.db, self.viewer.unwrap_or(Uuid::nil()), keys)
            .await
            .map_err(|e| Arc::new(anyhow::anyhow!("{e:?}")))
    }
}

/// Which programmes the viewer has completed (see
/// [`crate::training::programmes::completed_programmes`]).
pub struct CompletedProgrammeLoader {
    pub db: DatabaseConnection,
    pub viewer: Option<Uuid>,
}

impl Loader<Uuid> for CompletedProgrammeLoader {
    type Value = bool;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let Some(viewer) = self.viewer else {
            return Ok(keys.iter().map(|k| (*k, false)).collect());
        };
        let done = crate::training::programmes::completed_programmes(&self.db, viewer, keys)
            .await
            .map_err(|e| Arc::new(anyhow::anyhow!("{e:?}")))?;
        Ok(keys.iter().map(|k| (*k, done.contains(k))).collect())
    }
}

/// The 1-based place on its session's waiting list of each (session, seq).
pub struct WaitlistPositionLoader(pub DatabaseConnection);

impl Loader<(Uuid, i64)> for WaitlistPositionLoader {
    type Value = i64;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[(Uuid, i64)],
    ) -> Result<HashMap<(Uuid, i64), Self::Value>, Self::Error> {
        let rows: Vec<(Uuid, i64)> = enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::SessionId)
            .column(enrolment::Column::Seq)
            .filter(enrolment::Column::SessionId.is_in(keys.iter().map(|k| k.0)))
            .filter(enrolment::Column::Status.eq(entities::EnrolmentStatus::Waitlisted))
            .order_by_asc(enrolment::Column::Seq)
            .into_tuple()
            .all(&self.0)
            .await
            .map_err(load_error)?;
        let mut out = HashMap::new();
        let mut counters: HashMap<Uuid, i64> = HashMap::new();
        for (session, seq) in rows {
            let n = counters.entry(session).or_default();
            *n += 1;
            out.insert((session, seq), *n);
        }
        out.retain(|k, _| keys.contains(k));
        Ok(out)
    }
}

/// A page of a programme's modules in order: `after` is a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModulePageKey {
    pub programme: Uuid,
    pub first: u64,
    pub after: Option<i32>,
}

pub struct ModulePageLoader(pub DatabaseConnection);

impl Loader<ModulePageKey> for ModulePageLoader {
    type Value = Vec<programme_module::Model>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[ModulePageKey],
    ) -> Result<HashMap<ModulePageKey, Self::Value>, Self::Error> {
        union_pages::<_, programme_module::Entity, _>(
            &self.0,
            keys,
            |key| {
                let mut select = programme_module::Entity::find()
                    .filter(programme_module::Column::ProgrammeId.eq(key.programme));
                if let Some(after) = key.after {
                    select = select.filter(programme_module::Column::Position.gt(after));
                }
                select
                    .order_by_asc(programme_module::Column::Position)
                    .limit(key.first + 1)
                    .into_query()
            },
            |key, m| m.programme_id == key.programme && key.after.is_none_or(|a| m.position > a),
            |m| m.position,
            |key| key.first as usize + 1,
        )
        .await
    }
}

/// A page of a programme's sessions, oldest first; without `include_past`, only those
/// that have not ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionPageKey {
    pub page: PageKey,
    pub include_past: bool,
}

pub struct SessionPageLoader(pub DatabaseConnection);

impl Loader<SessionPageKey> for SessionPageLoader {
    type Value = Vec<training_session::Model>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[SessionPageKey],
    ) -> Result<HashMap<SessionPageKey, Self::Value>, Self::Error> {
        let now = crate::db::now();
        union_pages::<_, training_session::Entity, _>(
            &self.0,
            keys,
            |key| {
                let mut select = training_session::Entity::find()
                    .filter(training_session::Column::ProgrammeId.eq(key.page.parent));
                if !key.include_past {
                    select = select.filter(training_session::Column::EndsAt.gt(now));
                }
                key.page
                    .page()
                    .apply(select, training_session::Column::Id, Order::Oldest)
                    .into_query()
            },
            |key, s| {
                s.programme_id == key.page.parent
                    && (key.include_past || s.ends_at > now)
                    && key.page.after.is_none_or(|a| s.id > a)
            },
            |s| s.id,
            |key| key.page.first as usize + 1,
        )
        .await
    }
}

/// A page of a session's enrolments, oldest first, optionally of one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParticipantPageKey {
    pub page: PageKey,
    pub status: Option<entities::EnrolmentStatus>,
}

pub struct ParticipantPageLoader(pub DatabaseConnection);

impl Loader<ParticipantPageKey> for ParticipantPageLoader {
    type Value = Vec<enrolment::Model>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[ParticipantPageKey],
    ) -> Result<HashMap<ParticipantPageKey, Self::Value>, Self::Error> {
        union_pages::<_, enrolment::Entity, _>(
            &self.0,
            keys,
            |key| {
                let mut select = enrolment::Entity::find()
                    .filter(enrolment::Column::SessionId.eq(key.page.parent));
                if let Some(status) = key.status {
                    select = select.filter(enrolment::Column::Status.eq(status));
                }
                key.page
                    .page()
                    .apply(select, enrolment::Column::Id, Order::Oldest)
                    .into_query()
            },
            |key, e| {
                e.session_id == key.page.parent
                    && key.status.is_none_or(|s| e.status == s)
                    && key.page.after.is_none_or(|a| e.id > a)
            },
            |e| e.id,
            |key| key.page.first as usize + 1,
        )
        .await
    }
}

/// The training loaders of one request (kept apart from [`Loaders`]' own fields).
pub struct TrainingLoaders {
    db: DatabaseConnection,
    viewer: Option<Uuid>,
    programmes: OnceLock<DataLoader<ProgrammeLoader>>,
    sessions: OnceLock<DataLoader<TrainingSessionLoader>>,
    seat_counts: OnceLock<DataLoader<SeatCountLoader>>,
    viewer_enrolments: OnceLock<DataLoader<ViewerEnrolmentLoader>>,
    module_completions: OnceLock<DataLoader<ModuleCompletionLoader>>,
    instructors: OnceLock<DataLoader<InstructorLoader>>,
    prerequisites: OnceLock<DataLoader<PrerequisiteLoader>>,
    progress: OnceLock<DataLoader<ProgressLoader>>,
    completed: OnceLock<DataLoader<CompletedProgrammeLoader>>,
    waitlist_positions: OnceLock<DataLoader<WaitlistPositionLoader>>,
    module_pages: OnceLock<DataLoader<ModulePageLoader>>,
    session_pages: OnceLock<DataLoader<SessionPageLoader>>,
    participant_pages: OnceLock<DataLoader<ParticipantPageLoader>>,
}

impl TrainingLoaders {
    pub fn new(db: &DatabaseConnection, viewer: Option<Uuid>) -> Self {
        Self {
            db: db.clone(),
            viewer,
            programmes: OnceLock::new(),
            sessions: OnceLock::new(),
            seat_counts: OnceLock::new(),
            viewer_enrolments: OnceLock::new(),
            module_completions: OnceLock::new(),
            instructors: OnceLock::new(),
            prerequisites: OnceLock::new(),
            progress: OnceLock::new(),
            completed: OnceLock::new(),
            waitlist_positions: OnceLock::new(),
            module_pages: OnceLock::new(),
            session_pages: OnceLock::new(),
            participant_pages: OnceLock::new(),
        }
    }

    accessor!(programmes, ProgrammeLoader, |s: &Self| ProgrammeLoader(
        s.db.clone()
    ));
    accessor!(sessions, TrainingSessionLoader, |s: &Self| {
        TrainingSessionLoader(s.db.clone())
    });
    accessor!(seat_counts, SeatCountLoader, |s: &Self| SeatCountLoader(
        s.db.clone()
    ));
    accessor!(module_completions, ModuleCompletionLoader, |s: &Self| {
        ModuleCompletionLoader {
            db: s.db.clone(),
            viewer: s.viewer,
        }
    });
    accessor!(viewer_enrolments, ViewerEnrolmentLoader, |s: &Self| {
        ViewerEnrolmentLoader {
            db: s.db.clone(),
            viewer: s.viewer,
        }
    });
    accessor!(instructors, InstructorLoader, |s: &Self| InstructorLoader(
        s.db.clone()
    ));
    accessor!(prerequisites, PrerequisiteLoader, |s: &Self| {
        PrerequisiteLoader(s.db.clone())
    });
    accessor!(progress, ProgressLoader, |s: &Self| ProgressLoader {
        db: s.db.clone(),
        viewer: s.viewer,
    });
    accessor!(completed, CompletedProgrammeLoader, |s: &Self| {
        CompletedProgrammeLoader {
            db: s.db.clone(),
            viewer: s.viewer,
        }
    });
    accessor!(waitlist_positions, WaitlistPositionLoader, |s: &Self| {
        WaitlistPositionLoader(s.db.clone())
    });
    accessor!(module_pages, ModulePageLoader, |s: &Self| ModulePageLoader(
        s.db.clone()
    ));
    accessor!(session_pages, SessionPageLoader, |s: &Self| {
        SessionPageLoader(s.db.clone())
    });
    accessor!(participant_pages, ParticipantPageLoader, |s: &Self| {
        ParticipantPageLoader(s.db.clone())
    });
}
