//! GraphQL over WebSocket (`graphql-transport-ws`): every close code, every message rule and
//! every limit, against the real server. Only queries run here, so the tests hold whatever
//! the subscription root becomes.

use std::time::Duration;

use serde_json::{Value, json};
use tests::{
    Options, TestApp, spawn_app, spawn_app_with,
    ws::{self, PROTOCOL, WsClient},
};

const ANALYST: &str = "analyst@police.example";

async fn spawn_with(args: &[&str]) -> TestApp {
    spawn_app_with(Options {
        extra_args: args.iter().map(|a| (*a).to_owned()).collect(),
        ..Options::default()
    })
    .await
}

/// Signs in; returns the access token and the account's global id.
async fn sign_in(app: &TestApp, email: &str) -> (String, String) {
    let login = app.login_payload(email).await;
    (
        login["accessToken"].as_str().unwrap().to_owned(),
        login["user"]["id"].as_str().unwrap().to_owned(),
    )
}

fn codes(errors: &Value) -> Vec<&str> {
    errors
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["extensions"]["code"].as_str())
        .collect()
}

#[tokio::test]
async fn a_client_that_does_not_offer_the_subprotocol_is_closed_with_4406() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let mut ws = ws::connect(&app, None).await;

    // Assert
    assert_eq!(ws.expect_close(4406).await, "Subprotocol not acceptable");
}

#[tokio::test]
async fn a_client_that_never_sends_connection_init_is_closed_with_4408() {
    // Arrange
    let app = spawn_with(&["--ws-init-timeout", "1"]).await;

    // Act
    let mut ws = ws::connect(&app, Some(PROTOCOL)).await;
    // A ping is not an initialisation: the clock keeps running.
    ws.send_json(json!({ "type": "ping" })).await;
    ws.expect("pong", None).await;

    // Assert
    assert_eq!(
        ws.expect_close(4408).await,
        "Connection initialisation timeout"
    );
}

#[tokio::test]
async fn a_bad_credential_in_connection_init_is_closed_with_4403() {
    // Arrange
    let app = spawn_app().await;
    let payloads = [
        json!({ "authorization": "Bearer not-a-token" }),
        json!({ "Authorization": "Bearer a.b.c" }),
        json!({ "token": "aht_not_a_real_token" }),
        json!({ "authorization": "Basic YWxpY2U6c2VjcmV0" }),
        json!({ "authorization": 42 }),
    ];

    for payload in payloads {
        // Act
        let mut ws = ws::connect(&app, Some(PROTOCOL)).await;
        ws.init(payload.clone()).await;

        // Assert
        assert_eq!(ws.expect_close(4403).await, "Forbidden", "{payload}");
    }
}

#[tokio::test]
async fn a_token_in_authorization_or_token_signs_the_connection_in() {
    // Arrange
    let app = spawn_app().await;
    let (token, user_id) = sign_in(&app, ANALYST).await;
    let payloads = [
        json!({ "authorization": format!("Bearer {token}") }),
        json!({ "Authorization": format!("bearer {token}") }),
        json!({ "token": token }),
    ];

    for payload in payloads {
        // Act
        let mut ws = ws::connect_with(&app, payload.clone()).await;
        let result = ws.query("1", "{ viewer { id } }", json!({})).await;

        // Assert
        assert_eq!(result["data"]["viewer"]["id"], user_id, "{payload}");
        ws.close().await;
    }
}

#[tokio::test]
async fn an_api_token_signs_the_connection_in_as_its_service_account() {
    // Arrange
    let app = spawn_app().await;
    let (account_id, _, secret) = app.api_token("National CERT", &["read"]).await;

    // Act
    let mut ws = ws::connect_with(&app, json!({ "token": secret })).await;
    let result = ws.query("1", "{ viewer { id } }", json!({})).await;

    // Assert
    assert_eq!(result["data"]["viewer"]["id"], account_id);
}

#[tokio::test]
async fn a_second_connection_init_is_closed_with_4429() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act
    ws.init(Value::Null).await;

    // Assert
    assert_eq!(
        ws.expect_close(4429).await,
        "Too many initialisation requests"
    );
}

#[tokio::test]
async fn subscribe_before_the_acknowledgement_is_closed_with_4401() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect(&app, Some(PROTOCOL)).await;

    // Act
    ws.subscribe("1", "{ __typename }", json!({})).await;

    // Assert
    assert_eq!(ws.expect_close(4401).await, "Unauthorized");
}

#[tokio::test]
async fn subscribe_with_the_id_of_an_active_operation_is_closed_with_4409() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;
    let subscribe = WsClient::subscribe_message("same", "{ __typename }", json!({}));

    // Act: read together, the second arrives while the first is still active.
    ws.send_batch(&[subscribe.clone(), subscribe]).await;

    // Assert
    assert_eq!(
        ws.expect_close(4409).await,
        "Subscriber for same already exists"
    );
}

#[tokio::test]
async fn the_close_reason_for_a_huge_duplicate_id_stays_within_123_bytes() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;
    let id = "é".repeat(5_000);
    let subscribe = WsClient::subscribe_message(&id, "{ __typename }", json!({}));

    // Act
    ws.send_batch(&[subscribe.clone(), subscribe]).await;

    // Assert
    let reason = ws.expect_close(4409).await;
    assert!(reason.len() <= 123, "{} bytes", reason.len());
    assert!(reason.starts_with("Subscriber for éé"), "{reason}");
}

#[tokio::test]
async fn invalid_messages_are_closed_with_4400() {
    // Arrange
    let app = spawn_app().await;
    let invalid = [
        "not json".to_owned(),
        "[]".to_owned(),
        json!({ "type": "unknown" }).to_string(),
        json!({ "id": "1", "type": "next", "payload": {} }).to_string(),
        json!({ "type": "subscribe", "payload": { "query": "{ __typename }" } }).to_string(),
        json!({ "id": 1, "type": "subscribe", "payload": { "query": "{ __typename }" } })
            .to_string(),
        json!({ "id": "1", "type": "subscribe" }).to_string(),
        json!({ "id": "1", "type": "subscribe", "payload": { "query": 7 } }).to_string(),
        json!({ "type": "complete" }).to_string(),
        json!({ "type": "ping", "payload": "text" }).to_string(),
    ];

    for text in invalid {
        // Act
        let mut ws = ws::connect_as(&app, None).await;
        ws.send_text(text.clone()).await;

        // Assert
        let reason = ws.expect_close(4400).await;
        assert!(
            !reason.is_empty() && reason.len() <= 123,
            "{text}: {reason}"
        );
    }
}

#[tokio::test]
async fn a_binary_message_is_closed_with_4400() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act
    ws.send_binary(br#"{"type":"ping"}"#.to_vec()).await;

    // Assert
    ws.expect_close(4400).await;
}

#[tokio::test]
async fn ping_is_answered_with_pong_and_a_client_pong_is_ignored() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act
    ws.send_json(json!({ "type": "pong", "payload": { "unsolicited": true } }))
        .await;
    ws.send_json(json!({ "type": "ping", "payload": { "sent": 1 } }))
        .await;
    let echoed = ws.next_json().await;
    ws.send_json(json!({ "type": "ping" })).await;
    let bare = ws.next_json().await;

    // Assert
    assert_eq!(echoed, json!({ "type": "pong", "payload": { "sent": 1 } }));
    assert_eq!(bare, json!({ "type": "pong" }));
}

#[tokio::test]
async fn a_query_gets_one_next_then_complete() {
    // Arrange
    let app = spawn_app().await;
    let (token, user_id) = sign_in(&app, ANALYST).await;
    let mut ws = ws::connect_as(&app, Some(&token)).await;

    // Act
    let messages = ws
        .run("q1", "query Me { viewer { id email } }", json!({}))
        .await;

    // Assert
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        messages[0],
        json!({
            "id": "q1",
            "type": "next",
            "payload": { "data": { "viewer": { "id": user_id, "email": ANALYST } } }
        })
    );
    assert_eq!(messages[1], json!({ "id": "q1", "type": "complete" }));
}

#[tokio::test]
async fn the_id_of_a_finished_operation_can_be_used_again() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;
    ws.query("again", "{ __typename }", json!({})).await;

    // Act
    let result = ws.query("again", "{ __typename }", json!({})).await;

    // Assert
    assert_eq!(result["data"]["__typename"], "QueryRoot");
}

#[tokio::test]
async fn a_mutation_over_the_socket_runs_and_its_change_is_seen_at_once() {
    // Arrange
    let app = spawn_app().await;
    let (token, _) = sign_in(&app, ANALYST).await;
    let mut ws = ws::connect_as(&app, Some(&token)).await;
    app.gql(Some(&token), "{ viewer { id } }", json!({}))
        .await
        .ok();

    // Act
    let result = ws.query("out", "mutation { logout }", json!({})).await;

    // Assert: the cached account is gone with the session, here and over HTTP.
    assert_eq!(result["data"]["logout"], true);
    let refused = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn a_validation_failure_gets_one_error_and_no_complete() {
    // Arrange
    let app = spawn_app().await;
    let (token, _) = sign_in(&app, ANALYST).await;
    let mut ws = ws::connect_as(&app, Some(&token)).await;

    // Act
    let messages = ws.run("bad", "{ noSuchField }", json!({})).await;

    // Assert
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0]["type"], "error");
    assert_eq!(
        codes(&messages[0]["payload"]),
        ["GRAPHQL_VALIDATION_FAILED"]
    );
    // No `complete` follows: the next message is the answer to this ping.
    ws.send_json(json!({ "type": "ping" })).await;
    ws.expect("pong", None).await;
    // The connection still works.
    let result = ws.query("good", "{ viewer { email } }", json!({})).await;
    assert_eq!(result["data"]["viewer"]["email"], ANALYST);
}

#[tokio::test]
async fn an_operation_refused_by_the_limits_gets_one_error() {
    // Arrange
    let app = spawn_with(&["--max-query-depth", "3"]).await;
    let (token, _) = sign_in(&app, ANALYST).await;
    let mut ws = ws::connect_as(&app, Some(&token)).await;

    // Act
    let messages = ws
        .run(
            "deep",
            "{ users { edges { node { organization { id } } } } }",
            json!({}),
        )
        .await;

    // Assert
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0]["type"], "error");
    assert_eq!(codes(&messages[0]["payload"]), ["QUERY_TOO_DEEP"]);
}

#[tokio::test]
async fn a_client_complete_stops_the_operation_and_nothing_more_is_sent_for_it() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act: read together, the complete arrives before the operation has run.
    ws.send_batch(&[
        WsClient::subscribe_message("stop", "{ __typename }", json!({})),
        json!({ "id": "stop", "type": "complete" }),
        // An unknown id is ignored.
        json!({ "id": "never-started", "type": "complete" }),
    ])
    .await;

    // Assert
    ws.expect_silence(Duration::from_millis(500)).await;
    ws.send_json(json!({ "type": "ping" })).await;
    ws.expect("pong", None).await;
}

#[tokio::test]
async fn operations_beyond_the_connection_limit_get_an_error() {
    // Arrange
    let app = spawn_with(&["--ws-max-subscriptions", "2"]).await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act: three arrive together, two may run.
    ws.send_batch(&[
        WsClient::subscribe_message("a", "{ __typename }", json!({})),
        WsClient::subscribe_message("b", "{ __typename }", json!({})),
        WsClient::subscribe_message("c", "{ __typename }", json!({})),
    ])
    .await;
    let mut messages = Vec::new();
    for _ in 0..5 {
        messages.push(ws.next_json().await);
    }

    // Assert
    let refused = messages.iter().find(|m| m["id"] == "c").unwrap();
    assert_eq!(refused["type"], "error", "{messages:?}");
    assert_eq!(codes(&refused["payload"]), ["TOO_MANY_SUBSCRIPTIONS"]);
    for id in ["a", "b"] {
        let types: Vec<&str> = messages
            .iter()
            .filter(|m| m["id"] == id)
            .filter_map(|m| m["type"].as_str())
            .collect();
        assert_eq!(types, ["next", "complete"], "{id}: {messages:?}");
    }
    // Finished operations free their slots.
    ws.query("d", "{ __typename }", json!({})).await;
}

#[tokio::test]
async fn an_account_may_hold_only_its_limit_of_connections() {
    // Arrange
    let app = spawn_with(&["--ws-max-connections-per-user", "2"]).await;
    let (token, _) = sign_in(&app, ANALYST).await;
    let first = ws::connect_as(&app, Some(&token)).await;
    let _second = ws::connect_as(&app, Some(&token)).await;

    // Act
    let mut third = ws::connect(&app, Some(PROTOCOL)).await;
    third.init(json!({ "token": token })).await;

    // Assert
    assert_eq!(third.expect_close(1008).await, "too many connections");
    // Other accounts and anonymous connections are not counted against it.
    let (other, _) = sign_in(&app, "coordinator@hub.example").await;
    ws::connect_as(&app, Some(&other)).await;
    ws::connect_as(&app, None).await;
    // A closed connection frees its slot.
    first.close().await;
    let mut again = ws::connect_as(&app, Some(&token)).await;
    again.query("1", "{ __typename }", json!({})).await;
}

#[tokio::test]
async fn a_message_over_the_size_limit_is_closed_with_1009() {
    // Arrange
    let app = spawn_with(&["--ws-max-message-bytes", "1024"]).await;
    let mut ws = ws::connect_as(&app, None).await;
    let padding = "x".repeat(900);
    // Just under the limit is fine.
    ws.send_json(json!({ "type": "ping", "payload": { "p": padding } }))
        .await;
    ws.expect("pong", None).await;

    // Act
    let large = "x".repeat(2_000);
    ws.send_json(json!({ "type": "ping", "payload": { "p": large } }))
        .await;

    // Assert
    ws.expect_close(1009).await;
}

#[tokio::test]
async fn the_connection_closes_with_4403_when_its_access_token_expires() {
    // Arrange
    let app = spawn_with(&["--access-token-ttl", "2"]).await;
    let (token, _) = sign_in(&app, ANALYST).await;
    let mut ws = ws::connect_as(&app, Some(&token)).await;
    ws.query("1", "{ viewer { email } }", json!({})).await;

    // Act: nothing; the token's two seconds run out.

    // Assert
    assert_eq!(ws.expect_close(4403).await, "Token expired");
}

#[tokio::test]
async fn closing_an_accounts_connections_closes_each_with_4403() {
    // Arrange
    let app = spawn_app().await;
    let (token, user_id) = sign_in(&app, ANALYST).await;
    let (other, _) = sign_in(&app, "coordinator@hub.example").await;
    let mut first = ws::connect_as(&app, Some(&token)).await;
    let mut second = ws::connect_as(&app, Some(&token)).await;
    let mut bystander = ws::connect_as(&app, Some(&other)).await;
    let (_, user_id) = api::ids::decode_any(&user_id).unwrap();

    // Act
    let told = app.state().websockets.close_user(user_id);

    // Assert
    assert_eq!(told, 2);
    assert_eq!(first.expect_close(4403).await, "Forbidden");
    assert_eq!(second.expect_close(4403).await, "Forbidden");
    bystander.query("1", "{ __typename }", json!({})).await;
}

#[tokio::test]
async fn an_anonymous_connection_gets_what_the_anonymous_schema_allows() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = ws::connect_as(&app, None).await;

    // Act
    let typename = ws.query("1", "{ __typename }", json!({})).await;
    let introspection = ws
        .run("2", "{ __schema { queryType { name } } }", json!({}))
        .await;

    // Assert
    assert_eq!(typename, json!({ "data": { "__typename": "QueryRoot" } }));
    assert_eq!(introspection.len(), 1, "{introspection:?}");
    assert_eq!(introspection[0]["type"], "error");
    assert_eq!(
        codes(&introspection[0]["payload"]),
        ["GRAPHQL_VALIDATION_FAILED"]
    );
}

#[tokio::test]
async fn open_sockets_are_counted_in_the_metrics() {
    // Arrange
    let app = spawn_app().await;
    // Act
    let ws = ws::connect_as(&app, None).await;
    let open = app.metric("websocket_connections").await;
    ws.close().await;

    // Assert
    assert_eq!(open, Some(1.0));
    // The server lets go of the socket just after it answers the close.
    let deadline = tokio::time::Instant::now() + ws::WAIT;
    while app.metric("websocket_connections").await != Some(0.0) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the gauge stayed up"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_plain_get_on_graphql_is_still_graphql_over_http() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let response = app
        .client
        .get(format!("{}?query=%7B__typename%7D", app.graphql_url()))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({ "data": { "__typename": "QueryRoot" } }));
}

#[tokio::test]
async fn the_graphql_ws_client_from_npm_runs_a_query_signed_in() {
    // Arrange
    let app = spawn_app().await;
    let (token, user_id) = sign_in(&app, ANALYST).await;

    // Act
    let run = ws::run_graphql_ws_client(&app, Some(&token), "{ viewer { id email } }").await;

    // Assert
    assert_eq!(run.exit_code, Some(0), "{run:?}");
    assert_eq!(
        run.results,
        [json!({ "data": { "viewer": { "id": user_id, "email": ANALYST } } })]
    );
    assert_eq!(run.error, None);
}

#[tokio::test]
async fn the_graphql_ws_client_from_npm_sees_errors_and_refusals() {
    // Arrange
    let app = spawn_app().await;
    let (token, _) = sign_in(&app, ANALYST).await;

    // Act
    let invalid = ws::run_graphql_ws_client(&app, Some(&token), "{ noSuchField }").await;
    let anonymous = ws::run_graphql_ws_client(&app, None, "{ __typename }").await;
    let forbidden = ws::run_graphql_ws_client(&app, Some("not-a-token"), "{ __typename }").await;

    // Assert
    assert_eq!(invalid.exit_code, Some(1), "{invalid:?}");
    let errors = &invalid.error.as_ref().unwrap()["errors"];
    assert_eq!(codes(errors), ["GRAPHQL_VALIDATION_FAILED"], "{invalid:?}");
    assert_eq!(anonymous.exit_code, Some(0), "{anonymous:?}");
    assert_eq!(
        anonymous.results,
        [json!({ "data": { "__typename": "QueryRoot" } })]
    );
    assert_eq!(forbidden.exit_code, Some(1), "{forbidden:?}");
    assert_eq!(
        forbidden.error,
        Some(json!({ "close": { "code": 4403, "reason": "Forbidden" } }))
    );
}
