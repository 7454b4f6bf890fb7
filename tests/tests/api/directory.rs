//! The directory: `organizations` and `users` lists (paging and who sees what) and `node(id)`,
//! where an object the viewer may not see looks exactly like one that does not exist.

use std::collections::HashSet;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};
use uuid::Uuid;

const NODE: &str =
    "query($id: ID!) { node(id: $id) { id ... on Organization { name } ... on User { email } } }";
const UNVERIFIED_ORG: &str = "Newcomer Security Ltd";
const DEMO_ORGANIZATIONS: usize = 8;
const DEMO_USERS: usize = 9;

/// The two directory lists and the field that names each node.
#[derive(Clone, Copy, Debug)]
enum List {
    Organizations,
    Users,
}

impl List {
    fn field(self) -> &'static str {
        match self {
            List::Organizations => "organizations",
            List::Users => "users",
        }
    }

    fn query(self) -> &'static str {
        match self {
            List::Organizations => {
                "query($first: Int, $after: String) { organizations(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id name verified } } } }"
            }
            List::Users => {
                "query($first: Int, $after: String) { users(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id email organization { name } } } } }"
            }
        }
    }
}

async fn page(
    app: &TestApp,
    token: Option<&str>,
    list: List,
    first: i32,
    after: Option<&str>,
) -> Answer {
    app.gql(
        token,
        list.query(),
        json!({ "first": first, "after": after }),
    )
    .await
}

/// Every node of a list, one page after another.
async fn walk(app: &TestApp, token: &str, list: List, page_size: i32) -> (Vec<Value>, usize) {
    let mut nodes = Vec::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let answer = page(app, Some(token), list, page_size, after.as_deref()).await;
        let connection = answer.ok()[list.field()].clone();
        pages += 1;
        let edges = connection["edges"].as_array().unwrap();
        assert!(edges.len() <= page_size as usize);
        nodes.extend(edges.iter().map(|e| e["node"].clone()));
        if connection["pageInfo"]["hasNextPage"] != true {
            return (nodes, pages);
        }
        assert_eq!(
            edges.len(),
            page_size as usize,
            "only the last page is short"
        );
        after = Some(
            connection["pageInfo"]["endCursor"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        assert!(pages < 100, "paging does not end");
    }
}

/// Every node of a list on one page.
async fn all(app: &TestApp, token: &str, list: List) -> Vec<Value> {
    let answer = page(app, Some(token), list, 100, None).await;
    let connection = &answer.ok()[list.field()];
    assert_eq!(connection["pageInfo"]["hasNextPage"], false);
    connection["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

fn strings<'a>(nodes: &'a [Value], field: &str) -> Vec<&'a str> {
    nodes.iter().map(|n| n[field].as_str().unwrap()).collect()
}

/// A well-formed global id of an object that does not exist.
fn missing_id(kind: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{}", Uuid::now_v7()))
}

async fn node(app: &TestApp, token: Option<&str>, id: &str) -> Answer {
    app.gql(token, NODE, json!({ "id": id })).await
}

fn assert_not_found(answer: &Answer, case: &str) {
    assert_eq!(answer.status, StatusCode::OK, "{case}");
    assert_eq!(answer.code(), Some("NOT_FOUND"), "{case}: {}", answer.body);
    assert!(answer.data()["node"].is_null(), "{case}: {}", answer.body);
}

#[tokio::test]
async fn paging_through_organisations_visits_each_exactly_once() {
    assert_pages_visit_each_once(List::Organizations, DEMO_ORGANIZATIONS).await;
}

#[tokio::test]
async fn paging_through_users_visits_each_exactly_once() {
    // Nine accounts fill three pages exactly, and the last says there is no more.
    assert_pages_visit_each_once(List::Users, DEMO_USERS).await;
}

/// Walks a list in pages of three as a coordinator: the pages are as many as the rows need,
/// and together they hold every row once, in the order of the whole list.
async fn assert_pages_visit_each_once(list: List, rows: usize) {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let everything = all(&app, &coordinator, list).await;

    // Act
    let (walked, pages) = walk(&app, &coordinator, list, 3).await;

    // Assert
    assert_eq!(pages, rows.div_ceil(3));
    let ids = strings(&walked, "id");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "duplicates"
    );
    assert_eq!(ids, strings(&everything, "id"));
}

#[tokio::test]
async fn a_page_size_outside_one_to_a_hundred_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;

    for list in [List::Organizations, List::Users] {
        for first in [0, 101, -1] {
            // Act
            let answer = page(&app, Some(&coordinator), list, first, None).await;

            // Assert
            let case = format!("{list:?} first: {first}");
            assert_eq!(
                answer.code(),
                Some("BAD_USER_INPUT"),
                "{case}: {}",
                answer.body
            );
            assert_eq!(answer.body["errors"][0]["extensions"]["field"], "first");
        }
        let edges = page(&app, Some(&coordinator), list, 100, None).await;
        edges.ok();
        let bad_cursor = page(&app, Some(&coordinator), list, 5, Some("not a cursor")).await;
        assert_eq!(bad_cursor.code(), Some("BAD_USER_INPUT"), "{list:?}");
        assert_eq!(bad_cursor.body["errors"][0]["extensions"]["field"], "after");
    }
}

#[tokio::test]
async fn a_member_of_a_verified_organisation_sees_the_verified_organisations() {
    // Arrange
    let app = spawn_app().await;
    let member = app.login("analyst@police.example").await;

    // Act
    let organizations = all(&app, &member, List::Organizations).await;

    // Assert
    let names = strings(&organizations, "name");
    assert_eq!(names.len(), DEMO_ORGANIZATIONS - 1, "{names:?}");
    assert!(!names.contains(&UNVERIFIED_ORG));
    assert!(names.contains(&"National Police Cybercrime Unit"));
    assert!(names.contains(&"Federal Cybercrime Directorate"));
    assert!(organizations.iter().all(|o| o["verified"] == true));
}

#[tokio::test]
async fn a_member_of_an_unverified_organisation_sees_only_their_organisation_and_themself() {
    // Arrange
    let app = spawn_app().await;
    let pending = app.login("pending@unverified.example").await;

    // Act
    let organizations = all(&app, &pending, List::Organizations).await;
    let users = all(&app, &pending, List::Users).await;

    // Assert
    assert_eq!(strings(&organizations, "name"), vec![UNVERIFIED_ORG]);
    assert_eq!(strings(&users, "email"), vec!["pending@unverified.example"]);
}

#[tokio::test]
async fn a_member_sees_only_the_accounts_of_their_own_organisation() {
    // Arrange: a colleague in the analyst's organisation.
    let app = spawn_app().await;
    let admin = app.login("admin@hub.example").await;
    let police = app.organization_id("National Police Cybercrime Unit").await;
    let other = app.organization_id("Federal Cybercrime Directorate").await;
    app.gql(
        Some(&admin),
        "mutation($o: ID!) { createUser(input: { email: \"colleague@police.example\", displayName: \"Colleague\", password: \"a-long-enough-password\", organizationId: $o }) { id } }",
        json!({ "o": police }),
    )
    .await
    .ok();
    let member = app.login("analyst@police.example").await;

    // Act
    let users = all(&app, &member, List::Users).await;
    let filtered_to_other = app
        .gql(
            Some(&member),
            "query($o: ID!) { users(filter: { organizationId: $o }) { edges { node { id } } } }",
            json!({ "o": other }),
        )
        .await;

    // Assert
    let mut emails = strings(&users, "email");
    emails.sort_unstable();
    assert_eq!(
        emails,
        vec!["analyst@police.example", "colleague@police.example"]
    );
    assert!(
        users
            .iter()
            .all(|u| u["organization"]["name"] == "National Police Cybercrime Unit")
    );
    assert_eq!(filtered_to_other.ok()["users"]["edges"], json!([]));
}

#[tokio::test]
async fn coordinators_see_every_organisation_and_account() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;

    // Act
    let organizations = all(&app, &coordinator, List::Organizations).await;
    let users = all(&app, &coordinator, List::Users).await;

    // Assert
    assert_eq!(organizations.len(), DEMO_ORGANIZATIONS);
    assert!(strings(&organizations, "name").contains(&UNVERIFIED_ORG));
    assert_eq!(users.len(), DEMO_USERS);
    let emails = strings(&users, "email");
    assert!(emails.contains(&"pending@unverified.example"));
    assert!(emails.contains(&"investigator@police2.example"));
}

#[tokio::test]
async fn anonymous_callers_must_sign_in_to_list_the_directory() {
    // Arrange
    let app = spawn_app().await;

    for list in [List::Organizations, List::Users] {
        // Act
        let answer = page(&app, None, list, 10, None).await;

        // Assert: execution started, so HTTP 200 with `data: null` and the code.
        assert_eq!(answer.status, StatusCode::OK, "{list:?}");
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "{list:?}");
        assert!(
            answer.body.get("data").is_some_and(Value::is_null),
            "{list:?}"
        );
    }
}

#[tokio::test]
async fn node_resolves_organisations_and_accounts_the_viewer_may_see() {
    // Arrange
    let app = spawn_app().await;
    let member = app.login_payload("analyst@police.example").await;
    let token = member["accessToken"].as_str().unwrap();
    let own_org = app.organization_id("National Police Cybercrime Unit").await;
    let other_verified = app.organization_id("Federal Cybercrime Directorate").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let pending = app.login_payload("pending@unverified.example").await;

    // Act
    let own = node(&app, Some(token), &own_org).await;
    let verified = node(&app, Some(token), &other_verified).await;
    let self_lookup = node(&app, Some(token), member["user"]["id"].as_str().unwrap()).await;
    let by_coordinator = node(
        &app,
        Some(&coordinator),
        pending["user"]["id"].as_str().unwrap(),
    )
    .await;

    // Assert
    assert_eq!(
        own.ok()["node"],
        json!({ "id": own_org, "name": "National Police Cybercrime Unit" })
    );
    assert_eq!(
        verified.ok()["node"]["name"],
        "Federal Cybercrime Directorate"
    );
    assert_eq!(
        self_lookup.ok()["node"],
        json!({ "id": member["user"]["id"], "email": "analyst@police.example" })
    );
    assert_eq!(
        by_coordinator.ok()["node"]["email"],
        "pending@unverified.example"
    );
}

#[tokio::test]
async fn objects_the_viewer_may_not_see_are_indistinguishable_from_missing_ones() {
    // Arrange
    let app = spawn_app().await;
    let member = app.login("analyst@police.example").await;
    let pending = app.login("pending@unverified.example").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let stranger = app.login_payload("investigator@police2.example").await;
    let unverified_org = app.organization_id(UNVERIFIED_ORG).await;
    let verified_org = app.organization_id("National Police Cybercrime Unit").await;
    let (_, token_id, _) = app.api_token("National CERT", &["read"]).await;
    let admin = app.login("admin@hub.example").await;
    let audit = app
        .gql(
            Some(&admin),
            "{ auditEvents(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let event_id = audit.ok()["auditEvents"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let cases = [
        (
            "another organisation's user, for a member",
            &member,
            stranger["user"]["id"].as_str().unwrap().to_owned(),
            "User",
        ),
        (
            "the unverified organisation, for a verified member",
            &member,
            unverified_org,
            "Organization",
        ),
        (
            "a verified organisation, for an unverified member",
            &pending,
            verified_org,
            "Organization",
        ),
        ("an API token, for a member", &member, token_id, "ApiToken"),
        (
            "an audit event, for a coordinator",
            &coordinator,
            event_id,
            "AuditEvent",
        ),
    ];

    for (case, viewer, hidden_id, kind) in cases {
        // Act
        let hidden = node(&app, Some(viewer), &hidden_id).await;
        let missing = node(&app, Some(viewer), &missing_id(kind)).await;

        // Assert
        assert_not_found(&hidden, case);
        assert_eq!(hidden.status, missing.status, "{case}");
        assert_eq!(hidden.body, missing.body, "{case}");
    }
    // The same objects exist for those allowed to see them.
    let seen = node(&app, Some(&admin), stranger["user"]["id"].as_str().unwrap()).await;
    assert_eq!(seen.ok()["node"]["email"], "investigator@police2.example");
}

#[tokio::test]
async fn a_malformed_id_is_bad_user_input() {
    // Arrange
    let app = spawn_app().await;
    let member = app.login("analyst@police.example").await;
    let malformed = [
        "!!!".to_owned(),
        String::new(),
        URL_SAFE_NO_PAD.encode("Organization"),
        URL_SAFE_NO_PAD.encode("Organization:not-a-uuid"),
        URL_SAFE_NO_PAD.encode(format!("Nope:{}", Uuid::now_v7())),
        Uuid::now_v7().to_string(),
    ];

    for id in malformed {
        // Act
        let answer = node(&app, Some(&member), &id).await;

        // Assert
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{id:?}: {}",
            answer.body
        );
        assert_eq!(answer.body["errors"][0]["extensions"]["field"], "id");
        assert!(answer.data()["node"].is_null());
    }
}

#[tokio::test]
async fn anonymous_node_lookups_find_nothing() {
    // Arrange
    let app = spawn_app().await;
    let org = app.organization_id("National Police Cybercrime Unit").await;
    let user = app.login_payload("analyst@police.example").await;
    let (_, token_id, _) = app.api_token("National CERT", &["read"]).await;
    let ids = [
        ("organisation", org),
        ("user", user["user"]["id"].as_str().unwrap().to_owned()),
        ("api token", token_id),
        ("missing organisation", missing_id("Organization")),
    ];

    for (case, id) in ids {
        // Act
        let answer = node(&app, None, &id).await;

        // Assert
        assert_not_found(&answer, case);
    }
}
