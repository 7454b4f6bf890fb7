//! The CSAF 2.0 export (OASIS Common Security Advisory Framework v2.0) of an advisory
//! revision, and the `provider-metadata.json` of the hub's CSAF provider.
//!
//! The document category follows from the content, so that every advisory passes the
//! schema and the mandatory tests (§6.1) of the standard:
//!
//! - with affected products: `csaf_security_advisory` — one vulnerability per CVE (or a
//!   single unnamed one when there is none), each listing every product as known affected,
//!   with the CVSS score and the recommendations as a mitigation;
//! - without products, without CVEs, with at least one reference:
//!   `csaf_informational_advisory` (which must have no vulnerabilities, a summary-like note
//!   and an external reference);
//! - otherwise `csaf_base`: CVEs become vulnerabilities without product status (scores and
//!   remediations need products, so the CVSS vector and the recommendations become notes).
//!
//! CSAF 2.0 has no field for indicators of compromise: they are listed in a note.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, SecondsFormat, SubsecRound, Utc};
use entities::{Severity, Tlp};
use serde_json::{Value, json};

use super::content::{AdvisoryContent, IndicatorKind};

/// `/document/tracking/status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackingStatus {
    Draft,
    Interim,
    Final,
}

impl TrackingStatus {
    fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Interim => "interim",
            Self::Final => "final",
        }
    }
}

/// Everything a CSAF document is made of.
pub struct CsafInput<'a> {
    /// `AH-2026-0001`, or `AH-DRAFT-<8 hex>` before publication.
    pub tracking_id: &'a str,
    pub status: TrackingStatus,
    pub content: &'a AdvisoryContent,
    /// The base score of `content.cvss_vector` (it must match the vector: validators
    /// recompute it).
    pub base_score: Option<f64>,
    /// Our revision number; `/document/tracking/version` (integer versioning).
    pub revision: i32,
    /// (number, date, summary) of the revisions so far.
    pub revision_history: &'a [(i32, DateTime<Utc>, String)],
    pub initial_release: DateTime<Utc>,
    pub current_release: DateTime<Utc>,
    /// Set when the advisory was withdrawn.
    pub withdrawn_reason: Option<&'a str>,
    /// The authoring organisations, lead first.
    pub organizations: &'a [String],
    pub publisher_name: &'a str,
    /// e.g. `https://hub.example.org`.
    pub publisher_namespace: &'a str,
    /// The document's own URL when it is public.
    pub self_url: Option<&'a str>,
}

/// The document category chosen for some content (see the module documentation).
pub fn category(content: &AdvisoryContent) -> &'static str {
    if !content.affected_products.is_empty() {
        "csaf_security_advisory"
    } else if all_cves(content).is_empty() && !external_references(content).is_empty() {
        "csaf_informational_advisory"
    } else {
        "csaf_base"
    }
}

/// The CSAF 2.0 document.
pub fn document(input: &CsafInput) -> Value {
    let content = input.content;
    let category = category(content);
    let products = Products::of(content);
    let cves = all_cves(content);
    let score = cvss_v3(content.cvss_vector.as_deref(), input.base_score);
    let title = non_empty(&content.title).unwrap_or(input.tracking_id);
    let with_products = !products.ids.is_empty();

    let mut notes = Vec::new();
    if let Some(reason) = input.withdrawn_reason {
        // The shape CSAF 2.1 prescribes for withdrawn documents.
        notes.push(note(
            "description",
            "Reason for Withdrawal",
            non_empty(reason).unwrap_or("This advisory was withdrawn."),
        ));
    }
    notes.push(note(
        "summary",
        "Summary",
        non_empty(&content.summary).unwrap_or(title),
    ));
    if let Some(body) = non_empty(&content.body) {
        notes.push(note("description", "Details", body));
    }
    if let Some(list) = indicator_list(content) {
        notes.push(note("details", "Indicators of compromise", &list));
    }
    if !with_products && let Some(recommendations) = non_empty(&content.recommendations) {
        notes.push(note("general", "Recommendations", recommendations));
    }
    // A score needs products to apply to; without them the vector stays readable in a note.
    let vector = content.cvss_vector.as_deref().and_then(non_empty);
    if let Some(vector) = vector.filter(|_| !with_products || score.is_none()) {
        let text = match input.base_score.filter(|s| s.is_finite()) {
            Some(base) => format!("{vector} (base score {:.1})", round_score(base)),
            None => vector.to_owned(),
        };
        notes.push(note("other", "CVSS", &text));
    }
    if let Some(authors) = authors(input.organizations) {
        notes.push(note("general", "Authors", &authors));
    }

    let mut references = Vec::new();
    if let Some(url) = input.self_url.and_then(non_empty) {
        references.push(json!({ "category": "self", "summary": "This advisory", "url": url }));
    }
    for url in external_references(content) {
        references.push(json!({ "category": "external", "summary": url, "url": url }));
    }

    let acknowledgments: Vec<Value> = content
        .credits
        .iter()
        .filter_map(|c| non_empty(c))
        .map(|c| json!({ "names": [c] }))
        .collect();

    let history = revision_history(input);
    let first_date = history.first().map(|h| h.1);
    let last_date = history.last().map(|h| h.1);
    let initial = first_date.map_or(ms(input.initial_release), |d| {
        d.min(ms(input.initial_release))
    });
    let current = last_date.map_or(ms(input.current_release), |d| {
        d.max(ms(input.current_release))
    });
    let version = history.last().map_or(1, |h| h.0);

    let (label, tlp2) = tlp_labels(content.tlp);
    let mut document = json!({
        "category": category,
        "csaf_version": "2.0",
        "title": title,
        "lang": "en",
        "publisher": {
            "category": "coordinator",
            "name": non_empty(input.publisher_name).unwrap_or("Alliance Hub"),
            "namespace": input.publisher_namespace,
        },
        "distribution": {
            "text": format!(
                "{tlp2} (Traffic Light Protocol 2.0). CSAF 2.0 carries TLP 1.0 labels: \
                 this document is labelled TLP:{label}."
            ),
            "tlp": { "label": label, "url": "https://www.first.org/tlp/" },
        },
        "aggregate_severity": { "text": severity_text(content.severity) },
        "notes": notes,
        "tracking": {
            "id": input.tracking_id,
            "status": input.status.as_str(),
            "version": version.to_string(),
            "revision_history": history
                .iter()
                .map(|(number, date, summary)| json!({
                    "number": number.to_string(),
                    "date": timestamp(*date),
                    "summary": summary,
                }))
                .collect::<Vec<_>>(),
            "initial_release_date": timestamp(initial),
            "current_release_date": timestamp(current),
            "generator": {
                "engine": { "name": "Alliance Hub", "version": env!("CARGO_PKG_VERSION") },
            },
        },
    });
    if !references.is_empty() {
        document["references"] = Value::Array(references);
    }
    if !acknowledgments.is_empty() {
        document["acknowledgments"] = Value::Array(acknowledgments);
    }

    let mut csaf = json!({ "document": document });
    if with_products {
        csaf["product_tree"] = json!({ "branches": products.branches });
    }
    let vulnerabilities = vulnerabilities(content, &cves, &products.ids, score, title);
    if !vulnerabilities.is_empty() {
        csaf["vulnerabilities"] = Value::Array(vulnerabilities);
    }
    csaf
}

/// The references of the content, without blanks and repeats.
fn external_references(content: &AdvisoryContent) -> Vec<&str> {
    let mut urls: Vec<&str> = Vec::new();
    for url in content.references.iter().filter_map(|r| non_empty(r)) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// The file name of a document (CSAF 2.0 §5.1): the tracking id in lower case, every run of
/// characters other than `a-z`, `0-9`, `+` and `-` replaced by one `_`, then `.json`.
pub fn file_name(tracking_id: &str) -> String {
    let mut name = String::with_capacity(tracking_id.len() + 5);
    let mut in_run = false;
    for c in tracking_id.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '+' || c == '-' {
            name.push(c);
            in_run = false;
        } else if !in_run {
            name.push('_');
            in_run = true;
        }
    }
    name.push_str(".json");
    name
}

/// The `provider-metadata.json` of the hub (role `csaf_provider`): public advisories only,
/// so one directory distribution for TLP:CLEAR (TLP:WHITE) documents.
pub fn provider_metadata(
    namespace_url: &str,
    canonical_url: &str,
    last_updated: DateTime<Utc>,
    publisher_name: &str,
) -> Value {
    let base = namespace_url.trim_end_matches('/');
    json!({
        "canonical_url": canonical_url,
        "distributions": [{ "directory_url": format!("{base}/.well-known/csaf/clear/") }],
        "last_updated": timestamp(ms(last_updated)),
        "list_on_CSAF_aggregators": true,
        "metadata_version": "2.0",
        "mirror_on_CSAF_aggregators": true,
        "publisher": {
            "category": "coordinator",
            "name": non_empty(publisher_name).unwrap_or("Alliance Hub"),
            "namespace": namespace_url,
        },
        "role": "csaf_provider",
    })
}

/// (TLP 1.0 label for CSAF 2.0, TLP 2.0 label).
fn tlp_labels(tlp: Tlp) -> (&'static str, &'static str) {
    match tlp {
        Tlp::Clear => ("WHITE", "TLP:CLEAR"),
        Tlp::Green => ("GREEN", "TLP:GREEN"),
        Tlp::Amber => ("AMBER", "TLP:AMBER"),
        Tlp::AmberStrict => ("AMBER", "TLP:AMBER+STRICT"),
        Tlp::Red => ("RED", "TLP:RED"),
    }
}

fn severity_text(severity: Severity) -> &'static str {
    match severity {
        Severity::Informational => "Informational",
        Severity::Low => "Low",
        Severity::Medium => "Medium",
        Severity::High => "High",
        Severity::Critical => "Critical",
    }
}

/// The CVSS v3 qualitative rating of a base score.
pub fn base_severity(score: f64) -> &'static str {
    if score <= 0.0 {
        "NONE"
    } else if score < 4.0 {
        "LOW"
    } else if score < 7.0 {
        "MEDIUM"
    } else if score < 9.0 {
        "HIGH"
    } else {
        "CRITICAL"
    }
}

fn round_score(score: f64) -> f64 {
    (score.clamp(0.0, 10.0) * 10.0).round() / 10.0
}

/// The `cvss_v3` object, when there are both a vector and its score.
fn cvss_v3(vector: Option<&str>, base_score: Option<f64>) -> Option<Value> {
    let vector = vector.and_then(non_empty)?;
    let score = round_score(base_score.filter(|s| s.is_finite())?);
    let version = if vector.starts_with("CVSS:3.1/") {
        "3.1"
    } else if vector.starts_with("CVSS:3.0/") {
        "3.0"
    } else {
        // Not CVSS 3 (validated upstream): the `cvss_v3` schema would refuse it.
        return None;
    };
    Some(json!({
        "version": version,
        "vectorString": vector,
        "baseScore": score,
        "baseSeverity": base_severity(score),
    }))
}

/// The CVEs of the content and of its CVE indicators, in order, without repeats (a CVE may
/// appear in both lists; CSAF forbids using one twice).
fn all_cves(content: &AdvisoryContent) -> Vec<&str> {
    let mut cves: Vec<&str> = Vec::new();
    let indicators = content
        .indicators
        .iter()
        .filter(|i| i.kind == IndicatorKind::Cve)
        .map(|i| i.value.as_str());
    for cve in content.cves.iter().map(String::as_str).chain(indicators) {
        // Validated upstream; this only keeps the schema's pattern.
        if is_cve(cve) && !cves.contains(&cve) {
            cves.push(cve);
        }
    }
    cves
}

/// `^CVE-[0-9]{4}-[0-9]{4,}$`.
fn is_cve(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("CVE-") else {
        return false;
    };
    let Some((year, number)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 4
        && number.len() >= 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit())
}

fn vulnerabilities(
    content: &AdvisoryContent,
    cves: &[&str],
    product_ids: &[String],
    score: Option<Value>,
    title: &str,
) -> Vec<Value> {
    let description = non_empty(&content.summary).unwrap_or(title);
    let notes = json!([{ "category": "description", "title": "Description", "text": description }]);
    if product_ids.is_empty() {
        // csaf_base: without products there is no status, score or remediation to give.
        return cves
            .iter()
            .map(|cve| json!({ "cve": cve, "notes": notes }))
            .collect();
    }
    let mut vulnerability = json!({
        "notes": notes,
        "product_status": { "known_affected": product_ids },
    });
    if let Some(score) = score {
        vulnerability["scores"] = json!([{ "cvss_v3": score, "products": product_ids }]);
    }
    if let Some(recommendations) = non_empty(&content.recommendations) {
        vulnerability["remediations"] = json!([{
            "category": "mitigation",
            "details": recommendations,
            "product_ids": product_ids,
        }]);
    }
    if cves.is_empty() {
        // No identifier yet: one vulnerability to hang the products on.
        vulnerability["title"] = json!(title);
        return vec![vulnerability];
    }
    cves.iter()
        .map(|cve| {
            let mut v = vulnerability.clone();
            v["cve"] = json!(cve);
            v
        })
        .collect()
}

/// The products of one vendor, each with its versions.
type ProductVersions<'a> = Vec<(&'a str, Vec<&'a str>)>;

/// The product tree: vendor → product name → version (or version range) → product.
struct Products {
    branches: Vec<Value>,
    ids: Vec<String>,
}

impl Products {
    fn of(content: &AdvisoryContent) -> Self {
        // vendor → product → versions, in order of first appearance.
        let mut tree: Vec<(&str, ProductVersions)> = Vec::new();
        for p in &content.affected_products {
            let vendor = non_empty(p.vendor.trim()).unwrap_or("Unknown vendor");
            let product = non_empty(p.product.trim()).unwrap_or("Unknown product");
            let versions = p.versions.trim();
            if !tree.iter().any(|(v, _)| *v == vendor) {
                tree.push((vendor, Vec::new()));
            }
            let Some((_, vendor_products)) = tree.iter_mut().find(|(v, _)| *v == vendor) else {
                continue;
            };
            match vendor_products.iter_mut().find(|(n, _)| *n == product) {
                Some((_, list)) if list.contains(&versions) => {}
                Some((_, list)) => list.push(versions),
                None => vendor_products.push((product, vec![versions])),
            }
        }
        let mut ids = Vec::new();
        let branches = tree
            .iter()
            .map(|(vendor, vendor_products)| {
                let product_branches: Vec<Value> = vendor_products
                    .iter()
                    .map(|(product, versions)| {
                        let leaves: Vec<Value> = versions
                            .iter()
                            .map(|versions| {
                                let id = format!("CSAFPID-{:04}", ids.len() + 1);
                                ids.push(id.clone());
                                let (category, name) = version_branch(versions);
                                json!({
                                    "category": category,
                                    "name": name,
                                    "product": {
                                        "product_id": id,
                                        "name": format!("{vendor} {product} {name}"),
                                    },
                                })
                            })
                            .collect();
                        json!({ "category": "product_name", "name": product, "branches": leaves })
                    })
                    .collect();
                json!({ "category": "vendor", "name": vendor, "branches": product_branches })
            })
            .collect();
        Self { branches, ids }
    }
}

/// `product_version` for one version, `product_version_range` for anything else (the
/// mandatory test 6.1.31 rejects range words and operators in a `product_version`).
fn version_branch(versions: &str) -> (&'static str, &str) {
    const RANGE_WORDS: [&str; 7] = [
        "after", "all", "before", "earlier", "later", "prior", "versions",
    ];
    if versions.is_empty() {
        return ("product_version_range", "all versions");
    }
    let single = !versions.contains(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | '=' | ',' | '*' | '|' | '^' | '~' | '/')
    }) && !RANGE_WORDS.contains(&versions.to_ascii_lowercase().as_str())
        && !versions.to_ascii_lowercase().ends_with(".x");
    if single {
        ("product_version", versions)
    } else {
        ("product_version_range", versions)
    }
}

/// The indicators other than CVEs (which become vulnerabilities), one per line.
fn indicator_list(content: &AdvisoryContent) -> Option<String> {
    let lines: Vec<String> = content
        .indicators
        .iter()
        .filter(|i| i.kind != IndicatorKind::Cve)
        .map(|i| {
            let kind = match i.kind {
                IndicatorKind::Ipv4 => "IPv4 address",
                IndicatorKind::Ipv6 => "IPv6 address",
                IndicatorKind::Domain => "Domain",
                IndicatorKind::Url => "URL",
                IndicatorKind::Email => "Email address",
                IndicatorKind::Md5 => "MD5",
                IndicatorKind::Sha1 => "SHA-1",
                IndicatorKind::Sha256 => "SHA-256",
                IndicatorKind::Cve => "CVE",
            };
            format!("- {kind}: {}", i.value)
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn authors(organizations: &[String]) -> Option<String> {
    let names: Vec<&str> = organizations.iter().filter_map(|o| non_empty(o)).collect();
    Some(match names.as_slice() {
        [] => return None,
        [lead] => format!("Written by {lead}."),
        [lead, last] => format!("Written jointly by {lead} (lead) and {last}."),
        [lead, others @ .., last] => format!(
            "Written jointly by {lead} (lead), {} and {last}.",
            others.join(", ")
        ),
    })
}

/// A history valid for the version: numbers 1..=revision without gaps (a missing number gets
/// an entry of its own), dates strictly increasing with the numbers (the mandatory tests
/// sort by date and then need ascending, gap-free numbers).
fn revision_history(input: &CsafInput) -> Vec<(i32, DateTime<Utc>, String)> {
    let version = input.revision.max(1);
    let mut known: BTreeMap<i32, (DateTime<Utc>, &str)> = BTreeMap::new();
    for (number, date, summary) in input.revision_history {
        if (1..=version).contains(number) {
            known.entry(*number).or_insert((*date, summary.trim()));
        }
    }
    known.entry(1).or_insert((input.initial_release, ""));
    known.entry(version).or_insert((input.current_release, ""));

    let mut history = Vec::new();
    let mut previous: Option<DateTime<Utc>> = None;
    for number in 1..=version {
        let (date, summary) = match known.get(&number) {
            Some((date, summary)) => (ms(*date), *summary),
            None => (previous.unwrap_or(ms(input.initial_release)), ""),
        };
        let date = match previous {
            Some(p) if date <= p => p + Duration::seconds(1),
            _ => date,
        };
        let summary = match (summary, number) {
            ("", 1) => "Initial version.".to_owned(),
            ("", n) => format!("Revision {n}."),
            (s, _) => s.to_owned(),
        };
        history.push((number, date, summary));
        previous = Some(date);
    }
    history
}

fn note(category: &str, title: &str, text: &str) -> Value {
    json!({ "category": category, "title": title, "text": text })
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

fn ms(date: DateTime<Utc>) -> DateTime<Utc> {
    date.trunc_subsecs(3)
}

fn timestamp(date: DateTime<Utc>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use chrono::TimeZone;

    use super::*;
    use crate::advisories::content::{AffectedProduct, Indicator};

    fn content() -> AdvisoryContent {
        AdvisoryContent {
            title: "Phishing kit".into(),
            summary: "A kit.".into(),
            body: String::new(),
            severity: Severity::High,
            cvss_vector: None,
            tlp: Tlp::Clear,
            cves: Vec::new(),
            affected_products: Vec::new(),
            indicators: Vec::new(),
            recommendations: String::new(),
            references: Vec::new(),
            credits: Vec::new(),
        }
    }

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 12, 0, 0).unwrap()
    }

    fn input<'a>(
        content: &'a AdvisoryContent,
        history: &'a [(i32, DateTime<Utc>, String)],
    ) -> CsafInput<'a> {
        CsafInput {
            tracking_id: "AH-2026-0001",
            status: TrackingStatus::Final,
            content,
            base_score: None,
            revision: 3,
            revision_history: history,
            initial_release: at(1),
            current_release: at(9),
            withdrawn_reason: None,
            organizations: &[],
            publisher_name: "Alliance Hub",
            publisher_namespace: "https://hub.example.org",
            self_url: None,
        }
    }

    #[test]
    fn file_names_follow_section_5_1() {
        for (id, expected) in [
            ("AH-2026-0001", "ah-2026-0001.json"),
            ("AH-DRAFT-0a1b2c3d", "ah-draft-0a1b2c3d.json"),
            (
                "Example Company - 2019-YH3234",
                "example_company_-_2019-yh3234.json",
            ),
            ("RHBA-2019:0024", "rhba-2019_0024.json"),
            (
                "cisco-sa-20190513-secureboot",
                "cisco-sa-20190513-secureboot.json",
            ),
            ("a+b..c//d", "a+b_c_d.json"),
            ("Ümlaut", "_mlaut.json"),
        ] {
            assert_eq!(file_name(id), expected, "{id}");
        }
    }

    #[test]
    fn tlp_maps_to_tlp_1_labels_with_the_tlp_2_label_in_the_text() {
        for (tlp, label, text) in [
            (Tlp::Clear, "WHITE", "TLP:CLEAR"),
            (Tlp::Green, "GREEN", "TLP:GREEN"),
            (Tlp::Amber, "AMBER", "TLP:AMBER"),
            (Tlp::AmberStrict, "AMBER", "TLP:AMBER+STRICT"),
            (Tlp::Red, "RED", "TLP:RED"),
        ] {
            let content = AdvisoryContent { tlp, ..content() };
            let doc = document(&input(&content, &[]));
            let distribution = &doc["document"]["distribution"];
            assert_eq!(distribution["tlp"]["label"], label);
            assert_eq!(distribution["tlp"]["url"], "https://www.first.org/tlp/");
            assert!(
                distribution["text"].as_str().unwrap().starts_with(text),
                "{distribution}"
            );
        }
    }

    #[test]
    fn base_severity_follows_the_cvss_rating_scale() {
        for (score, severity) in [
            (0.0, "NONE"),
            (0.1, "LOW"),
            (3.9, "LOW"),
            (4.0, "MEDIUM"),
            (6.9, "MEDIUM"),
            (7.0, "HIGH"),
            (8.9, "HIGH"),
            (9.0, "CRITICAL"),
            (10.0, "CRITICAL"),
        ] {
            assert_eq!(base_severity(score), severity, "{score}");
        }
    }

    #[test]
    fn the_category_follows_products_cves_and_references() {
        let product = AffectedProduct {
            vendor: "ACME".into(),
            product: "Router".into(),
            versions: "1.0".into(),
        };
        let with_products = AdvisoryContent {
            affected_products: vec![product],
            ..content()
        };
        assert_eq!(category(&with_products), "csaf_security_advisory");
        let with_cve = AdvisoryContent {
            cves: vec!["CVE-2026-1234".into()],
            references: vec!["https://example.org/".into()],
            ..content()
        };
        assert_eq!(category(&with_cve), "csaf_base");
        let with_cve_indicator = AdvisoryContent {
            indicators: vec![Indicator {
                kind: IndicatorKind::Cve,
                value: "CVE-2026-1234".into(),
            }],
            references: vec!["https://example.org/".into()],
            ..content()
        };
        assert_eq!(category(&with_cve_indicator), "csaf_base");
        let with_reference = AdvisoryContent {
            references: vec!["https://example.org/".into()],
            ..content()
        };
        assert_eq!(category(&with_reference), "csaf_informational_advisory");
        assert_eq!(category(&content()), "csaf_base");
    }

    #[test]
    fn versions_become_a_version_or_a_range() {
        for (versions, category, name) in [
            ("2.4.1", "product_version", "2.4.1"),
            ("", "product_version_range", "all versions"),
            (
                ">= 2.0, < 2.4.1",
                "product_version_range",
                ">= 2.0, < 2.4.1",
            ),
            ("2.x", "product_version_range", "2.x"),
            ("all", "product_version_range", "all"),
            ("before 3.0", "product_version_range", "before 3.0"),
            (
                "vers:semver/<1.2.3",
                "product_version_range",
                "vers:semver/<1.2.3",
            ),
        ] {
            assert_eq!(version_branch(versions), (category, name), "{versions}");
        }
    }

    #[test]
    fn products_are_grouped_by_vendor_and_product_with_unique_ids() {
        let product = |vendor: &str, product: &str, versions: &str| AffectedProduct {
            vendor: vendor.into(),
            product: product.into(),
            versions: versions.into(),
        };
        let content = AdvisoryContent {
            affected_products: vec![
                product("ACME", "Router", "1.0"),
                product("ACME", "Router", "< 2.0"),
                product("Globex", "Mail", ""),
                product("ACME", "Switch", "3.1"),
                product("ACME", "Router", "1.0"),
            ],
            cves: vec!["CVE-2026-0001".into(), "CVE-2026-0002".into()],
            ..content()
        };
        let doc = document(&input(&content, &[]));
        let tree = &doc["product_tree"]["branches"];
        assert_eq!(tree.as_array().unwrap().len(), 2);
        assert_eq!(tree[0]["name"], "ACME");
        assert_eq!(tree[0]["branches"][0]["name"], "Router");
        let router = &tree[0]["branches"][0]["branches"];
        assert_eq!(router[0]["category"], "product_version");
        assert_eq!(router[0]["product"]["product_id"], "CSAFPID-0001");
        assert_eq!(router[1]["category"], "product_version_range");
        assert_eq!(router[1]["product"]["product_id"], "CSAFPID-0002");
        assert_eq!(
            tree[0]["branches"][1]["branches"][0]["product"]["product_id"],
            "CSAFPID-0003"
        );
        assert_eq!(
            tree[1]["branches"][0]["branches"][0]["name"],
            "all versions"
        );
        assert_eq!(
            tree[1]["branches"][0]["branches"][0]["product"]["product_id"],
            "CSAFPID-0004"
        );
        let vulnerabilities = doc["vulnerabilities"].as_array().unwrap();
        assert_eq!(vulnerabilities.len(), 2);
        assert_eq!(vulnerabilities[1]["cve"], "CVE-2026-0002");
        assert_eq!(
            vulnerabilities[0]["product_status"]["known_affected"],
            json!([
                "CSAFPID-0001",
                "CSAFPID-0002",
                "CSAFPID-0003",
                "CSAFPID-0004"
            ])
        );
    }

    #[test]
    fn the_history_is_gap_free_and_ascending_up_to_the_revision() {
        let history = vec![
            (2, at(5), "Second".to_owned()),
            (2, at(6), "Duplicate".to_owned()),
            (4, at(7), "Beyond the revision".to_owned()),
            (0, at(1), "Zero".to_owned()),
            (3, at(3), "Third, dated before the second".to_owned()),
        ];
        let content = content();
        let doc = document(&input(&content, &history));
        let tracking = &doc["document"]["tracking"];
        assert_eq!(tracking["version"], "3");
        assert_eq!(
            tracking["revision_history"],
            json!([
                { "number": "1", "date": "2026-01-01T12:00:00.000Z", "summary": "Initial version." },
                { "number": "2", "date": "2026-01-05T12:00:00.000Z", "summary": "Second" },
                { "number": "3", "date": "2026-01-05T12:00:01.000Z", "summary": "Third, dated before the second" },
            ])
        );
        assert_eq!(tracking["initial_release_date"], "2026-01-01T12:00:00.000Z");
        assert_eq!(tracking["current_release_date"], "2026-01-09T12:00:00.000Z");
    }

    #[test]
    fn cvss_scores_carry_the_computed_severity() {
        let content = AdvisoryContent {
            cvss_vector: Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into()),
            affected_products: vec![AffectedProduct {
                vendor: "ACME".into(),
                product: "Router".into(),
                versions: "1.0".into(),
            }],
            ..content()
        };
        let mut input = input(&content, &[]);
        input.base_score = Some(9.8);
        let doc = document(&input);
        assert_eq!(
            doc["vulnerabilities"][0]["scores"][0]["cvss_v3"],
            json!({
                "version": "3.1",
                "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "baseScore": 9.8,
                "baseSeverity": "CRITICAL",
            })
        );
    }

    #[test]
    fn authors_are_listed_lead_first() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(authors(&[]), None);
        assert_eq!(authors(&names(&["A"])).unwrap(), "Written by A.");
        assert_eq!(
            authors(&names(&["A", "B"])).unwrap(),
            "Written jointly by A (lead) and B."
        );
        assert_eq!(
            authors(&names(&["A", " ", "B", "C"])).unwrap(),
            "Written jointly by A (lead), B and C."
        );
    }

    #[test]
    fn provider_metadata_points_at_the_clear_directory() {
        let metadata = provider_metadata(
            "https://hub.example.org/",
            "https://hub.example.org/.well-known/csaf/provider-metadata.json",
            at(2),
            "Alliance Hub",
        );
        assert_eq!(
            metadata["distributions"][0]["directory_url"],
            "https://hub.example.org/.well-known/csaf/clear/"
        );
        assert_eq!(metadata["role"], "csaf_provider");
        assert_eq!(metadata["metadata_version"], "2.0");
        assert_eq!(metadata["last_updated"], "2026-01-02T12:00:00.000Z");
    }
}
