//! API tokens of service accounts: scopes, expiry, revocation, suspension, the secret shown
//! once, and who may manage them.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};

const ORGANIZATIONS: &str = "{ organizations(first: 100) { edges { node { id name } } } }";
const CREATE_SERVICE_ACCOUNT: &str = "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"SIEM\" }) { id kind role } }";
const CREATE_TOKEN: &str = "mutation($a: ID!, $s: [String!]!, $x: DateTime) { createApiToken(input: { serviceAccountId: $a, name: \"siem\", scopes: $s, expiresAt: $x }) { token apiToken { id prefix scopes expiresAt active } } }";
const API_TOKENS: &str =
    "{ apiTokens(first: 100) { edges { node { id name prefix scopes active revokedAt } } } }";
const REVOKE: &str = "mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt active } }";

async fn create_service_account(app: &TestApp, staff: &str, organization: &str) -> Answer {
    app.gql(
        Some(staff),
        CREATE_SERVICE_ACCOUNT,
        json!({ "o": organization }),
    )
    .await
}

async fn create_token(
    app: &TestApp,
    staff: Option<&str>,
    account_id: &str,
    scopes: &[&str],
    expires_at: Option<DateTime<Utc>>,
) -> Answer {
    app.gql(
        staff,
        CREATE_TOKEN,
        json!({ "a": account_id, "s": scopes, "x": expires_at.map(|at| at.to_rfc3339()) }),
    )
    .await
}

/// A service account of the National CERT, made by an admin; returns (admin token, account id).
async fn service_account(app: &TestApp) -> (String, String) {
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let answer = create_service_account(app, &admin, &org).await;
    let id = answer.ok()["createServiceAccount"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (admin, id)
}

async fn organizations(app: &TestApp, token: &str) -> Answer {
    app.gql(Some(token), ORGANIZATIONS, json!({})).await
}

/// Asserts the credential is refused outright: HTTP 401, `UNAUTHENTICATED`.
async fn assert_refused(app: &TestApp, token: &str) {
    let answer = organizations(app, token).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
}

/// Asserts the credential lists organisations.
async fn assert_works(app: &TestApp, token: &str) {
    let answer = organizations(app, token).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        !answer.ok()["organizations"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_token_with_the_read_scope_can_list_organisations() {
    // Arrange
    let app = spawn_app().await;
    let (_, _, secret) = app.api_token("National CERT", &["read"]).await;

    // Act
    let answer = organizations(&app, &secret).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    let names: Vec<&str> = answer.ok()["organizations"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"National CERT"));
    assert!(names.contains(&"National Police Cybercrime Unit"));
    // A service account is a member: it sees only verified organisations.
    assert!(!names.contains(&"Newcomer Security Ltd"));
}

#[tokio::test]
async fn a_token_without_a_directory_scope_is_forbidden_the_lists_and_finds_no_organisation() {
    // Arrange
    let app = spawn_app().await;
    let (_, _, secret) = app.api_token("National CERT", &["alerts:read"]).await;
    let own_org = app.organization_id("National CERT").await;

    // Act
    let listed = organizations(&app, &secret).await;
    let users = app
        .gql(
            Some(&secret),
            "{ users { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let node = app
        .gql(
            Some(&secret),
            "query($id: ID!) { node(id: $id) { id ... on Organization { name } } }",
            json!({ "id": own_org }),
        )
        .await;

    // Assert
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.code(), Some("FORBIDDEN"), "{}", listed.body);
    assert!(listed.data().is_null());
    assert_eq!(users.code(), Some("FORBIDDEN"), "{}", users.body);
    assert_eq!(node.code(), Some("NOT_FOUND"), "{}", node.body);
    assert!(node.data()["node"].is_null());
}

#[tokio::test]
async fn an_expired_token_is_refused_with_401() {
    // Arrange
    let app = spawn_app().await;
    let (admin, account) = service_account(&app).await;
    let expires_at = Utc::now() + chrono::Duration::seconds(2);
    let created = create_token(&app, Some(&admin), &account, &["read"], Some(expires_at)).await;
    let created = created.ok()["createApiToken"].clone();
    let secret = created["token"].as_str().unwrap();
    assert_eq!(created["apiToken"]["active"], true);
    assert_works(&app, secret).await;

    // Act: let the expiry pass (the only wait in these tests: time must pass).
    let wait = (expires_at - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + std::time::Duration::from_millis(250)).await;

    // Assert
    assert_refused(&app, secret).await;
    let listed = app.gql(Some(&admin), API_TOKENS, json!({})).await;
    assert_eq!(
        listed.ok()["apiTokens"]["edges"][0]["node"]["active"],
        false
    );
}

#[tokio::test]
async fn a_revoked_token_is_refused_at_once() {
    // Arrange
    let app = spawn_app().await;
    let (_, token_id, secret) = app.api_token("National CERT", &["read"]).await;
    assert_works(&app, &secret).await;
    let admin = app.login("admin@hub.example").await;

    // Act
    let revoked = app
        .gql(Some(&admin), REVOKE, json!({ "id": token_id }))
        .await;

    // Assert
    let revoked = &revoked.ok()["revokeApiToken"];
    assert_eq!(revoked["active"], false);
    assert!(revoked["revokedAt"].is_string());
    assert_refused(&app, &secret).await;
}

#[tokio::test]
async fn suspending_the_service_account_shuts_out_its_token() {
    // Arrange
    let app = spawn_app().await;
    let (account_id, _, secret) = app.api_token("National CERT", &["read"]).await;
    assert_works(&app, &secret).await;
    let admin = app.login("admin@hub.example").await;

    // Act
    let suspended = app
        .gql(
            Some(&admin),
            "mutation($id: ID!) { suspendUser(id: $id) { status } }",
            json!({ "id": account_id }),
        )
        .await;

    // Assert
    assert_eq!(suspended.ok()["suspendUser"]["status"], "SUSPENDED");
    assert_refused(&app, &secret).await;
}

#[tokio::test]
async fn a_token_can_never_do_administrative_work_even_with_the_write_scope() {
    // Arrange: a write-everything token of a service account in the hub's own organisation.
    let app = spawn_app().await;
    let (account_id, _, secret) = app
        .api_token("Global Cybercrime Innovation Hub", &["write"])
        .await;
    let hub = app
        .organization_id("Global Cybercrime Innovation Hub")
        .await;

    // Act
    let create_org = app
        .gql(
            Some(&secret),
            "mutation { createOrganization(input: { name: \"Token Made\", kind: VENDOR, country: \"NL\" }) { id } }",
            json!({}),
        )
        .await;
    let verify_org = app
        .gql(
            Some(&secret),
            "mutation($id: ID!) { verifyOrganization(id: $id) { id } }",
            json!({ "id": hub }),
        )
        .await;
    let new_service_account = create_service_account(&app, &secret, &hub).await;
    let new_token = create_token(&app, Some(&secret), &account_id, &["write"], None).await;
    let listed_tokens = app.gql(Some(&secret), API_TOKENS, json!({})).await;
    let audit = app
        .gql(
            Some(&secret),
            "{ auditEvents { edges { node { id } } } }",
            json!({}),
        )
        .await;

    // Assert
    for (case, answer) in [
        ("createOrganization", &create_org),
        ("verifyOrganization", &verify_org),
        ("createServiceAccount", &new_service_account),
        ("createApiToken", &new_token),
        ("apiTokens", &listed_tokens),
        ("auditEvents", &audit),
    ] {
        assert_eq!(answer.status, StatusCode::OK, "{case}");
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{case}: {}", answer.body);
        assert!(answer.data().is_null(), "{case}: {}", answer.body);
    }
}

#[tokio::test]
async fn the_secret_is_shown_once_and_afterwards_only_its_prefix() {
    // Arrange
    let app = spawn_app().await;
    let (admin, account) = service_account(&app).await;

    // Act
    let created = create_token(
        &app,
        Some(&admin),
        &account,
        &["read", "alerts:write"],
        None,
    )
    .await;

    // Assert
    let created = created.ok()["createApiToken"].clone();
    let secret = created["token"].as_str().unwrap();
    let token_id = created["apiToken"]["id"].as_str().unwrap();
    assert!(secret.starts_with("aht_"), "{secret}");
    assert!(secret.len() > 40, "a secret needs entropy: {secret}");
    assert!(secret.starts_with(created["apiToken"]["prefix"].as_str().unwrap()));
    assert_eq!(
        created["apiToken"]["scopes"],
        json!(["read", "alerts:write"])
    );
    let listed = app.gql(Some(&admin), API_TOKENS, json!({})).await;
    let node = &listed.ok()["apiTokens"]["edges"][0]["node"];
    assert_eq!(node["id"], token_id);
    assert_eq!(node["prefix"], created["apiToken"]["prefix"]);
    assert!(node["prefix"].as_str().unwrap().len() < secret.len() / 2);
    assert!(!listed.body.to_string().contains(secret));
    let by_id = app
        .gql(
            Some(&admin),
            "query($id: ID!) { node(id: $id) { ... on ApiToken { prefix name } } }",
            json!({ "id": token_id }),
        )
        .await;
    assert_eq!(by_id.ok()["node"]["prefix"], node["prefix"]);
    assert!(!by_id.body.to_string().contains(secret));
    let asking_for_secret = app
        .gql(
            Some(&admin),
            "{ apiTokens { edges { node { token } } } }",
            json!({}),
        )
        .await;
    assert_eq!(asking_for_secret.code(), Some("GRAPHQL_VALIDATION_FAILED"));
}

#[tokio::test]
async fn an_unknown_scope_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let (admin, account) = service_account(&app).await;

    // Act / Assert
    for scopes in [&["admin"][..], &["alerts:delete"], &["nowhere:read"], &[]] {
        let answer = create_token(&app, Some(&admin), &account, scopes, None).await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{scopes:?}: {}",
            answer.body
        );
        assert_eq!(
            answer.body["errors"][0]["extensions"]["field"], "scopes",
            "{scopes:?}"
        );
    }
    let listed = app.gql(Some(&admin), API_TOKENS, json!({})).await;
    assert_eq!(listed.ok()["apiTokens"]["edges"], json!([]));
}

#[tokio::test]
async fn an_expiry_in_the_past_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let (admin, account) = service_account(&app).await;
    let yesterday = Utc::now() - chrono::Duration::days(1);

    // Act
    let answer = create_token(&app, Some(&admin), &account, &["read"], Some(yesterday)).await;

    // Assert
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    assert_eq!(answer.body["errors"][0]["extensions"]["field"], "expiresAt");
}

#[tokio::test]
async fn members_are_forbidden_to_create_or_list_tokens() {
    // Arrange
    let app = spawn_app().await;
    let (_, account) = service_account(&app).await;
    let member = app.login("handler@cert.example").await;
    let own_org = app.organization_id("National CERT").await;

    // Act
    let created = create_token(&app, Some(&member), &account, &["read"], None).await;
    let listed = app.gql(Some(&member), API_TOKENS, json!({})).await;
    let new_account = create_service_account(&app, &member, &own_org).await;

    // Assert
    for (case, answer) in [
        ("createApiToken", created),
        ("apiTokens", listed),
        ("createServiceAccount", new_account),
    ] {
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{case}: {}", answer.body);
        assert!(answer.data().is_null(), "{case}");
    }
}

#[tokio::test]
async fn anonymous_callers_cannot_create_or_list_tokens() {
    // Arrange
    let app = spawn_app().await;
    let (_, account) = service_account(&app).await;

    // Act
    let created = create_token(&app, None, &account, &["read"], None).await;
    let listed = app.gql(None, API_TOKENS, json!({})).await;

    // Assert
    for (case, answer) in [("createApiToken", created), ("apiTokens", listed)] {
        assert_eq!(answer.status, StatusCode::OK, "{case}");
        assert_eq!(
            answer.code(),
            Some("UNAUTHENTICATED"),
            "{case}: {}",
            answer.body
        );
        assert!(answer.data().is_null(), "{case}");
    }
}

#[tokio::test]
async fn coordinators_can_create_list_and_revoke_tokens() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let account = create_service_account(&app, &coordinator, &org).await;
    let account: Value = account.ok()["createServiceAccount"].clone();
    assert_eq!(account["kind"], "SERVICE");
    assert_eq!(account["role"], "MEMBER");

    // Act
    let created = create_token(
        &app,
        Some(&coordinator),
        account["id"].as_str().unwrap(),
        &["directory:read"],
        None,
    )
    .await;

    // Assert
    let created = created.ok()["createApiToken"].clone();
    let secret = created["token"].as_str().unwrap();
    assert_works(&app, secret).await;
    let listed = app.gql(Some(&coordinator), API_TOKENS, json!({})).await;
    assert_eq!(
        listed.ok()["apiTokens"]["edges"][0]["node"]["id"],
        created["apiToken"]["id"]
    );
    let revoked = app
        .gql(
            Some(&coordinator),
            REVOKE,
            json!({ "id": created["apiToken"]["id"] }),
        )
        .await;
    assert_eq!(revoked.ok()["revokeApiToken"]["active"], false);
    assert_refused(&app, secret).await;
}

#[tokio::test]
async fn an_api_token_has_no_session_to_log_out_of() {
    // Arrange
    let app = spawn_app().await;
    let (_, _, secret) = app.api_token("National CERT", &["read"]).await;

    // Act
    let answer = app
        .gql(Some(&secret), "mutation { logout }", json!({}))
        .await;

    // Assert
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    assert_works(&app, &secret).await;
}

#[tokio::test]
async fn callers_without_the_role_learn_nothing_about_their_input() {
    // Arrange
    let app = spawn_app().await;
    let member = app.login("analyst@police.example").await;
    let create_token = "mutation { createApiToken(input: { serviceAccountId: \"garbage\", name: \"x\", scopes: [\"read\"] }) { token } }";
    let create_account = "mutation { createServiceAccount(input: { organizationId: \"garbage\", displayName: \"x\" }) { id } }";
    let create_user = "mutation { createUser(input: { email: \"a@b.example\", displayName: \"x\", password: \"long enough password\", organizationId: \"garbage\" }) { id } }";
    let suspend = "mutation { suspendUser(id: \"garbage\") { id } }";
    let verify = "mutation { verifyOrganization(id: \"garbage\") { id } }";
    let revoke = "mutation { revokeApiToken(id: \"garbage\") { id } }";

    for query in [
        create_token,
        create_account,
        create_user,
        suspend,
        verify,
        revoke,
    ] {
        // Act
        let anonymous = app.gql(None, query, json!({})).await;
        let as_member = app.gql(Some(&member), query, json!({})).await;

        // Assert: refused for who they are, not for the malformed id.
        assert_eq!(anonymous.code(), Some("UNAUTHENTICATED"), "{query}");
        assert_eq!(as_member.code(), Some("FORBIDDEN"), "{query}");
    }
}
