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
use tokio::{io::AsyncReadExt as _, sync::mpsc};
use tokio_tungstenite::{
    MaybeTlsStream,
    tungstenite::{Message, Utf8Bytes, client::IntoClientRequest as _, http::HeaderValue},
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
    // Until the subscription is sent, the WebSocket library speaks the protocol.
    loop {
        let Some(message) = socket.next().await else {
            bail!("the connection ended before it was acknowledged");
        };
        let Message::Text(text) = message? else {
            continue;
        };
        let message: Value = serde_json::from_str(text.as_str())?;
        match message["type"].as_str() {
            Some("connection_ack") => break,
            Some("ping") => {
                socket
                    .send(Message::Text(Utf8Bytes::from(r#"{"type":"pong"}"#)))
                    .await?;
            }
            _ => bail!("unexpected before the acknowledgement: {message}"),
        }
    }
    socket
        .send(Message::Text(Utf8Bytes::from(subscribe.to_string())))
        .await?;
    ready.fetch_add(1, Ordering::Relaxed);
    // Then the deliveries are read straight off the socket: the server sends nothing else
    // before the first post, and a frame reader of a few lines costs the client a fraction
    // of what the library does, leaving the shared cores to the server it measures.
    let MaybeTlsStream::Plain(mut tcp) = socket.into_inner() else {
        bail!("only plain ws:// is measured");
    };
    let mut buffer = Vec::with_capacity(4096);
    loop {
        if tcp.read_buf(&mut buffer).await? == 0 {
            bail!("the server ended the connection");
        }
        let now = chrono::Utc::now();
        let mut consumed = 0;
        while let Some((opcode, payload, len)) = frame(&buffer[consumed..]) {
            consumed += len;
            match opcode {
                0x1 => arrival(payload, now, &arrivals)?,
                0x8 => bail!(
                    "the server closed the connection: {}",
                    String::from_utf8_lossy(payload)
                ),
                // Pings (0x9) are not sent by the server; other frames carry nothing here.
                _ => {}
            }
        }
        buffer.drain(..consumed);
    }
}

/// One unmasked server frame at the start of `bytes`: its opcode, payload and length in
/// all; `None` until it has arrived whole.
fn frame(bytes: &[u8]) -> Option<(u8, &[u8], usize)> {
    let (&b0, &b1) = (bytes.first()?, bytes.get(1)?);
    let (len, header) = match b1 & 0x7f {
        126 => (
            usize::from(u16::from_be_bytes(bytes.get(2..4)?.try_into().ok()?)),
            4,
        ),
        127 => (
            usize::try_from(u64::from_be_bytes(bytes.get(2..10)?.try_into().ok()?)).ok()?,
            10,
        ),
        n => (usize::from(n), 2),
    };
    let payload = bytes.get(header..header + len)?;
    Some((b0 & 0x0f, payload, header + len))
}

/// Records a `next` message's post and latency; any other message ends the subscriber.
fn arrival(
    payload: &[u8],
    now: chrono::DateTime<chrono::Utc>,
    arrivals: &mpsc::UnboundedSender<Arrival>,
) -> anyhow::Result<()> {
    let text = std::str::from_utf8(payload)?;
    if !text.starts_with(r#"{"id":"1","type":"next""#) {
        bail!("subscription message: {text}");
    }
    let id = field(text, r#""post":{"id":""#).context("a post without id")?;
    let created = field(text, r#""createdAt":""#)
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .context("a post without createdAt")?;
    let latency = (now - created.with_timezone(&chrono::Utc)).num_microseconds();
    let _ = arrivals.send((id.to_owned(), latency.unwrap_or_default() as f64 / 1000.0));
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
    let http = reqwest::Client::new();
    let post = |body: String| {
        let request = http
            .post(format!("{}/graphql", args.urls[0]))
            .bearer_auth(&args.token)
            .json(&json!({
                "query": "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
                "variables": { "i": { "threadId": args.thread, "body": body } },
            }));
        async move {
            let answer: Value = request.send().await?.json().await?;
            answer["data"]["createPost"]["id"]
                .as_str()
                .map(str::to_owned)
                .with_context(|| format!("createPost failed: {answer}"))
        }
    };

    // The server does not acknowledge a subscription: posts not measured, one every
    // interval, show when every subscription is registered (one of them reaches all).
    let mut warm_ups = 0;
    'registering: loop {
        warm_ups += 1;
        if started.elapsed() > Duration::from_secs(180) {
            bail!("the subscriptions were not all registered after {warm_ups} posts");
        }
        let warm_up = post(format!("fan-out: warm-up {warm_ups}")).await?;
        let (mut reached, deadline) = (0, tokio::time::Instant::now() + args.interval);
        while let Ok(arrival) = tokio::time::timeout_at(deadline, rx.recv()).await {
            let Some((id, _)) = arrival else {
                bail!("every subscriber ended");
            };
            reached += usize::from(id == warm_up);
            if reached == subscribed {
                break 'registering;
            }
        }
    }
    eprintln!(
        "{subscribed} subscriptions registered in {:.1} s ({warm_ups} posts not measured)",
        started.elapsed().as_secs_f64()
    );
    // Earlier warm-ups still arriving are not measured either.
    tokio::time::sleep(args.interval).await;

    let mut posted = Vec::new();
    for k in 0..args.posts {
        posted.push(post(format!("fan-out {k}")).await?);
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
