//! What an advisory says: the content of one immutable revision. Stored as JSON on the
//! revision, compared field by field for diffs, and turned into CSAF and STIX.

use async_graphql::Enum;
use entities::{Severity, Tlp};
use serde::{Deserialize, Serialize};

/// The kind of an indicator of compromise.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Enum, Serialize, Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IndicatorKind {
    Ipv4,
    Ipv6,
    Domain,
    Url,
    Email,
    Md5,
    Sha1,
    Sha256,
    Cve,
}

/// One indicator, validated and normalised (see `indicators`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Indicator {
    pub kind: IndicatorKind,
    pub value: String,
}

/// A product an advisory affects: a vendor, a product and a range of its versions
/// (free text such as `>= 2.0, < 2.4.1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedProduct {
    pub vendor: String,
    pub product: String,
    pub versions: String,
}

/// The content of one revision. Every field is always present (empty when unused), so two
/// revisions compare field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdvisoryContent {
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    pub severity: Severity,
    /// A CVSS 3.1 vector (`CVSS:3.1/AV:N/...`), validated; its base score is derived.
    pub cvss_vector: Option<String>,
    pub tlp: Tlp,
    /// `CVE-YYYY-NNNN…`, upper case, unique.
    pub cves: Vec<String>,
    pub affected_products: Vec<AffectedProduct>,
    /// Unique by (kind, value).
    pub indicators: Vec<Indicator>,
    /// Markdown.
    pub recommendations: String,
    /// Absolute http(s) URLs.
    pub references: Vec<String>,
    /// People and organisations to thank, one per entry.
    pub credits: Vec<String>,
}
