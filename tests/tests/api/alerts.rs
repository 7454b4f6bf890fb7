//! Cyber alerts: issued by coordinators (standalone, or from a published advisory whose
//! title, summary and severity they default to), validated, and read by their audience —
//! `PUBLIC` ones by anyone, `LAW_ENFORCEMENT` ones by law-enforcement organisations,
//! international bodies and coordinators; to anyone else a law-enforcement alert does not
//! exist.

use std::{collections::BTreeSet, time::Duration};

use chrono::Utc;
use serde_json::{Value, json};
use tests::{Answer, TestApp, spawn_app};

use super::{
    advisories::authors,
    collaboration::id,
    workspaces::{field, unknown_id},
};

const ISSUE: &str = "mutation($i: IssueAlertInput!) { issueAlert(input: $i) { id title summary severity audience regions expiresAt expired issuedAt advisory { id reference } } }";
const ALERTS: &str = "query($x: Boolean!) { alerts(first: 50, includeExpired: $x) { nodes { id audience expired } } }";
const PUBLIC_ALERTS: &str = "query($x: Boolean!) { publicAlerts(first: 50, includeExpired: $x) { nodes { id audience expired } } }";
const NODE: &str =
    "query($id: ID!) { node(id: $id) { id ... on Alert { title audience advisory { id } } } }";

async fn issue(app: &TestApp, token: Option<&str>, input: Value) -> Answer {
    app.gql(token, ISSUE, json!({ "i": input })).await
}

/// A standalone alert for `audience`, valid for `for_` from now.
fn standalone(title: &str, audience: &str, for_: chrono::Duration) -> Value {
    json!({
        "title": title,
        "summary": "Callers pretend to be the bank's fraud desk.",
        "severity": "HIGH",
        "audience": audience,
        "expiresAt": (Utc::now() + for_).to_rfc3339(),
    })
}

/// Every alert there is, as the coordinator sees them (expired ones too).
async fn all_alerts(app: &TestApp, coordinator: &str) -> Value {
    app.gql(Some(coordinator), ALERTS, json!({ "x": true }))
        .await
        .ok()["alerts"]
        .clone()
}

/// A service account of `organization` with a token of `scopes`; returns the secret.
async fn service_token(app: &TestApp, admin: &str, organization: &str, scopes: &[&str]) -> String {
    let organizations = app
        .gql(
            Some(admin),
            "{ organizations(first: 100) { nodes { id name } } }",
            json!({}),
        )
        .await;
    let organization = organizations.ok()["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == organization)
        .map(id)
        .unwrap();
    let account = app
        .gql(
            Some(admin),
            "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"Alerts\" }) { id } }",
            json!({ "o": organization }),
        )
        .await;
    let account = id(&account.ok()["createServiceAccount"]);
    let token = app
        .gql(
            Some(admin),
            "mutation($a: ID!, $s: [String!]!) { createApiToken(input: { serviceAccountId: $a, name: \"alerts\", scopes: $s }) { token } }",
            json!({ "a": account, "s": scopes }),
        )
        .await;
    token.ok()["createApiToken"]["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_coordinator_issues_a_standalone_alert_with_normalised_regions() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let expires = (Utc::now() + chrono::Duration::days(3)).to_rfc3339();

    // Act
    let issued = issue(
        &app,
        Some(&coordinator),
        json!({
            "title": "  Ransomware crew targets hospitals ",
            "summary": "Coordinate before contacting victims.",
            "severity": "CRITICAL",
            "audience": "LAW_ENFORCEMENT",
            "regions": ["nl", "DE", "NL"],
            "expiresAt": expires,
        }),
    )
    .await;

    // Assert
    let alert = &issued.ok()["issueAlert"];
    assert_eq!(alert["title"], "Ransomware crew targets hospitals");
    assert_eq!(alert["severity"], "CRITICAL");
    assert_eq!(alert["audience"], "LAW_ENFORCEMENT");
    assert_eq!(alert["regions"], json!(["NL", "DE"]));
    assert_eq!(alert["expired"], false);
    assert_eq!(alert["advisory"], Value::Null);
    assert!(alert["issuedAt"].is_string() && alert["expiresAt"].is_string());
}

#[tokio::test]
async fn an_alert_issued_from_a_published_advisory_takes_its_title_summary_and_severity() {
    // Arrange
    let a = authors("CLEAR").await;
    a.save(
        &a.lead,
        1,
        json!({ "summary": "Fake invoices drop the Ember loader.", "severity": "CRITICAL" }),
    )
    .await
    .ok();
    let reference = a.publish("PUBLIC").await;
    let coordinator = a.app.login("coordinator@hub.example").await;

    // Act
    let derived = issue(
        &a.app,
        Some(&coordinator),
        json!({ "advisoryId": a.advisory, "audience": "PUBLIC", "regions": ["FR"] }),
    )
    .await;
    let retitled = issue(
        &a.app,
        Some(&coordinator),
        json!({ "advisoryId": a.advisory, "audience": "LAW_ENFORCEMENT", "title": "Ember: seize the panels", "severity": "HIGH" }),
    )
    .await;

    // Assert
    let derived = &derived.ok()["issueAlert"];
    assert_eq!(derived["title"], "Ember loader");
    assert_eq!(derived["summary"], "Fake invoices drop the Ember loader.");
    assert_eq!(derived["severity"], "CRITICAL");
    assert_eq!(derived["audience"], "PUBLIC");
    assert_eq!(derived["regions"], json!(["FR"]));
    assert_eq!(
        derived["advisory"],
        json!({ "id": a.advisory, "reference": reference })
    );
    let retitled = &retitled.ok()["issueAlert"];
    assert_eq!(retitled["title"], "Ember: seize the panels");
    assert_eq!(retitled["summary"], "Fake invoices drop the Ember loader.");
    assert_eq!(retitled["severity"], "HIGH");
}

#[tokio::test]
async fn only_coordinators_issue_alerts_and_a_refusal_issues_nothing() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let admin = app.login("admin@hub.example").await;
    let analyst = app.login("analyst@police.example").await;
    let researcher = app.login("researcher@vendor.example").await;
    let alerts_token = service_token(
        &app,
        &admin,
        "Global Cybercrime Innovation Hub",
        &["alerts:write"],
    )
    .await;
    let write_token =
        service_token(&app, &admin, "National Police Cybercrime Unit", &["write"]).await;
    let input = standalone("Fake fraud desk calls", "PUBLIC", chrono::Duration::days(1));
    let callers = [
        (
            "a law-enforcement member",
            Some(analyst.as_str()),
            "FORBIDDEN",
        ),
        ("a vendor member", Some(researcher.as_str()), "FORBIDDEN"),
        ("the platform admin", Some(admin.as_str()), "FORBIDDEN"),
        (
            "an alerts:write token",
            Some(alerts_token.as_str()),
            "FORBIDDEN",
        ),
        ("a write token", Some(write_token.as_str()), "FORBIDDEN"),
        ("an anonymous caller", None, "UNAUTHENTICATED"),
    ];

    for (who, token, code) in callers {
        // Act
        let refused = issue(&app, token, input.clone()).await;

        // Assert
        assert_eq!(refused.code(), Some(code), "{who}: {}", refused.body);
        assert_eq!(refused.data(), &Value::Null, "{who}");
    }
    assert_eq!(all_alerts(&app, &coordinator).await["nodes"], json!([]));
    issue(&app, Some(&coordinator), input).await.ok();
    assert_eq!(
        all_alerts(&app, &coordinator).await["nodes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_public_alert_needs_an_advisory_published_to_public() {
    // Arrange: an advisory published to MEMBERS and a draft the coordinator may not read.
    let a = authors("GREEN").await;
    let draft = a.another("Ember, still a draft", "GREEN").await;
    a.publish("MEMBERS").await;
    let coordinator = a.app.login("coordinator@hub.example").await;
    let cases = [
        (
            "PUBLIC from a MEMBERS advisory",
            json!({ "advisoryId": a.advisory, "audience": "PUBLIC" }),
            "audience",
        ),
        (
            "from a draft",
            json!({ "advisoryId": draft, "audience": "LAW_ENFORCEMENT" }),
            "advisoryId",
        ),
        (
            "from no advisory at all",
            json!({ "advisoryId": unknown_id("Advisory"), "audience": "LAW_ENFORCEMENT" }),
            "advisoryId",
        ),
    ];

    for (case, input, bad) in cases {
        // Act
        let refused = issue(&a.app, Some(&coordinator), input).await;

        // Assert
        assert_eq!(
            refused.code(),
            Some("BAD_USER_INPUT"),
            "{case}: {}",
            refused.body
        );
        assert_eq!(field(&refused), Some(bad), "{case}");
    }
    assert_eq!(all_alerts(&a.app, &coordinator).await["nodes"], json!([]));
    let for_police = issue(
        &a.app,
        Some(&coordinator),
        json!({ "advisoryId": a.advisory, "audience": "LAW_ENFORCEMENT" }),
    )
    .await;
    assert_eq!(for_police.ok()["issueAlert"]["audience"], "LAW_ENFORCEMENT");
}

#[tokio::test]
async fn regions_expiry_and_text_are_validated_and_a_refusal_issues_nothing() {
    // Arrange
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let day = chrono::Duration::days(1);
    let with = |changes: Value| {
        let mut input = standalone("Fake fraud desk calls", "PUBLIC", day);
        for (key, value) in changes.as_object().unwrap() {
            input[key] = value.clone();
        }
        input
    };
    let past = (Utc::now() - chrono::Duration::minutes(5)).to_rfc3339();
    let cases = [
        (with(json!({ "regions": ["XX"] })), "regions"),
        (with(json!({ "regions": ["NL", "Netherlands"] })), "regions"),
        (with(json!({ "expiresAt": past })), "expiresAt"),
        (with(json!({ "title": "   " })), "title"),
        (with(json!({ "title": "x".repeat(201) })), "title"),
        (with(json!({ "summary": null })), "summary"),
        (with(json!({ "severity": null })), "severity"),
    ];

    for (input, bad) in cases {
        // Act
        let refused = issue(&app, Some(&coordinator), input.clone()).await;

        // Assert
        assert_eq!(
            refused.code(),
            Some("BAD_USER_INPUT"),
            "{input}: {}",
            refused.body
        );
        assert_eq!(field(&refused), Some(bad), "{input}: {}", refused.body);
    }
    assert_eq!(all_alerts(&app, &coordinator).await["nodes"], json!([]));
}

/// The ids of the alerts listed, and whether each is expired.
fn listed(answer: &Answer, list: &str) -> BTreeSet<(String, bool)> {
    answer.ok()[list]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (id(a), a["expired"].as_bool().unwrap()))
        .collect()
}

#[tokio::test]
async fn each_reader_lists_the_alerts_of_their_audience_and_expired_ones_only_when_asked() {
    // Arrange: a law-enforcement alert, a public one, and a public one that expires at once.
    let app = spawn_app().await;
    let coordinator = app.login("coordinator@hub.example").await;
    let admin = app.login("admin@hub.example").await;
    let issued = |title: &str, audience: &str, for_: chrono::Duration| {
        let input = standalone(title, audience, for_);
        let (app, coordinator) = (&app, &coordinator);
        async move { id(&issue(app, Some(coordinator), input).await.ok()["issueAlert"]) }
    };
    let expires = tokio::time::Instant::now() + Duration::from_millis(1600);
    let expiring = issued(
        "Short-lived",
        "PUBLIC",
        chrono::Duration::milliseconds(1500),
    )
    .await;
    let police = issued(
        "Takedown tonight",
        "LAW_ENFORCEMENT",
        chrono::Duration::days(1),
    )
    .await;
    let public = issued("Fake fraud desk calls", "PUBLIC", chrono::Duration::days(1)).await;
    let le_token = service_token(
        &app,
        &admin,
        "Federal Cybercrime Directorate",
        &["alerts:read"],
    )
    .await;
    let vendor_token =
        service_token(&app, &admin, "Sentinel Threat Research", &["alerts:read"]).await;
    let readers = [
        ("analyst@police.example", None),
        ("investigator@police2.example", None),
        ("coordinator@hub.example", None),
        ("researcher@vendor.example", None),
        ("handler@cert.example", None),
        ("pending@unverified.example", None),
        ("a police2 alerts:read token", Some(le_token)),
        ("a vendor alerts:read token", Some(vendor_token)),
    ];
    let mut tokens = Vec::new();
    for (who, token) in readers {
        let token = match token {
            Some(token) => token,
            None => app.login(who).await,
        };
        tokens.push((who, token));
    }
    // Until the expiring alert has expired.
    tokio::time::sleep_until(expires).await;
    let law_enforcement = |who: &str| {
        matches!(
            who,
            "analyst@police.example"
                | "investigator@police2.example"
                | "coordinator@hub.example"
                | "a police2 alerts:read token"
        )
    };

    let mut wrong = Vec::new();
    for (who, token) in &tokens {
        // Act
        let current = app.gql(Some(token), ALERTS, json!({ "x": false })).await;
        let everything = app.gql(Some(token), ALERTS, json!({ "x": true })).await;

        // Assert
        let mut expected = BTreeSet::from([(public.clone(), false)]);
        if law_enforcement(who) {
            expected.insert((police.clone(), false));
        }
        if listed(&current, "alerts") != expected {
            wrong.push(format!("{who} lists {}", current.body));
        }
        expected.insert((expiring.clone(), true));
        if listed(&everything, "alerts") != expected {
            wrong.push(format!(
                "{who} lists, with the expired, {}",
                everything.body
            ));
        }
        // The public list is the same for everyone.
        let public_list = app
            .gql(Some(token), PUBLIC_ALERTS, json!({ "x": false }))
            .await;
        if listed(&public_list, "publicAlerts") != BTreeSet::from([(public.clone(), false)]) {
            wrong.push(format!("{who} lists as public {}", public_list.body));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let anonymous = app.gql(None, PUBLIC_ALERTS, json!({ "x": false })).await;
    assert_eq!(
        listed(&anonymous, "publicAlerts"),
        BTreeSet::from([(public.clone(), false)])
    );
    let anonymous = app.gql(None, PUBLIC_ALERTS, json!({ "x": true })).await;
    assert_eq!(
        listed(&anonymous, "publicAlerts"),
        BTreeSet::from([(public, false), (expiring, true)])
    );
    let members_only = app.gql(None, ALERTS, json!({ "x": false })).await;
    assert_eq!(
        members_only.code(),
        Some("UNAUTHENTICATED"),
        "{}",
        members_only.body
    );
}

#[tokio::test]
async fn a_law_enforcement_alert_does_not_exist_for_a_vendor_and_shows_only_readable_advisories() {
    // Arrange: a law-enforcement alert from an advisory published to MEMBERS.
    let a = authors("GREEN").await;
    a.publish("MEMBERS").await;
    let coordinator = a.app.login("coordinator@hub.example").await;
    let admin = a.app.login("admin@hub.example").await;
    let alert = issue(
        &a.app,
        Some(&coordinator),
        json!({ "advisoryId": a.advisory, "audience": "LAW_ENFORCEMENT" }),
    )
    .await;
    let alert = id(&alert.ok()["issueAlert"]);
    let investigator = a.app.login("investigator@police2.example").await;
    let alerts_only = service_token(
        &a.app,
        &admin,
        "Federal Cybercrime Directorate",
        &["alerts:read"],
    )
    .await;

    // Act
    let node = |token: Option<&str>| {
        let token = token.map(str::to_owned);
        let (app, alert) = (&a.app, &alert);
        async move {
            app.gql(token.as_deref(), NODE, json!({ "id": alert }))
                .await
        }
    };
    let for_vendor = node(Some(&a.vendor)).await;
    let for_anonymous = node(None).await;
    let for_investigator = node(Some(&investigator)).await;
    let for_token = node(Some(&alerts_only)).await;

    // Assert
    for (who, answer) in [("vendor", &for_vendor), ("anonymous", &for_anonymous)] {
        assert_eq!(answer.code(), Some("NOT_FOUND"), "{who}: {}", answer.body);
        assert_eq!(answer.data()["node"], Value::Null);
    }
    assert_eq!(
        for_investigator.ok()["node"],
        json!({ "id": alert, "title": "Ember loader", "audience": "LAW_ENFORCEMENT", "advisory": { "id": a.advisory } })
    );
    // A token that reads alerts but not advisories sees the alert without its advisory.
    assert_eq!(for_token.ok()["node"]["advisory"], Value::Null);
}
