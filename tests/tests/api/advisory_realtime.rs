//! `advisoryUpdated` and `alertIssued` over the real WebSocket: each kind of change reaches
//! the co-author with the advisory as it is now; whoever may not read an advisory cannot
//! watch it, and a member removed from its workspace stops receiving it; alerts reach each
//! subscriber as their audience allows — anonymous connections included (the server accepts
//! them: see `realtime.rs`, `an_anonymous_connection_cannot_subscribe_to_anything`), which get
//! the public ones only.
//!
//! As in `realtime.rs`, a subscription is waited for until the dispatcher holds it, and no
//! test sleeps to wait for a delivery.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tests::{
    TestApp,
    ws::{self, WAIT, WsClient},
};

use super::{
    advisories::{PUBLISH, SIGN_OFF, SUBMIT, WITHDRAW, authors},
    collaboration::{id, join, user_id},
};

const ADVISORY_UPDATED: &str = "subscription($id: ID!) { advisoryUpdated(id: $id) { \
    cursor kind actor { email } advisory { id status revision title } } }";
const ALERT_ISSUED: &str = "subscription { alertIssued { cursor alert { id title audience } } }";
const COMMENT: &str = "mutation($id: ID!, $rev: Int!) { addReviewComment(advisoryId: $id, revision: $rev, field: \"summary\", body: \"Say who is targeted\") { comment { id } } }";
const REMOVE_MEMBER: &str =
    "mutation($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) { id } }";
const ISSUE: &str = "mutation($i: IssueAlertInput!) { issueAlert(input: $i) { id } }";

/// Waits until the app's dispatcher holds exactly `n` subscriptions.
async fn until_subscriptions(app: &TestApp, n: usize) {
    let deadline = Instant::now() + WAIT;
    loop {
        let now = app.state().realtime.hub.subscriptions();
        if now == n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the dispatcher holds {now} subscriptions, expected {n}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Subscribes and waits until the subscription is registered.
async fn subscribe_live(
    app: &TestApp,
    socket: &mut WsClient,
    op: &str,
    query: &str,
    variables: Value,
) {
    let before = app.state().realtime.hub.subscriptions();
    socket.subscribe(op, query, variables).await;
    until_subscriptions(app, before + 1).await;
}

/// The event of the next `next` of operation `op` (`field` of its data).
async fn next_event(socket: &mut WsClient, op: &str, field: &str) -> Value {
    let message = socket.expect("next", op).await;
    assert!(
        message["payload"].get("errors").is_none(),
        "unexpected errors: {message}"
    );
    message["payload"]["data"][field].clone()
}

/// The codes of an `error` message's errors.
fn codes(message: &Value) -> Vec<String> {
    message["payload"]
        .as_array()
        .unwrap_or_else(|| panic!("not an error message: {message}"))
        .iter()
        .filter_map(|e| e["extensions"]["code"].as_str().map(str::to_owned))
        .collect()
}

/// Subscribes and returns the codes of the one `error` that refuses it.
async fn refused(socket: &mut WsClient, op: &str, query: &str, variables: Value) -> Vec<String> {
    let messages = socket.run(op, query, variables).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0]["type"], "error", "{messages:?}");
    codes(&messages[0])
}

/// Skips the advisory events of `op` until one for which `done` holds (events of the
/// arrangement that the dispatcher handed over after the subscription started).
async fn skip_until(socket: &mut WsClient, op: &str, done: impl Fn(&Value) -> bool) {
    loop {
        let event = next_event(socket, op, "advisoryUpdated").await;
        if done(&event) {
            return;
        }
    }
}

async fn comment(app: &TestApp, token: &str, advisory: &str) {
    app.gql(Some(token), COMMENT, json!({ "id": advisory, "rev": 1 }))
        .await
        .ok();
}

#[tokio::test]
async fn the_co_author_receives_every_kind_of_change_with_the_advisory_as_it_is_now() {
    // Arrange: the co-author watches; a first comment marks where the arrangement ends.
    let a = authors("GREEN").await;
    let mut socket = ws::connect_as(&a.app, Some(&a.vendor)).await;
    let watch = json!({ "id": a.advisory });
    subscribe_live(&a.app, &mut socket, "a", ADVISORY_UPDATED, watch).await;
    comment(&a.app, &a.lead, &a.advisory).await;
    skip_until(&mut socket, "a", |e| e["kind"] == "COMMENTED").await;

    // Act + Assert: each change, then what it brought (before the next change, so the
    // advisory each event shows is the one that change left).
    let steps: [(&str, &[(&str, &str)]); 6] = [
        ("save", &[("REVISION_SAVED", "DRAFT")]),
        ("comment", &[("COMMENTED", "DRAFT")]),
        ("submit", &[("STATUS_CHANGED", "IN_REVIEW")]),
        ("lead signs off", &[("SIGNED_OFF", "IN_REVIEW")]),
        (
            "co-author signs off",
            &[("SIGNED_OFF", "APPROVED"), ("STATUS_CHANGED", "APPROVED")],
        ),
        ("publish", &[("STATUS_CHANGED", "PUBLISHED")]),
    ];
    for (step, expected) in steps {
        let done = match step {
            "save" => {
                a.save(&a.lead, 1, json!({ "summary": "Who is targeted" }))
                    .await
            }
            "comment" => {
                a.app
                    .gql(
                        Some(&a.lead),
                        COMMENT,
                        json!({ "id": a.advisory, "rev": 2 }),
                    )
                    .await
            }
            "submit" => {
                a.app
                    .gql(Some(&a.lead), SUBMIT, json!({ "id": a.advisory }))
                    .await
            }
            "lead signs off" | "co-author signs off" => {
                let token = if step == "lead signs off" {
                    &a.lead
                } else {
                    &a.vendor
                };
                a.app
                    .gql(Some(token), SIGN_OFF, json!({ "id": a.advisory, "rev": 2 }))
                    .await
            }
            _ => {
                a.app
                    .gql(
                        Some(&a.lead),
                        PUBLISH,
                        json!({ "id": a.advisory, "a": "MEMBERS" }),
                    )
                    .await
            }
        };
        done.ok();
        for (kind, status) in expected {
            let event = next_event(&mut socket, "a", "advisoryUpdated").await;
            assert_eq!(event["kind"], *kind, "after {step}: {event}");
            assert_eq!(
                event["advisory"]["status"], *status,
                "after {step}: {event}"
            );
            assert_eq!(event["advisory"]["id"], a.advisory);
            assert_eq!(event["advisory"]["revision"], 2, "after {step}: {event}");
            let actor = if step == "co-author signs off" {
                "researcher@vendor.example"
            } else {
                "analyst@police.example"
            };
            assert_eq!(event["actor"]["email"], actor, "after {step}: {event}");
            assert!(event["cursor"].is_string());
        }
    }
    socket.expect_silence(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn a_member_removed_from_the_workspace_gets_forbidden_instead_of_the_next_update() {
    // Arrange: a contributor (no author) watches an unpublished advisory.
    let a = authors("GREEN").await;
    let soc = a.app.login("soc@grid.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    let soc_id = user_id(&a.app, &soc).await;
    let mut socket = ws::connect_as(&a.app, Some(&soc)).await;
    let watch = json!({ "id": a.advisory });
    subscribe_live(&a.app, &mut socket, "a", ADVISORY_UPDATED, watch).await;
    comment(&a.app, &a.lead, &a.advisory).await;
    skip_until(&mut socket, "a", |e| e["kind"] == "COMMENTED").await;
    let subscriptions = a.app.state().realtime.hub.subscriptions();

    // Act
    a.app
        .gql(
            Some(&a.lead),
            REMOVE_MEMBER,
            json!({ "w": a.workspace, "u": soc_id }),
        )
        .await
        .ok();
    a.save(&a.lead, 1, json!({ "summary": "After the removal" }))
        .await
        .ok();

    // Assert
    let message = socket.next_json().await;
    assert_eq!(message["type"], "error", "{message}");
    assert_eq!(message["id"], "a");
    assert_eq!(codes(&message), ["FORBIDDEN"], "{message}");
    a.save(&a.lead, 2, json!({ "summary": "Later still" }))
        .await
        .ok();
    socket.expect_silence(Duration::from_millis(500)).await;
    until_subscriptions(&a.app, subscriptions - 1).await;
}

#[tokio::test]
async fn a_member_removed_from_the_workspace_has_the_advisory_stream_ended_within_a_second() {
    // Arrange: as the workspace's own streams do (`realtime.rs`), the advisory's should end
    // when the removal happens, not at the advisory's next change.
    let a = authors("GREEN").await;
    let soc = a.app.login("soc@grid.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    let soc_id = user_id(&a.app, &soc).await;
    let mut socket = ws::connect_as(&a.app, Some(&soc)).await;
    let watch = json!({ "id": a.advisory });
    subscribe_live(&a.app, &mut socket, "a", ADVISORY_UPDATED, watch).await;
    comment(&a.app, &a.lead, &a.advisory).await;
    skip_until(&mut socket, "a", |e| e["kind"] == "COMMENTED").await;

    // Act
    let since = Instant::now();
    a.app
        .gql(
            Some(&a.lead),
            REMOVE_MEMBER,
            json!({ "w": a.workspace, "u": soc_id }),
        )
        .await
        .ok();

    // Assert
    let message = tokio::time::timeout(Duration::from_secs(2), socket.next_json())
        .await
        .unwrap_or_else(|_| {
            panic!("the removed member's advisoryUpdated stream was not ended within 2 s of the removal")
        });
    assert_eq!(message["type"], "error", "{message}");
    assert_eq!(codes(&message), ["FORBIDDEN"], "{message}");
    assert!(
        since.elapsed() < Duration::from_secs(1),
        "ended after {:?}",
        since.elapsed()
    );
}

#[tokio::test]
async fn whoever_may_not_read_an_advisory_cannot_watch_it_until_it_is_published_to_them() {
    // Arrange: a RED advisory of the two authors, and a contributor who is not one of them.
    let a = authors("GREEN").await;
    let red = a.another("Ember sources", "RED").await;
    let soc = a.app.login("soc@grid.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    let outsider = a.app.login("handler@cert.example").await;
    let cases = [
        (
            "a member of another organisation",
            Some(&outsider),
            &a.advisory,
        ),
        ("an anonymous connection", None, &a.advisory),
        (
            "a member who is not named on a RED advisory",
            Some(&soc),
            &red,
        ),
    ];

    for (who, token, advisory) in cases {
        // Act
        let mut socket = ws::connect_as(&a.app, token.map(String::as_str)).await;
        let codes = refused(
            &mut socket,
            "a",
            ADVISORY_UPDATED,
            json!({ "id": advisory }),
        )
        .await;

        // Assert
        assert_eq!(codes, ["NOT_FOUND"], "{who}");
        socket.close().await;
    }
    until_subscriptions(&a.app, 0).await;

    // Published to MEMBERS, the outsider reads it, and watches it to its withdrawal.
    a.publish("MEMBERS").await;
    let mut socket = ws::connect_as(&a.app, Some(&outsider)).await;
    let watch = json!({ "id": a.advisory });
    subscribe_live(&a.app, &mut socket, "a", ADVISORY_UPDATED, watch).await;
    a.app
        .gql(
            Some(&a.lead),
            WITHDRAW,
            json!({ "id": a.advisory, "r": "Misattributed" }),
        )
        .await
        .ok();
    skip_until(&mut socket, "a", |e| e["advisory"]["status"] == "WITHDRAWN").await;
}

#[tokio::test]
async fn an_alert_reaches_each_subscriber_as_their_audience_allows() {
    // Arrange: a police analyst, a vendor researcher and an anonymous connection watch.
    let a = authors("GREEN").await;
    let coordinator = a.app.login("coordinator@hub.example").await;
    let mut police = ws::connect_as(&a.app, Some(&a.lead)).await;
    let mut vendor = ws::connect_as(&a.app, Some(&a.vendor)).await;
    let mut anonymous = ws::connect_as(&a.app, None).await;
    for socket in [&mut police, &mut vendor, &mut anonymous] {
        subscribe_live(&a.app, socket, "alerts", ALERT_ISSUED, json!({})).await;
    }
    let issue = |title: &str, audience: &str| {
        let input = json!({ "title": title, "summary": "Act now.", "severity": "HIGH", "audience": audience });
        let (app, coordinator) = (&a.app, &coordinator);
        async move {
            id(&app
                .gql(Some(coordinator), ISSUE, json!({ "i": input }))
                .await
                .ok()["issueAlert"])
        }
    };

    // Act
    let for_police = issue("Takedown tonight", "LAW_ENFORCEMENT").await;
    let for_everyone = issue("Fake fraud desk calls", "PUBLIC").await;

    // Assert
    let first = next_event(&mut police, "alerts", "alertIssued").await;
    let second = next_event(&mut police, "alerts", "alertIssued").await;
    assert_eq!(
        (&first["alert"]["id"], &second["alert"]["id"]),
        (&json!(for_police), &json!(for_everyone))
    );
    assert_eq!(first["alert"]["audience"], "LAW_ENFORCEMENT");
    for (who, socket) in [("vendor", &mut vendor), ("anonymous", &mut anonymous)] {
        let only = next_event(socket, "alerts", "alertIssued").await;
        assert_eq!(only["alert"]["id"], for_everyone.as_str(), "{who}: {only}");
        assert_eq!(only["alert"]["audience"], "PUBLIC", "{who}");
        socket.expect_silence(Duration::from_millis(300)).await;
    }
    police.expect_silence(Duration::from_millis(300)).await;
}
