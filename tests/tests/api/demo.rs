//! `DEMO=1` seeds collaboration content among the demo accounts: workspaces at `GREEN`,
//! `AMBER` and one for law enforcement only, threads (one `RED`), posts, replies, mentions
//! and reactions.

use serde_json::json;
use tests::{Options, spawn_app_with};

const OVERVIEW: &str = "{ workspaces(first: 5) { edges { node { name defaultTlp restrictedToKinds threads(first: 5) { edges { node { title tlp posts(first: 5) { edges { node { replyTo { id } reactions { reaction count } } } } } } } } } } }";

#[tokio::test]
async fn the_demo_hub_has_workspaces_threads_and_conversations() {
    // Arrange
    let app = spawn_app_with(Options {
        demo: true,
        extra_args: vec!["--demo-content".into(), "true".into()],
    })
    .await;
    let cert = app.login("handler@cert.example").await;
    let police = app.login("analyst@police.example").await;
    let vendor = app.login("researcher@vendor.example").await;

    // Act
    let seen_by_cert = app.gql(Some(&cert), OVERVIEW, json!({})).await;
    let seen_by_police = app.gql(Some(&police), OVERVIEW, json!({})).await;
    let seen_by_vendor = app.gql(Some(&vendor), OVERVIEW, json!({})).await;
    let notifications = app
        .gql(Some(&police), "{ unreadNotificationCount }", json!({}))
        .await;

    // Assert
    let workspaces = |answer: &tests::Answer| -> Vec<(String, String)> {
        answer.ok()["workspaces"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["node"]["name"].as_str().unwrap().to_owned(),
                    e["node"]["defaultTlp"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let police_spaces = workspaces(&seen_by_police);
    assert!(police_spaces.contains(&("Ransomware Task Force".into(), "GREEN".into())));
    assert!(police_spaces.contains(&("Grid Sector Incident Coordination".into(), "AMBER".into())));
    assert!(police_spaces.contains(&("Operation Nightfall".into(), "AMBER_STRICT".into())));
    assert!(
        !workspaces(&seen_by_vendor)
            .iter()
            .any(|(name, _)| name == "Operation Nightfall"),
        "the law-enforcement workspace is not the vendor's"
    );
    let body = seen_by_cert.body.to_string();
    assert!(
        body.contains("\"tlp\":\"RED\""),
        "the CERT sees its RED thread"
    );
    assert!(body.contains("\"replyTo\":{\"id\""), "there are replies");
    assert!(
        body.contains("\"reaction\":\"THUMBS_UP\""),
        "there are reactions"
    );
    assert!(
        !seen_by_police.body.to_string().contains("\"tlp\":\"RED\""),
        "the police observer is not a recipient of the RED thread"
    );
    assert!(
        notifications.ok()["unreadNotificationCount"]
            .as_i64()
            .unwrap()
            >= 2,
        "mentions notified the analyst"
    );
}

#[tokio::test]
async fn the_demo_hub_has_advisories_in_every_state_and_alerts() {
    // Arrange
    let app = spawn_app_with(Options {
        demo: true,
        extra_args: vec!["--demo-content".into(), "true".into()],
    })
    .await;
    let police = app.login("analyst@police.example").await;
    let vendor = app.login("researcher@vendor.example").await;
    const ADVISORIES: &str = "{ workspaces(first: 10) { edges { node { advisories(first: 20) { edges { node { status reference audience } } } } } } }";

    // Act
    let by_police = app.gql(Some(&police), ADVISORIES, json!({})).await;
    let by_vendor = app.gql(Some(&vendor), ADVISORIES, json!({})).await;
    let public = app
        .gql(
            None,
            "{ publicAlerts { edges { node { title advisory { reference } } } } publishedAdvisories { edges { node { reference current { indicatorCount } } } } }",
            json!({}),
        )
        .await;
    let police_alerts = app
        .gql(
            Some(&police),
            "{ alerts { edges { node { audience } } } }",
            json!({}),
        )
        .await;

    // Assert
    let mut statuses: Vec<String> = [by_police.body.to_string(), by_vendor.body.to_string()]
        .iter()
        .flat_map(|b| {
            ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "WITHDRAWN"]
                .into_iter()
                .filter(|s| b.contains(&format!("\"status\":\"{s}\"")))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    statuses.sort();
    statuses.dedup();
    assert_eq!(
        statuses,
        ["APPROVED", "DRAFT", "IN_REVIEW", "PUBLISHED", "WITHDRAWN"]
    );
    let public = public.ok();
    let published = public["publishedAdvisories"]["edges"].as_array().unwrap();
    assert_eq!(published.len(), 1, "one advisory is public: {public}");
    assert!(
        published[0]["node"]["current"]["indicatorCount"]
            .as_i64()
            .unwrap()
            >= 5
    );
    let alerts = public["publicAlerts"]["edges"].as_array().unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        alerts[0]["node"]["advisory"]["reference"],
        published[0]["node"]["reference"]
    );
    let police_alerts = police_alerts.ok().to_string();
    assert!(police_alerts.contains("LAW_ENFORCEMENT") && police_alerts.contains("PUBLIC"));
}

#[tokio::test]
async fn the_demo_hub_has_training_of_every_format_with_a_waiting_list_and_certificates() {
    // Arrange
    let app = spawn_app_with(Options {
        demo: true,
        extra_args: vec!["--demo-content".into(), "true".into()],
    })
    .await;
    let cert = app.login("handler@cert.example").await;
    let police = app.login("analyst@police.example").await;

    // Act
    let catalogue = app
        .gql(
            Some(&police),
            "{ programmes(first: 20) { edges { node { title format sessions(first: 5) { edges { node { capacity seatsTaken waitingListLength } } } } } } }",
            json!({}),
        )
        .await;
    let waiting = app
        .gql(
            Some(&cert),
            "{ myEnrolments { edges { node { status waitingListPosition } } } }",
            json!({}),
        )
        .await;
    let certificates = app
        .gql(
            Some(&police),
            "{ myCertificates { edges { node { code status } } } }",
            json!({}),
        )
        .await;

    // Assert
    let catalogue = catalogue.ok().to_string();
    for format in ["E_LEARNING", "CLASSROOM", "WORKSHOP", "CERTIFICATION"] {
        assert!(catalogue.contains(format), "no {format}: {catalogue}");
    }
    assert!(catalogue.contains("\"waitingListLength\":1"), "{catalogue}");
    let waiting = waiting.ok().to_string();
    assert!(
        waiting.contains("\"status\":\"WAITLISTED\"")
            && waiting.contains("\"waitingListPosition\":1"),
        "{waiting}"
    );
    let certificates = certificates.ok();
    let code = certificates["myCertificates"]["edges"][0]["node"]["code"]
        .as_str()
        .unwrap();
    let verified = app
        .gql(
            None,
            "query($c: String!) { verifyCertificate(code: $c) { status programmeTitle } }",
            json!({ "c": code }),
        )
        .await;
    assert_eq!(verified.ok()["verifyCertificate"]["status"], "VALID");
}
