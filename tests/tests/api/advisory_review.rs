//! What a reader outside the workspace sees of a published advisory (the published revision,
//! not the people or the review behind it — over HTTP and over WebSocket), withdrawal from an
//! archived workspace, the bounds on content size and on diffs, and the nested lists of
//! advisories read in batches.

use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};
use tests::ws;

use super::advisories::{PUBLISH, WITHDRAW, authors};

const PUBLISHED_VIEW: &str = "query($id: ID!) { advisory(id: $id) { leadAuthor { email } \
    authors { edges { node { lead user { email } organization { name } } } } \
    signOffs { edges { node { signed signedBy { email } } } } \
    current { number title author { email } } revisions { edges { node { number } } } \
    comments(includeResolved: true) { edges { node { body } } } organizationNames } }";

#[tokio::test]
async fn a_reader_outside_the_workspace_sees_the_organisations_but_not_the_people_behind_an_advisory()
 {
    // Arrange: published to MEMBERS; the professor is in no workspace with its authors.
    let a = authors("GREEN").await;
    a.approve().await;
    a.app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": a.advisory, "a": "MEMBERS" }),
        )
        .await
        .ok();
    let professor = a.app.login("professor@university.example").await;

    // Act
    let outside = a
        .app
        .gql(
            Some(&professor),
            PUBLISHED_VIEW,
            json!({ "id": a.advisory }),
        )
        .await;
    let inside = a
        .app
        .gql(Some(&a.vendor), PUBLISHED_VIEW, json!({ "id": a.advisory }))
        .await;

    // Assert
    let outside = &outside.ok()["advisory"];
    assert_eq!(outside["leadAuthor"], Value::Null);
    assert_eq!(outside["current"]["author"], Value::Null);
    assert_eq!(outside["revisions"]["edges"], json!([]));
    for author in outside["authors"]["edges"].as_array().unwrap() {
        assert_eq!(author["node"]["user"], Value::Null, "{outside}");
        assert!(author["node"]["organization"]["name"].is_string());
    }
    for sign_off in outside["signOffs"]["edges"].as_array().unwrap() {
        assert_eq!(sign_off["node"]["signed"], true);
        assert_eq!(sign_off["node"]["signedBy"], Value::Null, "{outside}");
    }
    assert_eq!(outside["organizationNames"].as_array().unwrap().len(), 2);
    assert!(!outside.to_string().contains("@"), "no address: {outside}");
    let inside = &inside.ok()["advisory"];
    assert_eq!(inside["leadAuthor"]["email"], "analyst@police.example");
    assert!(inside.to_string().contains("researcher@vendor.example"));
}

#[tokio::test]
async fn an_anonymous_subscriber_to_a_public_advisory_gets_its_public_changes_and_not_the_review_before()
 {
    // Arrange: a public advisory whose review (comments, sign-offs, status changes) went
    // before its publication.
    let a = authors("CLEAR").await;
    a.app
        .gql(
            Some(&a.vendor),
            "mutation($id: ID!) { addReviewComment(advisoryId: $id, revision: 1, field: \"title\", body: \"Name the loader\") { comment { id } } }",
            json!({ "id": a.advisory }),
        )
        .await
        .ok();
    a.approve().await;
    a.app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": a.advisory, "a": "PUBLIC" }),
        )
        .await
        .ok();
    // From the very first event: a forged cursor anyone can write.
    let now = chrono::Utc::now().timestamp_micros();
    let from_start =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("event:0:{now}"));
    let mut anonymous = ws::connect_as(&a.app, None).await;

    // Act: replay, then a public change (withdrawal).
    anonymous
        .subscribe(
            "a",
            "subscription($id: ID!, $after: String) { advisoryUpdated(id: $id, after: $after) { kind actor { email } advisory { status } } }",
            json!({ "id": a.advisory, "after": from_start }),
        )
        .await;
    let first = anonymous.expect("next", "a").await;
    a.app
        .gql(
            Some(&a.lead),
            WITHDRAW,
            json!({ "id": a.advisory, "r": "Superseded" }),
        )
        .await
        .ok();
    let second = anonymous.expect("next", "a").await;

    // Assert: publication, then withdrawal; no comment, sign-off or review status, no actor.
    let event = |m: &Value| m["payload"]["data"]["advisoryUpdated"].clone();
    assert_eq!(event(&first)["kind"], "STATUS_CHANGED");
    assert_eq!(event(&first)["actor"], Value::Null);
    assert_eq!(event(&second)["kind"], "STATUS_CHANGED");
    assert_eq!(event(&second)["advisory"]["status"], "WITHDRAWN");
    anonymous.expect_silence(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn a_published_advisory_can_be_withdrawn_after_its_workspace_is_archived() {
    // Arrange
    let a = authors("CLEAR").await;
    a.approve().await;
    a.app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": a.advisory, "a": "PUBLIC" }),
        )
        .await
        .ok();
    a.app
        .gql(
            Some(&a.lead),
            "mutation($id: ID!) { archiveWorkspace(id: $id) { archived } }",
            json!({ "id": a.workspace }),
        )
        .await
        .ok();

    // Act
    let withdrawn = a
        .app
        .gql(
            Some(&a.lead),
            WITHDRAW,
            json!({ "id": a.advisory, "r": "Wrong product" }),
        )
        .await;

    // Assert
    assert_eq!(withdrawn.ok()["withdrawAdvisory"]["status"], "WITHDRAWN");
}

#[tokio::test]
async fn content_past_the_size_limit_is_refused_and_writes_no_revision() {
    // Arrange: a body just over a megabyte.
    let a = authors("GREEN").await;
    let body = "x".repeat(1_000_100);

    // Act
    let refused = a.save(&a.lead, 1, json!({ "body": body })).await;

    // Assert
    assert_eq!(refused.code(), Some("BAD_USER_INPUT"), "{}", refused.body);
    assert_eq!(a.revision().await, 1);
}

#[tokio::test]
async fn a_diff_of_very_long_bodies_answers_at_once_and_says_it_is_not_line_by_line() {
    // Arrange: two revisions of 6,000 one-character lines each.
    let a = authors("GREEN").await;
    let long = |c: &str| format!("{c}\n").repeat(6_000);
    a.save(&a.lead, 1, json!({ "body": long("a") })).await.ok();
    a.save(&a.lead, 2, json!({ "body": long("b") })).await.ok();

    // Act
    let started = std::time::Instant::now();
    let diff = a
        .app
        .gql(
            Some(&a.lead),
            "query($id: ID!) { advisoryDiff(id: $id, from: 2, to: 3) { bodyComplete body { change } fields { field } } }",
            json!({ "id": a.advisory }),
        )
        .await;

    // Assert
    let diff = &diff.ok()["advisoryDiff"];
    assert_eq!(diff["bodyComplete"], false);
    assert_eq!(diff["body"], json!([]));
    assert_eq!(diff["fields"], json!([{ "field": "body" }]));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_page_of_advisories_with_their_revisions_and_comments_costs_the_same_for_one_or_ten() {
    // Arrange
    let a = authors("GREEN").await;
    const NESTED: &str = "query($w: ID!) { workspace(id: $w) { advisories(first: 20) { edges { node { revisions(first: 5) { edges { node { number author { email } } } } comments(first: 5) { edges { node { body } } } } } } } }";
    let statements = || async {
        a.app
            .metric("database_statements_total")
            .await
            .unwrap_or(0.0)
    };
    let cost = || async {
        let before = statements().await;
        a.app
            .gql(Some(&a.lead), NESTED, json!({ "w": a.workspace }))
            .await
            .ok();
        statements().await - before
    };
    let one = cost().await;
    for i in 0..9 {
        a.app
            .gql(
                Some(&a.lead),
                &super::advisories::create_advisory_query(),
                json!({ "i": { "workspaceId": a.workspace, "title": format!("Advisory {i}") } }),
            )
            .await
            .ok();
    }

    // Act
    let ten = cost().await;

    // Assert
    assert_eq!(
        one, ten,
        "statements for one advisory: {one}, for ten: {ten}"
    );
}
