//! What every request carries into the schema: the viewer, the request id, the client
//! address, and per-request DataLoaders.

use std::{
    net::IpAddr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use async_graphql::Context;

use crate::{app::AppState, auth::Viewer, error::AppError, loaders::Loaders};

/// Per-request facts, put into the GraphQL request data by the HTTP layer.
#[derive(Clone, Debug)]
pub struct RequestCtx {
    pub viewer: Viewer,
    pub request_id: String,
    pub client_ip: Option<IpAddr>,
    /// Set when the request wrote a change (every change writes an audit event, which sets
    /// it); the HTTP layer then empties the credential cache on every replica.
    pub changes: ChangeFlag,
    /// Over HTTP: the request's session cookie, and room for the one the answer sets
    /// (`None` over WebSocket, where no cookie can be set).
    pub http: Option<crate::auth::cookie::HttpCookies>,
}

#[derive(Clone, Debug, Default)]
pub struct ChangeFlag(Arc<AtomicBool>);

impl ChangeFlag {
    pub fn mark(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl RequestCtx {
    pub fn new(viewer: Viewer, request_id: impl Into<String>, client_ip: Option<IpAddr>) -> Self {
        Self {
            viewer,
            request_id: request_id.into(),
            client_ip,
            changes: ChangeFlag::default(),
            http: None,
        }
    }
}

fn missing(what: &str) -> async_graphql::Error {
    AppError::Internal(anyhow::anyhow!("{what} missing from the GraphQL context")).into()
}

/// The application state (schema data).
pub fn state<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a AppState> {
    ctx.data_opt::<AppState>()
        .ok_or_else(|| missing("AppState"))
}

/// The request's context (request data).
pub fn request<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RequestCtx> {
    ctx.data_opt::<RequestCtx>()
        .ok_or_else(|| missing("RequestCtx"))
}

/// The request's DataLoaders (request data).
pub fn loaders<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Loaders> {
    ctx.data_opt::<Loaders>().ok_or_else(|| missing("Loaders"))
}
