//! The reader loop of one connection: the protocol state (before and after
//! `connection_init`), the running operations, the deadline (initialisation, then the
//! credential's expiry) and the account's slot. What it sends goes to the writer's queue;
//! how it ends is the close it returns.

use std::{pin::Pin, time::Duration};

use axum::extract::ws::{Message, WebSocket};
use futures::{StreamExt as _, stream::SplitStream};
use serde_json::{Map, Value};
use tokio::{sync::mpsc, time::Sleep};
use tokio_stream::StreamMap;

use super::{
    Client, MAX_OUTGOING_MESSAGE_BYTES, STALLED_CLIENT_TIMEOUT,
    operation::{self, Operation},
    protocol::{self, ClientMessage, Close, parse},
    registry::Registration,
};
use crate::{
    auth::{
        Viewer,
        authenticate::{Authenticated, authenticate_token_until, bearer_token},
    },
    error::{AppError, code},
    http::HttpState,
    limits::error_with_code,
};

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
    /// The bearer token of `connection_init`, authenticated again before every operation,
    /// so that a suspension, a logout or a revoked token stops the connection at the next
    /// one (through the credential cache, which every such change empties).
    token: Option<String>,
    /// The account's slot on this replica (`None` for an anonymous connection).
    registration: Option<Registration>,
    /// Whether the credential expires (then the deadline is its expiry).
    expires: bool,
}

pub(super) struct Connection {
    state: HttpState,
    client: Client,
    out: mpsc::Sender<Message>,
    session: Option<Session>,
    operations: StreamMap<String, Operation>,
    /// Before `connection_init`: its deadline; after: the credential's expiry, if any.
    deadline: Pin<Box<Sleep>>,
    /// When to authenticate the connection's token again (`WS_RECHECK_INTERVAL`): a logout,
    /// a revoked token or an organisation losing its verification closes it (4403) within
    /// that period, even while it only receives. (Every operation it starts is authenticated
    /// at once, and a suspension or a removal from a workspace ends the affected streams
    /// within a second.)
    recheck: tokio::time::Interval,
}

impl Connection {
    pub(super) fn new(state: HttpState, client: Client, out: mpsc::Sender<Message>) -> Self {
        let init_timeout = state.app.config.settings.ws_init_timeout;
        let recheck_every = state.app.config.settings.ws_recheck_interval;
        Self {
            state,
            client,
            out,
            session: None,
            operations: StreamMap::new(),
            deadline: Box::pin(tokio::time::sleep(init_timeout)),
            recheck: tokio::time::interval_at(
                tokio::time::Instant::now() + recheck_every,
                recheck_every,
            ),
        }
    }

    /// Authenticates the token again; a credential that no longer holds, or an account whose
    /// organisation lost its verification, closes the connection.
    async fn recheck(&mut self) -> Step {
        let Some(session) = &mut self.session else {
            return Ok(());
        };
        let Some(token) = &session.token else {
            return Ok(());
        };
        match authenticate_token_until(&self.state.app, token).await {
            Ok(fresh) => {
                let verified = |v: &Viewer| v.account().is_some_and(|a| a.organization_verified());
                if verified(&session.viewer) && !verified(&fresh.viewer) {
                    return Err(Close::forbidden().into());
                }
                session.viewer = fresh.viewer;
                Ok(())
            }
            Err(AppError::Unauthenticated(_)) => Err(Close::forbidden().into()),
            // The database may be briefly unreachable: try again at the next turn.
            Err(err) => {
                err.public_message();
                Ok(())
            }
        }
    }

    /// The reader loop: returns how to close, or `None` when the client is gone. Protocol
    /// events come before results (`biased`), so messages are handled in the order they
    /// arrived relative to the operations they start and stop.
    pub(super) async fn serve(mut self, incoming: &mut SplitStream<WebSocket>) -> Option<Close> {
        loop {
            let timed = self.session.as_ref().is_none_or(|s| s.expires);
            let step = tokio::select! {
                biased;
                () = kicked(&mut self.session) => Err(Close::forbidden().into()),
                _ = self.recheck.tick(), if self.session.is_some() => self.recheck().await,
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
                let Some(session) = &mut self.session else {
                    return Err(Close::unauthorized().into());
                };
                if let Some(token) = &session.token {
                    match authenticate_token_until(&self.state.app, token).await {
                        Ok(fresh) => session.viewer = fresh.viewer,
                        Err(AppError::Unauthenticated(_)) => {
                            return Err(Close::forbidden().into());
                        }
                        Err(err) => {
                            err.public_message();
                            return Err(Close::internal().into());
                        }
                    }
                }
                let session = &*session;
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
        let token = credential(payload).ok().flatten().map(str::to_owned);
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
            token,
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
        // Mostly the queue has room: no timer for that (a fan-out sends ten thousand at once).
        let message = match self.out.try_send(Message::Text(text.into())) {
            Ok(()) => return Ok(()),
            Err(mpsc::error::TrySendError::Closed(_)) => return Err(Stop::Gone),
            Err(mpsc::error::TrySendError::Full(message)) => message,
        };
        match tokio::time::timeout(STALLED_CLIENT_TIMEOUT, self.out.send(message)).await {
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
