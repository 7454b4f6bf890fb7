//! Session rules a review asked for — a session starts in the future, and a cancelled
//! session completes no one (so issues no certificate) — and who is refused a session and
//! a module's done state.

use serde_json::{Value, json};
use tests::spawn_app;

use super::{
    certificates::{CREATE_PROGRAMME, OPEN_PROGRAMME, certification},
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

#[tokio::test]
async fn a_session_and_a_modules_done_state_are_refused_to_those_who_may_not_see_the_programme() {
    // Arrange: a law-enforcement-only classroom programme with a session, and an e-learning
    // one with a module the analyst marked done.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let handler = app.login("handler@cert.example").await;
    let pending = app.login("pending@unverified.example").await;
    let create = |format: &str, audience: Value| json!({ "i": { "title": "For the police", "format": format, "language": "en", "audienceKinds": audience } });
    let classroom = app
        .gql(
            Some(&vendor),
            CREATE_PROGRAMME,
            create("CLASSROOM", json!(["LAW_ENFORCEMENT"])),
        )
        .await;
    let classroom = id(&classroom.ok()["createProgramme"]);
    app.gql(Some(&vendor), OPEN_PROGRAMME, json!({ "id": classroom }))
        .await
        .ok();
    let at = |hours: i64| (chrono::Utc::now() + chrono::Duration::hours(hours)).to_rfc3339();
    let session = app
        .gql(
            Some(&vendor),
            CREATE_SESSION,
            json!({ "id": classroom, "i": { "startsAt": at(24), "endsAt": at(30), "timeZone": "UTC", "place": "Lyon", "capacity": 5 } }),
        )
        .await;
    let session = id(&session.ok()["createSession"]);
    let elearning = app
        .gql(
            Some(&vendor),
            CREATE_PROGRAMME,
            create("E_LEARNING", json!(["LAW_ENFORCEMENT"])),
        )
        .await;
    let elearning = id(&elearning.ok()["createProgramme"]);
    let module = app
        .gql(
            Some(&vendor),
            "mutation($p: ID!) { addModule(programmeId: $p, title: \"One\") { id } }",
            json!({ "p": elearning }),
        )
        .await;
    let module = id(&module.ok()["addModule"]);
    app.gql(Some(&vendor), OPEN_PROGRAMME, json!({ "id": elearning }))
        .await
        .ok();
    app.gql(
        Some(&analyst),
        "mutation($id: ID!) { completeModule(id: $id) { id } }",
        json!({ "id": module }),
    )
    .await
    .ok();
    let read_session = "query($id: ID!) { trainingSession(id: $id) { id capacity } }";
    let read_modules =
        "query($id: ID!) { programme(id: $id) { modules { nodes { viewerCompleted } } } }";

    // Act + Assert: the learner the audience admits, then those it does not.
    let seen = app
        .gql(Some(&analyst), read_session, json!({ "id": session }))
        .await;
    assert_eq!(seen.ok()["trainingSession"]["capacity"], 5);
    let done = app
        .gql(Some(&analyst), read_modules, json!({ "id": elearning }))
        .await;
    assert_eq!(
        done.ok()["programme"]["modules"]["nodes"],
        json!([{ "viewerCompleted": true }])
    );
    for (who, token) in [
        ("another kind", Some(handler.as_str())),
        ("an unverified member", Some(pending.as_str())),
        ("anonymous", None),
    ] {
        let session = app.gql(token, read_session, json!({ "id": session })).await;
        assert_eq!(session.code(), Some("NOT_FOUND"), "{who}: {}", session.body);
        let modules = app
            .gql(token, read_modules, json!({ "id": elearning }))
            .await;
        assert_eq!(modules.code(), Some("NOT_FOUND"), "{who}: {}", modules.body);
    }
}
