//! The exports checked with the field's own validators: CSAF 2.0 documents with BSI's
//! csaf-validator-lib (schema and mandatory tests), STIX 2.1 bundles with the OASIS
//! stix2-validator, and the Atom feed parsed as XML. `make validators` installs them.

use api::advisories::{
    content::{AdvisoryContent, AffectedProduct, Indicator, IndicatorKind},
    csaf::{self, CsafInput, TrackingStatus},
    stix::{self, StixInput},
};
use api::alerts::atom::{self, FeedEntry};
use chrono::{DateTime, Duration, TimeZone, Utc};
use entities::{OrganizationKind, Severity, Tlp};
use serde_json::Value;
use tests::validators;
use uuid::Uuid;

const CRITICAL_VECTOR: &str = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
const CRITICAL_SCORE: f64 = 9.8;
const MEDIUM_VECTOR: &str = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N";
const MEDIUM_SCORE: f64 = 6.1;

const ALL_TLPS: [Tlp; 5] = [
    Tlp::Clear,
    Tlp::Green,
    Tlp::Amber,
    Tlp::AmberStrict,
    Tlp::Red,
];

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, day, hour, 15, 30).unwrap() + Duration::milliseconds(250)
}

fn indicator(kind: IndicatorKind, value: &str) -> Indicator {
    Indicator {
        kind,
        value: value.into(),
    }
}

fn product(vendor: &str, product: &str, versions: &str) -> AffectedProduct {
    AffectedProduct {
        vendor: vendor.into(),
        product: product.into(),
        versions: versions.into(),
    }
}

/// Everything filled in: products, CVEs, CVSS, all nine indicator kinds, references, credits.
fn rich() -> AdvisoryContent {
    AdvisoryContent {
        title: "Router takeover used by the \"Night Owl\" fraud ring".into(),
        summary: "A ring takes over ACME routers to redirect online-banking customers.".into(),
        body:
            "## What happens\n\nThe ring exploits two flaws & plants a **phishing** proxy <here>."
                .into(),
        severity: Severity::Critical,
        cvss_vector: Some(CRITICAL_VECTOR.into()),
        tlp: Tlp::Clear,
        cves: vec!["CVE-2026-10001".into(), "CVE-2026-10002".into()],
        affected_products: vec![
            product("ACME", "EdgeRouter", ">= 2.0, < 2.4.1"),
            product("ACME", "EdgeRouter", "1.9.7"),
            product("ACME", "CloudPanel", ""),
            product("Globex", "MailGate", "all versions before 5.2"),
            product("Globex", "MailGate", "5.2.0-beta1"),
        ],
        indicators: vec![
            indicator(IndicatorKind::Ipv4, "198.51.100.23"),
            indicator(IndicatorKind::Ipv6, "2001:db8::bad:1"),
            indicator(IndicatorKind::Domain, "secure-login.example"),
            indicator(
                IndicatorKind::Url,
                "https://secure-login.example/o'brien/login?next=a\\b",
            ),
            indicator(IndicatorKind::Email, "support@secure-login.example"),
            indicator(IndicatorKind::Md5, "d41d8cd98f00b204e9800998ecf8427e"),
            indicator(
                IndicatorKind::Sha1,
                "da39a3ee5e6b4b0d3255bfef95601890afd80709",
            ),
            indicator(
                IndicatorKind::Sha256,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            // Also in `cves`, and one that is not.
            indicator(IndicatorKind::Cve, "CVE-2026-10002"),
            indicator(IndicatorKind::Cve, "CVE-2026-10003"),
        ],
        recommendations: "Update EdgeRouter to 2.4.1.\n\nBlock the indicators below.".into(),
        references: vec![
            "https://vendor.example/security/acme-2026-01".into(),
            "https://news.example/night-owl".into(),
        ],
        credits: vec!["Jane Doe (Example University)".into(), "CERT-Z".into()],
    }
}

/// Nothing optional.
fn minimal() -> AdvisoryContent {
    AdvisoryContent {
        title: "Fake parcel notifications".into(),
        summary: String::new(),
        body: String::new(),
        severity: Severity::Informational,
        cvss_vector: None,
        tlp: Tlp::Green,
        cves: Vec::new(),
        affected_products: Vec::new(),
        indicators: Vec::new(),
        recommendations: String::new(),
        references: Vec::new(),
        credits: Vec::new(),
    }
}

fn organizations() -> Vec<String> {
    vec![
        "National Cybercrime Unit".into(),
        "CERT-Z".into(),
        "ACME Security".into(),
    ]
}

fn history() -> Vec<(i32, DateTime<Utc>, String)> {
    vec![
        (1, at(1, 9), "First draft.".into()),
        (2, at(2, 9), "Added the second CVE.".into()),
        (3, at(3, 9), "Published.".into()),
    ]
}

fn csaf_input<'a>(
    content: &'a AdvisoryContent,
    history: &'a [(i32, DateTime<Utc>, String)],
    organizations: &'a [String],
) -> CsafInput<'a> {
    CsafInput {
        tracking_id: "AH-2026-0001",
        status: TrackingStatus::Final,
        content,
        base_score: content.cvss_vector.as_deref().map(|v| {
            if v == CRITICAL_VECTOR {
                CRITICAL_SCORE
            } else {
                MEDIUM_SCORE
            }
        }),
        revision: 3,
        revision_history: history,
        initial_release: at(3, 9),
        current_release: at(3, 9),
        withdrawn_reason: None,
        organizations,
        publisher_name: "Alliance Hub",
        publisher_namespace: "https://hub.example.org",
        self_url: Some("https://hub.example.org/.well-known/csaf/clear/2026/ah-2026-0001.json"),
    }
}

fn assert_valid_csaf(doc: &Value) {
    if let Err(output) = validators::csaf(doc) {
        panic!(
            "BSI's validator rejects the document:\n{output}\n{}",
            serde_json::to_string_pretty(doc).unwrap()
        );
    }
}

fn assert_valid_stix(bundle: &Value) {
    if let Err(output) = validators::stix(bundle) {
        panic!(
            "stix2-validator rejects the bundle:\n{output}\n{}",
            serde_json::to_string_pretty(bundle).unwrap()
        );
    }
}

fn stix_organizations() -> Vec<(Uuid, String, OrganizationKind)> {
    vec![
        (
            Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001),
            "National Cybercrime Unit".into(),
            OrganizationKind::LawEnforcement,
        ),
        (
            Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002),
            "CERT-Z".into(),
            OrganizationKind::Cert,
        ),
        (
            Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0003),
            "ACME Security".into(),
            OrganizationKind::Vendor,
        ),
    ]
}

fn stix_input<'a>(
    content: &'a AdvisoryContent,
    organizations: &'a [(Uuid, String, OrganizationKind)],
) -> StixInput<'a> {
    StixInput {
        advisory_id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_00aa),
        title: &content.title,
        summary: &content.summary,
        created: at(1, 9),
        modified: at(3, 9),
        published: Some(at(3, 10)),
        tlp: content.tlp,
        indicators: &content.indicators,
        cves: &content.cves,
        organizations,
        references: &content.references,
    }
}

#[test]
fn a_rich_advisory_is_a_valid_csaf_security_advisory() {
    let content = rich();
    let (history, organizations) = (history(), organizations());

    let doc = csaf::document(&csaf_input(&content, &history, &organizations));

    assert_eq!(doc["document"]["category"], "csaf_security_advisory");
    let vulnerabilities = doc["vulnerabilities"].as_array().unwrap();
    let cves: Vec<&str> = vulnerabilities
        .iter()
        .map(|v| v["cve"].as_str().unwrap())
        .collect();
    assert_eq!(cves, ["CVE-2026-10001", "CVE-2026-10002", "CVE-2026-10003"]);
    assert_eq!(
        vulnerabilities[0]["scores"][0]["cvss_v3"]["baseSeverity"],
        "CRITICAL"
    );
    assert_eq!(
        vulnerabilities[0]["remediations"][0]["category"],
        "mitigation"
    );
    let notes = doc["document"]["notes"].as_array().unwrap();
    let iocs = notes
        .iter()
        .find(|n| n["title"] == "Indicators of compromise")
        .unwrap();
    assert_eq!(iocs["category"], "details");
    assert_eq!(iocs["text"].as_str().unwrap().lines().count(), 8);
    assert_eq!(doc["document"]["references"][0]["category"], "self");
    assert_eq!(
        doc["document"]["acknowledgments"].as_array().unwrap().len(),
        2
    );
    assert_valid_csaf(&doc);
}

#[test]
fn a_withdrawn_advisory_is_a_valid_csaf_document() {
    let content = rich();
    let history = vec![
        (1, at(1, 9), "Published.".to_owned()),
        (2, at(5, 9), "Withdrawn.".to_owned()),
    ];
    let organizations = organizations();
    let mut input = csaf_input(&content, &history, &organizations);
    input.revision = 2;
    input.current_release = at(5, 9);
    input.withdrawn_reason = Some("The campaign was attributed to a test by mistake.");

    let doc = csaf::document(&input);

    let notes = doc["document"]["notes"].as_array().unwrap();
    assert!(notes.iter().any(|n| n["title"] == "Reason for Withdrawal"));
    assert_eq!(doc["document"]["tracking"]["version"], "2");
    assert_valid_csaf(&doc);
}

#[test]
fn a_minimal_draft_is_a_valid_csaf_base_document() {
    let content = minimal();
    let mut input = csaf_input(&content, &[], &[]);
    input.tracking_id = "AH-DRAFT-0a1b2c3d";
    input.status = TrackingStatus::Draft;
    input.revision = 1;
    input.self_url = None;

    let doc = csaf::document(&input);

    assert_eq!(doc["document"]["category"], "csaf_base");
    assert!(doc.get("vulnerabilities").is_none());
    assert!(doc.get("product_tree").is_none());
    assert_valid_csaf(&doc);
}

#[test]
fn an_advisory_with_references_only_is_a_valid_csaf_informational_advisory() {
    let content = AdvisoryContent {
        summary: "Parcel scams are up.".into(),
        indicators: vec![indicator(IndicatorKind::Domain, "parcel-fee.example")],
        references: vec!["https://police.example/parcel-scams".into()],
        recommendations: "Never pay a fee by text message.".into(),
        credits: vec!["Parcel Co".into()],
        ..minimal()
    };
    let organizations = organizations();

    let doc = csaf::document(&csaf_input(&content, &history(), &organizations));

    assert_eq!(doc["document"]["category"], "csaf_informational_advisory");
    assert_valid_csaf(&doc);
}

#[test]
fn cves_without_products_are_a_valid_csaf_base_document() {
    let content = AdvisoryContent {
        cves: vec!["CVE-2025-99999".into()],
        cvss_vector: Some(MEDIUM_VECTOR.into()),
        recommendations: "Patch.".into(),
        ..minimal()
    };

    let doc = csaf::document(&csaf_input(&content, &history(), &[]));

    assert_eq!(doc["document"]["category"], "csaf_base");
    assert_eq!(doc["vulnerabilities"][0]["cve"], "CVE-2025-99999");
    assert_valid_csaf(&doc);
}

#[test]
fn products_without_cves_are_a_valid_csaf_security_advisory() {
    let content = AdvisoryContent {
        affected_products: vec![product("ACME", "EdgeRouter", "")],
        cvss_vector: Some(MEDIUM_VECTOR.into()),
        ..minimal()
    };

    let doc = csaf::document(&csaf_input(&content, &history(), &[]));

    assert_eq!(doc["document"]["category"], "csaf_security_advisory");
    let vulnerabilities = doc["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulnerabilities.len(), 1);
    assert!(vulnerabilities[0].get("cve").is_none());
    assert_valid_csaf(&doc);
}

#[test]
fn a_vector_without_its_score_is_kept_in_a_note_of_a_valid_document() {
    let content = AdvisoryContent {
        affected_products: vec![product("ACME", "EdgeRouter", "2.0")],
        cvss_vector: Some(CRITICAL_VECTOR.into()),
        ..rich()
    };
    let mut input = csaf_input(&content, &[], &[]);
    input.base_score = None;

    let doc = csaf::document(&input);

    assert!(doc["vulnerabilities"][0].get("scores").is_none());
    assert_valid_csaf(&doc);
}

#[test]
fn an_interim_document_with_gaps_in_its_history_is_valid() {
    let content = rich();
    // Revision 2 is missing, revision 4 is dated before revision 3, 0 and 7 are out of range.
    let history = vec![
        (0, at(1, 8), "Zero.".to_owned()),
        (1, at(1, 9), "First.".to_owned()),
        (3, at(4, 9), "Third.".to_owned()),
        (4, at(2, 9), "Fourth, misdated.".to_owned()),
        (7, at(9, 9), "Future.".to_owned()),
    ];
    let mut input = csaf_input(&content, &history, &[]);
    input.status = TrackingStatus::Interim;
    input.revision = 5;

    let doc = csaf::document(&input);

    let tracking = &doc["document"]["tracking"];
    assert_eq!(tracking["version"], "5");
    assert_eq!(tracking["revision_history"].as_array().unwrap().len(), 5);
    assert_valid_csaf(&doc);
}

#[test]
fn every_tlp_gives_a_valid_csaf_document_and_stix_bundle() {
    let organizations = organizations();
    let stix_organizations = stix_organizations();
    let history = history();
    // One validator run after another would take a while: one thread per TLP.
    std::thread::scope(|scope| {
        for tlp in ALL_TLPS {
            let (organizations, stix_organizations, history) =
                (&organizations, &stix_organizations, &history);
            scope.spawn(move || {
                let content = AdvisoryContent { tlp, ..rich() };

                let doc = csaf::document(&csaf_input(&content, history, organizations));
                let bundle = stix::bundle(&stix_input(&content, stix_organizations));

                assert_valid_csaf(&doc);
                assert_valid_stix(&bundle);
            });
        }
    });
}

#[test]
fn a_rich_advisory_is_a_valid_stix_bundle_with_stable_ids() {
    let content = rich();
    let organizations = stix_organizations();
    let input = stix_input(&content, &organizations);

    let bundle = stix::bundle(&input);

    assert_eq!(bundle, stix::bundle(&input));
    let objects = bundle["objects"].as_array().unwrap();
    let count = |t: &str| objects.iter().filter(|o| o["type"] == t).count();
    assert_eq!(count("indicator"), 8);
    assert_eq!(count("vulnerability"), 3);
    assert_eq!(count("identity"), 3);
    assert_eq!(count("report"), 1);
    assert_eq!(count("marking-definition"), 1);
    for object in objects {
        assert_eq!(object["spec_version"], "2.1", "{object}");
    }
    let report = objects.iter().find(|o| o["type"] == "report").unwrap();
    assert_eq!(report["published"], "2026-04-03T10:15:30.250Z");
    assert_eq!(report["created_by_ref"], objects[1]["id"]);
    let url = objects
        .iter()
        .find(|o| o["name"].as_str().is_some_and(|n| n.starts_with("URL")))
        .unwrap();
    assert_eq!(
        url["pattern"],
        "[url:value = 'https://secure-login.example/o\\'brien/login?next=a\\\\b']"
    );
    assert_valid_stix(&bundle);
}

#[test]
fn a_minimal_advisory_is_a_valid_stix_bundle() {
    let content = minimal();
    let mut input = stix_input(&content, &[]);
    input.published = None;

    let bundle = stix::bundle(&input);

    let report = bundle["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["type"] == "report")
        .unwrap()
        .clone();
    assert_eq!(report["published"], report["created"]);
    assert_valid_stix(&bundle);
}

#[test]
fn provider_metadata_has_the_fields_csaf_2_0_requires() {
    // csaf-validator-lib ships no provider-metadata schema: the required fields by hand.
    let metadata = csaf::provider_metadata(
        "https://hub.example.org",
        "https://hub.example.org/.well-known/csaf/provider-metadata.json",
        at(3, 9),
        "Alliance Hub",
    );

    for field in [
        "canonical_url",
        "last_updated",
        "list_on_CSAF_aggregators",
        "mirror_on_CSAF_aggregators",
        "metadata_version",
        "publisher",
        "role",
    ] {
        assert!(metadata.get(field).is_some(), "{field} missing");
    }
    assert!(
        metadata["canonical_url"]
            .as_str()
            .unwrap()
            .ends_with("/provider-metadata.json")
    );
    assert_eq!(
        metadata["distributions"][0]["directory_url"],
        "https://hub.example.org/.well-known/csaf/clear/"
    );
    for field in ["category", "name", "namespace"] {
        assert!(
            metadata["publisher"].get(field).is_some(),
            "{field} missing"
        );
    }
}

fn feed_entry(n: u32) -> FeedEntry {
    FeedEntry {
        id: format!("urn:uuid:0190f3a2-0000-7000-8000-00000000000{n}"),
        title: format!("Alert {n}: \"fake\" <bank> calls & texts"),
        summary: "Don't give codes to callers. <b>Never</b> & nowhere.".into(),
        updated: at(n, 12),
        published: at(n, 11),
        link: format!("https://hub.example.org/alerts/{n}?ref=feed&x=\"y\""),
        category: if n.is_multiple_of(2) {
            "advisory"
        } else {
            "alert"
        }
        .into(),
        author: "Police & CERT <alliance>".into(),
    }
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'input>> {
    node.children().find(|c| c.has_tag_name((ATOM, name)))
}

#[test]
fn the_atom_feed_parses_with_every_required_element() {
    let entries = [feed_entry(1), feed_entry(2)];

    let xml = atom::feed(
        "urn:uuid:0190f3a2-0000-7000-8000-0000000000ff",
        "Alliance Hub — alerts & advisories",
        "https://hub.example.org/feed.atom",
        "https://hub.example.org/",
        at(2, 12),
        &entries,
    );

    let document = roxmltree::Document::parse(&xml).unwrap();
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    for name in ["id", "title", "updated", "author"] {
        assert!(child(feed, name).is_some(), "feed/{name} missing");
    }
    assert_eq!(
        child(feed, "title").unwrap().text(),
        Some("Alliance Hub — alerts & advisories")
    );
    assert!(
        feed.children()
            .any(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
    );
    let parsed: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .collect();
    assert_eq!(parsed.len(), 2);
    for (entry, expected) in parsed.iter().zip(&entries) {
        assert_eq!(
            child(*entry, "id").unwrap().text(),
            Some(expected.id.as_str())
        );
        assert_eq!(
            child(*entry, "title").unwrap().text(),
            Some(expected.title.as_str())
        );
        assert!(child(*entry, "updated").is_some());
        let summary = child(*entry, "summary").unwrap();
        assert_eq!(summary.attribute("type"), Some("text"));
        assert_eq!(summary.text(), Some(expected.summary.as_str()));
        let link = entry
            .children()
            .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("alternate"))
            .unwrap();
        assert_eq!(link.attribute("href"), Some(expected.link.as_str()));
        assert_eq!(
            child(*entry, "category").unwrap().attribute("term"),
            Some(expected.category.as_str())
        );
        let author = child(*entry, "author").unwrap();
        assert_eq!(
            child(author, "name").unwrap().text(),
            Some(expected.author.as_str())
        );
    }
}

#[test]
fn an_empty_atom_feed_parses() {
    let xml = atom::feed(
        "urn:uuid:0190f3a2-0000-7000-8000-0000000000ff",
        "Alliance Hub",
        "https://hub.example.org/feed.atom",
        "https://hub.example.org/",
        at(2, 12),
        &[],
    );

    let document = roxmltree::Document::parse(&xml).unwrap();
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert!(child(feed, "author").is_some());
    assert!(child(feed, "entry").is_none());
}
