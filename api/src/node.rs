//! Relay `Node`: every object with a global id resolves through `node(id)`, which asks the
//! access policy like every other path. An object the viewer may not see is `NOT_FOUND`,
//! exactly like one that does not exist.

use async_graphql::{Context, ID, Interface, Object};

use crate::{
    advisories::types::Advisory,
    alerts::types::Alert,
    audit::types::AuditEvent,
    context,
    ids::{self, NodeType},
    notifications::types::Notification,
    organizations::{self, types::Organization},
    threads::{
        self,
        types::{Post, Thread},
    },
    tokens::{self, types::ApiToken},
    users::{self, types::User},
    workspaces::{
        self,
        types::{Invitation, Workspace},
    },
};

#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
pub enum Node {
    Organization(Organization),
    User(User),
    ApiToken(ApiToken),
    AuditEvent(AuditEvent),
    Workspace(Workspace),
    Invitation(Invitation),
    Thread(Thread),
    Post(Post),
    Notification(Notification),
    Advisory(Advisory),
    Alert(Alert),
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Fetches any object by its global id.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Node>> {
        let (state, rc) = (context::state(ctx)?, context::request(ctx)?);
        let (kind, uuid) = ids::decode_any(&id)?;
        let db = &state.db;
        let node = match kind {
            NodeType::Organization => Node::Organization(Organization(
                organizations::service::get(db, rc, uuid).await?,
            )),
            NodeType::User => Node::User(User::new(users::service::get(db, rc, uuid).await?)),
            NodeType::ApiToken => {
                Node::ApiToken(ApiToken(tokens::service::get(db, rc, uuid).await?))
            }
            NodeType::AuditEvent => {
                let event = crate::audit::service::get(db, rc, uuid).await?;
                Node::AuditEvent(AuditEvent(event))
            }
            NodeType::Workspace => Node::Workspace(Workspace::new(
                workspaces::service::get(db, rc, uuid).await?,
            )),
            NodeType::Invitation => Node::Invitation(Invitation(
                workspaces::invitations::get(db, rc, uuid).await?,
            )),
            NodeType::Thread => {
                let found = threads::service::get(db, rc, uuid).await?;
                Node::Thread(Thread::new(found.thread, std::sync::Arc::new(found.found)))
            }
            NodeType::Post => {
                let found = threads::posts::get(db, rc, uuid).await?;
                Node::Post(Post::new(
                    found.post,
                    found.thread.thread,
                    found.thread.found,
                ))
            }
            NodeType::Notification => Node::Notification(Notification(
                crate::notifications::service::get(db, rc, uuid).await?,
            )),
            NodeType::Advisory => Node::Advisory(Advisory::from_found(
                crate::advisories::service::get(db, rc, uuid).await?,
            )),
            NodeType::Alert => Node::Alert(Alert(crate::alerts::service::get(db, rc, uuid).await?)),
            // Reached through their parent (advisory, programme, session).
            NodeType::AdvisoryComment
            | NodeType::Programme
            | NodeType::TrainingModule
            | NodeType::TrainingSession
            | NodeType::Enrolment
            | NodeType::Certificate => return Err(crate::error::AppError::NotFound.into()),
        };
        Ok(Some(node))
    }
}
