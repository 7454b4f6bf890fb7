//! The advisory workflow under pressure: concurrent saves against one revision (one wins,
//! the others get `CONFLICT` with the current revision, no revision is lost or skipped),
//! concurrent publications (distinct, sequential references), the audience that must fit
//! the TLP, sign-offs voided by any new revision, withdrawal, diffs, review comments,
//! validation that writes nothing, notifications and the audit log.

use std::collections::BTreeSet;

use chrono::{Datelike, Utc};
use futures::future::join_all;
use serde_json::{Value, json};
use tests::{Answer, TestApp};

use super::{
    advisories::{ADD_CO_AUTHOR, PUBLISH, SIGN_OFF, SUBMIT, WITHDRAW, authors, save_query},
    collaboration::{id, join, user_id},
    workspaces::{field, raw_id, workspace_audit},
};

const STATE: &str = "query($id: ID!) { advisory(id: $id) { status revision reference audience \
    withdrawnAt withdrawnReason viewerCanPublish current { title summary body } \
    signOffs(first: 10) { nodes { signed revision organization { name } } } \
    revisions(first: 100) { nodes { number summary } } } }";
const DIFF: &str = "query($id: ID!, $from: Int!, $to: Int!) { advisoryDiff(id: $id, from: $from, to: $to) { from to fields { field before after } body { change text } } }";
const COMMENT: &str = "mutation($id: ID!, $rev: Int!, $f: String!, $b: String!) { addReviewComment(advisoryId: $id, revision: $rev, field: $f, body: $b) { comment { id revision field body resolved author { email } } advisory { id } } }";
const RESOLVE: &str = "mutation($id: ID!, $r: Boolean!) { resolveReviewComment(id: $id, resolved: $r) { comment { id resolved resolvedBy { email } } } }";
const COMMENTS: &str = "query($id: ID!, $all: Boolean!, $rev: Int) { advisory(id: $id) { comments(first: 50, includeResolved: $all, revision: $rev) { nodes { id revision field resolved } } } }";
const ADD_INDICATORS: &str = "mutation($id: ID!, $rev: Int!, $t: String!) { addIndicators(id: $id, expectedRevision: $rev, text: $t) { accepted rejected advisory { revision } } }";
const NOTIFICATIONS: &str =
    "{ notifications(first: 50) { nodes { kind actor { email } advisory { id status } } } }";

async fn state(app: &TestApp, token: Option<&str>, advisory: &str) -> Value {
    app.gql(token, STATE, json!({ "id": advisory })).await.ok()["advisory"].clone()
}

async fn sign_off(app: &TestApp, token: &str, advisory: &str, rev: i64) -> Answer {
    app.gql(Some(token), SIGN_OFF, json!({ "id": advisory, "rev": rev }))
        .await
}

async fn comment(
    app: &TestApp,
    token: &str,
    advisory: &str,
    rev: i64,
    on: &str,
    body: &str,
) -> Answer {
    let variables = json!({ "id": advisory, "rev": rev, "f": on, "b": body });
    app.gql(Some(token), COMMENT, variables).await
}

/// `extensions.currentRevision` of the first error.
fn current_revision(answer: &Answer) -> Option<i64> {
    answer.body["errors"][0]["extensions"]["currentRevision"].as_i64()
}

fn assert_code(answer: &Answer, code: &str, what: &str) {
    assert_eq!(answer.code(), Some(code), "{what}: {}", answer.body);
}

#[tokio::test]
async fn twenty_concurrent_saves_against_one_revision_make_one_revision_and_nineteen_conflicts() {
    // Arrange
    let a = authors("GREEN").await;
    let mut winners = Vec::new();

    for round in 1..=3_i64 {
        // Act: twenty saves at once, each its own request, both authors taking turns.
        let saves = (0..20).map(|i| {
            let token = if i % 2 == 0 { &a.lead } else { &a.vendor };
            a.save(
                token,
                round,
                json!({ "summary": format!("Round {round}, save {i}") }),
            )
        });
        let answers = join_all(saves).await;

        // Assert
        let (ok, refused): (Vec<_>, Vec<_>) = answers
            .iter()
            .enumerate()
            .partition(|(_, answer)| answer.body.get("errors").is_none());
        assert_eq!(
            ok.len(),
            1,
            "round {round}: exactly one save must win: {:?}",
            answers.iter().map(|a| &a.body).collect::<Vec<_>>()
        );
        let (winner, won) = ok[0];
        assert_eq!(won.ok()["saveAdvisory"]["revision"], round + 1);
        for (i, answer) in &refused {
            assert_code(answer, "CONFLICT", &format!("round {round}, save {i}"));
            assert_eq!(
                current_revision(answer),
                Some(round + 1),
                "round {round}, save {i}: {}",
                answer.body
            );
        }
        winners.push(format!("Round {round}, save {winner}"));
    }

    let seen = state(&a.app, Some(&a.lead), &a.advisory).await;
    assert_eq!(seen["revision"], 4);
    let revisions = seen["revisions"]["nodes"].as_array().unwrap();
    let numbers: Vec<i64> = revisions
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [4, 3, 2, 1], "newest first, no gap: {seen}");
    let summaries: Vec<&str> = revisions[..3]
        .iter()
        .rev()
        .map(|r| r["summary"].as_str().unwrap())
        .collect();
    assert_eq!(summaries, winners, "each revision is its round's winner");
    assert_eq!(seen["current"]["summary"], winners[2].as_str());
}

#[tokio::test]
async fn two_advisories_published_at_the_same_moment_get_distinct_sequential_references() {
    // Arrange
    let a = authors("CLEAR").await;
    let other = a.another("Ember dropper", "CLEAR").await;
    a.approve().await;
    a.approve_advisory(&other).await;

    // Act
    let published = join_all([&a.advisory, &other].map(|advisory| {
        a.app.gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": advisory, "a": "PUBLIC" }),
        )
    }))
    .await;

    // Assert
    let references: BTreeSet<String> = published
        .iter()
        .map(|p| {
            p.ok()["publishAdvisory"]["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let year = Utc::now().year();
    let expected: BTreeSet<String> = [1, 2].iter().map(|n| format!("AH-{year}-{n:04}")).collect();
    assert_eq!(references, expected);
}

#[tokio::test]
async fn the_audience_must_fit_the_tlp_and_a_refusal_leaves_the_advisory_approved() {
    // Arrange: one approved advisory per case; each tries the refused audiences first.
    let a = authors("CLEAR").await;
    let cases: [(&str, &[(&str, &str)]); 6] = [
        ("CLEAR", &[("PUBLIC", "ok")]),
        ("GREEN", &[("PUBLIC", "BAD_USER_INPUT"), ("MEMBERS", "ok")]),
        (
            "GREEN",
            &[("PUBLIC", "BAD_USER_INPUT"), ("LAW_ENFORCEMENT", "ok")],
        ),
        (
            "AMBER",
            &[
                ("PUBLIC", "BAD_USER_INPUT"),
                ("MEMBERS", "BAD_USER_INPUT"),
                ("LAW_ENFORCEMENT", "BAD_USER_INPUT"),
            ],
        ),
        (
            "AMBER_STRICT",
            &[
                ("PUBLIC", "BAD_USER_INPUT"),
                ("MEMBERS", "BAD_USER_INPUT"),
                ("LAW_ENFORCEMENT", "BAD_USER_INPUT"),
            ],
        ),
        (
            "RED",
            &[
                ("PUBLIC", "BAD_USER_INPUT"),
                ("MEMBERS", "BAD_USER_INPUT"),
                ("LAW_ENFORCEMENT", "BAD_USER_INPUT"),
            ],
        ),
    ];

    for (tlp, attempts) in cases {
        let advisory = a.another(&format!("Ember, {tlp}"), tlp).await;
        a.approve_advisory(&advisory).await;
        for (audience, expected) in attempts {
            // Act
            let answer = a
                .app
                .gql(
                    Some(&a.lead),
                    PUBLISH,
                    json!({ "id": advisory, "a": audience }),
                )
                .await;

            // Assert
            let case = format!("{tlp} to {audience}");
            let after = state(&a.app, Some(&a.lead), &advisory).await;
            if *expected == "ok" {
                assert_eq!(answer.ok()["publishAdvisory"]["audience"], *audience);
                assert_eq!(after["status"], "PUBLISHED", "{case}");
            } else {
                assert_code(&answer, expected, &case);
                assert_eq!(field(&answer), Some("audience"), "{case}");
                assert_eq!(after["status"], "APPROVED", "{case}: {after}");
                assert_eq!(after["reference"], Value::Null, "{case}");
            }
        }
    }
}

/// The sign-offs of the current revision: (organisation, signed, revision).
fn sign_offs(seen: &Value) -> BTreeSet<(String, bool, i64)> {
    seen["signOffs"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["organization"]["name"].as_str().unwrap().to_owned(),
                s["signed"].as_bool().unwrap(),
                s["revision"].as_i64().unwrap(),
            )
        })
        .collect()
}

const POLICE: &str = "National Police Cybercrime Unit";
const VENDOR: &str = "Sentinel Threat Research";
const GRID: &str = "Continental Grid Operator";

#[tokio::test]
async fn an_edit_after_sign_off_voids_every_sign_off_and_sends_the_advisory_back_to_review() {
    // Arrange
    let a = authors("GREEN").await;
    let signed = a.approve().await;
    assert_eq!(
        state(&a.app, Some(&a.lead), &a.advisory).await["status"],
        "APPROVED"
    );

    // Act: the co-author improves the summary.
    let saved = a
        .save(&a.vendor, signed, json!({ "summary": "Sharper summary" }))
        .await;

    // Assert
    assert_eq!(saved.ok()["saveAdvisory"]["status"], "IN_REVIEW");
    let seen = state(&a.app, Some(&a.lead), &a.advisory).await;
    let current = signed + 1;
    assert_eq!(seen["revision"], current);
    assert_eq!(seen["viewerCanPublish"], false);
    assert_eq!(
        sign_offs(&seen),
        BTreeSet::from([
            (POLICE.to_owned(), false, current),
            (VENDOR.to_owned(), false, current),
        ])
    );
    let publish = json!({ "id": a.advisory, "a": "MEMBERS" });
    let published = a.app.gql(Some(&a.lead), PUBLISH, publish.clone()).await;
    assert_code(&published, "CONFLICT", "publishing without sign-offs");
    let stale = a
        .app
        .gql(
            Some(&a.lead),
            SIGN_OFF,
            json!({ "id": a.advisory, "rev": signed }),
        )
        .await;
    assert_code(&stale, "CONFLICT", "signing off a stale revision");
    assert_eq!(current_revision(&stale), Some(current), "{}", stale.body);
    sign_off(&a.app, &a.lead, &a.advisory, current).await.ok();
    assert_code(
        &sign_off(&a.app, &a.lead, &a.advisory, current).await,
        "CONFLICT",
        "signing twice for one organisation",
    );
    let seen = state(&a.app, Some(&a.lead), &a.advisory).await;
    assert_eq!(seen["status"], "IN_REVIEW");
    assert_eq!(
        sign_offs(&seen),
        BTreeSet::from([
            (POLICE.to_owned(), true, current),
            (VENDOR.to_owned(), false, current),
        ])
    );
    sign_off(&a.app, &a.vendor, &a.advisory, current).await.ok();
    assert_eq!(
        state(&a.app, Some(&a.lead), &a.advisory).await["status"],
        "APPROVED"
    );

    // A co-author added after approval brings an organisation that has not signed off.
    let soc = a.app.login("soc@grid.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    let soc_id = user_id(&a.app, &soc).await;
    let added = a
        .app
        .gql(
            Some(&a.lead),
            ADD_CO_AUTHOR,
            json!({ "a": a.advisory, "u": soc_id }),
        )
        .await;
    assert_eq!(added.ok()["addCoAuthor"]["status"], "IN_REVIEW");
    let seen = state(&a.app, Some(&a.lead), &a.advisory).await;
    assert_eq!(
        sign_offs(&seen),
        BTreeSet::from([
            (POLICE.to_owned(), true, current),
            (VENDOR.to_owned(), true, current),
            (GRID.to_owned(), false, current),
        ])
    );
    let published = a.app.gql(Some(&a.lead), PUBLISH, publish.clone()).await;
    assert_code(
        &published,
        "CONFLICT",
        "publishing before the new organisation signs",
    );
    sign_off(&a.app, &soc, &a.advisory, current).await.ok();
    let published = a.app.gql(Some(&a.lead), PUBLISH, publish).await;
    assert_eq!(published.ok()["publishAdvisory"]["status"], "PUBLISHED");
}

#[tokio::test]
async fn a_withdrawn_advisory_stays_readable_to_its_audience_marked_withdrawn_and_takes_no_change()
{
    // Arrange
    let a = authors("CLEAR").await;
    let reference = a.publish("PUBLIC").await;
    let rev = a.revision().await;
    let published_save = a.save(&a.lead, rev, json!({ "summary": "Late fix" })).await;
    assert_code(&published_save, "CONFLICT", "saving a published advisory");
    let empty_reason = a
        .app
        .gql(
            Some(&a.lead),
            WITHDRAW,
            json!({ "id": a.advisory, "r": "  " }),
        )
        .await;
    assert_code(
        &empty_reason,
        "BAD_USER_INPUT",
        "withdrawing without a reason",
    );
    assert_eq!(field(&empty_reason), Some("reason"));

    // Act
    let withdrawn = a
        .app
        .gql(
            Some(&a.lead),
            WITHDRAW,
            json!({ "id": a.advisory, "r": "The loader was misattributed" }),
        )
        .await;

    // Assert
    assert_eq!(withdrawn.ok()["withdrawAdvisory"]["status"], "WITHDRAWN");
    let public = state(&a.app, None, &a.advisory).await;
    assert_eq!(public["status"], "WITHDRAWN");
    assert_eq!(public["withdrawnReason"], "The loader was misattributed");
    assert!(public["withdrawnAt"].is_string(), "{public}");
    assert_eq!(public["reference"], reference.as_str());
    assert_eq!(public["revision"], rev);
    let listed = a
        .app
        .gql(
            None,
            "{ publishedAdvisories(first: 10) { nodes { id status } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed.ok()["publishedAdvisories"]["nodes"],
        json!([{ "id": a.advisory, "status": "WITHDRAWN" }])
    );
    let soc = a.app.login("soc@grid.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    let soc_id = user_id(&a.app, &soc).await;
    let changes: [(&str, &str, Value); 7] = [
        (
            "saveAdvisory",
            &save_query(),
            json!({ "id": a.advisory, "rev": rev, "c": { "summary": "Late fix" } }),
        ),
        (
            "addIndicators",
            ADD_INDICATORS,
            json!({ "id": a.advisory, "rev": rev, "t": "198.51.100.7" }),
        ),
        (
            "addCoAuthor",
            ADD_CO_AUTHOR,
            json!({ "a": a.advisory, "u": soc_id }),
        ),
        ("submitForReview", SUBMIT, json!({ "id": a.advisory })),
        ("signOff", SIGN_OFF, json!({ "id": a.advisory, "rev": rev })),
        (
            "publishAdvisory",
            PUBLISH,
            json!({ "id": a.advisory, "a": "PUBLIC" }),
        ),
        (
            "withdrawAdvisory",
            WITHDRAW,
            json!({ "id": a.advisory, "r": "Again" }),
        ),
    ];
    for (name, query, variables) in changes {
        let answer = a.app.gql(Some(&a.lead), query, variables).await;
        assert_code(
            &answer,
            "CONFLICT",
            &format!("{name} on a withdrawn advisory"),
        );
    }
    let after = state(&a.app, None, &a.advisory).await;
    assert_eq!(after, public, "nothing changed");
}

#[tokio::test]
async fn advisory_diff_lists_the_changed_fields_and_a_line_diff_of_the_body() {
    // Arrange
    let a = authors("GREEN").await;
    a.save(
        &a.lead,
        1,
        json!({ "summary": "Loader", "body": "one\ntwo\nthree" }),
    )
    .await
    .ok();
    a.save(
        &a.vendor,
        2,
        json!({ "title": "Ember loader v2", "body": "one\n2\nthree", "cves": ["CVE-2026-1234"] }),
    )
    .await
    .ok();
    let diff = |from: i64, to: i64| {
        a.app.gql(
            Some(&a.vendor),
            DIFF,
            json!({ "id": a.advisory, "from": from, "to": to }),
        )
    };

    // Act
    let last = diff(2, 3).await;
    let whole = diff(1, 3).await;
    let nowhere = diff(1, 9).await;

    // Assert
    let last = &last.ok()["advisoryDiff"];
    assert_eq!((&last["from"], &last["to"]), (&json!(2), &json!(3)));
    assert_eq!(
        last["fields"],
        json!([
            { "field": "title", "before": "Ember loader", "after": "Ember loader v2" },
            { "field": "body", "before": "one\ntwo\nthree", "after": "one\n2\nthree" },
            { "field": "cves", "before": "", "after": "CVE-2026-1234" },
        ])
    );
    assert_eq!(
        last["body"],
        json!([
            { "change": "UNCHANGED", "text": "one" },
            { "change": "REMOVED", "text": "two" },
            { "change": "ADDED", "text": "2" },
            { "change": "UNCHANGED", "text": "three" },
        ])
    );
    let fields: Vec<&str> = whole.ok()["advisoryDiff"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "summary", "body", "cves"]);
    assert_code(
        &nowhere,
        "BAD_USER_INPUT",
        "a diff to a revision that does not exist",
    );
    assert_eq!(field(&nowhere), Some("to"));
}

#[tokio::test]
async fn review_comments_attach_to_a_revision_and_field_and_are_resolved_by_authors_or_their_writer()
 {
    // Arrange: a contributor who is no author, and an observer.
    let a = authors("GREEN").await;
    a.save(&a.lead, 1, json!({ "summary": "Loader" }))
        .await
        .ok();
    let soc = a.app.login("soc@grid.example").await;
    let professor = a.app.login("professor@university.example").await;
    join(&a.app, &a.lead, &a.workspace, &soc, "CONTRIBUTOR").await;
    join(&a.app, &a.lead, &a.workspace, &professor, "OBSERVER").await;
    let listed = |all: bool, rev: Option<i64>| {
        a.app.gql(
            Some(&a.vendor),
            COMMENTS,
            json!({ "id": a.advisory, "all": all, "rev": rev }),
        )
    };

    // Act + Assert: a comment names its revision and field.
    let added = comment(&a.app, &soc, &a.advisory, 1, "title", "Name the family").await;
    let added = &added.ok()["addReviewComment"]["comment"];
    assert_eq!(added["revision"], 1);
    assert_eq!(added["field"], "title");
    assert_eq!(added["author"]["email"], "soc@grid.example");
    assert_eq!(added["resolved"], false);
    let first = id(added);
    let second = comment(&a.app, &a.vendor, &a.advisory, 2, "summary", "Too short").await;
    let second = id(&second.ok()["addReviewComment"]["comment"]);
    for (token, rev, on, body, code, bad) in [
        (&soc, 2, "colour", "Nice", "BAD_USER_INPUT", Some("field")),
        (
            &soc,
            3,
            "title",
            "Ahead of time",
            "BAD_USER_INPUT",
            Some("revision"),
        ),
        (&soc, 2, "title", "   ", "BAD_USER_INPUT", Some("body")),
        (&professor, 2, "title", "Observing", "FORBIDDEN", None),
    ] {
        let refused = comment(&a.app, token, &a.advisory, rev, on, body).await;
        assert_code(&refused, code, &format!("comment {on:?} on revision {rev}"));
        assert_eq!(field(&refused), bad, "{}", refused.body);
    }
    let on_first = listed(false, Some(1)).await;
    assert_eq!(
        nodes_of(&on_first.ok()["advisory"]["comments"]),
        std::slice::from_ref(&first)
    );

    // Neither the observer nor a contributor who did not write it resolves a comment.
    let resolve = |token: &str, comment: &str, resolved: bool| {
        let variables = json!({ "id": comment, "r": resolved });
        let token = token.to_owned();
        let app = &a.app;
        async move { app.gql(Some(&token), RESOLVE, variables).await }
    };
    assert_code(
        &resolve(&professor, &first, true).await,
        "FORBIDDEN",
        "observer",
    );
    assert_code(
        &resolve(&soc, &second, true).await,
        "FORBIDDEN",
        "not its writer",
    );
    let open = listed(false, None).await;
    assert_eq!(
        nodes_of(&open.ok()["advisory"]["comments"]),
        [first.clone(), second.clone()]
    );

    // An author resolves any comment; its writer reopens it.
    let resolved = resolve(&a.vendor, &first, true).await;
    let resolved = &resolved.ok()["resolveReviewComment"]["comment"];
    assert_eq!(resolved["resolved"], true);
    assert_eq!(resolved["resolvedBy"]["email"], "researcher@vendor.example");
    let open = listed(false, None).await;
    assert_eq!(
        nodes_of(&open.ok()["advisory"]["comments"]),
        std::slice::from_ref(&second)
    );
    let all = listed(true, None).await;
    assert_eq!(
        nodes_of(&all.ok()["advisory"]["comments"]),
        [first.clone(), second]
    );
    let reopened = resolve(&soc, &first, false).await;
    assert_eq!(
        reopened.ok()["resolveReviewComment"]["comment"]["resolved"],
        false
    );
}

fn nodes_of(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(id)
        .collect()
}

#[tokio::test]
async fn each_bad_input_is_bad_user_input_naming_its_field_and_writes_no_revision() {
    // Arrange
    let a = authors("GREEN").await;
    let long_title = "x".repeat(201);
    let cases = [
        (json!({ "cvssVector": "CVSS:3.1/AV:N/AC:L" }), "cvssVector"),
        (json!({ "cvssVector": "not a vector" }), "cvssVector"),
        (json!({ "cves": ["CVE-2026-1234", "CVE-12"] }), "cves"),
        (
            json!({ "references": ["ftp://example.org/ember"] }),
            "references",
        ),
        (json!({ "references": ["example.org/ember"] }), "references"),
        (json!({ "title": "   " }), "title"),
        (json!({ "title": long_title }), "title"),
        (
            json!({ "indicators": [{ "kind": "IPV_4", "value": "300.1.2.3" }] }),
            "indicators",
        ),
        (
            json!({ "affectedProducts": [{ "vendor": " ", "product": "Gateway" }] }),
            "affectedProducts",
        ),
    ];
    let before = state(&a.app, Some(&a.lead), &a.advisory).await;

    for (changes, expected) in cases {
        // Act
        let answer = a.save(&a.lead, 1, changes.clone()).await;

        // Assert
        assert_code(&answer, "BAD_USER_INPUT", &changes.to_string());
        assert_eq!(field(&answer), Some(expected), "{changes}: {}", answer.body);
    }
    let after = state(&a.app, Some(&a.lead), &a.advisory).await;
    assert_eq!(after, before, "no revision was written");
    assert_eq!(after["revision"], 1);
    // Pasted indicators that are all refused write nothing either.
    let pasted = a
        .app
        .gql(
            Some(&a.lead),
            ADD_INDICATORS,
            json!({ "id": a.advisory, "rev": 1, "t": "not an indicator\n999.999.1.1" }),
        )
        .await;
    let pasted = &pasted.ok()["addIndicators"];
    assert_eq!(
        (&pasted["accepted"], &pasted["rejected"]),
        (&json!(0), &json!(2))
    );
    assert_eq!(pasted["advisory"]["revision"], 1);
    // An advisory without a title is not started.
    let untitled = a
        .app
        .gql(
            Some(&a.lead),
            "mutation($w: ID!) { createAdvisory(input: { workspaceId: $w, title: \" \" }) { id } }",
            json!({ "w": a.workspace }),
        )
        .await;
    assert_code(&untitled, "BAD_USER_INPUT", "an empty title");
    assert_eq!(field(&untitled), Some("title"));
    let listed = a
        .app
        .gql(
            Some(&a.lead),
            "query($w: ID!) { workspace(id: $w) { advisories(first: 10) { nodes { id } } } }",
            json!({ "w": a.workspace }),
        )
        .await;
    assert_eq!(
        nodes_of(&listed.ok()["workspace"]["advisories"]),
        std::slice::from_ref(&a.advisory)
    );
}

/// (kind, advisory id, actor email) of each of the account's advisory notifications,
/// newest first.
async fn notifications(app: &TestApp, token: &str) -> Vec<(String, String, String)> {
    let listed = app.gql(Some(token), NOTIFICATIONS, json!({})).await;
    listed.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] != "INVITATION")
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["advisory"]["id"].as_str().unwrap_or("(none)").to_owned(),
                n["actor"]["email"].as_str().unwrap_or("(none)").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn co_authors_are_asked_to_sign_off_on_submission_and_told_of_the_publication() {
    // Arrange
    let a = authors("GREEN").await;
    let lead_email = "analyst@police.example".to_owned();

    // Act
    a.app
        .gql(Some(&a.lead), SUBMIT, json!({ "id": a.advisory }))
        .await
        .ok();
    let asked = notifications(&a.app, &a.vendor).await;
    let rev = a.revision().await;
    for token in [&a.lead, &a.vendor] {
        a.app
            .gql(
                Some(token),
                SIGN_OFF,
                json!({ "id": a.advisory, "rev": rev }),
            )
            .await
            .ok();
    }
    a.app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": a.advisory, "a": "MEMBERS" }),
        )
        .await
        .ok();

    // Assert
    let asked_for = (
        "SIGN_OFF_REQUESTED".to_owned(),
        a.advisory.clone(),
        lead_email.clone(),
    );
    assert_eq!(asked, std::slice::from_ref(&asked_for));
    assert_eq!(
        notifications(&a.app, &a.vendor).await,
        [
            (
                "ADVISORY_PUBLISHED".to_owned(),
                a.advisory.clone(),
                lead_email
            ),
            asked_for,
        ]
    );
    // The notification leads to the advisory as it is now.
    let listed = a.app.gql(Some(&a.vendor), NOTIFICATIONS, json!({})).await;
    assert_eq!(
        listed.ok()["notifications"]["nodes"][0]["advisory"]["status"],
        "PUBLISHED"
    );
    // Nobody is notified of what they did themselves.
    assert_eq!(notifications(&a.app, &a.lead).await, []);
}

#[tokio::test]
async fn the_workspace_audit_log_records_every_step_of_an_advisory_with_its_actor() {
    // Arrange
    let a = authors("CLEAR").await;
    a.save(&a.vendor, 1, json!({ "summary": "Loader" }))
        .await
        .ok();

    // Act
    let reference = a.publish("PUBLIC").await;

    // Assert
    let target = raw_id(&a.advisory);
    let events: Vec<Value> = workspace_audit(&a.app, &a.lead, &a.workspace)
        .await
        .into_iter()
        .filter(|e| e["targetId"] == target.as_str())
        .collect();
    let steps: BTreeSet<(String, String)> = events
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor"]["email"].as_str().unwrap_or("(none)").to_owned(),
            )
        })
        .collect();
    let lead = "analyst@police.example";
    let vendor = "researcher@vendor.example";
    let expected: BTreeSet<(String, String)> = [
        ("advisory.create", lead),
        ("advisory.add_co_author", lead),
        ("advisory.save", vendor),
        ("advisory.submit_for_review", lead),
        ("advisory.sign_off", lead),
        ("advisory.sign_off", vendor),
        ("advisory.approve", vendor),
        ("advisory.publish", lead),
    ]
    .into_iter()
    .map(|(action, actor)| (action.to_owned(), actor.to_owned()))
    .collect();
    assert_eq!(steps, expected, "{events:#?}");
    assert_eq!(events.len(), 8, "{events:#?}");
    let published = &events[0];
    assert_eq!(published["action"], "advisory.publish", "newest first");
    assert_eq!(published["details"]["reference"], reference.as_str());
    assert_eq!(published["details"]["audience"], "PUBLIC");
    assert_eq!(published["workspaceId"], raw_id(&a.workspace).as_str());
    let saved = events
        .iter()
        .find(|e| e["action"] == "advisory.save")
        .unwrap();
    assert_eq!(saved["details"]["revision"], 2);
}
