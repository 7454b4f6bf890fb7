//! GraphQL over HTTP, as the GraphQL Foundation's specification describes it: media types,
//! status codes and the shape of the body, for POST and GET.
//!
//! Most behaviour is a table of cases, each sent once for every way a client may ask for JSON
//! back: the media type decides the `Content-Type` of the answer and, for a request refused
//! before execution, its status.

use reqwest::{
    StatusCode, Url,
    header::{self, HeaderName},
};
use serde_json::{Value, json};
use tests::{Answer, GRAPHQL_RESPONSE, Options, TestApp, spawn_app, spawn_app_with};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const JSON: &str = "application/json";
const GRAPHQL_RESPONSE_CT: &str = "application/graphql-response+json; charset=utf-8";
const JSON_CT: &str = "application/json; charset=utf-8";

const ORGANIZATIONS_BY_VARIABLE: &str =
    "query($n: Int!) { organizations(first: $n) { edges { node { id } } } }";
const TWO_OPERATIONS: &str = "query A { __typename } query B { __typename }";
const INTROSPECTION: &str = "{ __schema { types { name } } }";

// --- media types ---------------------------------------------------------------------------

/// What a client sends in `Accept`, and the `Content-Type` it is answered with.
#[derive(Clone, Copy)]
struct Media {
    name: &'static str,
    accept: Option<&'static str>,
    content_type: &'static str,
}

/// Every way of asking for JSON back; each case is sent with each of them.
const EVERY_MEDIA: [Media; 5] = [
    Media {
        name: "application/graphql-response+json",
        accept: Some(GRAPHQL_RESPONSE),
        content_type: GRAPHQL_RESPONSE_CT,
    },
    Media {
        name: "application/json",
        accept: Some(JSON),
        content_type: JSON_CT,
    },
    Media {
        name: "no Accept (answered as JSON)",
        accept: None,
        content_type: JSON_CT,
    },
    Media {
        name: "*/* (answered as JSON)",
        accept: Some("*/*"),
        content_type: JSON_CT,
    },
    Media {
        name: "both, graphql-response+json preferred",
        accept: Some("application/json;q=0.9, application/graphql-response+json"),
        content_type: GRAPHQL_RESPONSE_CT,
    },
];

/// A client that accepts no JSON at all: its error comes back as plain JSON.
const ONLY_PLAIN_TEXT: Media = Media {
    name: "text/plain only",
    accept: Some("text/plain"),
    content_type: JSON_CT,
};

impl Media {
    /// `application/graphql-response+json` lets the status follow the outcome, where
    /// `application/json` answers 200 to every well-formed request.
    fn is_graphql_response(self) -> bool {
        self.content_type == GRAPHQL_RESPONSE_CT
    }
}

// --- cases ---------------------------------------------------------------------------------

/// Who sends a case.
enum Caller {
    Anonymous,
    /// A member signed in as the demo analyst.
    Analyst,
    /// This bearer token.
    Token(&'static str),
}

#[derive(Debug)]
enum Request {
    /// POST with a JSON body.
    Post(Value),
    /// POST with this raw body and `Content-Type` (none when `None`).
    Raw {
        content_type: Option<&'static str>,
        body: &'static str,
    },
    /// GET with these query parameters.
    Get(Vec<(&'static str, &'static str)>),
}

/// What a case is answered with.
enum Expect {
    /// Executed: 200, no `errors`, and `data` that passes this check.
    Data(fn(&Value) -> bool),
    /// A field error during execution: 200, `data` present (null), this code.
    FieldError(&'static str),
    /// Refused before execution: no `data`, this code, 400 as
    /// `application/graphql-response+json` and 200 as `application/json`.
    NotExecuted(&'static str),
    /// A request error: no `data`, this status whatever the media type, this code.
    RequestError(StatusCode, &'static str),
}

struct Case {
    name: &'static str,
    caller: Caller,
    request: Request,
    expect: Expect,
    /// A header the answer must carry, with its exact value.
    header: Option<(HeaderName, &'static str)>,
}

impl Case {
    /// An anonymous case.
    fn new(name: &'static str, request: Request, expect: Expect) -> Self {
        Self {
            name,
            caller: Caller::Anonymous,
            request,
            expect,
            header: None,
        }
    }

    fn by(self, caller: Caller) -> Self {
        Self { caller, ..self }
    }

    fn with_header(self, name: HeaderName, value: &'static str) -> Self {
        Self {
            header: Some((name, value)),
            ..self
        }
    }
}

fn post(body: Value) -> Request {
    Request::Post(body)
}

fn get(params: &[(&'static str, &'static str)]) -> Request {
    Request::Get(params.to_vec())
}

fn raw(content_type: Option<&'static str>, body: &'static str) -> Request {
    Request::Raw { content_type, body }
}

/// Sends a request with the media type's `Accept` (and this bearer token).
async fn send(app: &TestApp, media: Media, token: Option<&str>, request: &Request) -> Answer {
    let mut builder = match request {
        Request::Post(body) => app.client.post(app.graphql_url()).json(body),
        Request::Raw { content_type, body } => {
            let builder = app.client.post(app.graphql_url()).body(*body);
            match content_type {
                Some(content_type) => builder.header(header::CONTENT_TYPE, *content_type),
                None => builder,
            }
        }
        Request::Get(params) => app
            .client
            .get(Url::parse_with_params(&app.graphql_url(), params).unwrap()),
    };
    if let Some(accept) = media.accept {
        builder = builder.header(header::ACCEPT, accept);
    }
    if let Some(token) = token {
        builder = builder.bearer_auth(token);
    }
    TestApp::answer(builder.send().await.unwrap()).await
}

/// Sends every case with every one of these media types and checks each answer.
async fn check_cases(app: &TestApp, cases: &[Case], media: &[Media]) {
    let analyst = if cases.iter().any(|c| matches!(c.caller, Caller::Analyst)) {
        Some(app.login("analyst@police.example").await)
    } else {
        None
    };
    for case in cases {
        let token = match case.caller {
            Caller::Anonymous => None,
            Caller::Analyst => analyst.as_deref(),
            Caller::Token(token) => Some(token),
        };
        for &media in media {
            // Act
            let answer = send(app, media, token, &case.request).await;

            // Assert
            check(&answer, case, media);
        }
    }
}

fn content_type(answer: &Answer) -> &str {
    answer
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Checks one answer; every message names the case, its request and the media type.
fn check(answer: &Answer, case: &Case, media: Media) {
    let body = &answer.body;
    let context = format!("{} {:?} as {}", case.name, case.request, media.name);
    let status = match case.expect {
        Expect::Data(_) | Expect::FieldError(_) => StatusCode::OK,
        Expect::NotExecuted(_) if media.is_graphql_response() => StatusCode::BAD_REQUEST,
        Expect::NotExecuted(_) => StatusCode::OK,
        Expect::RequestError(status, _) => status,
    };
    assert_eq!(answer.status, status, "{context}: {body}");
    assert_eq!(
        content_type(answer),
        media.content_type,
        "{context}: {body}"
    );
    match case.expect {
        Expect::Data(expected) => {
            assert!(body.get("errors").is_none(), "{context}: errors: {body}");
            assert!(
                expected(&body["data"]),
                "{context}: unexpected data: {body}"
            );
        }
        Expect::FieldError(code) => {
            assert_eq!(body.get("data"), Some(&Value::Null), "{context}: {body}");
            assert_eq!(answer.code(), Some(code), "{context}: {body}");
        }
        Expect::NotExecuted(code) | Expect::RequestError(_, code) => {
            assert!(body.get("data").is_none(), "{context}: has data: {body}");
            let errors = body["errors"].as_array();
            assert!(
                errors.is_some_and(|e| !e.is_empty() && e.iter().all(|e| e["message"].is_string())),
                "{context}: errors without messages: {body}"
            );
            assert_eq!(answer.code(), Some(code), "{context}: {body}");
        }
    }
    if let Some((name, value)) = &case.header {
        let actual = answer.headers.get(name).and_then(|v| v.to_str().ok());
        assert_eq!(actual, Some(*value), "{context}: header {name}");
    }
}

fn typename_is_query_root(data: &Value) -> bool {
    data["__typename"] == "QueryRoot"
}

// --- executed requests ---------------------------------------------------------------------

#[tokio::test]
async fn an_executed_request_is_200_with_data_in_every_media_type() {
    // Arrange
    let app = spawn_app().await;
    let chosen = "query A($i: Boolean!) { viewer @include(if: $i) { id } } query B { __typename }";
    let viewer_if = "query($i: Boolean!) { __typename viewer @include(if: $i) { id } }";
    let cases = [
        Case::new(
            "a query",
            post(json!({ "query": "{ __typename }" })),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "a query sent as JSON with a UTF-8 charset",
            raw(
                Some("application/json; charset=utf-8"),
                r#"{"query":"{ __typename }"}"#,
            ),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "a query over GET",
            get(&[("query", "{__typename}")]),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "an operation name that selects one of several operations",
            post(json!({ "query": TWO_OPERATIONS, "operationName": "B" })),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "an operation name over GET that selects the operation",
            get(&[("query", TWO_OPERATIONS), ("operationName", "A")]),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "required variables of an operation that is not chosen are not checked",
            post(json!({ "query": chosen, "operationName": "B" })),
            Expect::Data(typename_is_query_root),
        ),
        Case::new(
            "an optional variable that is left out",
            post(
                json!({ "query": "query($n: Int) { organizations(first: $n) { edges { node { id } } } }" }),
            ),
            Expect::Data(|data| data["organizations"]["edges"].is_array()),
        )
        .by(Caller::Analyst),
        Case::new(
            "a variable with a default that is left out",
            post(
                json!({ "query": "query($n: Int! = 2) { organizations(first: $n) { edges { node { id } } } }" }),
            ),
            Expect::Data(|data| {
                data["organizations"]["edges"]
                    .as_array()
                    .is_some_and(|edges| edges.len() == 2)
            }),
        )
        .by(Caller::Analyst),
        Case::new(
            "JSON-encoded variables over GET that include a field",
            get(&[("query", viewer_if), ("variables", r#"{"i":true}"#)]),
            Expect::Data(|data| *data == json!({ "__typename": "QueryRoot", "viewer": null })),
        ),
        Case::new(
            "JSON-encoded variables over GET that skip a field",
            get(&[("query", viewer_if), ("variables", r#"{"i":false}"#)]),
            Expect::Data(|data| *data == json!({ "__typename": "QueryRoot" })),
        ),
        Case::new(
            "an anonymous caller asking for the typename and the viewer",
            post(json!({ "query": "{ __typename viewer { id } }" })),
            Expect::Data(|data| typename_is_query_root(data) && data["viewer"].is_null()),
        ),
        Case::new(
            "an anonymous caller asking for a field that needs a member",
            post(json!({ "query": "{ organizations { edges { node { id } } } }" })),
            Expect::FieldError("UNAUTHENTICATED"),
        ),
    ];

    check_cases(&app, &cases, &EVERY_MEDIA).await;
}

// --- requests refused before execution -----------------------------------------------------

#[tokio::test]
async fn a_request_refused_before_execution_has_no_data_and_is_400_only_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;
    let chosen = "query A($i: Boolean!) { viewer @include(if: $i) { id } } query B { __typename }";
    let cases = [
        Case::new(
            "a document that does not parse",
            post(json!({ "query": "{ viewer { id" })),
            Expect::NotExecuted("GRAPHQL_PARSE_FAILED"),
        ),
        Case::new(
            "an unknown field",
            post(json!({ "query": "{ noSuchField }" })),
            Expect::NotExecuted("GRAPHQL_VALIDATION_FAILED"),
        ),
        Case::new(
            "a variable that cannot be coerced",
            post(json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": { "n": "abc" } })),
            Expect::NotExecuted("GRAPHQL_VALIDATION_FAILED"),
        )
        .by(Caller::Analyst),
        Case::new(
            "a required variable missing from the variables",
            post(json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": {} })),
            Expect::NotExecuted("BAD_USER_INPUT"),
        )
        .by(Caller::Analyst),
        Case::new(
            "a required variable without any variables",
            post(json!({ "query": ORGANIZATIONS_BY_VARIABLE })),
            Expect::NotExecuted("BAD_USER_INPUT"),
        )
        .by(Caller::Analyst),
        Case::new(
            "a null for a required variable",
            post(json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": { "n": null } })),
            Expect::NotExecuted("BAD_USER_INPUT"),
        )
        .by(Caller::Analyst),
        // `node` has no complexity of its own, so validation does not read `$id`.
        Case::new(
            "a missing required variable of any field",
            post(json!({ "query": "query($id: ID!) { node(id: $id) { id } }", "variables": null })),
            Expect::NotExecuted("BAD_USER_INPUT"),
        )
        .by(Caller::Analyst),
        Case::new(
            "a missing required variable of the chosen operation",
            post(json!({ "query": chosen, "operationName": "A" })),
            Expect::NotExecuted("BAD_USER_INPUT"),
        ),
        Case::new(
            "a missing required variable over GET",
            get(&[(
                "query",
                "query($i: Boolean!) { viewer @include(if: $i) { id } }",
            )]),
            Expect::NotExecuted("BAD_USER_INPUT"),
        ),
        Case::new(
            "an operation name not in the document",
            post(json!({ "query": TWO_OPERATIONS, "operationName": "C" })),
            Expect::NotExecuted("BAD_REQUEST"),
        ),
        Case::new(
            "introspection by an anonymous caller",
            post(json!({ "query": INTROSPECTION })),
            Expect::NotExecuted("GRAPHQL_VALIDATION_FAILED"),
        ),
        Case::new(
            "introspection through a fragment by an anonymous caller",
            post(
                json!({ "query": "{ ...F } fragment F on QueryRoot { __schema { queryType { name } } }" }),
            ),
            Expect::NotExecuted("GRAPHQL_VALIDATION_FAILED"),
        ),
        Case::new(
            "a type looked up by an anonymous caller",
            post(json!({ "query": "{ __type(name: \"User\") { fields { name } } }" })),
            Expect::NotExecuted("GRAPHQL_VALIDATION_FAILED"),
        ),
    ];

    check_cases(&app, &cases, &EVERY_MEDIA).await;
}

// --- request errors ------------------------------------------------------------------------

#[tokio::test]
async fn a_request_error_has_no_data_and_the_same_status_in_every_media_type() {
    // Arrange
    let app = spawn_app().await;
    let not_graphql_requests = [
        json!("x"),
        json!(42),
        json!(null),
        json!({}),
        json!({ "variables": {} }),
        json!({ "query": 1 }),
        json!({ "query": ["{ __typename }"] }),
        json!({ "query": "{ __typename }", "variables": "x" }),
        json!({ "query": "{ __typename }", "variables": [1] }),
        json!({ "query": "{ __typename }", "operationName": 1 }),
        json!({ "query": "{ __typename }", "extensions": "x" }),
    ];
    let mut cases: Vec<Case> = not_graphql_requests
        .into_iter()
        .map(|body| {
            Case::new(
                "a body that is not a GraphQL request",
                post(body),
                Expect::RequestError(StatusCode::BAD_REQUEST, "BAD_REQUEST"),
            )
        })
        .collect();
    cases.extend([
        Case::new(
            "a body that is not JSON",
            raw(Some(JSON), "{ \"query\": "),
            Expect::RequestError(StatusCode::BAD_REQUEST, "BAD_REQUEST"),
        ),
        Case::new(
            "a batch",
            post(json!([{ "query": "{ __typename }" }, { "query": "{ __typename }" }])),
            Expect::RequestError(StatusCode::BAD_REQUEST, "BATCH_NOT_SUPPORTED"),
        ),
        Case::new(
            "a POST without Content-Type",
            raw(None, r#"{"query":"{ __typename }"}"#),
            Expect::RequestError(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"),
        ),
        Case::new(
            "a POST as plain text",
            raw(Some("text/plain"), r#"{"query":"{ __typename }"}"#),
            Expect::RequestError(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"),
        ),
        Case::new(
            "a GET without a query",
            get(&[]),
            Expect::RequestError(StatusCode::BAD_REQUEST, "BAD_REQUEST"),
        ),
        Case::new(
            "malformed variables over GET",
            get(&[("query", "{__typename}"), ("variables", "{not json")]),
            Expect::RequestError(StatusCode::BAD_REQUEST, "BAD_REQUEST"),
        ),
        Case::new(
            "variables over GET that are not an object",
            get(&[("query", "{__typename}"), ("variables", "[1,2]")]),
            Expect::RequestError(StatusCode::BAD_REQUEST, "BAD_REQUEST"),
        ),
        Case::new(
            "a mutation over GET",
            get(&[("query", "mutation { logout }")]),
            Expect::RequestError(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED"),
        )
        .with_header(header::ALLOW, "POST"),
        Case::new(
            "a mutation chosen by operation name over GET",
            get(&[
                ("query", "query Q { __typename } mutation M { logout }"),
                ("operationName", "M"),
            ]),
            Expect::RequestError(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED"),
        )
        .with_header(header::ALLOW, "POST"),
        Case::new(
            "a bad token",
            post(json!({ "query": "{ __typename }" })),
            Expect::RequestError(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED"),
        )
        .by(Caller::Token("not-a-token"))
        .with_header(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""),
    ]);

    check_cases(&app, &cases, &EVERY_MEDIA).await;
}

#[tokio::test]
async fn a_request_accepting_only_plain_text_is_406() {
    // Arrange
    let app = spawn_app().await;
    let cases = [
        Case::new(
            "a query",
            post(json!({ "query": "{ __typename }" })),
            Expect::RequestError(StatusCode::NOT_ACCEPTABLE, "NOT_ACCEPTABLE"),
        ),
        Case::new(
            "a query over GET",
            get(&[("query", "{__typename}")]),
            Expect::RequestError(StatusCode::NOT_ACCEPTABLE, "NOT_ACCEPTABLE"),
        ),
    ];

    check_cases(&app, &cases, &[ONLY_PLAIN_TEXT]).await;
}

// --- body size -----------------------------------------------------------------------------

async fn spawn_with_small_bodies() -> TestApp {
    spawn_app_with(Options {
        extra_args: vec![
            "--max-body-bytes".into(),
            "2048".into(),
            "--max-query-bytes".into(),
            "1024".into(),
        ],
        ..Options::default()
    })
    .await
}

/// A request of about 4 KB: a short query padded with an unused variable.
fn four_kilobytes() -> Value {
    json!({ "query": "{ __typename }", "variables": { "padding": "x".repeat(4096) } })
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_one_under_it_runs() {
    // Arrange
    let app = spawn_with_small_bodies().await;
    let cases = [
        Case::new(
            "a body over the limit",
            post(four_kilobytes()),
            Expect::RequestError(StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE"),
        ),
        Case::new(
            "a body under the limit",
            post(
                json!({ "query": "{ __typename }", "variables": { "padding": "x".repeat(1024) } }),
            ),
            Expect::Data(typename_is_query_root),
        ),
    ];

    check_cases(&app, &cases, &EVERY_MEDIA).await;
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_413() {
    // Arrange: no Content-Length, so the server only finds out while reading.
    let app = spawn_with_small_bodies().await;
    let body = serde_json::to_string(&four_kilobytes()).unwrap();
    let host = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    let mut request = format!(
        "POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
         Accept: {GRAPHQL_RESPONSE}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    for chunk in body.as_bytes().chunks(512) {
        request.push_str(&format!(
            "{:x}\r\n{}\r\n",
            chunk.len(),
            std::str::from_utf8(chunk).unwrap()
        ));
    }
    request.push_str("0\r\n\r\n");

    // Act
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;

    // Assert
    let response = String::from_utf8_lossy(&response);
    assert!(
        response.starts_with("HTTP/1.1 413"),
        "unexpected answer: {response}"
    );
    assert!(response.contains("PAYLOAD_TOO_LARGE"), "{response}");
}

// --- GET without a query, and other methods ---------------------------------------------

/// The page a browser gets at `GET /graphql` without a query.
async fn browser_page(app: &TestApp) -> String {
    let response = app
        .client
        .get(app.graphql_url())
        .header(
            header::ACCEPT,
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let media = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(media.starts_with("text/html"), "{media}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_browser_without_a_query_gets_graphiql_when_it_is_turned_on() {
    // Arrange
    let app = spawn_app_with(Options {
        extra_args: vec!["--graphiql".into(), "true".into()],
        ..Options::default()
    })
    .await;

    // Act
    let html = browser_page(&app).await;

    // Assert
    assert!(html.contains("graphiql.min.js"), "{html}");
}

#[tokio::test]
async fn graphiql_and_its_cdn_scripts_are_off_by_default() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let html = browser_page(&app).await;

    // Assert
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("GRAPHIQL=true"));
}

#[tokio::test]
async fn put_on_graphql_is_405() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let response = app
        .client
        .put(app.graphql_url())
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let allow = response.headers()[header::ALLOW].to_str().unwrap();
    assert!(allow.contains("POST") && allow.contains("GET"), "{allow}");
}

// --- request ids ---------------------------------------------------------------------------

#[tokio::test]
async fn every_response_carries_a_request_id() {
    // Arrange
    let app = spawn_app().await;
    let requests = [
        app.client
            .post(app.graphql_url())
            .json(&json!({ "query": "{ __typename }" })),
        app.client.post(app.graphql_url()).body("{"),
        app.client.get(app.graphql_url()),
        app.client.put(app.graphql_url()),
        app.client.get(format!("{}/healthz", app.address)),
        app.client.get(format!("{}/metrics", app.address)),
        app.client.get(format!("{}/no-such-page", app.address)),
    ];

    for request in requests {
        // Act
        let response = request.send().await.unwrap();

        // Assert
        let id = response
            .headers()
            .get("x-request-id")
            .map(|v| v.to_str().unwrap().to_owned());
        assert!(
            id.as_deref().is_some_and(|id| !id.is_empty()),
            "{} has no request id",
            response.url()
        );
    }
}

#[tokio::test]
async fn a_client_request_id_is_echoed() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let response = app
        .client
        .post(app.graphql_url())
        .header("x-request-id", "client-chosen-id-42")
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.headers()["x-request-id"], "client-chosen-id-42");
}

#[tokio::test]
async fn two_requests_get_different_request_ids() {
    // Arrange
    let app = spawn_app().await;
    let send = || app.client.get(format!("{}/healthz", app.address)).send();

    // Act
    let first = send().await.unwrap();
    let second = send().await.unwrap();

    // Assert
    assert_ne!(
        first.headers()["x-request-id"],
        second.headers()["x-request-id"]
    );
}

// --- introspection and suggestions -------------------------------------------------------

/// Whether an introspection answer lists the `Organization` type.
fn lists_organization(answer: &Answer) -> bool {
    let types = answer.ok()["__schema"]["types"].as_array().unwrap();
    types.iter().any(|t| t["name"] == "Organization")
}

#[tokio::test]
async fn a_signed_in_member_can_introspect() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app.gql(Some(&token), INTROSPECTION, json!({})).await;

    // Assert
    assert!(lists_organization(&answer), "{}", answer.body);
}

#[tokio::test]
async fn anonymous_introspection_can_be_switched_on() {
    // Arrange
    let app = spawn_app_with(Options {
        extra_args: vec!["--anonymous-introspection".into(), "true".into()],
        ..Options::default()
    })
    .await;

    // Act
    let answer = app.gql(None, INTROSPECTION, json!({})).await;

    // Assert
    assert!(lists_organization(&answer), "{}", answer.body);
}

#[tokio::test]
async fn validation_errors_suggest_fields_to_signed_in_members_only() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;
    let cases = [
        ("an anonymous caller", None, false),
        ("a member", Some(&token), true),
    ];

    for (caller, token, suggests) in cases {
        // Act
        let answer = app
            .gql(token.map(String::as_str), "{ viewr { id } }", json!({}))
            .await;

        // Assert
        assert_eq!(
            answer.code(),
            Some("GRAPHQL_VALIDATION_FAILED"),
            "{caller}: {}",
            answer.body
        );
        assert_eq!(
            answer.body.to_string().contains("Did you mean"),
            suggests,
            "{caller}: {}",
            answer.body
        );
    }
}
