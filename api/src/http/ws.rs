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
//! Each connection is one task: a reader loop that handles messages and polls the running
//! operations (a [`StreamMap`] keyed by id), joined with a writer that drains a small bounded
//! queue into the socket. Nothing else is kept per connection, so idle sockets are cheap
//! (see the buffer sizes below).

mod operation;
mod protocol;
mod registry;

use std::{net::SocketAddr, pin::Pin, time::Duration};

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
use serde_json::{Map, Value};
use tokio::{sync::mpsc, time::Sleep};
use tokio_stream::StreamMap;
use tracing::Instrument as _;

pub use protocol::{Close, MAX_CLOSE_REASON_BYTES, PROTOCOL, truncate_reason};
pub use registry::{Connections, Registration};

use self::{
    operation::Operation,
    protocol::{ClientMessage, parse},
};
use super::{HttpState, client_ip, graphql, request_id};
use crate::{
    auth::{
        Viewer,
        authenticate::{Authenticated, authenticate_token_until, bearer_token},
    },
    error::{AppError, code},
    limits::error_with_code,
};

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

/// Why the reader loop stops.
enum Stop {
    /// Close the socket with this code and reason.
    Close(Close),
    /// The client left (or stopped reading): nothing more can be sent.
    Gone,
}

impl From<Close> for Stop {
    fn from(close: Close) -> Self {
        Self::Close(close)
    }
}

type Step = Result<(), Stop>;

/// An acknowledged connection.
struct Session {
    viewer: Viewer,
    /// The account's slot on this replica (`None` for an anonymous connection).
    registration: Option<Registration>,
    /// Whether the credential expires (then the deadline is its expiry).
    expires: bool,
}

struct Connection {
    state: HttpState,
    client: Client,
    out: mpsc::Sender<Message>,
    session: Option<Session>,
    operations: StreamMap<String, Operation>,
    /// Before `connection_init`: its deadline; after: the credential's expiry, if any.
    deadline: Pin<Box<Sleep>>,
}

impl Connection {
    fn new(state: HttpState, client: Client, out: mpsc::Sender<Message>) -> Self {
        let init_timeout = state.app.config.settings.ws_init_timeout;
        Self {
            state,
            client,
            out,
            session: None,
            operations: StreamMap::new(),
            deadline: Box::pin(tokio::time::sleep(init_timeout)),
        }
    }

    /// The reader loop: returns how to close, or `None` when the client is gone. Protocol
    /// events come before results (`biased`), so messages are handled in the order they
    /// arrived relative to the operations they start and stop.
    async fn serve(mut self, incoming: &mut SplitStream<WebSocket>) -> Option<Close> {
        loop {
            let timed = self.session.as_ref().is_none_or(|s| s.expires);
            let step = tokio::select! {
                biased;
                () = kicked(&mut self.session) => Err(Close::forbidden().into()),
                () = &mut self.deadline, if timed => Err(match self.session {
                    None => Close::init_timeout(),
                    Some(_) => Close::token_expired(),
                }.into()),
                frame = incoming.next() => match frame {
                    Some(frame) => self.on_frame(frame).await,
                    None => Err(Stop::Gone),
                },
                Some((id, result)) = self.operations.next() => self.on_result(id, result).await,
            };
            match step {
                Ok(()) => {}
                Err(Stop::Close(close)) => return Some(close),
                Err(Stop::Gone) => return None,
            }
        }
    }

    async fn on_frame(&mut self, frame: Result<Message, axum::Error>) -> Step {
        match frame {
            Ok(Message::Text(text)) => match parse(text.as_str()) {
                Ok(message) => self.on_message(message).await,
                Err(reason) => Err(Close::invalid(reason).into()),
            },
            Ok(Message::Binary(_)) => {
                Err(Close::invalid("Invalid message: binary frames are not supported").into())
            }
            // tungstenite answers pings itself.
            Ok(Message::Ping(_) | Message::Pong(_)) => Ok(()),
            Ok(Message::Close(_)) => Err(Stop::Gone),
            Err(err) => match err.into_inner().downcast::<tungstenite::Error>() {
                Ok(err) if matches!(*err, tungstenite::Error::Capacity(_)) => {
                    Err(Close::message_too_big().into())
                }
                _ => Err(Stop::Gone),
            },
        }
    }

    async fn on_message(&mut self, message: ClientMessage) -> Step {
        match message {
            ClientMessage::ConnectionInit { payload } => {
                if self.session.is_some() {
                    return Err(Close::too_many_init().into());
                }
                self.init(payload.as_ref()).await
            }
            ClientMessage::Ping { payload } => self.send(protocol::pong(payload.as_ref())).await,
            ClientMessage::Pong => Ok(()),
            ClientMessage::Subscribe { id, payload } => {
                let Some(session) = &self.session else {
                    return Err(Close::unauthorized().into());
                };
                if self.operations.contains_key(&id) {
                    return Err(Close::subscriber_exists(&id).into());
                }
                let max = self.state.app.config.settings.ws_max_subscriptions;
                if u32::try_from(self.operations.len()).unwrap_or(u32::MAX) >= max {
                    let refused = error_with_code(
                        format!("at most {max} operations may run at once on a connection"),
                        code::TOO_MANY_SUBSCRIPTIONS,
                    );
                    return self.send(protocol::error(&id, &[refused])).await;
                }
                match operation::start(&self.state, &self.client, &session.viewer, payload) {
                    Ok(operation) => {
                        self.operations.insert(id, operation);
                        Ok(())
                    }
                    Err(refused) => self.send(protocol::error(&id, &[refused])).await,
                }
            }
            ClientMessage::Complete { id } => {
                self.operations.remove(&id);
                Ok(())
            }
        }
    }

    /// Authenticates `connection_init`, takes the account's slot and acknowledges.
    async fn init(&mut self, payload: Option<&Map<String, Value>>) -> Step {
        let authenticated = match credential(payload) {
            Ok(None) => Ok(Authenticated {
                viewer: Viewer::Anonymous,
                expires_at: None,
            }),
            Ok(Some(token)) => authenticate_token_until(&self.state.app, token).await,
            Err(err) => Err(err),
        };
        let Authenticated { viewer, expires_at } = match authenticated {
            Ok(authenticated) => authenticated,
            Err(AppError::Unauthenticated(_)) => return Err(Close::forbidden().into()),
            Err(err) => {
                // Logs an internal error with its chain.
                err.public_message();
                return Err(Close::internal().into());
            }
        };
        let registration = match viewer.user_id() {
            Some(user_id) => match self.state.app.websockets.register(user_id) {
                Some(registration) => Some(registration),
                None => return Err(Close::too_many_connections().into()),
            },
            None => None,
        };
        // An expiry too far away to represent is as good as none.
        let expiry = expires_at.and_then(|at| {
            let left = (at - chrono::Utc::now()).to_std().unwrap_or(Duration::ZERO);
            tokio::time::Instant::now().checked_add(left)
        });
        if let Some(expiry) = expiry {
            self.deadline.as_mut().reset(expiry);
        }
        self.session = Some(Session {
            viewer,
            registration,
            expires: expiry.is_some(),
        });
        self.send(protocol::connection_ack()).await
    }

    async fn on_result(&mut self, id: String, result: Option<async_graphql::Response>) -> Step {
        let Some(response) = result else {
            self.operations.remove(&id);
            return self.send(protocol::complete(&id)).await;
        };
        if matches!(response.data, async_graphql::Value::Null) && !response.errors.is_empty() {
            self.operations.remove(&id);
            return self.send(protocol::error(&id, &response.errors)).await;
        }
        let next = protocol::next(&id, &response);
        if next.len() > MAX_OUTGOING_MESSAGE_BYTES {
            self.operations.remove(&id);
            let refused =
                error_with_code("the result is too large to send", code::PAYLOAD_TOO_LARGE);
            return self.send(protocol::error(&id, &[refused])).await;
        }
        self.send(next).await
    }

    /// Queues a message for the writer; a client that stopped reading is gone. (`&mut`: a
    /// shared borrow held across the await would need the connection to be `Sync`.)
    async fn send(&mut self, text: String) -> Step {
        match tokio::time::timeout(
            STALLED_CLIENT_TIMEOUT,
            self.out.send(Message::Text(text.into())),
        )
        .await
        {
            Ok(Ok(())) => Ok(()),
            _ => Err(Stop::Gone),
        }
    }
}

/// The bearer token of a `connection_init` payload: `authorization` (or `Authorization`)
/// `"Bearer <t>"`, or `token`. `None` means anonymous; a value of the wrong shape is a bad
/// credential.
fn credential(payload: Option<&Map<String, Value>>) -> Result<Option<&str>, AppError> {
    const BAD: AppError = AppError::Unauthenticated("the connection credential is malformed");
    let Some(payload) = payload else {
        return Ok(None);
    };
    match payload
        .get("authorization")
        .or_else(|| payload.get("Authorization"))
    {
        Some(Value::String(authorization)) => return bearer_token(authorization).map(Some),
        Some(_) => return Err(BAD),
        None => {}
    }
    match payload.get("token") {
        Some(Value::String(token)) => Ok(Some(token)),
        Some(_) => Err(BAD),
        None => Ok(None),
    }
}

/// Completes when the hub closes the session's account ([`Connections::close_user`]); never
/// for an anonymous or unacknowledged connection.
async fn kicked(session: &mut Option<Session>) {
    match session.as_mut().and_then(|s| s.registration.as_mut()) {
        Some(registration) => registration.closed().await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_credential_comes_from_authorization_or_token() {
        let table: &[(&str, Result<Option<&str>, ()>)] = &[
            (r#"{}"#, Ok(None)),
            (r#"{"authorization":"Bearer abc"}"#, Ok(Some("abc"))),
            (r#"{"Authorization":"bearer abc"}"#, Ok(Some("abc"))),
            (r#"{"token":"abc"}"#, Ok(Some("abc"))),
            (r#"{"authorization":"Basic abc"}"#, Err(())),
            (r#"{"authorization":"Bearer "}"#, Err(())),
            (r#"{"authorization":7}"#, Err(())),
            (r#"{"token":null}"#, Err(())),
            (r#"{"other":"abc"}"#, Ok(None)),
        ];
        for (json, expected) in table {
            let payload = payload(json);
            let got = credential(Some(&payload)).map_err(|_| ());
            assert_eq!(&got, expected, "{json}");
        }
        assert!(matches!(credential(None), Ok(None)));
    }
}
