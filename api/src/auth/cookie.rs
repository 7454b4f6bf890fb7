//! The refresh token of a browser session, kept in a cookie that scripts cannot read:
//! `HttpOnly`, `SameSite=Strict`. Over plain http (development) it is `ah_refresh`, sent only
//! to `/graphql`; when `PUBLIC_URL` is https it is `__Host-ah_refresh`, `Secure` and — as
//! that prefix requires — on path `/`, so no sibling subdomain can plant one. `login(cookie:
//! true)` sets it, `refreshSession` without an argument reads and replaces it, `logout`
//! clears it. API clients keep using the token in the answer.

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::{DateTime, Utc};

use crate::config::Settings;

/// The cookie's name over plain http…
pub const NAME: &str = "ah_refresh";
/// …and over https.
pub const SECURE_NAME: &str = "__Host-ah_refresh";

/// Whether the hub is served over https, so the cookie is `Secure` and `__Host-`.
fn secure(settings: &Settings) -> bool {
    settings.public_url.scheme() == "https"
}

/// The cookie's name and path for these settings.
fn name_and_path(settings: &Settings) -> (&'static str, &'static str) {
    if secure(settings) {
        (SECURE_NAME, "/")
    } else {
        (NAME, "/graphql")
    }
}

/// What an HTTP request brought.
#[derive(Clone, Debug, Default)]
pub struct HttpCookies {
    /// The refresh token of the session cookie, if any.
    pub refresh: Option<String>,
}

impl HttpCookies {
    pub fn of(settings: &Settings, headers: &HeaderMap) -> Self {
        let (name, _) = name_and_path(settings);
        let refresh = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value.trim_matches('"').to_owned())
            .filter(|value| !value.is_empty());
        Self { refresh }
    }
}

/// `Set-Cookie` for a refresh token valid until `expires_at`.
pub fn set(settings: &Settings, token: &str, expires_at: DateTime<Utc>) -> Option<HeaderValue> {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    header_value(settings, token, max_age)
}

/// `Set-Cookie` that removes the cookie.
pub fn clear(settings: &Settings) -> Option<HeaderValue> {
    header_value(settings, "", 0)
}

fn header_value(settings: &Settings, value: &str, max_age: i64) -> Option<HeaderValue> {
    let (name, path) = name_and_path(settings);
    let secure = if secure(settings) { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(public_url: &str) -> Settings {
        use clap::Parser as _;
        let mut settings = crate::config::Cli::parse_from(["alliance-hub"]).settings;
        settings.public_url = public_url.parse().unwrap();
        settings
    }

    fn cookies(public_url: &str, values: &[&str]) -> HttpCookies {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::COOKIE, HeaderValue::from_str(v).unwrap());
        }
        HttpCookies::of(&settings(public_url), &headers)
    }

    #[test]
    fn the_refresh_cookie_is_found_among_others() {
        let table: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (&["ah_refresh=abc"], Some("abc")),
            (&["theme=dark; ah_refresh=abc; x=1"], Some("abc")),
            (&["theme=dark", "ah_refresh=\"abc\""], Some("abc")),
            (&["ah_refresh="], None),
            (&["xah_refresh=abc"], None),
        ];
        for (values, expected) in table {
            let found = cookies("http://127.0.0.1:8080", values);
            assert_eq!(found.refresh.as_deref(), *expected, "{values:?}");
        }
        // Over https only the `__Host-` cookie counts: a plain one may come from a sibling.
        let https = "https://hub.example";
        assert_eq!(cookies(https, &["ah_refresh=planted"]).refresh, None);
        assert_eq!(
            cookies(https, &["__Host-ah_refresh=abc"])
                .refresh
                .as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_https() {
        let plain = clear(&settings("http://127.0.0.1:8080")).unwrap();
        assert_eq!(
            plain.to_str().unwrap(),
            "ah_refresh=; Path=/graphql; Max-Age=0; HttpOnly; SameSite=Strict"
        );
        let until = Utc::now() + chrono::Duration::hours(1);
        let secure = set(&settings("https://hub.example"), "ahr_x", until).unwrap();
        let secure = secure.to_str().unwrap();
        assert!(secure.starts_with("__Host-ah_refresh=ahr_x; Path=/; Max-Age=35"));
        assert!(secure.ends_with("; HttpOnly; SameSite=Strict; Secure"));
    }
}
