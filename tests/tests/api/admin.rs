//! Administration: organisations (coordinators and admins), accounts (admins), and the audit
//! log every change writes.

use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, DEMO_PASSWORD, TestApp, spawn_app};

const CREATE_ORG: &str = "mutation($name: String!, $country: String!) { createOrganization(input: { name: $name, kind: CERT, country: $country }) { id name kind country verified } }";
const UPDATE_ORG: &str = "mutation($id: ID!, $name: String, $country: String) { updateOrganization(id: $id, input: { name: $name, country: $country }) { id name country } }";
const VERIFY_ORG: &str = "mutation($id: ID!) { verifyOrganization(id: $id) { id verified } }";
const CREATE_USER: &str = "mutation($email: String!, $password: String!, $org: ID!) { createUser(input: { email: $email, displayName: \"New Person\", password: $password, organizationId: $org }) { id email role status organization { name } } }";
const SUSPEND_USER: &str = "mutation($id: ID!) { suspendUser(id: $id) { id status } }";
const RESET_PASSWORD: &str =
    "mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) { id } }";
const LOGIN: &str = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }";
const AUDIT: &str = "{ auditEvents(first: 100) { edges { node { id action targetType targetId requestId details actor { email } } } } }";
const NEW_PASSWORD: &str = "a-brand-new-passphrase";

/// POSTs a GraphQL request with our own `X-Request-Id`.
async fn gql_with_request_id(
    app: &TestApp,
    token: Option<&str>,
    request_id: &str,
    query: &str,
    variables: Value,
) -> Answer {
    let mut request = app
        .client
        .post(app.graphql_url())
        .header("accept", tests::GRAPHQL_RESPONSE)
        .header("x-request-id", request_id)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    TestApp::answer(request.send().await.unwrap()).await
}

async fn create_org(app: &TestApp, token: Option<&str>, name: &str, country: &str) -> Answer {
    app.gql(
        token,
        CREATE_ORG,
        json!({ "name": name, "country": country }),
    )
    .await
}

async fn login_with(app: &TestApp, email: &str, password: &str) -> Answer {
    app.gql(None, LOGIN, json!({ "e": email, "p": password }))
        .await
}

/// The audit log as the admin sees it, newest first.
async fn audit_events(app: &TestApp, admin: &str) -> Vec<Value> {
    let answer = app.gql(Some(admin), AUDIT, json!({})).await;
    answer.ok()["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

/// The one audit event written by a request.
fn event_of_request<'a>(events: &'a [Value], request_id: &str) -> &'a Value {
    let matching: Vec<&Value> = events
        .iter()
        .filter(|e| e["requestId"] == request_id)
        .collect();
    assert_eq!(matching.len(), 1, "events of {request_id}: {matching:?}");
    matching[0]
}

/// The raw UUID inside a global id.
fn raw_id(global_id: &Value) -> String {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let decoded = URL_SAFE_NO_PAD.decode(global_id.as_str().unwrap()).unwrap();
    let decoded = String::from_utf8(decoded).unwrap();
    decoded.split_once(':').unwrap().1.to_owned()
}

fn assert_code(answer: &Answer, code: &str, case: &str) {
    assert_eq!(answer.code(), Some(code), "{case}: {}", answer.body);
    assert!(answer.data().is_null(), "{case}: {}", answer.body);
}

#[tokio::test]
async fn coordinators_and_admins_create_update_and_verify_organisations() {
    // Arrange
    let app = spawn_app().await;

    for (email, name) in [
        ("coordinator@hub.example", "Baltic Grid CERT"),
        ("admin@hub.example", "Andean Police Lab"),
    ] {
        let token = app.login(email).await;

        // Act
        let created = create_org(&app, Some(&token), name, "ee").await;
        let created = created.ok()["createOrganization"].clone();
        let updated = app
            .gql(
                Some(&token),
                UPDATE_ORG,
                json!({ "id": created["id"], "name": format!("{name} (renamed)"), "country": "LT" }),
            )
            .await;
        let verified = app
            .gql(Some(&token), VERIFY_ORG, json!({ "id": created["id"] }))
            .await;

        // Assert
        assert_eq!(created["name"], name, "{email}");
        assert_eq!(created["kind"], "CERT");
        assert_eq!(created["country"], "EE", "country codes are upper-cased");
        assert_eq!(
            created["verified"], false,
            "new organisations start unverified"
        );
        let updated = &updated.ok()["updateOrganization"];
        assert_eq!(updated["name"], format!("{name} (renamed)"));
        assert_eq!(updated["country"], "LT");
        assert_eq!(verified.ok()["verifyOrganization"]["verified"], true);
    }
}

#[tokio::test]
async fn members_are_forbidden_to_manage_organisations_and_anonymous_callers_must_sign_in() {
    // Arrange
    let app = spawn_app().await;
    let target = app.organization_id("Newcomer Security Ltd").await;
    let member = app.login("analyst@police.example").await;
    let unverified_member = app.login("pending@unverified.example").await;
    let callers = [
        ("member", Some(member.as_str()), "FORBIDDEN"),
        (
            "unverified member",
            Some(unverified_member.as_str()),
            "FORBIDDEN",
        ),
        ("anonymous", None, "UNAUTHENTICATED"),
    ];

    for (caller, token, code) in callers {
        // Act
        let created = create_org(&app, token, "Not Allowed Ltd", "NL").await;
        let updated = app
            .gql(
                token,
                UPDATE_ORG,
                json!({ "id": target, "name": "Renamed" }),
            )
            .await;
        let verified = app.gql(token, VERIFY_ORG, json!({ "id": target })).await;

        // Assert
        assert_eq!(created.status, StatusCode::OK);
        assert_code(&created, code, &format!("{caller} creates"));
        assert_code(&updated, code, &format!("{caller} updates"));
        assert_code(&verified, code, &format!("{caller} verifies"));
    }
    let coordinator = app.login("coordinator@hub.example").await;
    let after = app
        .gql(
            Some(&coordinator),
            "query($id: ID!) { node(id: $id) { ... on Organization { name verified } } }",
            json!({ "id": target }),
        )
        .await;
    assert_eq!(
        after.ok()["node"],
        json!({ "name": "Newcomer Security Ltd", "verified": false })
    );
}

#[tokio::test]
async fn an_unknown_country_is_bad_user_input_on_the_country_field() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let existing = app.organization_id("National CERT").await;

    for country in ["XX", "NLD", ""] {
        // Act
        let created = create_org(&app, Some(&coordinator), "Nowhere Inc", country).await;
        let updated = app
            .gql(
                Some(&coordinator),
                UPDATE_ORG,
                json!({ "id": existing, "country": country }),
            )
            .await;

        // Assert
        for (case, answer) in [("create", created), ("update", updated)] {
            assert_code(&answer, "BAD_USER_INPUT", &format!("{case} {country:?}"));
            assert_eq!(answer.body["errors"][0]["extensions"]["field"], "country");
        }
    }
}

#[tokio::test]
async fn a_duplicate_organisation_name_is_a_conflict() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let other = app.organization_id("Continental Grid Operator").await;

    // Act
    let created = create_org(&app, Some(&coordinator), "National CERT", "FR").await;
    let padded = create_org(&app, Some(&coordinator), "  National CERT ", "FR").await;
    let renamed = app
        .gql(
            Some(&coordinator),
            UPDATE_ORG,
            json!({ "id": other, "name": "National CERT" }),
        )
        .await;

    // Assert
    assert_code(&created, "CONFLICT", "create");
    assert_code(&padded, "CONFLICT", "create with spaces");
    assert_code(&renamed, "CONFLICT", "rename");
}

#[tokio::test]
async fn an_admin_creates_a_user_who_can_then_sign_in() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National Police Cybercrime Unit").await;

    // Act
    let created = app
        .gql(
            Some(&admin),
            CREATE_USER,
            json!({ "email": " New.Officer@Police.example", "password": NEW_PASSWORD, "org": org }),
        )
        .await;

    // Assert
    let user = &created.ok()["createUser"];
    assert_eq!(user["email"], "new.officer@police.example");
    assert_eq!(user["role"], "MEMBER");
    assert_eq!(user["status"], "ACTIVE");
    assert_eq!(
        user["organization"]["name"],
        "National Police Cybercrime Unit"
    );
    let login = login_with(&app, "new.officer@police.example", NEW_PASSWORD).await;
    assert_eq!(login.ok()["login"]["user"]["id"], user["id"]);
}

#[tokio::test]
async fn coordinators_are_forbidden_to_manage_accounts() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let handler = app.login_payload("handler@cert.example").await;
    let handler_id = &handler["user"]["id"];

    // Act
    let created = app
        .gql(
            Some(&coordinator),
            CREATE_USER,
            json!({ "email": "someone@cert.example", "password": NEW_PASSWORD, "org": org }),
        )
        .await;
    let suspended = app
        .gql(
            Some(&coordinator),
            SUSPEND_USER,
            json!({ "id": handler_id }),
        )
        .await;
    let reset = app
        .gql(
            Some(&coordinator),
            RESET_PASSWORD,
            json!({ "id": handler_id, "p": NEW_PASSWORD }),
        )
        .await;

    // Assert
    assert_code(&created, "FORBIDDEN", "createUser");
    assert_code(&suspended, "FORBIDDEN", "suspendUser");
    assert_code(&reset, "FORBIDDEN", "resetPassword");
    login_with(&app, "handler@cert.example", DEMO_PASSWORD)
        .await
        .ok();
    let nobody = login_with(&app, "someone@cert.example", NEW_PASSWORD).await;
    assert_eq!(nobody.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn an_email_taken_in_another_case_is_a_conflict() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National CERT").await;

    // Act
    let answer = app
        .gql(
            Some(&admin),
            CREATE_USER,
            json!({ "email": "ANALYST@Police.Example", "password": NEW_PASSWORD, "org": org }),
        )
        .await;

    // Assert
    assert_code(&answer, "CONFLICT", "duplicate email");
    login_with(&app, "analyst@police.example", DEMO_PASSWORD)
        .await
        .ok();
}

#[tokio::test]
async fn a_short_password_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let handler = app.login_payload("handler@cert.example").await;

    // Act
    let created = app
        .gql(
            Some(&admin),
            CREATE_USER,
            json!({ "email": "short@cert.example", "password": "elevenchars", "org": org }),
        )
        .await;
    let reset = app
        .gql(
            Some(&admin),
            RESET_PASSWORD,
            json!({ "id": handler["user"]["id"], "p": "short" }),
        )
        .await;

    // Assert
    for (case, answer) in [("createUser", created), ("resetPassword", reset)] {
        assert_code(&answer, "BAD_USER_INPUT", case);
        assert_eq!(answer.body["errors"][0]["extensions"]["field"], "password");
    }
    login_with(&app, "handler@cert.example", DEMO_PASSWORD)
        .await
        .ok();
}

#[tokio::test]
async fn reset_password_replaces_the_old_password_and_ends_the_sessions() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let member = app.login_payload("analyst@police.example").await;
    let member_token = member["accessToken"].as_str().unwrap();

    // Act
    let reset = app
        .gql(
            Some(&admin),
            RESET_PASSWORD,
            json!({ "id": member["user"]["id"], "p": NEW_PASSWORD }),
        )
        .await;

    // Assert
    reset.ok();
    let old = login_with(&app, "analyst@police.example", DEMO_PASSWORD).await;
    assert_eq!(old.code(), Some("UNAUTHENTICATED"), "{}", old.body);
    let new = login_with(&app, "analyst@police.example", NEW_PASSWORD).await;
    assert_eq!(new.ok()["login"]["user"]["id"], member["user"]["id"]);
    let stale = app
        .gql(Some(member_token), "{ viewer { id } }", json!({}))
        .await;
    assert_eq!(stale.status, StatusCode::UNAUTHORIZED);
    assert_eq!(stale.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn every_change_writes_an_audit_event_with_its_actor_and_request_id() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let police = app.organization_id("National Police Cybercrime Unit").await;

    // Act: each change in a request with a request id of our own.
    let org = gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-org-create",
        CREATE_ORG,
        json!({ "name": "Audit Trail CERT", "country": "NO" }),
    )
    .await;
    let org_id = org.ok()["createOrganization"]["id"].clone();
    gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-org-update",
        UPDATE_ORG,
        json!({ "id": org_id, "country": "SE" }),
    )
    .await
    .ok();
    gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-org-verify",
        VERIFY_ORG,
        json!({ "id": org_id }),
    )
    .await
    .ok();
    let user = gql_with_request_id(
        &app,
        Some(&admin),
        "req-user-create",
        CREATE_USER,
        json!({ "email": "audited@police.example", "password": NEW_PASSWORD, "org": police }),
    )
    .await;
    let user_id = user.ok()["createUser"]["id"].clone();
    let login = gql_with_request_id(
        &app,
        None,
        "req-login",
        LOGIN,
        json!({ "e": "audited@police.example", "p": NEW_PASSWORD }),
    )
    .await;
    login.ok();
    gql_with_request_id(
        &app,
        Some(&admin),
        "req-user-reset",
        RESET_PASSWORD,
        json!({ "id": user_id, "p": DEMO_PASSWORD.repeat(2) }),
    )
    .await
    .ok();
    gql_with_request_id(
        &app,
        Some(&admin),
        "req-user-suspend",
        SUSPEND_USER,
        json!({ "id": user_id }),
    )
    .await
    .ok();
    let account = gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-account-create",
        "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"SIEM\" }) { id } }",
        json!({ "o": police }),
    )
    .await;
    let account_id = account.ok()["createServiceAccount"]["id"].clone();
    let token = gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-token-create",
        "mutation($a: ID!) { createApiToken(input: { serviceAccountId: $a, name: \"siem\", scopes: [\"read\"] }) { apiToken { id } } }",
        json!({ "a": account_id }),
    )
    .await;
    let token_id = token.ok()["createApiToken"]["apiToken"]["id"].clone();
    gql_with_request_id(
        &app,
        Some(&coordinator),
        "req-token-revoke",
        "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
        json!({ "id": token_id }),
    )
    .await
    .ok();

    // Assert
    let events = audit_events(&app, &admin).await;
    let expected = [
        (
            "req-org-create",
            "organization.create",
            "coordinator@hub.example",
            &org_id,
        ),
        (
            "req-org-update",
            "organization.update",
            "coordinator@hub.example",
            &org_id,
        ),
        (
            "req-org-verify",
            "organization.verify",
            "coordinator@hub.example",
            &org_id,
        ),
        (
            "req-user-create",
            "user.create",
            "admin@hub.example",
            &user_id,
        ),
        (
            "req-user-reset",
            "user.reset_password",
            "admin@hub.example",
            &user_id,
        ),
        (
            "req-user-suspend",
            "user.suspend",
            "admin@hub.example",
            &user_id,
        ),
        (
            "req-account-create",
            "service_account.create",
            "coordinator@hub.example",
            &account_id,
        ),
        (
            "req-token-create",
            "api_token.create",
            "coordinator@hub.example",
            &token_id,
        ),
        (
            "req-token-revoke",
            "api_token.revoke",
            "coordinator@hub.example",
            &token_id,
        ),
    ];
    for (request_id, action, actor, target) in expected {
        let event = event_of_request(&events, request_id);
        assert_eq!(event["action"], action, "{request_id}");
        assert_eq!(event["actor"]["email"], actor, "{request_id}");
        assert_eq!(event["targetId"], raw_id(target), "{request_id}");
    }
    let login_event = event_of_request(&events, "req-login");
    assert_eq!(login_event["action"], "session.login");
    assert_eq!(login_event["targetType"], "session");
    assert_eq!(login_event["actor"]["email"], "audited@police.example");
    let create_event = event_of_request(&events, "req-org-create");
    assert_eq!(create_event["details"]["name"], "Audit Trail CERT");
    let update_event = event_of_request(&events, "req-org-update");
    assert_eq!(
        update_event["details"]["country"],
        json!({ "from": "NO", "to": "SE" })
    );
    // Newest first: the revocation is the latest change.
    assert_eq!(events[0]["action"], "api_token.revoke");
    // Every event carries a request id, including the demo sign-ins made by the harness.
    assert!(events.iter().all(|e| e["requestId"].is_string()));
    let secret_free = serde_json::to_string(&events).unwrap();
    assert!(
        !secret_free.contains(NEW_PASSWORD),
        "passwords never reach the log"
    );
}

#[tokio::test]
async fn the_audit_log_is_for_admins_only() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let member = app.login("analyst@police.example").await;
    let query = "{ auditEvents { edges { node { id } } } }";

    // Act
    let as_coordinator = app.gql(Some(&coordinator), query, json!({})).await;
    let as_member = app.gql(Some(&member), query, json!({})).await;
    let anonymously = app.gql(None, query, json!({})).await;

    // Assert
    assert_eq!(as_coordinator.status, StatusCode::OK);
    assert_code(&as_coordinator, "FORBIDDEN", "coordinator");
    assert_code(&as_member, "FORBIDDEN", "member");
    assert_eq!(anonymously.status, StatusCode::OK);
    assert_code(&anonymously, "UNAUTHENTICATED", "anonymous");
}

#[tokio::test]
async fn a_failed_change_writes_no_audit_event_and_leaves_nothing_behind() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let member = app.login("analyst@police.example").await;
    let org = app.organization_id("National CERT").await;
    let organizations_before = count_organizations(&app, &admin).await;
    let events_before = audit_events(&app, &admin).await;

    // Act
    let duplicate_name = create_org(&app, Some(&admin), "National CERT", "FR").await;
    let bad_country = create_org(&app, Some(&admin), "Nowhere Inc", "XX").await;
    let duplicate_email = app
        .gql(
            Some(&admin),
            CREATE_USER,
            json!({ "email": "handler@cert.example", "password": NEW_PASSWORD, "org": org }),
        )
        .await;
    let by_member = create_org(&app, Some(&member), "Member Made", "NL").await;

    // Assert
    assert_code(&duplicate_name, "CONFLICT", "duplicate name");
    assert_code(&bad_country, "BAD_USER_INPUT", "bad country");
    assert_code(&duplicate_email, "CONFLICT", "duplicate email");
    assert_code(&by_member, "FORBIDDEN", "member");
    assert_eq!(
        count_organizations(&app, &admin).await,
        organizations_before
    );
    assert_eq!(audit_events(&app, &admin).await, events_before);
}

async fn count_organizations(app: &TestApp, token: &str) -> usize {
    let answer = app
        .gql(
            Some(token),
            "{ organizations(first: 100) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    answer.ok()["organizations"]["edges"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_audit_log_pages_newest_first_without_duplicates() {
    // Arrange: a few sign-ins, each one event.
    let app = spawn_app().await;
    for email in [
        "analyst@police.example",
        "investigator@police2.example",
        "researcher@vendor.example",
        "soc@grid.example",
    ] {
        app.login(email).await;
    }
    let admin = app.login("admin@hub.example").await;
    let everything = audit_events(&app, &admin).await;
    let query = "query($after: String) { auditEvents(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id action } } } }";

    // Act
    let mut walked = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let answer = app
            .gql(Some(&admin), query, json!({ "after": after }))
            .await;
        let connection = answer.ok()["auditEvents"].clone();
        walked.extend(
            connection["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["id"].clone()),
        );
        if connection["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }

    // Assert
    let ids: Vec<Value> = everything.iter().map(|e| e["id"].clone()).collect();
    assert_eq!(walked, ids);
    assert_eq!(everything.len(), 5);
    assert_eq!(everything[0]["actor"]["email"], "admin@hub.example");
    assert_eq!(everything[4]["actor"]["email"], "analyst@police.example");
}

#[tokio::test]
async fn an_admin_reactivates_a_suspended_account_and_nobody_else_may() {
    // Arrange: the handler is suspended by an admin.
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let handler = app.login("handler@cert.example").await;
    let handler_id = app
        .gql(Some(&handler), "{ viewer { id } }", json!({}))
        .await
        .ok()["viewer"]["id"]
        .clone();
    app.gql(Some(&admin), SUSPEND_USER, json!({ "id": handler_id }))
        .await
        .ok();
    let reactivate = "mutation($id: ID!) { reactivateUser(id: $id) { id status } }";
    let coordinator = app.login("coordinator@hub.example").await;
    let member = app.login("analyst@police.example").await;
    let (_, _, write_token) = app.api_token("National CERT", &["write"]).await;

    // Act: everyone but the admin is refused; then the admin reactivates.
    let refused = [
        ("anonymous", None, "UNAUTHENTICATED"),
        ("a member", Some(member.as_str()), "FORBIDDEN"),
        ("a coordinator", Some(coordinator.as_str()), "FORBIDDEN"),
        ("a write API token", Some(write_token.as_str()), "FORBIDDEN"),
    ];
    for (who, token, code) in refused {
        let answer = app
            .gql(token, reactivate, json!({ "id": handler_id }))
            .await;
        assert_code(&answer, code, who);
    }
    let reactivated = app
        .gql(Some(&admin), reactivate, json!({ "id": handler_id }))
        .await;

    // Assert
    assert_eq!(reactivated.ok()["reactivateUser"]["status"], "ACTIVE");
    login_with(&app, "handler@cert.example", DEMO_PASSWORD)
        .await
        .ok();
}
