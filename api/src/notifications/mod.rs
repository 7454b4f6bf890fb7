//! Notifications: mentions, invitations and replies. Each holds references only; what it
//! points to is authorised again when the notification is read.

pub mod schema;
pub mod service;
pub mod types;
