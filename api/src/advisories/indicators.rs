//! Indicators of compromise: one value validated and normalised (its kind given or
//! detected), or a pasted list checked line by line. Defanged spellings (`hxxp://`, `[.]`,
//! `[at]` …) are refanged first, so an analyst can paste from a report as it is.

use std::{
    collections::HashSet,
    net::{Ipv4Addr, Ipv6Addr},
};

use super::content::{Indicator, IndicatorKind};

/// The most indicators one advisory may carry.
pub const MAX_INDICATORS: usize = 5000;

/// The most indicator lines one bulk paste may hold.
pub const MAX_BULK_LINES: usize = 1000;

/// The longest value accepted, before and after normalisation.
const MAX_LENGTH: usize = 2048;

/// Defanged spellings and what they stand for, matched case-insensitively anywhere.
const DEFANGED: [(&str, &str); 7] = [
    ("[://]", "://"),
    ("[.]", "."),
    ("(.)", "."),
    ("[dot]", "."),
    ("[@]", "@"),
    ("[at]", "@"),
    ("[:]", ":"),
];

/// Defanged URL schemes, matched case-insensitively at the start.
const DEFANGED_SCHEMES: [(&str, &str); 2] = [("hxxp://", "http://"), ("hxxps://", "https://")];

/// One line of a bulk paste and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineReport {
    /// 1-based, counting every line of the paste (blank and comment lines included).
    pub line: usize,
    /// The line as read: surrounding whitespace and a trailing `,` or `;` trimmed.
    pub input: String,
    pub outcome: LineOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    /// New: to be added.
    Accepted(Indicator),
    /// Already on the advisory, or earlier in the same paste.
    Duplicate(Indicator),
    /// Why the line is not an indicator.
    Rejected(String),
}

/// Validates and normalises one indicator. With `kind: None` the kind is detected: a CVE
/// id, a URL (it has `://`), a hash (by its length), an IP address, an email address, a
/// domain, in that order. The error is a short sentence for the user.
pub fn parse(kind: Option<IndicatorKind>, raw: &str) -> Result<Indicator, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("the indicator is empty".into());
    }
    if raw.chars().count() > MAX_LENGTH {
        return Err(too_long());
    }
    let refanged = refang(raw);
    let kind = match kind {
        Some(kind) => kind,
        None => detect(&refanged)?,
    };
    let value = normalize(kind, &refanged)?;
    if value.chars().count() > MAX_LENGTH {
        return Err(too_long());
    }
    Ok(Indicator { kind, value })
}

/// Checks a pasted list, one indicator per line, each kind detected. Blank lines and
/// lines starting with `#` are skipped; a value already in `existing`, or on an earlier
/// line, is a duplicate. Fails as a whole past [`MAX_BULK_LINES`] indicator lines.
pub fn parse_bulk(text: &str, existing: &[Indicator]) -> Result<Vec<LineReport>, String> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, clean_line(line)))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .collect();
    if lines.len() > MAX_BULK_LINES {
        return Err(format!("at most {MAX_BULK_LINES} lines at a time"));
    }

    let mut seen: HashSet<Indicator> = existing.iter().cloned().collect();
    Ok(lines
        .into_iter()
        .map(|(line, input)| {
            let outcome = match parse(None, input) {
                Ok(indicator) if seen.contains(&indicator) => LineOutcome::Duplicate(indicator),
                Ok(indicator) => {
                    seen.insert(indicator.clone());
                    LineOutcome::Accepted(indicator)
                }
                Err(message) => LineOutcome::Rejected(message),
            };
            LineReport {
                line,
                input: input.to_owned(),
                outcome,
            }
        })
        .collect())
}

/// `CVE-YYYY-NNNN…` in upper case, or `None`: a year from 1999 to 2100 and a sequence
/// number of at least four digits.
pub fn normalize_cve(raw: &str) -> Option<String> {
    let upper = raw.trim().to_ascii_uppercase();
    let (year, number) = upper.strip_prefix("CVE-")?.split_once('-')?;
    let year_ok = year.len() == 4
        && all_digits(year)
        && year
            .parse::<u16>()
            .is_ok_and(|year| (1999..=2100).contains(&year));
    let number_ok = number.len() >= 4 && all_digits(number);
    (year_ok && number_ok).then_some(upper)
}

fn too_long() -> String {
    format!("longer than {MAX_LENGTH} characters")
}

fn clean_line(line: &str) -> &str {
    line.trim().trim_end_matches([',', ';']).trim_end()
}

fn all_digits(text: &str) -> bool {
    text.bytes().all(|byte| byte.is_ascii_digit())
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn refang(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    'scan: while !rest.is_empty() {
        for (defanged, plain) in DEFANGED {
            if starts_with_ignore_case(rest, defanged) {
                out.push_str(plain);
                rest = rest.get(defanged.len()..).unwrap_or_default();
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        out.extend(chars.next());
        rest = chars.as_str();
    }
    // After the brackets, so that `hxxps[:]//` is recognised too.
    for (defanged, plain) in DEFANGED_SCHEMES {
        if starts_with_ignore_case(&out, defanged) {
            return format!("{plain}{}", out.get(defanged.len()..).unwrap_or_default());
        }
    }
    out
}

fn detect(value: &str) -> Result<IndicatorKind, String> {
    // A domain such as `cve-watch.example` has a dot; a CVE id never does.
    if starts_with_ignore_case(value, "CVE-") && !value.contains(['.', '/', '@']) {
        return Ok(IndicatorKind::Cve);
    }
    if value.contains("://") {
        return Ok(IndicatorKind::Url);
    }
    if value.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        match value.len() {
            32 => return Ok(IndicatorKind::Md5),
            40 => return Ok(IndicatorKind::Sha1),
            64 => return Ok(IndicatorKind::Sha256),
            len if len >= 16 && !all_digits(value) => {
                return Err(
                    "not a valid hash (MD5, SHA-1 and SHA-256 have 32, 40 and 64 hexadecimal \
                     digits)"
                        .into(),
                );
            }
            _ => {}
        }
    }
    if value.contains('.')
        && value
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.')
    {
        return Ok(IndicatorKind::Ipv4);
    }
    if let Some((host, port)) = value.rsplit_once(':')
        && host.parse::<Ipv4Addr>().is_ok()
        && all_digits(port)
    {
        return Err("an address with a port is not an indicator: give the address alone".into());
    }
    let ipv6_like = value.contains(':')
        && value
            .bytes()
            .all(|byte| byte.is_ascii_hexdigit() || matches!(byte, b':' | b'.' | b'[' | b']'));
    if ipv6_like {
        return Ok(IndicatorKind::Ipv6);
    }
    if value.contains('@') {
        return Ok(IndicatorKind::Email);
    }
    if domain(value).is_some() {
        return Ok(IndicatorKind::Domain);
    }
    if let Some((host, rest)) = value.split_once('/') {
        if host.parse::<Ipv4Addr>().is_ok() && all_digits(rest) {
            return Err("network ranges are not accepted: give single addresses".into());
        }
        if domain(host).is_some() || host.parse::<Ipv4Addr>().is_ok() {
            return Err("a URL needs its scheme (http://, https:// or ftp://)".into());
        }
    }
    Err("could not tell what kind of indicator this is".into())
}

fn normalize(kind: IndicatorKind, value: &str) -> Result<String, String> {
    let normalized = match kind {
        IndicatorKind::Ipv4 => value.parse::<Ipv4Addr>().ok().map(|ip| ip.to_string()),
        IndicatorKind::Ipv6 => ipv6(value),
        IndicatorKind::Domain => domain(value),
        IndicatorKind::Url => return url(value),
        IndicatorKind::Email => email(value),
        IndicatorKind::Md5 => hash(value, 32),
        IndicatorKind::Sha1 => hash(value, 40),
        IndicatorKind::Sha256 => hash(value, 64),
        IndicatorKind::Cve => normalize_cve(value),
    };
    normalized.ok_or_else(|| {
        match kind {
            IndicatorKind::Ipv4 => "not a valid IPv4 address",
            IndicatorKind::Ipv6 => "not a valid IPv6 address",
            IndicatorKind::Domain => "not a valid domain name",
            IndicatorKind::Url => "not a valid URL",
            IndicatorKind::Email => "not a valid email address",
            IndicatorKind::Md5 => "not a valid MD5 hash (32 hexadecimal digits)",
            IndicatorKind::Sha1 => "not a valid SHA-1 hash (40 hexadecimal digits)",
            IndicatorKind::Sha256 => "not a valid SHA-256 hash (64 hexadecimal digits)",
            IndicatorKind::Cve => "not a valid CVE id (CVE-YYYY-NNNN)",
        }
        .to_owned()
    })
}

/// Canonical compressed lower-case form (RFC 5952); brackets allowed around the input.
fn ipv6(value: &str) -> Option<String> {
    let bare = match value.strip_prefix('[') {
        Some(rest) => rest.strip_suffix(']')?,
        None => value,
    };
    bare.parse::<Ipv6Addr>().ok().map(|ip| ip.to_string())
}

/// ASCII only (IDNA is out of scope): labels of 1–63 letters, digits and hyphens, at
/// least two of them, 253 characters in all, and a top-level domain of letters (or an
/// `xn--` label, the ASCII form of an internationalised one). Lower case, no trailing dot.
fn domain(value: &str) -> Option<String> {
    let name = value
        .strip_suffix('.')
        .unwrap_or(value)
        .to_ascii_lowercase();
    if name.len() > 253 {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    let labels_ok = labels.iter().all(|label| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    });
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.bytes().all(|byte| byte.is_ascii_alphabetic())
            || (tld.len() > 4 && tld.starts_with("xn--"))
    });
    (labels.len() >= 2 && labels_ok && tld_ok).then_some(name)
}

/// `local@domain`: the domain by the domain rule, in lower case; the local part as given.
fn email(value: &str) -> Option<String> {
    let (local, domain_part) = value.rsplit_once('@')?;
    let local_ok = (1..=64).contains(&local.len())
        && !local
            .chars()
            .any(|c| c == '@' || c.is_whitespace() || c.is_control());
    let domain_part = domain(domain_part)?;
    local_ok.then(|| format!("{local}@{domain_part}"))
}

fn url(value: &str) -> Result<String, String> {
    let parsed = url::Url::parse(value).map_err(|_| "not a valid URL".to_owned())?;
    if !matches!(parsed.scheme(), "http" | "https" | "ftp") {
        return Err("only http, https and ftp URLs are accepted".into());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("a URL needs a host".into());
    }
    Ok(parsed.into())
}

fn hash(value: &str, len: usize) -> Option<String> {
    (value.len() == len && value.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .then(|| value.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use IndicatorKind::*;

    const MD5: &str = "d41d8cd98f00b204e9800998ecf8427e";
    const SHA1: &str = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    const SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn indicator(kind: IndicatorKind, value: &str) -> Indicator {
        Indicator {
            kind,
            value: value.into(),
        }
    }

    #[test]
    fn kinds_are_detected_and_values_normalised() {
        let cases = [
            ("192.0.2.1", Ipv4, "192.0.2.1"),
            (" 198.51.100.23\t", Ipv4, "198.51.100.23"),
            ("192[.]0[.]2[.]1", Ipv4, "192.0.2.1"),
            ("192(.)0(.)2(.)1", Ipv4, "192.0.2.1"),
            ("2001:DB8:0:0:0:0:0:1", Ipv6, "2001:db8::1"),
            ("[2001:db8::1]", Ipv6, "2001:db8::1"),
            ("2001[:]db8[:]:1", Ipv6, "2001:db8::1"),
            ("::ffff:192.0.2.1", Ipv6, "::ffff:192.0.2.1"),
            ("Example.COM", Domain, "example.com"),
            ("example.com.", Domain, "example.com"),
            ("evil[.]example[dot]org", Domain, "evil.example.org"),
            ("evil[DOT]example[.]org", Domain, "evil.example.org"),
            ("a-b.c-d.example", Domain, "a-b.c-d.example"),
            ("cve-watch.example", Domain, "cve-watch.example"),
            ("xn--80ak6aa92e.xn--p1ai", Domain, "xn--80ak6aa92e.xn--p1ai"),
            ("https://Example.com", Url, "https://example.com/"),
            (
                "hxxp://evil[.]example/x?y=1",
                Url,
                "http://evil.example/x?y=1",
            ),
            (
                "HXXPS://evil.example/a b",
                Url,
                "https://evil.example/a%20b",
            ),
            ("hxxps[:]//evil[.]example/", Url, "https://evil.example/"),
            ("hxxps[://]evil[.]example", Url, "https://evil.example/"),
            ("ftp://192.0.2.1/file", Url, "ftp://192.0.2.1/file"),
            ("Phish.Er@Example.COM", Email, "Phish.Er@example.com"),
            ("phisher[@]example[.]com", Email, "phisher@example.com"),
            ("phisher[at]example[.]com", Email, "phisher@example.com"),
            (MD5, Md5, MD5),
            (&MD5.to_uppercase(), Md5, MD5),
            (SHA1, Sha1, SHA1),
            (SHA256, Sha256, SHA256),
            (&SHA256.to_uppercase(), Sha256, SHA256),
            ("cve-2021-44228", Cve, "CVE-2021-44228"),
            ("CVE-1999-0001", Cve, "CVE-1999-0001"),
            ("CVE-2024-1234567", Cve, "CVE-2024-1234567"),
        ];
        for (raw, kind, value) in cases {
            assert_eq!(parse(None, raw), Ok(indicator(kind, value)), "{raw:?}");
        }
    }

    #[test]
    fn a_given_kind_is_checked_not_guessed() {
        let cases = [
            (Domain, "example.com", Ok("example.com")),
            (Ipv4, "192.0.2.1", Ok("192.0.2.1")),
            (Url, "https://example.com/", Ok("https://example.com/")),
            (Domain, "192.0.2.1", Err("not a valid domain name")),
            (Ipv4, "example.com", Err("not a valid IPv4 address")),
            (Ipv6, "192.0.2.1", Err("not a valid IPv6 address")),
            (Url, "example.com", Err("not a valid URL")),
            (Email, "example.com", Err("not a valid email address")),
            (
                Md5,
                SHA1,
                Err("not a valid MD5 hash (32 hexadecimal digits)"),
            ),
            (
                Sha1,
                MD5,
                Err("not a valid SHA-1 hash (40 hexadecimal digits)"),
            ),
            (
                Sha256,
                MD5,
                Err("not a valid SHA-256 hash (64 hexadecimal digits)"),
            ),
            (Cve, "2021-44228", Err("not a valid CVE id (CVE-YYYY-NNNN)")),
        ];
        for (kind, raw, expected) in cases {
            let expected = expected
                .map(|value| indicator(kind, value))
                .map_err(str::to_owned);
            assert_eq!(parse(Some(kind), raw), expected, "{kind:?} {raw:?}");
        }
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let cases = [
            ("", "the indicator is empty"),
            ("   ", "the indicator is empty"),
            ("192.0.2.256", "not a valid IPv4 address"),
            ("192.0.2", "not a valid IPv4 address"),
            ("192.0.02.1", "not a valid IPv4 address"),
            ("2001:db8::12345", "not a valid IPv6 address"),
            ("[2001:db8::1", "not a valid IPv6 address"),
            ("2001:db8:::1", "not a valid IPv6 address"),
            (
                "fe80::1%eth0",
                "could not tell what kind of indicator this is",
            ),
            ("mailto:x", "could not tell what kind of indicator this is"),
            (
                "javascript://alert(1)",
                "only http, https and ftp URLs are accepted",
            ),
            (
                "file:///etc/passwd",
                "only http, https and ftp URLs are accepted",
            ),
            ("http://", "not a valid URL"),
            ("@example.com", "not a valid email address"),
            ("a b@example.com", "not a valid email address"),
            ("user@localhost", "not a valid email address"),
            ("user@192.0.2.1", "not a valid email address"),
            ("CVE-1998-0001", "not a valid CVE id (CVE-YYYY-NNNN)"),
            ("CVE-2101-0001", "not a valid CVE id (CVE-YYYY-NNNN)"),
            ("CVE-2021-123", "not a valid CVE id (CVE-YYYY-NNNN)"),
            ("CVE-21-1234", "not a valid CVE id (CVE-YYYY-NNNN)"),
            ("CVE-2021-12a4", "not a valid CVE id (CVE-YYYY-NNNN)"),
            (
                "d41d8cd98f00b204e9800998ecf8427",
                "not a valid hash (MD5, SHA-1 and SHA-256 have 32, 40 and 64 hexadecimal \
                 digits)",
            ),
            (
                "example.com/login",
                "a URL needs its scheme (http://, https:// or ftp://)",
            ),
            (
                "192.0.2.1:8080",
                "an address with a port is not an indicator: give the address alone",
            ),
            (
                "192.0.2.0/24",
                "network ranges are not accepted: give single addresses",
            ),
            ("localhost", "could not tell what kind of indicator this is"),
            (
                "exa_mple.com",
                "could not tell what kind of indicator this is",
            ),
            (
                "example.123",
                "could not tell what kind of indicator this is",
            ),
            ("two words", "could not tell what kind of indicator this is"),
            (
                "bücher.example",
                "could not tell what kind of indicator this is",
            ),
            (
                "a..example",
                "could not tell what kind of indicator this is",
            ),
            ("12345", "could not tell what kind of indicator this is"),
        ];
        for (raw, message) in cases {
            assert_eq!(parse(None, raw), Err(message.to_owned()), "{raw:?}");
        }
    }

    #[test]
    fn domain_lengths_are_bounded() {
        let label63 = "a".repeat(63);
        assert!(parse(Some(Domain), &format!("{label63}.example")).is_ok());
        assert!(parse(Some(Domain), &format!("{label63}a.example")).is_err());
        // 4 × 63 + 1 = 253 characters with the dots.
        let longest = format!("{label63}.{label63}.{label63}.{}.com", "a".repeat(57));
        assert_eq!(longest.len(), 253);
        assert!(parse(Some(Domain), &longest).is_ok());
        assert!(parse(Some(Domain), &format!("a{longest}")).is_err());
    }

    #[test]
    fn values_over_2048_characters_are_refused() {
        let path = "a".repeat(2048 - "https://example.com/".len());
        let longest = format!("https://example.com/{path}");
        assert!(parse(None, &longest).is_ok());
        assert_eq!(
            parse(None, &format!("{longest}a")),
            Err("longer than 2048 characters".to_owned())
        );
        // Percent-encoding may lengthen a URL past the limit.
        let spaced = format!("https://example.com/{}", " ".repeat(1000));
        assert_eq!(
            parse(None, &format!("{spaced}x")),
            Err("longer than 2048 characters".to_owned())
        );
    }

    #[test]
    fn a_bulk_paste_is_reported_line_by_line() {
        let existing = [indicator(Domain, "known.example")];
        let text = "# from the report\n\
                    192[.]0[.]2[.]1,\n\
                    \n\
                    \t Known.Example;  \n\
                    hxxp://evil[.]example/x\r\n\
                    not an indicator\n\
                    192.0.2.1\n\
                    \x20 # indented comment\n\
                    CVE-2021-44228";
        let reports = parse_bulk(text, &existing).unwrap();
        let expected = [
            (
                2,
                "192[.]0[.]2[.]1",
                LineOutcome::Accepted(indicator(Ipv4, "192.0.2.1")),
            ),
            (
                4,
                "Known.Example",
                LineOutcome::Duplicate(indicator(Domain, "known.example")),
            ),
            (
                5,
                "hxxp://evil[.]example/x",
                LineOutcome::Accepted(indicator(Url, "http://evil.example/x")),
            ),
            (
                6,
                "not an indicator",
                LineOutcome::Rejected("could not tell what kind of indicator this is".into()),
            ),
            (
                7,
                "192.0.2.1",
                LineOutcome::Duplicate(indicator(Ipv4, "192.0.2.1")),
            ),
            (
                9,
                "CVE-2021-44228",
                LineOutcome::Accepted(indicator(Cve, "CVE-2021-44228")),
            ),
        ];
        assert_eq!(reports.len(), expected.len());
        for (report, (line, input, outcome)) in reports.iter().zip(expected) {
            assert_eq!(report.line, line);
            assert_eq!(report.input, input);
            assert_eq!(report.outcome, outcome, "line {line}");
        }
    }

    #[test]
    fn a_bulk_paste_is_limited_in_lines_not_in_comments() {
        let lines: Vec<String> = (0..MAX_BULK_LINES)
            .map(|n| format!("host{n}.example"))
            .collect();
        let at_limit = format!("# header\n\n{}", lines.join("\n"));
        assert_eq!(parse_bulk(&at_limit, &[]).unwrap().len(), MAX_BULK_LINES);
        assert_eq!(
            parse_bulk(&format!("{at_limit}\none-more.example"), &[]),
            Err("at most 1000 lines at a time".to_owned())
        );
        assert_eq!(parse_bulk("\n# only a comment\n ,\n", &[]), Ok(vec![]));
    }
}
