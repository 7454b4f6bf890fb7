//! GraphQL over HTTP, following the GraphQL Foundation's GraphQL-over-HTTP specification:
//!
//! - `POST /graphql` with `Content-Type: application/json` (else 415); a body over the limit
//!   is 413; malformed JSON or a body that is not a GraphQL request is 400; batches are
//!   refused (400, `BATCH_NOT_SUPPORTED`).
//! - `GET /graphql?query=…` for queries; a mutation over GET is 405 with `Allow: POST`;
//!   a browser asking for HTML without a query gets GraphiQL.
//! - The response type is negotiated from `Accept`: `application/graphql-response+json`
//!   answers parse, validation and variable errors with 400, `application/json` with 200;
//!   both answer 200 once execution started. An `Accept` that allows neither is 406.
//! - A bad credential is 401 with `UNAUTHENTICATED`, never anonymous.

use std::{net::SocketAddr, time::Instant};

use async_graphql::{
    Request as GqlRequest, Response as GqlResponse, ServerError, Variables, http::GraphiQLSource,
    parser::types::OperationType,
};
use axum::{
    body::{Body, Bytes},
    extract::{ConnectInfo, RawQuery, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use serde_json::{Map, Value, json};

use super::{
    HttpState, client_ip,
    media::{self, ResponseType},
    request_id,
};
use crate::{
    app::AppState,
    auth::{authenticate::authenticate, cookie},
    context::{ChangeFlag, RequestCtx},
    error::{AppError, code},
    limits::{self, has_code, tag},
    loaders::Loaders,
};

/// A GraphQL request as sent over HTTP (and in a WebSocket `subscribe` payload).
pub(crate) struct HttpGraphqlRequest {
    pub(crate) query: String,
    pub(crate) operation_name: Option<String>,
    pub(crate) variables: Option<Map<String, Value>>,
}

impl HttpGraphqlRequest {
    pub(crate) fn variables(&mut self) -> Variables {
        self.variables
            .take()
            .map(|v| Variables::from_json(Value::Object(v)))
            .unwrap_or_default()
    }

    /// The request to execute, with the request's context, fresh DataLoaders and the
    /// document the limits check has already parsed.
    pub(crate) fn into_execution(
        self,
        app: &AppState,
        rc: RequestCtx,
        variables: Variables,
        document: async_graphql::parser::types::ExecutableDocument,
    ) -> GqlRequest {
        let viewer_id = rc.viewer.user_id();
        let mut gql = GqlRequest::new(self.query)
            .data(rc)
            .data(Loaders::new(&app.db, viewer_id))
            .variables(variables);
        if let Some(name) = self.operation_name {
            gql = gql.operation_name(name);
        }
        gql.set_parsed_query(document);
        gql
    }
}

/// A response that is not a GraphQL execution result: a request error.
pub fn plain_error(status: StatusCode, code: &str, message: &str) -> Response {
    json_response(
        status,
        ResponseType::Json,
        &json!({ "errors": [{ "message": message, "extensions": { "code": code } }] }),
    )
}

fn json_response(status: StatusCode, media: ResponseType, body: &Value) -> Response {
    bytes_response(
        status,
        media,
        serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec()),
    )
}

fn bytes_response(status: StatusCode, media: ResponseType, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    response
}

fn request_error(status: StatusCode, media: ResponseType, code: &str, message: &str) -> Response {
    json_response(
        status,
        media,
        &json!({ "errors": [{ "message": message, "extensions": { "code": code } }] }),
    )
}

fn not_acceptable() -> Response {
    plain_error(
        StatusCode::NOT_ACCEPTABLE,
        code::NOT_ACCEPTABLE,
        "accept application/graphql-response+json or application/json",
    )
}

/// Reads `operationName`, `variables` and `extensions` from a request object.
pub(crate) fn parse_params(
    query: Option<&Value>,
    operation_name: Option<&Value>,
    variables: Option<&Value>,
    extensions: Option<&Value>,
) -> Result<HttpGraphqlRequest, &'static str> {
    let query = match query {
        Some(Value::String(q)) => q.clone(),
        Some(_) => return Err("'query' must be a string"),
        None => return Err("'query' is required"),
    };
    let operation_name = match operation_name {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name.clone()),
        Some(_) => return Err("'operationName' must be a string or null"),
    };
    let variables = match variables {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => Some(map.clone()),
        Some(_) => return Err("'variables' must be an object or null"),
    };
    match extensions {
        None | Some(Value::Null) | Some(Value::Object(_)) => {}
        Some(_) => return Err("'extensions' must be an object or null"),
    }
    Ok(HttpGraphqlRequest {
        query,
        operation_name,
        variables,
    })
}

pub async fn post_handler(
    State(state): State<HttpState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(media) = media::negotiate(header_str(&headers, header::ACCEPT)) else {
        return not_acceptable();
    };
    match header_str(&headers, header::CONTENT_TYPE) {
        Some(ct) if media::is_json_content_type(ct) => {}
        _ => {
            return request_error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                media,
                code::UNSUPPORTED_MEDIA_TYPE,
                "send the request as application/json",
            );
        }
    }
    let limit = usize::try_from(state.app.config.settings.max_body_bytes).unwrap_or(usize::MAX);
    let declared = header_str(&headers, header::CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > limit as u64) {
        return too_large(media);
    }
    let bytes: Bytes = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => return too_large(media),
    };
    let parsed: Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(_) => {
            return request_error(
                StatusCode::BAD_REQUEST,
                media,
                code::BAD_REQUEST,
                "the body is not valid JSON",
            );
        }
    };
    let request = match &parsed {
        Value::Array(_) => {
            return request_error(
                StatusCode::BAD_REQUEST,
                media,
                code::BATCH_NOT_SUPPORTED,
                "batched requests are not supported; send one operation per request",
            );
        }
        Value::Object(map) => parse_params(
            map.get("query"),
            map.get("operationName"),
            map.get("variables"),
            map.get("extensions"),
        ),
        _ => Err("the body must be a JSON object"),
    };
    match request {
        Ok(request) => execute(&state, &headers, peer, media, request, Method::Post).await,
        Err(message) => request_error(StatusCode::BAD_REQUEST, media, code::BAD_REQUEST, message),
    }
}

fn too_large(media: ResponseType) -> Response {
    request_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        media,
        code::PAYLOAD_TOO_LARGE,
        "the request body is too large",
    )
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

pub async fn get_handler(
    State(state): State<HttpState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let params: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let accept = header_str(&headers, header::ACCEPT);
    if param("query").is_none() && accept.is_some_and(|a| a.contains("text/html")) {
        return graphiql(state.app.config.settings.graphiql);
    }
    let Some(media) = media::negotiate(accept) else {
        return not_acceptable();
    };
    let decode_json = |name: &str| -> Result<Option<Value>, String> {
        match param(name) {
            None => Ok(None),
            Some(raw) => serde_json::from_str(raw)
                .map(Some)
                .map_err(|_| format!("'{name}' must be JSON-encoded")),
        }
    };
    let variables = match decode_json("variables") {
        Ok(v) => v,
        Err(message) => {
            return request_error(StatusCode::BAD_REQUEST, media, code::BAD_REQUEST, &message);
        }
    };
    let extensions = match decode_json("extensions") {
        Ok(v) => v,
        Err(message) => {
            return request_error(StatusCode::BAD_REQUEST, media, code::BAD_REQUEST, &message);
        }
    };
    let query = param("query").map(|q| Value::String(q.to_owned()));
    let operation_name = param("operationName").map(|n| Value::String(n.to_owned()));
    let request = match parse_params(
        query.as_ref(),
        operation_name.as_ref(),
        variables.as_ref(),
        extensions.as_ref(),
    ) {
        Ok(request) => request,
        Err(message) => {
            return request_error(StatusCode::BAD_REQUEST, media, code::BAD_REQUEST, message);
        }
    };
    execute(&state, &headers, peer, media, request, Method::Get).await
}

/// GraphiQL, when `GRAPHIQL` is on; otherwise a page that says where to go.
fn graphiql(enabled: bool) -> Response {
    if !enabled {
        return Html(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alliance Hub API</title></head>\
             <body><h1>Alliance Hub API</h1><p>This is the GraphQL endpoint; POST queries to it. \
             GraphiQL is off here (<code>GRAPHIQL=true</code> turns it on). The web app is at \
             <a href=\"/\">/</a>.</p></body></html>",
        )
        .into_response();
    }
    let html = GraphiQLSource::build()
        .endpoint("/graphql")
        .title("Alliance Hub")
        .finish();
    Html(html).into_response()
}

/// How the request arrived: only POST may run mutations.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
}

fn method_not_allowed(media: ResponseType) -> Response {
    let mut response = request_error(
        StatusCode::METHOD_NOT_ALLOWED,
        media,
        code::METHOD_NOT_ALLOWED,
        "mutations must be sent with POST",
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("POST"));
    response
}

async fn execute(
    state: &HttpState,
    headers: &HeaderMap,
    peer: ConnectInfo<SocketAddr>,
    media: ResponseType,
    request: HttpGraphqlRequest,
    method: Method,
) -> Response {
    let started = Instant::now();
    let app = &state.app;
    // Metrics name an operation only once its document passed the checks: a client-chosen
    // name on a refused request must not take one of the bounded label slots.
    // A header that is present but not text is a bad credential, never "no credential".
    let authorization = headers
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or(""));
    let viewer = match authenticate(app, authorization).await {
        Ok(viewer) => viewer,
        Err(err) => {
            let code = err.code();
            let status = match err {
                AppError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            app.metrics
                .observe(None, started.elapsed().as_secs_f64(), &[code.to_owned()]);
            let mut response = request_error(status, media, code, &err.public_message());
            if status == StatusCode::UNAUTHORIZED {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer error=\"invalid_token\""),
                );
            }
            return response;
        }
    };
    let (schema, limits) = state.schema_for(&viewer);
    let mut request = request;
    let variables = request.variables();
    let checked = match limits.check(
        &request.query,
        request.operation_name.as_deref(),
        &variables,
    ) {
        Ok(checked) => checked,
        Err(err) => {
            let code = err
                .extensions
                .as_ref()
                .and_then(|e| e.get("code"))
                .map(|c| c.to_string().trim_matches('"').to_owned());
            app.metrics.observe(
                None,
                started.elapsed().as_secs_f64(),
                &code.into_iter().collect::<Vec<_>>(),
            );
            return not_executed(media, &[err]);
        }
    };
    if method == Method::Get && checked.operation_type != OperationType::Query {
        return method_not_allowed(media);
    }
    let mut rc = RequestCtx::new(viewer, request_id(headers), client_ip(app, headers, peer));
    rc.http = Some(cookie::HttpCookies::of(&app.config.settings, headers));
    let changes = InvalidateOnChange::new(app.clone(), rc.changes.clone());
    let gql = request.into_execution(app, rc, variables, checked.document);
    let timeout = app.config.settings.request_timeout;
    let response = match tokio::time::timeout(timeout, schema.execute(gql)).await {
        Ok(response) => response,
        Err(_) => {
            // The work was dropped, perhaps after it committed a change.
            changes.finish().await;
            app.metrics.observe(
                checked.operation_name.as_deref(),
                started.elapsed().as_secs_f64(),
                &[code::TIMEOUT.to_owned()],
            );
            return request_error(
                StatusCode::GATEWAY_TIMEOUT,
                media,
                code::TIMEOUT,
                "the request took too long",
            );
        }
    };
    let executed = execution_started(&response);
    changes.finish().await;
    let mut response = finish(response, executed);
    // Headers a resolver set (the session cookie) go with the answer.
    let set_headers = std::mem::take(&mut response.http_headers);
    let codes: Vec<String> = response
        .errors
        .iter()
        .filter_map(|e| {
            e.extensions
                .as_ref()?
                .get("code")
                .map(|c| c.to_string().trim_matches('"').to_owned())
        })
        .collect();
    app.metrics.observe(
        checked.operation_name.as_deref(),
        started.elapsed().as_secs_f64(),
        &codes,
    );
    let status = if executed || media == ResponseType::Json {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    // Serialised once, straight to bytes: an answer can be large.
    let body = if executed {
        serde_json::to_vec(&response)
    } else {
        // Execution never started: the response has no `data` entry at all.
        serde_json::to_vec(&json!({ "errors": response.errors }))
    };
    match body {
        Ok(bytes) => {
            let mut answer = bytes_response(status, media, bytes);
            answer.headers_mut().extend(set_headers);
            answer
        }
        Err(_) => plain_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            code::INTERNAL,
            "internal error",
        ),
    }
}

/// Empties the credential cache on every replica if the request wrote a change: awaited before
/// the answer on the normal path (so no replica serves a stale account once the client has
/// its answer), and still done — without waiting — if the request is dropped midway (a
/// client that disconnects after the commit).
pub(crate) struct InvalidateOnChange {
    app: Option<AppState>,
    changes: ChangeFlag,
}

impl InvalidateOnChange {
    pub(crate) fn new(app: AppState, changes: ChangeFlag) -> Self {
        Self {
            app: Some(app),
            changes,
        }
    }

    pub(crate) async fn finish(mut self) {
        if let Some(app) = self.app.take()
            && self.changes.is_set()
        {
            app.realtime.changed();
            app.invalidate_credentials().await;
        }
    }
}

impl Drop for InvalidateOnChange {
    fn drop(&mut self) {
        if let Some(app) = self.app.take()
            && self.changes.is_set()
        {
            app.auth_cache.invalidate();
            app.realtime.changed();
            tokio::spawn(async move { app.invalidate_credentials().await });
        }
    }
}

/// Whether execution started, so the response has `data`. Errors from before execution
/// (validation, complexity) carry no path and leave `data` null; a field error always has a
/// path.
pub(crate) fn execution_started(response: &GqlResponse) -> bool {
    !(matches!(response.data, async_graphql::Value::Null)
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty()))
}

/// A request refused before execution: no `data` entry; 400 for
/// `application/graphql-response+json`, 200 for `application/json`.
fn not_executed(media: ResponseType, errors: &[ServerError]) -> Response {
    let status = match media {
        ResponseType::GraphqlResponseJson => StatusCode::BAD_REQUEST,
        ResponseType::Json => StatusCode::OK,
    };
    json_response(status, media, &json!({ "errors": errors }))
}

/// Gives every error a code: before execution a validation failure or `QUERY_TOO_COMPLEX`,
/// during execution `BAD_USER_INPUT` (a scalar that failed to parse) — our own errors always
/// carry theirs.
pub(crate) fn finish(mut response: GqlResponse, executed: bool) -> GqlResponse {
    for err in &mut response.errors {
        if !has_code(err) {
            if executed {
                tag(err, code::BAD_USER_INPUT);
            } else {
                limits::tag_pre_execution(err);
            }
        }
        scrub(err);
    }
    response
}

/// Nothing internal leaves in an error: async-graphql keeps the source only in memory.
fn scrub(err: &mut ServerError) {
    err.source = None;
}
