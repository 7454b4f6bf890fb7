//! Session rules a review asked for: a session starts in the future, and a cancelled
//! session completes no one (so issues no certificate).

use serde_json::json;
use tests::spawn_app;

use super::{
    certificates::{OPEN_PROGRAMME, certification},
    collaboration::id,
};

const CREATE_SESSION: &str =
    "mutation($id: ID!, $i: SessionInput!) { createSession(programmeId: $id, input: $i) { id } }";

#[tokio::test]
async fn a_session_in_the_past_is_refused_and_a_cancelled_one_completes_no_one() {
    // Arrange: the vendor's open certification; a learner enrolled in a session that is
    // then cancelled.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let programme = certification(&app, &vendor).await;
    app.gql(Some(&vendor), OPEN_PROGRAMME, json!({ "id": programme }))
        .await;
    let at = |hours: i64| (chrono::Utc::now() + chrono::Duration::hours(hours)).to_rfc3339();
    let session = |starts: String, ends: String| json!({ "id": programme, "i": { "startsAt": starts, "endsAt": ends, "timeZone": "Europe/Amsterdam", "place": "Lyon", "capacity": 5 } });

    // Act
    let past = app
        .gql(Some(&vendor), CREATE_SESSION, session(at(-2), at(-1)))
        .await;
    let future = app
        .gql(Some(&vendor), CREATE_SESSION, session(at(24), at(30)))
        .await;
    let future = id(&future.ok()["createSession"]);
    let enrolled = app
        .gql(
            Some(&analyst),
            "mutation($id: ID!) { enrol(sessionId: $id) { id status } }",
            json!({ "id": future }),
        )
        .await;
    let enrolment = id(&enrolled.ok()["enrol"]);
    app.gql(
        Some(&vendor),
        "mutation($id: ID!) { cancelSession(id: $id) { id } }",
        json!({ "id": future }),
    )
    .await
    .ok();
    let completed = app
        .gql(
            Some(&vendor),
            "mutation($id: ID!) { completeEnrolment(enrolmentId: $id) { id } }",
            json!({ "id": enrolment }),
        )
        .await;

    // Assert
    assert_eq!(past.code(), Some("BAD_USER_INPUT"), "{}", past.body);
    assert_eq!(past.body["errors"][0]["extensions"]["field"], "startsAt");
    assert_eq!(completed.code(), Some("CONFLICT"), "{}", completed.body);
    let mine = app
        .gql(
            Some(&analyst),
            "{ myCertificates { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.ok()["myCertificates"]["edges"], json!([]));
}
