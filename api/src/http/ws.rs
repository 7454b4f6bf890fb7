//! GraphQL over WebSocket on `/graphql`, speaking `graphql-transport-ws` as graphql-ws's
//! PROTOCOL.md defines it. A `GET /graphql` with `Upgrade: websocket` becomes a socket; any
//! other GET is GraphQL over HTTP.
//!
//! The life of a connection:
//!
//! 1. The upgrade selects the subprotocol `graphql-transport-ws`; a client that does not offer
//!    it is upgraded and closed at once (4406).
//! 2. The client has `WS_INIT_TIMEOUT` to send `connection_init` (else 4408). Its payload may
//!    carry a bearer token — `{"authorization": "Bearer <t>"}` (or `Authorization`) or
//!    `{"token": "<t>"}` — authenticated like the HTTP `Authorization` header (an access JWT
//!    or an API token). A bad token closes with 4403; no token is an anonymous connection,
//!    which gets the anonymous schema. An account may hold `WS_MAX_CONNECTIONS_PER_USER`
//!    connections on one replica (else 1008). Then `connection_ack`; a second
//!    `connection_init` closes with 4429.
//! 3. `subscribe` (4401 before the acknowledgement; 4409 with the id of an active operation)
//!    runs a subscription, query or mutation — see [`operation`]. Each result with data is a
//!    `next`; a result with errors and no data (refused before execution, or a failing
//!    stream) is one `error` and ends the operation without `complete`; the end of the
//!    results is `complete`. A client `complete` drops the operation and nothing more is sent
//!    for it. At most `WS_MAX_SUBSCRIPTIONS` operations run at once (else an `error` with
//!    `TOO_MANY_SUBSCRIPTIONS`).
//! 4. `ping` is answered with `pong`; a client `pong` is ignored. Anything else — not JSON,
//!    not an object, an unknown type, a missing or ill-typed field, a binary frame — closes
//!    with 4400; a message over `WS_MAX_MESSAGE_BYTES` closes with 1009.
//! 5. When the credential expires (a JWT's `exp`, an API token's expiry) the server closes
//!    with 4403 "Token expired"; [`Connections::close_user`] closes an account's connections
//!    with 4403 "Forbidden".
//!
//! Each connection is one task: a reader loop ([`connection`]) that handles messages and polls
//! the running operations (a [`StreamMap`](tokio_stream::StreamMap) keyed by id), joined with
//! a writer that drains a small bounded queue into the socket. Nothing else is kept per connection, so idle sockets are cheap
//! (see the buffer sizes below).

mod connection;
mod operation;
mod protocol;
mod registry;

use std::{net::SocketAddr, time::Duration};

use axum::{
    extract::{
        ConnectInfo, RawQuery, State,
        ws::{
            CloseFrame, Message, WebSocket, WebSocketUpgrade, rejection::WebSocketUpgradeRejection,
        },
    },
    http::{HeaderMap, header},
    response::{IntoResponse, Response},
};
use futures::{
    SinkExt as _, StreamExt as _,
    stream::{SplitSink, SplitStream},
};
use tokio::sync::mpsc;
use tracing::Instrument as _;

pub use protocol::{Close, MAX_CLOSE_REASON_BYTES, PROTOCOL, truncate_reason};
pub use registry::{Connections, Registration};

use self::connection::Connection;
use super::{HttpState, client_ip, graphql, request_id};

/// Initial capacity of tungstenite's read buffer. It is allocated for every connection up
/// front (the default is 128 KiB: 1.3 GB for 10,000 idle sockets); client messages are
/// small, and a larger one grows the buffer up to `WS_MAX_MESSAGE_BYTES` while it arrives.
const READ_BUFFER_BYTES: usize = 4 * 1024;
/// How much tungstenite gathers before writing to the socket; every message is flushed
/// anyway, so this only bounds what one write may batch.
const WRITE_BUFFER_BYTES: usize = 4 * 1024;
/// The largest message the server sends. A larger result becomes an `error` with
/// `PAYLOAD_TOO_LARGE` rather than a broken connection.
const MAX_OUTGOING_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// tungstenite's cap on unsent bytes. It is a limit, not an allocation: the buffer grows
/// only while a client reads slower than we write, and it must hold the largest message
/// (frame header included), so it cannot be "a few KiB" without refusing larger results.
const MAX_WRITE_BUFFER_BYTES: usize = MAX_OUTGOING_MESSAGE_BYTES + WRITE_BUFFER_BYTES + 64;
/// Messages waiting for the writer. Small: a client that does not read blocks its own
/// operations (backpressure) instead of growing a queue.
const OUTGOING_QUEUE: usize = 8;
/// A client that reads nothing for this long while messages wait is dropped.
const STALLED_CLIENT_TIMEOUT: Duration = Duration::from_secs(30);
/// After the server's close frame, how long it waits for the client's before it drops the
/// socket (closing with unread data would reset the connection and could lose the frame).
const CLOSE_LINGER: Duration = Duration::from_secs(2);

/// Where a connection comes from, fixed at the upgrade.
struct Client {
    request_id: String,
    ip: Option<std::net::IpAddr>,
}

/// `GET /graphql`: a WebSocket upgrade, or GraphQL over HTTP.
pub async fn get_handler(
    State(state): State<HttpState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    query: RawQuery,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let asks_for_websocket = headers
        .get(header::UPGRADE)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"websocket"));
    if !asks_for_websocket {
        return graphql::get_handler(State(state), peer, headers, query).await;
    }
    match upgrade {
        Ok(upgrade) => accept(state, peer, &headers, upgrade),
        Err(rejection) => rejection.into_response(),
    }
}

fn accept(
    state: HttpState,
    peer: ConnectInfo<SocketAddr>,
    headers: &HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let max_message =
        usize::try_from(state.app.config.settings.ws_max_message_bytes).unwrap_or(usize::MAX);
    let upgrade = upgrade
        .protocols([PROTOCOL])
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(WRITE_BUFFER_BYTES)
        .max_write_buffer_size(MAX_WRITE_BUFFER_BYTES)
        .max_message_size(max_message)
        .max_frame_size(max_message);
    let negotiated = upgrade.selected_protocol().is_some();
    let client = Client {
        request_id: request_id(headers),
        ip: client_ip(&state.app, headers, peer),
    };
    let span = tracing::info_span!("websocket", request_id = %client.request_id);
    upgrade.on_upgrade(move |socket| run(state, client, socket, negotiated).instrument(span))
}

/// One connection, from the upgrade to the close.
async fn run(state: HttpState, client: Client, socket: WebSocket, negotiated: bool) {
    let _open = state.app.websockets.socket_opened();
    let (sink, mut incoming) = socket.split();
    let (out, queue) = mpsc::channel(OUTGOING_QUEUE);
    let reader = async {
        let close = if negotiated {
            Connection::new(state, client, out.clone())
                .serve(&mut incoming)
                .await
        } else {
            Some(Close::subprotocol_not_acceptable())
        };
        if let Some(close) = close {
            tracing::debug!(code = close.code, reason = %close.reason, "closing the WebSocket");
            let frame = CloseFrame {
                code: close.code,
                reason: close.reason.into(),
            };
            let sent = tokio::time::timeout(
                STALLED_CLIENT_TIMEOUT,
                out.send(Message::Close(Some(frame))),
            )
            .await;
            drop(out);
            if matches!(sent, Ok(Ok(()))) {
                linger(&mut incoming).await;
            }
        }
    };
    futures::future::join(reader, write(sink, queue)).await;
}

/// Sends queued messages until the queue closes or a close frame is sent.
async fn write(mut sink: SplitSink<WebSocket, Message>, mut queue: mpsc::Receiver<Message>) {
    while let Some(message) = queue.recv().await {
        let closing = matches!(message, Message::Close(_));
        if sink.send(message).await.is_err() || closing {
            break;
        }
    }
    // Flushes what is pending, such as the answer to the client's close frame.
    let _ = sink.close().await;
}

/// Reads (and ignores) what the client still sends until its close frame arrives.
async fn linger(incoming: &mut SplitStream<WebSocket>) {
    let _ = tokio::time::timeout(CLOSE_LINGER, async {
        while let Some(Ok(message)) = incoming.next().await {
            if matches!(message, Message::Close(_)) {
                break;
            }
        }
    })
    .await;
}
