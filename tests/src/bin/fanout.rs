//! Fan-out load client: N subscribers of `postAdded` on one thread, spread over one or more
//! replicas, then K posts; reports how many deliveries arrived of those expected and the
//! event-to-client latency (from the post's `createdAt` to its arrival; client and server
//! share the clock), p50/p95/p99. `tests/bench/fanout.sh` starts the servers and reads their
//! memory.
//!
//! ```sh
//! fanout --url http://127.0.0.1:18200 [--url http://127.0.0.1:18201] --token <bearer> \
//!        --thread <id> --subscribers 10000 --posts 20 --interval-ms 500
//! ```

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use futures::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::{
    Message, Utf8Bytes, client::IntoClientRequest as _, http::HeaderValue,
};

struct Args {
    urls: Vec<String>,
    token: String,
    thread: String,
    subscribers: usize,
    posts: usize,
    interval: Duration,
}

fn args() -> anyhow::Result<Args> {
    let mut args = Args {
        urls: Vec::new(),
        token: String::new(),
        thread: String::new(),
        subscribers: 1000,
        posts: 10,
        interval: Duration::from_millis(500),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--url" => args.urls.push(value),
            "--token" => args.token = value,
            "--thread" => args.thread = value,
            "--subscribers" => args.subscribers = value.parse()?,
            "--posts" => args.posts = value.parse()?,
            "--interval-ms" => args.interval = Duration::from_millis(value.parse()?),
            other => bail!("unknown flag {other}"),
        }
    }
    if args.urls.is_empty() || args.token.is_empty() || args.thread.is_empty() {
        bail!("--url, --token and --thread are required");
    }
    Ok(args)
}

/// One delivery: which post, and how long after it was written it arrived (ms).
type Arrival = (String, f64);

/// Connects, subscribes, and forwards every arrival until the socket ends.
async fn subscriber(
    url: String,
    token: String,
    thread: String,
    ready: Arc<AtomicUsize>,
    arrivals: mpsc::UnboundedSender<Arrival>,
) -> anyhow::Result<()> {
    let mut request = format!("{}/graphql", url.replacen("http", "ws", 1)).into_client_request()?;
    request.headers_mut().insert(
        "sec-websocket-protocol",
        HeaderValue::from_static("graphql-transport-ws"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await?;
    let init = json!({ "type": "connection_init", "payload": { "authorization": format!("Bearer {token}") } });
    socket
        .send(Message::Text(Utf8Bytes::from(init.to_string())))
        .await?;
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": {
        "query": "subscription($t: ID!) { postAdded(threadId: $t) { cursor post { id createdAt } } }",
        "variables": { "t": thread } } });
    let mut acked = false;
    while let Some(message) = socket.next().await {
        let Message::Text(text) = message? else {
            continue;
        };
        let now = chrono::Utc::now();
        let text = text.as_str();
        // Deliveries are read without building a JSON tree: the client must stay cheaper
        // than the server it measures (both share the machine).
        if text.starts_with(r#"{"id":"1","type":"next""#) {
            let id = field(text, r#""post":{"id":""#).context("a post without id")?;
            let created = field(text, r#""createdAt":""#)
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .context("a post without createdAt")?;
            let latency = (now - created.with_timezone(&chrono::Utc)).num_microseconds();
            let _ = arrivals.send((id.to_owned(), latency.unwrap_or_default() as f64 / 1000.0));
            continue;
        }
        let message: Value = serde_json::from_str(text)?;
        match message["type"].as_str() {
            Some("connection_ack") => {
                socket
                    .send(Message::Text(Utf8Bytes::from(subscribe.to_string())))
                    .await?;
                ready.fetch_add(1, Ordering::Relaxed);
                acked = true;
            }
            Some("ping") => {
                socket
                    .send(Message::Text(Utf8Bytes::from(r#"{"type":"pong"}"#)))
                    .await?;
            }
            Some("error") => bail!("subscription failed: {message}"),
            _ => {}
        }
    }
    if !acked {
        bail!("the connection ended before it was acknowledged");
    }
    Ok(())
}

/// The string value that follows `prefix` in `text`.
fn field<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let start = text.find(prefix)? + prefix.len();
    let len = text[start..].find('"')?;
    Some(&text[start..start + len])
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args()?;
    let ready = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let started = Instant::now();
    // Connect in waves so the listen backlog is not overrun.
    for i in 0..args.subscribers {
        let url = args.urls[i % args.urls.len()].clone();
        let (token, thread, ready, tx, failed) = (
            args.token.clone(),
            args.thread.clone(),
            ready.clone(),
            tx.clone(),
            failed.clone(),
        );
        tokio::spawn(async move {
            if let Err(err) = subscriber(url, token, thread, ready, tx).await
                && failed.fetch_add(1, Ordering::Relaxed) < 5
            {
                eprintln!("subscriber failed: {err:#}");
            }
        });
        if i % 200 == 199 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    drop(tx);
    while ready.load(Ordering::Relaxed) + failed.load(Ordering::Relaxed) < args.subscribers {
        if started.elapsed() > Duration::from_secs(120) {
            bail!(
                "only {} of {} subscribers connected",
                ready.load(Ordering::Relaxed),
                args.subscribers
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let subscribed = ready.load(Ordering::Relaxed);
    eprintln!(
        "{subscribed} subscribers connected in {:.1} s ({} failed)",
        started.elapsed().as_secs_f64(),
        failed.load(Ordering::Relaxed)
    );
    // Let the last subscriptions register before the first post.
    tokio::time::sleep(Duration::from_secs(2)).await;

    let http = reqwest::Client::new();
    let create = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
    let mut posted = Vec::new();
    for k in 0..args.posts {
        let answer: Value = http
            .post(format!("{}/graphql", args.urls[0]))
            .bearer_auth(&args.token)
            .json(&json!({ "query": create, "variables": { "i": { "threadId": args.thread, "body": format!("fan-out {k}") } } }))
            .send()
            .await?
            .json()
            .await?;
        let id = answer["data"]["createPost"]["id"]
            .as_str()
            .with_context(|| format!("createPost failed: {answer}"))?;
        posted.push(id.to_owned());
        tokio::time::sleep(args.interval).await;
    }

    // Collect until every delivery arrived or nothing came for five seconds.
    let expected = subscribed * posted.len();
    let mut latencies = Vec::with_capacity(expected);
    while latencies.len() < expected {
        match tokio::time::timeout(Duration::from_secs(5), rx.recv()).await {
            Ok(Some((id, latency))) if posted.contains(&id) => latencies.push(latency),
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    latencies.sort_by(f64::total_cmp);
    println!(
        "RESULT subscribers={subscribed} posts={} delivered={} expected={expected} ratio={:.4} p50_ms={:.1} p95_ms={:.1} p99_ms={:.1} max_ms={:.1}",
        posted.len(),
        latencies.len(),
        latencies.len() as f64 / expected.max(1) as f64,
        percentile(&latencies, 50.0),
        percentile(&latencies, 95.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(f64::NAN),
    );
    Ok(())
}
