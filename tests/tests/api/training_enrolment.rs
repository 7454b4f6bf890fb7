//! Enrolment: seats, the waiting list under concurrency, promotion, audience.

use serde_json::{Value, json};
use tests::{Options, TestApp, spawn_app, spawn_app_with};

const CREATE: &str =
    "mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id status } }";
const OPEN: &str = "mutation($id: ID!) { openProgramme(id: $id) { status } }";
const SESSION: &str = "mutation($p: ID!, $i: SessionInput!) { createSession(programmeId: $p, input: $i) { id capacity } }";
const ENROL: &str = "mutation($s: ID!) { enrol(sessionId: $s) { id status waitingListPosition } }";
const CANCEL: &str = "mutation($s: ID!) { cancelEnrolment(sessionId: $s) { status } }";
const SEATS: &str = "query($p: ID!) { programme(id: $p) { sessions(first: 1) { nodes { seatsTaken waitingListLength onlineLink participants(first: 10) { nodes { id status } } } } } }";

/// An open CLASSROOM programme of the vendor with one session of `capacity` seats.
async fn open_session(
    app: &TestApp,
    provider: &str,
    audience: Option<Vec<&str>>,
    capacity: i32,
) -> (String, String) {
    let created = app
        .gql(Some(provider), CREATE, json!({ "i": { "title": "Incident response", "format": "CLASSROOM", "language": "en", "audienceKinds": audience } }))
        .await;
    let programme = created.ok()["createProgramme"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.gql(Some(provider), OPEN, json!({ "id": programme }))
        .await
        .ok();
    let session = app
        .gql(Some(provider), SESSION, json!({ "p": programme, "i": {
            "startsAt": "2099-01-01T09:00:00Z", "endsAt": "2099-01-01T17:00:00Z",
            "timeZone": "Europe/Amsterdam", "onlineLink": "https://meet.example/ir", "capacity": capacity } }))
        .await;
    let session = session.ok()["createSession"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (programme, session)
}

async fn learners(app: &TestApp, n: usize) -> Vec<String> {
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let mut tokens = Vec::new();
    for i in 0..n {
        let email = format!("learner{i}@cert.example");
        app.gql(Some(&admin), "mutation($e: String!, $o: ID!) { createUser(input: { email: $e, displayName: \"Learner\", password: \"correct horse battery\", organizationId: $o }) { id } }", json!({ "e": email, "o": org })).await.ok();
        let login = app.gql(None, "mutation($e: String!) { login(email: $e, password: \"correct horse battery\") { accessToken } }", json!({ "e": email })).await;
        tokens.push(
            login.ok()["login"]["accessToken"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    tokens
}

#[tokio::test]
async fn fifty_concurrent_enrolments_fill_ten_seats_and_queue_forty_in_order() {
    let app = spawn_app_with(Options {
        extra_args: vec!["--login-max-attempts-per-address".into(), "1000".into()],
        ..Options::default()
    })
    .await;
    let vendor = app.login("researcher@vendor.example").await;
    let (programme, session) = open_session(&app, &vendor, None, 10).await;
    let tokens = learners(&app, 50).await;

    let answers = futures::future::join_all(
        tokens
            .iter()
            .map(|t| app.gql(Some(t), ENROL, json!({ "s": session }))),
    )
    .await;

    let enrolments: Vec<Value> = answers.iter().map(|a| a.ok()["enrol"].clone()).collect();
    assert_eq!(
        enrolments
            .iter()
            .filter(|e| e["status"] == "CONFIRMED")
            .count(),
        10
    );
    let state = app
        .gql(Some(&vendor), SEATS, json!({ "p": programme }))
        .await;
    let s = &state.ok()["programme"]["sessions"]["nodes"][0];
    assert_eq!(s["seatsTaken"], 10);
    assert_eq!(s["waitingListLength"], 40);
    // Positions as each learner sees them now: a permutation of 1..=40, in seq order.
    let mut positions = Vec::new();
    for token in &tokens {
        let mine = app.gql(Some(token), "query($p: ID!) { programme(id: $p) { sessions { nodes { viewerEnrolment { status waitingListPosition } } } } }", json!({ "p": programme })).await;
        let e = mine.ok()["programme"]["sessions"]["nodes"][0]["viewerEnrolment"].clone();
        if e["status"] == "WAITLISTED" {
            positions.push(e["waitingListPosition"].as_i64().unwrap());
        }
    }
    positions.sort();
    assert_eq!(positions, (1..=40).collect::<Vec<i64>>());
}

#[tokio::test]
async fn a_cancelled_seat_goes_to_the_first_on_the_waiting_list_then_the_second() {
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let (programme, session) = open_session(&app, &vendor, None, 1).await;
    let first = app.login("analyst@police.example").await;
    let second = app.login("handler@cert.example").await;
    let third = app.login("soc@grid.example").await;
    assert_eq!(
        app.gql(Some(&first), ENROL, json!({ "s": session }))
            .await
            .ok()["enrol"]["status"],
        "CONFIRMED"
    );
    let w1 = app.gql(Some(&second), ENROL, json!({ "s": session })).await;
    assert_eq!(w1.ok()["enrol"]["waitingListPosition"], 1);
    let w2 = app.gql(Some(&third), ENROL, json!({ "s": session })).await;
    assert_eq!(w2.ok()["enrol"]["waitingListPosition"], 2);
    // Waitlisted learners do not see the link.
    let seen = app
        .gql(Some(&second), SEATS, json!({ "p": programme }))
        .await;
    assert_eq!(
        seen.ok()["programme"]["sessions"]["nodes"][0]["onlineLink"],
        Value::Null
    );
    assert_eq!(
        seen.ok()["programme"]["sessions"]["nodes"][0]["participants"]["nodes"],
        json!([])
    );
    // Double enrolment.
    assert_eq!(
        app.gql(Some(&first), ENROL, json!({ "s": session }))
            .await
            .code(),
        Some("CONFLICT")
    );

    app.gql(Some(&first), CANCEL, json!({ "s": session }))
        .await
        .ok();
    let seen = app
        .gql(Some(&second), SEATS, json!({ "p": programme }))
        .await;
    assert_eq!(
        seen.ok()["programme"]["sessions"]["nodes"][0]["onlineLink"],
        "https://meet.example/ir"
    );
    let notes = app
        .gql(
            Some(&second),
            "{ notifications(first: 10) { nodes { kind } } }",
            json!({}),
        )
        .await;
    assert!(
        notes.body.to_string().contains("SEAT_FROM_WAITING_LIST"),
        "{}",
        notes.body
    );

    app.gql(Some(&second), CANCEL, json!({ "s": session }))
        .await
        .ok();
    let mine = app.gql(Some(&third), "query($p: ID!) { programme(id: $p) { sessions { nodes { viewerEnrolment { status } } } } }", json!({ "p": programme })).await;
    assert_eq!(
        mine.ok()["programme"]["sessions"]["nodes"][0]["viewerEnrolment"]["status"],
        "CONFIRMED"
    );
}

#[tokio::test]
async fn a_law_enforcement_only_programme_does_not_exist_for_a_vendor_member() {
    let app = spawn_app().await;
    let professor = app.login("professor@university.example").await;
    let (programme, session) =
        open_session(&app, &professor, Some(vec!["LAW_ENFORCEMENT"]), 5).await;
    let vendor = app.login("researcher@vendor.example").await;
    let read = app
        .gql(
            Some(&vendor),
            "query($p: ID!) { programme(id: $p) { id } }",
            json!({ "p": programme }),
        )
        .await;
    assert_eq!(read.code(), Some("NOT_FOUND"));
    assert_eq!(
        app.gql(Some(&vendor), ENROL, json!({ "s": session }))
            .await
            .code(),
        Some("NOT_FOUND")
    );
    let list = app
        .gql(Some(&vendor), "{ programmes { nodes { id } } }", json!({}))
        .await;
    assert_eq!(list.ok()["programmes"]["nodes"], json!([]));
    let police = app.login("analyst@police.example").await;
    let list = app
        .gql(
            Some(&police),
            "{ programmes(withOpenSeats: true, search: \"INCIDENT\") { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(list.ok()["programmes"]["nodes"][0]["id"], programme);
    assert_eq!(
        app.gql(Some(&police), ENROL, json!({ "s": session }))
            .await
            .ok()["enrol"]["status"],
        "CONFIRMED"
    );
    assert_eq!(
        app.gql(None, ENROL, json!({ "s": session })).await.code(),
        Some("NOT_FOUND")
    );
}
