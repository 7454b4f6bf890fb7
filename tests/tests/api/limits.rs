//! Operation limits: each has its own code, and each refuses the request before it executes
//! (400 and no `data` as `application/graphql-response+json`).

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, TransactionTrait};
use serde_json::{Value, json};
use tests::{Answer, DEMO_PASSWORD, Options, TestApp, spawn_app, spawn_app_with};

async fn spawn_with(args: &[&str]) -> TestApp {
    spawn_app_with(Options {
        extra_args: args.iter().map(|a| (*a).to_owned()).collect(),
        ..Options::default()
    })
    .await
}

/// Refused before execution: 400, no `data`, this code.
fn assert_refused(answer: &Answer, code: &str) {
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(
        answer.body.get("data").is_none(),
        "a refused request has no data: {}",
        answer.body
    );
    assert_eq!(answer.codes(), vec![code.to_owned()], "{}", answer.body);
}

#[tokio::test]
async fn a_query_deeper_than_the_limit_is_query_too_deep() {
    // Arrange
    let app = spawn_with(&["--max-query-depth", "3"]).await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(
            Some(&token),
            "{ users { edges { node { organization { id } } } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_DEEP");
}

#[tokio::test]
async fn a_query_as_deep_as_the_limit_runs() {
    // Arrange
    let app = spawn_with(&["--max-query-depth", "3"]).await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(
            Some(&token),
            "{ viewer { organization { id } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.ok()["viewer"]["organization"]["id"].is_string());
}

#[tokio::test]
async fn depth_counts_the_fields_inside_fragments() {
    // Arrange
    let app = spawn_with(&["--max-query-depth", "3"]).await;

    // Act: viewer → organization → id is three levels, users → edges → node → id four.
    let within = app
        .gql(
            None,
            "{ viewer { ...U } } fragment U on User { organization { ... on Organization { id } } }",
            json!({}),
        )
        .await;
    let beyond = app
        .gql(
            None,
            "{ users { ...C } } fragment C on UserConnection { edges { node { id } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_eq!(within.status, StatusCode::OK, "{}", within.body);
    assert_refused(&beyond, "QUERY_TOO_DEEP");
}

#[tokio::test]
async fn a_query_more_complex_than_the_limit_is_query_too_complex() {
    // Arrange
    let app = spawn_with(&["--max-query-complexity", "50"]).await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(
            Some(&token),
            "{ organizations(first: 100) { edges { node { id } } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_COMPLEX");
}

#[tokio::test]
async fn complexity_follows_the_page_size_given_in_a_variable() {
    // Arrange
    let app = spawn_with(&["--max-query-complexity", "50"]).await;
    let token = app.login("analyst@police.example").await;
    let query = "query($n: Int) { organizations(first: $n) { edges { node { id } } } }";

    // Act
    let small = app.gql(Some(&token), query, json!({ "n": 2 })).await;
    let large = app.gql(Some(&token), query, json!({ "n": 100 })).await;

    // Assert
    assert_eq!(small.status, StatusCode::OK, "{}", small.body);
    assert!(small.ok()["organizations"]["edges"].is_array());
    assert_refused(&large, "QUERY_TOO_COMPLEX");
}

fn aliases(count: usize) -> String {
    let fields: Vec<String> = (0..count).map(|i| format!("a{i}: __typename")).collect();
    format!("{{ {} }}", fields.join(" "))
}

#[tokio::test]
async fn more_aliases_than_the_default_limit_are_query_too_many_aliases() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = app.gql(None, &aliases(31), json!({})).await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_MANY_ALIASES");
}

#[tokio::test]
async fn as_many_aliases_as_the_default_limit_run() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let answer = app.gql(None, &aliases(30), json!({})).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.ok()["a29"], "QueryRoot");
}

#[tokio::test]
async fn aliases_in_fragments_count_too() {
    // Arrange
    let app = spawn_with(&["--max-query-aliases", "2"]).await;

    // Act
    let answer = app
        .gql(
            None,
            "{ a: __typename ...F } fragment F on QueryRoot { b: __typename c: __typename }",
            json!({}),
        )
        .await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_MANY_ALIASES");
}

/// `count` aliased `viewer` fields, each with one directive.
fn included_viewers(count: usize) -> String {
    (0..count)
        .map(|i| format!("v{i}: viewer @include(if: true) {{ id }}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn more_directives_than_the_default_limit_are_query_too_many_directives() {
    // Arrange: 21 directives, and few enough aliases (20) not to trip that limit first.
    let app = spawn_app().await;
    let query = format!(
        "{{ viewer @include(if: true) {{ id }} {} }}",
        included_viewers(20)
    );

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_MANY_DIRECTIVES");
}

#[tokio::test]
async fn as_many_directives_as_the_default_limit_run() {
    // Arrange
    let app = spawn_app().await;
    let query = format!("{{ {} }}", included_viewers(20));

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.ok()["v19"].is_null());
}

#[tokio::test]
async fn a_document_larger_than_the_limit_is_query_too_large() {
    // Arrange
    let app = spawn_with(&["--max-query-bytes", "200"]).await;
    let query = format!("{{ __typename }} # {}", "x".repeat(200));

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_LARGE");
}

#[tokio::test]
async fn a_document_within_the_size_limit_runs() {
    // Arrange
    let app = spawn_with(&["--max-query-bytes", "200"]).await;
    let query = format!("{{ __typename }} # {}", "x".repeat(150));

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.ok()["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_document_with_more_tokens_than_the_limit_is_query_too_many_tokens() {
    // Arrange: 3 + 2 × 10 = 23 tokens.
    let app = spawn_with(&["--max-query-tokens", "20"]).await;
    let query = format!("{{ {} }}", "__typename ".repeat(21));

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_refused(&answer, "QUERY_TOO_MANY_TOKENS");
}

#[tokio::test]
async fn a_document_within_the_token_limit_runs() {
    // Arrange: `{`, 18 × `__typename`, `}` is 20 tokens.
    let app = spawn_with(&["--max-query-tokens", "20"]).await;
    let query = format!("{{ {} }}", "__typename ".repeat(18));

    // Act
    let answer = app.gql(None, &query, json!({})).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
}

#[tokio::test]
async fn limits_are_refused_with_200_as_json() {
    // Arrange
    let app = spawn_with(&["--max-query-depth", "3"]).await;

    // Act
    let response = app
        .client
        .post(app.graphql_url())
        .header("accept", "application/json")
        .json(&json!({ "query": "{ users { edges { node { organization { id } } } } }" }))
        .send()
        .await
        .unwrap();
    let answer = TestApp::answer(response).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.get("data").is_none(), "{}", answer.body);
    assert_eq!(answer.code(), Some("QUERY_TOO_DEEP"));
}

#[tokio::test]
async fn a_page_larger_than_100_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(
            Some(&token),
            "{ organizations(first: 101) { edges { node { id } } } }",
            json!({}),
        )
        .await;

    // Assert: checked by the field when it runs, so a field error with `data`.
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body.get("data"), Some(&Value::Null));
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    assert_eq!(answer.body["errors"][0]["extensions"]["field"], "first");
}

#[tokio::test]
async fn a_page_smaller_than_1_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(
            Some(&token),
            "{ organizations(first: 0) { edges { node { id } } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
}

/// graphql-js's `getIntrospectionQuery()`, as GraphiQL sends it.
const GRAPHIQL_INTROSPECTION: &str = r"
query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}
";

#[tokio::test]
async fn the_graphiql_introspection_query_runs_with_a_depth_limit_of_13() {
    // Arrange: its `TypeRef` fragment nests `ofType` seven times, 13 levels in all — one more
    // than the default limit of 12.
    let app = spawn_with(&["--max-query-depth", "13"]).await;
    let token = app.login("analyst@police.example").await;

    // Act
    let answer = app
        .gql(Some(&token), GRAPHIQL_INTROSPECTION, json!({}))
        .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.ok()["__schema"]["types"].is_array());
}

#[tokio::test]
async fn a_request_over_the_time_limit_is_504_timeout() {
    // Arrange: on SQLite the test can hold the database's write lock itself, so that signing
    // in (which writes a session) waits past REQUEST_TIMEOUT. PostgreSQL databases of the
    // harness are not reachable from here: nothing to do there.
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|url| !url.is_empty()) {
        return;
    }
    let app = spawn_with(&["--request-timeout", "1"]).await;
    let path = app.data_dir.path().join("alliance-hub.db");
    let db = Database::connect(format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let txn = db.begin().await.unwrap();
    txn.execute_unprepared("CREATE TABLE hold_the_write_lock (x INTEGER)")
        .await
        .unwrap();

    // Act
    let answer = app
        .gql(
            None,
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
            json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
        )
        .await;
    txn.rollback().await.unwrap();

    // Assert
    assert_eq!(
        answer.status,
        StatusCode::GATEWAY_TIMEOUT,
        "{}",
        answer.body
    );
    assert!(answer.body.get("data").is_none(), "{}", answer.body);
    assert_eq!(answer.code(), Some("TIMEOUT"));
}

#[tokio::test]
async fn a_kilobyte_of_nested_fragment_spreads_is_refused_at_once() {
    // Arrange: each fragment spreads the next twice, 2^30 fields once inlined.
    let app = tests::spawn_app().await;
    let token = app.login("analyst@police.example").await;
    let mut query = String::from("query { viewer { ...F0 } } ");
    for i in 0..30 {
        query.push_str(&format!(
            "fragment F{i} on User {{ ...F{n} ...F{n} }} ",
            n = i + 1
        ));
    }
    query.push_str("fragment F30 on User { id }");

    // Act
    let started = std::time::Instant::now();
    let answer = app.gql(Some(&token), &query, serde_json::json!({})).await;

    // Assert
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert_eq!(answer.code(), Some("QUERY_TOO_COMPLEX"));
    assert!(answer.body.get("data").is_none());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
}
