//! The browser's side of the server: sessions whose refresh token lives in an HttpOnly
//! cookie, and the web frontend served at `/` with its caching and Content-Security-Policy.

use reqwest::{StatusCode, header};
use serde_json::{Value, json};
use tests::{DEMO_PASSWORD, GRAPHQL_RESPONSE, Options, TestApp, spawn_app, spawn_app_with};

const LOGIN: &str = "mutation($e: String!, $p: String!) { login(email: $e, password: $p, cookie: true) { accessToken refreshToken user { email } } }";
const REFRESH: &str = "mutation { refreshSession { accessToken refreshToken } }";
const LOGOUT: &str = "mutation { logout }";

/// A GraphQL request with an optional bearer token and cookie; the answer and the
/// `Set-Cookie` headers it carried.
async fn post(
    app: &TestApp,
    token: Option<&str>,
    cookie: Option<&str>,
    query: &str,
    variables: Value,
) -> (tests::Answer, Vec<String>) {
    let mut request = app
        .client
        .post(app.graphql_url())
        .header("accept", GRAPHQL_RESPONSE)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let answer = TestApp::answer(request.send().await.unwrap()).await;
    let set_cookies = answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    (answer, set_cookies)
}

/// The `name=value` part of the one `Set-Cookie` of an answer.
fn cookie_pair(set_cookies: &[String]) -> String {
    assert_eq!(set_cookies.len(), 1, "{set_cookies:?}");
    set_cookies[0].split(';').next().unwrap().to_owned()
}

async fn browser_login(app: &TestApp) -> (String, String) {
    let (answer, set_cookies) = post(
        app,
        None,
        None,
        LOGIN,
        json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
    )
    .await;
    let access = answer.ok()["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    (access, cookie_pair(&set_cookies))
}

#[tokio::test]
async fn a_browser_login_puts_the_refresh_token_in_an_http_only_strict_cookie_not_in_the_answer() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (answer, set_cookies) = post(
        &app,
        None,
        None,
        LOGIN,
        json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
    )
    .await;

    // Assert
    let login = &answer.ok()["login"];
    assert_eq!(login["refreshToken"], Value::Null);
    assert_eq!(login["user"]["email"], "analyst@police.example");
    let cookie = &set_cookies[0];
    assert!(cookie.starts_with("ah_refresh=ahr_"), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/graphql", "Max-Age="] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    assert!(!cookie.contains("Secure"), "not over plain http: {cookie}");
}

#[tokio::test]
async fn the_cookie_is_secure_when_the_hub_is_served_over_https() {
    // Arrange
    let app = spawn_app_with(Options {
        extra_args: vec!["--public-url".into(), "https://hub.example".into()],
        ..Options::default()
    })
    .await;

    // Act
    let (_, cookie) = browser_login(&app).await;
    let (_, set_cookies) = post(
        &app,
        None,
        None,
        LOGIN,
        json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
    )
    .await;

    // Assert: `__Host-`, so no sibling subdomain can plant one (which needs path `/`).
    assert!(cookie.starts_with("__Host-ah_refresh=ahr_"), "{cookie}");
    assert!(set_cookies[0].contains("; Path=/;"), "{set_cookies:?}");
    assert!(set_cookies[0].ends_with("; Secure"), "{set_cookies:?}");
    let (refreshed, _) = post(&app, None, Some(&cookie), REFRESH, json!({})).await;
    assert!(refreshed.ok()["refreshSession"]["accessToken"].is_string());
    let plain = cookie.replacen("__Host-", "", 1);
    let (planted, _) = post(&app, None, Some(&plain), REFRESH, json!({})).await;
    assert_eq!(
        planted.code(),
        Some("UNAUTHENTICATED"),
        "a plain cookie is ignored"
    );
}

#[tokio::test]
async fn refreshing_from_the_cookie_rotates_it_and_a_replayed_cookie_ends_the_session() {
    // Arrange
    let app = spawn_app().await;
    let (_, first) = browser_login(&app).await;

    // Act
    let (answer, set_cookies) = post(&app, None, Some(&first), REFRESH, json!({})).await;
    let second = cookie_pair(&set_cookies);
    let refreshed = &answer.ok()["refreshSession"];
    let access = refreshed["accessToken"].as_str().unwrap();
    let viewer = app
        .gql(Some(access), "{ viewer { email } }", json!({}))
        .await;
    let (replayed, cleared) = post(&app, None, Some(&first), REFRESH, json!({})).await;
    let (after_replay, _) = post(&app, None, Some(&second), REFRESH, json!({})).await;

    // Assert
    assert_eq!(refreshed["refreshToken"], Value::Null);
    assert_ne!(second, first);
    assert_eq!(viewer.ok()["viewer"]["email"], "analyst@police.example");
    assert_eq!(replayed.code(), Some("UNAUTHENTICATED"));
    assert!(cleared[0].starts_with("ah_refresh=;"), "{cleared:?}");
    assert!(cleared[0].contains("Max-Age=0"));
    assert_eq!(
        after_replay.code(),
        Some("UNAUTHENTICATED"),
        "reuse ends the whole session"
    );
}

#[tokio::test]
async fn refreshing_without_a_cookie_or_a_token_asks_to_sign_in() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (none, _) = post(&app, None, None, REFRESH, json!({})).await;
    let (bogus, _) = post(&app, None, Some("ah_refresh=ahr_bogus"), REFRESH, json!({})).await;
    let (other, _) = post(&app, None, Some("theme=dark"), REFRESH, json!({})).await;

    // Assert
    for answer in [none, bogus, other] {
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "{}", answer.body);
        assert_eq!(answer.data(), &Value::Null);
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_and_clears_the_cookie() {
    // With a live access token, and with the cookie alone (the token in memory expired).
    for with_bearer in [true, false] {
        // Arrange
        let app = spawn_app().await;
        let (access, cookie) = browser_login(&app).await;
        let bearer = with_bearer.then_some(access.as_str());

        // Act
        let (answer, set_cookies) = post(&app, bearer, Some(&cookie), LOGOUT, json!({})).await;
        let (refresh, _) = post(&app, None, Some(&cookie), REFRESH, json!({})).await;
        let viewer = app
            .gql(Some(&access), "{ viewer { email } }", json!({}))
            .await;

        // Assert: the session is over on the server, and the browser forgets the cookie.
        assert_eq!(answer.ok()["logout"], true, "bearer: {with_bearer}");
        assert!(
            set_cookies[0].starts_with("ah_refresh=;"),
            "{set_cookies:?}"
        );
        assert_eq!(refresh.code(), Some("UNAUTHENTICATED"));
        assert_eq!(viewer.code(), Some("UNAUTHENTICATED"));
    }
}

#[tokio::test]
async fn api_clients_still_get_the_refresh_token_in_the_answer_and_no_cookie() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (answer, set_cookies) = post(
        &app,
        None,
        None,
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }",
        json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
    )
    .await;

    // Assert
    assert!(
        answer.ok()["login"]["refreshToken"]
            .as_str()
            .unwrap()
            .starts_with("ahr_")
    );
    assert!(set_cookies.is_empty());
}

#[tokio::test]
async fn a_cookie_login_over_websocket_is_refused_as_bad_input() {
    // Arrange
    let app = spawn_app().await;
    let mut ws = tests::ws::connect_as(&app, None).await;

    // Act
    let messages = ws
        .run(
            "1",
            LOGIN,
            json!({ "e": "analyst@police.example", "p": DEMO_PASSWORD }),
        )
        .await;

    // Assert
    assert_eq!(messages[0]["type"], "error", "{messages:?}");
    assert_eq!(
        messages[0]["payload"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
}

/// A built frontend in a temporary directory: an index page, a hashed asset and an icon.
fn built_frontend() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>Alliance Hub</title><script type=\"module\" src=\"/assets/index-abc123.js\"></script>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("assets/index-abc123.js"),
        "console.log('hub')",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("assets/index-abc123.js.gz"),
        b"\x1f\x8b gzip stand-in",
    )
    .unwrap();
    std::fs::write(dir.path().join("favicon.svg"), "<svg/>").unwrap();
    dir
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap()
}

fn header_of(response: &reqwest::Response, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

#[tokio::test]
async fn the_frontend_is_served_with_client_routes_falling_back_to_the_page_and_long_cached_assets()
{
    // Arrange
    let dist = built_frontend();
    let app = spawn_app_with(Options {
        extra_args: vec!["--frontend-dir".into(), dist.path().display().to_string()],
        ..Options::default()
    })
    .await;

    // Act
    let root = get(&app, "/").await;
    let route = get(&app, "/workspaces/V29ya3NwYWNlOjE/threads").await;
    let asset = get(&app, "/assets/index-abc123.js").await;
    let missing_asset = get(&app, "/assets/index-gone.js").await;
    let compressed = app
        .client
        .get(format!("{}/assets/index-abc123.js", app.address))
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    let icon = get(&app, "/favicon.svg").await;
    let api = app.gql(None, "{ viewer { email } }", json!({})).await;
    let api_page = get(&app, "/graphql").await;
    let health = get(&app, "/healthz").await;
    let metrics = get(&app, "/metrics").await;

    // Assert
    for page in [&root, &route] {
        assert_eq!(page.status(), StatusCode::OK);
        assert!(header_of(page, header::CONTENT_TYPE).starts_with("text/html"));
        assert_eq!(header_of(page, header::CACHE_CONTROL), "no-cache");
        let csp = header_of(page, header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
    assert!(
        route
            .text()
            .await
            .unwrap()
            .contains("/assets/index-abc123.js")
    );
    assert_eq!(asset.status(), StatusCode::OK);
    assert_eq!(
        header_of(&asset, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert!(header_of(&asset, header::CONTENT_TYPE).contains("javascript"));
    assert_eq!(header_of(&compressed, header::CONTENT_ENCODING), "gzip");
    assert!(header_of(&compressed, header::CONTENT_TYPE).contains("javascript"));
    assert_eq!(missing_asset.status(), StatusCode::NOT_FOUND);
    assert_eq!(header_of(&missing_asset, header::CACHE_CONTROL), "no-cache");
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(
        header_of(&icon, header::CACHE_CONTROL),
        "public, max-age=3600"
    );
    assert_eq!(header_of(&asset, header::VARY), "accept-encoding");
    assert_eq!(header_of(&compressed, header::VARY), "accept-encoding");
    assert_eq!(
        api.ok()["viewer"],
        Value::Null,
        "the API is not the frontend"
    );
    for (path, response) in [
        ("/graphql", &api_page),
        ("/healthz", &health),
        ("/metrics", &metrics),
    ] {
        assert_eq!(
            header_of(response, header::CONTENT_SECURITY_POLICY),
            "",
            "{path} is the API's, not the frontend's"
        );
    }
}

#[tokio::test]
async fn without_a_built_frontend_the_api_runs_and_the_root_page_says_how_to_build_it() {
    // Arrange
    let empty = tempfile::tempdir().unwrap();
    let app = spawn_app_with(Options {
        extra_args: vec!["--frontend-dir".into(), empty.path().display().to_string()],
        ..Options::default()
    })
    .await;

    // Act
    let root = get(&app, "/").await;
    let other = get(&app, "/workspaces").await;
    let health = get(&app, "/healthz").await;

    // Assert
    assert_eq!(root.status(), StatusCode::OK);
    assert_eq!(header_of(&root, header::CACHE_CONTROL), "no-cache");
    assert!(root.text().await.unwrap().contains("make frontend"));
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(health.status(), StatusCode::OK);
}
