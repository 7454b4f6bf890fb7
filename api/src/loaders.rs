//! DataLoaders: one per (entity, key), one `IN (...)` query per batch, created per request so
//! nothing is cached across viewers. Loaders only fetch; the fields that use them ask the
//! access policy.

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
};

use async_graphql::dataloader::{DataLoader, Loader};
use entities::{
    Reaction, WorkspaceRole, organization, post, post_reaction, post_revision, thread,
    thread_recipient, user_account, workspace, workspace_member,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
    sea_query::{Alias, Asterisk, Expr, Func, Query, UnionType},
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
}

/// Loads a page of children for many parents in one statement per distinct page: the
/// children of each parent are one index range scan, and the scans are one `UNION ALL`.
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
    let mut by_page: HashMap<(u64, Option<Uuid>), Vec<Uuid>> = HashMap::new();
    for key in keys {
        by_page
            .entry((key.first, key.after))
            .or_default()
            .push(key.parent);
    }
    let mut out: HashMap<PageKey, Vec<E::Model>> = HashMap::new();
    let backend = db.get_database_backend();
    for ((first, after), parents) in by_page {
        let page = Page { first, after };
        // One small index range scan per parent — `(parent, id)` is indexed — glued into
        // one statement with UNION ALL; each member is wrapped so that its ORDER BY and
        // LIMIT are its own on every backend.
        let sort = match order {
            Order::Oldest => sea_orm::Order::Asc,
            Order::Newest => sea_orm::Order::Desc,
        };
        let mut members = parents.iter().enumerate().map(|(i, parent_id)| {
            let mut select = E::find().filter(parent.eq(*parent_id));
            if let Some(after) = after {
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
        let Some(mut statement) = members.next() else {
            continue;
        };
        for member in members {
            statement.union(UnionType::All, member);
        }
        let rows = E::find()
            .from_raw_sql(backend.build(&statement))
            .all(db)
            .await
            .map_err(load_error)?;
        for parent_id in &parents {
            out.entry(PageKey {
                parent: *parent_id,
                first,
                after,
            })
            .or_default();
        }
        for row in rows {
            let key_parent = match sea_orm::ModelTrait::get(&row, parent) {
                sea_orm::Value::Uuid(Some(id)) => id,
                _ => continue,
            };
            if let Some(children) = out.get_mut(&PageKey {
                parent: key_parent,
                first,
                after,
            }) {
                children.push(row);
            }
        }
    }
    Ok(out)
}

/// A page of posts of each thread, oldest first.
pub struct PostPageLoader(pub DatabaseConnection);

impl Loader<PageKey> for PostPageLoader {
    type Value = Vec<post::Model>;
    type Error = LoadError;

    async fn load(&self, keys: &[PageKey]) -> Result<HashMap<PageKey, Self::Value>, Self::Error> {
        pages_per_parent::<post::Entity>(
            &self.0,
            keys,
            post::Column::ThreadId,
            post::Column::Id,
            Order::Oldest,
        )
        .await
    }
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
}

/// A loader failure as an internal error.
pub fn internal(err: LoadError) -> crate::error::AppError {
    crate::error::AppError::Internal(anyhow::anyhow!("{err:#}"))
}
