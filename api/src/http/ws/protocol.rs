//! The messages and close codes of `graphql-transport-ws`, as graphql-ws's PROTOCOL.md
//! defines them: parsing what a client sends (anything else is an invalid message, 4400) and
//! encoding what the server sends. No I/O here.

use async_graphql::{Response, ServerError};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::http::graphql::{HttpGraphqlRequest, parse_params};

/// The subprotocol, offered by the client in `Sec-WebSocket-Protocol`.
pub const PROTOCOL: &str = "graphql-transport-ws";

/// A close frame's reason may hold at most 123 bytes (RFC 6455: 125 bytes of control-frame
/// payload, two of them the code).
pub const MAX_CLOSE_REASON_BYTES: usize = 123;

/// Why the server closes a socket: a code and a reason of at most
/// [`MAX_CLOSE_REASON_BYTES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub code: u16,
    pub reason: String,
}

impl Close {
    /// A close with `reason` cut to [`MAX_CLOSE_REASON_BYTES`] on a character boundary.
    pub fn new(code: u16, reason: &str) -> Self {
        Self {
            code,
            reason: truncate_reason(reason).to_owned(),
        }
    }

    /// 4400: the message breaks the protocol (the reason says how, briefly).
    pub fn invalid(reason: &str) -> Self {
        Self::new(4400, reason)
    }
    /// 4401: `subscribe` before the connection was acknowledged.
    pub fn unauthorized() -> Self {
        Self::new(4401, "Unauthorized")
    }
    /// 4403: `connection_init` with a bad credential, or an account closed by the hub.
    pub fn forbidden() -> Self {
        Self::new(4403, "Forbidden")
    }
    /// 4403: the connection's access token (or API token) has expired.
    pub fn token_expired() -> Self {
        Self::new(4403, "Token expired")
    }
    /// 4406: the client did not offer `graphql-transport-ws`.
    pub fn subprotocol_not_acceptable() -> Self {
        Self::new(4406, "Subprotocol not acceptable")
    }
    /// 4408: no `connection_init` within `WS_INIT_TIMEOUT`.
    pub fn init_timeout() -> Self {
        Self::new(4408, "Connection initialisation timeout")
    }
    /// 4409: `subscribe` with the id of an operation that is still active.
    pub fn subscriber_exists(id: &str) -> Self {
        Self::new(4409, &format!("Subscriber for {id} already exists"))
    }
    /// 4429: a second `connection_init`.
    pub fn too_many_init() -> Self {
        Self::new(4429, "Too many initialisation requests")
    }
    /// 4500: the server failed (the cause is logged, never sent).
    pub fn internal() -> Self {
        Self::new(4500, "Internal server error")
    }
    /// 1008 (policy violation): the account has `WS_MAX_CONNECTIONS_PER_USER` open already.
    pub fn too_many_connections() -> Self {
        Self::new(1008, "too many connections")
    }
    /// 1009: a message larger than `WS_MAX_MESSAGE_BYTES`.
    pub fn message_too_big() -> Self {
        Self::new(1009, "message too big")
    }
}

/// The longest prefix of `reason` that fits a close frame, cut on a character boundary.
pub fn truncate_reason(reason: &str) -> &str {
    if reason.len() <= MAX_CLOSE_REASON_BYTES {
        return reason;
    }
    let mut end = MAX_CLOSE_REASON_BYTES;
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    &reason[..end]
}

/// A message from the client.
pub enum ClientMessage {
    ConnectionInit {
        payload: Option<Map<String, Value>>,
    },
    Ping {
        payload: Option<Map<String, Value>>,
    },
    Pong,
    Subscribe {
        id: String,
        payload: HttpGraphqlRequest,
    },
    Complete {
        id: String,
    },
}

/// Parses a text message; the error is the reason of the 4400 close.
pub fn parse(text: &str) -> Result<ClientMessage, &'static str> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Err("Invalid message: not JSON");
    };
    let Value::Object(mut message) = value else {
        return Err("Invalid message: not a JSON object");
    };
    let kind = match message.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        _ => return Err("Invalid message: 'type' must be a string"),
    };
    match kind {
        "connection_init" => Ok(ClientMessage::ConnectionInit {
            payload: optional_object(message.remove("payload"))?,
        }),
        "ping" => Ok(ClientMessage::Ping {
            payload: optional_object(message.remove("payload"))?,
        }),
        "pong" => {
            optional_object(message.remove("payload"))?;
            Ok(ClientMessage::Pong)
        }
        "subscribe" => {
            let id = id(message.remove("id"))?;
            let Some(Value::Object(payload)) = message.get("payload") else {
                return Err("Invalid message: 'payload' must be an object");
            };
            let payload = parse_params(
                payload.get("query"),
                payload.get("operationName"),
                payload.get("variables"),
                payload.get("extensions"),
            )?;
            Ok(ClientMessage::Subscribe { id, payload })
        }
        "complete" => Ok(ClientMessage::Complete {
            id: id(message.remove("id"))?,
        }),
        _ => Err("Invalid message: unknown or unexpected 'type'"),
    }
}

fn id(value: Option<Value>) -> Result<String, &'static str> {
    match value {
        Some(Value::String(id)) if !id.is_empty() => Ok(id),
        _ => Err("Invalid message: 'id' must be a non-empty string"),
    }
}

fn optional_object(value: Option<Value>) -> Result<Option<Map<String, Value>>, &'static str> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(_) => Err("Invalid message: 'payload' must be an object or null"),
    }
}

/// A message to the client, serialised straight from its parts.
#[derive(Serialize)]
struct Outgoing<'a, P: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<P>,
}

fn encode<P: Serialize>(id: Option<&str>, kind: &'static str, payload: Option<P>) -> String {
    let message = Outgoing { id, kind, payload };
    // Strings, maps with string keys and async-graphql's values: serialising cannot fail.
    serde_json::to_string(&message).unwrap_or_default()
}

pub fn connection_ack() -> String {
    encode::<()>(None, "connection_ack", None)
}

/// The answer to a `ping`, echoing its payload.
pub fn pong(payload: Option<&Map<String, Value>>) -> String {
    encode(None, "pong", payload)
}

/// One result of an operation.
pub fn next(id: &str, response: &Response) -> String {
    encode(Some(id), "next", Some(response))
}

/// The errors that end an operation (no `complete` follows).
pub fn error(id: &str, errors: &[ServerError]) -> String {
    encode(Some(id), "error", Some(errors))
}

/// The operation has no more results.
pub fn complete(id: &str) -> String {
    encode::<()>(Some(id), "complete", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_that_fit_are_kept_whole() {
        assert_eq!(truncate_reason("Forbidden"), "Forbidden");
        let exact = "x".repeat(MAX_CLOSE_REASON_BYTES);
        assert_eq!(truncate_reason(&exact), exact);
    }

    #[test]
    fn long_reasons_are_cut_on_a_character_boundary() {
        // 'é' is two bytes: 61 of them plus one byte is 123 bytes, the 62nd would cross.
        let reason = format!("x{}", "é".repeat(100));
        let cut = truncate_reason(&reason);
        assert_eq!(cut.len(), MAX_CLOSE_REASON_BYTES);
        let reason = "é".repeat(100);
        let cut = truncate_reason(&reason);
        assert_eq!(cut.len(), MAX_CLOSE_REASON_BYTES - 1);
        assert!(cut.chars().all(|c| c == 'é'));
        let emoji = "🦀".repeat(40);
        assert_eq!(truncate_reason(&emoji).len(), 120);
    }

    #[test]
    fn a_duplicate_id_close_fits_whatever_the_id() {
        let close = Close::subscriber_exists(&"ü".repeat(10_000));
        assert_eq!(close.code, 4409);
        assert!(close.reason.len() <= MAX_CLOSE_REASON_BYTES);
        assert!(close.reason.starts_with("Subscriber for ü"));
    }

    #[test]
    fn client_messages_are_parsed_or_refused_with_a_reason() {
        let table: &[(&str, Result<&str, &str>)] = &[
            (r#"{"type":"connection_init"}"#, Ok("init")),
            (r#"{"type":"connection_init","payload":null}"#, Ok("init")),
            (
                r#"{"type":"connection_init","payload":{"token":"t"}}"#,
                Ok("init"),
            ),
            (
                r#"{"type":"connection_init","payload":"t"}"#,
                Err("'payload'"),
            ),
            (r#"{"type":"ping","payload":{"a":1}}"#, Ok("ping")),
            (r#"{"type":"pong"}"#, Ok("pong")),
            (r#"{"type":"pong","payload":[1]}"#, Err("'payload'")),
            (
                r#"{"id":"1","type":"subscribe","payload":{"query":"{ a }"}}"#,
                Ok("subscribe"),
            ),
            (
                r#"{"type":"subscribe","payload":{"query":"{ a }"}}"#,
                Err("'id'"),
            ),
            (
                r#"{"id":"","type":"subscribe","payload":{"query":"{ a }"}}"#,
                Err("'id'"),
            ),
            (
                r#"{"id":7,"type":"subscribe","payload":{"query":"{ a }"}}"#,
                Err("'id'"),
            ),
            (r#"{"id":"1","type":"subscribe"}"#, Err("'payload'")),
            (
                r#"{"id":"1","type":"subscribe","payload":{}}"#,
                Err("'query'"),
            ),
            (
                r#"{"id":"1","type":"subscribe","payload":{"query":"{ a }","variables":[]}}"#,
                Err("'variables'"),
            ),
            (r#"{"id":"1","type":"complete"}"#, Ok("complete")),
            (r#"{"type":"complete"}"#, Err("'id'")),
            (r#"{"id":"1","type":"next","payload":{}}"#, Err("'type'")),
            (r#"{"type":"connection_ack"}"#, Err("'type'")),
            (r#"{"type":7}"#, Err("'type'")),
            (r#"[]"#, Err("object")),
            (r#"nope"#, Err("JSON")),
        ];
        for (text, expected) in table {
            let got = parse(text).map(|m| match m {
                ClientMessage::ConnectionInit { .. } => "init",
                ClientMessage::Ping { .. } => "ping",
                ClientMessage::Pong => "pong",
                ClientMessage::Subscribe { .. } => "subscribe",
                ClientMessage::Complete { .. } => "complete",
            });
            match (expected, got) {
                (Ok(want), Ok(got)) => assert_eq!(*want, got, "{text}"),
                (Err(part), Err(reason)) => {
                    assert!(reason.contains(part), "{text}: {reason}");
                    assert!(reason.len() <= MAX_CLOSE_REASON_BYTES);
                }
                (want, got) => panic!("{text}: expected {want:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn server_messages_have_the_protocol_shape() {
        assert_eq!(connection_ack(), r#"{"type":"connection_ack"}"#);
        assert_eq!(pong(None), r#"{"type":"pong"}"#);
        let payload: Map<String, Value> = serde_json::from_str(r#"{"a":1}"#).unwrap();
        assert_eq!(pong(Some(&payload)), r#"{"type":"pong","payload":{"a":1}}"#);
        assert_eq!(complete("a\"b"), r#"{"id":"a\"b","type":"complete"}"#);
        let response =
            Response::new(async_graphql::Value::from_json(serde_json::json!({"x": 1})).unwrap());
        assert_eq!(
            next("1", &response),
            r#"{"id":"1","type":"next","payload":{"data":{"x":1}}}"#
        );
        let errors = [ServerError::new("no", None)];
        assert_eq!(
            error("1", &errors),
            r#"{"id":"1","type":"error","payload":[{"message":"no"}]}"#
        );
    }
}
