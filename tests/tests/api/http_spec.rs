//! GraphQL over HTTP, as the GraphQL Foundation's specification describes it: media types,
//! status codes and the shape of the body, for POST and GET.

use reqwest::{StatusCode, Url, header};
use serde_json::{Value, json};
use tests::{Answer, GRAPHQL_RESPONSE, Options, TestApp, spawn_app, spawn_app_with};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const JSON: &str = "application/json";
const GRAPHQL_RESPONSE_CT: &str = "application/graphql-response+json; charset=utf-8";
const JSON_CT: &str = "application/json; charset=utf-8";

const ORGANIZATIONS_BY_VARIABLE: &str =
    "query($n: Int!) { organizations(first: $n) { edges { node { id } } } }";
const TWO_OPERATIONS: &str = "query A { __typename } query B { __typename }";

/// POSTs a JSON body with the given `Accept` (none when `None`).
async fn post(app: &TestApp, accept: Option<&str>, token: Option<&str>, body: Value) -> Answer {
    let mut request = app.client.post(app.graphql_url()).json(&body);
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    TestApp::answer(request.send().await.unwrap()).await
}

/// POSTs a raw body with the given `Content-Type` (none when `None`).
async fn post_raw(app: &TestApp, content_type: Option<&str>, body: impl Into<String>) -> Answer {
    let mut request = app
        .client
        .post(app.graphql_url())
        .header(header::ACCEPT, GRAPHQL_RESPONSE)
        .body(body.into());
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    TestApp::answer(request.send().await.unwrap()).await
}

/// GETs `/graphql` with these query parameters.
async fn get(app: &TestApp, accept: Option<&str>, params: &[(&str, &str)]) -> Answer {
    let url = Url::parse_with_params(&app.graphql_url(), params).unwrap();
    let mut request = app.client.get(url);
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    TestApp::answer(request.send().await.unwrap()).await
}

fn content_type(answer: &Answer) -> &str {
    answer
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// A request error: the status, the media type, the code, `errors` and no `data` at all.
fn assert_request_error(answer: &Answer, status: StatusCode, media: &str, code: &str) {
    assert_eq!(answer.status, status, "{}", answer.body);
    assert_eq!(content_type(answer), media, "{}", answer.body);
    assert!(
        answer.body.get("data").is_none(),
        "a request error has no data: {}",
        answer.body
    );
    let errors = answer.body["errors"].as_array().unwrap();
    assert!(!errors.is_empty(), "{}", answer.body);
    assert!(
        errors.iter().all(|e| e["message"].is_string()),
        "{}",
        answer.body
    );
    assert_eq!(answer.code(), Some(code), "{}", answer.body);
}

/// A field error during execution: 200, the media type, `data` present (null) and the code.
fn assert_field_error(answer: &Answer, media: &str, code: &str) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(content_type(answer), media, "{}", answer.body);
    assert_eq!(
        answer.body.get("data"),
        Some(&Value::Null),
        "{}",
        answer.body
    );
    assert_eq!(answer.code(), Some(code), "{}", answer.body);
}

// --- application/graphql-response+json -----------------------------------------------------

#[tokio::test]
async fn a_query_is_200_with_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(content_type(&answer), GRAPHQL_RESPONSE_CT);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_document_that_does_not_parse_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ viewer { id" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "GRAPHQL_PARSE_FAILED",
    );
}

#[tokio::test]
async fn an_unknown_field_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ noSuchField }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn a_variable_that_cannot_be_coerced_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": { "n": "abc" } }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert_eq!(content_type(&answer), GRAPHQL_RESPONSE_CT);
    assert!(answer.body.get("data").is_none(), "{}", answer.body);
    assert_eq!(
        answer.code(),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn a_missing_required_variable_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": {} }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_USER_INPUT",
    );
}

#[tokio::test]
async fn a_null_for_a_required_variable_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": { "n": null } }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_USER_INPUT",
    );
}

#[tokio::test]
async fn a_missing_required_variable_of_any_field_is_400_without_data() {
    // Arrange: `node` has no complexity of its own, so validation does not read `$id`.
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": "query($id: ID!) { node(id: $id) { id } }", "variables": null }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_USER_INPUT",
    );
}

#[tokio::test]
async fn required_variables_are_checked_for_the_chosen_operation_only() {
    // Arrange
    let app = spawn_app().await;
    let query = "query A($i: Boolean!) { viewer @include(if: $i) { id } } query B { __typename }";

    // Act
    let chosen = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": query, "operationName": "B" }),
    )
    .await;
    let missing = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": query, "operationName": "A" }),
    )
    .await;

    // Assert
    assert_eq!(chosen.status, StatusCode::OK, "{}", chosen.body);
    assert_eq!(chosen.ok()["__typename"], "QueryRoot");
    assert_request_error(
        &missing,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_USER_INPUT",
    );
}

#[tokio::test]
async fn an_optional_variable_or_one_with_a_default_may_be_left_out() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let optional = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": "query($n: Int) { organizations(first: $n) { edges { node { id } } } }" }),
    )
    .await;
    let defaulted = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some(&token),
        json!({ "query": "query($n: Int! = 2) { organizations(first: $n) { edges { node { id } } } }" }),
    )
    .await;

    // Assert
    assert_eq!(optional.status, StatusCode::OK, "{}", optional.body);
    assert!(optional.ok()["organizations"]["edges"].is_array());
    assert_eq!(defaulted.status, StatusCode::OK, "{}", defaulted.body);
    assert_eq!(
        defaulted.ok()["organizations"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn an_operation_name_not_in_the_document_is_400_without_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": TWO_OPERATIONS, "operationName": "C" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_REQUEST",
    );
}

#[tokio::test]
async fn the_operation_name_selects_one_of_several_operations() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": TWO_OPERATIONS, "operationName": "B" }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_field_error_is_200_with_null_data_as_graphql_response_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ organizations { edges { node { id } } } }" }),
    )
    .await;

    // Assert
    assert_field_error(&answer, GRAPHQL_RESPONSE_CT, "UNAUTHENTICATED");
}

// --- application/json --------------------------------------------------------------------

#[tokio::test]
async fn a_query_is_200_with_data_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(&app, Some(JSON), None, json!({ "query": "{ __typename }" })).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(content_type(&answer), JSON_CT);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_document_that_does_not_parse_is_200_without_data_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(&app, Some(JSON), None, json!({ "query": "{ viewer { id" })).await;

    // Assert
    assert_request_error(&answer, StatusCode::OK, JSON_CT, "GRAPHQL_PARSE_FAILED");
}

#[tokio::test]
async fn an_unknown_field_is_200_without_data_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        None,
        json!({ "query": "{ noSuchField }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::OK,
        JSON_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn a_variable_that_cannot_be_coerced_is_200_without_data_as_json() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        Some(&token),
        json!({ "query": ORGANIZATIONS_BY_VARIABLE, "variables": { "n": "abc" } }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(content_type(&answer), JSON_CT);
    assert!(answer.body.get("data").is_none(), "{}", answer.body);
    assert_eq!(
        answer.code(),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn a_missing_required_variable_is_200_without_data_as_json() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        Some(&token),
        json!({ "query": ORGANIZATIONS_BY_VARIABLE }),
    )
    .await;

    // Assert
    assert_request_error(&answer, StatusCode::OK, JSON_CT, "BAD_USER_INPUT");
}

#[tokio::test]
async fn an_operation_name_not_in_the_document_is_200_without_data_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        None,
        json!({ "query": TWO_OPERATIONS, "operationName": "C" }),
    )
    .await;

    // Assert
    assert_request_error(&answer, StatusCode::OK, JSON_CT, "BAD_REQUEST");
}

#[tokio::test]
async fn a_field_error_is_200_with_null_data_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        None,
        json!({ "query": "{ organizations { edges { node { id } } } }" }),
    )
    .await;

    // Assert
    assert_field_error(&answer, JSON_CT, "UNAUTHENTICATED");
}

// --- negotiation ---------------------------------------------------------------------------

#[tokio::test]
async fn a_request_without_accept_is_answered_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(&app, None, None, json!({ "query": "{ noSuchField }" })).await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::OK,
        JSON_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn a_request_accepting_anything_is_answered_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some("*/*"),
        None,
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(content_type(&answer), JSON_CT);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn graphql_response_json_is_preferred_when_both_are_accepted() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some("application/json;q=0.9, application/graphql-response+json"),
        None,
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(content_type(&answer), GRAPHQL_RESPONSE_CT);
}

#[tokio::test]
async fn a_request_accepting_only_plain_text_is_406() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some("text/plain"),
        None,
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::NOT_ACCEPTABLE, "{}", answer.body);
    assert_eq!(answer.code(), Some("NOT_ACCEPTABLE"));
    assert!(answer.body.get("data").is_none());
}

// --- malformed requests --------------------------------------------------------------------

#[tokio::test]
async fn a_body_that_is_not_json_is_400() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post_raw(&app, Some(JSON), "{ \"query\": ").await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_REQUEST",
    );
}

#[tokio::test]
async fn a_body_that_is_not_a_graphql_request_is_400() {
    // Arrange
    let app = spawn_app().await;
    let cases = [
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

    for body in cases {
        // Act
        let answer = post(&app, Some(GRAPHQL_RESPONSE), None, body.clone()).await;

        // Assert
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_request_error(
            &answer,
            StatusCode::BAD_REQUEST,
            GRAPHQL_RESPONSE_CT,
            "BAD_REQUEST",
        );
    }
}

#[tokio::test]
async fn a_body_that_is_not_a_graphql_request_is_400_as_json_too() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(&app, Some(JSON), None, json!({ "variables": {} })).await;

    // Assert
    assert_request_error(&answer, StatusCode::BAD_REQUEST, JSON_CT, "BAD_REQUEST");
}

#[tokio::test]
async fn a_batch_is_400_batch_not_supported() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!([{ "query": "{ __typename }" }, { "query": "{ __typename }" }]),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BATCH_NOT_SUPPORTED",
    );
}

#[tokio::test]
async fn a_post_without_content_type_is_415() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post_raw(&app, None, r#"{"query":"{ __typename }"}"#).await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        GRAPHQL_RESPONSE_CT,
        "UNSUPPORTED_MEDIA_TYPE",
    );
}

#[tokio::test]
async fn a_post_as_plain_text_is_415() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post_raw(&app, Some("text/plain"), r#"{"query":"{ __typename }"}"#).await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        GRAPHQL_RESPONSE_CT,
        "UNSUPPORTED_MEDIA_TYPE",
    );
}

#[tokio::test]
async fn a_post_as_json_with_a_utf8_charset_is_accepted() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post_raw(
        &app,
        Some("application/json; charset=utf-8"),
        r#"{"query":"{ __typename }"}"#,
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

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
async fn a_body_over_the_limit_is_413() {
    // Arrange
    let app = spawn_with_small_bodies().await;

    // Act
    let answer = post(&app, Some(GRAPHQL_RESPONSE), None, four_kilobytes()).await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::PAYLOAD_TOO_LARGE,
        GRAPHQL_RESPONSE_CT,
        "PAYLOAD_TOO_LARGE",
    );
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

#[tokio::test]
async fn a_body_under_the_limit_is_accepted() {
    // Arrange
    let app = spawn_with_small_bodies().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ __typename }", "variables": { "padding": "x".repeat(1024) } }),
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

// --- GET ---------------------------------------------------------------------------------

#[tokio::test]
async fn a_query_over_get_is_200_with_data() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(&app, Some(GRAPHQL_RESPONSE), &[("query", "{__typename}")]).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(content_type(&answer), GRAPHQL_RESPONSE_CT);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_query_over_get_without_accept_is_answered_as_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(&app, None, &[("query", "{__typename}")]).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(content_type(&answer), JSON_CT);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn variables_over_get_are_json_encoded() {
    // Arrange
    let app = spawn_app().await;
    let query = "query($i: Boolean!) { __typename viewer @include(if: $i) { id } }";

    // Act
    let included = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", query), ("variables", r#"{"i":true}"#)],
    )
    .await;
    let skipped = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", query), ("variables", r#"{"i":false}"#)],
    )
    .await;

    // Assert
    assert_eq!(included.status, StatusCode::OK, "{}", included.body);
    assert_eq!(
        included.ok(),
        &json!({ "__typename": "QueryRoot", "viewer": null })
    );
    assert_eq!(skipped.status, StatusCode::OK, "{}", skipped.body);
    assert_eq!(skipped.ok(), &json!({ "__typename": "QueryRoot" }));
}

#[tokio::test]
async fn a_missing_required_variable_over_get_is_400() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[(
            "query",
            "query($i: Boolean!) { viewer @include(if: $i) { id } }",
        )],
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_USER_INPUT",
    );
}

#[tokio::test]
async fn the_operation_name_over_get_selects_the_operation() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", TWO_OPERATIONS), ("operationName", "A")],
    )
    .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn malformed_variables_over_get_are_400() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", "{__typename}"), ("variables", "{not json")],
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_REQUEST",
    );
}

#[tokio::test]
async fn variables_over_get_that_are_not_an_object_are_400() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", "{__typename}"), ("variables", "[1,2]")],
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_REQUEST",
    );
}

#[tokio::test]
async fn a_get_without_a_query_is_400() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(&app, Some(GRAPHQL_RESPONSE), &[]).await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "BAD_REQUEST",
    );
}

#[tokio::test]
async fn a_mutation_over_get_is_405_allowing_post() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[("query", "mutation { logout }")],
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::METHOD_NOT_ALLOWED,
        GRAPHQL_RESPONSE_CT,
        "METHOD_NOT_ALLOWED",
    );
    assert_eq!(answer.headers[header::ALLOW], "POST");
}

#[tokio::test]
async fn a_mutation_chosen_by_operation_name_over_get_is_405() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = get(
        &app,
        Some(GRAPHQL_RESPONSE),
        &[
            ("query", "query Q { __typename } mutation M { logout }"),
            ("operationName", "M"),
        ],
    )
    .await;

    // Assert
    assert_eq!(
        answer.status,
        StatusCode::METHOD_NOT_ALLOWED,
        "{}",
        answer.body
    );
    assert_eq!(answer.headers[header::ALLOW], "POST");
}

#[tokio::test]
async fn a_browser_without_a_query_gets_graphiql() {
    // Arrange
    let app = spawn_app().await;

    // Act
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

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let media = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(media.starts_with("text/html"), "{media}");
    let html = response.text().await.unwrap();
    assert!(html.to_lowercase().contains("graphiql"));
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

// --- credentials ---------------------------------------------------------------------------

#[tokio::test]
async fn a_bad_token_is_401_unauthenticated_with_www_authenticate() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        Some("not-a-token"),
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::UNAUTHORIZED,
        GRAPHQL_RESPONSE_CT,
        "UNAUTHENTICATED",
    );
    let challenge = answer.headers[header::WWW_AUTHENTICATE].to_str().unwrap();
    assert!(challenge.starts_with("Bearer"), "{challenge}");
}

#[tokio::test]
async fn a_bad_token_is_401_as_json_too() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        Some("not-a-token"),
        json!({ "query": "{ __typename }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::UNAUTHORIZED,
        JSON_CT,
        "UNAUTHENTICATED",
    );
    assert!(answer.headers.contains_key(header::WWW_AUTHENTICATE));
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

const INTROSPECTION: &str = "{ __schema { types { name } } }";

#[tokio::test]
async fn anonymous_callers_cannot_introspect() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": INTROSPECTION }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn anonymous_callers_cannot_introspect_through_a_fragment() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(JSON),
        None,
        json!({ "query": "{ ...F } fragment F on QueryRoot { __schema { queryType { name } } }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::OK,
        JSON_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn anonymous_callers_cannot_look_up_a_type() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        None,
        json!({ "query": "{ __type(name: \"User\") { fields { name } } }" }),
    )
    .await;

    // Assert
    assert_request_error(
        &answer,
        StatusCode::BAD_REQUEST,
        GRAPHQL_RESPONSE_CT,
        "GRAPHQL_VALIDATION_FAILED",
    );
}

#[tokio::test]
async fn anonymous_callers_may_still_ask_for_typename() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = app
        .gql(None, "{ __typename viewer { id } }", json!({}))
        .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
    assert!(answer.ok()["viewer"].is_null());
}

#[tokio::test]
async fn a_signed_in_member_can_introspect() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app.gql(Some(&token), INTROSPECTION, json!({})).await;

    // Assert
    let types = answer.ok()["__schema"]["types"].as_array().unwrap();
    assert!(types.iter().any(|t| t["name"] == "Organization"));
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
    let types = answer.ok()["__schema"]["types"].as_array().unwrap();
    assert!(types.iter().any(|t| t["name"] == "Organization"));
}

#[tokio::test]
async fn anonymous_validation_errors_suggest_no_fields() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = app.gql(None, "{ viewr { id } }", json!({})).await;

    // Assert
    assert_eq!(answer.code(), Some("GRAPHQL_VALIDATION_FAILED"));
    assert!(
        !answer.body.to_string().contains("Did you mean"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn signed_in_validation_errors_may_suggest_fields() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app.gql(Some(&token), "{ viewr { id } }", json!({})).await;

    // Assert
    assert_eq!(answer.code(), Some("GRAPHQL_VALIDATION_FAILED"));
    assert!(
        answer.body.to_string().contains("Did you mean"),
        "{}",
        answer.body
    );
}
