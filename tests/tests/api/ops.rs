//! Operations: health, readiness, metrics, the embedded mode's generated JWT secret, and
//! graceful shutdown.

use std::{path::Path, time::Duration};

use reqwest::{StatusCode, header};
use serde_json::{Value, json};
use tests::{DEMO_PASSWORD, GRAPHQL_RESPONSE, spawn_app};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    sync::oneshot,
    task::JoinHandle,
};

#[tokio::test]
async fn healthz_is_200_json() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let response = app
        .client
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );
}

#[tokio::test]
async fn readyz_is_200_with_the_database_and_redis_checked() {
    // Arrange
    let app = spawn_app().await;
    let redis_configured = std::env::var("TEST_REDIS_URL").is_ok_and(|url| !url.is_empty());

    // Act
    let response = app
        .client
        .get(format!("{}/readyz", app.address))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready", "{body}");
    assert_eq!(body["database"], "ok", "{body}");
    let redis = if redis_configured {
        "ok"
    } else {
        "not configured"
    };
    assert_eq!(body["redis"], redis, "{body}");
}

async fn metrics(app: &tests::TestApp) -> (StatusCode, String, String) {
    let response = app
        .client
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let media = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    (status, media, response.text().await.unwrap())
}

/// The sample lines of a metric family (no `# HELP`/`# TYPE`).
fn samples<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|line| {
            line.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .collect()
}

fn value_of(line: &str) -> f64 {
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn metrics_are_prometheus_text_with_the_database_pool() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (status, media, text) = metrics(&app).await;

    // Assert
    assert_eq!(status, StatusCode::OK);
    assert!(media.starts_with("text/plain"), "{media}");
    assert!(media.contains("version=0.0.4"), "{media}");
    assert!(
        text.contains("# TYPE database_pool_connections gauge"),
        "{text}"
    );
    let pool = samples(&text, "database_pool_connections");
    assert!(pool.iter().any(|l| l.contains("state=\"open\"")), "{text}");
    assert!(pool.iter().any(|l| l.contains("state=\"idle\"")), "{text}");
}

#[tokio::test]
async fn metrics_count_requests_by_operation_name() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let response = app
        .client
        .post(app.graphql_url())
        .header(header::ACCEPT, GRAPHQL_RESPONSE)
        .json(&json!({ "query": "query MyOp { __typename }", "operationName": "MyOp" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (_, _, text) = metrics(&app).await;

    // Assert
    assert!(
        text.contains("# TYPE graphql_requests_total counter"),
        "{text}"
    );
    let line = samples(&text, "graphql_requests_total")
        .into_iter()
        .find(|l| l.contains("operation=\"MyOp\""))
        .unwrap_or_else(|| panic!("no MyOp sample: {text}"));
    assert!(line.contains("outcome=\"ok\""), "{line}");
    assert_eq!(value_of(line), 1.0, "{line}");
    assert!(
        samples(&text, "graphql_request_duration_seconds_count")
            .iter()
            .any(|l| l.contains("operation=\"MyOp\"")),
        "{text}"
    );
}

#[tokio::test]
async fn metrics_count_errors_by_code() {
    // Arrange
    let app = spawn_app().await;

    // Act: a field error, and a bad credential refused before execution.
    let response = app
        .client
        .post(app.graphql_url())
        .header(header::ACCEPT, GRAPHQL_RESPONSE)
        .json(&json!({
            "query": "query Orgs { organizations { edges { node { id } } } }",
            "operationName": "Orgs",
        }))
        .send()
        .await
        .unwrap();
    let field_error = tests::TestApp::answer(response).await;
    let bad_token = app
        .gql(Some("not-a-token"), "{ __typename }", json!({}))
        .await;
    let (_, _, text) = metrics(&app).await;

    // Assert
    assert_eq!(field_error.code(), Some("UNAUTHENTICATED"));
    assert_eq!(bad_token.status, StatusCode::UNAUTHORIZED);
    let line = samples(&text, "graphql_errors_total")
        .into_iter()
        .find(|l| l.contains("code=\"UNAUTHENTICATED\""))
        .unwrap_or_else(|| panic!("no UNAUTHENTICATED sample: {text}"));
    assert_eq!(value_of(line), 2.0, "{line}");
    assert!(
        samples(&text, "graphql_requests_total")
            .iter()
            .any(|l| l.contains("operation=\"Orgs\"") && l.contains("outcome=\"error\"")),
        "{text}"
    );
}

// --- embedded mode and shutdown: apps built here, without the harness ----------------------

/// A hub of our own on SQLite in `data_dir`, without `--jwt-secret` (embedded mode).
struct OwnApp {
    address: String,
    stop: oneshot::Sender<()>,
    server: JoinHandle<anyhow::Result<()>>,
}

impl OwnApp {
    async fn start(data_dir: &Path) -> Self {
        let args = [
            "alliance-hub",
            "--listen-addr",
            "127.0.0.1:0",
            "--data-dir",
            &data_dir.display().to_string(),
            "--argon2-memory-kib",
            "1024",
            "--argon2-iterations",
            "1",
            "--demo",
            "true",
        ]
        .map(str::to_owned);
        let cli = match api::config::parse_cli(args) {
            Ok(cli) => cli,
            Err(api::config::CliOutcome::Invalid(line) | api::config::CliOutcome::Print(line)) => {
                panic!("test configuration: {line}")
            }
        };
        let config = api::Config::from_settings(cli.settings).unwrap();
        assert!(
            matches!(config.jwt_secret, api::config::JwtSecretSource::File(_)),
            "embedded mode keeps the secret in a file"
        );
        api::telemetry::init(config.settings.log_format);
        let app = api::Application::build(config).await.unwrap();
        let address = format!("127.0.0.1:{}", app.port());
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until(async {
            let _ = stopped.await;
        }));
        Self {
            address,
            stop,
            server,
        }
    }

    async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut request = reqwest::Client::new()
            .post(format!("http://{}/graphql", self.address))
            .header(header::ACCEPT, GRAPHQL_RESPONSE)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap().json().await.unwrap()
    }

    async fn login(&self, email: &str) -> String {
        let body = self
            .gql(
                None,
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
                json!({ "e": email, "p": DEMO_PASSWORD }),
            )
            .await;
        body["data"]["login"]["accessToken"]
            .as_str()
            .unwrap_or_else(|| panic!("login failed: {body}"))
            .to_owned()
    }

    async fn stop(self) {
        self.stop.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(10), self.server)
            .await
            .expect("the server stops")
            .unwrap()
            .unwrap();
    }
}

#[tokio::test]
async fn embedded_mode_generates_a_private_jwt_secret_and_keeps_it_across_restarts() {
    // Arrange
    let data_dir = tempfile::tempdir().unwrap();
    let secret_file = data_dir.path().join("jwt_secret");
    let first = OwnApp::start(data_dir.path()).await;
    let token = first.login("analyst@police.example").await;
    let secret = std::fs::read_to_string(&secret_file).unwrap();
    first.stop().await;

    // Act
    let second = OwnApp::start(data_dir.path()).await;
    let viewer = second
        .gql(Some(&token), "{ viewer { email } }", json!({}))
        .await;

    // Assert
    assert!(secret.trim().len() >= 32, "a long secret");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret_file)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    assert_eq!(std::fs::read_to_string(&secret_file).unwrap(), secret);
    assert_eq!(
        viewer["data"]["viewer"]["email"], "analyst@police.example",
        "a token from before the restart still verifies: {viewer}"
    );
    second.stop().await;
}

#[tokio::test]
async fn two_embedded_hubs_have_different_secrets() {
    // Arrange
    let one_dir = tempfile::tempdir().unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let one = OwnApp::start(one_dir.path()).await;
    let other = OwnApp::start(other_dir.path()).await;

    // Act
    let token = one.login("analyst@police.example").await;
    let elsewhere = other
        .gql(Some(&token), "{ viewer { email } }", json!({}))
        .await;

    // Assert
    assert_ne!(
        std::fs::read_to_string(one_dir.path().join("jwt_secret")).unwrap(),
        std::fs::read_to_string(other_dir.path().join("jwt_secret")).unwrap()
    );
    assert_eq!(
        elsewhere["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{elsewhere}"
    );
    one.stop().await;
    other.stop().await;
}

#[tokio::test]
async fn a_request_in_flight_completes_when_the_server_is_told_to_stop() {
    // Arrange: a request whose body is still arriving when the stop comes.
    let data_dir = tempfile::tempdir().unwrap();
    let app = OwnApp::start(data_dir.path()).await;
    let body = json!({ "query": "{ __typename }" }).to_string();
    let (head, tail) = body.split_at(body.len() / 2);
    let mut stream = tokio::net::TcpStream::connect(&app.address).await.unwrap();
    let headers = format!(
        "POST /graphql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
         Accept: {GRAPHQL_RESPONSE}\r\nContent-Length: {}\r\n\r\n",
        app.address,
        body.len()
    );
    stream.write_all(headers.as_bytes()).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;

    // Act
    let address = app.address.clone();
    let stopping = tokio::spawn(app.stop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    stream.write_all(tail.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut response))
        .await
        .expect("the answer arrives")
        .unwrap();

    // Assert
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(r#""data":{"__typename":"QueryRoot"}"#),
        "{response}"
    );
    tokio::time::timeout(Duration::from_secs(10), stopping)
        .await
        .expect("the server stops once the request is answered")
        .unwrap();
    assert!(
        tokio::net::TcpStream::connect(&address).await.is_err(),
        "no new connections after the stop"
    );
}

#[tokio::test]
async fn metrics_name_an_operation_by_its_document_when_the_request_does_not() {
    // Arrange
    let app = spawn_app().await;

    // Act: a named operation sent without operationName.
    let answer = app
        .gql(None, "query Unnamed { __typename }", json!({}))
        .await;
    let (_, _, text) = metrics(&app).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        samples(&text, "graphql_requests_total")
            .iter()
            .any(|l| l.contains("operation=\"Unnamed\"")),
        "{text}"
    );
}

#[tokio::test]
async fn a_mutation_that_changes_nothing_leaves_cached_accounts_alone() {
    // Arrange: the analyst's account is in the cache — which, with Redis, is used only once
    // this replica listens for invalidations (on a busy machine that can take a moment).
    let app = spawn_app().await;
    let token = app.login("analyst@police.example").await;
    for _ in 0..100 {
        app.gql(Some(&token), "{ viewer { id } }", json!({}))
            .await
            .ok();
        if cache_lookups(&app, "hit").await > 0.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let misses_before = cache_misses(&app).await;

    // Act: an anonymous mutation that fails, then the analyst again.
    let refused = app.gql(None, "mutation { logout }", json!({})).await;
    app.gql(Some(&token), "{ viewer { id } }", json!({}))
        .await
        .ok();

    // Assert
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));
    assert_eq!(cache_misses(&app).await, misses_before);
}

async fn cache_misses(app: &tests::TestApp) -> f64 {
    cache_lookups(app, "miss").await
}

async fn cache_lookups(app: &tests::TestApp, result: &str) -> f64 {
    let (_, _, text) = metrics(app).await;
    samples(&text, "auth_cache_lookups_total")
        .into_iter()
        .find(|l| l.contains(&format!("result=\"{result}\"")))
        .map_or(0.0, value_of)
}

#[tokio::test]
async fn refused_requests_do_not_name_operations_in_metrics() {
    // Arrange
    let app = spawn_app().await;

    // Act: a bad credential and a document over a limit, each with a chosen name.
    app.client
        .post(app.graphql_url())
        .bearer_auth("junk")
        .json(&json!({ "query": "query Junk1 { __typename }", "operationName": "Junk1" }))
        .send()
        .await
        .unwrap();
    let aliases: String = (0..40).map(|i| format!("a{i}: __typename ")).collect();
    app.client
        .post(app.graphql_url())
        .json(&json!({ "query": format!("query Junk2 {{ {aliases} }}"), "operationName": "Junk2" }))
        .send()
        .await
        .unwrap();
    let (_, _, text) = metrics(&app).await;

    // Assert
    assert!(!text.contains("Junk1") && !text.contains("Junk2"), "{text}");
}
