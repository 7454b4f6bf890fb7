//! Relay global ids: base64url of `Type:uuid`, opaque to clients.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeType {
    Organization,
    User,
    ApiToken,
    AuditEvent,
    Workspace,
    Invitation,
    Thread,
    Post,
    Notification,
    Advisory,
    AdvisoryComment,
    Alert,
    Programme,
    TrainingModule,
    TrainingSession,
    Enrolment,
    Certificate,
}

impl NodeType {
    const ALL: [NodeType; 17] = [
        NodeType::Organization,
        NodeType::User,
        NodeType::ApiToken,
        NodeType::AuditEvent,
        NodeType::Workspace,
        NodeType::Invitation,
        NodeType::Thread,
        NodeType::Post,
        NodeType::Notification,
        NodeType::Advisory,
        NodeType::AdvisoryComment,
        NodeType::Alert,
        NodeType::Programme,
        NodeType::TrainingModule,
        NodeType::TrainingSession,
        NodeType::Enrolment,
        NodeType::Certificate,
    ];

    fn as_str(self) -> &'static str {
        match self {
            NodeType::Organization => "Organization",
            NodeType::User => "User",
            NodeType::ApiToken => "ApiToken",
            NodeType::AuditEvent => "AuditEvent",
            NodeType::Workspace => "Workspace",
            NodeType::Invitation => "Invitation",
            NodeType::Thread => "Thread",
            NodeType::Post => "Post",
            NodeType::Notification => "Notification",
            NodeType::Advisory => "Advisory",
            NodeType::AdvisoryComment => "AdvisoryComment",
            NodeType::Alert => "Alert",
            NodeType::Programme => "Programme",
            NodeType::TrainingModule => "TrainingModule",
            NodeType::TrainingSession => "TrainingSession",
            NodeType::Enrolment => "Enrolment",
            NodeType::Certificate => "Certificate",
        }
    }
}

pub fn encode(kind: NodeType, id: Uuid) -> async_graphql::ID {
    async_graphql::ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", kind.as_str())))
}

/// Decodes any global id. A malformed id is `BAD_USER_INPUT`.
pub fn decode_any(id: &str) -> AppResult<(NodeType, Uuid)> {
    let bad = || AppError::bad_input("id", "not a valid id");
    let raw = URL_SAFE_NO_PAD.decode(id.as_bytes()).map_err(|_| bad())?;
    let raw = String::from_utf8(raw).map_err(|_| bad())?;
    let (kind, uuid) = raw.split_once(':').ok_or_else(bad)?;
    let kind = NodeType::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(bad)?;
    let uuid = Uuid::parse_str(uuid).map_err(|_| bad())?;
    Ok((kind, uuid))
}

/// Decodes a global id that must be of one type. An id of another type is `NOT_FOUND`
/// (nothing of the expected type has that id).
pub fn decode(expected: NodeType, id: &str) -> AppResult<Uuid> {
    let (kind, uuid) = decode_any(id)?;
    if kind == expected {
        Ok(uuid)
    } else {
        Err(AppError::NotFound)
    }
}

/// Decodes a global id that an input refers to: one that is malformed or of another type is
/// `BAD_USER_INPUT` on that input field.
pub fn decode_reference(
    expected: NodeType,
    id: &str,
    field: &'static str,
    message: &'static str,
) -> AppResult<Uuid> {
    decode(expected, id).map_err(|_| AppError::bad_input(field, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_garbage() {
        let id = Uuid::now_v7();
        let global = encode(NodeType::User, id);
        assert_eq!(decode(NodeType::User, &global).unwrap(), id);
        assert!(matches!(
            decode(NodeType::Organization, &global),
            Err(AppError::NotFound)
        ));
        assert!(decode_any("!!!").is_err());
        assert!(decode_any(&URL_SAFE_NO_PAD.encode("Nope:1")).is_err());
    }
}
