//! Media types of GraphQL over HTTP: request `Content-Type` and response negotiation.

pub const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";
pub const JSON: &str = "application/json";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseType {
    /// `application/graphql-response+json`: status codes follow the outcome.
    GraphqlResponseJson,
    /// `application/json`: 200 for every well-formed request (legacy clients).
    Json,
}

impl ResponseType {
    pub fn content_type(self) -> &'static str {
        match self {
            ResponseType::GraphqlResponseJson => "application/graphql-response+json; charset=utf-8",
            ResponseType::Json => "application/json; charset=utf-8",
        }
    }
}

struct MediaRange<'a> {
    essence: String,
    params: Vec<(String, &'a str)>,
}

fn parse_media(value: &str) -> MediaRange<'_> {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let params = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"')))
        .collect();
    MediaRange { essence, params }
}

fn charset_ok(range: &MediaRange<'_>) -> bool {
    range
        .params
        .iter()
        .find(|(k, _)| k == "charset")
        .is_none_or(|(_, v)| v.eq_ignore_ascii_case("utf-8"))
}

/// Whether a request `Content-Type` is JSON in UTF-8.
pub fn is_json_content_type(value: &str) -> bool {
    let range = parse_media(value);
    range.essence == JSON && charset_ok(&range)
}

/// Chooses the response type from `Accept`. No header means `application/json`; a header
/// that accepts neither type means `None` (406).
pub fn negotiate(accept: Option<&str>) -> Option<ResponseType> {
    let Some(accept) = accept.map(str::trim).filter(|a| !a.is_empty()) else {
        return Some(ResponseType::Json);
    };
    let mut best: Option<(f32, u8, ResponseType)> = None;
    for item in accept.split(',') {
        let range = parse_media(item);
        if !charset_ok(&range) {
            continue;
        }
        let q = range
            .params
            .iter()
            .find(|(k, _)| k == "q")
            .and_then(|(_, v)| v.parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        // Higher specificity wins ties: an exact type beats a wildcard.
        let candidate = match range.essence.as_str() {
            GRAPHQL_RESPONSE_JSON => (q, 3, ResponseType::GraphqlResponseJson),
            JSON => (q, 2, ResponseType::Json),
            "application/*" | "*/*" => (q, 1, ResponseType::Json),
            _ => continue,
        };
        let better = best
            .is_none_or(|(bq, bs, _)| candidate.0 > bq || (candidate.0 == bq && candidate.1 > bs));
        if better {
            best = Some(candidate);
        }
    }
    best.map(|(_, _, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_the_spec() {
        use ResponseType::*;
        let cases: &[(Option<&str>, Option<ResponseType>)] = &[
            (None, Some(Json)),
            (
                Some("application/graphql-response+json"),
                Some(GraphqlResponseJson),
            ),
            (Some("application/json"), Some(Json)),
            (
                Some("application/graphql-response+json, application/json;q=0.9"),
                Some(GraphqlResponseJson),
            ),
            (
                Some("application/json, application/graphql-response+json;q=0.5"),
                Some(Json),
            ),
            (Some("*/*"), Some(Json)),
            (Some("text/html"), None),
            (Some("application/json; charset=iso-8859-1"), None),
            (Some("application/json;q=0"), None),
        ];
        for (accept, expected) in cases {
            assert_eq!(negotiate(*accept), *expected, "{accept:?}");
        }
    }

    #[test]
    fn request_content_type_must_be_utf8_json() {
        assert!(is_json_content_type("application/json"));
        assert!(is_json_content_type("Application/JSON; charset=UTF-8"));
        assert!(!is_json_content_type("application/json; charset=latin1"));
        assert!(!is_json_content_type("text/plain"));
        assert!(!is_json_content_type("application/x-www-form-urlencoded"));
    }
}
