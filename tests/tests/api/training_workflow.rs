//! Training workflows beyond enrolment and the tenant matrix: prerequisites, module
//! completion and progress, certificates issued on completion (once), attendance, session
//! changes and cancellations told to the enrolled, capacity growth seating the waiting list,
//! the order of the waiting list under concurrency, refused inputs, and `trainingUpdated`.

use std::time::Duration;

use serde_json::{Value, json};
use tests::{Options, TestApp, spawn_app, spawn_app_with, ws};

use super::collaboration::{id, user_id};

const CREATE: &str = "mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }";
const OPEN: &str = "mutation($id: ID!) { openProgramme(id: $id) { id status } }";
const SESSION: &str =
    "mutation($p: ID!, $i: SessionInput!) { createSession(programmeId: $p, input: $i) { id } }";
const UPDATE_SESSION: &str = "mutation($id: ID!, $i: SessionInput!) { updateSession(id: $id, input: $i) { id capacity seatsTaken waitingListLength } }";
const CANCEL_SESSION: &str = "mutation($id: ID!) { cancelSession(id: $id) { id status } }";
const ENROL: &str =
    "mutation($s: ID!) { enrol(sessionId: $s) { id status waitingListPosition requestedAt } }";
const ADD_MODULE: &str =
    "mutation($p: ID!, $t: String!) { addModule(programmeId: $p, title: $t) { id position } }";
const COMPLETE_MODULE: &str = "mutation($id: ID!) { completeModule(id: $id) { id viewerProgress { completedModules totalModules complete } } }";
const UNCOMPLETE_MODULE: &str = "mutation($id: ID!) { uncompleteModule(id: $id) { id viewerProgress { completedModules totalModules complete } } }";
const ATTENDANCE: &str = "mutation($e: ID!, $a: Boolean!) { recordAttendance(enrolmentId: $e, attended: $a) { id attended completedAt } }";
const COMPLETE: &str =
    "mutation($e: ID!) { completeEnrolment(enrolmentId: $e) { id attended completedAt } }";
const ISSUE: &str =
    "mutation($p: ID!, $u: ID!) { issueCertificate(programmeId: $p, userId: $u) { id } }";
const CERTIFICATES: &str = "query($p: ID!) { programmeCertificates(programmeId: $p, first: 50) { nodes { id status holder { email } } } }";
const MINE: &str = "{ myCertificates(first: 50) { nodes { id programmeId status } } }";
const NOTIFICATIONS: &str = "{ notifications(first: 50) { nodes { kind sessionId } } }";

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    app.gql(Some(token), query, variables).await.ok().clone()
}

/// Creates (and, unless `draft`, opens) a programme of the viewer's organisation.
async fn programme(app: &TestApp, token: &str, input: Value, draft: bool) -> String {
    let created = ok(app, token, CREATE, json!({ "i": input })).await;
    let programme = id(&created["createProgramme"]);
    if !draft {
        ok(app, token, OPEN, json!({ "id": programme })).await;
    }
    programme
}

fn session_input(capacity: i32) -> Value {
    json!({
        "startsAt": "2099-05-01T09:00:00Z", "endsAt": "2099-05-01T17:00:00Z",
        "timeZone": "Europe/Madrid", "place": "Madrid", "onlineLink": "https://meet.example/w",
        "capacity": capacity,
    })
}

async fn session(app: &TestApp, token: &str, programme: &str, capacity: i32) -> String {
    let created = ok(
        app,
        token,
        SESSION,
        json!({ "p": programme, "i": session_input(capacity) }),
    )
    .await;
    id(&created["createSession"])
}

async fn enrol(app: &TestApp, token: &str, session: &str) -> Value {
    ok(app, token, ENROL, json!({ "s": session })).await["enrol"].clone()
}

/// Kinds of the viewer's notifications about `session`.
async fn notices(app: &TestApp, token: &str, session: &str) -> Vec<String> {
    ok(app, token, NOTIFICATIONS, json!({})).await["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["sessionId"] == session)
        .map(|n| n["kind"].as_str().unwrap().to_owned())
        .collect()
}

async fn certificates_of(app: &TestApp, manager: &str, programme: &str) -> Vec<Value> {
    ok(app, manager, CERTIFICATES, json!({ "p": programme })).await["programmeCertificates"]
        ["nodes"]
        .as_array()
        .unwrap()
        .clone()
}

const CAN_ENROL: &str = "query($p: ID!) { programme(id: $p) { viewerCanEnrol } }";

#[tokio::test]
async fn training_enrolment_waits_for_the_prerequisites_certificate() {
    // Arrange: a certification, and a classroom programme that requires it.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let basics = programme(
        &app,
        &vendor,
        json!({ "title": "Evidence basics", "format": "CERTIFICATION", "language": "en" }),
        false,
    )
    .await;
    let advanced = programme(
        &app,
        &vendor,
        json!({ "title": "Advanced evidence", "format": "CLASSROOM", "language": "en", "prerequisiteIds": [basics] }),
        false,
    )
    .await;
    let seats = session(&app, &vendor, &advanced, 5).await;

    // Act + Assert: refused without it.
    let can = ok(&app, &analyst, CAN_ENROL, json!({ "p": advanced })).await;
    assert_eq!(can["programme"]["viewerCanEnrol"], false);
    let refused = app.gql(Some(&analyst), ENROL, json!({ "s": seats })).await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{}", refused.body);
    let mine = ok(
        &app,
        &analyst,
        "{ myEnrolments { nodes { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(mine["myEnrolments"]["nodes"], json!([]));

    // With the prerequisite's certificate, admitted.
    let analyst_id = user_id(&app, &analyst).await;
    ok(
        &app,
        &vendor,
        ISSUE,
        json!({ "p": basics, "u": analyst_id }),
    )
    .await;
    let can = ok(&app, &analyst, CAN_ENROL, json!({ "p": advanced })).await;
    assert_eq!(can["programme"]["viewerCanEnrol"], true);
    assert_eq!(enrol(&app, &analyst, &seats).await["status"], "CONFIRMED");
}

#[tokio::test]
async fn training_finishing_every_module_of_a_certifying_e_learning_issues_one_certificate() {
    // Arrange: three modules.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "Crypto tracing", "format": "E_LEARNING", "language": "en", "certifying": true, "certificateValidDays": 365 }),
        true,
    )
    .await;
    let mut modules = Vec::new();
    for title in ["Wallets", "Mixers", "Exchanges"] {
        let added = ok(
            &app,
            &vendor,
            ADD_MODULE,
            json!({ "p": course, "t": title }),
        )
        .await;
        modules.push(id(&added["addModule"]));
    }
    ok(&app, &vendor, OPEN, json!({ "id": course })).await;
    let progress = |v: &Value| v["completeModule"]["viewerProgress"].clone();

    // Act + Assert: progress counts, no certificate before the last.
    let first = ok(&app, &analyst, COMPLETE_MODULE, json!({ "id": modules[0] })).await;
    assert_eq!(
        progress(&first),
        json!({ "completedModules": 1, "totalModules": 3, "complete": false })
    );
    // Marking the same module again changes nothing.
    let again = ok(&app, &analyst, COMPLETE_MODULE, json!({ "id": modules[0] })).await;
    assert_eq!(progress(&again)["completedModules"], 1);
    ok(&app, &analyst, COMPLETE_MODULE, json!({ "id": modules[1] })).await;
    assert!(certificates_of(&app, &vendor, &course).await.is_empty());
    let last = ok(&app, &analyst, COMPLETE_MODULE, json!({ "id": modules[2] })).await;
    assert_eq!(
        progress(&last),
        json!({ "completedModules": 3, "totalModules": 3, "complete": true })
    );
    let issued = certificates_of(&app, &vendor, &course).await;
    assert_eq!(issued.len(), 1, "{issued:?}");
    assert_eq!(issued[0]["holder"]["email"], "analyst@police.example");
    assert_eq!(issued[0]["status"], "VALID");

    // Undoing and redoing the last module issues no second certificate.
    let undone = ok(
        &app,
        &analyst,
        UNCOMPLETE_MODULE,
        json!({ "id": modules[2] }),
    )
    .await;
    assert_eq!(
        undone["uncompleteModule"]["viewerProgress"]["completedModules"],
        2
    );
    ok(&app, &analyst, COMPLETE_MODULE, json!({ "id": modules[2] })).await;
    assert_eq!(certificates_of(&app, &vendor, &course).await.len(), 1);
    let mine = ok(&app, &analyst, MINE, json!({})).await;
    assert_eq!(mine["myCertificates"]["nodes"].as_array().unwrap().len(), 1);
    // Another learner's progress is their own.
    let other = app.login("investigator@police2.example").await;
    let seen = ok(
        &app,
        &other,
        "query($p: ID!) { programme(id: $p) { viewerProgress { completedModules totalModules complete } } }",
        json!({ "p": course }),
    )
    .await;
    assert_eq!(
        seen["programme"]["viewerProgress"],
        json!({ "completedModules": 0, "totalModules": 3, "complete": false })
    );
}

#[tokio::test]
async fn training_completing_a_certification_session_issues_its_certificate_once_and_attendance_is_recorded()
 {
    // Arrange: a certification session with two learners.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let handler = app.login("handler@cert.example").await;
    let exam = programme(
        &app,
        &vendor,
        json!({ "title": "Certified responder", "format": "CERTIFICATION", "language": "en" }),
        false,
    )
    .await;
    let seats = session(&app, &vendor, &exam, 5).await;
    let present = id(&enrol(&app, &analyst, &seats).await);
    let absent = id(&enrol(&app, &handler, &seats).await);

    // Act + Assert: attendance.
    let recorded = ok(
        &app,
        &vendor,
        ATTENDANCE,
        json!({ "e": present, "a": true }),
    )
    .await;
    assert_eq!(recorded["recordAttendance"]["attended"], true);
    let recorded = ok(
        &app,
        &vendor,
        ATTENDANCE,
        json!({ "e": absent, "a": false }),
    )
    .await;
    assert_eq!(recorded["recordAttendance"]["attended"], false);
    let participants = ok(
        &app,
        &vendor,
        "query($p: ID!) { programme(id: $p) { sessions { nodes { participants { nodes { id attended } } } } } }",
        json!({ "p": exam }),
    )
    .await;
    let attended: Vec<Value> =
        participants["programme"]["sessions"]["nodes"][0]["participants"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["attended"].clone())
            .collect();
    assert_eq!(attended, vec![json!(true), json!(false)]);

    // Completion issues one certificate, and completing again none more.
    let done = ok(&app, &vendor, COMPLETE, json!({ "e": present })).await;
    assert!(done["completeEnrolment"]["completedAt"].is_string());
    ok(&app, &vendor, COMPLETE, json!({ "e": present })).await;
    let issued = certificates_of(&app, &vendor, &exam).await;
    assert_eq!(issued.len(), 1, "{issued:?}");
    assert_eq!(issued[0]["holder"]["email"], "analyst@police.example");
    assert!(
        notices(&app, &analyst, &seats)
            .await
            .contains(&"CERTIFICATE_ISSUED".to_owned())
    );

    // Someone recorded absent does not complete.
    let refused = app
        .gql(Some(&vendor), COMPLETE, json!({ "e": absent }))
        .await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{}", refused.body);
    assert_eq!(certificates_of(&app, &vendor, &exam).await.len(), 1);
}

#[tokio::test]
async fn training_session_changes_and_cancellation_are_told_to_the_enrolled_and_end_enrolment() {
    // Arrange: one seat; the analyst holds it, the handler waits.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let handler = app.login("handler@cert.example").await;
    let soc = app.login("soc@grid.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "Ransomware negotiation", "format": "WORKSHOP", "language": "en" }),
        false,
    )
    .await;
    let seats = session(&app, &vendor, &course, 1).await;
    enrol(&app, &analyst, &seats).await;
    assert_eq!(enrol(&app, &handler, &seats).await["status"], "WAITLISTED");

    // Act + Assert: a capacity-only change is not a change of time, place or link.
    ok(
        &app,
        &vendor,
        UPDATE_SESSION,
        json!({ "id": seats, "i": { "capacity": 1 } }),
    )
    .await;
    assert!(
        !notices(&app, &analyst, &seats)
            .await
            .contains(&"SESSION_CHANGED".to_owned())
    );
    // A new place is told to both.
    ok(
        &app,
        &vendor,
        UPDATE_SESSION,
        json!({ "id": seats, "i": { "place": "Lisbon" } }),
    )
    .await;
    for (who, token) in [("seated", &analyst), ("waiting", &handler)] {
        let kinds = notices(&app, token, &seats).await;
        assert_eq!(
            kinds.iter().filter(|k| *k == "SESSION_CHANGED").count(),
            1,
            "{who}: {kinds:?}"
        );
    }
    assert!(notices(&app, &soc, &seats).await.is_empty());

    // Cancelling tells both, and no one enrols any more.
    let cancelled = ok(&app, &vendor, CANCEL_SESSION, json!({ "id": seats })).await;
    assert_eq!(cancelled["cancelSession"]["status"], "CANCELLED");
    for token in [&analyst, &handler] {
        assert!(
            notices(&app, token, &seats)
                .await
                .contains(&"SESSION_CANCELLED".to_owned())
        );
    }
    let late = app.gql(Some(&soc), ENROL, json!({ "s": seats })).await;
    assert_eq!(late.code(), Some("CONFLICT"), "{}", late.body);
    let changed = app
        .gql(
            Some(&vendor),
            UPDATE_SESSION,
            json!({ "id": seats, "i": { "place": "Porto" } }),
        )
        .await;
    assert_eq!(changed.code(), Some("CONFLICT"), "{}", changed.body);
}

#[tokio::test]
async fn training_a_larger_capacity_seats_the_waiting_list_in_order_and_a_smaller_one_is_refused() {
    // Arrange: one seat, two waiting.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let first = app.login("analyst@police.example").await;
    let second = app.login("handler@cert.example").await;
    let third = app.login("soc@grid.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "OSINT", "format": "CLASSROOM", "language": "en" }),
        false,
    )
    .await;
    let seats = session(&app, &vendor, &course, 1).await;
    for token in [&first, &second, &third] {
        enrol(&app, token, &seats).await;
    }

    // Act
    let grown = ok(
        &app,
        &vendor,
        UPDATE_SESSION,
        json!({ "id": seats, "i": { "capacity": 2 } }),
    )
    .await;

    // Assert
    assert_eq!(grown["updateSession"]["seatsTaken"], 2);
    assert_eq!(grown["updateSession"]["waitingListLength"], 1);
    let status = |token: String| {
        let app = &app;
        let course = course.clone();
        async move {
            ok(app, &token, "query($p: ID!) { programme(id: $p) { sessions { nodes { viewerEnrolment { status waitingListPosition } } } } }", json!({ "p": course }))
                .await["programme"]["sessions"]["nodes"][0]["viewerEnrolment"]
                .clone()
        }
    };
    assert_eq!(status(second.clone()).await["status"], "CONFIRMED");
    assert_eq!(
        status(third.clone()).await,
        json!({ "status": "WAITLISTED", "waitingListPosition": 1 })
    );
    assert!(
        notices(&app, &second, &seats)
            .await
            .contains(&"SEAT_FROM_WAITING_LIST".to_owned())
    );
    let shrunk = app
        .gql(
            Some(&vendor),
            UPDATE_SESSION,
            json!({ "id": seats, "i": { "capacity": 1 } }),
        )
        .await;
    assert_eq!(shrunk.code(), Some("BAD_USER_INPUT"), "{}", shrunk.body);
    assert_eq!(
        shrunk.body["errors"][0]["extensions"]["field"], "capacity",
        "{}",
        shrunk.body
    );
}

async fn learners(app: &TestApp, n: usize) -> Vec<String> {
    let admin = app.login("admin@hub.example").await;
    let org = app.organization_id("National CERT").await;
    let mut tokens = Vec::new();
    for i in 0..n {
        let email = format!("queue{i}@cert.example");
        ok(app, &admin, "mutation($e: String!, $o: ID!) { createUser(input: { email: $e, displayName: \"Learner\", password: \"correct horse battery\", organizationId: $o }) { id } }", json!({ "e": email, "o": org })).await;
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
async fn training_fifty_concurrent_enrolments_queue_in_the_order_they_were_decided() {
    // Arrange
    let app = spawn_app_with(Options {
        extra_args: vec!["--login-max-attempts-per-address".into(), "1000".into()],
        ..Options::default()
    })
    .await;
    let vendor = app.login("researcher@vendor.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "Malware triage", "format": "CLASSROOM", "language": "en" }),
        false,
    )
    .await;
    let seats = session(&app, &vendor, &course, 10).await;
    let tokens = learners(&app, 50).await;

    // Act
    let answers = futures::future::join_all(
        tokens
            .iter()
            .map(|t| app.gql(Some(t), ENROL, json!({ "s": seats }))),
    )
    .await;
    for answer in &answers {
        answer.ok();
    }

    // Assert: `seq` is not exposed. What is: participants are listed oldest first (by their
    // ids, made under the session's lock), `requestedAt` is taken under the same lock, and
    // `waitingListPosition` is the rank by `seq`. So listing order, `requestedAt` order and
    // positions must agree, and every seat went to someone decided before everyone waiting.
    let listed = ok(
        &app,
        &vendor,
        "query($p: ID!) { programme(id: $p) { sessions(first: 1) { nodes { participants(first: 60) { nodes { id status requestedAt waitingListPosition } } } } } }",
        json!({ "p": course }),
    )
    .await;
    let participants = listed["programme"]["sessions"]["nodes"][0]["participants"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(participants.len(), 50);
    let at = |p: &Value| {
        chrono::DateTime::parse_from_rfc3339(p["requestedAt"].as_str().unwrap()).unwrap()
    };
    for pair in participants.windows(2) {
        assert!(
            at(&pair[0]) <= at(&pair[1]),
            "listing vs requestedAt: {pair:?}"
        );
    }
    let statuses: Vec<&str> = participants
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    let mut expected = vec!["CONFIRMED"; 10];
    expected.extend(vec!["WAITLISTED"; 40]);
    assert_eq!(statuses, expected, "seats went to the first decided");
    let positions: Vec<i64> = participants[10..]
        .iter()
        .map(|p| p["waitingListPosition"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, (1..=40).collect::<Vec<i64>>());
    // And what each learner was told when enrolling agrees with the listing.
    for answer in answers.iter().map(|a| &a.body["data"]["enrol"]) {
        let listed = participants
            .iter()
            .find(|p| p["id"] == answer["id"])
            .unwrap();
        if answer["status"] == "WAITLISTED" {
            // Positions only move up as no one left: what they were told is what they have.
            assert_eq!(answer["waitingListPosition"], listed["waitingListPosition"]);
        }
        assert_eq!(answer["requestedAt"], listed["requestedAt"]);
    }
}

#[tokio::test]
async fn training_bad_inputs_are_refused_naming_the_field() {
    // Arrange
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "Forensics", "format": "CLASSROOM", "language": "en" }),
        true,
    )
    .await;
    let with = |changes: Value| {
        let mut input = session_input(10);
        for (k, v) in changes.as_object().unwrap() {
            input[k] = v.clone();
        }
        json!({ "p": course, "i": input })
    };
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        (
            "empty title",
            CREATE,
            json!({ "i": { "title": "  ", "format": "CLASSROOM", "language": "en" } }),
            "title",
        ),
        (
            "bad language",
            CREATE,
            json!({ "i": { "title": "T", "format": "CLASSROOM", "language": "English" } }),
            "language",
        ),
        (
            "end before start",
            SESSION,
            with(json!({ "startsAt": "2099-05-01T17:00:00Z", "endsAt": "2099-05-01T09:00:00Z" })),
            "endsAt",
        ),
        (
            "capacity 0",
            SESSION,
            with(json!({ "capacity": 0 })),
            "capacity",
        ),
        (
            "bad time zone",
            SESSION,
            with(json!({ "timeZone": "Mars/Olympus" })),
            "timeZone",
        ),
        (
            "http link",
            SESSION,
            with(json!({ "onlineLink": "http://meet.example/w" })),
            "onlineLink",
        ),
    ];
    let count = "query($p: ID!) { programme(id: $p) { sessions(includePast: true) { nodes { id } } } programmes { nodes { id } } }";
    let before = ok(&app, &vendor, count, json!({ "p": course })).await;

    // Act + Assert
    let mut wrong = Vec::new();
    for (name, query, variables, field) in cases {
        let answer = app.gql(Some(&vendor), query, variables).await;
        let got = (
            answer.code(),
            answer.body["errors"][0]["extensions"]["field"].as_str(),
        );
        if got != (Some("BAD_USER_INPUT"), Some(field)) {
            wrong.push(format!("{name}: {}", answer.body));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        ok(&app, &vendor, count, json!({ "p": course })).await,
        before
    );
}

#[tokio::test]
async fn training_updated_reaches_a_learner_who_sees_the_programme_and_refuses_one_who_does_not() {
    // Arrange: a LAW_ENFORCEMENT-only programme.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let handler = app.login("handler@cert.example").await;
    let course = programme(
        &app,
        &vendor,
        json!({ "title": "Dark web", "format": "CLASSROOM", "language": "en", "audienceKinds": ["LAW_ENFORCEMENT"] }),
        false,
    )
    .await;
    let query = "subscription($p: ID!) { trainingUpdated(programmeId: $p) { programmeId cursor } }";
    let mut seer = ws::connect_as(&app, Some(&analyst)).await;
    seer.subscribe("t", query, json!({ "p": course })).await;
    let mut outsider = ws::connect_as(&app, Some(&handler)).await;
    outsider.subscribe("t", query, json!({ "p": course })).await;

    // Act + Assert: the outsider is refused as for a programme that does not exist.
    let refused = outsider.expect("error", "t").await;
    assert_eq!(
        refused["payload"][0]["extensions"]["code"], "NOT_FOUND",
        "{refused}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    session(&app, &vendor, &course, 3).await;
    let next = seer.expect("next", "t").await;
    assert_eq!(
        next["payload"]["data"]["trainingUpdated"]["programmeId"], course,
        "{next}"
    );
    outsider.expect_silence(Duration::from_millis(300)).await;
}
