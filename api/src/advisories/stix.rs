//! The STIX 2.1 export of an advisory: a bundle with an `identity` per authoring
//! organisation, a `report`, an `indicator` per indicator of compromise and a
//! `vulnerability` per CVE, all marked with the TLP 2.0 marking definition (included in the
//! bundle: TLP 2.0 markings are an OASIS extension, not predefined by STIX 2.1 itself).
//!
//! Ids are UUIDv5 of the advisory id and each object's natural key, so that exporting the
//! same advisory again gives the same ids (STIX recommends UUIDv4 for domain objects — a
//! SHOULD; stable ids matter more to consumers that deduplicate). Identities are scoped to
//! the advisory too: one id across advisories would need one `created` across them.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use entities::{OrganizationKind, Tlp};
use serde_json::{Value, json};
use uuid::Uuid;

use super::content::{Indicator, IndicatorKind};

/// Everything a STIX bundle is made of.
pub struct StixInput<'a> {
    pub advisory_id: Uuid,
    pub title: &'a str,
    pub summary: &'a str,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
    pub published: Option<DateTime<Utc>>,
    pub tlp: Tlp,
    pub indicators: &'a [Indicator],
    pub cves: &'a [String],
    /// (id, name, kind) of the authoring organisations, lead first.
    pub organizations: &'a [(Uuid, String, OrganizationKind)],
    pub references: &'a [String],
}

/// The id of the OASIS TLP 2.0 marking extension.
const TLP_2_0_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// (marking-definition id, name, `tlp_2_0` value) of the OASIS TLP 2.0 marking definitions.
fn tlp_marking(tlp: Tlp) -> (&'static str, &'static str, &'static str) {
    match tlp {
        Tlp::Clear => (
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "TLP:CLEAR",
            "clear",
        ),
        Tlp::Green => (
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "TLP:GREEN",
            "green",
        ),
        Tlp::Amber => (
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "TLP:AMBER",
            "amber",
        ),
        Tlp::AmberStrict => (
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            "TLP:AMBER+STRICT",
            "amber+strict",
        ),
        Tlp::Red => (
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            "TLP:RED",
            "red",
        ),
    }
}

/// The marking-definition object exactly as OASIS publishes it.
fn marking_definition(tlp: Tlp) -> Value {
    let (id, name, value) = tlp_marking(tlp);
    json!({
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": id,
        "created": "2022-10-01T00:00:00.000Z",
        "name": name,
        "extensions": {
            TLP_2_0_EXTENSION: { "extension_type": "property-extension", "tlp_2_0": value },
        },
    })
}

/// The bundle.
pub fn bundle(input: &StixInput) -> Value {
    let id = |kind: &str, key: &str| {
        let uuid = Uuid::new_v5(&input.advisory_id, format!("{kind}:{key}").as_bytes());
        format!("{kind}--{uuid}")
    };
    let created = timestamp(input.created);
    // STIX requires modified >= created.
    let modified = timestamp(input.modified.max(input.created));
    let (marking, _, _) = tlp_marking(input.tlp);
    let common = |kind: &str, object_id: &str, created_by: Option<&str>| {
        let mut object = json!({
            "type": kind,
            "spec_version": "2.1",
            "id": object_id,
            "created": created,
            "modified": modified,
            "object_marking_refs": [marking],
        });
        if let Some(created_by) = created_by {
            object["created_by_ref"] = json!(created_by);
        }
        object
    };

    let mut objects = vec![marking_definition(input.tlp)];

    let mut identity_ids = Vec::new();
    for (index, (org_id, name, kind)) in input.organizations.iter().enumerate() {
        let identity_id = id("identity", &org_id.to_string());
        if identity_ids.contains(&identity_id) {
            continue;
        }
        let mut identity = common("identity", &identity_id, None);
        identity["name"] = json!(non_empty(name).unwrap_or("Unnamed organisation"));
        identity["identity_class"] = json!("organization");
        identity["roles"] = json!([if index == 0 {
            "lead author"
        } else {
            "co-author"
        }]);
        if let Some(sector) = sector(*kind) {
            identity["sectors"] = json!([sector]);
        }
        objects.push(identity);
        identity_ids.push(identity_id);
    }
    let lead = identity_ids.first().map(String::as_str);

    let valid_from = timestamp(input.published.unwrap_or(input.created));
    let mut indicator_ids = Vec::new();
    let mut indicator_objects = Vec::new();
    for indicator in input.indicators {
        let Some((label, path, pattern)) = pattern(indicator) else {
            continue;
        };
        let indicator_id = id("indicator", &format!("{path}={}", indicator.value));
        if indicator_ids.contains(&indicator_id) {
            continue;
        }
        let mut object = common("indicator", &indicator_id, lead);
        object["name"] = json!(format!("{label} {}", indicator.value));
        object["description"] = json!(format!(
            "Indicator of compromise in the advisory: {}",
            title(input)
        ));
        object["indicator_types"] = json!(["malicious-activity"]);
        object["pattern"] = json!(pattern);
        object["pattern_type"] = json!("stix");
        object["pattern_version"] = json!("2.1");
        object["valid_from"] = json!(valid_from);
        indicator_objects.push(object);
        indicator_ids.push(indicator_id);
    }

    let mut cves: Vec<&str> = Vec::new();
    let cve_indicators = input
        .indicators
        .iter()
        .filter(|i| i.kind == IndicatorKind::Cve)
        .map(|i| i.value.as_str());
    for cve in input.cves.iter().map(String::as_str).chain(cve_indicators) {
        let cve = cve.trim();
        if !cve.is_empty() && !cves.contains(&cve) {
            cves.push(cve);
        }
    }
    let mut vulnerability_ids = Vec::new();
    let mut vulnerability_objects = Vec::new();
    for cve in cves {
        let vulnerability_id = id("vulnerability", cve);
        let mut object = common("vulnerability", &vulnerability_id, lead);
        object["name"] = json!(cve);
        object["external_references"] = json!([{
            "source_name": "cve",
            "external_id": cve,
            "url": format!("https://www.cve.org/CVERecord?id={cve}"),
        }]);
        vulnerability_objects.push(object);
        vulnerability_ids.push(vulnerability_id);
    }

    let mut object_refs: Vec<&str> = indicator_ids
        .iter()
        .chain(&vulnerability_ids)
        .chain(&identity_ids)
        .map(String::as_str)
        .collect();
    if object_refs.is_empty() {
        // `object_refs` must not be empty: the marking definition is the one object left.
        object_refs.push(marking);
    }
    let mut report = common("report", &id("report", "report"), lead);
    report["name"] = json!(title(input));
    if let Some(summary) = non_empty(input.summary) {
        report["description"] = json!(summary);
    }
    report["published"] = json!(valid_from);
    report["report_types"] = json!(["threat-report"]);
    report["object_refs"] = json!(object_refs);
    let references = external_references(input.references);
    if !references.is_empty() {
        report["external_references"] = Value::Array(references);
    }
    objects.push(report);
    objects.extend(indicator_objects);
    objects.extend(vulnerability_objects);

    json!({
        "type": "bundle",
        // One bundle per version of the advisory.
        "id": id("bundle", &modified),
        "objects": objects,
    })
}

fn title<'a>(input: &'a StixInput) -> &'a str {
    non_empty(input.title).unwrap_or("Advisory")
}

/// An industry sector (STIX `industry-sector-ov`) where the kind implies one.
fn sector(kind: OrganizationKind) -> Option<&'static str> {
    match kind {
        OrganizationKind::LawEnforcement => Some("government"),
        OrganizationKind::Vendor => Some("technology"),
        OrganizationKind::Academia => Some("education"),
        OrganizationKind::InfrastructureOperator => Some("infrastructure"),
        OrganizationKind::InternationalBody | OrganizationKind::Cert => None,
    }
}

/// (label, object path, STIX pattern) of an indicator; `None` for CVEs, which become
/// vulnerabilities.
fn pattern(indicator: &Indicator) -> Option<(&'static str, &'static str, String)> {
    let (label, path) = match indicator.kind {
        IndicatorKind::Ipv4 => ("IPv4 address", "ipv4-addr:value"),
        IndicatorKind::Ipv6 => ("IPv6 address", "ipv6-addr:value"),
        IndicatorKind::Domain => ("Domain", "domain-name:value"),
        IndicatorKind::Url => ("URL", "url:value"),
        IndicatorKind::Email => ("Email address", "email-addr:value"),
        IndicatorKind::Md5 => ("MD5", "file:hashes.MD5"),
        IndicatorKind::Sha1 => ("SHA-1", "file:hashes.'SHA-1'"),
        IndicatorKind::Sha256 => ("SHA-256", "file:hashes.'SHA-256'"),
        IndicatorKind::Cve => return None,
    };
    Some((
        label,
        path,
        format!("[{path} = '{}']", escape(&indicator.value)),
    ))
}

/// A STIX pattern string literal's content: `\` and `'` escaped.
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\'', "\\'")
}

fn external_references(references: &[String]) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for reference in references {
        let reference = reference.trim();
        if reference.is_empty() || seen.contains(&reference) {
            continue;
        }
        seen.push(reference);
        let source = url::Url::parse(reference)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "reference".to_owned());
        out.push(json!({ "source_name": source, "url": reference }));
    }
    out
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

/// RFC 3339, UTC, milliseconds, `Z`.
fn timestamp(date: DateTime<Utc>) -> String {
    date.trunc_subsecs(3)
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use chrono::TimeZone;

    use super::*;

    fn indicator(kind: IndicatorKind, value: &str) -> Indicator {
        Indicator {
            kind,
            value: value.into(),
        }
    }

    #[test]
    fn patterns_use_the_stix_object_paths_and_escape_quotes() {
        for (kind, value, expected) in [
            (
                IndicatorKind::Ipv4,
                "192.0.2.1",
                "[ipv4-addr:value = '192.0.2.1']",
            ),
            (
                IndicatorKind::Ipv6,
                "2001:db8::1",
                "[ipv6-addr:value = '2001:db8::1']",
            ),
            (
                IndicatorKind::Domain,
                "evil.example",
                "[domain-name:value = 'evil.example']",
            ),
            (
                IndicatorKind::Url,
                "https://evil.example/a'b\\c",
                "[url:value = 'https://evil.example/a\\'b\\\\c']",
            ),
            (
                IndicatorKind::Email,
                "x@evil.example",
                "[email-addr:value = 'x@evil.example']",
            ),
            (
                IndicatorKind::Md5,
                "d41d8cd98f00b204e9800998ecf8427e",
                "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
            ),
            (
                IndicatorKind::Sha1,
                "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
            ),
            (
                IndicatorKind::Sha256,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
            ),
        ] {
            assert_eq!(pattern(&indicator(kind, value)).unwrap().2, expected);
        }
        assert!(pattern(&indicator(IndicatorKind::Cve, "CVE-2026-0001")).is_none());
    }

    #[test]
    fn the_same_advisory_exports_the_same_ids_and_cves_become_vulnerabilities() {
        let advisory_id = Uuid::now_v7();
        let indicators = [
            indicator(IndicatorKind::Ipv4, "192.0.2.1"),
            indicator(IndicatorKind::Cve, "CVE-2026-0001"),
        ];
        let cves = ["CVE-2026-0001".to_owned(), "CVE-2026-0002".to_owned()];
        let organizations = [(Uuid::now_v7(), "CERT-A".to_owned(), OrganizationKind::Cert)];
        let at = Utc.with_ymd_and_hms(2026, 2, 1, 8, 30, 0).unwrap();
        let input = StixInput {
            advisory_id,
            title: "Campaign",
            summary: "",
            created: at,
            modified: at,
            published: None,
            tlp: Tlp::AmberStrict,
            indicators: &indicators,
            cves: &cves,
            organizations: &organizations,
            references: &[],
        };
        let first = bundle(&input);
        assert_eq!(first, bundle(&input));
        let objects = first["objects"].as_array().unwrap();
        let of_type = |t: &str| objects.iter().filter(|o| o["type"] == t).count();
        assert_eq!(of_type("indicator"), 1);
        assert_eq!(of_type("vulnerability"), 2);
        assert_eq!(of_type("identity"), 1);
        assert_eq!(of_type("marking-definition"), 1);
        let report = objects.iter().find(|o| o["type"] == "report").unwrap();
        assert_eq!(report["published"], "2026-02-01T08:30:00.000Z");
        assert_eq!(report["object_refs"].as_array().unwrap().len(), 4);
        assert_eq!(
            report["object_marking_refs"],
            json!(["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"])
        );
        let id = report["id"].as_str().unwrap();
        let uuid = Uuid::parse_str(id.trim_start_matches("report--")).unwrap();
        assert_eq!(uuid.get_version_num(), 5);
    }
}
