//! Access tokens that were tampered with, forged or are simply not ours are refused with
//! HTTP 401 and `UNAUTHENTICATED` — never treated as an anonymous request.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{JWT_SECRET, TestApp, spawn_app};

const ISSUER: &str = "http://127.0.0.1:8080";
const AUDIENCE: &str = "alliance-hub";

/// POSTs `{ viewer { email } }` with this exact `Authorization` header value.
async fn viewer_with_authorization(app: &TestApp, authorization: &str) -> tests::Answer {
    let response = app
        .client
        .post(app.graphql_url())
        .header("accept", tests::GRAPHQL_RESPONSE)
        .header("authorization", authorization)
        .json(&json!({ "query": "{ viewer { email } }" }))
        .send()
        .await
        .unwrap();
    TestApp::answer(response).await
}

/// Asserts the header is refused outright: 401, `UNAUTHENTICATED`, no `data` at all.
async fn assert_refused(app: &TestApp, authorization: &str, case: &str) {
    let answer = viewer_with_authorization(app, authorization).await;
    assert_eq!(
        answer.status,
        StatusCode::UNAUTHORIZED,
        "{case}: {}",
        answer.body
    );
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "{case}");
    assert!(answer.body.get("data").is_none(), "{case}: {}", answer.body);
    assert!(
        answer.headers.contains_key("www-authenticate"),
        "{case}: no WWW-Authenticate"
    );
}

/// A real access token of the analyst, and its claims.
async fn real_token(app: &TestApp) -> (String, Value) {
    let token = app.login("analyst@police.example").await;
    let payload = token.split('.').nth(1).unwrap();
    let claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    (token, claims)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Signs claims with HS256 and a secret.
fn sign(claims: &Value, secret: &str) -> String {
    sign_with(Algorithm::HS256, claims, secret)
}

fn sign_with(algorithm: Algorithm, claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn encode_part(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

/// The claims of a real token with some fields replaced.
fn claims_with(claims: &Value, changes: Value) -> Value {
    let mut claims = claims.clone();
    for (key, value) in changes.as_object().unwrap() {
        claims[key] = value.clone();
    }
    claims
}

#[tokio::test]
async fn a_token_made_with_the_server_key_and_the_right_claims_is_accepted() {
    // Arrange: proves the forgeries below fail for what they change, not for how they are made.
    let app = spawn_app().await;
    let (_, claims) = real_token(&app).await;
    assert_eq!(claims["iss"], ISSUER);
    assert_eq!(claims["aud"], AUDIENCE);
    let token = sign(
        &claims_with(&claims, json!({ "iat": now(), "exp": now() + 300 })),
        tests::JWT_SECRET,
    );

    // Act
    let answer = app
        .gql(Some(&token), "{ viewer { email } }", json!({}))
        .await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.ok()["viewer"]["email"], "analyst@police.example");
}

#[tokio::test]
async fn an_unsigned_alg_none_token_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (token, claims) = real_token(&app).await;
    let header = encode_part(&json!({ "alg": "none", "typ": "JWT" }));
    let payload = encode_part(&claims);
    let real_signature = token.rsplit('.').next().unwrap();

    // Act / Assert
    assert_refused(&app, &format!("Bearer {header}.{payload}."), "alg none").await;
    assert_refused(
        &app,
        &format!("Bearer {header}.{payload}.{real_signature}"),
        "alg none, real signature",
    )
    .await;
    let none_upper = encode_part(&json!({ "alg": "None", "typ": "JWT" }));
    assert_refused(&app, &format!("Bearer {none_upper}.{payload}."), "alg None").await;
}

#[tokio::test]
async fn a_token_signed_with_another_key_or_algorithm_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, claims) = real_token(&app).await;
    let other_key = sign(&claims, "another-secret-another-secret-another-secret");
    let other_algorithm = sign_with(Algorithm::HS512, &claims, JWT_SECRET);

    // Act / Assert
    assert_refused(&app, &format!("Bearer {other_key}"), "another key").await;
    assert_refused(&app, &format!("Bearer {other_algorithm}"), "HS512").await;
}

#[tokio::test]
async fn a_token_whose_payload_was_changed_is_refused() {
    // Arrange: the analyst's token, rewritten to be the admin's, keeping the signature.
    let app = spawn_app().await;
    let admin = app.login_payload("admin@hub.example").await;
    let admin_id = admin["user"]["id"].as_str().unwrap();
    let admin_uuid = String::from_utf8(URL_SAFE_NO_PAD.decode(admin_id).unwrap()).unwrap();
    let admin_uuid = admin_uuid.strip_prefix("User:").unwrap();
    let (token, claims) = real_token(&app).await;
    let parts: Vec<&str> = token.split('.').collect();
    let forged = |changes: Value| {
        let payload = encode_part(&claims_with(&claims, changes));
        format!("Bearer {}.{payload}.{}", parts[0], parts[2])
    };

    // Act / Assert
    assert_refused(&app, &forged(json!({ "sub": admin_uuid })), "sub changed").await;
    assert_refused(
        &app,
        &forged(json!({ "exp": now() + 86_400 })),
        "exp changed",
    )
    .await;
    // The original token still works: only the changes are refused.
    let answer = app
        .gql(Some(&token), "{ viewer { email } }", json!({}))
        .await;
    assert_eq!(answer.ok()["viewer"]["email"], "analyst@police.example");
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, claims) = real_token(&app).await;
    let expired = sign(
        &claims_with(&claims, json!({ "iat": now() - 120, "exp": now() - 60 })),
        JWT_SECRET,
    );
    let just_expired = sign(
        &claims_with(&claims, json!({ "iat": now() - 120, "exp": now() - 1 })),
        JWT_SECRET,
    );

    // Act / Assert
    assert_refused(&app, &format!("Bearer {expired}"), "expired").await;
    assert_refused(&app, &format!("Bearer {just_expired}"), "just expired").await;
}

#[tokio::test]
async fn a_token_for_another_issuer_or_audience_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, claims) = real_token(&app).await;
    let cases = [
        ("wrong iss", json!({ "iss": "https://evil.example" })),
        ("wrong aud", json!({ "aud": "another-service" })),
        (
            "aud list without ours",
            json!({ "aud": ["another-service"] }),
        ),
    ];

    // Act / Assert
    for (case, changes) in cases {
        let token = sign(&claims_with(&claims, changes), JWT_SECRET);
        assert_refused(&app, &format!("Bearer {token}"), case).await;
    }
}

#[tokio::test]
async fn a_token_missing_required_claims_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, claims) = real_token(&app).await;

    // Act / Assert
    for claim in ["exp", "iss", "aud", "sub", "sid"] {
        let mut incomplete = claims.clone();
        incomplete.as_object_mut().unwrap().remove(claim);
        let token = sign(&incomplete, JWT_SECRET);
        assert_refused(&app, &format!("Bearer {token}"), claim).await;
    }
}

#[tokio::test]
async fn a_garbage_bearer_value_is_refused() {
    // Arrange
    let app = spawn_app().await;

    // Act / Assert
    for value in [
        "Bearer garbage",
        "Bearer a.b.c",
        "Bearer ...",
        "Bearer aht_not-a-real-token",
        "Bearer ahr_a-refresh-token-is-not-an-access-token",
        "Bearer ",
        "Bearer",
    ] {
        assert_refused(&app, value, value).await;
    }
}

#[tokio::test]
async fn a_non_bearer_authorization_scheme_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (token, _) = real_token(&app).await;

    // Act / Assert
    assert_refused(&app, "Basic YWRtaW46YWxsaWFuY2UtZGVtbw==", "Basic").await;
    assert_refused(&app, &format!("Token {token}"), "Token scheme").await;
    assert_refused(&app, &token, "no scheme").await;
}

#[tokio::test]
async fn an_authorization_header_that_is_not_text_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let value = reqwest::header::HeaderValue::from_bytes(b"Bearer \xff\xfe").unwrap();

    // Act
    let response = app
        .client
        .post(app.graphql_url())
        .header("accept", tests::GRAPHQL_RESPONSE)
        .header(reqwest::header::AUTHORIZATION, value)
        .json(&json!({ "query": "{ viewer { id } }" }))
        .send()
        .await
        .unwrap();
    let answer = TestApp::answer(response).await;

    // Assert
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
}
