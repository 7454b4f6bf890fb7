//! CVSS 3.1 base scores. The formula and its `Roundup` come from the RustSec `cvss` crate
//! (checked against the specification on every one of the 2,592 base vectors); this module
//! adds what an advisory needs on top: only `CVSS:3.1/` vectors, every base metric exactly
//! once, nothing else, a canonical metric order, and messages a person can act on.

use std::str::FromStr as _;

use entities::Severity;

/// The base metrics, in the order of the specification's vector string.
const BASE_METRICS: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

/// Temporal and environmental metrics: valid CVSS 3.1, but not scored here.
const OTHER_METRICS: [&str; 14] = [
    "E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA",
];

const PREFIX: &str = "CVSS:3.1/";

/// Far above the longest base vector (44 characters), and short enough to quote back.
const MAX_LENGTH: usize = 200;

/// A validated vector and what it scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CvssScore {
    /// The vector with its metrics in canonical order (AV/AC/PR/UI/S/C/I/A).
    pub vector: String,
    /// 0.0 to 10.0, one decimal.
    pub base_score: f64,
    /// The qualitative rating of the base score; CVSS "None" (0.0) is `Informational`.
    pub severity: Severity,
}

/// Validates a CVSS 3.1 vector with exactly the eight base metrics (in any order) and
/// scores it. The error is a short sentence for the user.
pub fn score(vector: &str) -> Result<CvssScore, String> {
    let vector = vector.trim();
    if vector.is_empty() {
        return Err("the CVSS vector is empty".into());
    }
    if vector.chars().count() > MAX_LENGTH {
        return Err("the CVSS vector is too long".into());
    }
    let Some(metrics) = vector.strip_prefix(PREFIX) else {
        return Err(if vector.starts_with("CVSS:") {
            "only CVSS 3.1 vectors are supported".into()
        } else {
            "a CVSS vector starts with CVSS:3.1/".into()
        });
    };

    let mut values: [Option<&str>; 8] = [None; 8];
    for component in metrics.split('/') {
        let Some((name, value)) = component.split_once(':') else {
            return Err(format!("`{component}` is not a metric (NAME:VALUE)"));
        };
        match BASE_METRICS.iter().position(|base| *base == name) {
            Some(index) => {
                if values[index].replace(value).is_some() {
                    return Err(format!("the metric {name} appears more than once"));
                }
            }
            None if OTHER_METRICS.contains(&name) => {
                return Err("only base metrics are supported".into());
            }
            None => return Err(format!("`{name}` is not a CVSS 3.1 metric")),
        }
    }

    let mut canonical = String::from("CVSS:3.1");
    for (name, value) in BASE_METRICS.iter().zip(values) {
        let Some(value) = value else {
            return Err(format!("the metric {name} is missing"));
        };
        canonical.push('/');
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
    }

    let parsed = cvss::v3::Vector::from_str(&canonical).map_err(|err| match err {
        cvss::Error::InvalidMetricV3 { metric_type, value } => {
            format!("`{value}` is not a valid value for {}", metric_type.name())
        }
        _ => "not a valid CVSS 3.1 vector".to_owned(),
    })?;
    let base_score = parsed.base_score().value();
    Ok(CvssScore {
        vector: canonical,
        base_score,
        severity: severity(base_score),
    })
}

/// The qualitative severity rating scale of CVSS 3.1 (section 5).
fn severity(base_score: f64) -> Severity {
    if base_score < 0.1 {
        Severity::Informational
    } else if base_score < 4.0 {
        Severity::Low
    } else if base_score < 7.0 {
        Severity::Medium
    } else if base_score < 9.0 {
        Severity::High
    } else {
        Severity::Critical
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors_score_as_the_specification_says() {
        let cases = [
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                9.8,
                Severity::Critical,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                10.0,
                Severity::Critical,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N",
                5.4,
                Severity::Medium,
            ),
            (
                "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N",
                0.0,
                Severity::Informational,
            ),
            // ISS 0.22; impact 7.52 × 0.191 − 3.25 × 0.2^15 = 1.43632;
            // exploitability 8.22 × 0.2 × 0.44 × 0.5 × 0.62 = 0.2242416;
            // Roundup(1.08 × 1.6605616 = 1.793406…) = 1.8.
            (
                "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N",
                1.8,
                Severity::Low,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
                6.1,
                Severity::Medium,
            ),
            (
                "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
                7.8,
                Severity::High,
            ),
            (
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
                5.9,
                Severity::Medium,
            ),
            (
                "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                6.5,
                Severity::Medium,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N",
                6.4,
                Severity::Medium,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H",
                7.2,
                Severity::High,
            ),
            (
                "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L",
                3.3,
                Severity::Low,
            ),
        ];
        for (vector, base_score, severity) in cases {
            let scored = score(vector).unwrap();
            assert_eq!(scored.base_score, base_score, "{vector}");
            assert_eq!(scored.severity, severity, "{vector}");
            assert_eq!(scored.vector, vector);
        }
    }

    #[test]
    fn severity_bands_follow_the_rating_scale() {
        let cases = [
            (0.0, Severity::Informational),
            (0.1, Severity::Low),
            (3.9, Severity::Low),
            (4.0, Severity::Medium),
            (6.9, Severity::Medium),
            (7.0, Severity::High),
            (8.9, Severity::High),
            (9.0, Severity::Critical),
            (10.0, Severity::Critical),
        ];
        for (base_score, expected) in cases {
            assert_eq!(severity(base_score), expected, "{base_score}");
        }
    }

    #[test]
    fn reordered_metrics_are_normalised() {
        let scored = score("  CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N ").unwrap();
        assert_eq!(
            scored.vector,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        );
        assert_eq!(scored.base_score, 9.8);
    }

    #[test]
    fn bad_vectors_are_refused_with_a_reason() {
        let cases = [
            ("", "the CVSS vector is empty"),
            ("   ", "the CVSS vector is empty"),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
                "the metric A is missing",
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
                "the metric AV appears more than once",
            ),
            (
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "`X` is not a valid value for AV",
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P",
                "only base metrics are supported",
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:P",
                "`ZZ` is not a CVSS 3.1 metric",
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
                "`` is not a metric (NAME:VALUE)",
            ),
            (
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "only CVSS 3.1 vectors are supported",
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                "only CVSS 3.1 vectors are supported",
            ),
            (
                "AV:N/AC:L/Au:N/C:C/I:C/A:C",
                "a CVSS vector starts with CVSS:3.1/",
            ),
            (
                "(AV:N/AC:L/Au:N/C:C/I:C/A:C)",
                "a CVSS vector starts with CVSS:3.1/",
            ),
            (
                "cvss:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h",
                "a CVSS vector starts with CVSS:3.1/",
            ),
        ];
        for (vector, message) in cases {
            assert_eq!(score(vector).unwrap_err(), message, "{vector:?}");
        }
        assert_eq!(
            score(&format!("CVSS:3.1/{}", "AV:N/".repeat(50))).unwrap_err(),
            "the CVSS vector is too long"
        );
    }
}
