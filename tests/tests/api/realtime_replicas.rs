//! Realtime across replicas that share PostgreSQL and Redis — in this test process, and as
//! separate `alliance-hub` processes: a post made through one reaches a subscriber connected
//! to another, and losing Redis loses nothing — the replica that made
//! the change keeps delivering, and the other catches up once Redis is back, each event once.

use std::{process::Stdio, time::Duration};

use serde_json::json;
use tests::{Options, TestApp, scaled, spawn_app_with, ws};
use tokio::process::{Child, Command};

use super::collaboration::{CREATE_POST, CREATE_THREAD, CREATE_WORKSPACE, id};

const POST_ADDED: &str =
    "subscription($t: ID!) { postAdded(threadId: $t) { cursor post { body } } }";

/// A thread of the analyst's own workspace, and the analyst's token.
async fn thread_of_analyst(app: &TestApp) -> (String, String) {
    let token = app.login("analyst@police.example").await;
    let workspace = app
        .gql(
            Some(&token),
            CREATE_WORKSPACE,
            json!({ "i": { "name": "Replicas", "defaultTlp": "GREEN" } }),
        )
        .await;
    let workspace = id(&workspace.ok()["createWorkspace"]);
    let thread = app
        .gql(
            Some(&token),
            CREATE_THREAD,
            json!({ "i": { "workspaceId": workspace, "title": "Live" } }),
        )
        .await;
    (token, id(&thread.ok()["createThread"]))
}

async fn post(app: &TestApp, token: &str, thread: &str, body: &str) {
    app.gql(
        Some(token),
        CREATE_POST,
        json!({ "i": { "threadId": thread, "body": body } }),
    )
    .await
    .ok();
}

/// The body of the next `postAdded` of operation `op`.
async fn next_body(socket: &mut ws::WsClient, op: &str) -> String {
    let message = socket.expect("next", op).await;
    message["payload"]["data"]["postAdded"]["post"]["body"]
        .as_str()
        .unwrap_or_else(|| panic!("not a post: {message}"))
        .to_owned()
}

#[tokio::test]
async fn a_post_made_through_one_replica_reaches_a_subscriber_on_another() {
    if !scaled() {
        // Embedded mode is one process by design; replicas share PostgreSQL and Redis.
        return;
    }
    // Arrange: the subscriber is connected to replica B.
    let a = spawn_app_with(Options::default()).await;
    let b = a.spawn_replica().await;
    let (token, thread) = thread_of_analyst(&a).await;
    let mut on_b = ws::connect_as(&b, Some(&token)).await;
    on_b.subscribe("1", POST_ADDED, json!({ "t": thread }))
        .await;
    // The subscription is registered once its resolver ran; give it a moment.
    tokio::time::sleep(Duration::from_millis(200)).await;

    // Act: the post is made through replica A.
    let started = std::time::Instant::now();
    post(&a, &token, &thread, "seen everywhere").await;

    // Assert
    assert_eq!(next_body(&mut on_b, "1").await, "seen everywhere");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    on_b.close().await;
    drop(b);
}

#[tokio::test]
async fn a_post_made_through_one_process_reaches_a_subscriber_connected_to_another_process() {
    if !scaled() {
        return;
    }
    // Arrange: the subscriber is connected to a second `alliance-hub` process.
    let a = spawn_app_with(Options::default()).await;
    let b = a.spawn_replica_process().await;
    let (token, thread) = thread_of_analyst(&a).await;
    let mut on_b = ws::connect_url_as(&b.ws_url(), Some(&token)).await;
    on_b.subscribe("1", POST_ADDED, json!({ "t": thread }))
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Act: two posts through the first process.
    post(&a, &token, &thread, "across processes").await;
    post(&a, &token, &thread, "and in order").await;

    // Assert: each arrives once, in order.
    assert_eq!(next_body(&mut on_b, "1").await, "across processes");
    assert_eq!(next_body(&mut on_b, "1").await, "and in order");
    on_b.expect_silence(Duration::from_millis(500)).await;
    on_b.close().await;
    drop(b);
}

/// A private Redis on a free port, which this test may stop and start again.
struct PrivateRedis {
    port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    async fn start_on(port: u16) -> PrivateRedis {
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("redis-server is installed");
        let redis = PrivateRedis {
            port,
            child: Some(child),
        };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return redis;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the private redis-server did not start on port {port}");
    }

    async fn start() -> PrivateRedis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        Self::start_on(port).await
    }

    async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill().await;
            let _ = child.wait().await;
        }
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

#[tokio::test]
async fn while_redis_is_down_nothing_is_lost_and_nothing_arrives_twice() {
    if !scaled() {
        return;
    }
    // Arrange: two replicas — B its own process — on a private Redis, which is how B hears of
    // A's events at once (their own reading of the event table, the fallback, is set to
    // every five seconds).
    let mut redis = PrivateRedis::start().await;
    let args = vec![
        "--redis-url".to_owned(),
        redis.url(),
        "--event-poll-interval-ms".to_owned(),
        "5000".to_owned(),
    ];
    let a = spawn_app_with(Options {
        extra_args: args.clone(),
        ..Options::default()
    })
    .await;
    let b = a.spawn_replica_process_with(args).await;
    let (token, thread) = thread_of_analyst(&a).await;
    let mut on_a = ws::connect_as(&a, Some(&token)).await;
    let mut on_b = ws::connect_url_as(&b.ws_url(), Some(&token)).await;
    on_a.subscribe("a", POST_ADDED, json!({ "t": thread }))
        .await;
    on_b.subscribe("b", POST_ADDED, json!({ "t": thread }))
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    post(&a, &token, &thread, "one").await;
    assert_eq!(next_body(&mut on_a, "a").await, "one");
    assert_eq!(next_body(&mut on_b, "b").await, "one");

    // Act: Redis goes away; two posts are made through A; then Redis comes back.
    redis.stop().await;
    post(&a, &token, &thread, "two").await;
    post(&a, &token, &thread, "three").await;

    // Assert: A's subscriber has them at once; B's gets them too — from its own reading of
    // the event table, or from Redis once it is back — each once, in order.
    assert_eq!(next_body(&mut on_a, "a").await, "two");
    assert_eq!(next_body(&mut on_a, "a").await, "three");
    let _redis = PrivateRedis::start_on(redis.port).await;
    assert_eq!(next_body(&mut on_b, "b").await, "two");
    assert_eq!(next_body(&mut on_b, "b").await, "three");

    // ... and nothing twice: the next post is the next message on both (on B through Redis,
    // or, if the first publication after the outage was lost, through B's next reading).
    post(&a, &token, &thread, "four").await;
    assert_eq!(next_body(&mut on_a, "a").await, "four");
    assert_eq!(next_body(&mut on_b, "b").await, "four");
    on_a.expect_silence(Duration::from_millis(500)).await;
    on_b.expect_silence(Duration::from_millis(100)).await;
    on_a.close().await;
    on_b.close().await;
    drop(b);
}
