//! Test harness: spawns the real Alliance Hub on port 0 with its own database — a SQLite file
//! in a temporary directory, or, when `TEST_DATABASE_URL` is set, a PostgreSQL database created
//! for the test and dropped after it — and, when `TEST_REDIS_URL` is set, its own Redis key
//! prefix. Tests talk to it over real HTTP and WebSocket ([`ws`]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod validators;
pub mod ws;

use std::time::Duration;

use reqwest::{StatusCode, header::HeaderMap};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::{sync::oneshot, task::JoinHandle};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "alliance-demo";
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";
pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// A PostgreSQL database made for one test.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs outside any runtime we may block: use a thread with its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(db) = Database::connect(&admin_url).await {
                    let _ = db
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                    let _ = db.close().await;
                }
            });
        })
        .join();
    }
}

/// Replaces the database name in a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let base = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub data_dir: TempDir,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    /// The running app's state, for the hooks other parts of the server call (such as
    /// closing an account's WebSocket connections).
    state: api::AppState,
    /// The database and Redis arguments, so a replica can share them.
    shared_args: Vec<String>,
    _pg: Option<PgDatabase>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

/// Settings a test may change before the app starts.
pub struct Options {
    pub demo: bool,
    pub extra_args: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            demo: true,
            extra_args: Vec::new(),
        }
    }
}

/// Spawns the app with demo data.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

fn base_args(data_dir: &TempDir, demo: bool) -> Vec<String> {
    vec![
        "alliance-hub".into(),
        "--listen-addr".into(),
        "127.0.0.1:0".into(),
        "--data-dir".into(),
        data_dir.path().display().to_string(),
        "--argon2-memory-kib".into(),
        "1024".into(),
        "--argon2-iterations".into(),
        "1".into(),
        "--jwt-secret".into(),
        JWT_SECRET.into(),
        "--demo".into(),
        demo.to_string(),
        // Tests build their own workspaces; `Options::extra_args` can turn this back on.
        "--demo-content".into(),
        "false".into(),
    ]
}

/// Whether the suite runs against PostgreSQL and Redis (where replicas can share them).
pub fn scaled() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty())
        && std::env::var("TEST_REDIS_URL").is_ok_and(|u| !u.is_empty())
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    let data_dir = tempfile::tempdir().unwrap();
    let mut shared_args = Vec::new();
    let mut pg = None;
    if let Ok(url) = std::env::var("TEST_DATABASE_URL")
        && !url.is_empty()
    {
        let name = format!("ah_test_{}", Uuid::now_v7().simple());
        let admin = Database::connect(&url)
            .await
            .expect("TEST_DATABASE_URL reachable");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        admin.close().await.unwrap();
        shared_args.push("--database-url".into());
        shared_args.push(with_database(&url, &name));
        shared_args.push("--database-max-connections".into());
        shared_args.push("5".into());
        pg = Some(PgDatabase {
            admin_url: url,
            name,
        });
    }
    if let Ok(url) = std::env::var("TEST_REDIS_URL")
        && !url.is_empty()
    {
        shared_args.push("--redis-url".into());
        shared_args.push(url);
        shared_args.push("--redis-prefix".into());
        shared_args.push(format!("test-{}:", Uuid::now_v7().simple()));
    }
    let mut args = base_args(&data_dir, options.demo);
    args.extend(shared_args.iter().cloned());
    args.extend(options.extra_args);
    start(args, data_dir, shared_args, pg).await
}

async fn start(
    args: Vec<String>,
    data_dir: TempDir,
    shared_args: Vec<String>,
    pg: Option<PgDatabase>,
) -> TestApp {
    let cli = match api::config::parse_cli(args) {
        Ok(cli) => cli,
        Err(api::config::CliOutcome::Invalid(line) | api::config::CliOutcome::Print(line)) => {
            panic!("test configuration: {line}")
        }
    };
    let config = api::Config::from_settings(cli.settings).unwrap();
    api::telemetry::init(config.settings.log_format);
    let app = api::Application::build(config).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let _ = app
            .run_until(async {
                let _ = stopped.await;
            })
            .await;
    });
    TestApp {
        address,
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap(),
        data_dir,
        stop: Some(stop),
        server: Some(server),
        state,
        shared_args,
        _pg: pg,
    }
}

impl TestApp {
    /// The running app's state.
    pub fn state(&self) -> &api::AppState {
        &self.state
    }

    /// The value of a metric from `/metrics`, named with its labels if it has any
    /// (`None` when it is absent).
    pub async fn metric(&self, name: &str) -> Option<f64> {
        let body = self
            .client
            .get(format!("{}/metrics", self.address))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        body.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
            .and_then(|n| n.trim().parse().ok())
    }

    /// The URL of this app's database, for tests that must look underneath the API.
    pub fn database_url(&self) -> String {
        match &self._pg {
            Some(pg) => with_database(&pg.admin_url, &pg.name),
            None => format!(
                "sqlite://{}?mode=rw",
                self.data_dir.path().join("alliance-hub.db").display()
            ),
        }
    }

    /// Another replica sharing this app's database and Redis (meaningful when [`scaled`]).
    /// The replica must be dropped before this app, which owns the database.
    pub async fn spawn_replica(&self) -> TestApp {
        self.spawn_replica_with(Vec::new()).await
    }

    /// A replica started with more arguments (which win over the shared ones).
    pub async fn spawn_replica_with(&self, extra_args: Vec<String>) -> TestApp {
        let data_dir = tempfile::tempdir().unwrap();
        let mut args = base_args(&data_dir, false);
        args.extend(self.shared_args.iter().cloned());
        args.extend(extra_args);
        start(args, data_dir, self.shared_args.clone(), None).await
    }
}

/// A replica running as its own `alliance-hub` process — the binary of this workspace's
/// build (`cargo build --bin alliance-hub`; `make test` builds it), or `ALLIANCE_HUB_BIN` —
/// sharing a test app's database and Redis. Killed when dropped.
pub struct ReplicaProcess {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    _child: tokio::process::Child,
    _data_dir: TempDir,
}

impl ReplicaProcess {
    /// `ws://…/graphql`.
    pub fn ws_url(&self) -> String {
        format!("{}/graphql", self.address.replacen("http://", "ws://", 1))
    }
}

/// The server binary next to the test binary (`target/<profile>/deps/…` →
/// `target/<profile>/alliance-hub`).
fn server_binary() -> std::path::PathBuf {
    if let Ok(path) = std::env::var("ALLIANCE_HUB_BIN") {
        return path.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let binary = profile_dir.join("alliance-hub");
    assert!(
        binary.is_file(),
        "{} is missing: build it with `cargo build --bin alliance-hub` (make test does)",
        binary.display()
    );
    binary
}

impl TestApp {
    /// Starts a replica of this app as a separate OS process and waits until it is healthy.
    /// The replica must be dropped before this app, which owns the database.
    pub async fn spawn_replica_process(&self) -> ReplicaProcess {
        self.spawn_replica_process_with(Vec::new()).await
    }

    /// A replica process started with more arguments (which win over the shared ones).
    pub async fn spawn_replica_process_with(&self, extra_args: Vec<String>) -> ReplicaProcess {
        let data_dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut args = base_args(&data_dir, false);
        let listen = args.iter().position(|a| a == "127.0.0.1:0").unwrap();
        args[listen] = format!("127.0.0.1:{port}");
        args.extend(self.shared_args.iter().cloned());
        args.extend(extra_args);
        let mut child = tokio::process::Command::new(server_binary())
            .args(&args[1..])
            .arg("serve")
            .env("RUST_LOG", "warn")
            .kill_on_drop(true)
            .spawn()
            .expect("the alliance-hub binary starts");
        let address = format!("http://127.0.0.1:{port}");
        let health = format!("{address}/healthz");
        for _ in 0..300 {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the replica process exited at start ({status}); is port {port} taken?");
            }
            if self
                .client
                .get(&health)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return ReplicaProcess {
                    address,
                    _child: child,
                    _data_dir: data_dir,
                };
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the replica process did not become healthy at {address}");
    }
}

/// An HTTP answer from `/graphql`.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    /// Every `extensions.code`.
    pub fn codes(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| e["extensions"]["code"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// Panics with the body when the answer has errors.
    pub fn ok(&self) -> &Value {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors: {}",
            self.body
        );
        &self.body["data"]
    }
}

impl TestApp {
    pub fn graphql_url(&self) -> String {
        format!("{}/graphql", self.address)
    }

    /// POSTs a GraphQL request as `application/graphql-response+json`.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Answer {
        let mut request = self
            .client
            .post(self.graphql_url())
            .header("accept", GRAPHQL_RESPONSE)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        Self::answer(response).await
    }

    pub async fn answer(response: reqwest::Response) -> Answer {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Signs in with the demo password; returns the whole `login` payload.
    pub async fn login_payload(&self, email: &str) -> Value {
        let answer = self
            .gql(
                None,
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id email } } }",
                json!({ "e": email, "p": DEMO_PASSWORD }),
            )
            .await;
        answer.ok()["login"].clone()
    }

    /// Signs in with the demo password; returns the access token.
    pub async fn login(&self, email: &str) -> String {
        self.login_payload(email).await["accessToken"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The global id of a demo organisation by name (as a coordinator sees it).
    pub async fn organization_id(&self, name: &str) -> String {
        let token = self.login("coordinator@hub.example").await;
        let answer = self
            .gql(
                Some(&token),
                "{ organizations(first: 100) { edges { node { id name } } } }",
                json!({}),
            )
            .await;
        answer.ok()["organizations"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["node"]["name"] == name)
            .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no organisation {name}"))
    }

    /// Creates a service account in an organisation and a token with these scopes (as an
    /// admin); returns (service account id, token id, secret).
    pub async fn api_token(
        &self,
        organization_name: &str,
        scopes: &[&str],
    ) -> (String, String, String) {
        let admin = self.login("admin@hub.example").await;
        let org = self.organization_id(organization_name).await;
        let account = self
            .gql(
                Some(&admin),
                "mutation($o: ID!) { createServiceAccount(input: { organizationId: $o, displayName: \"SIEM\" }) { id } }",
                json!({ "o": org }),
            )
            .await;
        let account_id = account.ok()["createServiceAccount"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let token = self
            .gql(
                Some(&admin),
                "mutation($a: ID!, $s: [String!]!) { createApiToken(input: { serviceAccountId: $a, name: \"siem\", scopes: $s }) { token apiToken { id } } }",
                json!({ "a": account_id, "s": scopes }),
            )
            .await;
        let data = token.ok()["createApiToken"].clone();
        (
            account_id,
            data["apiToken"]["id"].as_str().unwrap().to_owned(),
            data["token"].as_str().unwrap().to_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_replaced_in_urls() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
