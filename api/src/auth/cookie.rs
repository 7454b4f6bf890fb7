//! The refresh token of a browser session, kept in a cookie that scripts cannot read:
//! `HttpOnly`, `SameSite=Strict`, sent only to `/graphql`, `Secure` when `PUBLIC_URL` is
//! https. `login(cookie: true)` sets it, `refreshSession` without an argument reads and
//! replaces it, `logout` clears it. API clients keep using the token in the answer.

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::{DateTime, Utc};

use crate::config::Settings;

/// The cookie's name.
pub const NAME: &str = "ah_refresh";

/// The path the browser sends it to: the API, nothing else.
const PATH: &str = "/graphql";

/// What an HTTP request brought.
#[derive(Clone, Debug, Default)]
pub struct HttpCookies {
    /// The refresh token of the session cookie, if any.
    pub refresh: Option<String>,
}

impl HttpCookies {
    pub fn of(headers: &HeaderMap) -> Self {
        let refresh = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == NAME)
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
    let secure = if settings.public_url.scheme() == "https" {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{NAME}={value}; Path={PATH}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookies(values: &[&str]) -> HttpCookies {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::COOKIE, HeaderValue::from_str(v).unwrap());
        }
        HttpCookies::of(&headers)
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
            assert_eq!(cookies(values).refresh.as_deref(), *expected, "{values:?}");
        }
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_https() {
        use clap::Parser as _;
        let mut settings = crate::config::Cli::parse_from(["alliance-hub"]).settings;
        let plain = clear(&settings).unwrap();
        assert_eq!(
            plain.to_str().unwrap(),
            "ah_refresh=; Path=/graphql; Max-Age=0; HttpOnly; SameSite=Strict"
        );
        settings.public_url = "https://hub.example".parse().unwrap();
        let until = Utc::now() + chrono::Duration::hours(1);
        let secure = set(&settings, "ahr_x", until).unwrap();
        let secure = secure.to_str().unwrap();
        assert!(secure.starts_with("ah_refresh=ahr_x; Path=/graphql; Max-Age=35"));
        assert!(secure.ends_with("; HttpOnly; SameSite=Strict; Secure"));
    }
}
