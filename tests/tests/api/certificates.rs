//! Certificates: issued by the provider, verified by anyone by their code (revealing nothing
//! more than the holder's name, the programme, the provider, the dates and the status),
//! revoked with a reason; and certification-gated workspaces: a workspace that requires a
//! certificate refuses invitations to those without one, and a member whose certificate is
//! revoked or expires loses access at once (live streams included).

use std::time::Duration;

use serde_json::{Value, json};
use tests::{Options, TestApp, spawn_app, spawn_app_with, ws};

use super::{
    collaboration::{INVITE, id, join, user_id},
    workspaces::create_workspace,
};

pub const CREATE_PROGRAMME: &str =
    "mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id status } }";
pub const OPEN_PROGRAMME: &str = "mutation($id: ID!) { openProgramme(id: $id) { id status } }";
const ISSUE: &str = "mutation($p: ID!, $u: ID!, $e: DateTime) { issueCertificate(programmeId: $p, userId: $u, expiresAt: $e) { id code status programmeTitle expiresAt holder { email } } }";
const REVOKE: &str = "mutation($id: ID!, $r: String!) { revokeCertificate(id: $id, reason: $r) { id status revokedReason } }";
const VERIFY: &str = "query($c: String!) { verifyCertificate(code: $c) { holderName programmeTitle providerName issuedAt expiresAt status } }";
const REQUIRE: &str = "mutation($w: ID!, $p: ID) { updateWorkspace(id: $w, input: { requiredCertificateProgrammeId: $p }) { id requiredCertificateProgrammeId } }";
const TITLE: &str = "Handling TLP:RED material";

/// An open certification programme of the vendor (its researcher manages it).
pub async fn certification(app: &TestApp, vendor: &str) -> String {
    let created = app
        .gql(
            Some(vendor),
            CREATE_PROGRAMME,
            json!({ "i": { "title": TITLE, "description": "Rules and practice.", "format": "CERTIFICATION", "language": "en" } }),
        )
        .await;
    let programme = id(&created.ok()["createProgramme"]);
    app.gql(Some(vendor), OPEN_PROGRAMME, json!({ "id": programme }))
        .await
        .ok();
    programme
}

async fn issue(
    app: &TestApp,
    by: &str,
    programme: &str,
    holder: &str,
    expires: Option<String>,
) -> Value {
    let holder_id = user_id(app, holder).await;
    app.gql(
        Some(by),
        ISSUE,
        json!({ "p": programme, "u": holder_id, "e": expires }),
    )
    .await
    .ok()["issueCertificate"]
        .clone()
}

#[tokio::test]
async fn anyone_verifies_a_certificate_by_its_code_and_learns_nothing_more_of_its_holder() {
    // Arrange
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let programme = certification(&app, &vendor).await;
    let certificate = issue(&app, &vendor, &programme, &analyst, None).await;
    let code = certificate["code"].as_str().unwrap().to_owned();

    // Act
    let verified = app.gql(None, VERIFY, json!({ "c": code })).await;
    let unknown = app
        .gql(None, VERIFY, json!({ "c": "AHC-not-a-real-code-000000" }))
        .await;
    let prying = app
        .gql(
            None,
            "query($c: String!) { verifyCertificate(code: $c) { holderName holderEmail } }",
            json!({ "c": code }),
        )
        .await;

    // Assert
    let verified = &verified.ok()["verifyCertificate"];
    assert_eq!(verified["programmeTitle"], TITLE);
    assert_eq!(verified["status"], "VALID");
    assert_eq!(verified["providerName"], "Sentinel Threat Research");
    assert!(verified["holderName"].is_string());
    assert_eq!(verified.as_object().unwrap().len(), 6, "{verified}");
    assert!(
        !verified.to_string().contains('@'),
        "no address: {verified}"
    );
    assert_eq!(unknown.ok()["verifyCertificate"], Value::Null);
    assert_eq!(
        prying.code(),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{}",
        prying.body
    );
    assert!(code.starts_with("AHC-") && code.len() >= 26, "{code}");
}

#[tokio::test]
async fn only_the_providers_members_and_coordinators_issue_and_revoke_certificates() {
    // Arrange
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let professor = app.login("professor@university.example").await;
    let coordinator = app.login("coordinator@hub.example").await;
    let programme = certification(&app, &vendor).await;
    let analyst_id = user_id(&app, &analyst).await;

    // Act + Assert: issuing.
    let cases: [(&str, Option<&str>, Option<&str>); 4] = [
        ("a learner", Some(analyst.as_str()), Some("FORBIDDEN")),
        (
            "another provider",
            Some(professor.as_str()),
            Some("FORBIDDEN"),
        ),
        ("anonymous", None, Some("NOT_FOUND")),
        ("a coordinator", Some(coordinator.as_str()), None),
    ];
    let mut issued = Value::Null;
    for (who, token, expected) in cases {
        let answer = app
            .gql(
                token,
                ISSUE,
                json!({ "p": programme, "u": analyst_id, "e": null }),
            )
            .await;
        assert_eq!(answer.code(), expected, "{who}: {}", answer.body);
        if expected.is_none() {
            issued = answer.ok()["issueCertificate"].clone();
        }
    }
    // One valid certificate per holder and programme: a new one replaces the old.
    let again = app
        .gql(
            Some(&vendor),
            ISSUE,
            json!({ "p": programme, "u": analyst_id, "e": null }),
        )
        .await;
    let replaced = app.gql(None, VERIFY, json!({ "c": issued["code"] })).await;
    assert_eq!(replaced.ok()["verifyCertificate"]["status"], "REVOKED");
    let certificate = again.ok()["issueCertificate"].clone();
    let certificate_id = id(&certificate);
    for (who, token, expected) in [
        ("the holder", Some(analyst.as_str()), "NOT_FOUND"),
        ("another provider", Some(professor.as_str()), "NOT_FOUND"),
        ("anonymous", None, "NOT_FOUND"),
    ] {
        let answer = app
            .gql(
                token,
                REVOKE,
                json!({ "id": certificate_id, "r": "mistake" }),
            )
            .await;
        assert_eq!(answer.code(), Some(expected), "{who}: {}", answer.body);
    }
    let revoked = app
        .gql(
            Some(&vendor),
            REVOKE,
            json!({ "id": certificate_id, "r": "Issued in error" }),
        )
        .await;
    assert_eq!(revoked.ok()["revokeCertificate"]["status"], "REVOKED");
    let verified = app
        .gql(None, VERIFY, json!({ "c": certificate["code"] }))
        .await;
    assert_eq!(verified.ok()["verifyCertificate"]["status"], "REVOKED");
    let mine = app
        .gql(
            Some(&analyst),
            "{ myCertificates { edges { node { status programmeTitle } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        mine.ok()["myCertificates"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn a_gated_workspace_admits_only_certificate_holders_and_a_revocation_ends_access_and_streams()
 {
    // Arrange: a police workspace that will require the vendor's certification.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let investigator = app.login("investigator@police2.example").await;
    let programme = certification(&app, &vendor).await;
    let workspace = create_workspace(&app, &analyst, json!({ "name": "Red room" })).await;

    // Act + Assert: the owner cannot require what they do not hold themselves.
    let refused = app
        .gql(
            Some(&analyst),
            REQUIRE,
            json!({ "w": workspace, "p": programme }),
        )
        .await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{}", refused.body);
    issue(&app, &vendor, &programme, &analyst, None).await;
    let required = app
        .gql(
            Some(&analyst),
            REQUIRE,
            json!({ "w": workspace, "p": programme }),
        )
        .await;
    assert_eq!(
        required.ok()["updateWorkspace"]["requiredCertificateProgrammeId"],
        programme
    );

    // An invitation to someone without it says why.
    let investigator_id = user_id(&app, &investigator).await;
    let invite = app
        .gql(
            Some(&analyst),
            INVITE,
            json!({ "i": { "workspaceId": workspace, "userId": investigator_id, "role": "CONTRIBUTOR" } }),
        )
        .await;
    assert_eq!(invite.code(), Some("BAD_USER_INPUT"), "{}", invite.body);
    assert!(
        invite.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("requires a valid certificate"),
        "{}",
        invite.body
    );

    // With the certificate, they join and watch the workspace live.
    let certificate = issue(&app, &vendor, &programme, &investigator, None).await;
    join(&app, &analyst, &workspace, &investigator, "CONTRIBUTOR").await;
    let mut socket = ws::connect_as(&app, Some(&investigator)).await;
    socket
        .subscribe(
            "w",
            "subscription($w: ID!) { threadActivity(workspaceId: $w) { kind } }",
            json!({ "w": workspace }),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Revoking the certificate ends the membership, the access and the stream.
    app.gql(
        Some(&vendor),
        REVOKE,
        json!({ "id": id(&certificate), "r": "Failed the re-check" }),
    )
    .await
    .ok();
    let ended = socket.expect("error", "w").await;
    assert_eq!(
        ended["payload"][0]["extensions"]["code"], "FORBIDDEN",
        "{ended}"
    );
    let seen = app
        .gql(
            Some(&investigator),
            "query($w: ID!) { workspace(id: $w) { id } }",
            json!({ "w": workspace }),
        )
        .await;
    assert_eq!(seen.code(), Some("NOT_FOUND"), "{}", seen.body);
}

#[tokio::test]
async fn a_member_whose_certificate_expires_loses_access_to_the_gated_workspace() {
    // Arrange: sweeps every 200 ms; the investigator's certificate lasts two seconds.
    let app = spawn_app_with(Options {
        extra_args: vec!["--certificate-sweep-interval-ms".into(), "200".into()],
        ..Options::default()
    })
    .await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let investigator = app.login("investigator@police2.example").await;
    let programme = certification(&app, &vendor).await;
    let workspace = create_workspace(&app, &analyst, json!({ "name": "Red room" })).await;
    issue(&app, &vendor, &programme, &analyst, None).await;
    app.gql(
        Some(&analyst),
        REQUIRE,
        json!({ "w": workspace, "p": programme }),
    )
    .await
    .ok();
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    issue(&app, &vendor, &programme, &investigator, Some(soon)).await;
    join(&app, &analyst, &workspace, &investigator, "OBSERVER").await;
    let read = "query($w: ID!) { workspace(id: $w) { id } }";
    assert!(
        app.gql(Some(&investigator), read, json!({ "w": workspace }))
            .await
            .code()
            .is_none()
    );

    // Act
    tokio::time::sleep(Duration::from_millis(3_000)).await;

    // Assert
    let seen = app
        .gql(Some(&investigator), read, json!({ "w": workspace }))
        .await;
    assert_eq!(seen.code(), Some("NOT_FOUND"), "{}", seen.body);
    let owner_still = app
        .gql(Some(&analyst), read, json!({ "w": workspace }))
        .await;
    assert!(owner_still.code().is_none(), "{}", owner_still.body);
}

#[tokio::test]
async fn a_learner_cannot_undo_a_revocation_by_marking_the_modules_done_again() {
    // Arrange: a certifying e-learning programme of one module, completed and certified,
    // then revoked.
    let app = spawn_app().await;
    let vendor = app.login("researcher@vendor.example").await;
    let analyst = app.login("analyst@police.example").await;
    let created = app
        .gql(
            Some(&vendor),
            CREATE_PROGRAMME,
            json!({ "i": { "title": TITLE, "format": "E_LEARNING", "language": "en", "certifying": true } }),
        )
        .await;
    let programme = id(&created.ok()["createProgramme"]);
    let module = app
        .gql(
            Some(&vendor),
            "mutation($p: ID!) { addModule(programmeId: $p, title: \"Rules\", content: \"Read them.\") { id } }",
            json!({ "p": programme }),
        )
        .await;
    let module = id(&module.ok()["addModule"]);
    app.gql(Some(&vendor), OPEN_PROGRAMME, json!({ "id": programme }))
        .await
        .ok();
    let mark = |done: bool| {
        let query = if done {
            "mutation($id: ID!) { completeModule(id: $id) { id } }"
        } else {
            "mutation($id: ID!) { uncompleteModule(id: $id) { id } }"
        };
        let (app, analyst, module) = (&app, &analyst, &module);
        async move {
            app.gql(Some(analyst), query, json!({ "id": module }))
                .await
                .ok()
                .clone()
        }
    };
    mark(true).await;
    let mine = "{ myCertificates { edges { node { id status } } } }";
    let certified = app.gql(Some(&analyst), mine, json!({})).await;
    let certificate = certified.ok()["myCertificates"]["edges"][0]["node"]["id"].clone();
    assert!(certificate.is_string(), "{}", certified.body);
    app.gql(
        Some(&vendor),
        REVOKE,
        json!({ "id": certificate, "r": "Shared the exam answers" }),
    )
    .await
    .ok();

    // Act
    mark(false).await;
    mark(true).await;

    // Assert: still the one, revoked, certificate.
    let after = app.gql(Some(&analyst), mine, json!({})).await;
    let edges = after.ok()["myCertificates"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(edges.len(), 1, "{edges:?}");
    assert_eq!(edges[0]["node"]["status"], "REVOKED");
}
