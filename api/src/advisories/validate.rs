//! Validation and normalisation of a revision's content before it is stored. Every rule
//! answers `BAD_USER_INPUT` with the GraphQL name of the field, and names the entry of a
//! list that is wrong ("entry 3: …", counting from 1). Normalising twice changes nothing.

use std::collections::HashSet;

use super::{
    content::{AdvisoryContent, AffectedProduct, Indicator},
    cvss, indicators,
};
use crate::error::{AppError, AppResult};

const MAX_TITLE: usize = 200;
const MAX_SUMMARY: usize = 2000;
const MAX_BODY: usize = 100_000;
const MAX_RECOMMENDATIONS: usize = 20_000;
const MAX_CVES: usize = 100;
const MAX_PRODUCTS: usize = 200;
const MAX_PRODUCT_FIELD: usize = 200;
const MAX_REFERENCES: usize = 100;
const MAX_REFERENCE_LENGTH: usize = 2048;
const MAX_CREDITS: usize = 50;
const MAX_CREDIT: usize = 200;

/// Checks every field of `content` and returns it normalised: text trimmed, the CVSS
/// vector in canonical order, ids and indicators in their canonical spelling, lists
/// without duplicates (the first occurrence kept, order otherwise unchanged).
pub fn normalize(content: AdvisoryContent) -> AppResult<AdvisoryContent> {
    let AdvisoryContent {
        title,
        summary,
        body,
        severity,
        cvss_vector,
        tlp,
        cves,
        affected_products,
        indicators,
        recommendations,
        references,
        credits,
    } = content;

    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::bad_input("title", "the title is empty"));
    }
    check_length("title", "the title is", title, MAX_TITLE)?;
    let summary = summary.trim();
    check_length("summary", "the summary is", summary, MAX_SUMMARY)?;
    let body = body.trim_end();
    check_length("body", "the body is", body, MAX_BODY)?;
    let recommendations = recommendations.trim_end();
    check_length(
        "recommendations",
        "the recommendations are",
        recommendations,
        MAX_RECOMMENDATIONS,
    )?;

    let cvss_vector = match cvss_vector.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(vector) => Some(
            cvss::score(vector)
                .map_err(|message| AppError::bad_input("cvssVector", message))?
                .vector,
        ),
    };

    Ok(AdvisoryContent {
        title: title.to_owned(),
        summary: summary.to_owned(),
        body: body.to_owned(),
        severity,
        cvss_vector,
        tlp,
        cves: normalize_cves(cves)?,
        affected_products: normalize_products(affected_products)?,
        indicators: normalize_indicators(indicators)?,
        recommendations: recommendations.to_owned(),
        references: normalize_references(references)?,
        credits: normalize_credits(credits)?,
    })
}

/// The CVSS base score of `content`, when it has a (valid) vector.
pub fn severity_from_cvss(content: &AdvisoryContent) -> Option<f64> {
    let vector = content.cvss_vector.as_deref()?;
    cvss::score(vector).ok().map(|scored| scored.base_score)
}

/// `subject` names the field with its verb: "the title is", "the recommendations are".
fn check_length(field: &'static str, subject: &str, value: &str, max: usize) -> AppResult<()> {
    if value.chars().count() > max {
        return Err(AppError::bad_input(
            field,
            format!("{subject} longer than {max} characters"),
        ));
    }
    Ok(())
}

fn entry_error(field: &'static str, index: usize, message: impl std::fmt::Display) -> AppError {
    AppError::bad_input(field, format!("entry {}: {message}", index + 1))
}

fn too_many(field: &'static str, count: usize, max: usize, what: &str) -> AppResult<()> {
    if count > max {
        return Err(AppError::bad_input(field, format!("at most {max} {what}")));
    }
    Ok(())
}

/// Keeps the first of each key, in order.
fn dedup_by_key<T, K: std::hash::Hash + Eq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(key(item)))
        .collect()
}

fn normalize_cves(cves: Vec<String>) -> AppResult<Vec<String>> {
    let cves = cves
        .iter()
        .enumerate()
        .map(|(index, cve)| {
            indicators::normalize_cve(cve)
                .ok_or_else(|| entry_error("cves", index, "not a valid CVE id (CVE-YYYY-NNNN)"))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let cves = dedup_by_key(cves, String::clone);
    too_many("cves", cves.len(), MAX_CVES, "CVE ids")?;
    Ok(cves)
}

fn normalize_products(products: Vec<AffectedProduct>) -> AppResult<Vec<AffectedProduct>> {
    let field = "affectedProducts";
    let products = products
        .into_iter()
        .enumerate()
        .map(|(index, product)| {
            let vendor = product.vendor.trim();
            let name = product.product.trim();
            let versions = product.versions.trim();
            // Empty versions mean "all versions".
            for (subject, value, required) in [
                ("the vendor is", vendor, true),
                ("the product is", name, true),
                ("the versions are", versions, false),
            ] {
                if required && value.is_empty() {
                    return Err(entry_error(field, index, format!("{subject} empty")));
                }
                if value.chars().count() > MAX_PRODUCT_FIELD {
                    return Err(entry_error(
                        field,
                        index,
                        format!("{subject} longer than {MAX_PRODUCT_FIELD} characters"),
                    ));
                }
            }
            Ok(AffectedProduct {
                vendor: vendor.to_owned(),
                product: name.to_owned(),
                versions: versions.to_owned(),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let products = dedup_by_key(products, |product| {
        (
            product.vendor.to_lowercase(),
            product.product.to_lowercase(),
            product.versions.to_lowercase(),
        )
    });
    too_many(field, products.len(), MAX_PRODUCTS, "affected products")?;
    Ok(products)
}

fn normalize_indicators(list: Vec<Indicator>) -> AppResult<Vec<Indicator>> {
    let list = list
        .iter()
        .enumerate()
        .map(|(index, indicator)| {
            indicators::parse(Some(indicator.kind), &indicator.value)
                .map_err(|message| entry_error("indicators", index, message))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let list = dedup_by_key(list, Clone::clone);
    too_many(
        "indicators",
        list.len(),
        indicators::MAX_INDICATORS,
        "indicators",
    )?;
    Ok(list)
}

fn normalize_references(references: Vec<String>) -> AppResult<Vec<String>> {
    let field = "references";
    let references = references
        .iter()
        .enumerate()
        .map(|(index, reference)| {
            let reference = reference.trim();
            if reference.chars().count() > MAX_REFERENCE_LENGTH {
                return Err(entry_error(
                    field,
                    index,
                    format!("longer than {MAX_REFERENCE_LENGTH} characters"),
                ));
            }
            let url = url::Url::parse(reference)
                .ok()
                .filter(|url| matches!(url.scheme(), "http" | "https"))
                .filter(|url| url.host_str().is_some_and(|host| !host.is_empty()))
                .ok_or_else(|| entry_error(field, index, "not an absolute http or https URL"))?;
            let url = String::from(url);
            if url.chars().count() > MAX_REFERENCE_LENGTH {
                return Err(entry_error(
                    field,
                    index,
                    format!("longer than {MAX_REFERENCE_LENGTH} characters"),
                ));
            }
            Ok(url)
        })
        .collect::<AppResult<Vec<_>>>()?;
    let references = dedup_by_key(references, String::clone);
    too_many(field, references.len(), MAX_REFERENCES, "references")?;
    Ok(references)
}

fn normalize_credits(credits: Vec<String>) -> AppResult<Vec<String>> {
    let credits = credits
        .iter()
        .enumerate()
        .filter_map(|(index, credit)| {
            let credit = credit.trim();
            if credit.is_empty() {
                return None;
            }
            if credit.chars().count() > MAX_CREDIT {
                return Some(Err(entry_error(
                    "credits",
                    index,
                    format!("longer than {MAX_CREDIT} characters"),
                )));
            }
            Some(Ok(credit.to_owned()))
        })
        .collect::<AppResult<Vec<_>>>()?;
    too_many("credits", credits.len(), MAX_CREDITS, "credits")?;
    Ok(credits)
}

#[cfg(test)]
mod tests {
    use entities::{Severity, Tlp};

    use super::*;
    use crate::advisories::content::IndicatorKind;

    fn good() -> AdvisoryContent {
        AdvisoryContent {
            title: "Remote code execution in Example Gateway".into(),
            summary: "An unauthenticated attacker can run code on the gateway.".into(),
            body: "## Details\n\nThe upload handler trusts the file name.  \nSee below.\n\n    \
                   indented code"
                .into(),
            severity: Severity::Critical,
            cvss_vector: Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into()),
            tlp: Tlp::Green,
            cves: vec!["CVE-2026-12345".into(), "CVE-2025-0001".into()],
            affected_products: vec![
                AffectedProduct {
                    vendor: "Example Corp".into(),
                    product: "Gateway".into(),
                    versions: ">= 2.0, < 2.4.1".into(),
                },
                AffectedProduct {
                    vendor: "Example Corp".into(),
                    product: "Gateway Lite".into(),
                    versions: String::new(),
                },
            ],
            indicators: vec![
                Indicator {
                    kind: IndicatorKind::Ipv4,
                    value: "192.0.2.1".into(),
                },
                Indicator {
                    kind: IndicatorKind::Domain,
                    value: "evil.example".into(),
                },
                Indicator {
                    kind: IndicatorKind::Url,
                    value: "http://evil.example/payload".into(),
                },
            ],
            recommendations: "Upgrade to 2.4.1.".into(),
            references: vec![
                "https://example.com/advisories/2026-001".into(),
                "http://example.org/".into(),
            ],
            credits: vec!["A. Researcher (Example CERT)".into()],
        }
    }

    /// The field and message of a `BAD_USER_INPUT`.
    fn refused(content: AdvisoryContent) -> (&'static str, String) {
        match normalize(content) {
            Err(AppError::BadUserInput {
                field: Some(field),
                message,
            }) => (field, message),
            other => panic!("expected BAD_USER_INPUT, got {other:?}"),
        }
    }

    #[test]
    fn good_content_round_trips_unchanged() {
        let content = good();
        assert_eq!(normalize(content.clone()).unwrap(), content);
    }

    #[test]
    fn minimal_content_is_enough() {
        let content = AdvisoryContent {
            title: "T".into(),
            summary: String::new(),
            body: String::new(),
            severity: Severity::Informational,
            cvss_vector: None,
            tlp: Tlp::Clear,
            cves: vec![],
            affected_products: vec![],
            indicators: vec![],
            recommendations: String::new(),
            references: vec![],
            credits: vec![],
        };
        assert_eq!(normalize(content.clone()).unwrap(), content);
    }

    #[test]
    fn values_are_normalised() {
        let mut content = good();
        content.title = "  Padded title \n".into();
        content.summary = "\n summary ".into();
        content.body = "  indented first line\n\ntrailing   \n\n".into();
        content.recommendations = "Patch.\n\n".into();
        content.cvss_vector = Some(" CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/S:U ".into());
        content.cves = vec![
            " cve-2021-44228 ".into(),
            "CVE-2021-44228".into(),
            "CVE-2014-0160".into(),
        ];
        content.affected_products = vec![
            AffectedProduct {
                vendor: " Example ".into(),
                product: " App ".into(),
                versions: " 1.x ".into(),
            },
            AffectedProduct {
                vendor: "EXAMPLE".into(),
                product: "app".into(),
                versions: "1.X".into(),
            },
            AffectedProduct {
                vendor: "Example".into(),
                product: "App".into(),
                versions: "2.x".into(),
            },
        ];
        content.indicators = vec![
            Indicator {
                kind: IndicatorKind::Domain,
                value: "Evil[.]Example".into(),
            },
            Indicator {
                kind: IndicatorKind::Domain,
                value: "evil.example.".into(),
            },
            Indicator {
                kind: IndicatorKind::Ipv6,
                value: "[2001:DB8:0::1]".into(),
            },
        ];
        content.references = vec![
            " HTTPS://Example.com ".into(),
            "https://example.com/".into(),
        ];
        content.credits = vec!["  ".into(), " Someone ".into(), String::new()];

        let normalized = normalize(content).unwrap();

        assert_eq!(normalized.title, "Padded title");
        assert_eq!(normalized.summary, "summary");
        assert_eq!(normalized.body, "  indented first line\n\ntrailing");
        assert_eq!(normalized.recommendations, "Patch.");
        assert_eq!(
            normalized.cvss_vector.as_deref(),
            Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
        );
        assert_eq!(normalized.cves, ["CVE-2021-44228", "CVE-2014-0160"]);
        assert_eq!(
            normalized.affected_products,
            [
                AffectedProduct {
                    vendor: "Example".into(),
                    product: "App".into(),
                    versions: "1.x".into(),
                },
                AffectedProduct {
                    vendor: "Example".into(),
                    product: "App".into(),
                    versions: "2.x".into(),
                },
            ]
        );
        assert_eq!(
            normalized.indicators,
            [
                Indicator {
                    kind: IndicatorKind::Domain,
                    value: "evil.example".into(),
                },
                Indicator {
                    kind: IndicatorKind::Ipv6,
                    value: "2001:db8::1".into(),
                },
            ]
        );
        assert_eq!(normalized.references, ["https://example.com/"]);
        assert_eq!(normalized.credits, ["Someone"]);
        assert_eq!(normalize(normalized.clone()).unwrap(), normalized);
    }

    #[test]
    fn a_blank_cvss_vector_is_none() {
        let mut content = good();
        content.cvss_vector = Some("  ".into());
        assert_eq!(normalize(content).unwrap().cvss_vector, None);
    }

    #[test]
    fn bad_fields_are_refused_with_their_name() {
        type Edit = fn(&mut AdvisoryContent);
        let cases: &[(Edit, &str, &str)] = &[
            (|c| c.title = " \n ".into(), "title", "the title is empty"),
            (
                |c| c.title = "x".repeat(201),
                "title",
                "the title is longer than 200 characters",
            ),
            (
                |c| c.summary = "x".repeat(2001),
                "summary",
                "the summary is longer than 2000 characters",
            ),
            (
                |c| c.body = "x".repeat(100_001),
                "body",
                "the body is longer than 100000 characters",
            ),
            (
                |c| c.recommendations = "x".repeat(20_001),
                "recommendations",
                "the recommendations are longer than 20000 characters",
            ),
            (
                |c| c.cvss_vector = Some("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into()),
                "cvssVector",
                "only CVSS 3.1 vectors are supported",
            ),
            (
                |c| c.cvss_vector = Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H".into()),
                "cvssVector",
                "the metric A is missing",
            ),
            (
                |c| c.cves = vec!["CVE-2021-44228".into(), "x".into(), "CVE-21-1".into()],
                "cves",
                "entry 2: not a valid CVE id (CVE-YYYY-NNNN)",
            ),
            (
                |c| {
                    c.cves = (0..101)
                        .map(|n| format!("CVE-2026-{:04}", n + 1000))
                        .collect()
                },
                "cves",
                "at most 100 CVE ids",
            ),
            (
                |c| c.affected_products[1].vendor = " ".into(),
                "affectedProducts",
                "entry 2: the vendor is empty",
            ),
            (
                |c| c.affected_products[0].product = String::new(),
                "affectedProducts",
                "entry 1: the product is empty",
            ),
            (
                |c| c.affected_products[0].versions = "1".repeat(201),
                "affectedProducts",
                "entry 1: the versions are longer than 200 characters",
            ),
            (
                |c| c.affected_products[0].vendor = "v".repeat(201),
                "affectedProducts",
                "entry 1: the vendor is longer than 200 characters",
            ),
            (
                |c| {
                    c.affected_products = (0..201)
                        .map(|n| AffectedProduct {
                            vendor: "Example".into(),
                            product: format!("Product {n}"),
                            versions: String::new(),
                        })
                        .collect()
                },
                "affectedProducts",
                "at most 200 affected products",
            ),
            (
                |c| c.indicators[2].kind = IndicatorKind::Ipv4,
                "indicators",
                "entry 3: not a valid IPv4 address",
            ),
            (
                |c| c.indicators[0].value = String::new(),
                "indicators",
                "entry 1: the indicator is empty",
            ),
            (
                |c| {
                    c.indicators = (0..=indicators::MAX_INDICATORS)
                        .map(|n| Indicator {
                            kind: IndicatorKind::Domain,
                            value: format!("host{n}.example"),
                        })
                        .collect()
                },
                "indicators",
                "at most 5000 indicators",
            ),
            (
                |c| c.references.push("example.com/advisory".into()),
                "references",
                "entry 3: not an absolute http or https URL",
            ),
            (
                |c| c.references.push("ftp://example.com/advisory".into()),
                "references",
                "entry 3: not an absolute http or https URL",
            ),
            (
                |c| c.references.push("javascript:alert(1)".into()),
                "references",
                "entry 3: not an absolute http or https URL",
            ),
            (
                |c| c.references = vec![format!("https://example.com/{}", "a".repeat(2048))],
                "references",
                "entry 1: longer than 2048 characters",
            ),
            (
                |c| {
                    c.references = (0..101)
                        .map(|n| format!("https://example.com/{n}"))
                        .collect()
                },
                "references",
                "at most 100 references",
            ),
            (
                |c| c.credits = vec![String::new(), "c".repeat(201)],
                "credits",
                "entry 2: longer than 200 characters",
            ),
            (
                |c| c.credits = (0..51).map(|n| format!("Person {n}")).collect(),
                "credits",
                "at most 50 credits",
            ),
        ];
        for (edit, field, message) in cases {
            let mut content = good();
            edit(&mut content);
            assert_eq!(refused(content), (*field, (*message).to_owned()));
        }
    }

    #[test]
    fn limits_are_inclusive() {
        let mut content = good();
        content.title = "t".repeat(200);
        content.summary = "s".repeat(2000);
        content.body = "b".repeat(100_000);
        content.recommendations = "r".repeat(20_000);
        content.cves = (0..100)
            .map(|n| format!("CVE-2026-{:04}", n + 1000))
            .collect();
        content.credits = (0..50).map(|n| format!("Person {n}")).collect();
        content.references = (0..100)
            .map(|n| format!("https://example.com/{n}"))
            .collect();
        assert_eq!(normalize(content.clone()).unwrap(), content);
    }

    #[test]
    fn severity_from_cvss_is_the_base_score() {
        let mut content = good();
        assert_eq!(severity_from_cvss(&content), Some(9.8));
        content.cvss_vector = None;
        assert_eq!(severity_from_cvss(&content), None);
    }
}
