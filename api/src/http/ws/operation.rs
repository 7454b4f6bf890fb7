//! Starting one operation of a `subscribe` message, the way the HTTP handler runs a request:
//! the viewer chooses the schema and its limits, the limits are checked before anything
//! runs, and the request carries a [`RequestCtx`] and fresh [`Loaders`].
//!
//! An operation is a stream of results ended by `None`:
//! - a subscription yields what `execute_stream` yields, for as long as it runs;
//! - a query or mutation yields its one result, within `REQUEST_TIMEOUT` like over HTTP, and
//!   empties the credential cache on every replica if it wrote a change (also when the client
//!   completes it midway).
//!
//! Every result's errors get a code and lose their internal source, as over HTTP.

use std::time::Instant;

use async_graphql::{Response as GqlResponse, ServerError, parser::types::OperationType};
use futures::{
    StreamExt as _,
    future::ready,
    stream::{self, BoxStream},
};

use super::Client;
use crate::{
    app::AppState,
    auth::Viewer,
    context::RequestCtx,
    error::code,
    http::{
        HttpState,
        graphql::{HttpGraphqlRequest, InvalidateOnChange, execution_started, finish},
    },
    limits::error_with_code,
};

/// The results of one operation; `None` once it has no more.
pub(super) type Operation = BoxStream<'static, Option<GqlResponse>>;

/// Checks and starts an operation; the error is why it may not run (nothing ran).
pub(super) fn start(
    state: &HttpState,
    client: &Client,
    viewer: &Viewer,
    request: HttpGraphqlRequest,
) -> Result<Operation, ServerError> {
    let started = Instant::now();
    let app = &state.app;
    let (schema, limits) = state.schema_for(viewer);
    let mut request = request;
    let variables = request.variables();
    let checked = limits
        .check(
            &request.query,
            request.operation_name.as_deref(),
            &variables,
        )
        .inspect_err(|err| observe(app, None, started, std::slice::from_ref(err)))?;
    let rc = RequestCtx::new(viewer.clone(), uuid::Uuid::now_v7().to_string(), client.ip);
    let changes = rc.changes.clone();
    let gql = request.into_execution(app, rc, variables, checked.document);
    let mut results = schema.execute_stream(gql);
    let end = stream::once(ready(None));
    if checked.operation_type == OperationType::Subscription {
        return Ok(results.map(|r| Some(coded(r))).chain(end).boxed());
    }
    let app = app.clone();
    let timeout = app.config.settings.request_timeout;
    let single = async move {
        let changes = InvalidateOnChange::new(app.clone(), changes);
        let response = match tokio::time::timeout(timeout, results.next()).await {
            Ok(Some(response)) => coded(response),
            // A query or mutation always has one result.
            Ok(None) => {
                GqlResponse::from_errors(vec![error_with_code("internal error", code::INTERNAL)])
            }
            Err(_) => GqlResponse::from_errors(vec![error_with_code(
                "the request took too long",
                code::TIMEOUT,
            )]),
        };
        drop(results);
        changes.finish().await;
        observe(
            &app,
            checked.operation_name.as_deref(),
            started,
            &response.errors,
        );
        Some(response)
    };
    Ok(stream::once(single).chain(end).boxed())
}

/// Every error with a code, none with its internal source.
fn coded(response: GqlResponse) -> GqlResponse {
    let executed = execution_started(&response);
    finish(response, executed)
}

/// Records a query, a mutation or a refused operation in the request metrics (subscriptions
/// are not requests: they are counted by the `websocket_connections` gauge's sockets only).
fn observe(app: &AppState, operation: Option<&str>, started: Instant, errors: &[ServerError]) {
    let codes: Vec<String> = errors
        .iter()
        .filter_map(|e| match e.extensions.as_ref()?.get("code")? {
            async_graphql::Value::String(code) => Some(code.clone()),
            _ => None,
        })
        .collect();
    app.metrics
        .observe(operation, started.elapsed().as_secs_f64(), &codes);
}
