//! HTTP surface: GraphQL over HTTP and over WebSocket, health, metrics, and the
//! request-id/trace layers.

pub mod feeds;
pub mod frontend;
pub mod graphql;
pub mod health;
pub mod media;
pub mod metrics;
pub mod ws;

use std::{net::SocketAddr, sync::Arc};

use axum::{
    Router,
    extract::ConnectInfo,
    http::{HeaderMap, HeaderName, Request},
    routing::get,
};
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};

use crate::{
    app::AppState,
    limits::{Checker, Limits},
    schema::{AppSchema, Audience, build_schema},
};

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// What the HTTP handlers share.
#[derive(Clone)]
pub struct HttpState {
    pub app: AppState,
    pub signed_in: Arc<AppSchema>,
    pub anonymous: Arc<AppSchema>,
    pub signed_in_limits: Arc<Checker>,
    pub anonymous_limits: Arc<Checker>,
}

impl HttpState {
    /// The schema and the pre-execution checks for `viewer` (anonymous callers get no
    /// introspection unless configured).
    pub fn schema_for(&self, viewer: &crate::auth::Viewer) -> (&AppSchema, &Checker) {
        match viewer {
            crate::auth::Viewer::Anonymous => (&self.anonymous, &self.anonymous_limits),
            crate::auth::Viewer::Account(_) => (&self.signed_in, &self.signed_in_limits),
        }
    }
}

pub fn router(app: AppState) -> anyhow::Result<Router> {
    let signed_in_limits = Limits::from_settings(&app.config.settings);
    let anonymous_limits = Limits {
        introspection: app.config.settings.anonymous_introspection,
        ..signed_in_limits
    };
    let frontend_dir = app.config.settings.frontend_dir.clone();
    let state = HttpState {
        signed_in: Arc::new(build_schema(app.clone(), Audience::SignedIn)),
        anonymous: Arc::new(build_schema(app.clone(), Audience::Anonymous)),
        signed_in_limits: Arc::new(Checker::new(signed_in_limits)),
        anonymous_limits: Arc::new(Checker::new(anonymous_limits)),
        app,
    };
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<_>| {
            let request_id = request
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or("-");
            tracing::info_span!(
                "request",
                method = %request.method(),
                path = %request.uri().path(),
                request_id = %request_id,
            )
        })
        .on_response(DefaultOnResponse::new().level(tracing::Level::DEBUG));
    Ok(Router::new()
        .route("/graphql", get(ws::get_handler).post(graphql::post_handler))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::handler))
        .merge(feeds::routes())
        .with_state(state)
        .merge(frontend::routes(&frontend_dir))
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::map_request(drop_unusable_request_id))
                .layer(SetRequestIdLayer::new(REQUEST_ID_HEADER, MakeRequestUuid))
                .layer(trace)
                .layer(PropagateRequestIdLayer::new(REQUEST_ID_HEADER))
                .layer(CatchPanicLayer::custom(|_| {
                    graphql::plain_error(
                        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                        crate::error::code::INTERNAL,
                        "internal error",
                    )
                })),
        ))
}

/// A client may bring its own request id; one that is too long or not printable ASCII is
/// dropped, so the layer below replaces it and logs, answer and audit agree on one id.
async fn drop_unusable_request_id<B>(mut request: Request<B>) -> Request<B> {
    let usable = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .is_none_or(|value| {
            let bytes = value.as_bytes();
            !bytes.is_empty()
                && bytes.len() <= MAX_REQUEST_ID_LEN
                && bytes.iter().all(|b| b.is_ascii_graphic())
        });
    if !usable {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    request
}

const MAX_REQUEST_ID_LEN: usize = 100;

/// The request id of a request (set by the request-id layer; a client's own id is kept if
/// it is short and printable).
pub fn request_id(headers: &HeaderMap) -> String {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= MAX_REQUEST_ID_LEN)
        .map_or_else(|| uuid::Uuid::now_v7().to_string(), str::to_owned)
}

/// The client address: the peer, or with `TRUST_FORWARDED_FOR` the last X-Forwarded-For hop.
pub fn client_ip(
    state: &AppState,
    headers: &HeaderMap,
    peer: ConnectInfo<SocketAddr>,
) -> Option<std::net::IpAddr> {
    if state.config.settings.trust_forwarded_for
        && let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return Some(ip);
    }
    Some(peer.0.ip())
}
