//! A `graphql-transport-ws` client for tests: connect, send, and wait — every wait bounded by
//! [`WAIT`], every unexpected frame a panic that shows what arrived instead.
//!
//! ```ignore
//! let mut ws = ws::connect_as(&app, Some(&token)).await;      // init + ack
//! ws.subscribe("1", "{ viewer { id } }", json!({})).await;
//! let next = ws.expect("next", "1").await;
//! ws.expect("complete", "1").await;
//! ```

use std::time::Duration;

use futures::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{
        Message, Utf8Bytes,
        client::IntoClientRequest as _,
        http::HeaderValue,
        protocol::{CloseFrame, frame::coding::CloseCode},
    },
};

use crate::TestApp;

/// The subprotocol the server speaks.
pub const PROTOCOL: &str = "graphql-transport-ws";

/// How long any wait for the server lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);

impl TestApp {
    /// `ws://…/graphql`.
    pub fn ws_url(&self) -> String {
        self.graphql_url().replacen("http://", "ws://", 1)
    }
}

/// A client socket on `/graphql`.
pub struct WsClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

/// Opens a socket offering `protocol` in `Sec-WebSocket-Protocol` (`None`: no header).
/// Nothing is sent yet.
pub async fn connect(app: &TestApp, protocol: Option<&str>) -> WsClient {
    connect_url(&app.ws_url(), protocol).await
}

/// [`connect`] to the server at `url` (`ws://…/graphql`).
pub async fn connect_url(url: &str, protocol: Option<&str>) -> WsClient {
    let mut request = url.into_client_request().unwrap();
    if let Some(protocol) = protocol {
        request.headers_mut().insert(
            "sec-websocket-protocol",
            HeaderValue::from_str(protocol).unwrap(),
        );
    }
    let (socket, response) = tokio::time::timeout(WAIT, tokio_tungstenite::connect_async(request))
        .await
        .expect("the WebSocket handshake timed out")
        .expect("the WebSocket handshake failed");
    if protocol == Some(PROTOCOL) {
        assert_eq!(
            response
                .headers()
                .get("sec-websocket-protocol")
                .and_then(|v| v.to_str().ok()),
            Some(PROTOCOL)
        );
    }
    WsClient { socket }
}

/// Connects, sends `connection_init` with `payload` and waits for `connection_ack`.
pub async fn connect_with(app: &TestApp, payload: Value) -> WsClient {
    connect_url_with(&app.ws_url(), payload).await
}

async fn connect_url_with(url: &str, payload: Value) -> WsClient {
    let mut ws = connect_url(url, Some(PROTOCOL)).await;
    ws.init(payload).await;
    ws.expect("connection_ack", None).await;
    ws
}

/// Connects as the holder of `token` (`Authorization: Bearer`), or anonymously.
pub async fn connect_as(app: &TestApp, token: Option<&str>) -> WsClient {
    connect_url_as(&app.ws_url(), token).await
}

/// [`connect_as`] to the server at `url` (`ws://…/graphql`).
pub async fn connect_url_as(url: &str, token: Option<&str>) -> WsClient {
    let payload = match token {
        Some(token) => json!({ "authorization": format!("Bearer {token}") }),
        None => Value::Null,
    };
    connect_url_with(url, payload).await
}

impl WsClient {
    pub async fn send_text(&mut self, text: impl Into<String>) {
        let text: String = text.into();
        self.socket
            .send(Message::Text(Utf8Bytes::from(text)))
            .await
            .unwrap();
    }

    pub async fn send_json(&mut self, message: Value) {
        self.send_text(message.to_string()).await;
    }

    pub async fn send_binary(&mut self, bytes: impl Into<Vec<u8>>) {
        self.socket
            .send(Message::Binary(bytes.into().into()))
            .await
            .unwrap();
    }

    /// Sends the messages in one write, so the server reads them together (before it has
    /// run anything the first ones started).
    pub async fn send_batch(&mut self, messages: &[Value]) {
        for message in messages {
            self.socket
                .feed(Message::Text(Utf8Bytes::from(message.to_string())))
                .await
                .unwrap();
        }
        self.socket.flush().await.unwrap();
    }

    /// `connection_init` (`payload` null: none).
    pub async fn init(&mut self, payload: Value) {
        let message = if payload.is_null() {
            json!({ "type": "connection_init" })
        } else {
            json!({ "type": "connection_init", "payload": payload })
        };
        self.send_json(message).await;
    }

    /// The `subscribe` message of an operation.
    pub fn subscribe_message(id: &str, query: &str, variables: Value) -> Value {
        json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } })
    }

    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send_json(Self::subscribe_message(id, query, variables))
            .await;
    }

    pub async fn complete(&mut self, id: &str) {
        self.send_json(json!({ "id": id, "type": "complete" }))
            .await;
    }

    /// The next text message as JSON (WebSocket pings and pongs are skipped). Panics if the
    /// server closes or nothing arrives within [`WAIT`].
    pub async fn next_json(&mut self) -> Value {
        loop {
            match self.next_frame().await {
                Message::Text(text) => {
                    return serde_json::from_str(text.as_str())
                        .unwrap_or_else(|_| panic!("not JSON: {text}"));
                }
                Message::Close(frame) => panic!("expected a message, the server closed: {frame:?}"),
                Message::Binary(bytes) => panic!("unexpected binary message: {bytes:?}"),
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
            }
        }
    }

    /// The next message, which must be of type `kind` (and, if given, for operation `id`).
    pub async fn expect(&mut self, kind: &str, id: impl Into<Option<&str>>) -> Value {
        let message = self.next_json().await;
        assert_eq!(message["type"], kind, "unexpected message: {message}");
        if let Some(id) = id.into() {
            assert_eq!(message["id"], id, "unexpected message: {message}");
        }
        message
    }

    /// Runs `query` as operation `id` and returns its messages up to and including its
    /// `complete` or `error`.
    pub async fn run(&mut self, id: &str, query: &str, variables: Value) -> Vec<Value> {
        self.subscribe(id, query, variables).await;
        let mut messages = Vec::new();
        loop {
            let message = self.next_json().await;
            assert_eq!(message["id"], id, "unexpected message: {message}");
            let last = message["type"] == "complete" || message["type"] == "error";
            messages.push(message);
            if last {
                return messages;
            }
        }
    }

    /// Runs a query and returns the payload of its one `next` (then `complete` must follow).
    pub async fn query(&mut self, id: &str, query: &str, variables: Value) -> Value {
        let messages = self.run(id, query, variables).await;
        let types: Vec<&str> = messages.iter().filter_map(|m| m["type"].as_str()).collect();
        assert_eq!(types, ["next", "complete"], "{messages:?}");
        messages[0]["payload"].clone()
    }

    /// Waits for the server's close frame, asserts its code and returns its reason. Panics on
    /// any message before it, or if the socket ends without one.
    pub async fn expect_close(&mut self, code: u16) -> String {
        loop {
            match self.next_frame().await {
                Message::Close(Some(CloseFrame { code: got, reason })) => {
                    assert_eq!(u16::from(got), code, "closed with reason {reason:?}");
                    return reason.as_str().to_owned();
                }
                Message::Close(None) => panic!("closed without a code, expected {code}"),
                Message::Text(text) => panic!("expected close {code}, got message {text}"),
                Message::Binary(bytes) => panic!("expected close {code}, got {bytes:?}"),
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
            }
        }
    }

    /// Asserts that no message arrives for `period`.
    pub async fn expect_silence(&mut self, period: Duration) {
        if let Ok(frame) = tokio::time::timeout(period, self.socket.next()).await {
            panic!("expected nothing, got {frame:?}");
        }
    }

    /// Closes normally and waits for the server's answer, so the server has let go of the
    /// connection when this returns.
    pub async fn close(mut self) {
        let frame = CloseFrame {
            code: CloseCode::Normal,
            reason: Utf8Bytes::from_static(""),
        };
        self.socket.close(Some(frame)).await.unwrap();
        let _ = tokio::time::timeout(WAIT, async {
            while let Some(Ok(_)) = self.socket.next().await {}
        })
        .await;
    }

    async fn next_frame(&mut self) -> Message {
        match tokio::time::timeout(WAIT, self.socket.next()).await {
            Err(_) => panic!("nothing from the server within {WAIT:?}"),
            Ok(None) => panic!("the socket ended without a close frame"),
            Ok(Some(Err(err))) => panic!("the socket failed: {err}"),
            Ok(Some(Ok(message))) => message,
        }
    }
}

/// What the `graphql-ws` client (`tests/ws-client`, a client nobody here wrote) printed.
#[derive(Debug)]
pub struct GraphqlWsRun {
    /// 0: the operation completed; 1: it ended with an error; 2: it timed out.
    pub exit_code: Option<i32>,
    /// Each result (`next` payload), in order.
    pub results: Vec<Value>,
    /// The error, if any: `{"errors": [...]}` or `{"close": {"code", "reason"}}`.
    pub error: Option<Value>,
}

/// Runs `query` against the app with the npm `graphql-ws` client under Node (as `token`, or
/// anonymously). Installs the client's packages (`npm ci`) on first use if
/// `tests/ws-client/node_modules` is missing; Node and npm must be on the PATH.
pub async fn run_graphql_ws_client(
    app: &TestApp,
    token: Option<&str>,
    query: &str,
) -> GraphqlWsRun {
    static INSTALLED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ws-client");
    INSTALLED
        .get_or_init(|| async {
            if !dir.join("node_modules").exists() {
                let status = tokio::process::Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund"])
                    .current_dir(&dir)
                    .status()
                    .await
                    .expect("npm must be installed for the graphql-ws client");
                assert!(status.success(), "npm ci in {} failed", dir.display());
            }
        })
        .await;
    let child = tokio::process::Command::new("node")
        .arg(dir.join("client.mjs"))
        .arg(app.ws_url())
        .arg(token.unwrap_or("-"))
        .arg(query)
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(30), child)
        .await
        .expect("the graphql-ws client did not finish")
        .expect("node must be installed for the graphql-ws client");
    let lines = |bytes: &[u8]| -> Vec<Value> {
        String::from_utf8_lossy(bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
            .collect()
    };
    GraphqlWsRun {
        exit_code: output.status.code(),
        results: lines(&output.stdout),
        error: lines(&output.stderr).into_iter().next(),
    }
}
