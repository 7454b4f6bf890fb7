//! The GraphQL schema: one `build_schema` for the server and the tests, always with limits.

use async_graphql::{MergedObject, MergedSubscription, Schema};

use crate::{
    advisories::schema::{AdvisoryMutation, AdvisoryQuery},
    alerts::schema::{AlertMutation, AlertQuery},
    app::AppState,
    audit::schema::AuditQuery,
    auth::schema::{AuthMutation, AuthQuery},
    limits::Limits,
    node::NodeQuery,
    notifications::schema::{NotificationMutation, NotificationQuery},
    organizations::schema::{OrganizationMutation, OrganizationQuery},
    realtime::schema::RealtimeSubscription,
    search::schema::SearchQuery,
    threads::schema::{ThreadMutation, ThreadQuery},
    tokens::schema::{TokenMutation, TokenQuery},
    training::certificate_schema::{CertificateMutation, CertificateQuery},
    training::schema::{TrainingMutation, TrainingQuery},
    users::schema::{UserMutation, UserQuery},
    workspaces::schema::{WorkspaceMutation, WorkspaceQuery},
};

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    AuthQuery,
    NodeQuery,
    OrganizationQuery,
    UserQuery,
    TokenQuery,
    AuditQuery,
    WorkspaceQuery,
    ThreadQuery,
    NotificationQuery,
    SearchQuery,
    AdvisoryQuery,
    AlertQuery,
    CertificateQuery,
    TrainingQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    AuthMutation,
    OrganizationMutation,
    UserMutation,
    TokenMutation,
    WorkspaceMutation,
    ThreadMutation,
    NotificationMutation,
    AdvisoryMutation,
    AlertMutation,
    CertificateMutation,
    TrainingMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(RealtimeSubscription);

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Parser recursion guard, before any of our own checks run.
const MAX_RECURSIVE_DEPTH: usize = 32;

/// Who the schema serves: anonymous callers get no introspection and no field suggestions
/// (unless configured on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Anonymous,
    SignedIn,
}

pub fn build_schema(state: AppState, audience: Audience) -> AppSchema {
    let anonymous_locked =
        audience == Audience::Anonymous && !state.config.settings.anonymous_introspection;
    let max_complexity = Limits::from_settings(&state.config.settings).max_complexity;
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .limit_recursive_depth(MAX_RECURSIVE_DEPTH)
    .limit_complexity(max_complexity)
    .data(state);
    if anonymous_locked {
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder.finish()
}

/// The SDL of the schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .finish()
    .sdl()
}
