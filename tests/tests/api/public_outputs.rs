//! The public outputs over plain HTTP, for anyone without signing in: the Atom feed of
//! public alerts and advisories, and the CSAF provider under `/.well-known/csaf/` (metadata,
//! the TLP:CLEAR directory with `index.txt`, `changes.csv`, each document and its hash). They
//! carry exactly what an anonymous reader may see: a `MEMBERS` advisory or a
//! `LAW_ENFORCEMENT` alert is nowhere, not even by its would-be path. The served CSAF
//! document and the advisory's STIX bundle pass the field's own validators
//! (`tests::validators`, installed by `make validators`).

use chrono::{Datelike, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::TestApp;

use super::advisories::{Authors, PUBLISH, WITHDRAW, authors};

const FEED: &str = "/feeds/alerts.atom";
const METADATA: &str = "/.well-known/csaf/provider-metadata.json";
const INDEX: &str = "/.well-known/csaf/clear/index.txt";
const CHANGES: &str = "/.well-known/csaf/clear/changes.csv";
const ATOM: &str = "http://www.w3.org/2005/Atom";

const PUBLIC_ALERT: &str = "Fake fraud desk calls";
const POLICE_ALERT: &str = "Takedown of the Ember panels tonight";
const MEMBERS_TITLE: &str = "Ember dropper for members";

/// A plain GET of `path`: (status, content type, body).
async fn get(app: &TestApp, path: &str) -> (StatusCode, String, String) {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, content_type, response.text().await.unwrap())
}

/// What every test starts from: the police analyst and the vendor researcher publish their
/// `CLEAR` advisory (with indicators, a CVE and a CVSS vector) to `PUBLIC` and a `GREEN` one
/// to `MEMBERS`; the coordinator issues a public and a law-enforcement alert.
struct Published {
    a: Authors,
    /// The `MEMBERS` advisory.
    members: String,
    /// `AH-YYYY-NNNN` of the public advisory.
    reference: String,
    /// `AH-YYYY-NNNN` of the `MEMBERS` advisory.
    members_reference: String,
}

async fn published() -> Published {
    let a = authors("CLEAR").await;
    a.save(
        &a.lead,
        1,
        json!({
            "summary": "Fake invoices drop the Ember loader.",
            "body": "Ember arrives as an invoice attachment.",
            "cvssVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
            "cves": ["CVE-2026-12345"],
            "affectedProducts": [{ "vendor": "Acme", "product": "Mail Gateway", "versions": "< 4.2" }],
            "references": ["https://example.org/ember"],
            "indicators": [
                { "kind": "IPV_4", "value": "198.51.100.7" },
                { "kind": "DOMAIN", "value": "ember.example" },
                { "kind": "SHA_256", "value": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
            ],
        }),
    )
    .await
    .ok();
    let reference = a.publish("PUBLIC").await;
    let members = a.another(MEMBERS_TITLE, "GREEN").await;
    a.approve_advisory(&members).await;
    let members_reference = a
        .app
        .gql(
            Some(&a.lead),
            PUBLISH,
            json!({ "id": members, "a": "MEMBERS" }),
        )
        .await;
    let members_reference = members_reference.ok()["publishAdvisory"]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let coordinator = a.app.login("coordinator@hub.example").await;
    for (title, audience) in [(PUBLIC_ALERT, "PUBLIC"), (POLICE_ALERT, "LAW_ENFORCEMENT")] {
        a.app
            .gql(
                Some(&coordinator),
                "mutation($i: IssueAlertInput!) { issueAlert(input: $i) { id } }",
                json!({ "i": { "title": title, "summary": "Act now.", "severity": "HIGH", "audience": audience } }),
            )
            .await
            .ok();
    }
    Published {
        a,
        members,
        reference,
        members_reference,
    }
}

/// The CSAF file name of a reference, relative to the TLP:CLEAR directory.
fn relative_path(reference: &str) -> String {
    format!("{}/{}.json", Utc::now().year(), reference.to_lowercase())
}

/// The path part of an absolute URL (the app answers on its own port, whatever its public
/// URL says).
fn path_of(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/", |slash| &after_scheme[slash..])
}

#[tokio::test]
async fn the_atom_feed_carries_the_public_alert_and_advisory_and_nothing_else() {
    // Arrange
    let p = published().await;

    // Act
    let (status, content_type, body) = get(&p.a.app, FEED).await;

    // Assert
    assert_eq!(status, StatusCode::OK);
    assert!(
        content_type.starts_with("application/atom+xml"),
        "{content_type}"
    );
    let xml = roxmltree::Document::parse(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let feed = xml.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some(ATOM), "feed")
    );
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children()
            .find(|c| c.tag_name().namespace() == Some(ATOM) && c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    for required in ["id", "title", "updated"] {
        assert!(
            child(feed, required).is_some(),
            "the feed has no {required}"
        );
    }
    let entries: Vec<(String, String)> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .map(|e| {
            assert!(child(e, "updated").is_some(), "an entry without updated");
            (child(e, "id").unwrap(), child(e, "title").unwrap())
        })
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_ne!(entries[0].0, entries[1].0, "entry ids are unique");
    let titles: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    assert!(
        titles.iter().any(|t| t.contains(PUBLIC_ALERT)),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.contains(&p.reference) && t.contains("Ember loader")),
        "{titles:?}"
    );
    for hidden in [POLICE_ALERT, MEMBERS_TITLE, p.members_reference.as_str()] {
        assert!(
            !body.contains(hidden),
            "{hidden} is in the public feed: {body}"
        );
    }
    // The alert's link names it by the id the public page anchors it with.
    let alert_id =
        p.a.app
            .gql(
                None,
                "{ publicAlerts { edges { node { id } } } }",
                json!({}),
            )
            .await
            .ok()["publicAlerts"]["edges"][0]["node"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    assert!(
        body.contains(&format!("/public#alert-{alert_id}\"")),
        "the alert's link is not /public#alert-{alert_id}: {body}"
    );
}

#[tokio::test]
async fn the_csaf_provider_metadata_names_the_provider_and_its_distribution_directory() {
    // Arrange
    let p = published().await;

    // Act
    let (status, content_type, body) = get(&p.a.app, METADATA).await;

    // Assert
    assert_eq!(status, StatusCode::OK);
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let metadata: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(metadata["role"], "csaf_provider");
    assert_eq!(metadata["metadata_version"], "2.0");
    assert!(
        metadata["canonical_url"]
            .as_str()
            .unwrap()
            .ends_with(METADATA),
        "{metadata}"
    );
    let directories: Vec<&str> = metadata["distributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["directory_url"].as_str())
        .collect();
    assert_eq!(directories.len(), 1, "{metadata}");
    assert_eq!(path_of(directories[0]), "/.well-known/csaf/clear/");
    assert!(metadata["publisher"]["name"].is_string(), "{metadata}");
}

/// `(status, body)` of the document at `relative` in the TLP:CLEAR directory, and of its
/// `.sha256` file.
async fn document(app: &TestApp, relative: &str) -> ((StatusCode, String), (StatusCode, String)) {
    let path = format!("/.well-known/csaf/clear/{relative}");
    let (status, _, body) = get(app, &path).await;
    let (hash_status, _, hash) = get(app, &format!("{path}.sha256")).await;
    ((status, body), (hash_status, hash))
}

#[tokio::test]
async fn the_public_advisory_is_listed_served_and_hashed_and_a_members_one_is_nowhere() {
    // Arrange
    let p = published().await;
    let relative = relative_path(&p.reference);

    // Act
    let (index_status, index_type, index) = get(&p.a.app, INDEX).await;
    let (changes_status, _, changes) = get(&p.a.app, CHANGES).await;
    let csaf_urls =
        p.a.app
            .gql(
                None,
                "query($id: ID!) { advisory(id: $id) { csafUrl } }",
                json!({ "id": p.a.advisory }),
            )
            .await;
    let ((status, body), (hash_status, hash)) = document(&p.a.app, &relative).await;

    // Assert: listed…
    assert_eq!(
        (index_status, changes_status),
        (StatusCode::OK, StatusCode::OK)
    );
    assert!(index_type.starts_with("text/plain"), "{index_type}");
    assert_eq!(index.lines().collect::<Vec<_>>(), [relative.as_str()]);
    let rows: Vec<&str> = changes.lines().collect();
    assert_eq!(rows.len(), 1, "{changes}");
    assert!(
        rows[0].starts_with(&format!("\"{relative}\",\"")),
        "{changes}"
    );
    // …linked from the advisory…
    let csaf_url = csaf_urls.ok()["advisory"]["csafUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        path_of(&csaf_url),
        format!("/.well-known/csaf/clear/{relative}")
    );
    let (linked_status, linked_type, linked) = get(&p.a.app, path_of(&csaf_url)).await;
    assert_eq!(linked_status, StatusCode::OK);
    assert!(linked_type.starts_with("application/json"), "{linked_type}");
    assert_eq!(linked, body);
    // …served as a CSAF document…
    assert_eq!(status, StatusCode::OK);
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["document"]["tracking"]["id"], p.reference.as_str());
    assert_eq!(doc["document"]["tracking"]["status"], "final");
    assert_eq!(doc["document"]["title"], "Ember loader");
    // …with its hash.
    assert_eq!(hash_status, StatusCode::OK);
    let file = relative.rsplit('/').next().unwrap();
    assert_eq!(hash, format!("{}  {file}\n", sha256_hex(body.as_bytes())));

    // The MEMBERS advisory has no public document, not even at its would-be path.
    let members_url =
        p.a.app
            .gql(
                Some(&p.a.lead),
                "query($id: ID!) { advisory(id: $id) { csafUrl } }",
                json!({ "id": p.members }),
            )
            .await;
    assert_eq!(members_url.ok()["advisory"]["csafUrl"], Value::Null);
    let ((status, body), (hash_status, _)) =
        document(&p.a.app, &relative_path(&p.members_reference)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(hash_status, StatusCode::NOT_FOUND);
    for listing in [&index, &changes] {
        assert!(!listing.contains(&p.members_reference.to_lowercase()));
    }
}

#[tokio::test]
async fn the_served_csaf_document_and_the_stix_bundle_pass_the_fields_own_validators() {
    // Arrange
    let p = published().await;
    let ((_, body), _) = document(&p.a.app, &relative_path(&p.reference)).await;
    let doc: Value = serde_json::from_str(&body).unwrap();

    // Act
    let bundle =
        p.a.app
            .gql(
                None,
                "query($id: ID!) { advisoryStix(id: $id) }",
                json!({ "id": p.a.advisory }),
            )
            .await;
    let bundle = bundle.ok()["advisoryStix"].clone();

    // Assert
    assert_eq!(tests::validators::csaf(&doc), Ok(()), "{doc}");
    assert_eq!(tests::validators::stix(&bundle), Ok(()), "{bundle}");
}

#[tokio::test]
async fn a_withdrawn_public_advisory_stays_listed_served_and_in_the_feed_marked_withdrawn() {
    // Arrange
    let p = published().await;
    let relative = relative_path(&p.reference);
    let (_, _, changes_before) = get(&p.a.app, CHANGES).await;

    // Act
    p.a.app
        .gql(
            Some(&p.a.lead),
            WITHDRAW,
            json!({ "id": p.a.advisory, "r": "The loader was misattributed" }),
        )
        .await
        .ok();

    // Assert
    let (_, _, index) = get(&p.a.app, INDEX).await;
    assert_eq!(index.lines().collect::<Vec<_>>(), [relative.as_str()]);
    let (_, _, changes) = get(&p.a.app, CHANGES).await;
    assert!(
        changes.starts_with(&format!("\"{relative}\",\"")),
        "{changes}"
    );
    assert_ne!(
        changes, changes_before,
        "the change time is the withdrawal's"
    );
    let ((status, body), (hash_status, hash)) = document(&p.a.app, &relative).await;
    assert_eq!((status, hash_status), (StatusCode::OK, StatusCode::OK));
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["document"]["tracking"]["id"], p.reference.as_str());
    assert!(hash.starts_with(&sha256_hex(body.as_bytes())), "{hash}");
    assert_eq!(tests::validators::csaf(&doc), Ok(()), "{doc}");
    let (_, _, feed) = get(&p.a.app, FEED).await;
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let entry = xml
        .descendants()
        .filter(|n| n.tag_name().name() == "title")
        .filter_map(|n| n.text())
        .find(|t| t.contains(&p.reference))
        .unwrap_or_else(|| panic!("the withdrawn advisory left the feed: {feed}"));
    assert!(entry.to_lowercase().contains("withdrawn"), "{entry}");
    // GraphQL agrees, for anyone.
    let read =
        p.a.app
            .gql(
                None,
                "query($id: ID!) { advisory(id: $id) { status csafUrl } }",
                json!({ "id": p.a.advisory }),
            )
            .await;
    let read = &read.ok()["advisory"];
    assert_eq!(read["status"], "WITHDRAWN");
    assert_eq!(
        path_of(read["csafUrl"].as_str().unwrap()),
        format!("/.well-known/csaf/clear/{relative}")
    );
}

/// SHA-256 of `data`, in lower-case hex.
fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(data))
}
